import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import NIOCore
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

/// Issue 14's findings, one test each: what an attacker or a crowd did to the server, and
/// what it answers now.
@Suite("Θωράκιση", .serialized)
struct HardeningTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    /// Finding 3: the throttle trimmed spaces, the lookup also line breaks, so «user\n» was a
    /// fresh key for the same account.
    @Test func noSpellingOfTheAddressEscapesTheThrottle() async throws {
        try await withWorkspace { f in
            f.app.clock = .fixed(Date())
            let browser = TestBrowser(f.app)
            for _ in 0..<5 {
                try await browser.get("/signin")
                try await browser.post("/signin", [("email", "planner@test.gr"), ("password", "λάθος")])
            }
            for spelling in ["planner@test.gr\n", "planner@test.gr\n\n\n", " Planner@Test.gr\r\n", "\tplanner@test.gr"] {
                try await browser.get("/signin")
                let response = try await browser.post("/signin", [("email", spelling), ("password", WorkspaceFixture.password)])
                #expect(response.status == .tooManyRequests, "\(spelling.debugDescription)")
            }
        }
    }

    /// Build item 3: the throttle keyed the address only together with an account, so one
    /// address could try any number of accounts, a few each.
    @Test func oneAddressTryingManyAccountsIsSlowedToo() async throws {
        try await withWorkspace { f in
            let start = Date()
            f.app.clock = .fixed(start)
            let browser = TestBrowser(f.app)
            var statuses: [HTTPStatus] = []
            for n in 0...SignInThrottle.addressFreeAttempts {
                try await browser.get("/signin")
                statuses.append(try await browser.post("/signin", [("email", "guess\(n)@test.gr"), ("password", "λάθος")]).status)
            }
            #expect(statuses.allSatisfy { $0 == .unauthorized }, "each account was tried once")
            try await browser.get("/signin")
            let paused = try await browser.post("/signin", [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)])
            #expect(paused.status == .tooManyRequests, "the address waits, whichever account it tries next")
            // The next quarter of an hour the address starts afresh; the account was never blocked.
            f.app.clock = .fixed(start.addingTimeInterval(SignInThrottle.addressWindow + 1))
            try await browser.get("/signin")
            #expect(try await browser.post("/signin", [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)]).status == .seeOther)
        }
    }

    /// Forgetting old keys (now and then, on a failure) forgot counts that had not yet reached
    /// a block: a key's count is kept while it keeps failing, and forgotten a day after.
    @Test func theThrottleNeverForgetsACountStillGrowing() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let store = ThrottleStore(db: app.db)
            let t = 1_800_000_000.0
            for _ in 0..<5 { try await store.fail("address|x|1", now: t, freeAttempts: 30) }
            try await store.prune(before: t - 86_400)
            #expect(try await store.records(["address|x|1"])["address|x|1"]?.failures == 5)
            try await store.prune(before: t + 1)
            #expect(try await store.records(["address|x|1"]).isEmpty)
        }
    }

    /// Whether this browser is signed in (the header names the user).
    static func signedIn(_ browser: TestBrowser, as name: String) async throws -> Bool {
        try await browser.get(SiteURL.apiTokens.path).body.string.contains(name)
    }

    /// Finding 4: a password reset left the old sessions signed in, and sessions never expired.
    @Test func sessionsEndWithANewPasswordRoleOrUnitsAndExpire() async throws {
        try await withWorkspace { f in
            let start = Date()
            f.app.sessionClock = .fixed(start)
            let planner = try await f.browser(as: "planner@test.gr"), head = try await f.browser(as: "social@test.gr")
            let elsewhere = try await f.browser(as: "planner@test.gr")
            #expect(try await Self.signedIn(planner, as: "Σχεδιαστής"))
            #expect(try await Self.signedIn(head, as: "Προϊστάμενη ΤΚΠ"))
            let admin = try await f.browser(as: "orgadmin@test.gr")
            let ids = try await UserModel.query(on: f.app.db).all().reduce(into: [String: UUID]()) { $0[$1.email] = $1.id }

            // A new password: every session of the account ends, the API tokens with them.
            try await admin.get(SiteURL.users.path)
            #expect(try await admin.post(SiteURL.user(ids["planner@test.gr"]!).path, [("reset", "on")]).status == .ok)
            #expect(try await !Self.signedIn(planner, as: "Σχεδιαστής"))
            #expect(try await !Self.signedIn(elsewhere, as: "Σχεδιαστής"))
            #expect(try await planner.get(SiteURL.programme(f.draft.id).path).status != .ok, "the draft is closed to the old session")

            // New units end the head's session; an edit that changes nothing does not end the admin's.
            try await admin.get(SiteURL.users.path)
            #expect(try await admin.post(SiteURL.user(ids["social@test.gr"]!).path, [("role", "unitHead"), ("units[]", f.technical.id.uuidString)]).status == .seeOther)
            #expect(try await !Self.signedIn(head, as: "Προϊστάμενη ΤΚΠ"))
            #expect(try await Self.signedIn(admin, as: "Διαχειριστής Δήμου"))

            // Idle for more than two hours: signed out. Busy, but twelve hours after signing in: signed out.
            let reviewer = try await f.browser(as: "reviewer@test.gr")
            f.app.sessionClock = .fixed(start.addingTimeInterval(SessionLimits.idle + 60))
            #expect(try await !Self.signedIn(reviewer, as: "Σύμβουλος"))
            f.app.sessionClock = .fixed(start)
            let busy = try await f.browser(as: "reviewer@test.gr")
            for hour in stride(from: 1.0, through: 12, by: 1) {
                f.app.sessionClock = .fixed(start.addingTimeInterval(hour * 3600 - 60))
                #expect(try await Self.signedIn(busy, as: "Σύμβουλος"), "hour \(hour)")
            }
            f.app.sessionClock = .fixed(start.addingTimeInterval(SessionLimits.absolute + 60))
            #expect(try await !Self.signedIn(busy, as: "Σύμβουλος"))

            // Sign-out everywhere, from one browser, ends the other's session too.
            f.app.sessionClock = .fixed(start)
            let first = try await f.browser(as: "reviewer@test.gr"), second = try await f.browser(as: "reviewer@test.gr")
            try await first.get(SiteURL.apiTokens.path)
            #expect(try await first.post(SiteURL.signOut.path, [("everywhere", "on")]).status == .seeOther)
            #expect(try await !Self.signedIn(second, as: "Σύμβουλος"))
            let audit = try await AuditEntryModel.query(on: f.app.db).filter(\.$entity == "user").filter(\.$entityID == ids["reviewer@test.gr"]!).all()
            #expect(audit.contains { $0.changes.contains("session_epoch") }, "sign-out everywhere is in the audit log")
        }
    }

    /// Finding 5: a write that met SQLite's lock answered 500 "database is locked". Now it
    /// waits for the lock (a bounded busy timeout), is tried again, and then answers 503 with
    /// `Retry-After`, nothing written; once the lock is gone the same form saves.
    @Test func aWriteThatMeetsALockWaitsThenAnswers503() async throws {
        let choice = TestDatabase.sqliteFile()
        guard case .sqlite(let path) = choice else { return }
        try await withApp(choice) { app in
            let f = try await WorkspaceFixture.make(app)
            let planner = try await f.browser(as: "planner@test.gr")
            func save(_ title: String) async throws -> TestingHTTPResponse {
                let page = try await planner.get(SiteURL.settings(f.draft.id).path).body.string
                let base = try #require(page.firstMatch(of: #/name="base" value="([^"]*)"/#)?.output.1)
                return try await planner.post(SiteURL.settings(f.draft.id).path, [("title", title), ("startYear", String(f.draft.startYear)),
                                                                                   ("endYear", String(f.draft.endYear)), ("base", String(base))])
            }
            let journal = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(journal == "wal")
            let locker = try await SQLiteConnection.open(storage: .file(path: path))
            _ = try await locker.query("BEGIN IMMEDIATE")
            let refused = try await save("Τίτλος όσο κρατείται η βάση")
            _ = try await locker.query("ROLLBACK")
            try await locker.close()
            #expect(refused.status == .serviceUnavailable && refused.headers.first(name: .retryAfter) == "2")
            #expect(refused.body.string.contains("απασχολημένη"))
            #expect(try await ProgrammeRepository(db: app.db).load(f.draft.id)?.title == f.draft.title, "nothing written")
            #expect(try await save("Τίτλος μετά").status == .seeOther)
            #expect(try await ProgrammeRepository(db: app.db).load(f.draft.id)?.title == "Τίτλος μετά")
        }
    }

    /// Finding 5, the API's part: 20 PATCHes of 20 different actions with one change counter
    /// gave 1 × 200, 17 × 409 and 2 × 500 — the check was programme-wide.
    @Test(arguments: OverviewTests.databases)
    func concurrentAPIEditsConflictOnlyOnTheirOwnAction(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let f = try await WorkspaceFixture.make(app)
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "Φόρτος")
            func patchAll(_ targets: [Action], counter: Int64, title: @escaping @Sendable (Int) -> String) async throws -> [HTTPStatus] {
                try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for (i, action) in targets.enumerated() {
                        let path = "/api/v1/programmes/\(f.programme.id)/actions/\(action.id)"
                        group.addTask {
                            try await InterchangeRouteTests.send(f.app, .PATCH, path, token: token, json: #"{"title":"\#(title(i))","changeCounter":\#(counter)}"#).status
                        }
                    }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
            }
            let twenty = Array(f.programme.actions.prefix(20))
            #expect(twenty.count == 20)
            let counter = try #require(try await f.app.repositories.programmes.summary(f.programme.id)).changeCounter
            let different = try await patchAll(twenty, counter: counter) { "Παράλληλη αλλαγή \($0 + 1)" }
            #expect(different.allSatisfy { $0 == .ok }, "\(different)")
            let stored = try await f.stored()
            #expect(Set(twenty.compactMap { stored.action($0.id)?.title }) == Set((1...20).map { "Παράλληλη αλλαγή \($0)" }))

            // One action twenty times with the counter read before: one wins, the rest are told.
            let again = try #require(try await f.app.repositories.programmes.summary(f.programme.id)).changeCounter
            let same = try await patchAll(Array(repeating: twenty[0], count: 20), counter: again) { "Η ίδια δράση \($0 + 1)" }
            #expect(same.filter { $0 == .ok }.count == 1, "\(same)")
            #expect(same.filter { $0 == .conflict }.count == 19, "\(same)")
            // A stale counter is no conflict for an action nobody touched since.
            let untouched = try #require(f.programme.actions.dropFirst(20).first)
            let late = try await InterchangeRouteTests.send(f.app, .PATCH, "/api/v1/programmes/\(f.programme.id)/actions/\(untouched.id)", token: token,
                                                           json: #"{"title":"Αργότερα","changeCounter":\#(counter)}"#)
            #expect(late.status == .ok)
        }
    }

    /// Finding 6: two administrators creating the same address at once met the unique key
    /// and got a 500.
    @Test func twoAdministratorsCreatingOneAddressGetOneUserAndAConflict() async throws {
        try await withWorkspace { f in
            let admins = [try await f.browser(as: "orgadmin@test.gr"), try await f.browser(as: "orgadmin@test.gr")]
            for admin in admins { try await admin.get(SiteURL.users.path) }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for round in 0..<6 {
                    let admin = admins[round % 2]
                    group.addTask {
                        try await admin.post(SiteURL.users.path, [("email", "new@test.gr"), ("name", "Νέος Χρήστης"), ("role", "reviewer")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 5, "\(statuses)")
            let stored = try await UserModel.query(on: f.app.db).filter(\.$email == "new@test.gr").count()
            #expect(stored == 1)
        }
    }

    /// Finding 7: creating a user refused another municipality's units, editing one took them.
    @Test func editingAUserRefusesAnotherMunicipalitysUnits() async throws {
        try await withWorkspace { f in
            let other = Organisation(name: "Δήμος Αγιάς", region: "Θεσσαλία", regionalUnit: "Λάρισα")
            let foreign = OrgUnit(organisationID: other.id, code: "ΤΥΑ", name: "Τεχνική Υπηρεσία Αγιάς", kind: .department)
            try await ReferenceRepository(db: f.app.db).create(ReferenceData(organisation: other, units: [foreign]), actor: .system)
            let accounts = Accounts(db: f.app.db)
            let head = try #require(try await UserModel.query(on: f.app.db).filter(\.$email == "social@test.gr").first()?.id)
            let admin = try await f.browser(as: "orgadmin@test.gr")
            for units in [[foreign.id], [f.social.id, foreign.id], [UUID()]] {
                try await admin.get(SiteURL.users.path)
                var fields = [("role", "unitHead")]
                fields += units.map { ("units[]", $0.uuidString) }
                let response = try await admin.post(SiteURL.user(head).path, fields)
                #expect(response.status == .unprocessableEntity && response.body.string.contains("ίδιο δήμο"), "\(units)")
            }
            #expect(try await accounts.account(head)?.unitIDs == [f.social.id])
            try await admin.get(SiteURL.users.path)
            let own = try await admin.post(SiteURL.user(head).path, [("role", "unitHead"), ("units[]", f.technical.id.uuidString)])
            #expect(own.status == .seeOther)
            #expect(try await accounts.account(head)?.unitIDs == [f.technical.id])
        }
    }

    /// Finding 8: a new user's temporary password sat in clear in the session row, as the
    /// next page's flash message.
    @Test func aNewPasswordIsShownInTheAnswerAndStoredNowhere() async throws {
        try await withWorkspace { f in
            let admin = try await f.browser(as: "orgadmin@test.gr")
            try await admin.get(SiteURL.users.path)
            let created = try await admin.post(SiteURL.users.path, [("email", "once@test.gr"), ("name", "Μία Φορά"), ("role", "reviewer")])
            #expect(created.status == .ok && created.headers.first(name: .cacheControl) == "no-store")
            let shown = try #require(created.body.string.firstMatch(of: #/μόνο τώρα\): ([A-Za-z0-9]{20})/#)?.output.1)
            let user = try #require(try await UserModel.query(on: f.app.db).filter(\.$email == "once@test.gr").first())
            try await admin.get(SiteURL.users.path)
            let reset = try await admin.post(SiteURL.user(user.id!).path, [("reset", "on")])
            let second = try #require(reset.body.string.firstMatch(of: #/μόνο τώρα\): ([A-Za-z0-9]{20})/#)?.output.1)
            #expect(shown != second)
            try await admin.get(SiteURL.users.path)
            let sessions = try await SessionRecord.query(on: f.app.db).all()
            #expect(!sessions.isEmpty)
            for session in sessions {
                let data = session.data.snapshot.values.joined(separator: " ")
                #expect(!data.contains(String(shown)) && !data.contains(String(second)))
            }
            // Both passwords were real: the second one signs in.
            let newcomer = TestBrowser(f.app)
            try await newcomer.get("/signin")
            #expect(try await newcomer.post("/signin", [("email", "once@test.gr"), ("password", String(second))]).status == .seeOther)
        }
    }

    /// Finding 2: the CSRF check decoded the whole form before looking at anything, and
    /// nested keys decode in worse than linear time (20,000 keys: 7–25 s of CPU, anonymously).
    @Test func aFormIsCountedBeforeItIsDecoded() async throws {
        try await withWorkspace { f in
            let visitor = try await f.browser(as: nil)
            let many = (0..<20_000).map { "a%5B\($0)%5D=1" }.joined(separator: "&")
            let deep = "a" + String(repeating: "%5Bx%5D", count: 50) + "=1&b=2"
            let plainDeep = "a" + String(repeating: "[x]", count: 4) + "=1"
            for body in [many, deep, plainDeep] {
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                let response = try await f.app.testing().sendRequest(.POST, "/signin", headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .payloadTooLarge, "\(body.prefix(40))")
                #expect(response.body.string.contains("πεδί"))
            }
            // Within the limits the token is still read from the raw form and checked.
            let fields = (0..<3_000).map { ("x[\($0)][y]", "1") }
            try await visitor.get("/signin")
            #expect(try await visitor.post("/signin", fields + [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)]).status == .seeOther)
            #expect(try await visitor.post("/signin", [("email", "planner@test.gr")], csrf: "wrong").status == .forbidden)
        }
    }

    /// Finding 9, in part: TRACE answered 404 and an over-long address reset the connection.
    @Test func unsupportedMethodsAndOverlongAddressesAreNamed() async throws {
        try await withWorkspace { f in
            for method in [HTTPMethod.TRACE, .CONNECT, .init(rawValue: "PROPFIND")] {
                let response = try await f.app.testing().sendRequest(method, "/")
                #expect(response.status == .methodNotAllowed, "\(method)")
                #expect(response.headers.first(name: .allow)?.contains("GET") == true)
            }
            let long = try await f.app.testing().sendRequest(.GET, "/search?q=" + String(repeating: "α", count: 10_000))
            #expect(long.status == .uriTooLong)
            #expect(try await f.app.testing().sendRequest(.GET, "/").status == .ok, "the server is still up")
        }
    }

    /// Finding 9, in part: a funding source's annual ceiling below zero was accepted. Each
    /// spelling of a negative amount is refused beside the field and nothing is stored.
    @Test func aNegativeCeilingIsRefusedBesideTheField() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.reference().path)
            let before = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: f.reference.organisation.id))
            for ceiling in ["-5.000,00", "-1", "-0,01", "−100", "-9223372036854775808"] {
                // As a browser sends the new row: with its empty id.
                let response = try await planner.post("/reference/sources", [("id", ""), ("code", "ΝΕΑ"), ("name", "Νέα πηγή"), ("kind", "other"), ("ceiling", ceiling)])
                #expect(response.status == .unprocessableEntity, "\(ceiling)")
                #expect(response.body.string.contains("aria-invalid=\"true\""), "the message stands beside the field (\(ceiling))")
            }
            let after = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: f.reference.organisation.id))
            #expect(after.fundingSources.count == before.fundingSources.count)
            #expect(!after.fundingSources.contains { ($0.annualCeiling?.cents ?? 0) < 0 })
        }
    }

    /// A correction's reason had no bound (up to the body limit, stored whole); now the form
    /// and the API refuse one over `FieldRules.reasonLimit` beside the field, and the API's
    /// document says so.
    @Test func aCorrectionsReasonIsBounded() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "αιτία")
            let p = f.programme.id, a = f.programme.actions[0].id, i = f.programme.indicators[0].id
            let long = String(repeating: "α", count: FieldRules.reasonLimit + 1)
            let progress = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes/\(p)/actions/\(a)/progress", token: token,
                                                               json: #"{"period":"2025-Q1","status":"onTrack","physicalProgress":10,"spentCents":0,"reason":"\#(long)"}"#)
            #expect(progress.status == .unprocessableEntity && progress.body.string.contains("/reason"))
            let value = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes/\(p)/indicators/\(i)/measurements", token: token,
                                                            json: #"{"period":"2025","value":1,"reason":"\#(long)"}"#)
            #expect(value.status == .unprocessableEntity && value.body.string.contains("/reason"))
            try await planner.get("/programmes/\(p)/actions/\(a)/progress")
            let form = try await planner.post("/programmes/\(p)/actions/\(a)/progress",
                                              [("period", "2025-Q1"), ("status", "onTrack"), ("physicalProgress", "10"), ("spent", "0"), ("reason", long)])
            #expect(form.status == .unprocessableEntity && form.body.string.contains("Η αιτία της διόρθωσης ξεπερνά τους 1.000 χαρακτήρες"))
            let stored = try #require(try await f.app.repositories.programmes.load(p))
            #expect(!stored.progressUpdates.contains { $0.comment.contains(long) }, "nothing stored")
        }
    }

    /// Build item 4: expired sessions stayed as rows forever, and every visitor asking for the
    /// sign-in page without a cookie made one (its form token): a robot could fill the disk.
    /// Now each session keeps when it was made and those past their limits are deleted.
    @Test(arguments: OverviewTests.databases)
    func sessionsPastTheirLimitsAreDeleted(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let f = try await WorkspaceFixture.make(app)
            let start = Date()
            app.sessionClock = .fixed(start)
            for _ in 0..<20 { try await TestBrowser(app).get("/signin") }
            let planner = try await f.browser(as: "planner@test.gr")
            func rows() async throws -> Int { try await SessionRecord.query(on: app.db).count() }
            let made = try await rows()
            #expect(made >= 21, "twenty visitors and one user (\(made))")
            #expect(try await SessionPruning.run(app) == made, "nothing is deleted while every session is fresh")
            // Three hours on: the user's session is idle past its limit, the visitors' not yet old.
            app.sessionClock = .fixed(start.addingTimeInterval(3 * 3600))
            #expect(try await SessionPruning.run(app) == made - 1)
            #expect(try await planner.get(SiteURL.apiTokens.path).status != .ok, "the user is signed out")
            let madeSince = try await rows() - (made - 1)
            // Past the absolute limit, nothing of the first hour remains.
            app.sessionClock = .fixed(start.addingTimeInterval(SessionLimits.absolute + 60))
            #expect(try await SessionPruning.run(app) == madeSince)
        }
    }

    /// A number that does not fit its property (1.5 or 2⁶³ where a whole number goes) was
    /// refused as «not valid JSON» with no field named; now the property is named.
    @Test func aNumberThatDoesNotFitIsNamed() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "αριθμοί")
            let path = "/api/v1/programmes/\(f.programme.id)/actions/\(f.programme.actions[0].id)"
            for value in ["1.5", "9223372036854775808", "-1e300"] {
                let response = try await InterchangeRouteTests.send(f.app, .PATCH, path, token: token, json: #"{"title":"Χ","changeCounter":\#(value)}"#)
                #expect(response.status == .badRequest, "\(value)")
                #expect(response.body.string.contains(#""pointer":"\/changeCounter""#) || response.body.string.contains(#""pointer":"/changeCounter""#), "\(value): \(response.body.string)")
            }
            let broken = try await InterchangeRouteTests.send(f.app, .PATCH, path, token: token, json: #"{"title":"Χ","changeCounter":NaN}"#)
            #expect(broken.status == .badRequest && broken.body.string.contains("δεν είναι έγκυρο JSON"))
        }
    }

    /// Build item 5: a unique key met by two writes at once answered 500 wherever the store did
    /// not expect it — two planners adding a funding source of the same code, say. Now 409,
    /// and one source.
    @Test func twoPlannersAddingOneCodeGetOneSourceAndAConflict() async throws {
        try await withWorkspace { f in
            let planners = [try await f.browser(as: "planner@test.gr"), try await f.browser(as: "planner@test.gr")]
            for planner in planners { try await planner.get(SiteURL.reference().path) }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for round in 0..<8 {
                    let planner = planners[round % 2]
                    group.addTask {
                        try await planner.post("/reference/sources", [("id", ""), ("code", "ΤΑΥΤΟ"), ("name", "Ταυτόχρονη πηγή \(round)"), ("kind", "other")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(!statuses.contains { $0.code >= 500 }, "\(statuses)")
            #expect(statuses.filter { $0 == .seeOther }.count == 1, "\(statuses)")
            let stored = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: f.reference.organisation.id))
            #expect(stored.fundingSources.filter { $0.code == "ΤΑΥΤΟ" }.count == 1)
        }
    }

    /// Build item 5, PostgreSQL restarted: a transaction whose connection the server closed
    /// between two statements wrote the next one to the closed connection and waited for ever
    /// (PostgresNIO drops that write), keeping its lease of the pool. Now the transaction
    /// fails at once as a busy database (503), and the pool goes on with a new connection.
    @Test(.enabled(if: TestDatabase.postgresURL != nil, TestDatabase.postgresSkipNote))
    func aTransactionWhoseConnectionClosesFailsAtOnce() async throws {
        try await withApp(TestDatabase.postgres()) { app in
            let started = Date()
            // Raced against 20 seconds without a task group, which would wait for a hung child.
            let outcome: String = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
                let answered = NIOLockedValueBox(false)
                @Sendable func answer(_ text: String) {
                    if answered.withLockedValue({ done in defer { done = true }; return !done }) { continuation.resume(returning: text) }
                }
                Task {
                    do {
                        try await app.db.writeTransaction { tx in
                            let sql = try #require(tx as? any SQLDatabase)
                            let pid = try #require(try await sql.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int32.self))
                            // Another connection ends this one's backend, as a restart would.
                            let configuration = try SQLPostgresConfiguration(url: TestDatabase.postgresURL!).coreConfiguration
                            let other = try await PostgresConnection.connect(configuration: configuration, id: 99, logger: app.logger)
                            _ = try await other.query("SELECT pg_terminate_backend(\(pid))", logger: app.logger)
                            try await other.close()
                            try await Task.sleep(for: .milliseconds(300))
                            _ = try await sql.raw("SELECT 1 AS one").first()
                        }
                        answer("committed")
                    } catch {
                        answer(Busy.isBusy(error) ? "busy" : "other: \(error)")
                    }
                }
                Task {
                    try? await Task.sleep(for: .seconds(20))
                    answer("hung")
                }
            }
            #expect(outcome == "busy")
            #expect(Date().timeIntervalSince(started) < 10)
            // The pool goes on.
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(try await sql.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self) == 1)
        }
    }
}
