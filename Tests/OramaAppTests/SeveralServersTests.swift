import Foundation
@testable import OramaApp
import OramaDomain
import Testing
import Vapor
import VaporTesting

/// Two servers on one database behave as one: a session opened on one is valid on the other,
/// the sign-in throttle counts attempts made on both, the day's reminders go out once, and an
/// edit through one is read through the other. On SQLite (two processes on one file, as
/// `orama import` beside the server) and, when `.ci/run` provides it, on PostgreSQL, where
/// the change notices reach the second server.
@Suite("Δύο διακομιστές σε μία βάση", .serialized)
struct SeveralServersTests {
    /// The first server makes the fixture; the second is configured on the same database.
    func withTwoServers(_ database: DatabaseChoice, _ body: (WorkspaceFixture, Application) async throws -> Void) async throws {
        try await withApp(database) { first in
            let fixture = try await WorkspaceFixture.make(first)
            let second = try await Application.make(.testing)
            second.logger.logLevel = .warning
            do {
                try await configure(second, database: database)
                if case .postgres(let url) = database {
                    second.lifecycle.use(ChangeListener(url: url, versions: second.programmeVersions))
                }
                try await second.asyncBoot()
                try await body(fixture, second)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    static var databases: [DatabaseChoice] {
        [TestDatabase.sqliteFile()] + (TestDatabase.postgresURL != nil ? [TestDatabase.postgres()] : [])
    }

    @Test(arguments: databases)
    func aSessionOpenedOnOneServerIsValidOnTheOther(_ database: DatabaseChoice) async throws {
        try await withTwoServers(database) { f, second in
            let planner = try await f.browser(as: "planner@test.gr")
            let elsewhere = TestBrowser(second)
            elsewhere.cookie = planner.cookie
            let page = try await elsewhere.get(SiteURL.programme(f.draft.id).path)
            #expect(page.status == .ok, "a draft, readable only when signed in")
            #expect(page.body.string.contains("Σχεδιαστής"))
        }
    }

    @Test(arguments: databases)
    func theThrottleCountsAttemptsOnBothServers(_ database: DatabaseChoice) async throws {
        try await withTwoServers(database) { f, second in
            // Both clocks stand still at one instant: on a slow machine the bcrypt checks
            // outlast the first pause (2 s), which would be over before the last attempts.
            let instant = Date()
            f.app.clock = .fixed(instant)
            second.clock = .fixed(instant)
            let here = TestBrowser(f.app), there = TestBrowser(second)
            try await here.get("/signin")
            try await there.get("/signin")
            for n in 0..<4 {
                let browser = n.isMultiple(of: 2) ? here : there
                _ = try await browser.post("/signin", [("email", "planner@test.gr"), ("password", "λάθος-\(n)")])
            }
            // Four failures, two on each: the right password is refused on either server.
            #expect(try await there.post("/signin", [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)]).status == .tooManyRequests)
            #expect(try await here.post("/signin", [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)]).status == .tooManyRequests)
        }
    }

    @Test(arguments: databases)
    func theDaysRemindersGoOutOnce(_ database: DatabaseChoice) async throws {
        try await withTwoServers(database) { f, second in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orama-remind-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            async let one = runCommand(f.app, "remind", ["--outbox", folder])
            async let two = runCommand(second, "remind", ["--outbox", folder])
            let outputs = await [one, two]
            #expect(outputs.allSatisfy { $0.error == nil })
            #expect(outputs.filter { $0.output.contains("Γράφτηκαν") }.count == 1, "\(outputs.map(\.output))")
            #expect(outputs.filter { $0.output.contains("έχουν ήδη σταλεί") }.count == 1)
            let again = await runCommand(second, "remind", ["--again", "--outbox", folder])
            #expect(again.output.contains("Γράφτηκαν"), "\(again.output)")
        }
    }

    @Test(arguments: databases)
    func anEditThroughOneServerIsReadThroughTheOther(_ database: DatabaseChoice) async throws {
        try await withTwoServers(database) { f, second in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "Δύο διακομιστές")
            let path = SiteURL.apiAction(f.programme.id, f.socialAction.id).path
            // Visitors' copies on the second server, warm before the edits.
            _ = try await second.testing().sendRequest(.GET, SiteURL.apiProgramme(f.programme.id).path)
            var lateVisitorReads = 0
            for n in 1...20 {
                let title = "Τίτλος αριθμός \(n)"
                let patched = try await InterchangeRouteTests.send(f.app, .PATCH, path, token: token, json: #"{"title":"\#(title)"}"#)
                #expect(patched.status == .ok)
                // Signed in (a token): the summary is read from the database, never late.
                let read = try await InterchangeRouteTests.send(second, .GET, path, token: token, json: "")
                #expect(read.body.string.contains(title), "read \(n) through the second server")
                // A visitor: late at most until the notice (PostgreSQL) or the trust (SQLite, 1 s) runs out.
                let start = ContinuousClock.now
                while !(try await second.testing().sendRequest(.GET, SiteURL.apiProgramme(f.programme.id).path).body.string.contains(title)) {
                    lateVisitorReads += 1
                    #expect(ContinuousClock.now - start < .seconds(database.isPostgres ? 2 : 3), "a visitor's copy that never catches up")
                    if ContinuousClock.now - start > .seconds(3) { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            print("late visitor reads on \(database.isPostgres ? "PostgreSQL" : "SQLite"): \(lateVisitorReads)")
            if database.isPostgres { #expect(lateVisitorReads < 20, "the notices arrive: most reads are current at once") }
        }
    }
}
