@testable import OramaApp
import Foundation
import OramaDomain
import Testing
import VaporTesting

/// Pages and the API compute from a programme's snapshot and serve public bytes rendered
/// once per version, from a board of versions that asks the database nothing in the steady
/// state. After every kind of write the next read must show the write: here each write is
/// made after the caches are warm, and what is served next is compared with what the
/// database holds.
@Suite struct SnapshotInvalidationTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            // Only a write may make the board forget (the one-second trust would hide a write
            // that forgot to tell it, and a loaded machine would turn hits into misses).
            app.programmeVersions.trust(for: .seconds(600))
            try await body(try await WorkspaceFixture.make(app))
        }
    }

    /// The public JSON of the programme, as a visitor (not signed in) gets it.
    func publicJSON(_ f: WorkspaceFixture) async throws -> String {
        let response = try await f.app.testing().sendRequest(.GET, SiteURL.apiProgramme(f.programme.id).path)
        #expect(response.status == .ok)
        return response.body.string
    }

    /// The same document built from a fresh load of the database, past every cache.
    func storedJSON(_ f: WorkspaceFixture) async throws -> String {
        let programme = try #require(try await ProgrammeRepository(db: f.app.db).load(f.programme.id))
        let reference = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: programme.organisationID))
        return String(decoding: try JSONCoding.encoder.encode(ProgrammeDTO(programme, reference: reference)), as: UTF8.self)
    }

    /// Warms the caches, makes the write, and checks that the next public read is the
    /// database's, with a new version, and that `check` holds on the pages after it.
    func expectSeen(_ f: WorkspaceFixture, _ write: () async throws -> Void, _ check: () async throws -> Void = {}) async throws {
        let before = try await publicJSON(f)
        #expect(try await publicJSON(f) == before)
        let hits = f.app.programmeVersions.hits.load(ordering: .relaxed)
        _ = try await publicJSON(f)
        #expect(f.app.programmeVersions.hits.load(ordering: .relaxed) > hits, "the warm public read asks the database nothing")
        try await write()
        let after = try await publicJSON(f)
        #expect(after != before)
        #expect(after == (try await storedJSON(f)))
        try await check()
    }

    @Test func anEditIsSeenAtOnce() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let action = f.socialAction
            try await expectSeen(f, {
                try await planner.get(SiteURL.editAction(f.programme.id, action.id).path)
                #expect(try await planner.post(SiteURL.editAction(f.programme.id, action.id).path,
                                               WorkspaceRouteTests.actionFields(action, f, title: "Τίτλος μετά την αλλαγή")).status == .seeOther)
            }, {
                #expect(try await planner.get(SiteURL.action(f.programme.id, action.id).path).body.string.contains("Τίτλος μετά την αλλαγή"))
                let visitor = try await f.app.testing().sendRequest(.GET, SiteURL.programme(f.programme.id).path)
                #expect(visitor.body.string.contains("Τίτλος μετά την αλλαγή"))
            })
        }
    }

    @Test func anAPIWriteIsSeenAtOnce() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "Έλεγχος")
            let path = SiteURL.apiAction(f.programme.id, f.socialAction.id).path
            try await expectSeen(f, {
                let patched = try await InterchangeRouteTests.send(f.app, .PATCH, path, token: token, json: #"{"title":"Τίτλος από το API"}"#)
                #expect(patched.status == .ok)
            })
        }
    }

    @Test func progressAndValuesAreSeenAtOnce() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            let action = try #require(f.programme.actions.first { $0.responsibleUnitID == f.social.id && $0.schedule?.runs(in: 2026) == true })
            try await expectSeen(f, {
                try await head.get(SiteURL.progress(f.programme.id, action.id, period: "2026-Q3").path)
                let fields = [("period", "2026-Q3"), ("status", "delayed"), ("physicalProgress", "17"), ("spent", "1.000,00"),
                              ("comment", "Καθυστέρηση"), ("reason", "νέα στοιχεία")]
                #expect(try await head.post(SiteURL.progress(f.programme.id, action.id, period: nil).path, fields).status == .seeOther)
            }, {
                // The dashboard's figures are kept with the snapshot: the new report is in them.
                let dashboard = try await head.get(SiteURL.dashboard(f.programme.id).path)
                #expect(dashboard.status == .ok)
            })
            let indicator = try #require(f.programme.indicators.first { $0.responsibleUnitID == f.social.id })
            try await expectSeen(f, {
                try await head.get(SiteURL.values(f.programme.id, indicator.id, period: nil).path)
                #expect(try await head.post(SiteURL.values(f.programme.id, indicator.id, period: nil).path, [("period", "2026"), ("value", "32,5")]).status == .seeOther)
            })
        }
    }

    @Test func theDashboardFiguresFollowAReport() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let path = SiteURL.dashboard(f.programme.id).path
            let first = try await planner.get(path).body.string
            #expect(try await planner.get(path).body.string == first, "the same figures from the kept snapshot")
            let head = try await f.browser(as: "social@test.gr")
            let action = try #require(f.programme.actions.first { $0.responsibleUnitID == f.social.id && $0.schedule?.runs(in: 2026) == true })
            try await head.get(SiteURL.progress(f.programme.id, action.id, period: "2026-Q3").path)
            let fields = [("period", "2026-Q3"), ("status", "completed"), ("physicalProgress", "100"), ("spent", "9.000,00"),
                          ("comment", "Ολοκληρώθηκε"), ("reason", "παραλαβή")]
            #expect(try await head.post(SiteURL.progress(f.programme.id, action.id, period: nil).path, fields).status == .seeOther)
            let after = try await planner.get(path).body.string
            #expect(after != first, "the figures were derived again for the new version")
            let stored = try await f.stored()
            let figures = DashboardFigures(stored, year: stored.yearNearest(f.app.clock.today.year), actions: stored.actions, indicators: nil)
            #expect(after.contains(figures.spent.formatted))
        }
    }

    @Test func anAnnualApprovalIsSeenAtOnce() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.annual(f.programme.id, year: 2025).path)
            try await expectSeen(f, {
                let approved = try await planner.post(SiteURL.annual(f.programme.id, year: 2025).path + "/approve", [])
                #expect(approved.status == .seeOther)
            })
        }
    }

    @Test func aReferenceChangeIsSeenAtOnce() async throws {
        try await withWorkspace { f in
            let admin = try await f.browser(as: "orgadmin@test.gr")
            let unit = f.social
            let dashboard = SiteURL.dashboard(f.programme.id).path
            #expect(try await f.app.testing().sendRequest(.GET, dashboard).body.string.contains(unit.name))
            try await admin.get(SiteURL.reference().path)
            try await expectSeen(f, {
                let saved = try await admin.post(SiteURL.referenceRow("units").path, [
                    ("id", unit.id.uuidString), ("code", unit.code), ("name", "Τμήμα Κοινωνικής Μέριμνας και Υγείας"),
                    ("kind", unit.kind.rawValue), ("phone", unit.phone), ("email", unit.email),
                ])
                #expect(saved.status == .seeOther)
            }, {
                let page = try await f.app.testing().sendRequest(.GET, dashboard).body.string
                #expect(page.contains("Τμήμα Κοινωνικής Μέριμνας και Υγείας"))
            })
        }
    }

    /// Into a new programme (a draft, read with the planner's token): the office's table.
    @Test func anImportIsSeenAtOnce() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "Εισαγωγή")
            let created = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: token,
                                                               json: ImportAPITests.json(["title": "ΕΠ από εισαγωγή", "startYear": 2024, "endYear": 2028]))
            let id = try JSONDecoder().decode(ProgrammeCreatedDTO.self, from: Data(created.body.readableBytesView)).id
            let read = { try await InterchangeRouteTests.send(f.app, .GET, SiteURL.apiProgramme(id).path, token: token, json: "").body.string }
            let before = try await read()
            #expect(try await read() == before)
            let request: [String: Any] = ["fileName": "01.csv", "contentBase64": try ImportAPITests.file("01-programme-utf8-bom.csv"), "mode": "import"]
            let imported = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes/\(id)/import", token: token, json: ImportAPITests.json(request))
            #expect(imported.status == .ok, "\(imported.body.string)")
            let after = try await read()
            let programme = try #require(try await ProgrammeRepository(db: f.app.db).load(id))
            let reference = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: programme.organisationID))
            #expect(after != before)
            #expect(after == String(decoding: try JSONCoding.encoder.encode(ProgrammeDTO(programme, reference: reference)), as: UTF8.self))
        }
    }

    /// The second visitor gets the first one's bytes and headers from the kept copy; a
    /// signed-in user's draft never becomes anyone else's.
    @Test func aVisitorsPageIsKeptAndADraftNever() async throws {
        try await withWorkspace { f in
            let path = SiteURL.document(f.programme.id, kind: "phase-b", format: "html", year: nil).path
            let first = try await f.app.testing().sendRequest(.GET, path)
            let hits = f.app.renderCache.hits.load(ordering: .relaxed)
            let second = try await f.app.testing().sendRequest(.GET, path)
            #expect(f.app.renderCache.hits.load(ordering: .relaxed) == hits + 1)
            #expect(second.body.string == first.body.string)
            #expect(first.headers.first(name: "Content-Security-Policy") == second.headers.first(name: "Content-Security-Policy"))
            #expect(second.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none'") == true, "the document's own policy")
            #expect(second.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(second.headers.contentType == first.headers.contentType)

            let draft = SiteURL.programme(f.draft.id).path
            #expect(try await f.app.testing().sendRequest(.GET, draft).status == .notFound)
            let planner = try await f.browser(as: "planner@test.gr")
            #expect(try await planner.get(draft).status == .ok)
            #expect(try await planner.get(SiteURL.apiProgramme(f.draft.id).path).status == .ok)
            #expect(try await f.app.testing().sendRequest(.GET, draft).status == .notFound)
            #expect(try await f.app.testing().sendRequest(.GET, SiteURL.apiProgramme(f.draft.id).path).status == .notFound)
            // A signed-in page is never served from a visitor's copy: it names the user.
            _ = try await f.app.testing().sendRequest(.GET, SiteURL.programme(f.programme.id).path)
            #expect(try await planner.get(SiteURL.programme(f.programme.id).path).body.string.contains("Σχεδιαστής"))
        }
    }

    @Test func publicBytesComeGzippedToClientsThatAskAndPlainToTheRest() async throws {
        try await withWorkspace { f in
            let path = SiteURL.apiProgramme(f.programme.id).path
            let plain = try await f.app.testing().sendRequest(.GET, path)
            var headers = HTTPHeaders()
            headers.add(name: .acceptEncoding, value: "br;q=1, gzip;q=0.8")
            let packed = try await f.app.testing().sendRequest(.GET, path, headers: headers)
            #expect(packed.headers.first(name: .contentEncoding) == "gzip")
            #expect(packed.headers.first(name: .vary) == "Accept-Encoding")
            #expect(plain.headers.first(name: .contentEncoding) == nil)
            #expect(packed.body.readableBytes < plain.body.readableBytes / 3)
            let tag = try #require(packed.headers.first(name: .eTag))
            #expect(tag != plain.headers.first(name: .eTag))
            headers.add(name: .ifNoneMatch, value: tag)
            #expect(try await f.app.testing().sendRequest(.GET, path, headers: headers).status == .notModified)
            var refused = HTTPHeaders()
            refused.add(name: .acceptEncoding, value: "gzip;q=0")
            #expect(try await f.app.testing().sendRequest(.GET, path, headers: refused).headers.first(name: .contentEncoding) == nil)
        }
    }
}
