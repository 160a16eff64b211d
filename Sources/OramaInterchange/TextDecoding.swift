import Foundation

/// Reads the bytes of a text file as Greek offices save them, choosing the encoding per file
/// with strict validation: UTF-8 (with or without BOM), Windows-1253 (Greek Excel's code page)
/// or ISO-8859-7 (older systems). The two single-byte code pages differ in a few places — «Ά»
/// is 0xA2 in one and 0xB6 in the other, «€» 0x80 or 0xA4, the quotes ‘ ’ 0x91/0x92 or
/// 0xA1/0xA2 — and the file's own bytes there decide. Text that is plausible Greek in none of
/// them (a damaged UTF-8 file, Latin-1, UTF-16) is refused, never read as gibberish.
public enum GreekTextDecoding {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8, utf8BOM, windows1253, iso8859_7

        /// As the dry run names it.
        public var greek: String {
            switch self {
            case .utf8: "UTF-8"
            case .utf8BOM: "UTF-8 (με BOM)"
            case .windows1253: "Windows-1253 (ελληνικά Windows)"
            case .iso8859_7: "ISO-8859-7 (ελληνικά ISO)"
            }
        }
    }

    /// Why the bytes are not read: the message names the line.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int?
        public var description: String
    }

    public static func decode(_ data: Data) -> Result<(text: String, encoding: Encoding), Refusal> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Refusal(line: nil, description: "Το αρχείο είναι σε κωδικοποίηση UTF-16· αποθηκεύστε το ως «CSV UTF-8» ή ως XLSX."))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let text = String(validating: body, as: UTF8.self) { return .success((text, .utf8BOM)) }
            return .failure(damagedUTF8(body))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return .success((text, .utf8)) }
        // A file with valid UTF-8 sequences of Greek letters and a few broken ones is a
        // damaged UTF-8 file, not a single-byte one: reading it as Windows-1253 would turn
        // every word into «Ξ‘Ξ½Ξ¬…».
        if utf8GreekSequences(bytes) > 0 { return .failure(damagedUTF8(bytes)) }
        let candidates: [(Encoding, String, Int)] = [Encoding.windows1253, .iso8859_7].map { encoding in
            let text = String(String.UnicodeScalarView(bytes.map { encoding == .windows1253 ? windows1253($0) : iso8859_7($0) }))
            return (encoding, text, implausibility(text))
        }
        let best = candidates.min { $0.2 < $1.2 }!
        guard best.2 == 0 || Double(best.2) <= Double(greekLetters(best.1)) * 0.02 else {
            return .failure(Refusal(line: nil, description: "Το αρχείο δεν είναι ελληνικό κείμενο σε UTF-8, Windows-1253 ή ISO-8859-7 (έχει χαρακτήρες που δεν διαβάζονται ως ελληνικά). Αποθηκεύστε το ως «CSV UTF-8» ή ως XLSX."))
        }
        return .success((best.1, best.0))
    }

    /// The first broken UTF-8 sequence, by line.
    static func damagedUTF8(_ bytes: [UInt8]) -> Refusal {
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && i + length <= bytes.count && bytes[(i + 1)..<(i + length)].allSatisfy { $0 >> 6 == 0b10 }
                && String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
            guard valid else {
                return Refusal(line: line, description: "Το αρχείο είναι σε UTF-8 αλλά έχει μη έγκυρο byte (0x\(String(b, radix: 16, uppercase: true))) στη γραμμή \(line)· ίσως αποθηκεύτηκε κομμένο ή από δύο διαφορετικά προγράμματα. Αποθηκεύστε το ξανά ως «CSV UTF-8» ή ως XLSX.")
            }
            if b == 0x0A { line += 1 }
            i += length
        }
        return Refusal(line: nil, description: "Το αρχείο δεν είναι έγκυρο UTF-8.")
    }

    /// Valid two-byte UTF-8 sequences of Greek letters (Ͱ–Ͽ, ἀ–῾ are rarer): 0xCE/0xCF then a continuation byte.
    static func utf8GreekSequences(_ bytes: [UInt8]) -> Int {
        var count = 0
        var i = 0
        while i + 1 < bytes.count {
            if (bytes[i] == 0xCE || bytes[i] == 0xCF) && bytes[i + 1] >> 6 == 0b10 { count += 1; i += 2 } else { i += 1 }
        }
        return count
    }

    static func greekLetters(_ text: String) -> Int {
        text.unicodeScalars.filter { (0x0386...0x03CE).contains($0.value) }.count
    }

    /// How many characters of the text could not be what a Greek office wrote: control
    /// characters, unassigned bytes, a sign (¶ ¤ ¥ ΅ ‘) standing where a letter belongs, and
    /// words that mix Latin and Greek letters (Latin-1 or Windows-1252 read as Greek).
    static func implausibility(_ text: String) -> Int {
        var score = 0
        let scalars = Array(text.unicodeScalars)
        func isGreekLetter(_ s: Unicode.Scalar?) -> Bool { s.map { (0x0386...0x03CE).contains($0.value) } ?? false }
        for (i, s) in scalars.enumerated() {
            let before = i > 0 ? scalars[i - 1] : nil
            let after = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch s.value {
            case 0x80...0x9F, 0xFFFD: score += 1
            // Signs no Greek office types, which are the other code page's «Ά», «΅» or «€».
            case 0x00B6, 0x00A4, 0x00A5, 0x0385: score += 1
            // «’» opening a word is the other code page's «Ά»; an apostrophe closes one («κατ’»).
            case 0x2019 where isGreekLetter(after) && !isGreekLetter(before): score += 1
            case 0x2018 where isGreekLetter(after) && isGreekLetter(before): score += 1
            default: break
            }
        }
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            let latin = word.unicodeScalars.contains { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
            let greek = word.unicodeScalars.contains { (0x0386...0x03CE).contains($0.value) }
            if latin && greek { score += 1 }
        }
        return score
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

    /// ISO-8859-7 (2003, with € and ₯) to Unicode; unassigned bytes become U+FFFD.
    static func iso8859_7(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0x00..<0xA0, 0xA0, 0xA3, 0xA6...0xA9, 0xAB...0xAD, 0xB0...0xB3, 0xB7, 0xBB, 0xBD:
            return Unicode.Scalar(byte)
        case 0xA1: return "\u{2018}"
        case 0xA2: return "\u{2019}"
        case 0xA4: return "\u{20AC}"
        case 0xA5: return "\u{20AF}"
        case 0xAA: return "\u{037A}"
        case 0xAF: return "\u{2015}"
        case 0xB4: return "\u{0384}"
        case 0xB5: return "\u{0385}"
        case 0xB6: return "\u{0386}"
        case 0xB8: return "\u{0388}"
        case 0xB9: return "\u{0389}"
        case 0xBA: return "\u{038A}"
        case 0xBC: return "\u{038C}"
        case 0xBE: return "\u{038E}"
        case 0xBF: return "\u{038F}"
        case 0xC0...0xD1: return Unicode.Scalar(0x0390 + UInt32(byte - 0xC0))!
        case 0xD3...0xFE: return Unicode.Scalar(0x03A3 + UInt32(byte - 0xD3))!
        default: return "\u{FFFD}"
        }
    }
}

