import Foundation
import OramaDomain
import Vapor

/// The fields of an action a script may change; those left out stay as they are.
struct ActionPatchDTO: Content {
    var title: String?
    var description: String?
    var preconditions: String?
    var maturity: String?
    var budgetLines: [String]?
    /// The programme's change counter the client last read; a different one now is a 409.
    var changeCounter: Int64?
}

/// A progress report of an action for a quarter.
struct ProgressInputDTO: Content {
    /// `2025-Q2`.
    var period: String
    var status: String
    var physicalProgress: Int
    var spentCents: Int64
    var comment: String?
    /// Needed to correct a report of a period that has ended.
    var reason: String?
}

/// The progress report as recorded.
struct ProgressDTO: Content {
    var actionID: UUID
    var period: String
    /// ISO date.
    var date: String
    var status: String
    var physicalProgress: Int
    var spentCents: Int64
    var comment: String
}

/// An indicator's value for a period.
struct MeasurementInputDTO: Content {
    /// `2025` or `2025-Q2`.
    var period: String
    var value: Double
    var note: String?
    /// Needed to correct the value of a period that has ended.
    var reason: String?
}

/// The value as recorded.
struct MeasurementRecordDTO: Content {
    var indicatorID: UUID
    var period: String
    var value: Double
    var note: String
}
