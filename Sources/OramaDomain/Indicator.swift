import Foundation

/// A monitoring and evaluation indicator (Δείκτης Παρακολούθησης και Αξιολόγησης).
public struct Indicator: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case input
        case output
        case result
        case impact

        public var greek: String {
            switch self {
            case .input: "Εισροών"
            case .output: "Εκροών"
            case .result: "Αποτελεσμάτων"
            case .impact: "Επιπτώσεων"
            }
        }
    }

    public enum Direction: String, Sendable, Codable, CaseIterable {
        case higherIsBetter
        case lowerIsBetter

        public var greek: String {
            switch self {
            case .higherIsBetter: "Όσο μεγαλύτερο τόσο καλύτερα"
            case .lowerIsBetter: "Όσο μικρότερο τόσο καλύτερα"
            }
        }
    }

    public enum Frequency: String, Sendable, Codable, CaseIterable {
        case quarterly
        case semiannual
        case annual

        public var greek: String {
            switch self {
            case .quarterly: "Τριμηνιαία"
            case .semiannual: "Εξαμηνιαία"
            case .annual: "Ετήσια"
            }
        }
    }

    /// Where in the tree the indicator is measured: always a measure or an objective,
    /// optionally narrowed to one action under it.
    public enum Attachment: Sendable, Hashable, Codable {
        case measure(UUID)
        case objective(UUID)
    }

    public var id: UUID
    public var code: String
    public var name: String
    public var kind: Kind
    public var unit: String
    public var direction: Direction
    public var baseline: Double?
    public var baselineYear: Int?
    /// Target value per year of the programme.
    public var targets: [Int: Double]
    public var dataSource: String
    public var frequency: Frequency
    public var responsibleUnitID: UUID?
    public var attachment: Attachment
    public var actionID: UUID?
    public var measurements: [Measurement]

    public init(
        id: UUID = UUID(), code: String, name: String, kind: Kind, unit: String,
        direction: Direction = .higherIsBetter, baseline: Double? = nil, baselineYear: Int? = nil,
        targets: [Int: Double] = [:], dataSource: String = "", frequency: Frequency = .annual,
        responsibleUnitID: UUID? = nil, attachment: Attachment, actionID: UUID? = nil,
        measurements: [Measurement] = []
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.baselineYear = baselineYear
        self.targets = targets
        self.dataSource = dataSource
        self.frequency = frequency
        self.responsibleUnitID = responsibleUnitID
        self.attachment = attachment
        self.actionID = actionID
        self.measurements = measurements
    }

    /// The value that counts for a year: the measurement of its latest period.
    public func actual(in year: Int) -> Double? {
        measurements.filter { $0.period.year == year }.max { $0.period < $1.period }?.value
    }

    /// How far the indicator has come from its baseline towards the year's target, in %.
    ///
    /// With baseline *B*, target *T* and actual *A* of the year:
    /// - higher is better: `(A − B) / (T − B) × 100`
    /// - lower is better:  `(B − A) / (B − T) × 100`
    ///
    /// Without a baseline, *B* is taken as 0 when higher is better; when lower is better
    /// it is `T / A × 100` (reaching the ceiling or going under it is 100%). When the
    /// target equals the baseline the result is 100% if the actual is at least as good,
    /// otherwise 0%. The result is never negative (going the wrong way counts as 0%) and
    /// may exceed 100% when the target is beaten. Nil when the year has no target or no value.
    public func achievement(in year: Int) -> Double? {
        guard let target = targets[year], let actual = actual(in: year) else { return nil }
        return Indicator.achievement(baseline: baseline, target: target, actual: actual, direction: direction)
    }

    public static func achievement(baseline: Double?, target: Double, actual: Double, direction: Direction) -> Double {
        let raw: Double
        switch (direction, baseline) {
        case (.higherIsBetter, let b):
            let base = b ?? 0
            if target == base { raw = actual >= target ? 100 : 0 }
            else { raw = (actual - base) / (target - base) * 100 }
        case (.lowerIsBetter, let b?):
            if target == b { raw = actual <= target ? 100 : 0 }
            else { raw = (b - actual) / (b - target) * 100 }
        case (.lowerIsBetter, nil):
            if actual <= target { raw = 100 }
            else { raw = target / actual * 100 }
        }
        return max(0, raw)
    }
}

/// A period in which a value is reported: a whole year or one quarter of it.
public struct ReportingPeriod: Sendable, Hashable, Comparable, TextCoded, CustomStringConvertible {
    public var year: Int
    /// 1...4, or nil for the whole year.
    public var quarter: Int?

    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
    }

    public init?(parsing text: String) {
        if let y = StoredCode.year(text), (1900...2200).contains(y) {
            self.init(year: y)
            return
        }
        let t = text.trimmingWhitespace()
        if let q = YearQuarter(parsing: t) {
            self.init(year: q.year, quarter: q.quarter)
        } else if t.count == 4, let y = Int(t), (1900...2200).contains(y) {
            self.init(year: y)
        } else {
            return nil
        }
    }

    /// A whole year sorts after its quarters: it is the final figure.
    private var sortKey: (Int, Int) { (year, quarter ?? 5) }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool { lhs.sortKey < rhs.sortKey }

    public var code: String { quarter.map { "\(year)-Q\($0)" } ?? "\(year)" }
    public var greek: String { quarter.map { YearQuarter(year: year, quarter: $0).greek } ?? "Έτος \(year)" }
    public var description: String { code }

    public var codedText: String { code }
    public static let invalidTextMessage = "Μη έγκυρη περίοδος αναφοράς"
}

/// One measured value of an indicator, with who recorded it and when.
public struct Measurement: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var period: ReportingPeriod
    public var value: Double
    public var note: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID = UUID(), period: ReportingPeriod, value: Double, note: String = "", recordedBy: String = "", recordedAt: Date = Date()) {
        self.id = id
        self.period = period
        self.value = value
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
