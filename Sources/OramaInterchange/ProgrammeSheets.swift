import Foundation
import OramaDomain

/// A column of the actions or indicators file: its Greek header, the English aliases the
/// importer also accepts, and whether a new row must fill it. `docs/import-format.md`
/// describes the same columns for people.
public struct SheetColumn: Sendable, Hashable {
    public var key: String
    public var greek: String
    public var aliases: [String]
    public var requiredForNew: Bool
    public var width: Int

    init(_ key: String, _ greek: String, _ aliases: [String] = [], required: Bool = false, width: Int = 14) {
        self.key = key
        self.greek = greek
        self.aliases = aliases
        self.requiredForNew = required
        self.width = width
    }

    func matches(_ header: String) -> Bool {
        let h = GreekText.searchKey(header.trimmingCharacters(in: .whitespacesAndNewlines))
        return ([greek, key] + aliases).contains { GreekText.searchKey($0) == h }
    }
}

/// The programme as spreadsheets: the actions table, the indicators with targets and values,
/// and the financial tables. The actions and indicators sheets are also the import format,
/// so a file exported, edited and imported back changes only what was edited.
public enum ProgrammeSheets {
    public static let actionColumns: [SheetColumn] = [
        SheetColumn("id", "Αναγνωριστικό", ["external id", "external_id"], width: 38),
        SheetColumn("code", "Κωδικός", ["code", "Κωδικός δράσης"], width: 10),
        SheetColumn("objective", "Στόχος", ["objective", "Κωδικός στόχου"], required: true, width: 8),
        SheetColumn("title", "Τίτλος", ["title", "Δράση", "Τίτλος δράσης"], required: true, width: 50),
        SheetColumn("description", "Περιγραφή", ["description"], width: 50),
        SheetColumn("kind", "Είδος", ["kind"], width: 18),
        SheetColumn("nature", "Φύση", ["nature"], width: 12),
        SheetColumn("unit", "Υπεύθυνη υπηρεσία", ["responsible unit", "responsible_unit", "unit", "Υπηρεσία"], required: true, width: 30),
        SheetColumn("priority", "Προτεραιότητα", ["priority"], width: 12),
        SheetColumn("maturity", "Ωριμότητα", ["maturity"], width: 16),
        SheetColumn("cost", "Κόστος", ["cost", "Προϋπολογισμός"], width: 16),
        SheetColumn("start", "Έναρξη", ["start"], width: 14),
        SheetColumn("end", "Λήξη", ["end"], width: 14),
        SheetColumn("budgetLines", "ΚΑΕ", ["budget lines", "budget_lines", "Κ.Α.Ε."], width: 16),
        SheetColumn("weight", "Βάρος", ["weight"], width: 8),
        SheetColumn("funding", "Χρηματοδότηση", ["funding"], width: 40),
        SheetColumn("fundingTotal", "Σύνολο χρηματοδότησης", ["funding total", "funding_total"], width: 16),
        SheetColumn("localities", "Περιοχές", ["localities", "Τοπικές κοινότητες"], width: 24),
        SheetColumn("preconditions", "Προαπαιτούμενα", ["preconditions", "Προϋποθέσεις"], width: 30),
    ]

    /// The fixed indicator columns; one «Στόχος ΕΕΕΕ» column per year of the programme follows.
    public static let indicatorColumns: [SheetColumn] = [
        SheetColumn("id", "Αναγνωριστικό", ["external id", "external_id"], width: 38),
        SheetColumn("code", "Κωδικός", ["code", "Κωδικός δείκτη"], required: true, width: 8),
        SheetColumn("name", "Όνομα", ["name", "Δείκτης", "Τίτλος"], required: true, width: 50),
        SheetColumn("kind", "Είδος", ["kind"], width: 14),
        SheetColumn("unit", "Μονάδα μέτρησης", ["unit", "Μονάδα"], required: true, width: 14),
        SheetColumn("direction", "Κατεύθυνση", ["direction"], width: 24),
        SheetColumn("attachedTo", "Συνδέεται με", ["attached to", "attached_to", "Μέτρο ή στόχος"], required: true, width: 10),
        SheetColumn("action", "Δράση", ["action", "Κωδικός δράσης"], width: 10),
        SheetColumn("baseline", "Τιμή βάσης", ["baseline"], width: 10),
        SheetColumn("baselineYear", "Έτος βάσης", ["baseline year", "baseline_year"], width: 10),
        SheetColumn("frequency", "Συχνότητα", ["frequency"], width: 12),
        SheetColumn("responsibleUnit", "Υπεύθυνη υπηρεσία", ["responsible unit", "responsible_unit"], width: 30),
        SheetColumn("dataSource", "Πηγή δεδομένων", ["data source", "data_source"], width: 24),
        SheetColumn("measurements", "Τιμές", ["values", "measurements", "Μετρήσεις"], width: 30),
    ]

