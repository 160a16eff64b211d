import Foundation
import OramaDomain
import Vapor

struct MilestoneRow: Codable {
    var id: String?
    var date: String?
    var title: String?
    var done: String?
}

struct ActionForm: Content {
    var objective: String?
    var title: String?
    var description: String?
    var kind: String?
    var nature: String?
    var responsibleUnit: String?
    var coUnits: [String]?
    var implementing: String?
    var partnerName: String?
    var partnerContract: String?
    var supraLocal: String?
    var partners: String?
    var localities: [String]?
    var priority: String?
    var rank: String?
    var maturity: String?
    var preconditions: String?
    var cost: String?
    var fund: [String: [String: String]]?
    var scheduleStart: String?
    var scheduleEnd: String?
    var budgetLines: String?
    var weight: String?
    var ms: [String: MilestoneRow]?
    var base: String?

}

extension ActionForm {
    /// The form as it opens for an existing action.
    init(_ a: Action, objective: UUID, base: String?) {
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
        self.init(
            objective: objective.uuidString, title: a.title, description: a.description, kind: a.kind.rawValue, nature: a.nature.rawValue,
            responsibleUnit: a.responsibleUnitID.uuidString, coUnits: a.coResponsibleUnitIDs.map(\.uuidString), implementing: implementing,
            partnerName: partnerName, partnerContract: partnerContract, supraLocal: a.isSupraLocal ? "on" : nil,
            partners: a.partners.joined(separator: "\n"), localities: a.localityIDs.map(\.uuidString), priority: String(a.priority.rawValue),
            rank: a.rank.map(String.init) ?? "", maturity: a.maturity.rawValue, preconditions: a.preconditions, cost: a.cost.formattedNumber,
            fund: fund, scheduleStart: a.schedule?.start.code ?? "", scheduleEnd: a.schedule?.end.code ?? "",
            budgetLines: a.budgetLines.joined(separator: ", "), weight: Format.input(a.weight), ms: ms, base: base)
    }

    /// Checks every field by the domain's rules and builds the action, or says what is wrong
    /// beside each field. `current` is the action as stored (nil for a new one): milestone ids
    /// are kept only if they are its own, and without `canMove` (a unit head) the planner's
    /// fields — order, weight, priority — stay as they are.
    func action(id: UUID, current: Action? = nil, in loaded: LoadedProgramme, access: Access, canMove: Bool, _ l: Language) -> (Action?, UUID?, FieldErrors) {
        let f = self
        var e = FieldErrors()
        let p = loaded.programme
        let r = loaded.reference
        let title = e.check(l) { () throws(FieldError) in try FieldRules.title(f.title ?? "") }
        let description = e.check(l) { () throws(FieldError) in try FieldRules.description(f.description ?? "") }
        let objective = UUID(uuidString: f.objective ?? "").flatMap { p.objective($0) }?.id
        if objective == nil { e.add("objective", l.t("Επιλέξτε τον στόχο στον οποίο ανήκει η δράση.", "Choose the objective the action serves.")) }
        let kind = e.check(l) { () throws(FieldError) in try FieldRules.kind(f.kind ?? "") }
        let nature = e.check(l) { () throws(FieldError) in try FieldRules.nature(f.nature ?? "") }
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
        let priority = e.check(l) { () throws(FieldError) in try FieldRules.priority(f.priority ?? "") }
        let rank = e.check(l) { () throws(FieldError) in try FieldRules.rank(f.rank ?? "") } ?? nil
        let maturity = e.check(l) { () throws(FieldError) in try FieldRules.maturity(f.maturity ?? "") }
        let preconditions = e.check(l) { () throws(FieldError) in try FieldRules.preconditions(f.preconditions ?? "") }
        let cost = e.check(l) { () throws(FieldError) in try FieldRules.cost(f.cost ?? "") }

        var lines: [FundingLine] = []
        for source in r.fundingSources {
            for year in p.years {
                let text = (f.fund?[source.id.uuidString]?[String(year)] ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                let key = "fund[\(source.id.uuidString)][\(year)]"
                guard let amount = e.check(l, as: key, { () throws(FieldError) in
                    try FieldRules.amount(text, field: "funding", subject: "Το ποσό \(source.code) \(year)", english: "The amount of \(source.code) \(year)")
                }) else { continue }
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
        let budgetLines = e.check(l) { () throws(FieldError) in try FieldRules.budgetLines(f.budgetLines ?? "") }
        var weight: Double? = 1
        if let text = f.weight, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            weight = e.check(l) { () throws(FieldError) in try FieldRules.weight(text) }
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
        guard e.isEmpty, let title, let description, let objective, let kind, let nature, let unit, let priority, let maturity, let preconditions,
              let cost, let budgetLines, let weight else { return (nil, nil, e) }
        var action = Action(
            id: id, title: title, description: description, kind: kind, nature: nature,
            responsibleUnitID: unit, coResponsibleUnitIDs: coUnits, implementingBody: body, isSupraLocal: f.supraLocal == "on",
            partners: partners, localityIDs: localities, priority: priority, rank: rank, maturity: maturity,
            preconditions: preconditions, cost: cost, fundingLines: lines,
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
}
