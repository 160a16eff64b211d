import Foundation
import OramaDomain
import Vapor

/// The one clock of the application: what "now" and "today in Athens" are. Every page,
/// API handler and command reads it here and passes the value on; tests set a fixed one.
struct Clock: Sendable {
    var now: @Sendable () -> Date

    static let system = Clock(now: { Date() })

    static func fixed(_ instant: Date) -> Clock { Clock(now: { instant }) }

    /// For end-to-end tests of what takes days (a consultation that closes): the system's time
    /// moved on by the number of days written in `path`, read at every tick; nothing or
    /// anything else there leaves the system's time. Set with `ORAMA_CLOCK_DAYS_FILE`; never
    /// in production.
    static func shifted(byDaysIn path: String) -> Clock {
        Clock(now: {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), let days = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  (0...3_650).contains(days) else { return Date() }
            return Date().addingTimeInterval(Double(days) * 86_400)
        })
    }

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

extension Application {
    private struct SessionClockKey: StorageKey { typealias Value = Clock }

    /// The time sessions age by: the wall clock, not the application's (which end-to-end
    /// tests move on by days to close a consultation); tests of expiry set their own.
    var sessionClock: Clock {
        get { storage[SessionClockKey.self] ?? .system }
        set { storage[SessionClockKey.self] = newValue }
    }
}
