import Foundation
@testable import OramaApp
import OramaDomain
import Testing

/// Compares rendered pages with the HTML kept in `__Snapshots__/`. A missing snapshot is
/// written and the test fails once, so a new page is looked at before it is accepted;
/// `ORAMA_RECORD_SNAPSHOTS=1` rewrites them all after an intended change.
func assertSnapshot(_ html: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent("\(name).html")
    // One element per line keeps the stored snapshots readable and their diffs small.
    let pretty = html.replacingOccurrences(of: "><", with: ">\n<")
    let record = ProcessInfo.processInfo.environment["ORAMA_RECORD_SNAPSHOTS"] == "1"
    guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try pretty.write(to: file, atomically: true, encoding: .utf8)
        if !record { Issue.record("Νέο στιγμιότυπο γράφτηκε στο \(file.path)· ελέγξτε το και ξανατρέξτε.", sourceLocation: sourceLocation) }
        return
    }
    if stored != pretty {
        let storedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = pretty.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(storedLines, newLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(storedLines.count, newLines.count)
        let was = first < storedLines.count ? String(storedLines[first]) : "(τέλος)"
        let now = first < newLines.count ? String(newLines[first]) : "(τέλος)"
        Issue.record("Η σελίδα «\(name)» άλλαξε στη γραμμή \(first + 1):\n  ήταν: \(was)\n  τώρα: \(now)", sourceLocation: sourceLocation)
    }
}

@Suite("Στιγμιότυπα σελίδων")
struct PageSnapshotTests {
    let demo = KilelerDemo.build()

    var loaded: LoadedProgramme {
        let p = demo.programme
        let summary = ProgrammeSummary(id: p.id, organisationID: p.organisationID, title: p.title, startYear: p.startYear, endYear: p.endYear,
                                       status: p.status, version: p.version, changeCounter: 1)
        return LoadedProgramme(summary: summary, programme: p, reference: demo.reference)
    }

    var planner: UserAccount {
        UserAccount(id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, email: "planner@kileler.example.gr", name: "Μαρία Οικονόμου",
                    role: .planner, organisationID: demo.reference.organisation.id, unitIDs: [])
    }

    func context(_ path: String, user: UserAccount? = nil) -> PageContext {
        PageContext(language: .el, user: user, csrf: user == nil ? "" : "CSRF-TOKEN", path: path, today: CalendarDate(year: 2026, month: 11, day: 26))
    }

    @Test func home() throws {
        let page = HomePage(context: context("/"), programmes: [(loaded.summary, demo.reference.organisation.name)], canCreate: false)
        try assertSnapshot(page.render(), named: "home")
    }

    @Test func programmeAsThePublicSeesIt() throws {
        let page = ProgrammePage(context: context(SiteURL.programme(loaded.id).path), loaded: loaded, access: Access(user: nil))
        try assertSnapshot(page.render(), named: "programme-public")
    }

    @Test func programmeAsThePlannerSeesIt() throws {
        let page = ProgrammePage(context: context(SiteURL.programme(loaded.id).path, user: planner), loaded: loaded, access: Access(user: planner))
        try assertSnapshot(page.render(), named: "programme-planner")
    }

    @Test func action() throws {
        let action = demo.programme.actions[0]
        let page = ActionPage(context: context(SiteURL.action(loaded.id, action.id).path), loaded: loaded, action: action, access: Access(user: nil), comments: [])
        try assertSnapshot(page.render(), named: "action")
    }

    @Test func actionForm() throws {
        let action = demo.programme.actions[0]
        let form = ActionForm(action, objective: demo.programme.objectives[0].id, base: Fingerprint.of(action))
        let page = ActionFormPage(context: context(SiteURL.editAction(loaded.id, action.id).path, user: planner), loaded: loaded, actionID: action.id,
                                  form: form, errors: FieldErrors(), conflict: nil, canMove: true)
        try assertSnapshot(page.render(), named: "action-form")
    }

    @Test func indicatorForm() throws {
        let indicator = demo.programme.indicators[0]
        let page = IndicatorFormPage(context: context(SiteURL.editIndicator(loaded.id, indicator.id).path, user: planner), loaded: loaded, indicatorID: indicator.id,
                                     form: IndicatorController.form(from: indicator, base: "base"), errors: FieldErrors(), conflict: nil)
        try assertSnapshot(page.render(), named: "indicator-form")
    }

    @Test func strategicPlan() throws {
        let page = StrategyPage(context: context(SiteURL.strategy(loaded.id).path), loaded: loaded,
                                form: StrategyController.form(from: demo.programme.strategicPlan, axes: demo.programme.axes), errors: FieldErrors(), conflict: nil, canEdit: false)
        try assertSnapshot(page.render(), named: "strategic-plan")
    }

    @Test func unitActionPlan() throws {
        let unit = demo.reference.units.first { $0.code == "ΤΚΠ" }!
        let page = ActionPlanPage(context: context(SiteURL.actionPlan(loaded.id, unit: unit.id).path), loaded: loaded, unit: unit)
        try assertSnapshot(page.render(), named: "action-plan")
    }

