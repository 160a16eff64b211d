import Foundation
import OramaDomain
import Vapor

struct SectionRow: Codable {
    var id: String?
    var title: String?
    var body: String?
    var figures: String?
}

struct StrategyForm: Content {
    var vision: String?
    var swot: [String: String]?
    var criticalIssues: String?
    var principles: String?
    var goals: [String: String]?
    var section: [String: SectionRow]?
    var base: String?
}
