import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OramaDomain

/// Text for XML 1.0: escapes markup and drops the control characters XML cannot carry.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A spreadsheet as Orama writes it: sheets of typed cells with a frozen header row.
public struct Workbook: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case integer(Int)
        case money(Money)
        case empty

        /// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`).
        public static func isFormulaLike(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return ["=", "+", "-", "@"].contains(first)
        }
    }

    public struct Column: Sendable, Hashable {
        public var header: String
        /// Width in characters.
        public var width: Int
        public init(_ header: String, width: Int = 14) {
            self.header = header
            self.width = width
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var columns: [Column]
        public var rows: [[Cell]]
        public init(name: String, columns: [Column], rows: [[Cell]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    public var sheets: [Sheet]
    public init(sheets: [Sheet]) { self.sheets = sheets }
}

/// Office Open XML spreadsheets (ECMA-376), written by hand: numbers are numbers, money
/// carries a `#.##0,00 €` format, the header row is bold and frozen, text is inline and
/// marked with Excel's own quote prefix when it looks like a formula.
public enum XLSXWriter {
    public static func data(_ workbook: Workbook) throws -> Data {
        var parts: [(path: String, data: Data)] = []
        let sheets = workbook.sheets.isEmpty ? [Workbook.Sheet(name: "Φύλλο1", columns: [], rows: [])] : workbook.sheets
        let names = uniqueSheetNames(sheets.map(\.name))
        parts.append(("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8)))
        parts.append(("_rels/.rels", Data(rootRels.utf8)))
        parts.append(("xl/workbook.xml", Data(workbookXML(names).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(workbookRels(sheetCount: sheets.count).utf8)))
        parts.append(("xl/styles.xml", Data(styles.utf8)))
        for (n, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(n + 1).xml", Data(sheetXML(sheet).utf8)))
        }
        return try ZipPackage.make(parts)
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { n, raw in
            var name = String(raw.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty { name = "Φύλλο\(n + 1)" }
            var candidate = name
            var k = 2
            while used.contains(candidate.lowercased()) { candidate = String(name.prefix(27)) + " (\(k))"; k += 1 }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a zero-based column.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Cents as an exact decimal: `123456` → `1234.56`.
    static func decimal(_ money: Money) -> String {
        let sign = money.cents < 0 ? "-" : ""
        let magnitude = money.cents.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    // Style indexes in styles.xml's cellXfs.
    private static let headerStyle = 1, moneyStyle = 2, integerStyle = 3, numberStyle = 4, quotedStyle = 5, wrapStyle = 6

    static func sheetXML(_ sheet: Workbook.Sheet) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columns.isEmpty {
            xml += "<cols>"
            for (n, column) in sheet.columns.enumerated() {
                xml += #"<col min="\#(n + 1)" max="\#(n + 1)" width="\#(max(6, min(80, column.width)))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        var rowNumber = 1
        func cellXML(_ cell: Workbook.Cell, _ ref: String, header: Bool) -> String {
            switch cell {
            case .empty: return ""
            case .text(let text):
                let style = header ? headerStyle : (Workbook.Cell.isFormulaLike(text) ? quotedStyle : (text.count > 60 ? wrapStyle : 0))
                return #"<c r="\#(ref)"\#(style == 0 ? "" : #" s="\#(style)""#) t="inlineStr"><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
            case .number(let v): return #"<c r="\#(ref)" s="\#(numberStyle)"><v>\#(number(v))</v></c>"#
            case .integer(let v): return #"<c r="\#(ref)" s="\#(integerStyle)"><v>\#(v)</v></c>"#
            case .money(let m): return #"<c r="\#(ref)" s="\#(moneyStyle)"><v>\#(decimal(m))</v></c>"#
            }
        }
        xml += #"<row r="1">"#
        for (n, column) in sheet.columns.enumerated() { xml += cellXML(.text(column.header), "\(columnName(n))1", header: true) }
        xml += "</row>"
        for row in sheet.rows {
            rowNumber += 1
            xml += #"<row r="\#(rowNumber)">"#
            for (n, cell) in row.enumerated() { xml += cellXML(cell, "\(columnName(n))\(rowNumber)", header: false) }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.columns.isEmpty {
            xml += #"<autoFilter ref="A1:\#(columnName(sheet.columns.count - 1))\#(max(1, rowNumber))"/>"#
        }
        xml += #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup orientation="landscape" paperSize="9"/>"#
        xml += "</worksheet>"
        return xml
    }

    static func contentTypes(sheetCount: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for n in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    static func workbookXML(_ names: [String]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (n, name) in names.enumerated() {
            xml += #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(n + 1)" r:id="rId\#(n + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRels(sheetCount: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for n in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(n)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    static let styles = ##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00\ &quot;€&quot;"/><numFmt numFmtId="165" formatCode="#,##0.##"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"##
}

/// Reads the first sheet of an XLSX (or a named one) into rows of text, row and column
/// positions kept: `rows[0]` is spreadsheet row 1, and a blank cell is `""`. Numbers come
/// back in the form the importers read (`1234,56`), shared and inline strings as they are.
public enum XLSXReader {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        /// Where, when the problem is in a cell or row (spreadsheet numbering).
        public var row: Int? = nil
        public var column: String? = nil
    }

    /// Columns beyond this one (`IV`) are refused: no import has that many, and a cell at
    /// the far right of every row would otherwise fill memory with blanks.
    public static let maxColumns = 256

    public static func rows(_ data: Data, sheet wanted: String? = nil, maxRows: Int = 100_000) throws -> [[String]] {
        func part(_ paths: Set<String>) throws -> [String: Data] {
            do { return try ZipPackage.read(data, only: paths) } catch let problem as ZipPackage.Problem {
                throw Problem(description: "Το αρχείο δεν είναι έγκυρο XLSX: \(problem.description).")
            }
        }
        var files = try part(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"])
        guard let workbook = files["xl/workbook.xml"] else { throw Problem(description: "Το αρχείο δεν είναι βιβλίο εργασίας XLSX (λείπει το xl/workbook.xml).") }
        let sheets = try parse(workbook, SheetListParser())
        guard !sheets.sheets.isEmpty else { throw Problem(description: "Το βιβλίο εργασίας δεν έχει φύλλα.") }
        let chosen = wanted.flatMap { name in sheets.sheets.first { $0.name == name } } ?? sheets.sheets[0]
        var target = "xl/worksheets/sheet1.xml"
        if let rels = files["xl/_rels/workbook.xml.rels"] {
            let map = try parse(rels, RelationshipParser()).targets
            if let t = map[chosen.relationship] {
                target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
            }
        }
        files.merge(try part([target]), uniquingKeysWith: { a, _ in a })
        guard let sheetData = files[target] else { throw Problem(description: "Λείπει το φύλλο «\(chosen.name)» από το αρχείο.") }
        let shared = try files["xl/sharedStrings.xml"].map { try parse($0, SharedStringsParser()).strings } ?? []
        let parser = SheetParser(shared: shared, maxRows: maxRows)
        let result = try parse(sheetData, parser)
        if let problem = result.problem { throw problem }
        return result.rows
    }

    private static func parse<P: XMLParserDelegate>(_ data: Data, _ delegate: P) throws -> P {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            if let sheet = delegate as? SheetParser, let problem = sheet.problem { throw problem }
            throw Problem(description: "Το αρχείο XLSX είναι κατεστραμμένο (μη έγκυρο XML).")
        }
        return delegate
    }

    /// `C12` → (2, 12).
    static func position(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = ""
        for ch in reference.uppercased() {
            if let a = ch.asciiValue, (65...90).contains(a), digits.isEmpty {
                column = column * 26 + Int(a - 64)
                guard column <= 16_384 else { return nil }
            } else if ch.isASCII, ch.isNumber, digits.count < 8 { digits.append(ch) } else { return nil }
        }
        guard column > 0, column <= 16_384, let row = Int(digits), row > 0 else { return nil }
        return (column - 1, row)
    }

    private final class SheetListParser: NSObject, XMLParserDelegate {
        var sheets: [(name: String, relationship: String)] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard name == "sheet" || name.hasSuffix(":sheet") else { return }
            let rel = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append((attributes["name"] ?? "", rel))
        }
    }

    private final class RelationshipParser: NSObject, XMLParserDelegate {
        var targets: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
    }

    private final class SharedStringsParser: NSObject, XMLParserDelegate {
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

    private final class SheetParser: NSObject, XMLParserDelegate {
        let shared: [String]
        let maxRows: Int
        var rows: [[String]] = []
        var problem: Problem?
        private var row = 0
        private var column = 0
        private var type = "n"
        private var value = ""
        private var capturing = false
        private var inCell = false

        init(shared: [String], maxRows: Int) {
            self.shared = shared
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
                value = ""
                if let reference = attributes["r"], let p = XLSXReader.position(reference) { column = p.column }
            case "v", "t" where inCell: capturing = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if capturing { value += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": capturing = false
            case "c":
                inCell = false
                let text: String
                switch type {
                case "s": text = Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
                case "inlineStr", "str": text = value
                case "b": text = value == "1" ? "ΝΑΙ" : "ΟΧΙ"
                case "e": text = value
                default: text = Double(value).map(GreekNumber.exact) ?? value
                }
                store(text)
                column += 1
            default: break
            }
        }

        private func store(_ text: String) {
            guard row > 0, !text.isEmpty, problem == nil else { return }
            guard column < XLSXReader.maxColumns else {
                problem = Problem(description: "Το φύλλο έχει δεδομένα πέρα από τη στήλη \(XLSXWriter.columnName(XLSXReader.maxColumns - 1))· κρατήστε μόνο τις στήλες της εισαγωγής.",
                                  row: row, column: XLSXWriter.columnName(column))
                return
            }
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count <= column { rows[row - 1].append("") }
            rows[row - 1][column] = text
        }
    }
}
