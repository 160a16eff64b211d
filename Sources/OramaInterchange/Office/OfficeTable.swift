import Foundation
import OramaDomain

/// An office's own table as read from its file: CSV (UTF-8, Windows-1253 or ISO-8859-7; `;`,
/// `,` or tab) or one sheet of an XLSX. The header is found below any title rows and may take
/// two rows (a band such as «Προϋπολογισμός ανά έτος» over the year cells); merged cells are
/// spread over their range; totals rows are set aside and said so.
public struct OfficeTable: Sendable {
    public struct Column: Sendable, Hashable {
        /// Zero-based position in the sheet.
        public var index: Int
        /// The header as people read it (both header rows joined).
        public var header: String
        /// The year the header names, if it is a year column.
        public var year: Int?
        /// The spreadsheet's letter, for messages when the header is empty.
        public var letter: String { XLSXWriter.columnName(index) }
        public var name: String { header.isEmpty ? letter : header }
    }

    public struct Row: Sendable, Hashable {
        /// The row's number in the file (1-based, as the spreadsheet shows it).
        public var number: Int
        public var cells: [SheetCell]

        public func cell(_ index: Int) -> SheetCell { index < cells.count ? cells[index] : .empty }
    }

    public var encoding: GreekTextDecoding.Encoding?
    /// The sheet read, and every sheet of the workbook (XLSX only).
    public var sheet: String?
    public var sheets: [String] = []
    /// The 1-based number of the header's (last) row.
    public var headerRow: Int
    public var columns: [Column]
    public var rows: [Row]
    /// Rows set aside (totals rows), each with why.
    public var skipped: [ImportProblem]
    /// The totals rows themselves, to compare the file's own totals with what is imported.
    public var totals: [Row] = []

    /// The header's own words, accent- and case-free: what a saved mapping is kept under.
    public var signature: String { columns.map { GreekText.searchKey($0.header) }.joined(separator: "|") }

    public static let maxBytes = 10 << 20
    public static let maxRows = 20_000

