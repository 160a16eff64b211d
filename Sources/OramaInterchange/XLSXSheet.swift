import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OramaDomain

/// A cell of a sheet as the office left it: its text, and what Excel knew of it — a number,
/// a date (a number in a date format), a formula (a computed total, say).
public struct SheetCell: Sendable, Hashable {
    public var text: String
    public var number: Double? = nil
    public var date: CalendarDate? = nil
    public var isFormula = false

    public init(text: String, number: Double? = nil, date: CalendarDate? = nil, isFormula: Bool = false) {
        self.text = text
        self.number = number
        self.date = date
        self.isFormula = isFormula
    }

    public static let empty = SheetCell(text: "")
    public var isEmpty: Bool { text.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}

/// A sheet as a grid: `cells[r][c]` for spreadsheet row r+1, column c+1, with the ranges the
/// office merged (an axis written once across its eleven rows).
public struct SheetGrid: Sendable {
    public var name: String
    public var cells: [[SheetCell]]
    /// Merged ranges, zero-based and inclusive.
    public var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
}

extension XLSXReader {
    /// The names of a workbook's sheets, in order.
    public static func sheetNames(_ data: Data) throws -> [String] {
        try workbook(data).sheets.map(\.name)
    }

    /// One sheet (the named one, or the first) with typed cells and merged ranges.
    public static func grid(_ data: Data, sheet wanted: String? = nil, maxRows: Int = 100_000) throws -> SheetGrid {
        let book = try workbook(data)
        guard !book.sheets.isEmpty else { throw Problem(description: "Το βιβλίο εργασίας δεν έχει φύλλα.") }
        let chosen: (name: String, relationship: String)
        if let wanted {
            guard let sheet = book.sheets.first(where: { $0.name == wanted }) ?? book.sheets.first(where: { GreekText.searchKey($0.name) == GreekText.searchKey(wanted) }) else {
                throw Problem(description: "Το βιβλίο εργασίας δεν έχει φύλλο «\(wanted.prefix(60))»· έχει: \(book.sheets.map { "«\($0.name)»" }.joined(separator: ", ")).")
            }
            chosen = sheet
        } else {
            chosen = book.sheets[0]
        }
        var target = "xl/worksheets/sheet1.xml"
        if let t = book.targets[chosen.relationship] { target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t }
        let parts = try zipParts(data, [target, "xl/sharedStrings.xml", "xl/styles.xml"])
        guard let sheetData = parts[target] else { throw Problem(description: "Λείπει το φύλλο «\(chosen.name)» από το αρχείο.") }
        let shared = try parts["xl/sharedStrings.xml"].map { try parseXML($0, SharedStrings()).strings } ?? []
        let dateStyles = try parts["xl/styles.xml"].map { try parseXML($0, Styles()).dateStyles } ?? []
        let parser = try parseXML(sheetData, TypedSheet(shared: shared, dateStyles: dateStyles, maxRows: maxRows))
        if let problem = parser.problem { throw problem }
        return SheetGrid(name: chosen.name, cells: parser.rows, merges: parser.merges)
    }

    /// An Excel date serial (days since 30/12/1899) as a calendar date.
    public static func date(serial: Double) -> CalendarDate? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let seconds = (serial.rounded(.down) - 25_569) * 86_400
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
        return CalendarDate(year: c.year ?? 1900, month: c.month ?? 1, day: c.day ?? 1)
    }

    struct Book {
        var sheets: [(name: String, relationship: String)]
        var targets: [String: String]
    }

    static func workbook(_ data: Data) throws -> Book {
        let parts = try zipParts(data, ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"])
        guard let workbook = parts["xl/workbook.xml"] else { throw Problem(description: "Το αρχείο δεν είναι βιβλίο εργασίας XLSX (λείπει το xl/workbook.xml).") }
        let sheets = try parseXML(workbook, SheetList()).sheets
        let targets = try parts["xl/_rels/workbook.xml.rels"].map { try parseXML($0, Relationships()).targets } ?? [:]
        return Book(sheets: sheets, targets: targets)
    }

    static func zipParts(_ data: Data, _ paths: Set<String>) throws -> [String: Data] {
        do { return try ZipPackage.read(data, only: paths) } catch let problem as ZipPackage.Problem {
            throw Problem(description: "Το αρχείο δεν είναι έγκυρο XLSX: \(problem.description).")
        }
    }

    static func parseXML<P: XMLParserDelegate>(_ data: Data, _ delegate: P) throws -> P {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            if let sheet = delegate as? TypedSheet, let problem = sheet.problem { throw problem }
            throw Problem(description: "Το αρχείο XLSX είναι κατεστραμμένο (μη έγκυρο XML).")
        }
        return delegate
    }

