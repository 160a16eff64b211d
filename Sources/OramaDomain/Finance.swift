import Foundation

/// How the rows of a financial table are formed.
public enum FundingGrouping: String, Sendable, CaseIterable, Codable {
    case axis
    case measure
    case unit
    case locality
    case action

    public var greek: String {
        switch self {
        case .axis: "Άξονας"
        case .measure: "Μέτρο"
        case .unit: "Υπηρεσία"
        case .locality: "Δημοτική Ενότητα / Κοινότητα"
        case .action: "Δράση"
        }
    }

    /// After «ανά»: «ανά άξονα», «ανά μέτρο», «ανά υπηρεσία», «ανά δημοτική ενότητα ή κοινότητα», «ανά δράση».
    public var afterPer: String {
        switch self {
        case .axis: "άξονα"
        case .measure: "μέτρο"
        case .unit: "υπηρεσία"
        case .locality: "δημοτική ενότητα ή κοινότητα"
        case .action: "δράση"
        }
    }
}

/// Money by funding source × year for rows of a grouping, with row and column totals.
/// Every funding line lands in exactly one row, so the grand total is always the sum of
/// all the programme's funding lines.
public struct FundingTable: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var sourceID: UUID
        public var year: Int
    }

    public struct Row: Sendable, Hashable, Identifiable {
        public var id: String
        public var code: String
        public var label: String
        public var amounts: [Cell: Money]
        /// 1 for a community listed under its municipal unit (by locality), else 0.
        public var level: Int = 0

        public func amount(source: UUID, year: Int) -> Money { amounts[Cell(sourceID: source, year: year)] ?? .zero }
        public func total(year: Int) -> Money { amounts.filter { $0.key.year == year }.map(\.value).sum() }
        public func total(source: UUID) -> Money { amounts.filter { $0.key.sourceID == source }.map(\.value).sum() }
        public var total: Money { amounts.values.sum() }
    }

    public var grouping: FundingGrouping
    public var sources: [FundingSource]
    public var years: [Int]
    public var rows: [Row]

    public func total(source: UUID, year: Int) -> Money { rows.map { $0.amount(source: source, year: year) }.sum() }
    public func total(year: Int) -> Money { rows.map { $0.total(year: year) }.sum() }
    public func total(source: UUID) -> Money { rows.map { $0.total(source: source) }.sum() }
    public var grandTotal: Money { rows.map(\.total).sum() }
}

extension Programme {
    /// The sum of every funding line of every action.
    public var totalFunding: Money { actions.flatMap(\.fundingLines).map(\.amount).sum() }

    /// A financial table of the programme by the given grouping.
    ///
    /// Rows follow the order of the tree (axis, measure, action), of the organisation
    /// chart (unit) or of the locality list. An action placed in several localities is
    /// shared between them equally, the odd cents going to the first, so nothing is
    /// counted twice; actions without a locality form their own row.
    public func fundingTable(by grouping: FundingGrouping, reference: ReferenceData) -> FundingTable {
        var rows: [FundingTable.Row] = []
        var index: [String: Int] = [:]
        func add(_ key: String, code: String, label: String, _ line: FundingLine, _ amount: Money) {
            if index[key] == nil {
                index[key] = rows.count
                rows.append(.init(id: key, code: code, label: label, amounts: [:]))
            }
            rows[index[key]!].amounts[.init(sourceID: line.sourceID, year: line.year), default: .zero] += amount
        }

        switch grouping {
        case .axis, .measure, .action:
            for path in actionPaths {
                for line in path.action.fundingLines {
                    switch grouping {
                    case .axis: add(path.axis.id.uuidString, code: path.axis.code, label: path.axis.title, line, line.amount)
                    case .measure: add(path.measure.id.uuidString, code: path.measure.code, label: path.measure.title, line, line.amount)
                    default: add(path.action.id.uuidString, code: path.action.code, label: path.action.title, line, line.amount)
                    }
                }
            }
        case .unit:
            let order = Dictionary(uniqueKeysWithValues: reference.units.enumerated().map { ($1.id, $0) })
            for action in actions.sorted(by: { (order[$0.responsibleUnitID] ?? .max) < (order[$1.responsibleUnitID] ?? .max) }) {
                let unit = reference.unit(action.responsibleUnitID)
                for line in action.fundingLines {
                    add(action.responsibleUnitID.uuidString, code: unit?.code ?? "", label: unit?.name ?? "Χωρίς υπηρεσία", line, line.amount)
                }
            }
        case .locality:
            let order = Dictionary(uniqueKeysWithValues: reference.localities.enumerated().map { ($1.id, $0) })
            for action in actions {
                let places = action.localityIDs.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
                for line in action.fundingLines {
                    if places.isEmpty {
                        add("none", code: "", label: "Χωρίς χωροθέτηση", line, line.amount)
                        continue
                    }
                    for (i, share) in line.amount.split(into: places.count).enumerated() {
                        add(places[i].uuidString, code: "", label: reference.locality(places[i])?.heading ?? "—", line, share)
                    }
                }
            }
            rows = Self.grouped(rows, by: reference.localities)
        }

        let usedSources = Set(actions.flatMap { $0.fundingLines.map(\.sourceID) })
        let sources = reference.fundingSources.filter { usedSources.contains($0.id) }
        let lineYears = actions.flatMap { $0.fundingLines.map(\.year) }
        let years = Array(Set(Array(self.years) + lineYears)).sorted()
        return FundingTable(grouping: grouping, sources: sources, years: years, rows: rows)
    }
}

extension Programme {
    /// Rows by locality, grouped: each municipal unit (what is placed in the unit as a whole),
    /// then its communities beneath it; localities of no unit after them, then actions placed
    /// nowhere. A unit whose communities have funding but which has none of its own still heads
    /// its group, with no amounts.
    static func grouped(_ rows: [FundingTable.Row], by localities: [Locality]) -> [FundingTable.Row] {
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [FundingTable.Row] = []
        var placed = Set<String>()
        for unit in localities where unit.kind == .municipalUnit {
            let children = localities.filter { $0.parentID == unit.id }.compactMap { byID[$0.id.uuidString] }
            let own = byID[unit.id.uuidString]
            guard own != nil || !children.isEmpty else { continue }
            out.append(own ?? FundingTable.Row(id: unit.id.uuidString, code: "", label: unit.heading, amounts: [:]))
            placed.insert(unit.id.uuidString)
            for var child in children {
                child.level = 1
                out.append(child)
                placed.insert(child.id)
            }
        }
        for locality in localities where !placed.contains(locality.id.uuidString) {
            if let row = byID[locality.id.uuidString] { out.append(row); placed.insert(row.id) }
        }
        out += rows.filter { !placed.contains($0.id) }
        return out
    }
}

extension Money {
    /// Splits into `parts` amounts that add up exactly, the odd cents going to the first.
    public func split(into parts: Int) -> [Money] {
        guard parts > 1 else { return [self] }
        let base = cents / Int64(parts)
        let rest = cents - base * Int64(parts)
        return (0..<parts).map { Money(cents: base + (Int64($0) < rest.magnitude ? (rest < 0 ? -1 : 1) : 0)) }
    }
}
