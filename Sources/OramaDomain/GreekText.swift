import Foundation

/// Text helpers for Greek as people actually type it.
public enum GreekText {
    /// Folds text for search: lower case, no tonos or dialytika, final sigma as σ,
    /// so that `κιλελερ`, `ΚΙΛΕΛΕΡ` and `Κιλελέρ` compare equal. Latin accents fold too.
    public static func searchKey(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                scalars.append(scalar == "ς" ? "σ" : scalar)
            }
        }
        return String(scalars)
    }

    /// Whether every word of `query` occurs (folded) in `text`.
    public static func matches(_ text: String, query: String) -> Bool {
        let haystack = searchKey(text)
        let words = searchKey(query).split(whereSeparator: { $0.isWhitespace })
        return !words.isEmpty && words.allSatisfy { haystack.contains($0) }
    }

    /// Upper case without tonos, as Greek headings are set (`Άξονας` → `ΑΞΟΝΑΣ`).
    public static func heading(_ text: String) -> String {
        let decomposed = text.uppercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.value != 0x0301 {
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}

/// Dates as a Greek office writes them: `31/12/2025`.
public struct CalendarDate: Sendable, Hashable, Comparable, TextCoded, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `31/12/2025` (also `31-12-2025`, `31.12.2025`) and ISO `2025-12-31`.
    public init?(parsing text: String) {
        if let iso = StoredCode.isoDate(text) {
            guard CalendarDate.isValid(year: iso.year, month: iso.month, day: iso.day) else { return nil }
            (year, month, day) = iso
            return
        }
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { (year, month, day) = (a, b, c) } else { (year, month, day) = (c, b, a) }
        guard CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public var quarter: YearQuarter { YearQuarter(year: year, quarter: (month - 1) / 3 + 1) }

    /// `31/12/2025`.
    public var formatted: String { "\(Self.pad(day))/\(Self.pad(month))/\(year)" }
    /// `2025-12-31`, for storage and JSON.
    public var iso: String { "\(year)-\(Self.pad(month))-\(Self.pad(day))" }
    public var description: String { formatted }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var codedText: String { iso }
    public static let invalidTextMessage = "Μη έγκυρη ημερομηνία"
}

/// Values stored and sent as short text (`2025-12-31`, `2025-Q3`), read back with the same
/// parser people's input goes through.
public protocol TextCoded: Codable {
    init?(parsing text: String)
    var codedText: String { get }
    static var invalidTextMessage: String { get }
}

extension TextCoded {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(Self.invalidTextMessage): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codedText)
    }
}

extension CalendarDate {
    /// Greece's time zone: a programme's days, deadlines and quarters are those of Athens,
    /// whatever the server's own zone.
    public static let athens = TimeZone(identifier: "Europe/Athens") ?? TimeZone(secondsFromGMT: 7200)!

    /// The calendar day of an instant in a time zone (Athens unless told otherwise).
    public init(_ instant: Date, in timeZone: TimeZone = CalendarDate.athens) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }
}

extension GreekText {
    /// A count with its noun in the right number: `1 δράση`, `4 δράσεις`, `0 δράσεις`.
    public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

/// The exact forms Orama itself writes (`2025-12-31`, `2025-Q3`, `2025`), read byte by byte
/// before the lenient parsers that accept what people type: a stored programme holds
/// thousands of them and the lenient path (trimming, upper-casing, splitting) was a fifth of
/// a load. Anything else returns nil and goes the lenient way, so what is accepted is unchanged.
enum StoredCode {
    static func isoDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var text = text
        return text.withUTF8 { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                  let y = number(b, 0, 4), let m = number(b, 5, 2), let d = number(b, 8, 2) else { return nil }
            return (y, m, d)
        }
    }

    static func yearQuarter(_ text: String) -> (year: Int, quarter: Int)? {
        var text = text
        return text.withUTF8 { b in
            guard b.count == 7, b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "Q"),
                  let y = number(b, 0, 4), let q = number(b, 6, 1), (1...4).contains(q) else { return nil }
            return (y, q)
        }
    }

    static func year(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { b in b.count == 4 ? number(b, 0, 4) : nil }
    }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for i in start..<(start + length) {
            let digit = Int(b[i]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
