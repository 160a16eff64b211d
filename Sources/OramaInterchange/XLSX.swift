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
        try grid(data, sheet: wanted, maxRows: maxRows).cells.map { $0.map(\.text) }
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
}
