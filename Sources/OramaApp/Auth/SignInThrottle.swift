import Foundation
import Vapor

/// Slows down guessing: after a few failed sign-ins for the same e-mail or address, each
/// further attempt must wait, twice as long each time (up to 15 minutes).
actor SignInThrottle {
    private struct Record {
        var failures: Int
        var blockedUntil: Date
    }

    private var records: [String: Record] = [:]
    let freeAttempts: Int
    let now: @Sendable () -> Date

    init(freeAttempts: Int = 3, now: @escaping @Sendable () -> Date = Date.init) {
        self.freeAttempts = freeAttempts
        self.now = now
    }

    /// Seconds to wait before another attempt for any of these keys, or nil if allowed.
    func wait(for keys: [String]) -> Int? {
        let current = now()
        let waits = keys.compactMap { records[$0] }.map { $0.blockedUntil.timeIntervalSince(current) }.filter { $0 > 0 }
        return waits.max().map { Int($0.rounded(.up)) }
    }

    func failed(_ keys: [String]) {
        let current = now()
        for key in keys {
            var record = records[key] ?? Record(failures: 0, blockedUntil: .distantPast)
            record.failures += 1
            if record.failures > freeAttempts {
                let seconds = min(900.0, pow(2, Double(record.failures - freeAttempts)))
                record.blockedUntil = current.addingTimeInterval(seconds)
            }
            records[key] = record
        }
        if records.count > 10_000 { records = records.filter { $0.value.blockedUntil > current } }
    }

    func succeeded(_ keys: [String]) {
        for key in keys { records[key] = nil }
    }
}

extension Application {
    private struct SignInThrottleKey: StorageKey { typealias Value = SignInThrottle }

    var signInThrottle: SignInThrottle {
        get { storage[SignInThrottleKey.self]! }
        set { storage[SignInThrottleKey.self] = newValue }
    }
}
