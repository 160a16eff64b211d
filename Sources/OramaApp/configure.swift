import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Where the data lives. SQLite is the embedded default; a `postgres://` URL switches to
/// PostgreSQL for larger deployments. The same models and migrations serve both.
public enum DatabaseChoice: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `DATABASE_URL` if set, otherwise `ORAMA_SQLITE_PATH`, otherwise `./data/orama.sqlite`.
    public static func fromEnvironment() -> DatabaseChoice {
        if let url = Environment.get("DATABASE_URL"), !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: Environment.get("ORAMA_SQLITE_PATH") ?? "data/orama.sqlite")
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }
}

/// Wires the application: database, migrations, commands, middleware and routes. Called by
/// the executable and by the tests alike.
public func configure(_ app: Application, database: DatabaseChoice = .fromEnvironment()) async throws {
    app.databaseChoice = database
    switch database {
    case .sqlite(let path):
        app.databasePool = DatabasePoolFigures(maximum: app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 })
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        app.lifecycle.use(SQLiteSetup())
    case .postgres(let url):
        app.databasePool = DatabasePoolFigures(maximum: app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 })
        app.databases.use(try .postgres(url: url, sqlLogLevel: .debug), as: .psql)
    }

    app.behindProxy = Environment.get("ORAMA_BEHIND_PROXY") == "1"
    if (Environment.get("ORAMA_PUBLIC_URL") ?? "").isEmpty {
        app.logger.notice("ORAMA_PUBLIC_URL is not set: links in e-mails and feeds point at the server's own host and port.")
    }
    if let path = Environment.get("ORAMA_CLOCK_DAYS_FILE"), !path.isEmpty {
        app.logger.warning("ORAMA_CLOCK_DAYS_FILE is set: the clock moves on by the days written in \(path) (for end-to-end tests only).")
        app.clock = .shifted(byDaysIn: path)
    }

    app.migrations.add(M001_CreateReference())
    app.migrations.add(M002_CreateProgrammes())
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(M003_CreateComments())
    app.migrations.add(M004_CreateAnnualApprovals())
    app.migrations.add(M005_AddReporting())
    app.migrations.add(M006_CreateBudgetExecution())
    app.migrations.add(M007_KeyDatesAndTokens())
    app.migrations.add(M008_CreateImportMemory())
    app.migrations.add(M009_SharedState())
    app.migrations.add(M010_AnalystScope())
    app.migrations.add(M011_CreateDecisions())
    app.migrations.add(M012_ApprovalPath())
    app.migrations.add(M013_PublicComments())
    app.migrations.add(M014_LocalityGenitives())
    app.migrations.add(M015_LocalityCoordinates())
    app.migrations.add(M016_SessionEpoch())
    app.migrations.add(M017_ActionChangedCounter())
    app.migrations.add(M018_ThrottleLastFailure())

    // Forms are collected whole so the CSRF check and validation see every field; the
    // action form alone posts a few hundred fields.
    app.routes.defaultMaxBodySize = "2mb"

    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(CheckCommand(), as: "check")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(ProgrammeCommand(), as: "programme")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(RemindCommand(), as: "remind")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")

    app.middleware = Middlewares()
    app.serverMetrics = ServerMetrics()
    app.middleware.use(RequestLimitsMiddleware())
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(MetricsMiddleware(metrics: app.serverMetrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PublicPageCache())
    app.middleware.use(OramaErrorMiddleware(environment: app.environment))

    // Sessions live in the database, so a restart signs nobody out. The cookie is never
    // readable by scripts, is not sent on cross-site posts, and is Secure in production
    // (or whenever ORAMA_SECURE_COOKIES=1, e.g. behind a TLS proxy).
    let secure = Environment.get("ORAMA_SECURE_COOKIES").map { $0 == "1" } ?? (app.environment == .production)
    app.sessions.use { app in QuietSessionDriver(base: app.fluent.sessions.driver()) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "orama_session") { id in
        HTTPCookies.Value(string: id.string, maxAge: 60 * 60 * 12, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
    app.middleware.use(SkippedForAssets(wrapped: app.sessions.middleware))
    app.middleware.use(SkippedForAssets(wrapped: SessionUserMiddleware()))
    app.middleware.use(SkippedForAssets(wrapped: CSRFMiddleware()))

    app.renderCache = RenderCache()
    app.programmeSnapshots = ProgrammeSnapshots.fromEnvironment()
    app.programmeSaveQueue = ProgrammeSaveQueue()
    // On PostgreSQL other servers' writes arrive as notices; a summary is re-read every
    // 30 s in case one was lost. On SQLite another process (a command beside the server)
    // sends none, so the public pages trust a version for one second.
    let versions = ProgrammeVersions(trustFor: database.isPostgres ? .seconds(30) : .seconds(1))
    app.programmeVersions = versions
    app.changeHook = ChangeHook { change in versions.apply(change) }
    if case .postgres(let url) = database, app.isServing {
        app.lifecycle.use(ChangeListener(url: url, versions: versions))
    }
    app.lifecycle.use(StartupTasks())
    if app.isServing || app.commandName == "demo" && app.environment != .testing {
        app.lifecycle.use(SessionPruning())
    }
    try routes(app)
}

extension Application {
    private struct DatabaseChoiceKey: StorageKey { typealias Value = DatabaseChoice }

    /// The database `configure` was given (the backup and restore commands need its kind and file).
    var databaseChoice: DatabaseChoice {
        get { storage[DatabaseChoiceKey.self] ?? .fromEnvironment() }
        set { storage[DatabaseChoiceKey.self] = newValue }
    }
}

/// On boot, before the schema: SQLite waits a bounded time for its lock and logs ahead.
/// Each connection of the pool (one per event loop, kept) gets a bounded busy timeout in
/// place of the driver's endless one; the file gets write-ahead logging, so readers never wait
/// for a writer.
struct SQLiteSetup: LifecycleHandler {
    func willBootAsync(_ app: Application) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw(Busy.sqliteBusyTimeout).run()
        }
        if let sql = app.db as? any SQLDatabase { try await sql.raw("PRAGMA journal_mode = WAL").run() }
    }
}

/// On boot: bring the schema up to date and make sure somebody can sign in.
struct StartupTasks: LifecycleHandler {
    func willBootAsync(_ app: Application) async throws {
        try await app.autoMigrate()
        if let password = try await app.repositories.accounts.ensureFirstAdmin() {
            // Printed once, never stored in clear, never logged. Standard output for the
            // server; standard error for the other commands, whose output scripts read
            // (`ID=$(orama programme create …)`).
            let command = app.commandName
            let banner = """

            ────────────────────────────────────────────────────────────
            Δημιουργήθηκε λογαριασμός διαχειριστή (πρώτη εκκίνηση)
              e-mail:  \(Accounts.firstAdminEmail)
              κωδικός: \(password)
            Ο κωδικός εμφανίζεται μόνο αυτή τη φορά· αλλάξτε τον μετά την είσοδο.
            ────────────────────────────────────────────────────────────

            """
            if ["serve", "demo"].contains(command) { print(banner) }
            else { FileHandle.standardError.write(Data((banner + "\n").utf8)) }
        }
    }
}

extension Application {
    /// The command this process runs (`serve` when none is named).
    var commandName: String { environment.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve" }

    /// Whether this process serves requests (and so listens for other servers' changes).
    var isServing: Bool { commandName == "serve" && environment != .testing }
}