    /// `headers`: the column headers a saved mapping expects, to find a header whose words
    /// say nothing by themselves.
    public static func read(_ data: Data, sheet: String? = nil, headers: [String] = []) -> Result<OfficeTable, ImportProblems> {
        func refuse(_ message: String, row: Int? = nil, column: String? = nil) -> Result<OfficeTable, ImportProblems> {
            .failure(ImportProblems([ImportProblem(row: row, column: column, message: message)]))
        }
        guard !data.isEmpty else { return refuse("Το αρχείο είναι κενό.") }
        guard data.count <= maxBytes else { return refuse("Το αρχείο ξεπερνά τα \(maxBytes >> 20) MB· χωρίστε το σε μικρότερα.") }
        var grid: [[SheetCell]]
        var encoding: GreekTextDecoding.Encoding?
        var sheetName: String?
        var sheets: [String] = []
        if data.prefix(2) == Data([0x50, 0x4B]) {
            do {
                sheets = try XLSXReader.sheetNames(data)
                let read = try XLSXReader.grid(data, sheet: sheet, maxRows: maxRows + 50)
                sheetName = read.name
                grid = spread(read)
            } catch let problem as XLSXReader.Problem {
                return refuse(problem.description, row: problem.row, column: problem.column)
            } catch {
                return refuse("Το αρχείο XLSX δεν διαβάζεται.")
            }
        } else {
            if data.prefix(8192).contains(0) && !(data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])) {
                return refuse("Το αρχείο δεν είναι κείμενο CSV ούτε XLSX (περιέχει δυαδικά δεδομένα).")
            }
            switch GreekTextDecoding.decode(data) {
            case .failure(let refusal): return refuse(refusal.description, row: refusal.line)
            case .success(let decoded):
                encoding = decoded.encoding
                let parsed = CSV.parse(decoded.text, separator: CSV.separator(of: firstLines(decoded.text)))
                if let row = parsed.unclosedQuoteRow {
                    return refuse("Ένα κελί ανοίγει εισαγωγικά («\"») που δεν κλείνουν ως το τέλος του αρχείου· το αρχείο φαίνεται κομμένο.", row: row)
                }
                grid = parsed.rows.map { $0.map { SheetCell(text: $0) } }
                if grid.count > maxRows + 50 { return refuse("Το αρχείο έχει περισσότερες από \(maxRows) γραμμές· χωρίστε το σε μικρότερα.") }
            }
        }
        guard let header = findHeader(grid, expected: headers) else {
            return refuse("Δεν βρέθηκε γραμμή επικεφαλίδων: καμία από τις πρώτες γραμμές δεν έχει ονόματα στηλών όπως «Τίτλος», «Άξονας», «Προϋπολογισμός» ή έτη.")
        }
        var columns: [Column] = []
        let width = header.rows.map { grid[$0].count }.max() ?? 0
        for index in 0..<width {
            let parts = header.rows.map { r in index < grid[r].count ? grid[r][index].text.trimmed : "" }
            var words: [String] = []
            for part in parts where !part.isEmpty && !words.contains(part) { words.append(part) }
            let text = words.joined(separator: " ")
            columns.append(Column(index: index, header: text, year: OfficeColumns.year(in: parts.last ?? "") ?? OfficeColumns.year(in: text)))
        }
        // Trailing columns with no header and no data are not columns.
        let last = header.rows.last!
        while let column = columns.last, column.header.isEmpty,
              !grid[(last + 1)...].contains(where: { column.index < $0.count && !$0[column.index].isEmpty }) {
            columns.removeLast()
        }
        var rows: [Row] = []
        var skipped: [ImportProblem] = []
        var totals: [Row] = []
        for r in (last + 1)..<grid.count {
            let cells = grid[r]
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            if encoding != nil {
                // A CSV row must have the header's cells: fewer is a row cut short, more (not
                // empty) an unquoted separator inside a text.
                let filled = cells.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
                if filled > columns.count, let extra = cells[columns.count...].firstIndex(where: { !$0.isEmpty }) {
                    return refuse("Η γραμμή έχει \(filled) κελιά ενώ η επικεφαλίδα έχει \(columns.count)· το κελί \(extra + 1) («\(cells[extra].text.prefix(40))») δεν ανήκει σε καμία στήλη. Ίσως ένα κείμενο περιέχει το διαχωριστικό χωρίς εισαγωγικά.",
                                  row: r + 1, column: XLSXWriter.columnName(extra))
                }
                if cells.count < columns.count {
                    let missing = columns[cells.count].name
                    return refuse("Η γραμμή έχει \(cells.count) κελιά ενώ η επικεφαλίδα έχει \(columns.count): φαίνεται κομμένη ή λείπουν διαχωριστικά από τη στήλη «\(missing)» και μετά.", row: r + 1, column: missing)
                }
            }
            if let total = totalsLabel(cells) {
                skipped.append(ImportProblem(row: r + 1, column: nil, message: "γραμμή συνόλων («\(total.prefix(40))»), δεν εισάγεται ως δράση."))
                totals.append(Row(number: r + 1, cells: cells))
                continue
            }
            rows.append(Row(number: r + 1, cells: cells))
        }
        guard !rows.isEmpty else { return refuse("Ο πίνακας δεν έχει γραμμές δεδομένων κάτω από τις επικεφαλίδες.", row: last + 2) }
        if rows.count > maxRows { return refuse("Ο πίνακας έχει περισσότερες από \(maxRows) γραμμές δεδομένων· χωρίστε τον σε μικρότερους.") }
        return .success(OfficeTable(encoding: encoding, sheet: sheetName, sheets: sheets, headerRow: last + 1, columns: columns, rows: rows, skipped: skipped, totals: totals))
    }

    /// The separator is the one the header uses, which may sit under title rows: look at the
    /// first lines, not only the first.
    static func firstLines(_ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).prefix(12)
        return lines.max { a, b in
            a.filter { $0 == ";" || $0 == "," || $0 == "\t" }.count < b.filter { $0 == ";" || $0 == "," || $0 == "\t" }.count
        }.map(String.init) ?? ""
    }

    /// Merged cells carry their value over the whole range, as people read them.
    static func spread(_ grid: SheetGrid) -> [[SheetCell]] {
        var cells = grid.cells
        for merge in grid.merges {
            guard merge.top < cells.count else { continue }
            let value = merge.left < cells[merge.top].count ? cells[merge.top][merge.left] : .empty
            guard !value.isEmpty else { continue }
            for r in merge.top...merge.bottom {
                while cells.count <= r { cells.append([]) }
                for c in merge.left...merge.right {
                    while cells[r].count <= c { cells[r].append(.empty) }
                    if cells[r][c].isEmpty { cells[r][c] = value }
                }
            }
        }
        return cells
    }

    /// The header: the row among the first twenty whose cells most look like column names
    /// (or years), with the row below joined when it holds the years under a band, or the row
    /// above when this one is the years.
    static func findHeader(_ grid: [[SheetCell]], expected: [String] = []) -> (rows: [Int], score: Int)? {
        if !expected.isEmpty {
            let wanted = Set(expected.map { GreekText.searchKey($0) }.filter { !$0.isEmpty })
            for r in 0..<min(20, grid.count) {
                let texts = grid[r].map { GreekText.searchKey($0.text.trimmed) }.filter { !$0.isEmpty }
                if !texts.isEmpty, Double(texts.filter(wanted.contains).count) >= Double(wanted.count) * 0.8 { return ([r], texts.count) }
            }
        }
        func score(_ r: Int) -> Int {
            grid[r].filter { cell in
                let text = cell.text.trimmed
                return !text.isEmpty && cell.number == nil && (OfficeColumns.propose(text) != nil || OfficeColumns.year(in: text) != nil)
            }.count
        }
        func years(_ r: Int) -> Int {
            r < grid.count ? grid[r].filter { OfficeColumns.year(in: $0.text.trimmed) != nil && $0.text.count <= 12 }.count : 0
        }
        let candidates = (0..<min(20, grid.count)).map { ($0, score($0)) }
        guard let best = candidates.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }), best.1 >= 2 else { return nil }
        let r = best.0
        // The row below holds the years under a band; its other cells are empty or the
        // header's own (cells merged down over both rows).
        if r + 1 < grid.count, years(r + 1) >= 2 {
            let continues = grid[r + 1].enumerated().allSatisfy { c, cell in
                cell.isEmpty || OfficeColumns.year(in: cell.text.trimmed) != nil || (c < grid[r].count && grid[r][c].text == cell.text)
            }
            if continues { return ([r, r + 1], best.1) }
        }
        if years(r) >= 2, r > 0, score(r - 1) >= 1 { return ([r - 1, r], best.1) }
        return ([r], best.1)
    }

    /// A totals row: «Σύνολο», «ΓΕΝΙΚΟ ΣΥΝΟΛΟ», «Total» in one of its first text cells, or a
    /// row of formulas with no text at all.
    static func totalsLabel(_ cells: [SheetCell]) -> String? {
        let texts = cells.filter { !$0.isEmpty && $0.number == nil && $0.date == nil }.prefix(3)
        // Totals labels are short; a title or a description is not one.
        for cell in texts where cell.text.utf8.count <= 120 {
            let key = GreekText.searchKey(cell.text.trimmed)
            if ["συνολο", "συνολα", "γενικο συνολο", "γενικο συνολο προγραμματος", "total", "grand total", "αθροισμα"].contains(where: { key == $0 || key.hasPrefix($0 + " ") || key.hasPrefix($0 + ":") }) {
                return cell.text.trimmed
            }
        }
        let filled = cells.filter { !$0.isEmpty || $0.isFormula }
        if !filled.isEmpty, texts.isEmpty, filled.contains(where: \.isFormula) { return "τύποι χωρίς τίτλο" }
        return nil
    }
}

extension String {
    /// Without the spaces and line breaks around it; Foundation's `trimmingCharacters` goes
    /// through NSString on Linux, too slow for every cell of a table of thousands of rows.
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
