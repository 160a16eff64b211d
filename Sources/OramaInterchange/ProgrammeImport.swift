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
    /// How a CSV's bytes were read (nil for XLSX): the dry run says so.
    public var encoding: GreekTextDecoding.Encoding? = nil

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

    /// The rows of a file and, for a CSV, the encoding it was read in.
    public struct Table: Sendable {
        public var rows: [[String]]
        public var encoding: GreekTextDecoding.Encoding?
    }

    /// The rows of a CSV or XLSX file (header first), or why it cannot be read.
    public static func table(_ data: Data) -> Result<Table, ImportProblems> {
        func refuse(_ message: String, row: Int = 1, column: String? = "A") -> Result<Table, ImportProblems> {
            .failure(ImportProblems([ImportProblem(row: row, column: column, message: message)]))
        }
        guard !data.isEmpty else { return refuse("Το αρχείο είναι κενό.") }
        guard data.count <= maxBytes else { return refuse("Το αρχείο ξεπερνά τα \(maxBytes >> 20) MB· χωρίστε το σε μικρότερα.") }
        let bytes = [UInt8](data.prefix(4))
        let rows: [[String]]
        var encoding: GreekTextDecoding.Encoding?
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
            switch GreekTextDecoding.decode(data) {
            case .failure(let refusal): return refuse(refusal.description, row: refusal.line ?? 1, column: nil)
            case .success(let decoded):
                encoding = decoded.encoding
                switch CSV.strictRows(decoded.text) {
                case .failure(let problem): return refuse(problem.message, row: problem.row, column: problem.column)
                case .success(let read): rows = read
                }
            }
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
        return .success(Table(rows: rows, encoding: encoding))
    }

    public static func run(_ kind: ImportReport.Kind, _ data: Data, into p: Programme, reference r: ReferenceData,
                           by actor: String, at now: Date, today: CalendarDate) -> ImportReport {
        switch table(data) {
        case .failure(let problems): return ImportReport(kind: kind, changes: [], problems: problems.problems, programme: p)
        case .success(let table):
            var report: ImportReport
            switch kind {
            case .actions: report = actions(table.rows, into: p, reference: r)
            case .indicators: report = indicators(table.rows, into: p, reference: r, by: actor, at: now, today: today)
            }
            report.encoding = table.encoding
            return report
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

    static func unit(_ text: String, _ r: ReferenceData) -> OrgUnit? {
        let key = GreekText.searchKey(text)
        return r.units.first { (!$0.code.isEmpty && GreekText.searchKey($0.code) == key) || GreekText.searchKey($0.name) == key }
    }

    static func quarter(_ text: String) -> YearQuarter? {
        if let date = CalendarDate(parsing: text) { return date.quarter }
        return YearQuarter(parsing: text)
    }

    // MARK: what both importers share

    /// The row being read, and what is wrong with it so far (each with its column).
    struct RowCheck {
        let row: Row
        let columns: [SheetColumn]
        private(set) var problems: [ImportProblem] = []

        init(row: Row, columns: [SheetColumn]) {
            self.row = row
            self.columns = columns
        }

        func cell(_ key: String) -> String? { row.cell(key) }
        func has(_ key: String) -> Bool { row.has(key) }

        mutating func refuse(_ key: String, _ message: String) {
            problems.append(ImportProblem(row: row.number, column: row.header.names[key] ?? columns.first { $0.key == key }?.greek, message: message))
        }

        /// Runs one of the domain's field rules on a cell; a refusal is noted at the cell's
        /// column with the rule's own message, the same the form and the API show.
        mutating func check<T>(_ key: String, _ rule: () throws(FieldError) -> T) -> T? {
            do throws(FieldError) { return try rule() } catch {
                refuse(key, error.description)
                return nil
            }
        }
    }

    /// How messages name what a file's rows are: «δράση», «νέα δράση», «Η ίδια δράση».
    struct Noun {
        var one: String
        var newOne: String
        var same: String

        static let action = Noun(one: "δράση", newOne: "νέα δράση", same: "Η ίδια δράση")
        static let indicator = Noun(one: "δείκτης", newOne: "νέο δείκτη", same: "Ο ίδιος δείκτης")
    }

    /// The data rows of a file (blank ones skipped), each read by `body`.
    static func eachRow(_ rows: [[String]], header: Header, columns: [SheetColumn], _ body: (inout RowCheck) -> Void) {
        for (n, cells) in rows.enumerated().dropFirst() where cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var check = RowCheck(row: Row(number: n + 1, cells: cells, header: header), columns: columns)
            body(&check)
        }
    }

    /// Which existing item a row is: by «Αναγνωριστικό» when given, otherwise by «Κωδικός»;
    /// nil for a new one. A second row for the same item is refused, and so are the columns a
    /// new item needs but the row leaves empty.
    static func identify<Item>(_ check: inout RowCheck, _ noun: Noun, byID: (UUID) -> Item?, byCode: (String) -> Item?,
                               key: (Item) -> String, codeKey: (String) -> String, seen: inout [String: Int]) -> Item? {
        var existing: Item?
        let idText = check.cell("id") ?? ""
        if !idText.isEmpty {
            if let id = UUID(uuidString: idText) {
                existing = byID(id)
                if existing == nil { check.refuse("id", "Δεν υπάρχει \(noun.one) με αναγνωριστικό \(idText) σε αυτό το πρόγραμμα· για \(noun.newOne) αφήστε το κενό.") }
            } else { check.refuse("id", "«\(idText.prefix(40))» δεν είναι αναγνωριστικό (UUID)· για \(noun.newOne) αφήστε το κενό.") }
        } else if let code = check.cell("code"), !code.isEmpty {
            existing = byCode(code)
        }
        let code = check.cell("code") ?? ""
        if let rowKey = existing.map(key) ?? (code.isEmpty ? nil : "code:" + codeKey(code)) {
            if let first = seen[rowKey] { check.refuse(idText.isEmpty ? "code" : "id", "\(noun.same) υπάρχει ήδη στη γραμμή \(first).") } else { seen[rowKey] = check.row.number }
        }
        if existing == nil {
            for column in check.columns where column.requiredForNew && (check.cell(column.key) ?? "").isEmpty {
                check.refuse(column.key, check.has(column.key) ? "Η στήλη είναι υποχρεωτική για \(noun.newOne)." : "Λείπει η στήλη, που χρειάζεται για \(noun.newOne).")
            }
        }
        return existing
    }

    /// A cell of a closed list: nil when the file has no such column or leaves the cell empty
    /// (the field stays as it is), the rule's value otherwise.
    static func choice<T>(_ check: inout RowCheck, _ key: String, _ rule: (String) throws(FieldError) -> T) -> T? {
        guard let text = check.cell(key), !text.isEmpty else { return nil }
        return check.check(key) { () throws(FieldError) in try rule(text) }
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
        // A title names an objective only when no other objective has the same one.
        let objectivesByTitle = Dictionary(grouping: original.objectives, by: { GreekText.searchKey($0.title) }).compactMapValues { $0.count == 1 ? $0[0] : nil }
        let pathsByID = Dictionary(original.actionPaths.map { ($0.action.id, $0) }, uniquingKeysWith: { a, _ in a })
        let idsByCode = Dictionary(original.actions.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })

        guard problems.isEmpty else { return ImportReport(kind: .actions, changes: [], problems: problems, programme: original) }

        eachRow(rows, header: header, columns: columns) { row in
            let existing = identify(&row, .action, byID: { pathsByID[$0] }, byCode: { idsByCode[$0].flatMap { pathsByID[$0] } },
                                    key: { "id:\($0.action.id)" }, codeKey: { $0 }, seen: &seen)
            var a = existing?.action ?? Action(title: "", responsibleUnitID: UUID())
            var objectiveID = existing?.objective.id
            if let text = row.cell("objective"), !text.isEmpty {
                if let o = objectivesByCode[text] ?? objectivesByTitle[GreekText.searchKey(text)] { objectiveID = o.id }
                else { row.refuse("objective", "Δεν υπάρχει στόχος με κωδικό ή τίτλο «\(text.prefix(160))»· γράψτε τον κωδικό του στόχου (π.χ. 1.2.3) ή τον τίτλο του όπως είναι στο πρόγραμμα.") }
            } else if existing != nil, row.has("objective") {
                row.refuse("objective", "Ο στόχος δεν μπορεί να μείνει κενός.")
            }
            // A new row may leave the title out (refused above as a needed column); an existing one may not empty it.
            if let text = row.cell("title"), !text.isEmpty || existing != nil, let title = row.check("title", { () throws(FieldError) in try FieldRules.title(text) }) { a.title = title }
            if let text = row.cell("description"), let v = row.check("description", { () throws(FieldError) in try FieldRules.description(text) }) { a.description = v }
            if let text = row.cell("preconditions"), let v = row.check("preconditions", { () throws(FieldError) in try FieldRules.preconditions(text) }) { a.preconditions = v }
            if let v = choice(&row, "kind", FieldRules.kind) { a.kind = v }
            if let v = choice(&row, "nature", FieldRules.nature) { a.nature = v }
            if let v = choice(&row, "maturity", FieldRules.maturity) { a.maturity = v }
            if let v = choice(&row, "priority", FieldRules.priority) { a.priority = v }
            if let text = row.cell("unit"), !text.isEmpty {
                if let u = unit(text, r) { a.responsibleUnitID = u.id } else { row.refuse("unit", "Δεν υπάρχει υπηρεσία «\(text.prefix(60))» στο οργανόγραμμα του Δήμου.") }
            }
            if let text = row.cell("cost") {
                if text.isEmpty { a.cost = .zero } else if let m = row.check("cost", { () throws(FieldError) in try FieldRules.cost(text) }) { a.cost = m }
            }
            let startText = row.cell("start"), endText = row.cell("end")
            if startText != nil || endText != nil {
                let s = startText ?? a.schedule.map { $0.start.code } ?? "", e = endText ?? a.schedule.map { $0.end.code } ?? ""
                if s.isEmpty && e.isEmpty { a.schedule = nil }
                else {
                    let start = quarter(s), end = quarter(e)
                    if start == nil { row.refuse("start", s.isEmpty ? "Λείπει η έναρξη (υπάρχει λήξη)." : "«\(s.prefix(30))» δεν είναι τρίμηνο ή ημερομηνία (π.χ. 2025-Q1, Αʹ τρίμ. 2025, 31/03/2025).") }
                    if end == nil { row.refuse("end", e.isEmpty ? "Λείπει η λήξη (υπάρχει έναρξη)." : "«\(e.prefix(30))» δεν είναι τρίμηνο ή ημερομηνία (π.χ. 2026-Q4, Δʹ τρίμ. 2026, 31/12/2026).") }
                    if let start, let end {
                        // As in the action form: a schedule beyond the programme's period is allowed
                        // (the checks warn of it); one that ends before it starts is not.
                        if end < start { row.refuse("end", "Η λήξη (\(end.greek)) είναι πριν από την έναρξη (\(start.greek)).") }
                        else { a.schedule = Schedule(start: start, end: end) }
                    }
                }
            }
            if let text = row.cell("budgetLines"), let v = row.check("budgetLines", { () throws(FieldError) in try FieldRules.budgetLines(text) }) { a.budgetLines = v }
            if let v = choice(&row, "weight", FieldRules.weight) { a.weight = v }
            if let text = row.cell("funding") {
                var lines: [FundingLine] = []
                for part in text.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                    // «ΣΑΤΑ 2025: 10.000,00»
                    guard let colon = part.lastIndex(of: ":") else {
                        row.refuse("funding", "«\(part.prefix(40))»: γράψτε «πηγή έτος: ποσό», π.χ. «ΣΑΤΑ 2025: 10.000,00».")
                        continue
                    }
                    let head = part[..<colon].trimmingCharacters(in: .whitespaces)
                    let amountText = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    let words = head.split(separator: " ")
                    guard let last = words.last, let year = Int(last), words.count >= 2 else {
                        row.refuse("funding", "«\(part.prefix(40))»: λείπει το έτος (γράψτε «πηγή έτος: ποσό»).")
                        continue
                    }
                    let sourceText = words.dropLast().joined(separator: " ")
                    let sk = GreekText.searchKey(sourceText)
                    guard let source = r.fundingSources.first(where: { GreekText.searchKey($0.code) == sk || GreekText.searchKey($0.name) == sk }) else {
                        row.refuse("funding", "Άγνωστη πηγή χρηματοδότησης «\(sourceText.prefix(40))».")
                        continue
                    }
                    guard original.years.contains(year) else {
                        row.refuse("funding", "Το έτος \(year) είναι εκτός της περιόδου \(original.startYear)–\(original.endYear).")
                        continue
                    }
                    guard let amount = row.check("funding", { () throws(FieldError) in
                        try FieldRules.amount(amountText, field: "funding", subject: "Το ποσό \(source.code) \(year)", english: "The amount of \(source.code) \(year)")
                    }) else { continue }
                    guard !amount.isZero else { continue }
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
                    else if candidates.isEmpty { row.refuse("localities", "Άγνωστη περιοχή «\(name.prefix(40))».") }
                    else {
                        row.refuse("localities", "Η περιοχή «\(name.prefix(40))» είναι διφορούμενη· γράψτε \(candidates.map { "«\(ProgrammeSheets.localityLabel($0, qualified: true))»" }.joined(separator: " ή ")).")
                    }
                }
                a.localityIDs = ids
            }

            problems += row.problems
            guard row.problems.isEmpty, let objectiveID else { return }
            if let existing {
                let changed = changedColumns(existing.action, a, header: header, objectiveChanged: existing.objective.id != objectiveID)
                changes.append(ImportReport.Change(row: row.row.number, code: existing.action.code, title: a.title, operation: changed.isEmpty ? .unchanged : .update, columns: changed))
                guard !changed.isEmpty else { return }
                _ = p.editAction(a.id) { $0 = a }
                if existing.objective.id != objectiveID {
                    try? p.moveAction(a.id, toObjective: objectiveID, at: Int.max)
                }
            } else {
                a.id = UUID()
                a.code = ""
                p.editObjective(objectiveID) { $0.actions.append(a) }
                created.append((changes.count, a.id))
                changes.append(ImportReport.Change(row: row.row.number, code: "", title: a.title, operation: .create, columns: []))
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

        eachRow(rows, header: header, columns: columns) { row in
            let existing = identify(&row, .indicator, byID: { byID[$0] }, byCode: { byCode[GreekText.searchKey($0)] },
                                    key: { "id:\($0.id)" }, codeKey: GreekText.searchKey, seen: &seen)
            let code = row.cell("code") ?? existing?.code ?? ""
            if let existing, !code.isEmpty, GreekText.searchKey(code) != GreekText.searchKey(existing.code),
               let other = byCode[GreekText.searchKey(code)], other.id != existing.id {
                row.refuse("code", "Ο κωδικός \(code) ανήκει ήδη στον δείκτη «\(other.name.prefix(60))».")
            }
            var i = existing ?? Indicator(code: code, name: "", kind: .output, unit: "", attachment: .measure(UUID()))
            var attached = existing != nil
            if !code.isEmpty { i.code = code }
            // A new row may leave these out (refused above as needed columns); an existing one may not empty them.
            if let text = row.cell("name"), !text.isEmpty || existing != nil,
               let v = row.check("name", { () throws(FieldError) in try FieldRules.required(text, field: "name", subject: ("Το όνομα του δείκτη", "The indicator's name")) }) { i.name = v }
            if let text = row.cell("unit"), !text.isEmpty || existing != nil,
               let v = row.check("unit", { () throws(FieldError) in try FieldRules.required(text, field: "unit", subject: ("Η μονάδα μέτρησης", "The unit of measurement"), limit: 60) }) { i.unit = v }
            if let v = choice(&row, "kind", FieldRules.indicatorKind) { i.kind = v }
            if let v = choice(&row, "direction", FieldRules.direction) { i.direction = v }
            if let v = choice(&row, "frequency", FieldRules.frequency) { i.frequency = v }
            if let text = row.cell("attachedTo"), !text.isEmpty {
                if let m = measures[text] { i.attachment = .measure(m); attached = true }
                else if let o = objectives[text] { i.attachment = .objective(o); attached = true }
                else { row.refuse("attachedTo", "Δεν υπάρχει μέτρο ή στόχος με κωδικό «\(text.prefix(160))»· γράψτε τον κωδικό του μέτρου (π.χ. 1.2) ή του στόχου (π.χ. 1.2.3).") }
            }
            if let text = row.cell("action") {
                if text.isEmpty { i.actionID = nil }
                else if let a = actions[text] { i.actionID = a }
                else { row.refuse("action", "Δεν υπάρχει δράση με κωδικό «\(text.prefix(160))»· γράψτε τον κωδικό της δράσης (π.χ. 1.2.3.04).") }
            }
            if let text = row.cell("baseline") {
                if text.isEmpty { i.baseline = nil }
                else if let v = row.check("baseline", { () throws(FieldError) in
                    try FieldRules.fits(try FieldRules.value(text, field: "baseline", subject: "Η τιμή βάσης", english: "The baseline"), unit: i.unit,
                                        field: "baseline", subject: "Η τιμή βάσης", english: "The baseline")
                }) { i.baseline = v }
            }
            if let text = row.cell("baselineYear") {
                if text.isEmpty { i.baselineYear = nil }
                else if let y = row.check("baselineYear", { () throws(FieldError) in try FieldRules.baselineYear(text, upTo: original.endYear) }) { i.baselineYear = y }
            }
            for year in original.years {
                guard let text = row.cell("target\(year)") else { continue }
                if text.isEmpty { i.targets[year] = nil }
                else if let v = row.check("target\(year)", { () throws(FieldError) in
                    try FieldRules.fits(try FieldRules.value(text, field: "target", subject: "Ο στόχος του \(year)", english: "The \(year) target"), unit: i.unit,
                                        field: "target", subject: "Ο στόχος του \(year)", english: "The \(year) target")
                }) { i.targets[year] = v }
            }
            if let text = row.cell("responsibleUnit") {
                if text.isEmpty { i.responsibleUnitID = nil }
                else if let u = unit(text, r) { i.responsibleUnitID = u.id }
                else { row.refuse("responsibleUnit", "Δεν υπάρχει υπηρεσία «\(text.prefix(60))» στο οργανόγραμμα του Δήμου.") }
            }
            if let text = row.cell("dataSource") { i.dataSource = text }
            var values: [(ReportingPeriod, Double)] = []
            if let text = row.cell("measurements") {
                for part in text.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                    guard let colon = part.firstIndex(of: ":") else {
                        row.refuse("measurements", "«\(part.prefix(40))»: γράψτε «περίοδος: τιμή», π.χ. «2025-Q2: 14» ή «2025: 30».")
                        continue
                    }
                    let periodText = part[..<colon].trimmingCharacters(in: .whitespaces)
                    let valueText = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    let period = ReportingPeriod(parsing: periodText) ?? CalendarDate(parsing: periodText).map { ReportingPeriod(year: $0.year, quarter: $0.quarter.quarter) }
                    guard let period else { row.refuse("measurements", "«\(periodText.prefix(30))» δεν είναι περίοδος (π.χ. 2025-Q2 ή 2025)."); continue }
                    guard let value = row.check("measurements", { () throws(FieldError) in
                        try FieldRules.value(valueText, field: "measurements", subject: "Η τιμή της περιόδου \(period.code)", english: "The value of \(period.code)")
                    }) else { continue }
                    values.append((period, value))
                }
            }
            if !attached && row.problems.isEmpty { row.refuse("attachedTo", "Ο νέος δείκτης πρέπει να συνδέεται με μέτρο ή στόχο.") }
            problems += row.problems
            guard row.problems.isEmpty else { return }

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
                    problems.append(ImportProblem(row: row.row.number, column: header.names["measurements"], message: "\(period.code): \(error.description)"))
                } catch {
                    problems.append(ImportProblem(row: row.row.number, column: header.names["measurements"], message: "\(period.code): \(error)"))
                }
            }
            if valuesChanged, let name = header.names["measurements"] { changed.append(name) }
            changes.append(.init(row: row.row.number, code: i.code, title: i.name, operation: existing == nil ? .create : (changed.isEmpty ? .unchanged : .update), columns: changed))
        }
        return ImportReport(kind: .indicators, changes: changes, problems: problems, programme: problems.isEmpty ? p : original)
    }
}
