import Foundation
import OramaDomain
import Vapor

struct MilestoneRow: Codable {
    var id: String?
    var date: String?
    var title: String?
    var done: String?
}

struct ActionForm: Content {
    var objective: String?
    var title: String?
    var description: String?
    var kind: String?
    var nature: String?
    var responsibleUnit: String?
    var coUnits: [String]?
    var implementing: String?
    var partnerName: String?
    var partnerContract: String?
    var supraLocal: String?
    var partners: String?
    var localities: [String]?
    var priority: String?
    var rank: String?
    var maturity: String?
    var preconditions: String?
    var cost: String?
    var fund: [String: [String: String]]?
    var scheduleStart: String?
    var scheduleEnd: String?
    var budgetLines: String?
    var weight: String?
    var ms: [String: MilestoneRow]?
    var base: String?
}