/// A small CSV reader: `;`, `,` or tab separated (whichever the header line uses most,
/// outside quotes), quoted fields with doubled quotes, CRLF or LF line ends.
public enum CSV {
    /// A CSV that cannot be read as rows: an unclosed quote, a row with more or fewer
    /// cells than the header.
    public struct Problem: Error, Sendable, Hashable {
        public var row: Int
        public var column: String?
        public var message: String
    }

    public static func separator(of text: String) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for ch in text {
            if ch == "\"" { quoted.toggle(); continue }
            if !quoted && (ch == "\n" || ch == "\r\n" || ch == "\r") { break }
            if !quoted, counts[ch] != nil { counts[ch]! += 1 }
        }
        return [";", ",", "\t"].max { counts[$0]! < counts[$1]! }!.self
    }

    /// Rows of fields. Blank lines are dropped unless `keepBlankLines`, which keeps row
    /// numbers equal to the spreadsheet's (for messages that name the row).
    public static func rows(_ text: String, keepBlankLines: Bool = false) -> [[String]] {
        let read = parse(text, separator: separator(of: text))
        if keepBlankLines { return read.rows }
        return read.rows.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
    }

    /// Rows as the file holds them, refused when a row is cut or runs past the header: a row
    /// must have as many cells as the first (header) row; more are allowed only when the extra
    /// ones are empty (a trailing separator). Blank lines keep their row numbers.
    public static func strictRows(_ text: String) -> Result<[[String]], Problem> {
        let read = parse(text, separator: separator(of: text))
        func columnName(_ index: Int) -> String {
            let name = index < (read.rows.first?.count ?? 0) ? read.rows[0][index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            return name.isEmpty ? XLSXWriter.columnName(index) : name
        }
        if let open = read.unclosedQuoteRow {
            return .failure(Problem(row: open, column: nil, message: "Ένα κελί ανοίγει εισαγωγικά («\"») που δεν κλείνουν ως το τέλος του αρχείου· το αρχείο φαίνεται κομμένο."))
        }
        guard let header = read.rows.first else { return .success([]) }
        let width = header.count
        for (n, row) in read.rows.enumerated().dropFirst() {
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if row.count < width {
                return .failure(Problem(row: n + 1, column: columnName(row.count),
                                        message: "Η γραμμή έχει \(row.count) κελιά ενώ η επικεφαλίδα έχει \(width): φαίνεται κομμένη ή λείπουν διαχωριστικά από τη στήλη «\(columnName(row.count))» και μετά."))
            }
            if row.count > width, let extra = row[width...].firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                return .failure(Problem(row: n + 1, column: columnName(extra),
                                        message: "Η γραμμή έχει \(row.count) κελιά ενώ η επικεφαλίδα έχει \(width)· το κελί \(extra + 1) («\(row[extra].prefix(40))») δεν ανήκει σε καμία στήλη. Ίσως ένα κείμενο περιέχει «\(read.separator == "\t" ? "tab" : String(read.separator))» χωρίς εισαγωγικά."))
            }
        }
        return .success(read.rows.map { $0.count > width ? Array($0.prefix(width)) : $0 })
    }

    static func parse(_ text: String, separator: Character) -> (rows: [[String]], separator: Character, unclosedQuoteRow: Int?) {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var quoteRow: Int?
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
            case "\"" where field.isEmpty: quoted = true; quoteRow = rows.count + 1
            case separator: row.append(field); field = ""
            case "\n", "\r\n", "\r":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(ch)
            }
        }
        if quoted { return (rows, separator, quoteRow) }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return (rows, separator, nil)
    }
}
