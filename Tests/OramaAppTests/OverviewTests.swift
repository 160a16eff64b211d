import Fluent
import Foundation
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

/// The analysts of a Region and of the ministry: the figures across municipalities, from SQL
/// aggregates over public programmes only, on SQLite and (with `.ci/run`) on PostgreSQL.
@Suite("Επισκόπηση δήμων για αναλυτές", .serialized)
struct OverviewTests {
    static var databases: [DatabaseChoice] {
        [TestDatabase.sqliteFile()] + (TestDatabase.postgresURL != nil ? [TestDatabase.postgres()] : [])
    }

    /// The workspace, a published programme of a municipality in Crete, and three analysts.
    func withAnalysts(_ database: DatabaseChoice, _ body: (WorkspaceFixture, Programme) async throws -> Void) async throws {
        try await withApp(database) { app in
            let f = try await WorkspaceFixture.make(app)
            let chania = Organisation(name: "Δήμος Χανίων", region: "Κρήτη", regionalUnit: "Χανιά")
            try await app.repositories.reference.create(ReferenceData(organisation: chania), actor: .system)
            var crete = KilelerDemo.scaled(f.programme, times: 1)
            crete.organisationID = chania.id
            crete.status = .published
            try await app.repositories.programmes.create(crete, actor: .system)
            let accounts = app.repositories.accounts
            for (email, region) in [("thessaly@test.gr", "Θεσσαλία"), ("crete@test.gr", "κρητη"), ("ministry@test.gr", nil)] {
                try await accounts.create(email: email, name: "Αναλυτής", role: .analyst, organisationID: nil, unitIDs: [],
                                          password: WorkspaceFixture.password, actor: .system, region: region)
            }
            try await body(f, crete)
        }
    }

