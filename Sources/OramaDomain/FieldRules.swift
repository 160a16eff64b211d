import Foundation

/// A value a person typed (in a form, an API request or a file's cell) that breaks a rule of
/// the programme: the field it belongs to and the one message every edge shows — the form
/// beside the field, the API in its error with a JSON pointer, an import with row and column.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's key, as the domain names it (`title`, `budgetLines`, `weight` …).
    public var field: String
    /// The message in Greek.
    public var description: String
    /// The same message for the English interface.
    public var english: String

    public init(_ field: String, _ greek: String, _ english: String) {
        self.field = field
        self.description = greek
        self.english = english
    }
}

/// The rules of the fields people fill in, in one place: lengths, ranges, required fields,
/// the programme's period, money limits, weights. Each takes the text (or value) as given
/// and returns the clean value or throws the `FieldError` to show.
public enum FieldRules {
    public static let titleLimit = 300
    public static let descriptionLimit = 20_000
    public static let noteLimit = 5_000
    /// The reason given for correcting a period that has ended.
    public static let reasonLimit = 1_000
    public static let budgetLineCount = 50
    public static let budgetLineLength = 40
    public static let weightRange: ClosedRange<Double> = 0...1000
    public static let rankRange: ClosedRange<Int> = 1...10_000
    public static let reportingDueDays: ClosedRange<Int> = 0...120
    public static let startYears: ClosedRange<Int> = 2000...2100
    /// A programme runs at most ten years.
    public static let longestPeriod = 10

    // MARK: text

    /// A title of an axis, measure, objective, action or programme: required, at most 300 characters.
    public static func title(_ text: String) throws(FieldError) -> String {
        let title = text.trimmingWhitespace()
        guard !title.isEmpty else { throw FieldError("title", "Ο τίτλος είναι υποχρεωτικός.", "The title is required.") }
        guard title.count <= titleLimit else {
            throw FieldError("title", "Ο τίτλος ξεπερνά τους \(titleLimit) χαρακτήρες (έχει \(grouped(title.count))).",
                             "The title is longer than \(titleLimit) characters (it has \(title.count)).")
        }
        return title
    }

    public static func description(_ text: String) throws(FieldError) -> String {
        try limited(text, field: "description", limit: descriptionLimit, greek: "Η περιγραφή ξεπερνά", english: "The description is longer than")
    }

    public static func preconditions(_ text: String) throws(FieldError) -> String {
        try limited(text, field: "preconditions", limit: noteLimit, greek: "Οι προϋποθέσεις υλοποίησης ξεπερνούν", english: "The preconditions are longer than")
    }

    /// The comment of a progress report.
    public static func comment(_ text: String) throws(FieldError) -> String {
        try limited(text, field: "comment", limit: noteLimit, greek: "Το σχόλιο ξεπερνά", english: "The comment is longer than")
    }

    /// The note of an indicator value.
    public static func note(_ text: String) throws(FieldError) -> String {
        try limited(text, field: "note", limit: noteLimit, greek: "Η σημείωση ξεπερνά", english: "The note is longer than")
    }

    /// The reason for correcting a report of a period that has ended (whether one is needed
    /// is the monitoring rule's to say): nil when blank.
    public static func reason(_ text: String?) throws(FieldError) -> String? {
        let clean = try limited(text ?? "", field: "reason", limit: reasonLimit, greek: "Η αιτία της διόρθωσης ξεπερνά", english: "The reason for the correction is longer than")
        return clean.isEmpty ? nil : clean
    }

    private static func limited(_ text: String, field: String, limit: Int, greek: String, english: String) throws(FieldError) -> String {
        let clean = text.trimmingWhitespace()
        guard clean.count <= limit else {
            throw FieldError(field, "\(greek) τους \(grouped(limit)) χαρακτήρες (έχει \(grouped(clean.count))).", "\(english) \(limit) characters (it has \(clean.count)).")
        }
        return clean
    }

