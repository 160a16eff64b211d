import Foundation

extension CalendarDate {
    /// Days since 1 March of year 0 in the proleptic Gregorian calendar: lets dates be
    /// compared and moved by days without a calendar object.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    public init(dayNumber n: Int) {
        var y = (10_000 * n + 14_780) / 3_652_425
        var ddd = n - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 {
            y -= 1
            ddd = n - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * ddd + 52) / 3_060
        let month = (mi + 2) % 12 + 1
        let year = y + (mi + 2) / 12
        let day = ddd - (mi * 306 + 5) / 10 + 1
        self.init(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }
}

extension ReportingPeriod {
    public var firstDay: CalendarDate {
        CalendarDate(year: year, month: quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day: 1)
    }

    public var lastDay: CalendarDate {
        guard let q = quarter else { return CalendarDate(year: year, month: 12, day: 31) }
        let month = q * 3
        return CalendarDate(year: year, month: month, day: month == 6 || month == 9 ? 30 : 31)
    }

    public func contains(_ date: CalendarDate) -> Bool { firstDay <= date && date <= lastDay }
}

/// When services report: the periods of a programme and the date each report is due.
public struct ReportingCalendar: Sendable, Hashable, Codable {
    /// The same choice as an indicator's measuring frequency.
    public typealias Frequency = Indicator.Frequency

    public var frequency: Frequency
    /// Reports are due this many days after the end of their period.
    public var dueAfterDays: Int

    public init(frequency: Frequency = .quarterly, dueAfterDays: Int = 15) {
        self.frequency = frequency
        self.dueAfterDays = dueAfterDays
    }

    /// Progress is reported per quarter; half-yearly calendars report at Q2 and Q4, yearly
    /// ones at Q4 — each report covering the months since the previous one.
    public func periods(in years: ClosedRange<Int>) -> [ReportingPeriod] {
        let quarters: [Int] = switch frequency {
        case .quarterly: [1, 2, 3, 4]
        case .semiannual: [2, 4]
        case .annual: [4]
        }
        return years.flatMap { y in quarters.map { ReportingPeriod(year: y, quarter: $0) } }
    }

    public func due(_ period: ReportingPeriod) -> CalendarDate { period.lastDay.adding(days: dueAfterDays) }

    /// The periods of the programme that have ended by `today`, oldest first.
    public func ended(in years: ClosedRange<Int>, today: CalendarDate) -> [ReportingPeriod] {
        periods(in: years).filter { $0.lastDay < today }
    }

    public func isLate(_ period: ReportingPeriod, reported: Bool, today: CalendarDate) -> Bool {
        !reported && due(period) < today
    }
}

/// Which indicator periods an indicator's frequency asks for.
extension Indicator {
    public func reportingPeriods(in years: ClosedRange<Int>) -> [ReportingPeriod] {
        switch frequency {
        case .quarterly: years.flatMap { y in (1...4).map { ReportingPeriod(year: y, quarter: $0) } }
        case .semiannual: years.flatMap { y in [ReportingPeriod(year: y, quarter: 2), ReportingPeriod(year: y, quarter: 4)] }
        case .annual: years.map { ReportingPeriod(year: $0) }
        }
    }

    /// Whether a value fits the unit: a change (the unit says «μεταβολή» or «±», a percentage
    /// one too) may be anything; otherwise percentages lie in 0…100 and nothing is negative.
    public func accepts(_ value: Double) -> Bool { Self.accepts(value, unit: unit) }

    /// The same rule for a value of an indicator measured in `unit`: its baseline and targets too.
    public static func accepts(_ value: Double, unit: String) -> Bool {
        guard value.isFinite else { return false }
        let key = GreekText.searchKey(unit)
        if key.contains("μεταβολη") || key.contains("±") { return true }
        if key.contains("%") { return (0...100).contains(value) }
        return value >= 0
    }
}

/// What a unit owes for its actions and indicators: reports of ended periods still missing.
public struct DueItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case progress(actionID: UUID)
        case measurement(indicatorID: UUID)
    }

    public var kind: Kind
    public var code: String
    public var title: String
    public var period: ReportingPeriod
    public var dueDate: CalendarDate
    public var isLate: Bool
}

extension Programme {
    /// The progress update of an action that covers a period (dated within it), if any.
    public func progressUpdate(of actionID: UUID, in period: ReportingPeriod) -> ProgressUpdate? {
        progressUpdates.filter { $0.actionID == actionID && period.contains($0.date) }.max { ($0.date, $0.recordedAt) < ($1.date, $1.recordedAt) }
    }

