import Foundation
import OramaDomain
import Plot
import Vapor

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

extension String {
    /// `entity:<uuid>` values compare with the upper-case ids the options use.
    var uppercasedUUIDSuffix: String {
        hasPrefix("entity:") ? "entity:" + dropFirst(7).uppercased() : self
    }
}

enum Format {
    static func percent(_ value: Double?) -> String { GreekNumber.percent(value) }

    /// `1.234,5` for indicator values: Greek separators, no trailing zeros.
    static func number(_ value: Double) -> String { GreekNumber.format(value) }

    /// A value typed back into a form field: `1234,5` (no thousands dots, so it parses again).
    static func input(_ value: Double?) -> String { value.map(GreekNumber.plain) ?? "" }

    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Athens")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(c.day))/\(pad(c.month))/\(c.year ?? 0) \(pad(c.hour)):\(pad(c.minute))"
    }
}

enum Plural {
    /// `1 άξονας`, `4 άξονες`.
    static func count(_ n: Int, _ greek: (String, String), _ english: (String, String), _ language: Language) -> String {
        let words = language == .el ? greek : english
        return GreekText.count(n, words.0, words.1)
    }
}
