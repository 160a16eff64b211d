import Fluent
import Foundation
import SQLKit

/// A committed write that moved programmes on: what the caches of every server must forget.
public enum ProgrammeChange: Sendable, Hashable {
    case programme(UUID)
    /// Reference data of an organisation: each of its programmes moved on.
    case organisation(UUID)

    /// As sent on PostgreSQL's notification channel: `p:<id>` or `o:<id>`.
    var payload: String {
        switch self {
        case .programme(let id): "p:" + id.uuidString
        case .organisation(let id): "o:" + id.uuidString
        }
    }

    init?(payload: String) {
        let parts = payload.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[1])) else { return nil }
        switch parts[0] {
        case "p": self = .programme(id)
        case "o": self = .organisation(id)
        default: return nil
        }
    }
}

/// Called after the transaction of a write has committed, in the process that wrote.
public struct ChangeHook: Sendable {
    let committed: @Sendable (ProgrammeChange) -> Void

    public init(_ committed: @escaping @Sendable (ProgrammeChange) -> Void) { self.committed = committed }
}

/// Tells the other servers. On PostgreSQL a `pg_notify` inside the writing transaction is
/// delivered to every listener when (and only if) the transaction commits; SQLite has no
/// such channel, and `ProgrammeVersions` re-reads instead.
enum ChangeNotices {
    static let channel = "orama_changes"

    static func announce(_ change: ProgrammeChange, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_notify(\(bind: channel), \(bind: change.payload))").run()
    }
}
