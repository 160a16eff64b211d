import Foundation
import OramaDomain
import Vapor

/// Interface language, kept in the session; Greek unless the user switched.
enum Language: String, Sendable {
    case el
    case en

    /// The one way views write a user-facing string: Greek first, English beside it.
    func t(_ greek: String, _ english: String) -> String { self == .el ? greek : english }
}
