import Foundation
import OramaDomain
import Vapor

struct NodeForm: Content {
    var title: String?
    var description: String?
    var parent: String?
    var base: String?
}

/// What a node looks like in a form, for conflict checks.
struct NodeState: Codable {
    var title: String
    var description: String
    var parent: UUID?
}