    @Test(arguments: databases)
    func anAnalystSeesTheMunicipalitiesOfTheirRegionOnly(_ database: DatabaseChoice) async throws {
        try await withAnalysts(database) { f, crete in
            let thessaly = try await f.browser(as: "thessaly@test.gr")
            let page = try await thessaly.get(SiteURL.overview(region: nil).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Δήμος Κιλελέρ") && !page.body.string.contains("Δήμος Χανίων"))
            // Asking for another Region changes nothing: the analyst's own is shown.
            let asked = try await thessaly.get(SiteURL.overview(region: "Κρήτη").path).body.string
            #expect(asked.contains("Δήμος Κιλελέρ") && !asked.contains("Δήμος Χανίων"))

            let ministry = try await f.browser(as: "ministry@test.gr")
            let all = try await ministry.get(SiteURL.overview(region: nil).path).body.string
            #expect(all.contains("Δήμος Κιλελέρ") && all.contains("Δήμος Χανίων"))
            let onlyCrete = try await ministry.get(SiteURL.overview(region: "Κρήτη").path).body.string
            #expect(onlyCrete.contains("Δήμος Χανίων") && !onlyCrete.contains("Δήμος Κιλελέρ"))
            #expect(try await ministry.get(SiteURL.overview(region: "Ατλαντίδα").path).status == .notFound)

            // Public data only: a draft stays closed to an analyst, and nothing can be written.
            #expect(try await thessaly.get(SiteURL.programme(f.draft.id).path).status == .notFound)
            #expect(try await thessaly.get(SiteURL.programme(crete.id).path).status == .ok, "a public page, as anyone's")
            #expect(try await thessaly.get(SiteURL.editAction(f.programme.id, f.socialAction.id).path).status == .forbidden)
            #expect(try await thessaly.get(SiteURL.checks(f.programme.id).path).status == .forbidden)

            let planner = try await f.browser(as: "planner@test.gr")
            #expect(try await planner.get(SiteURL.overview(region: nil).path).status == .forbidden)
            #expect(try await f.app.testing().sendRequest(.GET, SiteURL.overview(region: nil).path).status == .unauthorized)

            // The JSON says the same, to the same people.
            let json = try await thessaly.get(SiteURL.apiOverview(region: "Κρήτη").path)
            #expect(json.status == .ok)
            let dto = try JSONDecoder().decode(OverviewJSON.self, from: Data(json.body.readableBytesView))
            #expect(dto.region == "Θεσσαλία")
            #expect(dto.municipalities.map(\.name).contains("Δήμος Κιλελέρ") && !dto.municipalities.map(\.name).contains("Δήμος Χανίων"))
            #expect(dto.municipalities.first { $0.programmeID == f.programme.id }?.url == SiteURL.apiProgramme(f.programme.id).path)
            let whole = try JSONDecoder().decode(OverviewJSON.self, from: Data(try await ministry.get(SiteURL.apiOverview(region: nil).path).body.readableBytesView))
            #expect(whole.region == nil && whole.municipalities.contains { $0.programmeID == crete.id })
            #expect(!whole.municipalities.contains { $0.programmeID == f.draft.id })
            #expect(try await planner.get(SiteURL.apiOverview(region: nil).path).status == .forbidden)
            #expect(try await ministry.get(SiteURL.apiOverview(region: "Ατλαντίδα").path).status == .notFound)
            #expect(try await f.app.testing().sendRequest(.GET, SiteURL.apiOverview(region: nil).path).status == .unauthorized)
        }
    }

    /// The server's administrator makes analysts from the users page, of a Region or of the
    /// country; a municipality's administrator cannot.
    @Test(arguments: databases)
    func theServersAdministratorCreatesAnalysts(_ database: DatabaseChoice) async throws {
        try await withAnalysts(database) { f, _ in
            try await f.app.repositories.accounts.create(email: "root@test.gr", name: "Διαχειριστής", role: .admin, organisationID: nil, unitIDs: [],
                                                         password: WorkspaceFixture.password, actor: .system)
            let root = try await f.browser(as: "root@test.gr")
            #expect(try await root.get(SiteURL.users.path).body.string.contains("Περιφέρεια (για αναλυτές)"))
            let made = try await root.post(SiteURL.users.path, [("email", "larisa@test.gr"), ("name", "Αναλύτρια Περιφέρειας"),
                                                                ("role", "analyst"), ("region", "κρητη"), ("organisation", f.reference.organisation.id.uuidString)])
            #expect(made.status == .ok)
            let analyst = try #require(try await UserModel.query(on: f.app.db).filter(\.$email == "larisa@test.gr").first())
            #expect(analyst.role == "analyst" && analyst.scopeRegion == "Κρήτη" && analyst.organisationID == nil && analyst.unitIDs == "[]")
            let country = try await root.post(SiteURL.users.path, [("email", "all@test.gr"), ("name", "Αναλυτής"), ("role", "analyst"), ("region", "")])
            #expect(country.status == .ok)
            #expect(try await UserModel.query(on: f.app.db).filter(\.$email == "all@test.gr").first()?.scopeRegion == nil)
            let unknown = try await root.post(SiteURL.users.path, [("email", "x@test.gr"), ("name", "Χ"), ("role", "analyst"), ("region", "Ατλαντίδα")])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("Άγνωστη Περιφέρεια"))

            let orgAdmin = try await f.browser(as: "orgadmin@test.gr")
            #expect(!(try await orgAdmin.get(SiteURL.users.path).body.string.contains("Περιφέρεια (για αναλυτές)")))
            let refused = try await orgAdmin.post(SiteURL.users.path, [("email", "sneaky@test.gr"), ("name", "Χ"), ("role", "analyst")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await UserModel.query(on: f.app.db).filter(\.$email == "sneaky@test.gr").first() == nil)
        }
    }

    /// The SQL figures are the domain's figures of the same programme, and a draft counts for nothing.
    @Test(arguments: databases)
    func theFiguresAreTheDomainsOnThePublicProgramme(_ database: DatabaseChoice) async throws {
        try await withAnalysts(database) { f, crete in
            let year = 2026
            // A revision in consultation (same period, a higher version) does not replace the programme in force.
            var revision = try #require(try await f.app.repositories.programmes.load(f.draft.id))
            revision.status = .consultation
            try await f.app.repositories.programmes.save(revision, expecting: revision.changeCounter, actor: .system)
            let overview = try await f.app.repositories.overview.overview(region: nil, year: year)
            let kileler = try #require(overview.municipalities.first { $0.organisationID == f.reference.organisation.id })
            let p = try await f.stored()
            #expect(kileler.programmeID == p.id, "the published programme, not the draft")
            #expect(kileler.actions == p.actions.count)
            #expect(kileler.cost == p.actions.map(\.cost).sum())
            #expect(kileler.planned == p.actions.flatMap(\.fundingLines).map(\.amount).sum())
            #expect(kileler.plannedToDate == p.actions.flatMap(\.fundingLines).filter { $0.year <= year }.map(\.amount).sum())
            let latest = p.latestProgressByAction()
            #expect(kileler.spent == p.actions.compactMap { latest[$0.id]?.spentToDate }.sum())
            #expect(kileler.delayed == p.actions.filter { latest[$0.id]?.status == .delayed }.count)
            #expect(kileler.unreported == p.actions.filter { latest[$0.id] == nil }.count)
            let progress = p.actions.compactMap { latest[$0.id].map { Double($0.physicalProgress) } }
            #expect(abs((kileler.meanProgress ?? -1) - progress.reduce(0, +) / Double(progress.count)) < 1e-9)

            let chania = try #require(overview.municipalities.first { $0.programmeID == crete.id })
            #expect(chania.unreported == crete.actions.count && chania.lagReasons.contains { $0.contains("χωρίς αναφορά") })
            // Funding by source and year adds up to both programmes' funding.
            #expect(overview.funding.map(\.amount).sum() == p.actions.flatMap(\.fundingLines).map(\.amount).sum() + crete.actions.flatMap(\.fundingLines).map(\.amount).sum())
            // Money by axis: each of the workspace programme's axes (its title is unique to it
            // here, as the Cretan copy's titles are the same) sums both programmes' actions under it.
            for axis in p.axes {
                let row = try #require(overview.axes.first { $0.axis == axis.title }, "\(axis.title)")
                let twins = [p, crete].flatMap { $0.axes.filter { $0.title == axis.title } }
                let actions = twins.flatMap { $0.measures.flatMap(\.objectives).flatMap(\.actions) }
                #expect(row.municipalities == 2)
                #expect(row.actions == actions.count)
                #expect(row.planned == actions.flatMap(\.fundingLines).map(\.amount).sum())
                let latestCrete = crete.latestProgressByAction()
                #expect(row.spent == actions.compactMap { (latest[$0.id] ?? latestCrete[$0.id])?.spentToDate }.sum())
            }
            #expect(overview.axes.map(\.planned).sum() == overview.funding.map(\.amount).sum())
            // The two programmes share every indicator code: each appears once per municipality.
            let code = try #require(p.indicators.first?.code)
            #expect(overview.sharedIndicators.filter { $0.code == code }.count == 2)
        }
    }

    /// `orama demo --scale N`: N municipalities, each with a published programme of its own,
    /// the overview finds them all.
    @Test(arguments: databases)
    func theNationalDemoFillsMunicipalitiesAtScale(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let run = await runCommand(app, "demo", ["--no-serve", "--scale", "4"])
            #expect(run.error == nil, "\(String(describing: run.error))")
            #expect(run.output.contains("4/4 δήμοι") || run.output.contains("3/3 δήμοι"), "\(run.output)")
            let overview = try await app.repositories.overview.overview(region: nil, year: 2026)
            #expect(overview.municipalities.count == 4)
            #expect(overview.withProgramme.count == 4)
            #expect(Set(overview.municipalities.map(\.name)).contains("Δήμος Αγιάς"))
            let counts = overview.withProgramme.map(\.actions)
            #expect(counts.allSatisfy { $0 == counts[0] && $0 > 100 })
            #expect(Set(overview.withProgramme.map(\.spent)).count > 1, "each programme has its own figures")
            // Seeding again adds nothing.
            let again = await runCommand(app, "demo", ["--no-serve", "--scale", "4"])
            #expect(again.output.contains("Προστέθηκαν 0 δήμοι"))
            #expect(await runCommand(app, "demo", ["--no-serve", "--scale", "πολλοί"]).error != nil)
        }
    }
}

/// What a client of `/api/v1/overview` reads.
private struct OverviewJSON: Decodable {
    struct Municipality: Decodable { var name: String; var programmeID: UUID?; var url: String? }
    var region: String?
    var municipalities: [Municipality]
}
