import Fluent
import Foundation
import SQLKit

/// Failed sign-ins per key, in the database so that every server counts the same attempts.
struct ThrottleStore: Sendable {
    let db: any Database

    struct Record: Sendable {
        var failures: Int64
        /// Seconds since 1970.
        var blockedUntil: Double
    }

    private var sql: any SQLDatabase {
        get throws { try db.sql() }
    }

    func records(_ keys: [String]) async throws -> [String: Record] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await sql.select().columns("key", "failures", "blocked_until").from("sign_in_throttle")
            .where("key", .in, keys).all()
        var found: [String: Record] = [:]
        for row in rows {
            found[try row.decode(column: "key", as: String.self)] = Record(failures: try row.decode(column: "failures", as: Int64.self),
                                                                         blockedUntil: try row.decode(column: "blocked_until", as: Double.self))
        }
        return found
    }

    /// Counts one more failure for the key and sets its block from the new count, in one
    /// statement per key (`ON CONFLICT … DO UPDATE`, which SQLite and PostgreSQL share), so
    /// two servers counting at once lose no failure.
    func fail(_ key: String, now: Double, freeAttempts: Int64) async throws {
        let sql = try sql
        try await sql.insert(into: "sign_in_throttle").columns("key", "failures", "blocked_until", "last_failure")
            .values(SQLBind(key), SQLBind(Int64(1)), SQLBind(0.0), SQLBind(now))
            .onConflict(with: ["key"]) { $0.set(SQLIdentifier("failures"), to: SQLRaw("sign_in_throttle.failures + 1")).set(excludedValueOf: "last_failure") }
            .run()
        guard let record = try await records([key])[key], record.failures > freeAttempts else { return }
        let seconds = min(900.0, pow(2, Double(min(record.failures - freeAttempts, 20))))
        try await sql.update("sign_in_throttle").set("blocked_until", to: SQLBind(now + seconds)).where("key", .equal, key).run()
    }

    func clear(_ keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await sql.delete(from: "sign_in_throttle").where("key", .in, keys).run()
    }

    /// Keys that neither failed nor were blocked since `before` (a day ago): a count still
    /// growing, blocked or not, is never forgotten.
    func prune(before: Double) async throws {
        try await sql.delete(from: "sign_in_throttle").where("blocked_until", .lessThan, before).where("last_failure", .lessThan, before).run()
    }
}

/// A scheduled job's run for a period (the reminders of a day) is claimed by inserting a row
/// under a unique key: of several servers whose cron starts it at once, or later the same day,
/// exactly one gets the claim and runs it. Stronger than an advisory lock, which would keep
/// two runs apart but let a second one follow the first.
struct JobClaims: Sendable {
    let db: any Database

    /// True if this caller now holds the claim; false if someone already had it.
    func claim(job: String, period: String, by owner: String, at now: Double) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return true }
        let rows = try await sql.insert(into: "job_claims").columns("job", "period", "claimed_by", "claimed_at")
            .values(SQLBind(job), SQLBind(period), SQLBind(owner), SQLBind(now))
            .ignoringConflicts(with: ["job", "period"])
            .returning("job")
            .all()
        return !rows.isEmpty
    }

    /// Gives a claim back (the run failed, so a later one may try again).
    func release(job: String, period: String) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: "job_claims").where("job", .equal, job).where("period", .equal, period).run()
    }

    func holder(job: String, period: String) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { return nil }
        return try await sql.select().column("claimed_by").from("job_claims").where("job", .equal, job).where("period", .equal, period)
            .first()?.decode(column: "claimed_by", as: String.self)
    }
}
