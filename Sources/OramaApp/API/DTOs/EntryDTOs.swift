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
         "title": SchemaNote(description: "Υποχρεωτικός όταν δίνεται (όχι κενός), έως \(FieldRules.titleLimit) χαρακτήρες", maxLength: FieldRules.titleLimit, pattern: "\\S"), "description": SchemaNote(description: "Έως \(FieldRules.descriptionLimit) χαρακτήρες", maxLength: FieldRules.descriptionLimit),
         "preconditions": SchemaNote(description: "Έως \(FieldRules.noteLimit) χαρακτήρες", maxLength: FieldRules.noteLimit),
         "budgetLines": .about("Έως \(FieldRules.budgetLineCount) ΚΑΕ των \(FieldRules.budgetLineLength) χαρακτήρων")]
    }
}

extension ProgressInputDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["period": SchemaNote(description: "Τρίμηνο μέσα στην περίοδο του προγράμματος, όχι μελλοντικό ούτε κλειδωμένο (αλλιώς 422 με pointer /period)",
                              examples: ["2025-Q2"], pattern: "^[0-9]{4}-Q[1-4]$"),
         "status": .oneOf(ProgressUpdate.Status.self),
         "physicalProgress": SchemaNote(minimum: 0, maximum: 100), "spentCents": SchemaNote(minimum: 0, maximum: Int(Money.maximum.cents)),
         "comment": SchemaNote(maxLength: FieldRules.noteLimit), "reason": EntryNotes.reason]
    }
}

extension ProgressDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["date": .format("date"), "status": .oneOf(ProgressUpdate.Status.self)] }
}

extension MeasurementInputDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["period": SchemaNote(description: "Έτος ή τρίμηνο μέσα στην περίοδο του προγράμματος, όχι μελλοντικό ούτε κλειδωμένο (αλλιώς 422 με pointer /period)",
                              examples: ["2025", "2025-Q2"], pattern: "^[0-9]{4}(-Q[1-4])?$"),
         "value": SchemaNote(description: "Πεπερασμένος αριθμός, μικρότερος από 10¹⁵ κατ’ απόλυτη τιμή", minimum: -999_999_999_999_999, maximum: 999_999_999_999_999),
         "note": SchemaNote(maxLength: FieldRules.noteLimit), "reason": EntryNotes.reason]
    }
}

/// What the two kinds of report say alike.
enum EntryNotes {
    /// Whether a reason is needed depends on the day the report arrives, which a schema cannot say.
    static let reason = SchemaNote(description: "Αιτία διόρθωσης: υποχρεωτική για περίοδο που έχει λήξει (αλλιώς 422 με pointer /reason)",
                                   maxLength: FieldRules.reasonLimit)
}
