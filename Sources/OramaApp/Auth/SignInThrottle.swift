import Foundation
import Vapor

/// Slows down guessing: after a few failed sign-ins for the same key, each further attempt
/// must wait, twice as long each time (up to 15 minutes). The counts live in the database
/// (`ThrottleStore`), so several servers behind one balancer throttle as one.
struct SignInThrottle: Sendable {
    let store: ThrottleStore
    let freeAttempts: Int64
    let now: @Sendable () -> Date

    init(store: ThrottleStore, freeAttempts: Int64 = 3, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.freeAttempts = freeAttempts
        self.now = now
    }

    /// Seconds to wait before another attempt for any of these keys, or nil if allowed.
    func wait(for keys: [String]) async throws -> Int? {
        let current = now().timeIntervalSince1970
        let waits = try await store.records(keys).values.map { $0.blockedUntil - current }.filter { $0 > 0 }
        return waits.max().map { Int($0.rounded(.up)) }
    }

    func failed(_ keys: [String], freeAttempts: Int64? = nil) async throws {
        let current = now().timeIntervalSince1970
        for key in keys { try await store.fail(key, now: current, freeAttempts: freeAttempts ?? self.freeAttempts) }
        // Now and then, forget blocks that ended a day ago.
        if Int.random(in: 0..<100) == 0 { try await store.prune(before: current - 86_400) }
    }

    func succeeded(_ keys: [String]) async throws {
        try await store.clear(keys)
    }

    /// Failures from one client address against any accounts, counted per quarter of an hour:
    /// one address trying many accounts is slowed too, while an office behind one address, where
    /// people mistype now and then, stays far below it.
    static let addressFreeAttempts: Int64 = 30
    static let addressWindow: Double = 900

    func addressKey(_ address: String) -> String {
        "address|\(address)|\(Int64((now().timeIntervalSince1970 / Self.addressWindow).rounded(.down)))"
    }
}

extension Request {
    var signInThrottle: SignInThrottle { SignInThrottle(store: repositories.throttle, now: { [clock = application.clock] in clock.now() }) }
}