    /// Reports owed by the given units for periods that have ended: a progress update for
    /// each action running in the period (until it is completed or cancelled), a value for
    /// each indicator period. Late ones are past their due date.
    public func dueItems(units: Set<UUID>, calendar: ReportingCalendar, today: CalendarDate) -> [DueItem] {
        var items: [DueItem] = []
        let ended = calendar.ended(in: years, today: today)
        for action in actions where units.contains(action.responsibleUnitID) {
            guard let schedule = action.schedule else { continue }
            for period in ended {
                let quarters = (1...4).map { YearQuarter(year: period.year, quarter: $0) }.filter { q in period.quarter.map { $0 == q.quarter } ?? true }
                guard quarters.contains(where: schedule.contains) else { continue }
                let finished = progressUpdates.contains { $0.actionID == action.id && $0.date < period.firstDay && ($0.status == .completed || $0.status == .cancelled) }
                if finished { continue }
                let reported = progressUpdate(of: action.id, in: period) != nil
                guard !reported else { continue }
                items.append(DueItem(kind: .progress(actionID: action.id), code: action.code, title: action.title, period: period,
                                     dueDate: calendar.due(period), isLate: calendar.isLate(period, reported: false, today: today)))
            }
        }
        for indicator in indicators where indicator.responsibleUnitID.map(units.contains) == true {
            for period in indicator.reportingPeriods(in: years) where period.lastDay < today {
                guard !indicator.measurements.contains(where: { $0.period == period }) else { continue }
                items.append(DueItem(kind: .measurement(indicatorID: indicator.id), code: indicator.code, title: indicator.name, period: period,
                                     dueDate: calendar.due(period), isLate: calendar.isLate(period, reported: false, today: today)))
            }
        }
        return items.sorted { ($0.dueDate, $0.code) < ($1.dueDate, $1.code) }
    }
}

/// Why a report was refused, in Greek.
public enum EntryError: Error, Equatable, Sendable, CustomStringConvertible {
    case periodLocked(ReportingPeriod)
    case futurePeriod(ReportingPeriod)
    case outsideProgramme(ReportingPeriod)
    case percentOutOfRange(Int)
    case negativeSpending
    case valueNotAccepted(value: Double, unit: String)
    case correctionNeedsReason(ReportingPeriod)
    case notFound

    /// The form field the error belongs to.
    public var field: String {
        switch self {
        case .periodLocked, .futurePeriod, .outsideProgramme: "period"
        case .percentOutOfRange: "physicalProgress"
        case .negativeSpending: "spent"
        case .valueNotAccepted: "value"
        case .correctionNeedsReason: "reason"
        case .notFound: "period"
        }
    }

    public var description: String {
        switch self {
        case .periodLocked(let p): "Η περίοδος \(p.greek) έχει κλειδωθεί από την Υπηρεσία Προγραμματισμού· δεν δέχεται καταχωρίσεις."
        case .futurePeriod(let p): "Η περίοδος \(p.greek) δεν έχει αρχίσει ακόμη."
        case .outsideProgramme(let p): "Η περίοδος \(p.greek) είναι εκτός της περιόδου του προγράμματος."
        case .percentOutOfRange(let v): "Το ποσοστό φυσικού αντικειμένου πρέπει να είναι από 0 έως 100 (δόθηκε \(v))."
        case .negativeSpending: "Η δαπάνη δεν μπορεί να είναι αρνητική."
        case .valueNotAccepted(let v, let unit): "Η τιμή \(v) δεν ταιριάζει στη μονάδα «\(unit)»\(unit.contains("%") ? " (0 έως 100)" : " (όχι αρνητική)")."
        case .correctionNeedsReason(let p): "Υπάρχει ήδη καταχώριση για την περίοδο \(p.greek), που έχει λήξει· για διόρθωση γράψτε τον λόγο."
        case .notFound: "Το στοιχείο δεν βρέθηκε."
        }
    }
}

/// A progress report of an action as someone entered it (form, API), before it is recorded.
public struct ProgressEntry: Sendable, Hashable {
    public var period: ReportingPeriod
    public var status: ProgressUpdate.Status
    public var physicalProgress: Int
    public var spent: Money
    public var comment: String
    /// The milestones done once it is recorded; `nil` leaves them as the programme holds them
    /// (the API's report, which does not speak of milestones, saved over whatever is stored then).
    public var milestonesDone: Set<UUID>?
    /// Why a report of a period that has ended is corrected.
    public var reason: String?

    public init(period: ReportingPeriod, status: ProgressUpdate.Status, physicalProgress: Int, spent: Money, comment: String,
                milestonesDone: Set<UUID>?, reason: String?) {
        self.period = period
        self.status = status
        self.physicalProgress = physicalProgress
        self.spent = spent
        self.comment = comment
        self.milestonesDone = milestonesDone
        self.reason = reason
    }
}

