/// An amount of euros, held as whole cents so that sums never drift.
///
/// Programmes add up thousands of funding lines; binary floating point would make
/// the financial tables disagree with their own totals by a cent here and there.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    /// Whole euros, for literals in seed data and tests.
    public init(euros: Int64) { self.cents = euros * 100 }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.cents -= rhs.cents }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    public var isZero: Bool { cents == 0 }

    /// `1234567.89` as `1.234.567,89 €`: the way Greek public documents write amounts.
    public var formatted: String { "\(formattedNumber) €" }

    /// `1.234.567,89` without the currency sign, for table cells under a `€` header.
    public var formattedNumber: String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let euros = magnitude / 100
        let rest = magnitude % 100
        var digits = Array(String(euros))
        var grouped: [Character] = []
        while digits.count > 3 {
            grouped = ["."] + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let restText = rest < 10 ? "0\(rest)" : "\(rest)"
        return (negative ? "-" : "") + String(grouped) + "," + restText
    }

    /// Reads an amount as people type it in Greece: `1.234,56`, `1234,5`, `1 234,56 €`,
    /// `-12`. A dot followed by exactly three digits groups thousands; otherwise a single
    /// dot is accepted as a decimal point (`1234.56`) because spreadsheets export that way.
    public init?(parsing text: String) {
        var body = text.trimmingWhitespace()
        if body.hasSuffix("€") { body = String(body.dropLast()).trimmingWhitespace() }
        if body.hasPrefix("€") { body = String(body.dropFirst()).trimmingWhitespace() }
        body = body.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        var negative = false
        if body.hasPrefix("-") { negative = true; body.removeFirst() }
        else if body.hasPrefix("+") { body.removeFirst() }
        guard !body.isEmpty else { return nil }

        var integerPart: Substring
        var fractionPart: Substring = ""
        if let comma = body.lastIndex(of: ",") {
            integerPart = body[..<comma]
            fractionPart = body[body.index(after: comma)...]
            guard !integerPart.contains(",") else { return nil }
            guard Money.isGroupedWithDots(integerPart) else { return nil }
            integerPart = Substring(integerPart.filter { $0 != "." })
        } else if body.contains(".") {
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, parts[1].count != 3 {
                integerPart = parts[0]
                fractionPart = parts[1]
            } else {
                guard Money.isGroupedWithDots(Substring(body)) else { return nil }
                integerPart = Substring(body.filter { $0 != "." })
            }
        } else {
            integerPart = Substring(body)
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty,
              integerPart.allSatisfy(\.isASCIIDigit), fractionPart.allSatisfy(\.isASCIIDigit),
              fractionPart.count <= 2,
              // Up to 999.999.999.999 €: far above any municipal budget, and far enough below
              // Int64 that sums of thousands of amounts cannot overflow.
              integerPart.count <= 12
        else { return nil }
        let euros = Int64(integerPart.isEmpty ? "0" : String(integerPart)) ?? 0
        var fraction = Int64(fractionPart.isEmpty ? "0" : String(fractionPart)) ?? 0
        if fractionPart.count == 1 { fraction *= 10 }
        let cents = euros * 100 + fraction
        self.cents = negative ? -cents : cents
    }

    private static func isGroupedWithDots(_ text: Substring) -> Bool {
        guard text.contains(".") else { return true }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = Substring(self).drop(while: { $0.isWhitespace })
        return String(scalars.reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}

/// Decimal numbers as Greek users type them: `1.234,5`, `12,75`, `-3`, and `1234.5` as
/// spreadsheets export it.
public enum GreekNumber {
    /// `12,5 %` (one decimal); `—` when there is no value.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        // Beyond what a share can mean (and what an Int holds): said as a number, not trapped on.
        guard abs(value) < 1e12 else { return format(value) + " %" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10),\(abs(tenths % 10)) %"
    }

    /// `1.234,5`: Greek separators, at most two decimals, no trailing zeros.
    public static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        var text = Money(cents: Int64((value * 100).rounded())).formattedNumber
        if text.hasSuffix(",00") { text.removeLast(3) } else if text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// `1234,567891`: up to six decimals, no thousands dots, no trailing zeros; what files
    /// carry so that a value goes out and back unchanged.
    public static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// `1234,5`: as `format` without thousands dots, so that it parses again (forms, files).
    public static func plain(_ value: Double) -> String { format(value).replacingOccurrences(of: ".", with: "") }

    public static func parse(_ text: String) -> Double? {
        var body = text.trimmingWhitespace().filter { $0 != " " && $0 != "\u{00A0}" }
        guard !body.isEmpty else { return nil }
        var sign = 1.0
        if body.hasPrefix("-") { sign = -1; body.removeFirst() } else if body.hasPrefix("+") { body.removeFirst() }
        var integer = body
        var fraction = ""
        if let comma = body.firstIndex(of: ",") {
            integer = String(body[..<comma])
            fraction = String(body[body.index(after: comma)...])
            let groups = integer.split(separator: ".", omittingEmptySubsequences: false)
            if groups.count > 1 {
                guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
                integer = groups.joined()
            }
        } else if body.contains(".") {
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2 && parts[1].count != 3 {
                integer = String(parts[0]); fraction = String(parts[1])
            } else {
                guard let first = parts.first, (1...3).contains(first.count), parts.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
                integer = parts.joined()
            }
        }
        guard !(integer.isEmpty && fraction.isEmpty), integer.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              integer.count <= 15, fraction.count <= 9,
              let value = Double((integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)) else { return nil }
        return sign * value
    }
}
