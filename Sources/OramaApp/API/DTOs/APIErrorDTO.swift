import Foundation
import OramaDomain
import Vapor

/// The stable shape of every API error.
struct APIErrorDTO: Content {
    struct Body: Codable {
        var status: Int
        var code: String
        var message: String
    }
    var error: Body
}
