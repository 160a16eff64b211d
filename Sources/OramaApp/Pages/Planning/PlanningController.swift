import Foundation
import OramaDomain
import Plot
import Vapor

/// The second half of the operational plan: checks, prioritisation, schedule, financial
/// programme, annual action programme and the funding what-if.
enum PlanningController {
    // MARK: checks

    @Sendable static func checks(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canSeeChecks(loaded.summary), req.language)
        let findings = loaded.derived("checks") { loaded.programme.check(reference: loaded.reference) }
        return Respond.html(ChecksPage(context: PageContext(req), loaded: loaded, findings: findings).render())
    }

    // MARK: priorities

    @Sendable static func priorities(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        return Respond.html(PrioritiesPage(context: PageContext(req), loaded: loaded, canEdit: req.access.canEditPlan(loaded.summary), errors: [:]).render())
    }

    struct RankForm: Content {
        var rank: [String: String]?
        /// The ranks as the page showed them: only changed ones are written, and one changed
        /// meanwhile by someone else is a conflict.
        var was: [String: String]?
    }

    /// Sets the planner's order for many actions at once: all or nothing.
    @Sendable static func saveRanks(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = try req.content.decode(RankForm.self)
        var ranks: [UUID: Int?] = [:]
        var errors: [String: String] = [:]
        var conflicts: [String] = []
        for (key, text) in form.rank ?? [:] {
            guard let id = UUID(uuidString: key), let action = loaded.programme.action(id) else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let shown = (form.was?[key] ?? "").trimmingCharacters(in: .whitespaces)
            if trimmed == shown { continue }
            if shown != (action.rank.map(String.init) ?? "") { conflicts.append(action.code); continue }
            do throws(FieldError) { ranks[id] = .some(try FieldRules.rank(trimmed)) } catch {
                errors[key] = req.language.t("Δράση \(action.code): \(error.description)", "Action \(action.code): \(error.english)")
            }
        }
        guard errors.isEmpty else {
            return Respond.html(PrioritiesPage(context: PageContext(req), loaded: loaded, canEdit: true, errors: errors).render(), status: .unprocessableEntity)
        }
        guard conflicts.isEmpty else {
            throw UserFacingError(status: .conflict, code: "conflict",
                                  reason: req.language.t("Η σειρά των δράσεων \(conflicts.sorted().joined(separator: ", ")) άλλαξε στο μεταξύ από άλλον χρήστη. Δεν αποθηκεύτηκε τίποτα· ανανεώστε τη σελίδα.",
                                                         "The rank of actions \(conflicts.sorted().joined(separator: ", ")) was changed meanwhile. Nothing was saved; reload the page."))
        }
        guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { p in
            for (id, rank) in ranks { p.editAction(id) { $0.rank = rank } }
        }) else { throw UserFacingError.conflict(req.language) }
        return Respond.redirect(req, to: SiteURL.priorities(loaded.id).path, flash: req.language.t("Η σειρά των δράσεων αποθηκεύτηκε.", "The order of actions was saved."))
    }

    // MARK: schedule

    @Sendable static func schedule(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let by = try req.grouping(allowed: ["axis", "measure", "unit"])
        let context = PageContext(req)
        return Respond.html(SchedulePage(context: context, loaded: loaded, by: by, today: context.today).render())
    }

    // MARK: finance

    @Sendable static func finance(req: Request) async throws -> Response {
        let grouping = try req.fundingGrouping()
        let loaded = try await ProgrammeContext.load(req)
        let table = loaded.derived("funding-\(grouping)") { loaded.programme.fundingTable(by: grouping, reference: loaded.reference) }
        return Respond.html(FinancePage(context: PageContext(req), loaded: loaded, table: table).render())
    }

    // MARK: annual programme

    @Sendable static func annual(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let year = try req.programmeYear(in: loaded.programme)
        let approval = try await req.repositories.annualApprovals.find(programmeID: loaded.id, year: year)
        let live = req.query[String.self, at: "live"] == "1"
        let annual = (live ? nil : approval?.programme) ?? loaded.programme.annualProgramme(year: year, reference: loaded.reference)
        return Respond.html(AnnualPage(context: PageContext(req), loaded: loaded, annual: annual, approval: approval, showingLive: live || approval == nil,
                                         canApprove: req.access.canEditPlan(loaded.summary)).render())
    }

    @Sendable static func approveAnnual(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let year = try req.programmeYear(in: loaded.programme)
        let annual = loaded.programme.annualProgramme(year: year, reference: loaded.reference)
        do {
            try await req.repositories.annualApprovals.approve(annual, of: loaded.summary, actor: req.user!.actor, at: req.now)
        } catch AnnualApprovals.Error.alreadyApproved {
            throw UserFacingError(status: .conflict, code: "already_approved",
                                  reason: req.language.t("Το Ετήσιο Πρόγραμμα Δράσης του \(year) έχει ήδη εγκριθεί.", "The \(year) Annual Action Programme is already approved."))
        }
        return Respond.redirect(req, to: SiteURL.annual(loaded.id, year: year).path,
                                  flash: req.language.t("Το Ετήσιο Πρόγραμμα Δράσης \(year) εγκρίθηκε και «πάγωσε»· οι επόμενες αλλαγές δεν το επηρεάζουν.",
                                                        "The \(year) Annual Action Programme was approved and frozen; later edits do not change it."))
    }

    // MARK: what-if

    @Sendable static func whatIf(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let p = loaded.programme
        let l = req.language
        var errors = FieldErrors()
        let sourceText = req.query[String.self, at: "source"]
        var result: WhatIfResult?
        var cut: FundingCut?
        if let sourceText {
            let source = UUID(uuidString: sourceText).flatMap { loaded.reference.source($0) }
            if source == nil { errors.add("source", l.t("Επιλέξτε πηγή χρηματοδότησης.", "Choose a funding source.")) }
            let years = Set((req.query[[String].self, at: "years"] ?? []).compactMap(Int.init).filter { p.years.contains($0) })
            if years.isEmpty { errors.add("years", l.t("Επιλέξτε τουλάχιστον ένα έτος.", "Choose at least one year.")) }
            let kind = req.query[String.self, at: "kind"] ?? "percent"
            let valueText = req.query[String.self, at: "value"] ?? ""
            var size: FundingCut.Size?
            if kind == "percent" {
                if let v = GreekNumber.parse(valueText), (0...100).contains(v) { size = .percent(v) }
                else { errors.add("value", l.t("Το ποσοστό είναι αριθμός από 0 έως 100.", "The percentage is a number from 0 to 100.")) }
            } else {
                if let m = Money(parsing: valueText), m.cents >= 0 { size = .amount(m) }
                else { errors.add("value", l.t("Το ποσό γράφεται π.χ. 250.000,00.", "Write the amount as e.g. 250.000,00.")) }
            }
            if errors.isEmpty, let source, let size {
                let c = FundingCut(sourceID: source.id, years: years, size: size)
                cut = c
                result = p.whatIf(c, priorityOrder: p.ranking(of: p.actions, reference: loaded.reference).map(\.0.id))
            }
        }
        return Respond.html(WhatIfPage(context: PageContext(req), loaded: loaded, query: req.url.query ?? "", cut: cut, result: result, errors: errors).render(),
                              status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