    /// The budget line codes (ΚΑΕ) of an action, written one after another (`,`, `;` or a
    /// new line between them) or given as a list.
    public static func budgetLines(_ text: String) throws(FieldError) -> [String] {
        try budgetLines(text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }).map(String.init))
    }

    public static func budgetLines(_ codes: [String]) throws(FieldError) -> [String] {
        let cleaned = codes.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard cleaned.count <= budgetLineCount, cleaned.allSatisfy({ $0.count <= budgetLineLength }) else {
            throw FieldError("budgetLines", "Έως \(budgetLineCount) ΚΑΕ, ο καθένας έως \(budgetLineLength) χαρακτήρες.",
                             "Up to \(budgetLineCount) budget line codes of up to \(budgetLineLength) characters each.")
        }
        return cleaned
    }

    // MARK: choices

    /// One of an action's maturity stages, by its Greek name or its code, case and accents ignored.
    public static func maturity(_ text: String) throws(FieldError) -> Action.Maturity {
        try choice(text, field: "maturity", greek: \.greek, code: \.rawValue, noun: ("ωριμότητα", "maturity"), unknown: ("Άγνωστη ωριμότητα", "Unknown maturity"))
    }

    public static func kind(_ text: String) throws(FieldError) -> Action.Kind {
        try choice(text, field: "kind", greek: \.greek, code: \.rawValue, noun: ("είδος δράσης", "kind of action"), unknown: ("Άγνωστο είδος", "Unknown kind"))
    }

    public static func nature(_ text: String) throws(FieldError) -> Action.Nature {
        try choice(text, field: "nature", greek: \.greek, code: \.rawValue, noun: ("φύση δράσης", "nature of the action"), unknown: ("Άγνωστη φύση", "Unknown nature"))
    }

    public static func priority(_ text: String) throws(FieldError) -> Action.Priority {
        try choice(text, field: "priority", greek: \.greek, code: { String($0.rawValue) }, noun: ("προτεραιότητα", "a priority"), unknown: ("Άγνωστη προτεραιότητα", "Unknown priority"))
    }

    public static func progressStatus(_ text: String) throws(FieldError) -> ProgressUpdate.Status {
        try choice(text, field: "status", greek: \.greek, code: \.rawValue, noun: ("κατάσταση", "a status"), unknown: ("Άγνωστη κατάσταση", "Unknown status"))
    }

    public static func indicatorKind(_ text: String) throws(FieldError) -> Indicator.Kind {
        try choice(text, field: "kind", greek: \.greek, code: \.rawValue, noun: ("κατηγορία δείκτη", "a kind"), unknown: ("Άγνωστη κατηγορία", "Unknown kind"))
    }

    public static func direction(_ text: String) throws(FieldError) -> Indicator.Direction {
        try choice(text, field: "direction", greek: \.greek, code: \.rawValue, noun: ("κατεύθυνση", "a direction"), unknown: ("Άγνωστη κατεύθυνση", "Unknown direction"))
    }

    public static func frequency(_ text: String) throws(FieldError) -> Indicator.Frequency {
        try choice(text, field: "frequency", greek: \.greek, code: \.rawValue, noun: ("συχνότητα μέτρησης", "how often it is measured"), unknown: ("Άγνωστη συχνότητα", "Unknown frequency"))
    }

    /// A value of a closed list, by its Greek name or its code (case, accents and spaces
    /// around ignored); the message lists both. `noun` is what «Επιλέξτε …» asks for when
    /// nothing was given.
    public static func choice<T: CaseIterable>(_ text: String, field: String, greek: (T) -> String, code: (T) -> String,
                                               noun: (String, String), unknown: (String, String)) throws(FieldError) -> T {
        let clean = text.trimmingWhitespace()
        let accepted = T.allCases.map { "\(greek($0)) (\(code($0)))" }.joined(separator: ", ")
        guard !clean.isEmpty else {
            throw FieldError(field, "Επιλέξτε \(noun.0)· δεκτές τιμές: \(accepted).", "Choose \(noun.1); accepted: \(accepted).")
        }
        let key = GreekText.searchKey(clean)
        if let match = T.allCases.first(where: { GreekText.searchKey(greek($0)) == key || GreekText.searchKey(code($0)) == key }) { return match }
        let shown = clean.prefix(40)
        throw FieldError(field, "\(unknown.0) «\(shown)»· δεκτές τιμές: \(accepted).", "\(unknown.1) “\(shown)”; accepted: \(accepted).")
    }

    /// A required short text (an indicator's code, name or unit): not empty, at most 300 characters.
    public static func required(_ text: String, field: String, subject: (String, String), limit: Int = titleLimit) throws(FieldError) -> String {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty else { throw FieldError(field, "\(subject.0) είναι υποχρεωτικό πεδίο.", "\(subject.1) is required.") }
        guard clean.count <= limit else {
            throw FieldError(field, "\(subject.0) ξεπερνά τους \(grouped(limit)) χαρακτήρες (έχει \(grouped(clean.count))).", "\(subject.1) is longer than \(limit) characters.")
        }
        return clean
    }

    /// A comment of the municipality's internal discussion: 1 to 4.000 characters.
    public static func remark(_ text: String) throws(FieldError) -> String {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty, clean.count <= 4_000 else {
            throw FieldError("text", "Το σχόλιο πρέπει να έχει από 1 έως 4.000 χαρακτήρες.", "A comment must have 1 to 4,000 characters.")
        }
        return clean
    }

    // MARK: numbers and money

    /// An amount in euros, not negative, at most `Money.maximum`.
    public static func amount(_ text: String, field: String, subject: String = "Το ποσό", english: String = "The amount") throws(FieldError) -> Money {
        guard let money = Money(parsing: text) else {
            throw FieldError(field, "\(subject) πρέπει να είναι ποσό σε ευρώ, π.χ. 125.000,00· το «\(text.trimmingWhitespace().prefix(30))» δεν είναι ποσό.",
                             "\(english) must be an amount in euros, e.g. 125.000,00; “\(text.trimmingWhitespace().prefix(30))” is not an amount.")
        }
        return try amount(money, field: field, subject: subject, english: english)
    }

    public static func amount(_ money: Money, field: String, subject: String = "Το ποσό", english: String = "The amount") throws(FieldError) -> Money {
        guard money.cents >= 0 else { throw FieldError(field, "\(subject) δεν μπορεί να είναι αρνητικό.", "\(english) cannot be negative.") }
        guard money <= Money.maximum else {
            throw FieldError(field, "\(subject) ξεπερνά το ανώτατο \(Money.maximum.formatted).", "\(english) is above the maximum of \(Money.maximum.formatted).")
        }
        return money
    }

    public static func cost(_ text: String) throws(FieldError) -> Money {
        try amount(text, field: "cost", subject: "Το κόστος", english: "The cost")
    }

    /// An action's weight in the progress roll-up.
    public static func weight(_ text: String) throws(FieldError) -> Double {
        guard let weight = GreekNumber.parse(text), weightRange.contains(weight) else {
            throw FieldError("weight", "Το βάρος είναι αριθμός από 0 έως 1000 (0 = δεν μετρά στην πρόοδο).",
                             "The weight is a number from 0 to 1000 (0 = not counted in progress).")
        }
        return weight
    }

    /// The planning service's own order of an action: empty (none) or 1 … 10.000.
    public static func rank(_ text: String) throws(FieldError) -> Int? {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty else { return nil }
        guard clean.count <= 6, clean.allSatisfy(\.isASCIIDigit), let rank = Int(clean), rankRange.contains(rank) else {
            throw FieldError("rank", "Η σειρά κατάταξης είναι ακέραιος από 1 έως 10.000 (1 = πρώτη).", "The rank is a whole number from 1 to 10,000 (1 = first).")
        }
        return rank
    }

    /// A measured, baseline or target value of an indicator: a number as Greeks write it
    /// (`1.234,5`) or as spreadsheets export it (`1234.5`), finite and below 10¹⁵ in size.
    public static func value(_ text: String, field: String = "value", subject: String = "Η τιμή", english: String = "The value") throws(FieldError) -> Double {
        guard let number = GreekNumber.parse(text) ?? Money(parsing: text).map({ Double($0.cents) / 100 }) else {
            let shown = text.trimmingWhitespace().prefix(30)
            throw FieldError(field, "\(subject) πρέπει να είναι αριθμός, π.χ. 12,5· το «\(shown)» δεν είναι αριθμός.", "\(english) must be a number, e.g. 12,5; “\(shown)” is not a number.")
        }
        return try value(number, field: field, subject: subject, english: english)
    }

    public static func value(_ value: Double, field: String = "value", subject: String = "Η τιμή", english: String = "The value") throws(FieldError) -> Double {
        guard value.isFinite, abs(value) < 1e15 else {
            throw FieldError(field, "\(subject) πρέπει να είναι πεπερασμένος αριθμός, μικρότερος από 10¹⁵ κατ’ απόλυτη τιμή.", "\(english) must be a finite number below 10¹⁵ in size.")
        }
        return value
    }

    /// A baseline or target of an indicator measured in `unit`: what its measurements may be
    /// (percentages 0…100; nothing negative unless the unit is a change).
    public static func fits(_ value: Double, unit: String, field: String, subject: String, english: String) throws(FieldError) -> Double {
        guard Indicator.accepts(value, unit: unit) else {
            let percent = GreekText.searchKey(unit).contains("%")
            let shown = unit.prefix(60)
            throw FieldError(field, percent ? "\(subject) δεν ταιριάζει στη μονάδα «\(shown)»: πρέπει να είναι από 0 έως 100."
                                            : "\(subject) δεν ταιριάζει στη μονάδα «\(shown)»: η μονάδα δεν δέχεται αρνητικές τιμές.",
                             percent ? "\(english) does not fit the unit “\(shown)”: it must be from 0 to 100."
                                     : "\(english) does not fit the unit “\(shown)”: the unit takes no negative values.")
        }
        return value
    }

    /// The year an indicator's baseline was measured: from 1950 to the programme's last year.
    public static func baselineYear(_ text: String, upTo endYear: Int) throws(FieldError) -> Int {
        let clean = text.trimmingWhitespace()
        guard endYear >= 1950, clean.count == 4, clean.allSatisfy(\.isASCIIDigit), let year = Int(clean), (1950...endYear).contains(year) else {
            throw FieldError("baselineYear", "Το έτος βάσης πρέπει να είναι έτος από το 1950 έως το \(endYear).", "The baseline year must be a year from 1950 to \(endYear).")
        }
        return year
    }

    /// The physical progress of an action, a whole percentage.
    public static func physicalProgress(_ text: String) throws(FieldError) -> Int {
        guard let percent = Int(text.trimmingWhitespace()), (0...100).contains(percent) else {
            throw FieldError("physicalProgress", "Το φυσικό αντικείμενο είναι ακέραιο ποσοστό από 0 έως 100.", "Physical progress is a whole percentage from 0 to 100.")
        }
        return percent
    }

    // MARK: years and periods

    /// A year of a programme's period, from a path, a query or a cell. Text that is not a
    /// year and a year outside the period are told apart: the web answers the first with
    /// 400 and the second with 404, everywhere.
    public static func year(_ text: String, in p: Programme) throws(YearError) -> Int {
        let clean = text.trimmingWhitespace()
        guard clean.count == 4, clean.allSatisfy(\.isASCIIDigit), let year = Int(clean) else { throw YearError.notAYear(String(clean.prefix(10))) }
        guard p.years.contains(year) else { throw YearError.outsidePeriod(year, p.startYear, p.endYear) }
        return year
    }

    public enum YearError: Error, Sendable, Equatable, CustomStringConvertible {
        case notAYear(String)
        case outsidePeriod(Int, Int, Int)

        public var description: String {
            switch self {
            case .notAYear(let text): "Το «\(text)» δεν είναι έτος (γράψτε π.χ. 2025)."
            case .outsidePeriod(let year, let start, let end): "Το έτος \(year) δεν ανήκει στην περίοδο του προγράμματος \(start)–\(end)."
            }
        }

        public var english: String {
            switch self {
            case .notAYear(let text): "“\(text)” is not a year (write e.g. 2025)."
            case .outsidePeriod(let year, let start, let end): "The year \(year) is outside the programme's period \(start)–\(end)."
            }
        }
    }

    /// The first year of a programme's period: a four-digit year from 2000 to 2100.
    public static func startYear(_ text: String) throws(FieldError) -> Int {
        let clean = text.trimmingWhitespace()
        guard clean.count == 4, clean.allSatisfy(\.isASCIIDigit), let year = Int(clean), startYears.contains(year) else {
            throw FieldError("startYear", "Το έτος έναρξης πρέπει να είναι τετραψήφιο έτος, π.χ. 2024.", "The start year must be a year such as 2024.")
        }
        return year
    }

    /// The last year of a programme's period: from its first year to ten years later; five
    /// years (the law's term) when left empty.
    public static func endYear(_ text: String, start: Int) throws(FieldError) -> Int {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty else { return start + Programme.defaultLength - 1 }
        guard clean.count == 4, clean.allSatisfy(\.isASCIIDigit), let year = Int(clean) else {
            throw FieldError("endYear", "Το έτος λήξης πρέπει να είναι τετραψήφιο έτος.", "The end year must be a year.")
        }
        guard year >= start, year - start < longestPeriod else {
            throw FieldError("endYear", "Το έτος λήξης πρέπει να είναι από το έτος έναρξης έως δέκα χρόνια μετά.", "The end year must be between the start year and ten years later.")
        }
        return year
    }

    /// Days after a reporting period's end until its reports are due: 0 to 120, 15 when left empty.
    public static func reportingDueDays(_ text: String) throws(FieldError) -> Int {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty else { return 15 }
        guard clean.count <= 3, clean.allSatisfy(\.isASCIIDigit), let days = Int(clean), reportingDueDays.contains(days) else {
            throw FieldError("reportingDueDays", "Οι ημέρες μέχρι την προθεσμία είναι ακέραιος από 0 έως 120.", "Days until due must be a whole number from 0 to 120.")
        }
        return days
    }

    /// A date written `31/12/2025` (or ISO); nil when left empty.
    public static func date(_ text: String, field: String) throws(FieldError) -> CalendarDate? {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty else { return nil }
        guard let date = CalendarDate(parsing: clean) else {
            throw FieldError(field, "Γράψτε την ημερομηνία ως ΗΗ/ΜΜ/ΕΕΕΕ, π.χ. 31/12/2025.", "Write the date as DD/MM/YYYY, e.g. 31/12/2025.")
        }
        return date
    }

    /// A quarter to report an action's progress for: `2025-Q2`.
    public static func quarter(_ text: String) throws(FieldError) -> ReportingPeriod {
        guard let period = ReportingPeriod(parsing: text), period.quarter != nil else {
            throw FieldError("period", "Γράψτε τρίμηνο, π.χ. 2025-Q2.", "Write a quarter, e.g. 2025-Q2.")
        }
        return period
    }

    /// A period to record an indicator's value for: a quarter (`2025-Q2`) or a year (`2025`).
    public static func period(_ text: String) throws(FieldError) -> ReportingPeriod {
        guard let period = ReportingPeriod(parsing: text) else {
            throw FieldError("period", "Γράψτε περίοδο, π.χ. 2025-Q2 ή 2025.", "Write a period, e.g. 2025-Q2 or 2025.")
        }
        return period
    }

    /// `1.234` for counts in messages.
    static func grouped(_ n: Int) -> String { GreekNumber.format(Double(n)) }
}

extension Money {
    /// The largest amount anything in a programme may hold: 999.999.999.999,99 €, far above
    /// any municipal budget and far enough below `Int64` that sums cannot overflow.
    public static let maximum = Money(cents: 99_999_999_999_999)
}
