import Foundation

/// What a revision changes against the version it revises (the «Πίνακας μεταβολών» the
/// council's decision carries): actions added, removed, moved or changed field by field;
/// money per axis, funding source and year before and after; indicator targets changed.
///
/// Parts are matched through the revision's origins (each copied part's id in the version
/// before), never by title or code: a renamed or renumbered action is the same action.
public struct ProgrammeChanges: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added, removed, moved, changed

        public var greek: String {
            switch self {
            case .added: "Νέα"
            case .removed: "Διαγράφηκε"
            case .moved: "Μετακινήθηκε"
            case .changed: "Τροποποιήθηκε"
            }
        }

        /// The same, said of an indicator (ο δείκτης): «Νέος», «Διαγράφηκε», «Άλλαξε ο στόχος».
        public var indicatorGreek: String {
            switch self {
            case .added: "Νέος"
            case .removed: "Διαγράφηκε"
            case .moved: "Μετακινήθηκε"
            case .changed: "Άλλαξε ο στόχος"
            }
        }
    }

    /// One field's text before and after.
    public struct FieldChange: Sendable, Hashable {
        public var field: String
        public var before: String
        public var after: String
    }

    public struct ActionChange: Sendable, Hashable {
        public var kind: Kind
        /// The code in the revision (for a removed action, its code in the version before).
        public var code: String
        public var codeBefore: String?
        public var title: String
        /// Field by field; for a moved action the place comes first, then any other field.
        public var fields: [FieldChange]
    }

    /// An amount before and after: an axis's, a source's or a year's.
    public struct MoneyRow: Sendable, Hashable {
        public var label: String
        public var before: Money
        public var after: Money
        public var difference: Money { after - before }
    }

    public struct TargetChange: Sendable, Hashable {
        public var code: String
        public var name: String
        public var unit: String
        /// nil for every year when the indicator is new or removed.
        public var year: Int?
        public var before: Double?
        public var after: Double?
        public var kind: Kind
    }

    public var actions: [ActionChange]
    public var byAxis: [MoneyRow]
    public var bySource: [MoneyRow]
    public var byYear: [MoneyRow]
    public var targets: [TargetChange]

    public var isEmpty: Bool {
        actions.isEmpty && targets.isEmpty && (byAxis + bySource + byYear).allSatisfy { $0.before == $0.after }
    }

    public func count(_ kind: Kind) -> Int { actions.filter { $0.kind == kind }.count }
}

