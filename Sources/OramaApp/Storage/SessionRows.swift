import Fluent
import Foundation
import SQLKit

/// The session rows themselves (Vapor's `_fluent_sessions`, the data as JSON): those past
/// their limits are deleted, so that a crowd of visitors — or a robot asking for the sign-in
/// page without a cookie, each time a new session for its form token — cannot fill the disk.
/// Each session carries `since` (when it was made or signed in) and, once signed in, `seen`
/// (its last use, written at most every few minutes), both seconds since 1970.
struct SessionRows: Sendable {
    let db: any Database

    /// Deletes the sessions made more than `absolute` seconds before `now`, unused for more
    /// than `idle`, or without a time at all (made before sessions carried one). Returns how
    /// many rows remain.
    @discardableResult
    func prune(now: Double, idle: Double, absolute: Double) async throws -> Int {
        let sql = try db.sql()
        func number(_ key: String) -> SQLQueryString {
            sql.dialect.name == "sqlite"
                ? "CAST(json_extract(data, \(literal: "$." + key)) AS REAL)"
                : "CAST(data ->> \(literal: key) AS DOUBLE PRECISION)"
        }
        let since = number("since"), seen = number("seen")
        try await sql.raw("""
            DELETE FROM _fluent_sessions
            WHERE \(since) IS NULL OR \(since) < \(bind: now - absolute) OR \(seen) < \(bind: now - idle)
            """).run()
        return try await sql.raw("SELECT count(*) AS n FROM _fluent_sessions").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
