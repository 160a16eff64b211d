import Foundation
import OramaDomain
import Vapor

/// The one clock of the application: what "now" and "today in Athens" are. Every page,
/// API handler and command reads it here and passes the value on; tests set a fixed one.
struct Clock: Sendable {
    var now: @Sendable () -> Date

    static let system = Clock(now: { Date() })

    static func fixed(_ instant: Date) -> Clock { Clock(now: { instant }) }

    /// Today in Europe/Athens.
    var today: CalendarDate { CalendarDate(now()) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = Clock }

    var clock: Clock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// This instant, to the millisecond (what both databases keep).
    var now: Date { application.clock.now().roundedToMilliseconds }

    /// Today in Europe/Athens.
    var today: CalendarDate { application.clock.today }
}
