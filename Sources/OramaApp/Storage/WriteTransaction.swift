import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers

/// Every store's transaction: all or nothing, as Fluent's — on SQLite holding the write lock
/// from its first statement, on PostgreSQL guarded against the connection closing under it.
///
/// PostgreSQL restarted (or a backend terminated) while a transaction is open closes its
/// connection between two statements. PostgresNIO 1.33 writes the next statement to the closed
/// channel with no promise for the write, so the statement's own future never completes: the
/// request hangs for good and keeps its lease of the pool, and with one connection per event
/// loop every later request on that loop waits for the pool until it gives up (seen in
/// `scripts/hardening`: PostgreSQL restarted under a burst of edits gave 500s and requests
/// that never answered). Here each step of the transaction — BEGIN, the body, COMMIT — is
/// raced against the connection's close: once it closes the transaction fails at once with
/// `Busy.ConnectionLost` (503, tried again by `Busy.retrying` on a new connection), the lease
/// goes back to the pool, which drops the closed connection, and the abandoned statement keeps
/// nothing but its own memory.
///
/// On SQLite the transaction begins IMMEDIATE, taking the write lock at once, so a second
/// writer waits for it within the busy timeout. Fluent's deferred BEGIN takes it only at the
/// first write, and a transaction that has read before another committed cannot wait then:
/// SQLite refuses it at once (SQLITE_BUSY_SNAPSHOT), which no timeout helps — two planners
/// saving reference rows at one moment got a 503 where they should have waited.
extension Database {
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        // Inside one already (a store called with another's transaction): the same, inline.
        if WriteTransaction.isOpen { return try await body(self) }
        let sqlite = self is any SQLiteDatabase
        guard sqlite || self is any PostgresDatabase else {
            return try await WriteTransaction.$isOpen.withValue(true) { try await self.transaction(body) }
        }
        return try await withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { throw Busy.ConnectionLost() }
            // Each step as it is on SQLite; on PostgreSQL raced against the connection's close.
            var closing: PostgresConnection? = nil
            if !sqlite {
                guard let postgres = conn as? any PostgresDatabase else { throw Busy.ConnectionLost() }
                closing = try await postgres.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            }
            let connection = closing
            @Sendable func step<R: Sendable>(_ run: @escaping @Sendable () async throws -> R) async throws -> R {
                guard let connection else { return try await run() }
                return try await WriteTransaction.guarded(connection, run)
            }
            try await step { try await sql.raw(sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run() }
            do {
                let result = try await WriteTransaction.$isOpen.withValue(true) { try await step { try await body(conn) } }
                try await step { try await sql.raw("COMMIT").run() }
                return result
            } catch {
                if error is Busy.ConnectionLost {
                    conn.logger.notice("Η σύνδεση μιας συναλλαγής με την PostgreSQL έκλεισε στη μέση της· δεν αποθηκεύτηκε τίποτα από αυτήν.")
                }
                if connection?.isClosed != true {
                    try? await step { try await sql.raw("ROLLBACK").run() }
                }
                throw error
            }
        }
    }
}

enum WriteTransaction {
    /// Whether this task runs inside a write transaction already.
    @TaskLocal static var isOpen = false

    /// `step`, or `Busy.ConnectionLost` as soon as the connection closes, whichever comes first.
    static func guarded<T: Sendable>(_ connection: PostgresConnection, _ step: @escaping @Sendable () async throws -> T) async throws -> T {
        guard !connection.isClosed else { throw Busy.ConnectionLost() }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let answered = NIOLockedValueBox(false)
            let watching = NIOLockedValueBox<UUID?>(nil)
            @Sendable func answer(_ result: Result<T, any Error>) {
                let first = answered.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                guard first else { return }
                if let id = watching.withLockedValue({ $0 }) { CloseWatch.shared.forget(id, of: connection) }
                continuation.resume(with: result)
            }
            let id = CloseWatch.shared.watch(connection) { answer(.failure(Busy.ConnectionLost())) }
            watching.withLockedValue { $0 = id }
            Task {
                do { answer(.success(try await step())) } catch { answer(.failure(error)) }
            }
        }
    }
}

/// One callback on each connection's close, however many steps wait on it: a callback per
/// step would pile up on a connection that lives for days.
final class CloseWatch: Sendable {
    static let shared = CloseWatch()
    private let waiting = NIOLockedValueBox<[ObjectIdentifier: [UUID: @Sendable () -> Void]]>([:])

    /// Calls `onClose` if the connection closes before `forget`.
    func watch(_ connection: PostgresConnection, _ onClose: @escaping @Sendable () -> Void) -> UUID {
        let id = UUID(), key = ObjectIdentifier(connection)
        let first = waiting.withLockedValue { waiting in
            defer { waiting[key, default: [:]][id] = onClose }
            return waiting[key] == nil
        }
        if first {
            connection.closeFuture.whenComplete { _ in
                let waiters = self.waiting.withLockedValue { $0.removeValue(forKey: key) } ?? [:]
                for onClose in waiters.values { onClose() }
            }
        }
        return id
    }

    func forget(_ id: UUID, of connection: PostgresConnection) {
        waiting.withLockedValue { waiting in _ = waiting[ObjectIdentifier(connection)]?.removeValue(forKey: id) }
    }
}