/// An indicator's value as someone entered it (form, API, import), before it is recorded.
public struct ValueEntry: Sendable, Hashable {
    public var period: ReportingPeriod
    public var value: Double
    public var note: String
    public var reason: String?

    public init(period: ReportingPeriod, value: Double, note: String, reason: String?) {
        self.period = period
        self.value = value
        self.note = note
        self.reason = reason
    }
}

extension Programme {
    private func admit(_ period: ReportingPeriod, today: CalendarDate) throws {
        guard years.contains(period.year) else { throw EntryError.outsideProgramme(period) }
        guard !lockedPeriods.contains(period) else { throw EntryError.periodLocked(period) }
        guard period.firstDay <= today else { throw EntryError.futurePeriod(period) }
    }

    /// The rule both kinds of report share: a second entry for a period that has ended is a
    /// correction, which needs a reason, kept in front of the text (the audit log keeps what
    /// it replaced). Returns the text to store.
    private func corrected(_ text: String, of period: ReportingPeriod, replacing: Bool, reason: String?, today: CalendarDate) throws -> String {
        let reason = reason?.trimmingWhitespace() ?? ""
        if replacing && period.lastDay < today && reason.isEmpty { throw EntryError.correctionNeedsReason(period) }
        return reason.isEmpty ? text : "Διόρθωση (\(reason)). \(text)".trimmingWhitespace()
    }

    public mutating func record(_ entry: ProgressEntry, for actionID: UUID, by: String, at: Date, today: CalendarDate) throws {
        try recordProgress(actionID: actionID, period: entry.period, status: entry.status, physicalProgress: entry.physicalProgress,
                           spentToDate: entry.spent, comment: entry.comment, milestonesDone: entry.milestonesDone, by: by, at: at,
                           today: today, reason: entry.reason)
    }

    public mutating func record(_ entry: ValueEntry, for indicatorID: UUID, by: String, at: Date, today: CalendarDate) throws {
        try recordMeasurement(indicatorID: indicatorID, period: entry.period, value: entry.value, note: entry.note, by: by, at: at,
                              today: today, reason: entry.reason)
    }

    /// Records the progress of an action for a period (a correction needs a reason); with
    /// `milestonesDone` the milestones done become those, without it they stay as they are.
    public mutating func recordProgress(actionID: UUID, period: ReportingPeriod, status: ProgressUpdate.Status, physicalProgress: Int,
                                        spentToDate: Money, comment: String, milestonesDone: Set<UUID>?, by: String, at: Date,
                                        today: CalendarDate, reason: String? = nil) throws {
        guard action(actionID) != nil else { throw EntryError.notFound }
        try admit(period, today: today)
        guard (0...100).contains(physicalProgress) else { throw EntryError.percentOutOfRange(physicalProgress) }
        guard spentToDate.cents >= 0 else { throw EntryError.negativeSpending }
        let existing = progressUpdate(of: actionID, in: period)
        let text = try corrected(comment, of: period, replacing: existing != nil, reason: reason, today: today)
        let update = ProgressUpdate(id: existing?.id ?? UUID(), actionID: actionID, date: min(period.lastDay, today), status: status,
                                    physicalProgress: physicalProgress, spentToDate: spentToDate, comment: text, recordedBy: by, recordedAt: at)
        progressUpdates.removeAll { $0.id == update.id }
        progressUpdates.append(update)
        if let milestonesDone {
            editAction(actionID) { a in
                for i in a.milestones.indices { a.milestones[i].isDone = milestonesDone.contains(a.milestones[i].id) }
            }
        }
    }

    /// Records an indicator's value for a period, with the same rule for corrections.
    public mutating func recordMeasurement(indicatorID: UUID, period: ReportingPeriod, value: Double, note: String, by: String, at: Date,
                                           today: CalendarDate, reason: String? = nil) throws {
        guard let index = indicators.firstIndex(where: { $0.id == indicatorID }) else { throw EntryError.notFound }
        try admit(period, today: today)
        let indicator = indicators[index]
        guard indicator.accepts(value) else { throw EntryError.valueNotAccepted(value: value, unit: indicator.unit) }
        let existing = indicator.measurements.first { $0.period == period }
        let text = try corrected(note, of: period, replacing: existing != nil, reason: reason, today: today)
        let measurement = Measurement(id: existing?.id ?? UUID(), period: period, value: value, note: text, recordedBy: by, recordedAt: at)
        indicators[index].measurements.removeAll { $0.id == measurement.id }
        indicators[index].measurements.append(measurement)
        indicators[index].measurements.sort { $0.period < $1.period }
    }
}
