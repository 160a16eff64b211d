import AsyncKit
import Fluent
import FluentSQLiteDriver
import Foundation
import FluentPostgresDriver
import NIOPosix
import SQLKit

/// A database too busy to take a write now: SQLite's lock held past the busy timeout (or a
/// transaction that would have to wait on itself), PostgreSQL's serialisation or deadlock
/// errors, or PostgreSQL out of reach. Retried within a bound, then answered 503 with
/// `Retry-After`, never 500.
enum Busy {
    /// How long a connection waits for SQLite's lock before giving up with SQLITE_BUSY.
    static let sqliteBusyTimeout: SQLQueryString = "PRAGMA busy_timeout = 2000"
    /// Attempts of a write that meets a lock, and the seconds a client is told to wait after.
    static let attempts = 3
    static let retryAfterSeconds = 2

    /// Whether this error means "try again shortly" rather than a mistake.
    static func isBusy(_ error: any Error) -> Bool {
        if let e = error as? SQLiteError {
            switch e.reason {
            case .busy, .locked, .busyTimeout, .busyInSnapshot, .busyInRecovery: return true
            default: return false
            }
        }
        if let e = error as? PSQLError {
            // 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available;
            // and the server gone (restarting): the pool reconnects on the next request.
            if let state = e.serverInfo?[.sqlState], ["40001", "40P01", "55P03", "57P01", "57P03"].contains(state) { return true }
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .unexpectedBackendMessage, .uncleanShutdown].contains(e.code)
        }
        // The pool gave no connection within its wait: every one busy, or being made again.
        if error is ConnectionPoolTimeoutError { return true }
        return error is NIOConnectionError || error is Busy.Exhausted || error is Busy.ConnectionLost
    }

    /// A unique or foreign key met by two writes at once, each of which passed its own check
    /// before either was saved: the transaction that lost is refused whole (409), never a 500.
    static func isRace(_ error: any Error) -> Bool {
        (error as? any DatabaseError)?.isConstraintFailure == true
    }

    /// The connection of a transaction closed under it (PostgreSQL restarted): nothing of the
    /// transaction was committed, and a new connection may take it again.
    struct ConnectionLost: Error {}

    /// Thrown once every attempt met a busy database.
    struct Exhausted: Error {}

    /// Runs a write (one transaction: all or nothing, so safe to run again), again after a
    /// short, growing pause while the database is busy.
    static func retrying<T: Sendable>(_ write: @Sendable () async throws -> T) async throws -> T {
        var pause: UInt64 = 25_000_000
        for attempt in 1...attempts {
            do {
                return try await write()
            } catch let error where isBusy(error) && attempt < attempts {
                try await Task.sleep(nanoseconds: pause + UInt64.random(in: 0...pause))
                pause *= 2
            }
        }
        throw Exhausted()
    }
}
