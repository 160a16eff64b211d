import Foundation

/// Reads the bytes of a file as Greek offices save them: UTF-8 (with or without BOM) or
/// Windows-1253, the code page of Greek Excel.
public enum GreekTextDecoding {
    public enum Encoding: String, Sendable { case utf8, utf8BOM, windows1253 }

    public static func decode(_ data: Data) -> (String, Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8BOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (String(String.UnicodeScalarView(bytes.map(windows1253))), .windows1253)
    }

    /// Windows-1253 to Unicode; unassigned bytes become U+FFFD.
    static func windows1253(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0x00..<0x80, 0xA0, 0xA3...0xA9, 0xAB...0xAE, 0xB0...0xB3, 0xB5...0xB7, 0xBB, 0xBD:
            return Unicode.Scalar(byte)
        case 0xA1: return "\u{0385}"
        case 0xA2: return "\u{0386}"
        case 0xAF: return "\u{2015}"
        case 0xB4: return "\u{0384}"
        case 0xB8: return "\u{0388}"
        case 0xB9: return "\u{0389}"
        case 0xBA: return "\u{038A}"
        case 0xBC: return "\u{038C}"
        case 0xBE: return "\u{038E}"
        case 0xBF: return "\u{038F}"
        case 0xC0...0xD1: return Unicode.Scalar(0x0390 + UInt32(byte - 0xC0))!
        case 0xD3...0xFE: return Unicode.Scalar(0x03A3 + UInt32(byte - 0xD3))!
        default:
            let table: [UInt8: UInt32] = [0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
                                          0x89: 0x2030, 0x8B: 0x2039, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
                                          0x96: 0x2013, 0x97: 0x2014, 0x99: 0x2122, 0x9B: 0x203A]
            return table[byte].flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
        }
    }
}

/// A small CSV reader: `;` or `,` separated (whichever the header uses), quoted fields with
/// doubled quotes, CRLF or LF line ends.
public enum CSV {
    /// Rows of fields. Blank lines are dropped unless `keepBlankLines`, which keeps row
    /// numbers equal to the spreadsheet's (for messages that name the row).
    public static func rows(_ text: String, keepBlankLines: Bool = false) -> [[String]] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? ";" : ","
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? { if let p = pending { pending = nil; return p }; return iterator.next() }
        while let ch = next() {
            if quoted {
                if ch == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else { quoted = false }
                } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty: quoted = true
            case separator: row.append(field); field = ""
            case "\n", "\r\n", "\r":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        if keepBlankLines { return rows }
        return rows.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
    }
}
