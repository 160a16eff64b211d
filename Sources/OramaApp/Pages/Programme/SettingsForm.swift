import Foundation
import OramaDomain
import Vapor

struct SettingsForm: Content {
    var title: String?
    var startYear: String?
    var endYear: String?
    var note: String?
    var organisation: String?
    var reportingFrequency: String?
    var reportingDueDays: String?
    var consultationStart: String?
    var consultationEnd: String?
    var councilSession: String?
    var base: String?
}

extension SettingsForm {
    /// The settings the form holds, by the domain's field rules.
    func settings(_ l: Language) -> (ProgrammeSettings?, FieldErrors) {
        var errors = FieldErrors()
        let title = errors.check(l) { () throws(FieldError) in try FieldRules.title(self.title ?? "") }
        let start = errors.check(l) { () throws(FieldError) in try FieldRules.startYear(startYear ?? "") }
        let end = start.flatMap { start in errors.check(l) { () throws(FieldError) in try FieldRules.endYear(endYear ?? "", start: start) } }
        let frequency = ReportingCalendar.Frequency(rawValue: reportingFrequency ?? "quarterly")
        if frequency == nil { errors.add("reportingFrequency", l.t("Άγνωστη συχνότητα αναφορών.", "Unknown reporting frequency.")) }
        let dueDays = errors.check(l) { () throws(FieldError) in try FieldRules.reportingDueDays(reportingDueDays ?? "") }
        let note = errors.check(l) { () throws(FieldError) in try FieldRules.note(self.note ?? "") }
        func date(_ field: String, _ text: String?) -> CalendarDate? {
            errors.check(l) { () throws(FieldError) in try FieldRules.date(text ?? "", field: field) } ?? nil
        }
        let keyDates = KeyDates(consultationStart: date("consultationStart", consultationStart), consultationEnd: date("consultationEnd", consultationEnd),
                                councilSession: date("councilSession", councilSession))
        if let a = keyDates.consultationStart, let b = keyDates.consultationEnd, b < a {
            errors.add("consultationEnd", l.t("Η διαβούλευση δεν μπορεί να λήγει πριν αρχίσει.", "The consultation cannot close before it opens."))
        }
        guard errors.isEmpty, let title, let start, let end, let frequency, let dueDays, let note else { return (nil, errors) }
        var p = Programme(organisationID: UUID(), title: title, startYear: start, endYear: end)
        p.note = note
        p.reportingCalendar = ReportingCalendar(frequency: frequency, dueAfterDays: dueDays)
        p.keyDates = keyDates
        return (ProgrammeSettings(p), errors)
    }
}

/// What the settings form edits, for conflict checks.
struct ProgrammeSettings: Codable {
    var title: String
    var startYear: Int
    var endYear: Int
    var note: String
    var reportingFrequency: String
    var reportingDueDays: Int
    var keyDates: KeyDates

    init(_ p: Programme) {
        title = p.title; startYear = p.startYear; endYear = p.endYear; note = p.note
        reportingFrequency = p.reportingCalendar.frequency.rawValue; reportingDueDays = p.reportingCalendar.dueAfterDays
        keyDates = p.keyDates
    }
}
