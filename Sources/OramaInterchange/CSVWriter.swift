import Foundation
import OramaDomain

/// CSV as Greek Excel opens it without a wizard: UTF-8 with BOM, `;` between fields,
/// decimal comma, CRLF line ends. Text that a spreadsheet would take for a formula gets a
/// leading apostrophe; the importers remove it again, so a file goes out and back unchanged.
public enum CSVWriter {
    public enum Dialect: Sendable {
        /// `;` and decimal comma: what Greek Excel and LibreOffice open directly.
        case greekExcel
        /// `,` and decimal point (RFC 4180): what data tools read; the open-data files.
        case openData
    }

    public static func data(_ sheet: Workbook.Sheet, dialect: Dialect = .greekExcel) -> Data {
        let separator = dialect == .greekExcel ? ";" : ","
        var text = "\u{FEFF}"
        text += sheet.columns.map { field(.text($0.header), dialect) }.joined(separator: separator) + "\r\n"
        for row in sheet.rows {
            text += row.map { field($0, dialect) }.joined(separator: separator) + "\r\n"
        }
        return Data(text.utf8)
    }

    static func field(_ cell: Workbook.Cell, _ dialect: Dialect = .greekExcel) -> String {
        switch cell {
        case .empty: return ""
        case .integer(let n): return String(n)
        case .number(let v):
            let text = GreekNumber.exact(v)
            return dialect == .greekExcel ? text : text.replacingOccurrences(of: ",", with: ".")
        case .money(let m):
            return dialect == .greekExcel ? m.formattedNumber.replacingOccurrences(of: ".", with: "") : XLSXWriter.decimal(m)
        case .text(let raw):
            let text = Workbook.Cell.isFormulaLike(raw) ? "'" + raw : raw
            if text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "," }) {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }

    /// Undoes the apostrophe guard: `'=SUM(A1)` → `=SUM(A1)`; any other text is left alone.
    public static func unguard(_ text: String) -> String {
        guard text.hasPrefix("'"), Workbook.Cell.isFormulaLike(String(text.dropFirst())) else { return text }
        return String(text.dropFirst())
    }
}