    static func targetColumn(_ year: Int) -> SheetColumn {
        SheetColumn("target\(year)", "Στόχος \(year)", ["target \(year)", "target_\(year)"], width: 10)
    }

    public static func indicatorColumns(years: ClosedRange<Int>) -> [SheetColumn] {
        Array(indicatorColumns.prefix(10)) + years.map(targetColumn) + Array(indicatorColumns.dropFirst(10))
    }

    /// A locality as files write it: its name, with its kind when another place has the same
    /// name (a municipal unit and its seat community often do): «Νίκαια (Κοινότητα)».
    public static func localityLabel(_ l: Locality, qualified: Bool) -> String {
        qualified ? "\(l.name) (\(l.kind.greek))" : l.name
    }

    static func localityLabel(_ l: Locality, _ r: ReferenceData) -> String {
        let shared = r.localities.filter { GreekText.searchKey($0.name) == GreekText.searchKey(l.name) }.count > 1
        return localityLabel(l, qualified: shared)
    }

    /// `ΣΑΤΑ 2025: 10.000,00 | ΠΔΕ 2026: 5.000,00` (source code, year, amount).
    static func fundingText(_ lines: [FundingLine], _ r: ReferenceData) -> String {
        lines.map { "\(r.source($0.sourceID).map { $0.code.isEmpty ? $0.name : $0.code } ?? "?") \($0.year): \($0.amount.formattedNumber)" }.joined(separator: " | ")
    }

    /// `2025-Q1: 12 | 2025: 30`: the latest value of each period.
    static func measurementsText(_ i: Indicator) -> String {
        latestByPeriod(i).map { "\($0.key.code): \(GreekNumber.exact($0.value.value))" }.joined(separator: " | ")
    }

    static func latestByPeriod(_ i: Indicator) -> [(key: ReportingPeriod, value: OramaDomain.Measurement)] {
        var latest: [ReportingPeriod: OramaDomain.Measurement] = [:]
        for m in i.measurements where latest[m.period].map({ $0.recordedAt <= m.recordedAt }) ?? true { latest[m.period] = m }
        return latest.sorted { $0.key < $1.key }
    }

    public static func actionsSheet(_ p: Programme, _ r: ReferenceData) -> Workbook.Sheet {
        let rows: [[Workbook.Cell]] = p.actionPaths.map { path in
            let a = path.action
            return [
                .text(a.id.uuidString.lowercased()), .text(a.code), .text(path.objective.code), .text(a.title), .text(a.description),
                .text(a.kind.greek), .text(a.nature.greek), .text(r.unit(a.responsibleUnitID)?.name ?? ""), .text(a.priority.greek),
                .text(a.maturity.greek), .money(a.cost), .text(a.schedule?.start.greek ?? ""), .text(a.schedule?.end.greek ?? ""),
                .text(a.budgetLines.joined(separator: ", ")), .number(a.weight), .text(fundingText(a.fundingLines, r)),
                .money(a.fundedAmount), .text(a.localityIDs.compactMap { r.locality($0).map { localityLabel($0, r) } }.joined(separator: "; ")), .text(a.preconditions),
            ]
        }
        return Workbook.Sheet(name: "Δράσεις", columns: actionColumns.map { .init($0.greek, width: $0.width) }, rows: rows)
    }

