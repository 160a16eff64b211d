import Foundation
import Testing
@testable import OramaDomain

@Suite struct ReportingCalendarTests {
    @Test func dayNumbersRoundTrip() {
        for text in ["01/01/2024", "29/02/2024", "31/12/2025", "01/03/2025", "15/07/1999"] {
            let date = CalendarDate(parsing: text)!
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        }
        #expect(CalendarDate(year: 2025, month: 12, day: 31).adding(days: 15) == CalendarDate(year: 2026, month: 1, day: 15))
        #expect(CalendarDate(year: 2024, month: 2, day: 28).adding(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test func periodsAndDueDates() {
        let calendar = ReportingCalendar(frequency: .quarterly, dueAfterDays: 15)
        #expect(calendar.periods(in: 2024...2025).count == 8)
        let q3 = ReportingPeriod(year: 2025, quarter: 3)
        #expect(q3.lastDay == CalendarDate(year: 2025, month: 9, day: 30))
        #expect(calendar.due(q3) == CalendarDate(year: 2025, month: 10, day: 15))
        #expect(ReportingCalendar(frequency: .semiannual).periods(in: 2025...2025).map(\.code) == ["2025-Q2", "2025-Q4"])
        #expect(ReportingCalendar(frequency: .annual).periods(in: 2025...2026).map(\.code) == ["2025-Q4", "2026-Q4"])
    }

    @Test func lateDetectionOnAFixedClock() {
        let calendar = ReportingCalendar(frequency: .quarterly, dueAfterDays: 15)
        let q3 = ReportingPeriod(year: 2025, quarter: 3)
        #expect(!calendar.isLate(q3, reported: false, today: CalendarDate(year: 2025, month: 10, day: 15)))
        #expect(calendar.isLate(q3, reported: false, today: CalendarDate(year: 2025, month: 10, day: 16)))
        #expect(!calendar.isLate(q3, reported: true, today: CalendarDate(year: 2026, month: 1, day: 1)))
        #expect(calendar.ended(in: 2025...2025, today: CalendarDate(year: 2025, month: 10, day: 1)).map(\.code) == ["2025-Q1", "2025-Q2", "2025-Q3"])
    }

    @Test func unitRules() {
        let percent = Indicator(code: "Δ", name: "Π", kind: .result, unit: "%", attachment: .objective(UUID()))
        #expect(percent.accepts(0) && percent.accepts(100) && !percent.accepts(100.5) && !percent.accepts(-1))
        let count = Indicator(code: "Δ", name: "Π", kind: .output, unit: "αριθμός", attachment: .objective(UUID()))
        #expect(count.accepts(12) && !count.accepts(-3) && !count.accepts(.nan))
        let change = Indicator(code: "Δ", name: "Π", kind: .impact, unit: "% μεταβολή", attachment: .objective(UUID()))
        #expect(change.accepts(-5) && change.accepts(130), "a percentage change may fall, or more than double")
        let delta = Indicator(code: "Δ", name: "Π", kind: .impact, unit: "μεταβολή κατοίκων", attachment: .objective(UUID()))
        #expect(delta.accepts(-5))
    }

    @Test func dueItemsOfAUnit() {
        var f = SmallProgramme()
        let water = f.programme.actions[0]
        f.programme.editAction(water.id) { $0.schedule = Schedule(start: .init(year: 2024, quarter: 1), end: .init(year: 2024, quarter: 4)) }
        f.programme.progressUpdates = [
            ProgressUpdate(actionID: water.id, date: CalendarDate(year: 2024, month: 3, day: 30), status: .onTrack, physicalProgress: 20),
            ProgressUpdate(actionID: water.id, date: CalendarDate(year: 2024, month: 6, day: 30), status: .completed, physicalProgress: 100),
        ]
        let calendar = ReportingCalendar()
        let today = CalendarDate(year: 2024, month: 10, day: 20)
        let items = f.programme.dueItems(units: [f.unitA.id], calendar: calendar, today: today)
        // Completed in Q2: nothing more is owed for it.
        #expect(!items.contains { $0.kind == .progress(actionID: water.id) })
        let other = f.programme.actions[1]
        f.programme.editAction(other.id) { $0.schedule = Schedule(start: .init(year: 2024, quarter: 2), end: .init(year: 2025, quarter: 4)) }
        let owed = f.programme.dueItems(units: [f.unitA.id], calendar: calendar, today: today).filter { $0.kind == .progress(actionID: other.id) }
        #expect(owed.map(\.period.code) == ["2024-Q2", "2024-Q3"])
        #expect(owed.map(\.isLate) == [true, true])
        let early = f.programme.dueItems(units: [f.unitA.id], calendar: calendar, today: CalendarDate(year: 2024, month: 10, day: 10))
        #expect(early.first { $0.kind == .progress(actionID: other.id) && $0.period.code == "2024-Q3" }?.isLate == false)
        #expect(f.programme.dueItems(units: [f.unitB.id], calendar: calendar, today: today).allSatisfy { $0.kind != .progress(actionID: other.id) })
    }
}

@Suite struct EntryTests {
    let today = CalendarDate(year: 2025, month: 11, day: 20)

    func fixture() -> (SmallProgramme, Action, Indicator) {
        var f = SmallProgramme()
        let action = f.programme.actions[0]
        f.programme.editAction(action.id) { $0.milestones = [Milestone(date: CalendarDate(year: 2025, month: 6, day: 1), title: "Σύμβαση")] }
        let indicator = Indicator(code: "Δ1", name: "Κάλυψη", kind: .result, unit: "%", baseline: 50, targets: [2025: 70], attachment: .objective(f.programme.objectives[0].id))
        f.programme.indicators = [indicator]
        return (f, f.programme.action(action.id)!, indicator)
    }

