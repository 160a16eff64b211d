import Foundation
import OramaDomain
import Plot
import Vapor

/// The action form: every field of the domain, funding per source and year, schedule,
/// localities, partners, milestones and budget lines.
enum ActionController {

    static func form(from a: Action, objective: UUID, base: String?) -> ActionForm {
        var fund: [String: [String: String]] = [:]
        for line in a.fundingLines {
            let key = line.sourceID.uuidString
            let previous = fund[key]?[String(line.year)].flatMap(Money.init(parsing:)) ?? .zero
            fund[key, default: [:]][String(line.year)] = (previous + line.amount).formattedNumber
        }
        var ms: [String: MilestoneRow] = [:]
        for (i, m) in a.milestones.enumerated() {
            ms[String(i)] = MilestoneRow(id: m.id.uuidString, date: m.date.formatted, title: m.title, done: m.isDone ? "on" : nil)
        }
        let implementing: String
        switch a.implementingBody {
        case .ownUnit: implementing = "own"
        case .legalEntity(let id): implementing = "entity:" + id.uuidString
        case .partner: implementing = "partner"
        }
        var partnerName = "", partnerContract = ""
        if case .partner(let name, let contract) = a.implementingBody { partnerName = name; partnerContract = contract }
        return ActionForm(
            objective: objective.uuidString, title: a.title, description: a.description, kind: a.kind.rawValue, nature: a.nature.rawValue,
            responsibleUnit: a.responsibleUnitID.uuidString, coUnits: a.coResponsibleUnitIDs.map(\.uuidString), implementing: implementing,
            partnerName: partnerName, partnerContract: partnerContract, supraLocal: a.isSupraLocal ? "on" : nil,
            partners: a.partners.joined(separator: "\n"), localities: a.localityIDs.map(\.uuidString), priority: String(a.priority.rawValue),
            rank: a.rank.map(String.init) ?? "", maturity: a.maturity.rawValue, preconditions: a.preconditions, cost: a.cost.formattedNumber,
            fund: fund, scheduleStart: a.schedule?.start.code ?? "", scheduleEnd: a.schedule?.end.code ?? "",
            budgetLines: a.budgetLines.joined(separator: ", "), weight: Format.input(a.weight), ms: ms, base: base)
    }

