import Foundation
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

@Suite("Δημόσιες σελίδες και API", .serialized)
struct ReadOnlyEdgeTests {
    struct ListItem: Decodable { var id: UUID; var status: String; var title: String }
    struct Tree: Decodable {
        struct Totals: Decodable { var fundingCents: Int64; var progress: Double?; var actionCount: Int }
        struct Indicator: Decodable { var code: String }
        struct Action: Decodable { var code: String; var title: String; var costCents: Int64 }
        struct Objective: Decodable { var code: String; var totals: Totals; var indicators: [Indicator]; var actions: [Action] }
        struct Measure: Decodable { var code: String; var totals: Totals; var indicators: [Indicator]; var objectives: [Objective] }
        struct Axis: Decodable { var code: String; var totals: Totals; var measures: [Measure] }
        var id: UUID
        var totals: Totals
        var axes: [Axis]
    }

    func withDemo(_ body: (Application, Programme) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            _ = try await DemoSeeder.seed(app.repositories)
            try await body(app, KilelerDemo.build().programme)
        }
    }

    @Test func listsOnlyPublishedProgrammes() async throws {
        try await withDemo { app, demo in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/programmes")
            #expect(response.status == .ok)
            let items = try response.content.decode([ListItem].self)
            #expect(items.map(\.id) == [demo.id])
            #expect(items.allSatisfy { $0.status == "published" })
        }
    }

    @Test func programmeTreeHasTheWholePlanWithTotals() async throws {
        try await withDemo { app, demo in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/programmes/\(demo.id)")
            #expect(response.status == .ok)
            let tree = try response.content.decode(Tree.self)
            let measures = tree.axes.flatMap(\.measures)
            let objectives = measures.flatMap(\.objectives)
            let actions = objectives.flatMap(\.actions)
            let indicators = measures.flatMap(\.indicators) + objectives.flatMap(\.indicators)
            #expect(tree.axes.count >= 4)
            #expect(measures.count >= 14)
            #expect(objectives.count >= 35)
            #expect(actions.count >= 120)
            #expect(indicators.count >= 50)
            #expect(tree.totals.fundingCents == demo.totalFunding.cents)
            #expect(tree.axes.map(\.totals.fundingCents).reduce(0, +) == tree.totals.fundingCents)
            #expect(tree.totals.progress == demo.progressRollup().progress)
            #expect(actions.first?.code == "1.1.1.01")
        }
    }

    @Test func etagAnswers304UntilTheProgrammeChanges() async throws {
        try await withDemo { app, demo in
            let path = "/api/v1/programmes/\(demo.id)"
            let first = try await app.testing().sendRequest(.GET, path)
            let etag = try #require(first.headers.first(name: .eTag))
            let again = try await app.testing().sendRequest(.GET, path, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)

            // Through the application's repositories, as every route and command writes: the
            // caches hear of the commit.
            let repository = app.repositories.programmes
            var programme = try #require(try await repository.load(demo.id))
            programme.axes[0].title = "Περιβάλλον, Κλίμα και Ποιότητα Ζωής"
            try await repository.save(programme, expecting: programme.changeCounter, actor: Actor(name: "Δοκιμή"))

            let changed = try await app.testing().sendRequest(.GET, path, headers: ["If-None-Match": etag])
            #expect(changed.status == .ok)
            #expect(changed.headers.first(name: .eTag) != etag)
            #expect(changed.body.string.contains("Περιβάλλον, Κλίμα και Ποιότητα Ζωής"))

            let page = try await app.testing().sendRequest(.GET, "/programmes/\(demo.id)")
            let pageTag = try #require(page.headers.first(name: .eTag))
            #expect(try await app.testing().sendRequest(.GET, "/programmes/\(demo.id)", headers: ["If-None-Match": pageTag]).status == .notModified)
        }
    }

    @Test func draftsAreNeverPublic() async throws {
        try await withDemo { app, _ in
            let draft = KilelerDemo.build().draft
            for path in ["/api/v1/programmes/\(draft.id)", "/programmes/\(draft.id)"] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.body.string.contains(draft.title))
            }
            let home = try await app.testing().sendRequest(.GET, "/")
            #expect(!home.body.string.contains("σε προετοιμασία"))
        }
    }

    @Test func badInputGetsAClearGreek4xx() async throws {
        try await withDemo { app, _ in
            let api = try await app.testing().sendRequest(.GET, "/api/v1/programmes/not-a-uuid")
            #expect(api.status == .badRequest)
            struct Failure: Decodable { struct Body: Decodable { var status: Int; var code: String; var message: String }; var error: Body }
            let failure = try api.content.decode(Failure.self)
            #expect(failure.error.code == "invalid_id")
            #expect(failure.error.message.contains("not-a-uuid"))

            let missing = try await app.testing().sendRequest(.GET, "/api/v1/programmes/\(UUID())")
            #expect(missing.status == .notFound)
            let page = try await app.testing().sendRequest(.GET, "/programmes/<script>")
            #expect(page.status == .badRequest)
            #expect(!page.body.string.contains("<script>"))
            #expect(page.body.string.contains("&lt;script&gt;"))
        }
    }

    /// One rule for the year in an address, on pages, documents, the execution page and the
    /// API: text that is no year is a 400, a year outside the programme's period a 404.
    @Test func theYearOfAnAddressGetsTheSameStatusEverywhere() async throws {
        try await withDemo { app, demo in
            let p = demo.id
            let outside = demo.endYear + 3
            let cases: [(String, HTTPResponseStatus)] = [
                (SiteURL.annual(p, year: outside).path, .notFound),
                (SiteURL.annual(p, year: 2025).path.replacingOccurrences(of: "2025", with: "20x5"), .badRequest),
                (SiteURL.evaluation(p, year: outside).path, .notFound),
                (SiteURL.evaluation(p, year: 2025).path.replacingOccurrences(of: "2025", with: "99999999999999999999"), .badRequest),
                (SiteURL.execution(p, year: outside).path, .notFound),
                (SiteURL.execution(p, year: nil).path + "?year=δύο", .badRequest),
                (SiteURL.document(p, kind: "evaluation", format: "html", year: outside).path, .notFound),
                (SiteURL.apiAnnual(p, year: outside).path, .notFound),
                (SiteURL.apiAnnual(p, year: 2025).path.replacingOccurrences(of: "2025", with: "-1"), .badRequest),
                (SiteURL.annual(p, year: 2025).path, .ok),
                (SiteURL.execution(p, year: 2025).path, .ok),
            ]
            for (path, status) in cases {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == status, "\(path)")
                if status == .notFound { #expect(response.body.string.contains("δεν ανήκει στην περίοδο"), "\(path) says why") }
            }
        }
    }

    @Test func greekPagesWithTheTree() async throws {
        try await withDemo { app, demo in
            let home = try await app.testing().sendRequest(.GET, "/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("<html lang=\"el\">"))
            #expect(home.body.string.contains(demo.title))

            let page = try await app.testing().sendRequest(.GET, "/programmes/\(demo.id)")
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.components(separatedBy: "<h1").count == 2)
            #expect(html.contains("ΕΝΔΕΙΚΤΙΚΟ ΠΑΡΑΔΕΙΓΜΑ"))
            #expect(html.contains("Άξονας 1: Περιβάλλον και Ποιότητα Ζωής"))
            #expect(html.contains("1.1.1.01"))
            #expect(html.contains(demo.actions[0].cost.formatted))
            #expect(html.contains("Τμήμα Μελετών και Κατασκευής Έργων"))
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await withDemo { app, _ in
            let response = try await app.testing().sendRequest(.GET, "/health")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("\"status\":\"ok\""))
            #expect(response.body.string.contains("sqlite"))
        }
    }

    @Test func livenessReadinessAndMetrics() async throws {
        try await withDemo { app, demo in
            app.programmeVersions.trust(for: .seconds(600))
            #expect(try await app.testing().sendRequest(.GET, "/health/live").status == .ok)
            let ready = try await app.testing().sendRequest(.GET, "/health/ready")
            #expect(ready.status == .ok && ready.body.string.contains("\"organisations\":"))
            _ = try await app.testing().sendRequest(.GET, SiteURL.apiProgramme(demo.id).path)
            _ = try await app.testing().sendRequest(.GET, SiteURL.apiProgramme(demo.id).path)
            _ = try await app.testing().sendRequest(.GET, "/programmes/not-an-id")
            let metrics = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = metrics.body.string
            let lines = text.split(separator: "\n").map(String.init)
            // Two reads of the same route: one line, counted twice, by the route's pattern.
            let programmeReads = lines.filter { $0.hasPrefix("orama_http_requests_total{") && $0.contains(#"route="/api/v1/programmes/:programmeID""#) && $0.contains(#"status="200""#) }
            #expect(programmeReads.count == 1 && programmeReads.first?.hasSuffix(" 2") == true, "\(programmeReads)")
            #expect(lines.contains { $0.hasPrefix("orama_http_requests_total{") && $0.contains(#"status="400""#) })
            #expect(lines.contains { $0.hasPrefix("orama_http_request_duration_seconds_bucket{") })
            #expect(lines.contains("orama_render_cache_misses_total 1") && lines.contains("orama_render_cache_hits_total 1"), "\(lines.filter { $0.hasPrefix("orama_render") })")
            #expect(lines.contains { $0.hasPrefix("orama_database_ping_seconds ") && !$0.hasSuffix(" -1") })
        }
    }
}

@Suite struct DemoContentTests {
    @Test func demoMeetsTheSizeTheIssueAsksFor() {
        let demo = KilelerDemo.build()
        let p = demo.programme
        #expect(p.axes.count == 4)
        #expect(p.measures.count >= 14)
        #expect(p.objectives.count >= 35)
        #expect(p.actions.count >= 120)
        #expect(p.indicators.count >= 50)
        #expect(demo.reference.units.count >= 10)
        #expect(demo.reference.legalEntities.contains { $0.name == "ΔΕΥΑ Κιλελέρ" })
        #expect(demo.reference.localities.filter { $0.kind == .municipalUnit }.count == 5)
        #expect(p.status == .published && demo.draft.status == .draft)
        #expect(p.actions.allSatisfy { demo.reference.unit($0.responsibleUnitID) != nil })
        #expect(p.actions.filter { $0.fundedAmount != $0.cost }.map(\.code) == ["1.4.1.02"])
        #expect(Set(p.actions.flatMap { $0.fundingLines.map(\.sourceID) }).count >= 8)
        #expect(p.actions.filter { !$0.milestones.isEmpty }.count >= 60)
        // Two full years of values: yearly indicators once a year, quarterly ones each quarter.
        #expect(p.indicators.allSatisfy { i in [2024, 2025].allSatisfy { y in i.measurements.contains { $0.period.year == y } } })
        #expect(p.indicators.filter { $0.frequency == .quarterly }.allSatisfy { $0.measurements.count >= 10 })
        #expect(p.indicators.filter { $0.targets.count != 5 }.map(\.code) == ["Δ52"])
        #expect(!p.progressUpdates.isEmpty)
    }

    @Test func theDemoCarriesItsLabelledFindingsAndNothingElse() {
        let demo = KilelerDemo.build()
        let findings = demo.programme.check(reference: demo.reference)
        #expect(findings.map { "\($0.rule) \($0.code)" }.sorted() == KilelerDemo.deliberateFindings.map { "\($0.0) \($0.1)" }.sorted())
        // Each is said to be deliberate in the item's own text.
        let p = demo.programme
        for finding in findings {
            let text: String
            switch finding.place {
            case .action: text = p.action(finding.entityID)?.description ?? ""
            case .objective: text = p.objective(finding.entityID)?.description ?? ""
            case .indicator: text = p.indicators.first { $0.id == finding.entityID }?.dataSource ?? ""
            default: text = ""
            }
            #expect(GreekText.matches(text, query: "σκόπιμο εύρημα της επίδειξης"), "\(finding.rule) \(finding.code)")
        }
    }

    @Test func demoIsTheSameOnEveryBuild() {
        #expect(KilelerDemo.build().programme == KilelerDemo.build().programme)
    }

    @Test func searchFindsKilelerHoweverItIsTyped() {
        let p = KilelerDemo.build().programme
        let hits = ["κιλελερ", "ΚΙΛΕΛΕΡ", "Κιλελέρ"].map { query in
            p.actions.filter { GreekText.matches($0.title + " " + $0.description, query: query) }.map(\.id)
        }
        #expect(!hits[0].isEmpty)
        #expect(hits[0] == hits[1] && hits[1] == hits[2])
    }
}
