import Foundation
import OramaDomain
import Vapor

/// An indicator with its targets per year, its measured values and its latest achievement.
struct IndicatorDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var unit: String
    var direction: String
    var baseline: Double?
    var baselineYear: Int?
    var targets: [String: Double]
    var measurements: [MeasurementDTO]
    var dataSource: String
    var frequency: String
    var responsibleUnit: String?
    var actionID: UUID?
    var achievementLatest: Double?

    init(_ i: Indicator, reference: ReferenceData, latestYear: Int?) {
        id = i.id; code = i.code; name = i.name; kind = i.kind.rawValue; unit = i.unit; direction = i.direction.rawValue
        baseline = i.baseline; baselineYear = i.baselineYear
        targets = Dictionary(uniqueKeysWithValues: i.targets.map { (String($0.key), $0.value) })
        measurements = i.measurements.map { MeasurementDTO(period: $0.period.code, value: $0.value, note: $0.note) }
        dataSource = i.dataSource; frequency = i.frequency.rawValue; responsibleUnit = reference.unit(i.responsibleUnitID)?.name
        actionID = i.actionID; achievementLatest = latestYear.flatMap { i.achievement(in: $0) }
    }
}

struct MeasurementDTO: Content {
    /// `2025` or `2025-Q2`.
    var period: String
    var value: Double
    var note: String
}

extension IndicatorDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["kind": .oneOf(Indicator.Kind.self), "direction": .oneOf(Indicator.Direction.self), "frequency": .oneOf(Indicator.Frequency.self),
         "targets": .about("Τιμή-στόχος ανά έτος"), "achievementLatest": .about("Επίτευξη % στο τελευταίο έτος με τιμή")]
    }
}

extension MeasurementDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["period": .about("ΕΕΕΕ ή ΕΕΕΕ-QN")] }
}
