import Foundation
import OramaDomain

/// What an import of actions or indicators would do, row by row: created, updated (with the
/// columns that change), unchanged, and every refusal with its row and column. The
/// programme after the import is in `programme`; it is saved only when nothing was refused.
public struct ImportReport: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case actions
        case indicators

        public var greek: String { self == .actions ? "Δράσεις" : "Δείκτες" }
    }

    public enum Operation: String, Sendable {
        case create
        case update
        case unchanged

        public var greek: String {
            switch self {
            case .create: "Νέα"
            case .update: "Ενημέρωση"
            case .unchanged: "Χωρίς αλλαγή"
            }
        }
    }

    public struct Change: Sendable, Hashable {
        public var row: Int
        public var code: String
        public var title: String
        public var operation: Operation
        /// Greek names of the columns whose values change.
        public var columns: [String]
    }

    public var kind: Kind
    public var changes: [Change]
    public var problems: [ImportProblem]
    public var programme: Programme

    public var isAccepted: Bool { problems.isEmpty }
    public func count(_ operation: Operation) -> Int { changes.filter { $0.operation == operation }.count }
    public var changesAnything: Bool { changes.contains { $0.operation != .unchanged } }
}

/// Reads actions or indicators from CSV or XLSX (the columns of `ProgrammeSheets`, Greek
/// headers or their English aliases) into a programme. Rows are matched by «Αναγνωριστικό»
/// when given, otherwise by «Κωδικός»; columns absent from the file are left as they are.
public enum ProgrammeImport {
    public static let maxBytes = 10 << 20
    public static let maxRows = 5_000