    @Test func search() throws {
        let page = SearchPage(context: context(SiteURL.search(loaded.id, query: "κιλελερ").path), loaded: loaded, query: "κιλελερ",
                              hits: demo.programme.search("κιλελερ"))
        try assertSnapshot(page.render(), named: "search")
    }

    @Test func signIn() throws {
        let page = SignInPage(context: PageContext(language: .el, csrf: "CSRF-TOKEN", path: "/signin", today: CalendarDate(year: 2026, month: 11, day: 26)), email: "", back: "/", error: nil)
        try assertSnapshot(page.render(), named: "signin")
    }

    @Test func schedule() throws {
        let page = SchedulePage(context: context(SiteURL.schedule(loaded.id, by: "axis").path), loaded: loaded, by: "axis", today: CalendarDate(year: 2026, month: 11, day: 26))
        try assertSnapshot(page.render(), named: "schedule")
    }

    @Test func finance() throws {
        let page = FinancePage(context: context(SiteURL.finance(loaded.id, by: "axis").path), loaded: loaded,
                               table: demo.programme.fundingTable(by: .axis, reference: demo.reference))
        try assertSnapshot(page.render(), named: "finance")
    }

    @Test func annualProgramme() throws {
        let page = AnnualPage(context: context(SiteURL.annual(loaded.id, year: 2025).path), loaded: loaded,
                              annual: demo.programme.annualProgramme(year: 2025, reference: demo.reference), approval: nil, showingLive: true, canApprove: false)
        try assertSnapshot(page.render(), named: "annual-2025")
    }

    @Test func checks() throws {
        let page = ChecksPage(context: context(SiteURL.checks(loaded.id).path, user: planner), loaded: loaded,
                              findings: demo.programme.check(reference: demo.reference))
        try assertSnapshot(page.render(), named: "checks")
    }

    @Test func dashboard() throws {
        let page = DashboardPage(context: context(SiteURL.dashboard(loaded.id).path), loaded: loaded, figures: DashboardFigures(demo.programme, year: 2025))
        try assertSnapshot(page.render(), named: "dashboard")
    }

    @Test func indicatorTrend() throws {
        let indicator = demo.programme.indicators[0]
        let page = IndicatorPage(context: context(SiteURL.indicator(loaded.id, indicator.id).path), loaded: loaded, indicator: indicator, canReport: false)
        try assertSnapshot(page.render(), named: "indicator")
        // Who entered each value is not for the public; the municipality's own people see it.
        let names = Set(indicator.measurements.map(\.recordedBy))
        #expect(!names.isEmpty && names.allSatisfy { !page.render().contains($0) }, "\(names)")
        let inside = IndicatorPage(context: context(SiteURL.indicator(loaded.id, indicator.id).path, user: planner), loaded: loaded, indicator: indicator, canReport: false)
        #expect(names.allSatisfy { inside.render().contains($0) })
    }

    @Test func evaluationReport() throws {
        let page = EvaluationPage(context: context(SiteURL.evaluation(loaded.id, year: 2025).path), loaded: loaded, year: 2025)
        try assertSnapshot(page.render(), named: "evaluation-2025")
    }

    @Test func englishSwitch() throws {
        let page = HomePage(context: PageContext(language: .en, path: "/", today: CalendarDate(year: 2026, month: 11, day: 26)), programmes: [(loaded.summary, demo.reference.organisation.name)], canCreate: false)
        let html = page.render()
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Operational Programmes"))
        #expect(html.contains("Ελληνικά"))
    }

    /// English mode translates the domain's labels too, not only the chrome: an action's kind,
    /// nature, priority, maturity, schedule and place, and a programme's status.
    @Test func englishTranslatesTheDomainLabels() throws {
        let action = try #require(demo.programme.actions.first { !$0.localityIDs.isEmpty && $0.schedule != nil })
        let context = PageContext(language: .en, path: SiteURL.action(loaded.id, action.id).path, today: CalendarDate(year: 2026, month: 11, day: 26))
        let html = ActionPage(context: context, loaded: loaded, action: action, access: Access(user: nil), comments: []).render()
        for (greek, english) in [(action.kind.greek, action.kind.label(.en)), (action.nature.greek, action.nature.label(.en)),
                                 (action.priority.greek, action.priority.label(.en)), (action.maturity.greek, action.maturity.label(.en))] {
            #expect(html.contains("<dd>\(english)") && !html.contains("<dd>\(greek)"), "\(greek) → \(english)")
        }
        #expect(html.contains("Q\(action.schedule!.start.quarter) \(action.schedule!.start.year)"))
        let place = try #require(demo.reference.locality(action.localityIDs[0]))
        #expect(html.contains(place.heading(.en)) && !html.contains(place.heading))
        let status = ProgrammePage(context: context, loaded: loaded, access: Access(user: nil)).render()
        #expect(status.contains("Published") && !status.contains("Δημοσιευμένο"))
    }
}
