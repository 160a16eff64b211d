import Fluent
import Foundation
@testable import OramaApp
@testable import OramaDomain
import Testing
import VaporTesting

/// Attacks a careful reviewer found possible, each shown to fail.
@Suite("Ασφάλεια", .serialized)
struct SecurityTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    @Test func aMunicipalityCannotTouchAnothersReferenceData() async throws {
        try await withWorkspace { f in
            // Another municipality with a planner of its own.
            let other = ReferenceData(organisation: Organisation(name: "Δήμος Αγιάς", region: "Θεσσαλία", regionalUnit: "Λάρισα"))
            try await ReferenceRepository(db: f.app.db).create(other, actor: .system)
            try await Accounts(db: f.app.db).create(email: "agia@test.gr", name: "Αγιά", role: .planner, organisationID: other.organisation.id, unitIDs: [],
                                                    password: WorkspaceFixture.password, actor: .system)
            let intruder = try await f.browser(as: "agia@test.gr")
            try await intruder.get(SiteURL.reference().path)
            let unit = f.technical
            let rename = try await intruder.post("/reference/units", [("id", unit.id.uuidString), ("code", "ΧΧΧ"), ("name", "Κατειλημμένη"), ("kind", "department")])
            #expect(rename.status == .unprocessableEntity)
            let idle = f.reference.units.first { $0.code == "ΔΤΥ" }!
            let delete = try await intruder.post("/reference/units", [("id", idle.id.uuidString), ("name", idle.name), ("delete", "on")])
            #expect(delete.status == .unprocessableEntity)
            let stored = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: f.reference.organisation.id))
            #expect(stored.unit(unit.id)?.name == unit.name && stored.unit(idle.id) != nil)
        }
    }

    @Test func signInAndLanguageNeverRedirectElsewhere() async throws {
        try await withWorkspace { f in
            for back in ["//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example", "/%09/evil.example"] {
                let encoded = TestBrowser.encode(back)
                let response = try await f.app.testing().sendRequest(.GET, "/language/en?back=\(encoded)")
                let location = response.headers.first(name: .location) ?? ""
                #expect(location == "/" || (location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("\t")), "\(back) → \(location)")
            }
        }
    }

    @Test func aUnitHeadCannotStealMilestonesOrSetThePlannersFields() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            let own = f.socialAction
            let foreign = try #require(f.programme.actions.first { $0.responsibleUnitID == f.technical.id && !$0.milestones.isEmpty })
            try await head.get(SiteURL.editAction(f.programme.id, own.id).path)
            var fields = WorkspaceRouteTests.actionFields(own, f, title: own.title)
            fields.removeAll { $0.0.hasPrefix("ms[") || $0.0 == "rank" || $0.0 == "weight" || $0.0 == "priority" }
            fields += [("ms[0][id]", foreign.milestones[0].id.uuidString), ("ms[0][date]", "01/01/2026"), ("ms[0][title]", "Κλεμμένο"),
                       ("rank", "1"), ("weight", "500"), ("priority", "1")]
            #expect(try await head.post(SiteURL.editAction(f.programme.id, own.id).path, fields).status == .seeOther)
            let stored = try await f.stored()
            #expect(stored.action(foreign.id)?.milestones == foreign.milestones)
            let mine = try #require(stored.action(own.id))
            #expect(mine.milestones.map(\.title) == ["Κλεμμένο"] && mine.milestones[0].id != foreign.milestones[0].id)
            #expect(mine.rank == own.rank && mine.weight == own.weight && mine.priority == own.priority)
        }
    }

    @Test func anonymousReadersGetNoSession() async throws {
        try await withWorkspace { f in
            for path in ["/", SiteURL.programme(f.programme.id).path, SiteURL.finance(f.programme.id, by: "axis").path] {
                let response = try await f.app.testing().sendRequest(.GET, path)
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie].isEmpty, "\(path)")
            }
        }
    }

    @Test func commentsStayWithinTheMunicipality() async throws {
        try await withWorkspace { f in
            let reviewer = try await f.browser(as: "reviewer@test.gr")
            let action = f.technicalAction
            try await reviewer.get(SiteURL.action(f.programme.id, action.id).path)
            #expect(try await reviewer.post(SiteURL.actionComments(f.programme.id, action.id).path, [("text", "Εσωτερική παρατήρηση")]).status == .seeOther)
            #expect(try await reviewer.get(SiteURL.action(f.programme.id, action.id).path).body.string.contains("Εσωτερική παρατήρηση"))
            let visitor = try await f.browser(as: nil)
            #expect(!(try await visitor.get(SiteURL.action(f.programme.id, action.id).path).body.string.contains("Εσωτερική παρατήρηση")))
        }
    }

    /// A year at the edge of `Int` used to trap on the period's arithmetic and bring the
    /// server down; the domain's rule now bounds it first.
    @Test func extremeYearsAreRefusedNotACrash() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            for (start, end) in [("9223372036854775807", ""), ("2024", "9223372036854775807"), ("-9223372036854775808", "2028")] {
                try await planner.get(SiteURL.newProgramme.path)
                let created = try await planner.post(SiteURL.newProgramme.path, [("title", "Ακραίο"), ("startYear", start), ("endYear", end)])
                #expect(created.status == .unprocessableEntity, "\(start)–\(end)")
                try await planner.get(SiteURL.settings(f.programme.id).path)
                let saved = try await planner.post(SiteURL.settings(f.programme.id).path, [("title", f.programme.title), ("startYear", start), ("endYear", end)])
                #expect(saved.status == .unprocessableEntity, "settings \(start)–\(end)")
            }
            #expect(try await planner.get(SiteURL.health.path).status == .ok, "the server is still up")
        }
    }
}
