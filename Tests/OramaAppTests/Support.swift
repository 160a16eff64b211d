import Fluent
import Foundation
import Logging
@testable import OramaApp
import SQLKit
import Testing
import Vapor

/// The databases the storage suite runs on: a fresh SQLite file always; PostgreSQL when
/// `ORAMA_TEST_DATABASE_URL` points at a server (`.ci/run` starts one).
enum TestDatabase {
    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["ORAMA_TEST_DATABASE_URL"]
        return value?.isEmpty == false ? value : nil
    }

    static let postgresSkipNote: Comment = "ORAMA_TEST_DATABASE_URL δεν ορίστηκε: οι δοκιμές σε PostgreSQL παραλείπονται (το .ci/run ξεκινά PostgreSQL και τις τρέχει)."

    static func sqliteFile() -> DatabaseChoice {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orama-test-\(UUID().uuidString).sqlite").path
        return .sqlite(path: path)
    }

    static func postgres() -> DatabaseChoice { .postgres(url: postgresURL!) }
}

/// One test at a time on the one PostgreSQL database: each starts by dropping the schema,
/// so suites that run in parallel must take turns (within a suite `.serialized` suffices,
/// across suites it does not).
actor PostgresTurn {
    static let shared = PostgresTurn()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// A configured, booted application on the given database, shut down afterwards.
/// PostgreSQL starts from an empty schema so runs never see each other's rows.
func withApp(_ database: DatabaseChoice, _ body: (Application) async throws -> Void) async throws {
    guard database.isPostgres else { return try await withAppOnItsOwn(database, body) }
    await PostgresTurn.shared.acquire()
    do {
        try await withAppOnItsOwn(database, body)
    } catch {
        await PostgresTurn.shared.release()
        throw error
    }
    await PostgresTurn.shared.release()
}

private func withAppOnItsOwn(_ database: DatabaseChoice, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        try await configure(app, database: database)
        if database.isPostgres, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.asyncBoot()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        cleanUp(database)
        throw error
    }
    try await app.asyncShutdown()
    cleanUp(database)
}

private func cleanUp(_ database: DatabaseChoice) {
    if case .sqlite(let path) = database {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Counts the SQL statements a database handle sends, from the drivers' own query log.
final class QueryCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []

    var count: Int { lock.withLock { statements.count } }
    var sql: [String] { lock.withLock { statements } }

    func record(_ sql: String) { lock.withLock { statements.append(sql) } }
    func reset() { lock.withLock { statements.removeAll() } }

    /// A database handle on `app`'s default database whose queries are counted.
    func database(on app: Application) -> any Database {
        let counter = self
        var logger = Logger(label: "query-counter") { _ in CountingHandler(counter: counter) }
        logger.logLevel = .debug
        return app.databases.database(logger: logger, on: app.eventLoopGroup.any())!
    }

    private struct CountingHandler: LogHandler {
        let counter: QueryCounter
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if case .string(let sql)? = event.metadata?["sql"] { counter.record(sql) }
        }
    }
}
