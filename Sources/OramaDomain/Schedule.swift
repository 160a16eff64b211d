/// A calendar quarter, the unit in which programmes schedule their actions.
public struct YearQuarter: Sendable, Hashable, Comparable, TextCoded, CustomStringConvertible {
    public var year: Int
    /// 1...4
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// Reads `2025-Q3`, `2025Q3` and the Greek `Γ' 2025` / `Γ 2025` / `3/2025`.
    public init?(parsing text: String) {
        if let coded = StoredCode.yearQuarter(text) {
            guard (1900...2200).contains(coded.year) else { return nil }
            self.init(year: coded.year, quarter: coded.quarter)
            return
        }
        let t = text.trimmingWhitespace().uppercased()
        let greek: [Character: Int] = ["Α": 1, "Β": 2, "Γ": 3, "Δ": 4]
        if let qIndex = t.firstIndex(of: "Q") {
            let y = t[..<qIndex].filter(\.isASCIIDigit)
            let q = t[t.index(after: qIndex)...].filter(\.isASCIIDigit)
            guard let year = Int(y), let quarter = Int(q) else { return nil }
            self.init(year: year, quarter: quarter)
        } else if let first = t.first, let q = greek[first], t.dropFirst().first.map({ $0 == "'" || $0 == "ʹ" || $0 == "΄" || $0 == " " }) ?? false {
            guard let year = Int(t.filter(\.isASCIIDigit)) else { return nil }
            self.init(year: year, quarter: q)
        } else if t.contains("/") {
            let parts = t.split(separator: "/")
            guard parts.count == 2, let q = Int(parts[0]), let year = Int(parts[1]) else { return nil }
            self.init(year: year, quarter: q)
        } else {
            return nil
        }
        guard (1...4).contains(quarter), (1900...2200).contains(year) else { return nil }
    }

    public static func < (lhs: YearQuarter, rhs: YearQuarter) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }

    /// Quarters counted from year 0, so that spans can be subtracted.
    public var ordinal: Int { year * 4 + (quarter - 1) }

    public init(ordinal: Int) {
        self.init(year: ordinal / 4, quarter: ordinal % 4 + 1)
    }

    public func advanced(by quarters: Int) -> YearQuarter { YearQuarter(ordinal: ordinal + quarters) }

    /// `2025-Q3`, for storage and JSON.
    public var code: String { "\(year)-Q\(quarter)" }

    /// `Γʹ τρίμ. 2025`, with the Greek numeral sign, as Greek timetables write it.
    public var greek: String { "\(["Α", "Β", "Γ", "Δ"][quarter - 1])ʹ τρίμ. \(year)" }

    public var description: String { code }

    public var codedText: String { code }
    public static let invalidTextMessage = "Μη έγκυρο τρίμηνο"
}

/// When an action runs: from the first to the last quarter, both included.
public struct Schedule: Sendable, Hashable, Codable {
    public var start: YearQuarter
    public var end: YearQuarter

    public init(start: YearQuarter, end: YearQuarter) {
        self.start = start
        self.end = end
    }

    public var isOrdered: Bool { start <= end }

    public var years: ClosedRange<Int> { start.year...max(start.year, end.year) }

    public var quarters: [YearQuarter] {
        guard isOrdered else { return [] }
        return (start.ordinal...end.ordinal).map(YearQuarter.init(ordinal:))
    }

    public func contains(_ quarter: YearQuarter) -> Bool { start <= quarter && quarter <= end }

    public func runs(in year: Int) -> Bool { start.year <= year && year <= end.year }
}