    /// Checks every field and builds the action, or says what is wrong beside each field.
    /// `current` is the action as stored (nil for a new one): milestone ids are kept only if
    /// they are its own, and without `canMove` (a unit head) the planner's fields — order,
    /// weight, priority — stay as they are.
    static func validate(_ f: ActionForm, id: UUID, current: Action? = nil, in loaded: LoadedProgramme, access: Access, canMove: Bool, _ l: Language) -> (Action?, UUID?, FieldErrors) {
        var e = FieldErrors()
        let p = loaded.programme
        let r = loaded.reference
        let title = (f.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { e.add("title", l.t("Δώστε τίτλο.", "Enter a title.")) }
        if title.count > 300 { e.add("title", l.t("Ο τίτλος είναι πολύ μεγάλος (έως 300 χαρακτήρες).", "The title is too long (300 characters at most).")) }
        let objective = UUID(uuidString: f.objective ?? "").flatMap { p.objective($0) }?.id
        if objective == nil { e.add("objective", l.t("Επιλέξτε τον στόχο στον οποίο ανήκει η δράση.", "Choose the objective the action serves.")) }
        let kind = Action.Kind(rawValue: f.kind ?? "")
        if kind == nil { e.add("kind", l.t("Επιλέξτε είδος δράσης.", "Choose the kind of action.")) }
        let nature = Action.Nature(rawValue: f.nature ?? "")
        if nature == nil { e.add("nature", l.t("Επιλέξτε φύση δράσης.", "Choose the nature of the action.")) }
        let unit = UUID(uuidString: f.responsibleUnit ?? "").flatMap { r.unit($0) }?.id
        if unit == nil { e.add("responsibleUnit", l.t("Η αρμόδια υπηρεσία είναι υποχρεωτική.", "The responsible unit is required.")) }
        if let unit, !access.mayAssign(unit: unit) {
            e.add("responsibleUnit", l.t("Ως προϊστάμενος μπορείτε να ορίσετε μόνο δική σας υπηρεσία.", "As head of service you can only choose your own unit."))
        }
        let coUnits = (f.coUnits ?? []).compactMap(UUID.init(uuidString:)).filter { r.unit($0) != nil && $0 != unit }
        let body: ImplementingBody
        switch f.implementing ?? "own" {
        case "own": body = .ownUnit
        case "partner":
            let name = (f.partnerName ?? "").trimmingCharacters(in: .whitespaces)
            if name.isEmpty { e.add("partnerName", l.t("Δώστε τον φορέα υλοποίησης της σύμβασης συνεργασίας.", "Name the implementing body of the cooperation contract.")) }
            body = .partner(name: name, contract: (f.partnerContract ?? "").trimmingCharacters(in: .whitespaces))
        case let value where value.hasPrefix("entity:"):
            if let id = UUID(uuidString: String(value.dropFirst(7))), r.legalEntity(id) != nil { body = .legalEntity(id) }
            else { e.add("implementing", l.t("Άγνωστο νομικό πρόσωπο.", "Unknown legal entity.")); body = .ownUnit }
        default:
            e.add("implementing", l.t("Άγνωστος φορέας υλοποίησης.", "Unknown implementing body.")); body = .ownUnit
        }
        let partners = (f.partners ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let localities = (f.localities ?? []).compactMap(UUID.init(uuidString:)).filter { r.locality($0) != nil }
        let priority = Int(f.priority ?? "").flatMap(Action.Priority.init(rawValue:))
        if priority == nil { e.add("priority", l.t("Επιλέξτε προτεραιότητα.", "Choose a priority.")) }
        var rank: Int?
        if let text = f.rank?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            rank = Int(text)
            if rank == nil || rank! < 1 { e.add("rank", l.t("Η σειρά κατάταξης είναι θετικός ακέραιος (1 = πρώτη).", "The rank is a positive whole number (1 = first).")); rank = nil }
        }
        let maturity = Action.Maturity(rawValue: f.maturity ?? "")
        if maturity == nil { e.add("maturity", l.t("Επιλέξτε ωριμότητα.", "Choose the maturity.")) }
        let cost = Money(parsing: f.cost ?? "")
        if cost == nil { e.add("cost", l.t("Το κόστος πρέπει να είναι ποσό σε ευρώ, π.χ. 125.000,00.", "The cost must be an amount in euros, e.g. 125.000,00.")) }
        else if cost!.cents < 0 { e.add("cost", l.t("Το κόστος δεν μπορεί να είναι αρνητικό.", "The cost cannot be negative.")) }

        var lines: [FundingLine] = []
        for source in r.fundingSources {
            for year in p.years {
                let text = (f.fund?[source.id.uuidString]?[String(year)] ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let amount = Money(parsing: text), amount.cents >= 0 else {
                    e.add("fund[\(source.id.uuidString)][\(year)]", l.t("Μη έγκυρο ποσό για \(source.code) \(year): «\(text.prefix(30))».", "Invalid amount for \(source.code) \(year): “\(text.prefix(30))”."))
                    continue
                }
                if !amount.isZero { lines.append(FundingLine(sourceID: source.id, year: year, amount: amount)) }
            }
        }
        var schedule: Schedule?
        let start = (f.scheduleStart ?? "").isEmpty ? nil : YearQuarter(parsing: f.scheduleStart!)
        let end = (f.scheduleEnd ?? "").isEmpty ? nil : YearQuarter(parsing: f.scheduleEnd!)
        if (start == nil) != (end == nil) { e.add("scheduleEnd", l.t("Δώστε και το τρίμηνο έναρξης και το τρίμηνο λήξης, ή κανένα.", "Give both the start and the end quarter, or neither.")) }
        if let start, let end {
            if end < start { e.add("scheduleEnd", l.t("Το τρίμηνο λήξης είναι πριν από το τρίμηνο έναρξης.", "The end quarter is before the start quarter.")) }
            else { schedule = Schedule(start: start, end: end) }
        }
        let budgetLines = (f.budgetLines ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var weight = 1.0
        if let text = f.weight?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let w = GreekNumber.parse(text), w >= 0, w <= 1000 { weight = w }
            else { e.add("weight", l.t("Το βάρος είναι αριθμός από 0 έως 1000 (0 = δεν μετρά στην πρόοδο).", "The weight is a number from 0 to 1000 (0 = not counted in progress).")) }
        }
        var milestones: [Milestone] = []
        var ownMilestoneIDs = Set(current?.milestones.map(\.id) ?? [])
        for key in (f.ms ?? [:]).keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            let row = f.ms![key]!
            let dateText = (row.date ?? "").trimmingCharacters(in: .whitespaces)
            let msTitle = (row.title ?? "").trimmingCharacters(in: .whitespaces)
            if dateText.isEmpty && msTitle.isEmpty { continue }
            let number = (Int(key) ?? 0) + 1
            guard let date = CalendarDate(parsing: dateText) else {
                e.add("ms[\(key)][date]", l.t("Ορόσημο \(number): η ημερομηνία γράφεται ηη/μμ/εεεε, π.χ. 31/12/2025.", "Milestone \(number): write the date as dd/mm/yyyy, e.g. 31/12/2025."))
                continue
            }
            if msTitle.isEmpty { e.add("ms[\(key)][title]", l.t("Ορόσημο \(number): δώστε τίτλο.", "Milestone \(number): enter a title.")); continue }
            // An id from elsewhere (another action's milestone, or a repeat) gets a fresh one.
            let posted = row.id.flatMap(UUID.init(uuidString:))
            let milestoneID = posted.flatMap { ownMilestoneIDs.remove($0) } ?? UUID()
            milestones.append(Milestone(id: milestoneID, date: date, title: msTitle, isDone: row.done == "on"))
        }
        guard e.isEmpty, let objective, let kind, let nature, let unit, let priority, let maturity, let cost else { return (nil, nil, e) }
        var action = Action(
            id: id, title: title, description: (f.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines), kind: kind, nature: nature,
            responsibleUnitID: unit, coResponsibleUnitIDs: coUnits, implementingBody: body, isSupraLocal: f.supraLocal == "on",
            partners: partners, localityIDs: localities, priority: priority, rank: rank, maturity: maturity,
            preconditions: (f.preconditions ?? "").trimmingCharacters(in: .whitespacesAndNewlines), cost: cost, fundingLines: lines,
            schedule: schedule, budgetLines: budgetLines, weight: weight, milestones: milestones)
        if !canMove, let current {
            action.rank = current.rank
            action.weight = current.weight
            action.priority = current.priority
        }
        return (action, objective, e)
    }

    static func objectiveOf(_ id: UUID, in p: Programme) -> UUID? { p.objectives.first { $0.actions.contains { $0.id == id } }?.id }

    /// The fields of an action as people read them, for the conflict notice.
    static func describe(_ a: Action, objective: UUID?, _ loaded: LoadedProgramme) -> [(String, String)] {
        let r = loaded.reference
        return [
            ("Στόχος", objective.flatMap { loaded.programme.objective($0)?.code } ?? "—"),
            ("Τίτλος", a.title), ("Περιγραφή", a.description), ("Είδος", a.kind.greek), ("Φύση", a.nature.greek),
            ("Αρμόδια υπηρεσία", r.unit(a.responsibleUnitID)?.name ?? "—"),
            ("Συναρμόδιες υπηρεσίες", a.coResponsibleUnitIDs.compactMap { r.unit($0)?.code }.joined(separator: ", ")),
            ("Υπερτοπική", a.isSupraLocal ? "Ναι" : "Όχι"), ("Εταίροι", a.partners.joined(separator: ", ")),
            ("Χωροθέτηση", a.localityIDs.compactMap { r.locality($0)?.name }.joined(separator: ", ")),
            ("Προτεραιότητα", a.priority.greek), ("Ωριμότητα", a.maturity.greek), ("Προϋποθέσεις", a.preconditions),
            ("Κόστος", a.cost.formatted),
            ("Χρηματοδότηση", a.fundingLines.map { "\(r.source($0.sourceID)?.code ?? "") \($0.year): \($0.amount.formatted)" }.joined(separator: "; ")),
            ("Χρονοδιάγραμμα", a.schedule.map { "\($0.start.greek) – \($0.end.greek)" } ?? "—"),
            ("ΚΑΕ", a.budgetLines.joined(separator: ", ")), ("Βάρος", Format.number(a.weight)),
            ("Ορόσημα", a.milestones.map { "\($0.date.formatted) \($0.title)\($0.isDone ? " ✓" : "")" }.joined(separator: "; ")),
        ]
    }

    // MARK: handlers

    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        // Comments are the municipality's internal discussion, not part of the public programme.
        let comments = req.access.canReadComments(loaded.summary) ? try await req.repositories.comments.comments(on: action.id) : []
        return Respond.html(ActionPage(context: PageContext(req), loaded: loaded, action: action, access: req.access, comments: comments).render())
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let objective = req.query[String.self, at: "objective"].flatMap(UUID.init(uuidString:))
        var form = ActionForm(objective: objective?.uuidString, kind: Action.Kind.projectCategory.rawValue, nature: Action.Nature.works.rawValue,
                              implementing: "own", priority: "2", maturity: Action.Maturity.idea.rawValue, cost: "", weight: "1")
        form.fund = [:]
        return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: nil, form: form, errors: FieldErrors(), conflict: nil, canMove: true).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = try req.content.decode(ActionForm.self)
        let id = UUID()
        let (action, objective, errors) = validate(form, id: id, in: loaded, access: req.access, canMove: true, req.language)
        guard let action, let objective else {
            return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: nil, form: form, errors: errors, conflict: nil, canMove: true).render(), status: .unprocessableEntity)
        }
        let outcome = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil) { p in
            p.editObjective(objective) { $0.actions.append(action) }
            p.renumber()
        }
        guard case .saved(let saved) = outcome else { throw UserFacingError.conflict(req.language) }
        return Respond.redirect(req, to: SiteURL.action(loaded.id, id).path,
                                  flash: req.language.t("Η δράση \(saved.action(id)?.code ?? "") δημιουργήθηκε.", "Action \(saved.action(id)?.code ?? "") was created."))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        try req.access.require(req.access.canEdit(action, in: loaded.summary), req.language)
        let objective = objectiveOf(action.id, in: loaded.programme)!
        let form = form(from: action, objective: objective, base: Fingerprint.of(action))
        return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: action.id, form: form, errors: FieldErrors(), conflict: nil,
                                             canMove: req.access.canEditPlan(loaded.summary)).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let current = try loaded.action(req)
        try req.access.require(req.access.canEdit(current, in: loaded.summary), req.language)
        let canMove = req.access.canEditPlan(loaded.summary)
        let currentObjective = objectiveOf(current.id, in: loaded.programme)!
        var form = try req.content.decode(ActionForm.self)
        if !canMove { form.objective = currentObjective.uuidString }
        let (edited, objective, errors) = validate(form, id: current.id, current: current, in: loaded, access: req.access, canMove: canMove, req.language)
        guard var edited, let objective else {
            return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: current.id, form: form, errors: errors, conflict: nil, canMove: canMove).render(),
                                  status: .unprocessableEntity)
        }
        edited.code = current.code
        let outcome = try await ProgrammeContext.commit(req, loaded, base: form.base, current: Fingerprint.of(current)) { p in
            p.editAction(current.id) { $0 = edited }
            if objective != currentObjective { try p.moveAction(current.id, toObjective: objective, at: .max) }
        }
        switch outcome {
        case .saved(let saved):
            return Respond.redirect(req, to: SiteURL.action(loaded.id, current.id).path,
                                      flash: req.language.t("Η δράση \(saved.action(current.id)?.code ?? "") αποθηκεύτηκε.", "Action \(saved.action(current.id)?.code ?? "") was saved."))
        case .conflict:
            form.base = Fingerprint.of(current)
            let notice = ConflictNotice.diff(describe(current, objective: currentObjective, loaded), describe(edited, objective: objective, loaded))
            return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: current.id, form: form, errors: FieldErrors(), conflict: notice, canMove: canMove).render(),
                                  status: .conflict)
        }
    }

    struct CommentForm: Content { var text: String? }

    @Sendable static func comment(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        try req.access.require(req.access.canComment(loaded.summary), req.language)
        let text = (try req.content.decode(CommentForm.self).text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 4000 else {
            throw UserFacingError(status: .unprocessableEntity, code: "invalid_comment",
                                  reason: req.language.t("Το σχόλιο πρέπει να έχει από 1 έως 4.000 χαρακτήρες.", "A comment must have 1 to 4,000 characters."))
        }
        try await req.repositories.comments.add(text, on: action.id, programme: loaded.summary, by: req.user!, at: req.now)
        return Respond.redirect(req, to: SiteURL.action(loaded.id, action.id).path + "#comments",
                                  flash: req.language.t("Το σχόλιο καταχωρίστηκε.", "The comment was added."))
    }
}