    @Test func recordsProgressAndMilestones() throws {
        var (f, action, _) = fixture()
        let q3 = ReportingPeriod(year: 2025, quarter: 3)
        try f.programme.recordProgress(actionID: action.id, period: q3, status: .onTrack, physicalProgress: 40, spentToDate: Money(euros: 300), comment: "",
                                       milestonesDone: [action.milestones[0].id], by: "Π", at: Date(), today: today)
        let update = try #require(f.programme.progressUpdate(of: action.id, in: q3))
        #expect(update.physicalProgress == 40 && update.date == q3.lastDay)
        #expect(f.programme.action(action.id)!.milestones[0].isDone)
    }

    /// A report that does not speak of milestones (the API's) leaves them as the programme it is
    /// recorded into holds them, even when they changed after the report was written.
    @Test func aReportWithoutMilestonesKeepsThoseOfTheProgramme() throws {
        var (f, action, _) = fixture()
        let q3 = ReportingPeriod(year: 2025, quarter: 3)
        let report = ProgressEntry(period: q3, status: .onTrack, physicalProgress: 40, spent: Money(euros: 300), comment: "",
                                   milestonesDone: nil, reason: nil)
        f.programme.editAction(action.id) { $0.milestones[0].isDone = true }
        try f.programme.record(report, for: action.id, by: "Π", at: Date(), today: today)
        #expect(f.programme.progressUpdate(of: action.id, in: q3)?.physicalProgress == 40)
        #expect(f.programme.action(action.id)!.milestones[0].isDone)

        f.programme.editAction(action.id) { $0.milestones[0].isDone = false }
        var correction = report
        correction.reason = "Διόρθωση της δαπάνης"
        try f.programme.record(correction, for: action.id, by: "Π", at: Date(), today: today)
        #expect(!f.programme.action(action.id)!.milestones[0].isDone)
    }

    @Test func validatesEveryField() {
        var (f, action, indicator) = fixture()
        let q3 = ReportingPeriod(year: 2025, quarter: 3)
        func progress(_ period: ReportingPeriod, _ percent: Int, spent: Int64 = 0) throws {
            try f.programme.recordProgress(actionID: action.id, period: period, status: .onTrack, physicalProgress: percent, spentToDate: Money(cents: spent),
                                           comment: "", milestonesDone: [], by: "Π", at: Date(), today: today)
        }
        #expect(throws: EntryError.percentOutOfRange(101)) { try progress(q3, 101) }
        #expect(throws: EntryError.percentOutOfRange(-1)) { try progress(q3, -1) }
        #expect(throws: EntryError.negativeSpending) { try progress(q3, 10, spent: -1) }
        #expect(throws: EntryError.futurePeriod(ReportingPeriod(year: 2026, quarter: 1))) { try progress(ReportingPeriod(year: 2026, quarter: 1), 10) }
        #expect(throws: EntryError.outsideProgramme(ReportingPeriod(year: 2030, quarter: 1))) { try progress(ReportingPeriod(year: 2030, quarter: 1), 10) }
        #expect(throws: EntryError.valueNotAccepted(value: 120, unit: "%")) {
            try f.programme.recordMeasurement(indicatorID: indicator.id, period: ReportingPeriod(year: 2025), value: 120, note: "", by: "Π", at: Date(), today: today)
        }
        #expect(f.programme.progressUpdates.isEmpty && f.programme.indicators[0].measurements.isEmpty)
    }

    @Test func lockedPeriodsRefuseWrites() {
        var (f, action, indicator) = fixture()
        let q2 = ReportingPeriod(year: 2025, quarter: 2)
        f.programme.lockedPeriods = [q2]
        #expect(throws: EntryError.periodLocked(q2)) {
            try f.programme.recordProgress(actionID: action.id, period: q2, status: .onTrack, physicalProgress: 5, spentToDate: .zero, comment: "",
                                           milestonesDone: [], by: "Π", at: Date(), today: today)
        }
        #expect(throws: EntryError.periodLocked(q2)) {
            try f.programme.recordMeasurement(indicatorID: indicator.id, period: q2, value: 60, note: "", by: "Π", at: Date(), today: today)
        }
        #expect(EntryError.periodLocked(q2).description.contains("κλειδωθεί"))
    }

    @Test func correctingAnEndedPeriodNeedsAReason() throws {
        var (f, _, indicator) = fixture()
        let q2 = ReportingPeriod(year: 2025, quarter: 2)
        try f.programme.recordMeasurement(indicatorID: indicator.id, period: q2, value: 60, note: "", by: "Π", at: Date(), today: today)
        #expect(throws: EntryError.correctionNeedsReason(q2)) {
            try f.programme.recordMeasurement(indicatorID: indicator.id, period: q2, value: 62, note: "", by: "Π", at: Date(), today: today)
        }
        try f.programme.recordMeasurement(indicatorID: indicator.id, period: q2, value: 62, note: "", by: "Π", at: Date(), today: today, reason: "λάθος πληκτρολόγησης")
        let values = f.programme.indicators[0].measurements
        #expect(values.count == 1 && values[0].value == 62)
        #expect(values[0].note.contains("Διόρθωση (λάθος πληκτρολόγησης)"))
        // The current period can be revised freely until it ends.
        let q4 = ReportingPeriod(year: 2025, quarter: 4)
        try f.programme.recordMeasurement(indicatorID: indicator.id, period: q4, value: 64, note: "", by: "Π", at: Date(), today: today)
        try f.programme.recordMeasurement(indicatorID: indicator.id, period: q4, value: 65, note: "", by: "Π", at: Date(), today: today)
        #expect(f.programme.indicators[0].measurements.last?.value == 65)
    }
}