extension ProgrammeChanges {
    /// The changes from `before` to `after`, `origins` mapping each of `after`'s parts to its
    /// id in `before` (`Revision.origins`).
    public static func between(_ before: Programme, _ after: Programme, origins: [UUID: UUID], reference: ReferenceData) -> ProgrammeChanges {
        let r = reference
        let oldPaths = Dictionary(before.actionPaths.map { ($0.action.id, $0) }, uniquingKeysWith: { a, _ in a })
        var matched = Set<UUID>()
        var actions: [ActionChange] = []
        for path in after.actionPaths {
            let a = path.action
            guard let originID = origins[a.id], let old = oldPaths[originID] else {
                actions.append(ActionChange(kind: .added, code: a.code, codeBefore: nil, title: a.title,
                                            fields: [FieldChange(field: "Κόστος", before: "", after: a.cost.formatted)]))
                continue
            }
            matched.insert(originID)
            var fields = zip(describe(old.action, r), describe(a, r)).compactMap { was, now in
                was.1 == now.1 ? nil : FieldChange(field: now.0, before: was.1, after: now.1)
            }
            let moved = origins[path.objective.id] != old.objective.id
            if moved {
                fields.insert(FieldChange(field: "Θέση", before: "\(old.objective.code) \(old.objective.title)",
                                          after: "\(path.objective.code) \(path.objective.title)"), at: 0)
            }
            guard !fields.isEmpty else { continue }
            actions.append(ActionChange(kind: moved ? .moved : .changed, code: a.code, codeBefore: old.action.code == a.code ? nil : old.action.code,
                                        title: a.title, fields: fields))
        }
        for path in before.actionPaths where !matched.contains(path.action.id) {
            actions.append(ActionChange(kind: .removed, code: path.action.code, codeBefore: path.action.code, title: path.action.title,
                                        fields: [FieldChange(field: "Κόστος", before: path.action.cost.formatted, after: "")]))
        }

        // Money per axis: an axis of the revision with its origin's amount; axes added or removed on their own lines.
        var byAxis: [MoneyRow] = []
        var axesSeen = Set<UUID>()
        for axis in after.axes {
            let old = origins[axis.id].flatMap { id in before.axes.first { $0.id == id } }
            if let old { axesSeen.insert(old.id) }
            byAxis.append(MoneyRow(label: "\(axis.code). \(axis.title)", before: old.map(funding) ?? .zero, after: funding(axis)))
        }
        for axis in before.axes where !axesSeen.contains(axis.id) {
            byAxis.append(MoneyRow(label: "\(axis.code). \(axis.title)", before: funding(axis), after: .zero))
        }
        let sourceName = Dictionary(r.fundingSources.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func lines(_ p: Programme) -> [FundingLine] { p.actions.flatMap(\.fundingLines) }
        let sources = Set(lines(before).map(\.sourceID)).union(lines(after).map(\.sourceID))
        let bySource = sources.map { id in
            MoneyRow(label: sourceName[id] ?? "—", before: lines(before).filter { $0.sourceID == id }.map(\.amount).sum(),
                     after: lines(after).filter { $0.sourceID == id }.map(\.amount).sum())
        }.sorted { $0.label.localizedCompare($1.label) == .orderedAscending }
        let years = Set(lines(before).map(\.year)).union(lines(after).map(\.year)).union(before.years).union(after.years).sorted()
        let byYear = years.map { y in
            MoneyRow(label: String(y), before: lines(before).filter { $0.year == y }.map(\.amount).sum(),
                     after: lines(after).filter { $0.year == y }.map(\.amount).sum())
        }

        var targets: [TargetChange] = []
        var indicatorsSeen = Set<UUID>()
        for i in after.indicators {
            guard let old = origins[i.id].flatMap({ id in before.indicators.first { $0.id == id } }) else {
                targets.append(TargetChange(code: i.code, name: i.name, unit: i.unit, year: nil, before: nil, after: nil, kind: .added))
                continue
            }
            indicatorsSeen.insert(old.id)
            for year in Set(old.targets.keys).union(i.targets.keys).sorted() where old.targets[year] != i.targets[year] {
                targets.append(TargetChange(code: i.code, name: i.name, unit: i.unit, year: year, before: old.targets[year], after: i.targets[year],
                                            kind: .changed))
            }
        }
        for i in before.indicators where !indicatorsSeen.contains(i.id) {
            targets.append(TargetChange(code: i.code, name: i.name, unit: i.unit, year: nil, before: nil, after: nil, kind: .removed))
        }
        func rank(_ k: Kind) -> Int { Kind.allCases.firstIndex(of: k) ?? 0 }
        let sorted = actions.sorted { x, y in
            rank(x.kind) != rank(y.kind) ? rank(x.kind) < rank(y.kind) : CodeOrder.key(x.code).lexicographicallyPrecedes(CodeOrder.key(y.code))
        }
        return ProgrammeChanges(actions: sorted,
                                byAxis: byAxis, bySource: bySource, byYear: byYear, targets: targets)
    }

    private static func funding(_ axis: Axis) -> Money { axis.measures.flatMap(\.objectives).flatMap(\.actions).flatMap(\.fundingLines).map(\.amount).sum() }

    /// An action's fields as the council reads them, in a fixed order.
    static func describe(_ a: Action, _ r: ReferenceData) -> [(String, String)] {
        let unit = Dictionary(r.units.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
        let place = Dictionary(r.localities.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
        let source = Dictionary(r.fundingSources.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
        let body: String
        switch a.implementingBody {
        case .ownUnit: body = "Η αρμόδια υπηρεσία"
        case .legalEntity(let id): body = r.legalEntities.first { $0.id == id }?.name ?? "Νομικό πρόσωπο"
        case .partner(let name, let contract): body = contract.isEmpty ? name : "\(name) (\(contract))"
        }
        let funding = a.fundingLines.sorted { ($0.year, source[$0.sourceID] ?? "") < ($1.year, source[$1.sourceID] ?? "") }
            .map { "\(source[$0.sourceID] ?? "—") \($0.year): \($0.amount.formatted)" }.joined(separator: "· ")
        return [
            ("Τίτλος", a.title),
            ("Περιγραφή", a.description),
            ("Είδος", a.kind.greek),
            ("Φύση", a.nature.greek),
            ("Αρμόδια υπηρεσία", unit[a.responsibleUnitID] ?? "—"),
            ("Συναρμόδιες υπηρεσίες", a.coResponsibleUnitIDs.compactMap { unit[$0] }.sorted().joined(separator: ", ")),
            ("Φορέας υλοποίησης", body),
            ("Χωροθέτηση", a.localityIDs.compactMap { place[$0] }.sorted().joined(separator: ", ")),
            ("Προτεραιότητα", a.priority.greek),
            ("Ωριμότητα", a.maturity.greek),
            ("Προαπαιτούμενα", a.preconditions),
            ("Κόστος", a.cost.formatted),
            ("Χρηματοδότηση", funding),
            ("Χρονοδιάγραμμα", a.schedule.map { "\($0.start.greek) – \($0.end.greek)" } ?? ""),
            ("ΚΑΕ", a.budgetLines.joined(separator: ", ")),
        ]
    }
}

/// Codes in tree order: `1.2.10` after `1.2.9`.
enum CodeOrder {
    static func key(_ code: String) -> [Int] { code.split(separator: ".").map { Int($0) ?? 0 } }
}
