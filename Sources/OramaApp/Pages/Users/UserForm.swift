import Foundation
import OramaDomain
import Vapor

struct UserForm: Content {
    var email: String?
    var name: String?
    var role: String?
    var units: [String]?
    var organisation: String?
    /// An analyst's Region; empty for the whole country.
    var region: String?
    var reset: String?
}
