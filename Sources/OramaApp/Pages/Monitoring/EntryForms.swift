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

extension ProgressForm {
    /// The report the form holds, by the domain's field rules.
    func entry(_ l: Language) -> (ProgressEntry?, FieldErrors) {
        var errors = FieldErrors()
        let period = errors.check(l) { () throws(FieldError) in try FieldRules.quarter(self.period ?? "") }
        let status = errors.check(l) { () throws(FieldError) in try FieldRules.progressStatus(self.status ?? "") }
        let percent = errors.check(l) { () throws(FieldError) in try FieldRules.physicalProgress(physicalProgress ?? "") }
        let spent = errors.check(l, as: "spent") { () throws(FieldError) in try FieldRules.amount(self.spent ?? "", field: "spent", subject: "Η δαπάνη", english: "The spending") }
        let comment = errors.check(l) { () throws(FieldError) in try FieldRules.comment(self.comment ?? "") }
        let reason = errors.check(l) { () throws(FieldError) in try FieldRules.reason(self.reason) }
        guard let period, let status, let percent, let spent, let comment, let reason else { return (nil, errors) }
        return (ProgressEntry(period: period, status: status, physicalProgress: percent, spent: spent, comment: comment,
                              milestonesDone: Set((milestones ?? []).compactMap(UUID.init(uuidString:))), reason: reason), errors)
    }
}

struct ValueForm: Content {
    var period: String?
    var value: String?
    var note: String?
    var reason: String?
}

extension ValueForm {
    /// The value the form holds, by the domain's field rules.
    func entry(_ l: Language) -> (ValueEntry?, FieldErrors) {
        var errors = FieldErrors()
        let period = errors.check(l) { () throws(FieldError) in try FieldRules.period(self.period ?? "") }
        let value = errors.check(l) { () throws(FieldError) in try FieldRules.value(self.value ?? "") }
        let note = errors.check(l) { () throws(FieldError) in try FieldRules.note(self.note ?? "") }
        let reason = errors.check(l) { () throws(FieldError) in try FieldRules.reason(self.reason) }
        guard let period, let value, let note, let reason else { return (nil, errors) }
        return (ValueEntry(period: period, value: value, note: note, reason: reason), errors)
    }
}

struct LockForm: Content {
    var period: String?
    var lock: String?
}
