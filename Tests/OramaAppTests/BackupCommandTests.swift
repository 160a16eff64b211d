import Fluent
import FluentSQLiteDriver
import Foundation
@testable import OramaApp
import OramaDomain
import Synchronization
import Testing
import Vapor

/// `orama backup` and `orama restore` on real SQLite files: a backup taken during a burst of
/// writes restores to a database that passes `integrity_check` and holds every write
/// acknowledged before the backup began; the refusals, each said.
/// The writes of the burst acknowledged so far, in order.
final class Acknowledged: Sendable {
    let numbers = Mutex<[Int]>([])
}

@Suite("Αντίγραφα ασφαλείας", .serialized)
struct BackupCommandTests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("orama-\(name)-\(UUID().uuidString).sqlite").path
    }

    @Test func aBackupDuringWritesRestoresEveryAcknowledgedWrite() async throws {
        let backup = Self.temporary("backup")
        defer { try? FileManager.default.removeItem(atPath: backup) }
        let acknowledged = Acknowledged()
        var before: [Int] = []
        var programmeID = UUID()
        try await withApp(TestDatabase.sqliteFile()) { app in
            let f = try await WorkspaceFixture.make(app)
            programmeID = f.programme.id
            let repository = ProgrammeRepository(db: app.db), id = f.programme.id
            // A burst of saves, each acknowledged in turn, while the backup is taken.
            let burst = Task {
                for n in 1...40 {
                    guard var programme = try await repository.load(id) else { return }
                    programme.note = "Ριπή \(n)"
                    try await repository.save(programme, expecting: programme.changeCounter, actor: .system)
                    acknowledged.numbers.withLock { $0.append(n) }
                }
            }
            while acknowledged.numbers.withLock({ $0.count }) < 10 { try await Task.sleep(nanoseconds: 5_000_000) }
            before = acknowledged.numbers.withLock { $0 }
            let (output, error) = await runCommand(app, "backup", [backup])
            let during = acknowledged.numbers.withLock { $0.count }
            #expect(error == nil, "\(String(describing: error))")
            #expect(output.contains("έλεγχος ακεραιότητας: ok"))
            try await burst.value
            #expect(during < 40 && acknowledged.numbers.withLock { $0.count } == 40, "the writes went on during the backup")

            // The same file again is refused: a backup is never overwritten.
            let (_, again) = await runCommand(app, "backup", [backup])
            #expect(String(describing: again).contains("υπάρχει ήδη"))
        }
        #expect(before.count >= 10)

        // Restored into a fresh database: whole, and every write acknowledged before it began.
        let restored = Self.temporary("restored")
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        try await configure(app, database: .sqlite(path: restored))
        try await app.asyncBoot()
        let (output, error) = await runCommand(app, "restore", [backup])
        try await app.asyncShutdown()
        #expect(error == nil, "\(String(describing: error))")
        #expect(output.contains("Επαναφέρθηκε"))
        let check = try await SQLiteFileCheck.run(restored)
        #expect(check.isIntact && check.isOrama && check.programmes >= 2)
        let connection = try await SQLiteConnection.open(storage: .file(path: restored))
        let notes = try await connection.query("SELECT changes FROM audit_log WHERE programme_id = ? AND entity = 'programme'", [.text(programmeID.uuidString)])
            .compactMap { $0.column("changes")?.string }
        try await connection.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: restored + suffix) }
        for n in before {
            #expect(notes.contains { $0.contains("\"Ριπή \(n)\"") }, "write \(n), acknowledged before the backup, is in it")
        }
    }

    @Test func restoreRefusesWhatIsNotABackupAndALiveDatabaseWithoutForce() async throws {
        let junk = Self.temporary("junk")
        try Data("Αυτό δεν είναι βάση δεδομένων.".utf8).write(to: URL(fileURLWithPath: junk))
        let backup = Self.temporary("backup")
        defer { for path in [junk, backup] { try? FileManager.default.removeItem(atPath: path) } }
        try await withApp(TestDatabase.sqliteFile()) { app in
            _ = try await WorkspaceFixture.make(app)
            let (_, notABase) = await runCommand(app, "restore", [junk])
            #expect(String(describing: notABase).contains("δεν είναι βάση SQLite"))
            let (_, missing) = await runCommand(app, "restore", ["/nonexistent/orama.sqlite"])
            #expect(String(describing: missing).contains("Δεν υπάρχει"))
            #expect(await runCommand(app, "backup", [backup]).error == nil)
            let (_, live) = await runCommand(app, "restore", [backup])
            #expect(String(describing: live).contains("--force"))
            #expect(try await ProgrammeRepository(db: app.db).list(organisationID: nil).count >= 2, "nothing was touched")
        }
        // On PostgreSQL the copy is pg_dump's: the command checks the server and says so.
        if TestDatabase.postgresURL != nil {
            try await withApp(TestDatabase.postgres()) { app in
                let (_, said) = await runCommand(app, "backup", [backup + ".pg"])
                #expect(String(describing: said).contains("pg_dump") && String(describing: said).contains("απαντά"))
            }
        }
    }
}
