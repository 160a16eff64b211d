import Fluent
import Foundation
@testable import OramaApp
@testable import OramaDomain
import OramaInterchange
import Testing
import VaporTesting

@Suite("Παρακολούθηση: αναφορές, πίνακες, εκτέλεση προϋπολογισμού", .serialized)
struct MonitoringRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    @Test func theDemosExecutionFileMatchesItsActions() throws {
        let demo = KilelerDemo.build()
        let lines = try BudgetExecutionImport.parse(Data(KilelerDemo.budgetExecutionCSV(demo.programme, year: 2025).utf8)).get()
        let matching = BudgetExecutionImport.match(lines, to: demo.programme.actions)
        #expect(matching.unmatched.map(\.code).sorted() == ["00.6111.0001", "10.6011.0001", "20.6211.0001"])
        let funded = demo.programme.actions.filter { !$0.funding(in: 2025).isZero }
        #expect(Set(matching.byAction.keys) == Set(funded.map(\.id)))
        for action in funded { #expect(matching.byAction[action.id]?.first?.budgeted == action.funding(in: 2025)) }
    }

    @Test func aMalformedExecutionFileIsRefusedWithRowAndColumnAndChangesNothing() async throws {
        try await withWorkspace { f in
            let store = BudgetExecutionStore(db: f.app.db)
            let before = try await store.lines(organisationID: f.reference.organisation.id, year: 2025)
            #expect(!before.isEmpty)
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.execution(f.programme.id, year: 2025).path)
            let bad = "ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\r\n25.1;Έργο;1.000,00;abc;0\r\n"
            let response = try await Self.upload(planner, f, year: "2025", file: bad)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Γραμμή 2, στήλη «Δεσμευθέντα»"))
            #expect(try await store.lines(organisationID: f.reference.organisation.id, year: 2025) == before)

            let good = "ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\r\n\(f.programme.actions[0].budgetLines[0]);Έργο;1.000,00;500,00;100,00\r\n"
            #expect(try await Self.upload(planner, f, year: "2025", file: good).status == .seeOther)
            #expect(try await store.lines(organisationID: f.reference.organisation.id, year: 2025).count == 1)
            let page = try await planner.get(SiteURL.execution(f.programme.id, year: 2025).path).body.string
            #expect(page.contains("100,00") && page.contains(f.programme.actions[0].title))

            let reviewer = try await f.browser(as: "reviewer@test.gr")
            try await reviewer.get(SiteURL.execution(f.programme.id, year: 2025).path)
            #expect(try await Self.upload(reviewer, f, year: "2025", file: good).status == .forbidden)
        }
    }

    static func upload(_ browser: TestBrowser, _ f: WorkspaceFixture, year: String, file: String) async throws -> TestingHTTPResponse {
        let boundary = "----orama-test"
        var body = ""
        for (name, value) in [("_csrf", browser.csrf ?? ""), ("year", year)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"execution.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        if let cookie = browser.cookie { headers.add(name: .cookie, value: cookie) }
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await f.app.testing().sendRequest(.POST, SiteURL.execution(f.programme.id, year: nil).path, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func aUnitHeadReportsAndTheDashboardReflectsIt() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            let due = try await head.get(SiteURL.due(f.programme.id).path)
            #expect(due.status == .ok)
            let action = try #require(f.programme.actions.first { $0.responsibleUnitID == f.social.id && $0.schedule?.runs(in: 2026) == true })
            let period = "2026-Q3"
            try await head.get(SiteURL.progress(f.programme.id, action.id, period: period).path)
            var fields: [(String, String)] = [("period", period), ("status", "delayed"), ("physicalProgress", "12"), ("spent", "1.000,00"), ("comment", "Καθυστέρηση προμηθευτή")]
            let first = try await head.post(SiteURL.progress(f.programme.id, action.id, period: nil).path, fields)
            // The demo already has a report for 2026-Q3, an ended quarter: a correction needs a reason.
            #expect(first.status == .unprocessableEntity)
            #expect(first.body.string.contains("για διόρθωση γράψτε τον λόγο"))
            fields.append(("reason", "λάθος ποσοστό"))
            #expect(try await head.post(SiteURL.progress(f.programme.id, action.id, period: nil).path, fields).status == .seeOther)
            let stored = try await f.stored()
            let update = try #require(stored.progressUpdate(of: action.id, in: ReportingPeriod(year: 2026, quarter: 3)))
            #expect(update.physicalProgress == 12 && update.status == .delayed && update.comment.contains("Διόρθωση (λάθος ποσοστό)"))

            // The dashboard shows the domain's own roll-up.
            let planner = try await f.browser(as: "planner@test.gr")
            let dashboard = try await planner.get(SiteURL.dashboard(f.programme.id).path).body.string
            #expect(dashboard.contains(Format.percent(stored.progressRollup().progress)))
            let axis = stored.axes.first { $0.measures.contains { $0.objectives.contains { $0.actions.contains { $0.id == action.id } } } }!
            let explained = try await planner.get(SiteURL.rollup(f.programme.id, node: axis.id).path).body.string
            #expect(explained.contains(Format.percent(stored.progressRollup().find(axis.id)?.progress)))

            // A head cannot report for another unit's action, nor into a locked period.
            #expect(try await head.post(SiteURL.progress(f.programme.id, f.technicalAction.id, period: nil).path, fields).status == .forbidden)
            try await planner.get(SiteURL.reporting(f.programme.id).path)
            #expect(try await planner.post(SiteURL.reporting(f.programme.id).path + "/lock", [("period", period), ("lock", "on")]).status == .seeOther)
            let locked = try await head.post(SiteURL.progress(f.programme.id, action.id, period: nil).path, fields)
            #expect(locked.status == .unprocessableEntity && locked.body.string.contains("κλειδωθεί"))
        }
    }

    @Test func indicatorValuesAndPages() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            let indicator = try #require(f.programme.indicators.first { $0.responsibleUnitID == f.social.id && $0.frequency == .annual })
            try await head.get(SiteURL.values(f.programme.id, indicator.id, period: "2026").path)
            let bad = try await head.post(SiteURL.values(f.programme.id, indicator.id, period: nil).path, [("period", "2027"), ("value", "10")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("δεν έχει αρχίσει"))
            let negative = try await head.post(SiteURL.values(f.programme.id, indicator.id, period: nil).path, [("period", "2026"), ("value", "-4")])
            #expect(negative.status == .unprocessableEntity)
            #expect(try await head.post(SiteURL.values(f.programme.id, indicator.id, period: nil).path, [("period", "2026"), ("value", "32,5")]).status == .seeOther)
            #expect(try await f.stored().indicators.first { $0.id == indicator.id }?.actual(in: 2026) == 32.5)
            let visitor = try await f.browser(as: nil)
            let page = try await visitor.get(SiteURL.indicator(f.programme.id, indicator.id).path)
            #expect(page.status == .ok && page.body.string.contains("<svg") && page.body.string.contains("32,5"))
            let report = try await visitor.get(SiteURL.evaluation(f.programme.id, year: 2025).path)
            #expect(report.status == .ok && report.body.string.contains("Έκθεση Αξιολόγησης 2025"))
        }
    }

    @Test func aUnitHeadsHomeIsWhatIsDueAndDashboardsNarrowByUnitAndPlace() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            let home = try await head.get("/").body.string
            #expect(home.contains("Τι εκκρεμεί από την υπηρεσία σας"))
            let stored = try await f.stored()
            let items = stored.dueItems(units: [f.social.id], calendar: stored.reportingCalendar, today: CalendarDate(Date()))
            #expect(home.contains("Εκκρεμείς αναφορές: \(items.count) · εκπρόθεσμες: \(items.filter(\.isLate).count)."))

            let visitor = try await f.browser(as: nil)
            let unitPage = try await visitor.get(SiteURL.dashboard(f.programme.id).path + "?unit=\(f.social.id.uuidString)").body.string
            let actions = stored.actions.filter { $0.responsibleUnitID == f.social.id }
            let rollup = stored.progressRollup()
            let nodes = actions.compactMap { rollup.find($0.id) }
            let expected = nodes.map(\.weightedSum).reduce(0, +) / nodes.map(\.weight).reduce(0, +)
            #expect(unitPage.contains("Πίνακας παρακολούθησης: \(f.social.name)"))
            #expect(unitPage.contains(Format.percent(expected)))
            #expect(actions.allSatisfy { unitPage.contains($0.title) })

            let krannona = f.reference.localities.first { $0.name == "Κραννώνα" && $0.kind == .municipalUnit }!
            let placePage = try await visitor.get(SiteURL.dashboard(f.programme.id).path + "?locality=\(krannona.id.uuidString)").body.string
            #expect(placePage.contains("Κραννώνα"))
            #expect(placePage.contains("Κεντρικός αγωγός ύδρευσης Κραννώνα – Μαυροβουνίου"), "an action in one of its communities")
            #expect(try await visitor.get(SiteURL.dashboard(f.programme.id).path + "?unit=\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test func remindersGoToTheOutbox() async throws {
        try await withWorkspace { f in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orama-outbox-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let files = try await Reminders.write(from: f.app.repositories, today: CalendarDate(year: 2026, month: 11, day: 26), to: folder)
            #expect(!files.isEmpty)
            let text = try String(contentsOf: files[0], encoding: .utf8)
            #expect(text.contains("To: ") && text.contains("Content-Type: text/plain; charset=UTF-8"))
            #expect(text.contains("προθεσμία"))
        }
    }
}
