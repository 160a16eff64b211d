import Foundation
import OramaDomain
import Vapor

struct ProgressForm: Content {
    var period: String?
    var status: String?
    var physicalProgress: String?
    var spent: String?
    var comment: String?
    var milestones: [String]?
    var reason: String?
}

struct ValueForm: Content {
    var period: String?
    var value: String?
    var note: String?
    var reason: String?
}

struct LockForm: Content {
    var period: String?
    var lock: String?
}
