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
    /// The programme's change counter the client last read; a 409 only if this action has
    /// changed since (other actions' changes are not a conflict).
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

extension ActionPatchDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["maturity": .oneOf(Action.Maturity.self), "changeCounter": .about("Ο μετρητής αλλαγών του προγράμματος που διάβασε ο πελάτης· 409 μόνο αν η ίδια η δράση άλλαξε από τότε."),
         "title": SchemaNote(description: "Υποχρεωτικός όταν δίνεται (όχι κενός), έως \(FieldRules.titleLimit) χαρακτήρες", maxLength: FieldRules.titleLimit, pattern: "\\S"), "description": .about("Έως \(FieldRules.descriptionLimit) χαρακτήρες"),
         "preconditions": .about("Έως \(FieldRules.noteLimit) χαρακτήρες"),
         "budgetLines": .about("Έως \(FieldRules.budgetLineCount) ΚΑΕ των \(FieldRules.budgetLineLength) χαρακτήρων")]
    }
}

extension ProgressInputDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["period": SchemaNote(examples: ["2025-Q2"]), "status": .oneOf(ProgressUpdate.Status.self),
         "physicalProgress": SchemaNote(minimum: 0, maximum: 100), "spentCents": SchemaNote(minimum: 0),
         "reason": .about("Αιτία διόρθωσης: υποχρεωτική για περίοδο που έχει λήξει (αλλιώς 422 με pointer /reason)")]
    }
}

extension ProgressDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["date": .format("date"), "status": .oneOf(ProgressUpdate.Status.self)] }
}

extension MeasurementInputDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["period": SchemaNote(examples: ["2025", "2025-Q2"]), "reason": .about("Αιτία διόρθωσης: υποχρεωτική για περίοδο που έχει λήξει (αλλιώς 422 με pointer /reason)")] }
}