    /// The rows of a CSV or XLSX file (header first), or why it cannot be read.
    public static func table(_ data: Data) -> Result<[[String]], ImportProblems> {
        func refuse(_ message: String) -> Result<[[String]], ImportProblems> {
            .failure(ImportProblems([ImportProblem(row: 1, column: "A", message: message)]))
        }
        guard !data.isEmpty else { return refuse("Το αρχείο είναι κενό.") }
        guard data.count <= maxBytes else { return refuse("Το αρχείο ξεπερνά τα \(maxBytes >> 20) MB· χωρίστε το σε μικρότερα.") }
        let bytes = [UInt8](data.prefix(4))
        let rows: [[String]]
        if bytes.starts(with: [0x50, 0x4B]) {
            do { rows = try XLSXReader.rows(data, maxRows: maxRows + 1) } catch let problem as XLSXReader.Problem {
                return .failure(ImportProblems([ImportProblem(row: problem.row ?? 1, column: problem.column ?? "A", message: problem.description)]))
            } catch {
                return refuse("Το αρχείο XLSX δεν διαβάζεται.")
            }
        } else {
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                return refuse("Το αρχείο είναι σε κωδικοποίηση UTF-16· αποθηκεύστε το ως «CSV UTF-8» ή ως XLSX.")
            }
            if data.prefix(8192).contains(0) {
                return refuse("Το αρχείο δεν είναι κείμενο CSV ούτε XLSX (περιέχει δυαδικά δεδομένα).")
            }
            let (text, _) = GreekTextDecoding.decode(data)
            rows = CSV.rows(text, keepBlankLines: true)
        }
        guard let header = rows.first, header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return refuse("Η πρώτη γραμμή πρέπει να έχει τις επικεφαλίδες των στηλών.")
        }
        if rows.count - 1 > maxRows {
            return .failure(ImportProblems([ImportProblem(row: maxRows + 2, column: "A",
                                                          message: "Το αρχείο έχει περισσότερες από \(maxRows) γραμμές δεδομένων· χωρίστε το σε μικρότερα.")]))
        }
        let data = rows.dropFirst().filter { $0.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
        if data.isEmpty {
            return .failure(ImportProblems([ImportProblem(row: 2, column: "A", message: "Το αρχείο δεν έχει γραμμές δεδομένων κάτω από τις επικεφαλίδες.")]))
        }
        return .success(rows)
    }

    public static func run(_ kind: ImportReport.Kind, _ data: Data, into p: Programme, reference r: ReferenceData,
                           by actor: String, at now: Date, today: CalendarDate) -> ImportReport {
        switch table(data) {
        case .failure(let problems): return ImportReport(kind: kind, changes: [], problems: problems.problems, programme: p)
        case .success(let rows):
            switch kind {
            case .actions: return actions(rows, into: p, reference: r)
            case .indicators: return indicators(rows, into: p, reference: r, by: actor, at: now, today: today)
            }
        }
    }

    // MARK: the header

    struct Header {
        var index: [String: Int] = [:]
        var names: [String: String] = [:]
    }

    static func header(_ row: [String], columns: [SheetColumn], problems: inout [ImportProblem]) -> Header {
        var header = Header()
        for (n, raw) in row.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard let column = columns.first(where: { $0.matches(text) }) else {
                problems.append(ImportProblem(row: 1, column: text, message: "Άγνωστη στήλη. Δεκτές στήλες: \(columns.map(\.greek).joined(separator: ", ")) (βλ. docs/import-format.md)."))
                continue
            }
            if let first = header.index[column.key] {
                problems.append(ImportProblem(row: 1, column: text, message: "Η στήλη «\(column.greek)» εμφανίζεται δύο φορές (και στη θέση \(first + 1))."))
                continue
            }
            header.index[column.key] = n
            header.names[column.key] = column.greek
        }
        if header.index["id"] == nil && header.index["code"] == nil {
            problems.append(ImportProblem(row: 1, column: "Κωδικός", message: "Λείπει η στήλη «Κωδικός» (ή «Αναγνωριστικό»), με την οποία αναγνωρίζονται οι γραμμές."))
        }
        return header
    }

    /// One data row: its cells by column key, as typed (trimmed, formula guard removed).
    struct Row {
        var number: Int
        var cells: [String]
        var header: Header

        func has(_ key: String) -> Bool { header.index[key] != nil }

        /// nil when the file has no such column.
        func cell(_ key: String) -> String? {
            guard let i = header.index[key] else { return nil }
            let raw = i < cells.count ? cells[i] : ""
            return CSVWriter.unguard(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func match<T: CaseIterable>(_ text: String, _ type: T.Type, greek: (T) -> String, raw: (T) -> String) -> T? {
        let key = GreekText.searchKey(text)
        return T.allCases.first { GreekText.searchKey(greek($0)) == key || GreekText.searchKey(raw($0)) == key }
    }

    static func unit(_ text: String, _ r: ReferenceData) -> OrgUnit? {
        let key = GreekText.searchKey(text)
        return r.units.first { (!$0.code.isEmpty && GreekText.searchKey($0.code) == key) || GreekText.searchKey($0.name) == key }
    }

    static func quarter(_ text: String) -> YearQuarter? {
        if let date = CalendarDate(parsing: text) { return date.quarter }
        return YearQuarter(parsing: text)
    }

    static func number(_ text: String) -> Double? {
        GreekNumber.parse(text) ?? Money(parsing: text).map { Double($0.cents) / 100 }
    }

    // MARK: actions

    public static func actions(_ rows: [[String]], into original: Programme, reference r: ReferenceData) -> ImportReport {
        var problems: [ImportProblem] = []
        let columns = ProgrammeSheets.actionColumns
        let header = header(rows[0], columns: columns, problems: &problems)
        var p = original
        var changes: [ImportReport.Change] = []
        var seen: [String: Int] = [:]
        var created: [(change: Int, id: UUID)] = []
        let objectivesByCode = Dictionary(original.objectives.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let pathsByID = Dictionary(original.actionPaths.map { ($0.action.id, $0) }, uniquingKeysWith: { a, _ in a })
        let idsByCode = Dictionary(original.actions.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })

        guard problems.isEmpty else { return ImportReport(kind: .actions, changes: [], problems: problems, programme: original) }

        for (n, cells) in rows.enumerated().dropFirst() where cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let row = Row(number: n + 1, cells: cells, header: header)
            var rowProblems: [ImportProblem] = []
            func refuse(_ key: String, _ message: String) {
                rowProblems.append(ImportProblem(row: row.number, column: header.names[key] ?? columns.first { $0.key == key }?.greek, message: message))
            }

            // Which action the row is.
            var existing: ActionPath?
            if let idText = row.cell("id"), !idText.isEmpty {
                if let id = UUID(uuidString: idText) {
                    existing = pathsByID[id]
                    if existing == nil { refuse("id", "Δεν υπάρχει δράση με αναγνωριστικό \(idText) σε αυτό το πρόγραμμα· για νέα δράση αφήστε το κενό.") }
                } else { refuse("id", "«\(idText.prefix(40))» δεν είναι αναγνωριστικό (UUID)· για νέα δράση αφήστε το κενό.") }
            } else if let code = row.cell("code"), !code.isEmpty, let id = idsByCode[code] {
                existing = pathsByID[id]
            }
            let key = existing.map { "id:\($0.action.id)" } ?? row.cell("code").flatMap { $0.isEmpty ? nil : "code:\($0)" }
            if let key {
                if let first = seen[key] {
                    refuse(existing != nil && (row.cell("id") ?? "").isEmpty == false ? "id" : "code", "Η ίδια δράση υπάρχει ήδη στη γραμμή \(first).")
                } else { seen[key] = row.number }
            }

            var a = existing?.action ?? Action(title: "", responsibleUnitID: UUID())
            var objectiveID = existing?.objective.id
            if existing == nil {
                for column in columns where column.requiredForNew {
                    if (row.cell(column.key) ?? "").isEmpty {
                        refuse(column.key, row.has(column.key) ? "Η στήλη είναι υποχρεωτική για νέα δράση." : "Λείπει η στήλη, που χρειάζεται για νέα δράση.")
                    }
                }
            }
            if let text = row.cell("objective"), !text.isEmpty {
                if let o = objectivesByCode[text] { objectiveID = o.id } else { refuse("objective", "Δεν υπάρχει στόχος με κωδικό «\(text.prefix(20))».") }
            } else if existing != nil, row.has("objective") {
                refuse("objective", "Ο στόχος δεν μπορεί να μείνει κενός.")
            }
            if let text = row.cell("title") {
                if text.isEmpty { if existing != nil { refuse("title", "Ο τίτλος δεν μπορεί να μείνει κενός.") } }
                else if text.count > 300 { refuse("title", "Ο τίτλος ξεπερνά τους 300 χαρακτήρες.") }
                else { a.title = text }
            }
            if let text = row.cell("description") { a.description = text }
            if let text = row.cell("preconditions") { a.preconditions = text }
            if let text = row.cell("kind"), !text.isEmpty {
                if let v = match(text, Action.Kind.self, greek: \.greek, raw: \.rawValue) { a.kind = v }
                else { refuse("kind", "Άγνωστο είδος «\(text.prefix(30))»· δεκτά: \(Action.Kind.allCases.map(\.greek).joined(separator: ", ")).") }
            }
            if let text = row.cell("nature"), !text.isEmpty {
                if let v = match(text, Action.Nature.self, greek: \.greek, raw: \.rawValue) { a.nature = v }
                else { refuse("nature", "Άγνωστη φύση «\(text.prefix(30))»· δεκτές: \(Action.Nature.allCases.map(\.greek).joined(separator: ", ")).") }
            }
            if let text = row.cell("maturity"), !text.isEmpty {
                if let v = match(text, Action.Maturity.self, greek: \.greek, raw: \.rawValue) { a.maturity = v }
                else { refuse("maturity", "Άγνωστη ωριμότητα «\(text.prefix(30))»· δεκτές: \(Action.Maturity.allCases.map(\.greek).joined(separator: ", ")).") }
            }
            if let text = row.cell("priority"), !text.isEmpty {
                if let v = match(text, Action.Priority.self, greek: \.greek, raw: { String($0.rawValue) }) { a.priority = v }
                else { refuse("priority", "Άγνωστη προτεραιότητα «\(text.prefix(30))»· δεκτές: Υψηλή, Μεσαία, Χαμηλή (ή 1, 2, 3).") }
            }
            if let text = row.cell("unit"), !text.isEmpty {
                if let u = unit(text, r) { a.responsibleUnitID = u.id } else { refuse("unit", "Δεν υπάρχει υπηρεσία «\(text.prefix(60))» στο οργανόγραμμα του Δήμου.") }
            }
            if let text = row.cell("cost") {
                if text.isEmpty { a.cost = .zero }
                else if let m = Money(parsing: text), m.cents >= 0 { a.cost = m }
                else { refuse("cost", "«\(text.prefix(30))» δεν είναι ποσό (π.χ. 1.234,56).") }
            }
            let startText = row.cell("start"), endText = row.cell("end")
            if startText != nil || endText != nil {
                let s = startText ?? a.schedule.map { $0.start.code } ?? "", e = endText ?? a.schedule.map { $0.end.code } ?? ""
                if s.isEmpty && e.isEmpty { a.schedule = nil }
                else {
                    let start = quarter(s), end = quarter(e)
                    if start == nil { refuse("start", s.isEmpty ? "Λείπει η έναρξη (υπάρχει λήξη)." : "«\(s.prefix(30))» δεν είναι τρίμηνο ή ημερομηνία (π.χ. 2025-Q1, Αʹ τρίμ. 2025, 31/03/2025).") }
                    if end == nil { refuse("end", e.isEmpty ? "Λείπει η λήξη (υπάρχει έναρξη)." : "«\(e.prefix(30))» δεν είναι τρίμηνο ή ημερομηνία (π.χ. 2026-Q4, Δʹ τρίμ. 2026, 31/12/2026).") }
                    if let start, let end {
                        // As in the action form: a schedule beyond the programme's period is allowed
                        // (the checks warn of it); one that ends before it starts is not.
                        if end < start { refuse("end", "Η λήξη (\(end.greek)) είναι πριν από την έναρξη (\(start.greek)).") }
                        else { a.schedule = Schedule(start: start, end: end) }
                    }
                }
            }
            if let text = row.cell("budgetLines") {
                a.budgetLines = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if let text = row.cell("weight"), !text.isEmpty {
                if let w = GreekNumber.parse(text), (0...1000).contains(w) { a.weight = w } else { refuse("weight", "Το βάρος είναι αριθμός από 0 έως 1000 (δόθηκε «\(text.prefix(20))»).") }
            }
            if let text = row.cell("funding") {
                var lines: [FundingLine] = []
                for part in text.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                    // «ΣΑΤΑ 2025: 10.000,00»
                    guard let colon = part.lastIndex(of: ":") else {
                        refuse("funding", "«\(part.prefix(40))»: γράψτε «πηγή έτος: ποσό», π.χ. «ΣΑΤΑ 2025: 10.000,00».")
                        continue
                    }
                    let head = part[..<colon].trimmingCharacters(in: .whitespaces)
                    let amountText = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    let words = head.split(separator: " ")
                    guard let last = words.last, let year = Int(last), words.count >= 2 else {
                        refuse("funding", "«\(part.prefix(40))»: λείπει το έτος (γράψτε «πηγή έτος: ποσό»).")
                        continue
                    }
                    let sourceText = words.dropLast().joined(separator: " ")
                    let sk = GreekText.searchKey(sourceText)
                    guard let source = r.fundingSources.first(where: { GreekText.searchKey($0.code) == sk || GreekText.searchKey($0.name) == sk }) else {
                        refuse("funding", "Άγνωστη πηγή χρηματοδότησης «\(sourceText.prefix(40))».")
                        continue
                    }
                    guard original.years.contains(year) else {
                        refuse("funding", "Το έτος \(year) είναι εκτός της περιόδου \(original.startYear)–\(original.endYear).")
                        continue
                    }
                    guard let amount = Money(parsing: amountText), amount.cents > 0 else {
                        refuse("funding", "«\(amountText.prefix(30))» δεν είναι θετικό ποσό (π.χ. 10.000,00).")
                        continue
                    }
                    lines.append(FundingLine(sourceID: source.id, year: year, amount: amount))
                }
                a.fundingLines = lines
            }
            if let text = row.cell("localities") {
                var ids: [UUID] = []
                for name in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                    // «Νίκαια (Κοινότητα)» names one place; a bare «Νίκαια» is fine while only one place has that name.
                    let key = GreekText.searchKey(name)
                    let exact = r.localities.filter { GreekText.searchKey(ProgrammeSheets.localityLabel($0, qualified: true)) == key }
                    let bare = r.localities.filter { GreekText.searchKey($0.name) == key }
                    let candidates = exact.isEmpty ? bare : exact
                    if candidates.count == 1 { ids.append(candidates[0].id) }
                    else if let kept = candidates.first(where: { a.localityIDs.contains($0.id) }) { ids.append(kept.id) }
                    else if candidates.isEmpty { refuse("localities", "Άγνωστη περιοχή «\(name.prefix(40))».") }
                    else {
                        refuse("localities", "Η περιοχή «\(name.prefix(40))» είναι διφορούμενη· γράψτε \(candidates.map { "«\(ProgrammeSheets.localityLabel($0, qualified: true))»" }.joined(separator: " ή ")).")
                    }
                }
                a.localityIDs = ids
            }

            problems += rowProblems
            guard rowProblems.isEmpty, let objectiveID else { continue }
            if let existing {
                let changed = changedColumns(existing.action, a, header: header, objectiveChanged: existing.objective.id != objectiveID)
                changes.append(ImportReport.Change(row: row.number, code: existing.action.code, title: a.title, operation: changed.isEmpty ? .unchanged : .update, columns: changed))
                guard !changed.isEmpty else { continue }
                _ = p.editAction(a.id) { $0 = a }
                if existing.objective.id != objectiveID {
                    try? p.moveAction(a.id, toObjective: objectiveID, at: Int.max)
                }
            } else {
                a.id = UUID()
                a.code = ""
                p.editObjective(objectiveID) { $0.actions.append(a) }
                created.append((changes.count, a.id))
                changes.append(ImportReport.Change(row: row.number, code: "", title: a.title, operation: .create, columns: []))
            }
        }
        p.renumber()
        for (index, id) in created { changes[index].code = p.action(id)?.code ?? "" }
        return ImportReport(kind: .actions, changes: changes, problems: problems, programme: problems.isEmpty ? p : original)
    }

    static func changedColumns(_ before: Action, _ after: Action, header: Header, objectiveChanged: Bool) -> [String] {
        var names: [String] = []
        func check(_ key: String, _ differs: Bool) { if differs, let name = header.names[key] { names.append(name) } }
        check("objective", objectiveChanged)
        check("title", before.title != after.title)
        check("description", before.description != after.description)
        check("kind", before.kind != after.kind)
        check("nature", before.nature != after.nature)
        check("unit", before.responsibleUnitID != after.responsibleUnitID)
        check("priority", before.priority != after.priority)
        check("maturity", before.maturity != after.maturity)
        check("cost", before.cost != after.cost)
        check("start", before.schedule?.start != after.schedule?.start)
        check("end", before.schedule?.end != after.schedule?.end)
        check("budgetLines", before.budgetLines != after.budgetLines)
        check("weight", before.weight != after.weight)
        check("funding", before.fundingLines != after.fundingLines)
        check("localities", before.localityIDs != after.localityIDs)
        check("preconditions", before.preconditions != after.preconditions)
        return names
    }

    // MARK: indicators

    public static func indicators(_ rows: [[String]], into original: Programme, reference r: ReferenceData,
                                  by actor: String, at now: Date, today: CalendarDate) -> ImportReport {
        var problems: [ImportProblem] = []
        // Target columns for any year the file names; years outside the programme are refused below.
        var columns = ProgrammeSheets.indicatorColumns(years: original.years)
        for raw in rows[0] {
            let words = raw.split(separator: " ").map(String.init)
            if let last = words.last, last.count == 4, let year = Int(last), !original.years.contains(year),
               ProgrammeSheets.targetColumn(year).matches(raw) || GreekText.searchKey(words.dropLast().joined(separator: " ")) == GreekText.searchKey("Στόχος") {
                columns.append(ProgrammeSheets.targetColumn(year))
            }
        }
        let header = header(rows[0], columns: columns, problems: &problems)
        for (key, name) in header.names where key.hasPrefix("target") {
            if let year = Int(key.dropFirst(6)), !original.years.contains(year) {
                problems.append(ImportProblem(row: 1, column: name, message: "Το έτος \(year) είναι εκτός της περιόδου \(original.startYear)–\(original.endYear)."))
            }
        }
        guard problems.isEmpty else { return ImportReport(kind: .indicators, changes: [], problems: problems, programme: original) }

        var p = original
        var changes: [ImportReport.Change] = []
        var seen: [String: Int] = [:]
        let byID = Dictionary(original.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byCode = Dictionary(original.indicators.map { (GreekText.searchKey($0.code), $0) }, uniquingKeysWith: { a, _ in a })
        let measures = Dictionary(original.measures.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        let objectives = Dictionary(original.objectives.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        let actions = Dictionary(original.actions.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })

        for (n, cells) in rows.enumerated().dropFirst() where cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let row = Row(number: n + 1, cells: cells, header: header)
            var rowProblems: [ImportProblem] = []
            func refuse(_ key: String, _ message: String) {
                rowProblems.append(ImportProblem(row: row.number, column: header.names[key] ?? columns.first { $0.key == key }?.greek, message: message))
            }
            var existing: Indicator?
            if let idText = row.cell("id"), !idText.isEmpty {
                if let id = UUID(uuidString: idText) {
                    existing = byID[id]
                    if existing == nil { refuse("id", "Δεν υπάρχει δείκτης με αναγνωριστικό \(idText) σε αυτό το πρόγραμμα· για νέο δείκτη αφήστε το κενό.") }
                } else { refuse("id", "«\(idText.prefix(40))» δεν είναι αναγνωριστικό (UUID)· για νέο δείκτη αφήστε το κενό.") }
            } else if let code = row.cell("code"), !code.isEmpty {
                existing = byCode[GreekText.searchKey(code)]
            }
            let code = row.cell("code") ?? existing?.code ?? ""
            let key = existing.map { "id:\($0.id)" } ?? "code:\(GreekText.searchKey(code))"
            if !code.isEmpty || existing != nil {
                if let first = seen[key] { refuse("code", "Ο ίδιος δείκτης υπάρχει ήδη στη γραμμή \(first).") } else { seen[key] = row.number }
            }
            if let existing, !code.isEmpty, GreekText.searchKey(code) != GreekText.searchKey(existing.code),
               let other = byCode[GreekText.searchKey(code)], other.id != existing.id {
                refuse("code", "Ο κωδικός \(code) ανήκει ήδη στον δείκτη «\(other.name.prefix(60))».")
            }
            if existing == nil {
                for column in ProgrammeSheets.indicatorColumns where column.requiredForNew && (row.cell(column.key) ?? "").isEmpty {
                    refuse(column.key, row.has(column.key) ? "Η στήλη είναι υποχρεωτική για νέο δείκτη." : "Λείπει η στήλη, που χρειάζεται για νέο δείκτη.")
                }
            }
            var i = existing ?? Indicator(code: code, name: "", kind: .output, unit: "", attachment: .measure(UUID()))
            var attached = existing != nil
            if !code.isEmpty { i.code = code }
            if let text = row.cell("name") {
                if text.isEmpty { if existing != nil { refuse("name", "Το όνομα δεν μπορεί να μείνει κενό.") } } else { i.name = text }
            }
            if let text = row.cell("unit") {
                if text.isEmpty { if existing != nil { refuse("unit", "Η μονάδα μέτρησης δεν μπορεί να μείνει κενή.") } } else { i.unit = text }
            }
            if let text = row.cell("kind"), !text.isEmpty {
                if let v = match(text, Indicator.Kind.self, greek: \.greek, raw: \.rawValue) { i.kind = v }
                else { refuse("kind", "Άγνωστο είδος «\(text.prefix(30))»· δεκτά: \(Indicator.Kind.allCases.map(\.greek).joined(separator: ", ")).") }
            }
            if let text = row.cell("direction"), !text.isEmpty {
                if let v = match(text, Indicator.Direction.self, greek: \.greek, raw: \.rawValue) { i.direction = v }
                else { refuse("direction", "Άγνωστη κατεύθυνση «\(text.prefix(40))»· δεκτές: \(Indicator.Direction.allCases.map(\.greek).joined(separator: ", ")).") }
            }
            if let text = row.cell("frequency"), !text.isEmpty {
                if let v = match(text, Indicator.Frequency.self, greek: \.greek, raw: \.rawValue) { i.frequency = v }
                else { refuse("frequency", "Άγνωστη συχνότητα «\(text.prefix(30))»· δεκτές: \(Indicator.Frequency.allCases.map(\.greek).joined(separator: ", ")).") }
            }
            if let text = row.cell("attachedTo"), !text.isEmpty {
                if let m = measures[text] { i.attachment = .measure(m); attached = true }
                else if let o = objectives[text] { i.attachment = .objective(o); attached = true }
                else { refuse("attachedTo", "Δεν υπάρχει μέτρο ή στόχος με κωδικό «\(text.prefix(20))».") }
            }
            if let text = row.cell("action") {
                if text.isEmpty { i.actionID = nil }
                else if let a = actions[text] { i.actionID = a }
                else { refuse("action", "Δεν υπάρχει δράση με κωδικό «\(text.prefix(20))».") }
            }
            if let text = row.cell("baseline") {
                if text.isEmpty { i.baseline = nil } else if let v = number(text) { i.baseline = v } else { refuse("baseline", "«\(text.prefix(30))» δεν είναι αριθμός (π.χ. 1.234,5).") }
            }
            if let text = row.cell("baselineYear") {
                if text.isEmpty { i.baselineYear = nil }
                else if let y = Int(text), (1950...original.endYear).contains(y) { i.baselineYear = y }
                else { refuse("baselineYear", "«\(text.prefix(20))» δεν είναι έτος έως το \(original.endYear).") }
            }
            for year in original.years {
                guard let text = row.cell("target\(year)") else { continue }
                if text.isEmpty { i.targets[year] = nil }
                else if let v = number(text) { i.targets[year] = v }
                else { refuse("target\(year)", "«\(text.prefix(30))» δεν είναι αριθμός (π.χ. 1.234,5).") }
            }
            if let text = row.cell("responsibleUnit") {
                if text.isEmpty { i.responsibleUnitID = nil }
                else if let u = unit(text, r) { i.responsibleUnitID = u.id }
                else { refuse("responsibleUnit", "Δεν υπάρχει υπηρεσία «\(text.prefix(60))» στο οργανόγραμμα του Δήμου.") }
            }
            if let text = row.cell("dataSource") { i.dataSource = text }
            var values: [(ReportingPeriod, Double)] = []
            if let text = row.cell("measurements") {
                for part in text.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                    guard let colon = part.firstIndex(of: ":") else {
                        refuse("measurements", "«\(part.prefix(40))»: γράψτε «περίοδος: τιμή», π.χ. «2025-Q2: 14» ή «2025: 30».")
                        continue
                    }
                    let periodText = part[..<colon].trimmingCharacters(in: .whitespaces)
                    let valueText = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    let period = ReportingPeriod(parsing: periodText) ?? CalendarDate(parsing: periodText).map { ReportingPeriod(year: $0.year, quarter: $0.quarter.quarter) }
                    guard let period else { refuse("measurements", "«\(periodText.prefix(30))» δεν είναι περίοδος (π.χ. 2025-Q2 ή 2025)."); continue }
                    guard let value = number(valueText) else { refuse("measurements", "«\(valueText.prefix(30))» δεν είναι αριθμός (περίοδος \(period.code))."); continue }
                    values.append((period, value))
                }
            }
            if !attached && rowProblems.isEmpty { refuse("attachedTo", "Ο νέος δείκτης πρέπει να συνδέεται με μέτρο ή στόχο.") }
            problems += rowProblems
            guard rowProblems.isEmpty else { continue }

            var changed: [String] = []
            if let before = existing {
                func check(_ key: String, _ differs: Bool) { if differs, let name = header.names[key] { changed.append(name) } }
                check("code", before.code != i.code)
                check("name", before.name != i.name)
                check("kind", before.kind != i.kind)
                check("unit", before.unit != i.unit)
                check("direction", before.direction != i.direction)
                check("attachedTo", before.attachment != i.attachment)
                check("action", before.actionID != i.actionID)
                check("baseline", before.baseline != i.baseline)
                check("baselineYear", before.baselineYear != i.baselineYear)
                for year in original.years { check("target\(year)", before.targets[year] != i.targets[year]) }
                check("frequency", before.frequency != i.frequency)
                check("responsibleUnit", before.responsibleUnitID != i.responsibleUnitID)
                check("dataSource", before.dataSource != i.dataSource)
                if let index = p.indicators.firstIndex(where: { $0.id == before.id }) { p.indicators[index] = i }
            } else {
                i.id = UUID()
                p.indicators.append(i)
            }
            // Values: a period whose latest value differs is recorded, with the import as the reason.
            let latest: [ReportingPeriod: Double] = Dictionary(ProgrammeSheets.latestByPeriod(i).map { ($0.key, $0.value.value) }, uniquingKeysWith: { (a: Double, _: Double) in a })
            var valuesChanged = false
            for (period, value) in values where latest[period] != value {
                do {
                    try p.recordMeasurement(indicatorID: i.id, period: period, value: value, note: "", by: actor, at: now, today: today,
                                            reason: latest[period] == nil ? nil : "εισαγωγή από αρχείο")
                    valuesChanged = true
                } catch let error as EntryError {
                    problems.append(ImportProblem(row: row.number, column: header.names["measurements"], message: "\(period.code): \(error.description)"))
                } catch {
                    problems.append(ImportProblem(row: row.number, column: header.names["measurements"], message: "\(period.code): \(error)"))
                }
            }
            if valuesChanged, let name = header.names["measurements"] { changed.append(name) }
            changes.append(.init(row: row.number, code: i.code, title: i.name, operation: existing == nil ? .create : (changed.isEmpty ? .unchanged : .update), columns: changed))
        }
        return ImportReport(kind: .indicators, changes: changes, problems: problems, programme: problems.isEmpty ? p : original)
    }
}
