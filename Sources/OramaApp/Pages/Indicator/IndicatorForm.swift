import Foundation
import OramaDomain
import Vapor

struct IndicatorForm: Content {
    var code: String?
    var name: String?
    var kind: String?
    var unit: String?
    var direction: String?
    var baseline: String?
    var baselineYear: String?
    var target: [String: String]?
    var dataSource: String?
    var frequency: String?
    var responsibleUnit: String?
    var attachTo: String?
    var action: String?
    var base: String?
}
