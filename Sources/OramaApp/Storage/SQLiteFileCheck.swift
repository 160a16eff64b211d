import FluentSQLiteDriver
import Foundation
import OramaDomain

/// What the backup and restore commands ask of the database they run beside.
struct DatabaseMaintenance: Sendable {
    let db: any Database

    private var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw StorageError.needsSQLDatabase }
            return sql
        }
    }

    /// A consistent copy of a SQLite database into a new file: `VACUUM INTO` reads one
    /// snapshot, so every write committed before it began is in it and none half-done, while
    /// the server goes on writing.
    func copy(to path: String) async throws {
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// PostgreSQL's own description of itself (it answers).
    func serverVersion() async throws -> String {
        try await sql.raw("SELECT version() AS v").first()?.decode(column: "v", as: String.self) ?? "PostgreSQL"
    }

    /// How many municipalities and programmes the database holds.
    func contents() async throws -> (organisations: Int, programmes: Int) {
        let organisations = try await OrganisationModel.query(on: db).count()
        let programmes = try await ProgrammeModel.query(on: db).count()
        return (organisations, programmes)
    }
}

/// What a SQLite file holds, read through its own connection: whether it passes
/// `PRAGMA integrity_check`, whether it is Orama's, and a few counts.
struct SQLiteFileCheck {
    var integrity: String
    var isOrama: Bool
    var programmes: Int
    var auditEntries: Int
    var bytes: Int

    var isIntact: Bool { integrity == "ok" }

    static func run(_ path: String) async throws -> SQLiteFileCheck {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let integrity = try await connection.query("PRAGMA integrity_check").compactMap { $0.column("integrity_check")?.string }.joined(separator: "; ")
            let tables = Set(try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.column("name")?.string })
            let isOrama = ["programmes", "actions", "users", "audit_log", "_fluent_migrations"].allSatisfy(tables.contains)
            func count(_ table: String) async throws -> Int {
                guard tables.contains(table) else { return 0 }
                return try await connection.query("SELECT COUNT(*) AS n FROM \(table)").first?.column("n")?.integer.map { Int($0) } ?? 0
            }
            let check = SQLiteFileCheck(integrity: integrity, isOrama: isOrama, programmes: try await count("programmes"), auditEntries: try await count("audit_log"),
                                        bytes: (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            try await connection.close()
            return check
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
