import Foundation
import OramaDomain
import Vapor

/// `/programmes/{p}/path`: the programme's way through the council and the public
/// consultation — its timeline, public with the programme — and, for the planning office,
/// the next step and a new revision once it is published.
enum ApprovalController {
    struct StepForm: Content {
        var decision: String?
        var consultationStart: String?
        var consultationEnd: String?
        /// The change counter of the programme the planner saw.
        var counter: String?
    }

    /// What the page shows: the steps taken, the decisions, the versions before and after.
    struct State {
        var steps: [StepRecord]
        var decisions: [Decision]
        var previous: ProgrammeSummary?
        var later: [ProgrammeSummary]
    }

    static func state(_ req: Request, _ loaded: LoadedProgramme) async throws -> State {
        let store = req.repositories.approvals
        let steps = try await store.steps(programmeID: loaded.id)
        let decisions = try await req.repositories.decisions.decisions(programmeID: loaded.id)
        let access = req.access
        var previous: ProgrammeSummary?
        if let id = try await store.previous(of: loaded.id), let summary = try await req.repositories.programmes.summary(id), access.canRead(summary) {
            previous = summary
        }
        var later: [ProgrammeSummary] = []
        for id in try await store.revisions(of: loaded.id) {
            if let summary = try await req.repositories.programmes.summary(id), access.canRead(summary) { later.append(summary) }
        }
        return State(steps: steps, decisions: decisions, previous: previous, later: later.sorted { $0.version < $1.version })
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        return try await page(req, loaded, form: StepForm(), refusal: nil, status: .ok)
    }

    static func page(_ req: Request, _ loaded: LoadedProgramme, form: StepForm, refusal: String?, errors: FieldErrors = FieldErrors(),
                     status: HTTPStatus) async throws -> Response {
        let state = try await state(req, loaded)
        return Respond.html(ApprovalPage(context: PageContext(req), loaded: loaded, state: state, form: form, refusal: refusal, errors: errors).render(),
                            status: status)
    }

    @Sendable static func take(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canTakeApprovalSteps(loaded.summary), req.language)
        let l = req.language
        guard let step = req.parameters.get("step").flatMap(ApprovalStep.init(rawValue:)) else {
            throw UserFacingError.notFound(l.t("το βήμα", "the step"), l)
        }
        let form = try req.content.decode(StepForm.self)
        var errors = FieldErrors()
        var request = StepRequest(step: step)
        if step.act != nil {
            if let text = form.decision, !text.isEmpty {
                guard let id = UUID(uuidString: text) else {
                    errors.add("decision", l.t("Η απόφαση που επιλέχθηκε δεν αναγνωρίζεται.", "The chosen decision is not recognised."))
                    return try await page(req, loaded, form: form, refusal: nil, errors: errors, status: .unprocessableEntity)
                }
                request.decisionID = id
            }
        }
        if step == .openConsultation {
            let start = errors.check(l, as: "consultationStart") { () throws(FieldError) in try FieldRules.date(form.consultationStart ?? "", field: "consultationStart") } ?? nil
            let end = errors.check(l, as: "consultationEnd") { () throws(FieldError) in try FieldRules.date(form.consultationEnd ?? "", field: "consultationEnd") } ?? nil
            if start == nil && errors["consultationStart"] == nil { errors.add("consultationStart", l.t("Δώστε την πρώτη ημέρα της διαβούλευσης.", "Give the consultation's first day.")) }
            if end == nil && errors["consultationEnd"] == nil { errors.add("consultationEnd", l.t("Δώστε την τελευταία ημέρα της διαβούλευσης.", "Give the consultation's last day.")) }
            guard let start, let end, errors.isEmpty else {
                return try await page(req, loaded, form: form, refusal: nil, errors: errors, status: .unprocessableEntity)
            }
            request.consultation = Consultation(start: start, end: end)
        }
        let state = try await state(req, loaded)
        let record: StepRecord
        do throws(StepRefusal) {
            record = try ApprovalPath.take(request, programmeID: loaded.id, status: loaded.summary.status, decisions: state.decisions,
                                           taken: state.steps, today: req.today)
        } catch {
            return try await page(req, loaded, form: form, refusal: l.t(error.description, error.english), status: .unprocessableEntity)
        }
        let counter = form.counter.flatMap { Int64($0) } ?? loaded.summary.changeCounter
        do {
            try await req.repositories.approvals.record(record, programme: loaded.summary, expecting: counter, actor: req.user!.actor, at: req.now)
        } catch StorageError.conflict {
            return try await page(req, loaded, form: form,
                                  refusal: l.t("Το πρόγραμμα άλλαξε από τότε που ανοίξατε τη σελίδα· δείτε την τρέχουσα κατάσταση και δοκιμάστε ξανά.",
                                               "The programme changed since you opened the page; check its state and try again."),
                                  status: .conflict)
        }
        return Respond.redirect(req, to: SiteURL.approvalPath(loaded.id).path,
                                flash: l.t("Καταχωρίστηκε: \(step.greek). Το πρόγραμμα είναι τώρα «\(step.to.greek)».",
                                           "Recorded: \(step.label(l)). The programme is now «\(step.to.label(l))»."))
    }

    /// A draft revision of a published programme, made by the planning office: the same plan
    /// as version + 1, taking the same path.
    @Sendable static func revise(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canTakeApprovalSteps(loaded.summary), req.language)
        let l = req.language
        let p = loaded.programme
        guard p.status == .published else {
            return try await page(req, loaded, form: StepForm(),
                                  refusal: l.t("Αναθεώρηση γίνεται σε δημοσιευμένο πρόγραμμα· αυτό είναι «\(p.status.greek)».",
                                               "Only a published programme is revised; this one is «\(p.status.label(l))»."),
                                  status: .unprocessableEntity)
        }
        for id in try await req.repositories.approvals.revisions(of: p.id) {
            if let existing = try await req.repositories.programmes.summary(id), existing.status != .published, existing.status != .superseded {
                return Respond.redirect(req, to: SiteURL.approvalPath(id).path,
                                        flash: l.t("Υπάρχει ήδη αναθεώρηση σε εξέλιξη (έκδοση \(existing.version)).",
                                                   "A revision is already under way (version \(existing.version))."))
            }
        }
        let revision = p.revision(title: p.title)
        do {
            try await req.repositories.approvals.create(revision, actor: req.user!.actor)
        } catch StorageError.alreadyRevised {
            // Two clicks at once: one revision per version (a unique key), the other is refused whole.
            return Respond.redirect(req, to: SiteURL.approvalPath(p.id).path,
                                    flash: l.t("Η αναθεώρηση αυτής της έκδοσης έχει ήδη δημιουργηθεί.", "This version's revision has already been made."))
        }
        return Respond.redirect(req, to: SiteURL.programme(revision.programme.id).path,
                                flash: l.t("Δημιουργήθηκε η αναθεώρηση (έκδοση \(revision.programme.version)) ως σχέδιο· ακολουθεί την ίδια πορεία έγκρισης.",
                                           "The revision (version \(revision.programme.version)) was created as a draft; it takes the same path."))
    }
}
