import Fluent
import Foundation
@testable import OramaApp
import OramaDomain
import OramaInterchange
import Testing
import VaporTesting

/// The approval path over HTTP: each step taken by the planning office with what the law
/// needs, refused out of order or without it, audited, public with its decisions; a
/// revision's publication supersedes the version before it.
@Suite("Πορεία έγκρισης", .serialized)
struct ApprovalRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    /// Noon in Athens on a day of 2026.
    static func noon(_ day: Int, _ month: Int) -> Date {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour) = (2026, month, day, 10)
        c.timeZone = TimeZone(identifier: "UTC")
        return Calendar(identifier: .gregorian).date(from: c)!
    }

    static func record(_ planner: TestBrowser, _ f: WorkspaceFixture, programme: UUID, body: String, act: String, number: String, date: String,
                       ada: String = "") async throws -> UUID {
        try await planner.get(SiteURL.decisions(programme).path)
        let made = try await DecisionsRouteTests.post(planner, f, programme: programme,
                                                      fields: [("body", body), ("act", act), ("number", number), ("date", date),
                                                               ("subject", "Απόφαση \(number)"), ("ada", ada)], file: nil)
        #expect(made.status == .seeOther, "decision \(number): \(made.body.string.prefix(300))")
        let stored = try await f.app.repositories.decisions.decisions(programmeID: programme)
        return try #require(stored.first { $0.number == number }).id
    }

    func status(_ f: WorkspaceFixture, _ id: UUID) async throws -> Programme.Status? {
        try await f.app.repositories.programmes.summary(id)?.status
    }

    @Test func aRevisionWalksThePathAndSupersedesTheVersionBefore() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let r = f.draft.id
            let path = SiteURL.approvalPath(r).path
            func step(_ s: ApprovalStep, _ fields: [(String, String)] = []) async throws -> TestingHTTPResponse {
                try await planner.get(path)
                return try await planner.post(SiteURL.takeStep(r, step: s.rawValue).path, fields)
            }
            f.app.clock = .fixed(Self.noon(12, 11))
            #expect(try await planner.get(path).body.string.contains("Επόμενο βήμα"))

            // Out of order: publishing a draft, opening the consultation before Phase A.
            let early = try await step(.publish)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("Βʹ Φάση"))
            #expect(try await step(.openConsultation, [("consultationStart", "13/11/2026"), ("consultationEnd", "27/11/2026")]).status == .unprocessableEntity)
            #expect(try await status(f, r) == .draft)

            // Phase A: the council's decision, chosen on the path page.
            let phaseA = try await Self.record(planner, f, programme: r, body: "council", act: "phaseA", number: "150/2026", date: "10/11/2026", ada: "ΨΔ44ΩΕΝ-Ο7Ω")
            let noDecision = try await step(.approvePhaseA)
            #expect(noDecision.status == .unprocessableEntity && noDecision.body.string.contains("Επιλέξτε την απόφαση"))
            #expect(try await step(.approvePhaseA, [("decision", phaseA.uuidString)]).status == .seeOther)
            #expect(try await status(f, r) == .phaseAApproved)

            // The consultation: its days, public once open.
            #expect(try await step(.openConsultation, [("consultationStart", "13/11/2026"), ("consultationEnd", "12/11/2026")]).status == .unprocessableEntity)
            #expect(try await step(.openConsultation, [("consultationStart", "13/11/2026"), ("consultationEnd", "27/11/2026")]).status == .seeOther)
            #expect(try await status(f, r) == .consultation)
            let anonymous = try await f.browser(as: nil)
            let publicPath = try await anonymous.get(path)
            #expect(publicPath.status == .ok && publicPath.body.string.contains("13/11/2026") && publicPath.body.string.contains("ΨΔ44ΩΕΝ-Ο7Ω"))
            #expect(!publicPath.body.string.contains("Σχεδιαστής"), "no staff names on a public page")

            // Phase B: not while the consultation runs, not without the committee's opinion.
            f.app.clock = .fixed(Self.noon(20, 11))
            let phaseBEarly = try await Self.record(planner, f, programme: r, body: "council", act: "phaseB", number: "160/2026", date: "19/11/2026")
            let running = try await step(.approvePhaseB, [("decision", phaseBEarly.uuidString)])
            #expect(running.status == .unprocessableEntity && running.body.string.contains("δεν έχει λήξει"))
            f.app.clock = .fixed(Self.noon(3, 12))
            let phaseB = try await Self.record(planner, f, programme: r, body: "council", act: "phaseB", number: "170/2026", date: "02/12/2026")
            let noOpinion = try await step(.approvePhaseB, [("decision", phaseB.uuidString)])
            #expect(noOpinion.status == .unprocessableEntity && noOpinion.body.string.contains("Επιτροπής Διαβούλευσης"))
            _ = try await Self.record(planner, f, programme: r, body: "consultationCommittee", act: "committeeOpinion", number: "4/2026", date: "30/11/2026")
            #expect(try await step(.approvePhaseB, [("decision", phaseB.uuidString)]).status == .seeOther)
            #expect(try await status(f, r) == .approved)
            #expect(try await status(f, f.programme.id) == .published, "the version before stays in force until the revision is published")

            // Publication: the revision is public, the version before superseded.
            let inForce = try #require(try await ProgrammeRepository(db: f.app.db).load(f.programme.id))
            let ownReports = try #require(try await ProgrammeRepository(db: f.app.db).load(r)).progressUpdates.count
            #expect(try await step(.publish).status == .seeOther)
            #expect(try await status(f, r) == .published)
            #expect(try await status(f, f.programme.id) == .superseded)
            let old = try await anonymous.get(SiteURL.approvalPath(f.programme.id).path)
            #expect(old.status == .ok && old.body.string.contains(SiteURL.approvalPath(r).path) && old.body.string.contains("Αντικατεστάθη"))
            let steps = try await f.app.repositories.approvals.steps(programmeID: r)
            #expect(steps.map(\.step) == ApprovalStep.allCases)
            #expect(steps.map(\.date) == [CalendarDate(year: 2026, month: 11, day: 10), CalendarDate(year: 2026, month: 11, day: 13),
                                          CalendarDate(year: 2026, month: 12, day: 2), CalendarDate(year: 2026, month: 12, day: 3)])

            // Each step is in the audit log, and the supersession in the earlier version's.
            let audit = try await AuditLog(db: f.app.db).entries(programmeID: r, limit: 10_000)
            #expect(audit.filter { $0.entity == "step" }.count == 4)
            let earlier = try await AuditLog(db: f.app.db).entries(programmeID: f.programme.id, limit: 5)
            #expect(earlier.contains { $0.entity == "programme" && $0.changes.contains("superseded") })

            // The revision goes on with the history of the actions and indicators it carries on.
            let revised = try #require(try await ProgrammeRepository(db: f.app.db).load(r))
            let origins = try await f.app.repositories.approvals.origins(of: r)
            var successor: [UUID: UUID] = [:]
            for (part, origin) in origins { successor[origin] = part }
            let carried = inForce.progressUpdates.filter { successor[$0.actionID].map { id in revised.actions.contains { $0.id == id } } ?? false }
            #expect(!carried.isEmpty, "the demo's programme in force has progress to carry")
            #expect(revised.progressUpdates.count == carried.count + ownReports)
            for action in inForce.actions {
                guard let latest = inForce.latestProgress(of: action.id), let next = successor[action.id] else { continue }
                let now = try #require(revised.latestProgress(of: next), "\(action.title)")
                #expect((now.date, now.physicalProgress, now.comment) == (latest.date, latest.physicalProgress, latest.comment))
                #expect(now.id != latest.id)
            }
            let values = { (p: Programme) in p.indicators.reduce(0) { $0 + $1.measurements.count } }
            #expect(values(inForce) > 0 && values(revised) >= values(inForce) - inForce.indicators.filter { successor[$0.id] == nil }.reduce(0) { $0 + $1.measurements.count })
            let copied = try await AuditLog(db: f.app.db).entries(programmeID: r, limit: 10_000)
            #expect(copied.filter { $0.entity == "progressUpdate" && $0.operation == "create" }.count >= carried.count)
            #expect(try await ProgrammeRepository(db: f.app.db).load(f.programme.id)?.progressUpdates.count == inForce.progressUpdates.count,
                    "the superseded version keeps its own")
        }
    }

    @Test func onlyThePlanningOfficeTakesSteps() async throws {
        try await withWorkspace { f in
            let r = f.draft.id
            for email in ["social@test.gr", "reviewer@test.gr"] {
                let browser = try await f.browser(as: email)
                try await browser.get(SiteURL.approvalPath(r).path)
                #expect(try await browser.post(SiteURL.takeStep(r, step: "publish").path, []).status == .forbidden, "\(email)")
                #expect(try await browser.post(SiteURL.revise(f.programme.id).path, []).status == .forbidden, "\(email)")
            }
            let anonymous = try await f.browser(as: nil)
            #expect(try await anonymous.get(SiteURL.approvalPath(r).path).status == .notFound, "a draft's path is not public")
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.approvalPath(r).path)
            #expect(try await planner.post(SiteURL.takeStep(r, step: "veto").path, []).status == .notFound)
            #expect(try await status(f, r) == .draft)
        }
    }

    @Test func theSettingsFormNoLongerSetsTheStatus() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let page = try await planner.get(SiteURL.settings(f.draft.id).path)
            #expect(!page.body.string.contains("name=\"status\"") && page.body.string.contains(SiteURL.approvalPath(f.draft.id).path))
            let base = try #require(page.body.string.range(of: "name=\"base\" value=\"").map { page.body.string[$0.upperBound...].prefix { $0 != "\"" } })
            let saved = try await planner.post(SiteURL.settings(f.draft.id).path,
                                               [("title", f.draft.title), ("startYear", "2024"), ("endYear", "2028"), ("status", "published"),
                                                ("note", ""), ("reportingFrequency", "quarterly"), ("reportingDueDays", "15"), ("base", String(base))])
            #expect(saved.status == .seeOther)
            #expect(try await status(f, f.draft.id) == .draft)
        }
    }

    @Test func aPublishedProgrammeIsRevisedOnceAtATime() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.approvalPath(f.draft.id).path)
            let fromDraft = try await planner.post(SiteURL.revise(f.draft.id).path, [])
            #expect(fromDraft.status == .unprocessableEntity && fromDraft.body.string.contains("δημοσιευμένο"))
            // The demo already holds a revision in preparation: a second is not started beside it.
            try await planner.get(SiteURL.approvalPath(f.programme.id).path)
            let again = try await planner.post(SiteURL.revise(f.programme.id).path, [])
            #expect(again.status == .seeOther && again.headers.first(name: .location) == SiteURL.approvalPath(f.draft.id).path)
            #expect(try await f.app.repositories.approvals.revisions(of: f.programme.id) == [f.draft.id])
            let origins = try await f.app.repositories.approvals.origins(of: f.draft.id)
            let action = f.programme.actions[0]
            let copy = try #require(f.draft.actions.first { origins[$0.id] == action.id })
            #expect(copy.title == action.title)
            #expect(try await f.app.repositories.approvals.previous(of: f.draft.id) == f.programme.id)
        }
    }

    @Test func theDemoProgrammeTookThePath() async throws {
        try await withWorkspace { f in
            let steps = try await f.app.repositories.approvals.steps(programmeID: f.programme.id)
            #expect(steps.map(\.step) == ApprovalStep.allCases)
            let anonymous = try await f.browser(as: nil)
            let page = try await anonymous.get(SiteURL.approvalPath(f.programme.id).path)
            #expect(page.status == .ok && page.body.string.contains("18/2024") && page.body.string.contains("41/2024")
                    && page.body.string.contains("03/02/2024"))
        }
    }

    @Test func theChangesOfARevisionAsAPageAndAnAnnex() async throws {
        try await withWorkspace { f in
            var draft = try #require(try await f.app.repositories.programmes.load(f.draft.id))
            let target = draft.actions[2]
            _ = draft.editAction(target.id) { $0.title = "Ανακατασκευή με νέο τίτλο" }
            try await f.app.repositories.programmes.save(draft, expecting: draft.changeCounter, actor: Actor(name: "Δοκιμή"))
            let planner = try await f.browser(as: "planner@test.gr")
            let page = try await planner.get(SiteURL.changes(f.draft.id).path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Ανακατασκευή με νέο τίτλο") && html.contains(target.title) && html.contains("1 τροποποίηση"))
            #expect(html.contains("0 νέες δράσεις"))
            let docx = try await planner.get(SiteURL.changesDocument(f.draft.id, format: "docx").path)
            #expect(docx.status == .ok && docx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            let parts = try ZipPackage.read(Data(buffer: docx.body), only: ["word/document.xml"])
            let xml = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
            #expect(xml.contains("Πίνακας μεταβολών") && xml.contains("Ανακατασκευή με νέο τίτλο"))
            #expect(try await planner.get(SiteURL.changesDocument(f.draft.id, format: "pdf").path).status == .notFound)
            // A draft revision's changes are not public; a programme that revises nothing has none.
            let anonymous = try await f.browser(as: nil)
            #expect(try await anonymous.get(SiteURL.changes(f.draft.id).path).status == .notFound)
            let none = try await planner.get(SiteURL.changes(f.programme.id).path)
            #expect(none.status == .notFound && none.body.string.contains("δεν είναι αναθεώρηση"))
        }
    }
}
