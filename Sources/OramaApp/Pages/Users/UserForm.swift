import Foundation
import OramaDomain
import Vapor

struct UserForm: Content {
    var email: String?
    var name: String?
    var role: String?
    var units: [String]?
    var organisation: String?
    var reset: String?
}
