import Foundation
import OramaDomain
import Vapor

/// The stable shape of every API error.
struct APIErrorDTO: Content {
    struct Body: Codable {
        var status: Int
        var code: String
        var message: String
        /// The JSON pointer of the request body's field at fault, when there is one (`/title`).
        var pointer: String?
    }
    var error: Body
}