    public static func indicatorsSheet(_ p: Programme, _ r: ReferenceData) -> Workbook.Sheet {
        let columns = indicatorColumns(years: p.years)
        let rows: [[Workbook.Cell]] = p.indicators.map { i in
            let attached: String
            switch i.attachment {
            case .measure(let id): attached = p.measure(id)?.code ?? ""
            case .objective(let id): attached = p.objective(id)?.code ?? ""
            }
            var row: [Workbook.Cell] = [
                .text(i.id.uuidString.lowercased()), .text(i.code), .text(i.name), .text(i.kind.greek), .text(i.unit), .text(i.direction.greek),
                .text(attached), .text(i.actionID.flatMap { p.action($0)?.code } ?? ""),
                i.baseline.map(Workbook.Cell.number) ?? .empty, i.baselineYear.map(Workbook.Cell.integer) ?? .empty,
            ]
            row += p.years.map { y in i.targets[y].map(Workbook.Cell.number) ?? .empty }
            row += [.text(i.frequency.greek), .text(r.unit(i.responsibleUnitID)?.name ?? ""), .text(i.dataSource), .text(measurementsText(i))]
            return row
        }
        return Workbook.Sheet(name: "Δείκτες", columns: columns.map { .init($0.greek, width: $0.width) }, rows: rows)
    }

    /// One sheet per grouping (axis, measure, unit, locality, action) plus one by source:
    /// amounts per source and year as numbers with the euro format, and a total row.
    public static func financeWorkbook(_ p: Programme, _ r: ReferenceData) -> Workbook {
        var sheets: [Workbook.Sheet] = []
        let tables = FundingGrouping.allCases.map { p.fundingTable(by: $0, reference: r) }
        for table in tables {
            let grouping = table.grouping
            var columns: [Workbook.Column] = [.init("Κωδ.", width: 10), .init(grouping.greek, width: 40)]
            for year in table.years {
                for source in table.sources {
                    columns.append(.init("\(source.code.isEmpty ? source.name : source.code) \(year)", width: 14))
                }
                columns.append(.init("Σύνολο \(year)", width: 15))
            }
            columns.append(.init("Σύνολο", width: 16))
            var rows: [[Workbook.Cell]] = table.rows.map { row in
                var cells: [Workbook.Cell] = [.text(row.code), .text(row.label)]
                for year in table.years {
                    cells += table.sources.map { .money(row.amount(source: $0.id, year: year)) }
                    cells.append(.money(row.total(year: year)))
                }
                return cells + [.money(row.total)]
            }
            var total: [Workbook.Cell] = [.text(""), .text("Σύνολο")]
            for year in table.years {
                total += table.sources.map { .money(table.total(source: $0.id, year: year)) }
                total.append(.money(table.total(year: year)))
            }
            rows.append(total + [.money(table.grandTotal)])
            sheets.append(Workbook.Sheet(name: "Ανά \(sheetNoun(grouping))", columns: columns, rows: rows))
        }
        let table = tables[0]
        var rows: [[Workbook.Cell]] = table.sources.map { s in
            [.text(s.code), .text(s.name)] + table.years.map { .money(table.total(source: s.id, year: $0)) } + [.money(table.total(source: s.id))]
        }
        rows.append([.text(""), .text("Σύνολο")] + table.years.map { .money(table.total(year: $0)) } + [.money(table.grandTotal)])
        sheets.append(Workbook.Sheet(name: "Ανά πηγή",
                                     columns: [.init("Κωδ.", width: 10), .init("Πηγή χρηματοδότησης", width: 40)] + table.years.map { .init(String($0), width: 15) } + [.init("Σύνολο", width: 16)],
                                     rows: rows))
        return Workbook(sheets: sheets)
    }

    static func sheetNoun(_ g: FundingGrouping) -> String {
        switch g {
        case .axis: "άξονα"
        case .measure: "μέτρο"
        case .unit: "υπηρεσία"
        case .locality: "περιοχή"
        case .action: "δράση"
        }
    }
}