    final class SheetList: NSObject, XMLParserDelegate {
        var sheets: [(name: String, relationship: String)] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard name == "sheet" || name.hasSuffix(":sheet") else { return }
            let rel = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append((attributes["name"] ?? "", rel))
        }
    }

    final class Relationships: NSObject, XMLParserDelegate {
        var targets: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
    }

    final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = ""
        private var inText = false
        private var inPhonetic = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// Which cell styles show a date: the built-in date formats and custom ones with d, m and y.
    final class Styles: NSObject, XMLParserDelegate {
        var dateStyles: Set<Int> = []
        private var custom: [Int: String] = [:]
        private var inCellXfs = false
        private var index = 0
        static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init) { custom[id] = attributes["formatCode"] ?? "" }
            case "cellXfs": inCellXfs = true; index = 0
            case "xf" where inCellXfs:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                let code = (custom[id] ?? "").lowercased().replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
                if Self.builtInDates.contains(id) || (code.contains("d") && code.contains("m") && code.contains("y")) { dateStyles.insert(index) }
                index += 1
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "cellXfs" { inCellXfs = false }
        }
    }

    final class TypedSheet: NSObject, XMLParserDelegate {
        let shared: [String]
        let dateStyles: Set<Int>
        let maxRows: Int
        var rows: [[SheetCell]] = []
        var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
        var problem: Problem?
        private var row = 0
        private var column = 0
        private var type = "n"
        private var style = 0
        private var value = ""
        private var formula = false
        private var capturing = false
        private var inCell = false

        init(shared: [String], dateStyles: Set<Int>, maxRows: Int) {
            self.shared = shared
            self.dateStyles = dateStyles
            self.maxRows = maxRows
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "row":
                row = attributes["r"].flatMap(Int.init) ?? row + 1
                column = 0
                if row > maxRows {
                    problem = Problem(description: "Το φύλλο έχει περισσότερες από \(maxRows) γραμμές· χωρίστε το σε μικρότερα αρχεία.", row: row, column: "A")
                    parser.abortParsing()
                }
            case "c":
                inCell = true
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                formula = false
                if let reference = attributes["r"], let p = XLSXReader.position(reference) { column = p.column }
            case "f" where inCell: formula = true
            case "v", "t" where inCell: capturing = true
            case "mergeCell":
                let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
                if parts.count == 2, let a = XLSXReader.position(parts[0]), let b = XLSXReader.position(parts[1]),
                   b.column < XLSXReader.maxColumns, b.row <= maxRows {
                    merges.append((a.row - 1, a.column, b.row - 1, b.column))
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if capturing { value += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": capturing = false
            case "c":
                inCell = false
                var cell: SheetCell
                switch type {
                case "s": cell = SheetCell(text: Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "")
                case "inlineStr", "str": cell = SheetCell(text: value)
                case "b": cell = SheetCell(text: value == "1" ? "ΝΑΙ" : "ΟΧΙ")
                case "e": cell = SheetCell(text: value)
                default:
                    if let number = Double(value) {
                        let date = dateStyles.contains(style) ? XLSXReader.date(serial: number) : nil
                        cell = SheetCell(text: date?.formatted ?? GreekNumber.exact(number), number: date == nil ? number : nil, date: date)
                    } else {
                        cell = SheetCell(text: value)
                    }
                }
                cell.isFormula = formula
                store(cell)
                column += 1
            default: break
            }
        }

        private func store(_ cell: SheetCell) {
            guard row > 0, !cell.text.isEmpty || cell.isFormula, problem == nil else { return }
            guard column < XLSXReader.maxColumns else {
                problem = Problem(description: "Το φύλλο έχει δεδομένα πέρα από τη στήλη \(XLSXWriter.columnName(XLSXReader.maxColumns - 1))· κρατήστε μόνο τις στήλες της εισαγωγής.",
                                  row: row, column: XLSXWriter.columnName(column))
                return
            }
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count <= column { rows[row - 1].append(.empty) }
            rows[row - 1][column] = cell
        }
    }
}
