import Foundation
import OramaDomain
import Vapor

struct SettingsForm: Content {
    var title: String?
    var startYear: String?
    var endYear: String?
    var status: String?
    var note: String?
    var organisation: String?
    var reportingFrequency: String?
    var reportingDueDays: String?
    var consultationStart: String?
    var consultationEnd: String?
    var councilSession: String?
    var base: String?
}

struct ProgrammeSettings: Codable {
    var title: String
    var startYear: Int
    var endYear: Int
    var status: String
    var note: String
    var reportingFrequency: String
    var reportingDueDays: Int
    var keyDates: KeyDates

    init(_ p: Programme) {
        title = p.title; startYear = p.startYear; endYear = p.endYear; status = p.status.rawValue; note = p.note
        reportingFrequency = p.reportingCalendar.frequency.rawValue; reportingDueDays = p.reportingCalendar.dueAfterDays
        keyDates = p.keyDates
    }
}
