import Fluent
import Foundation
@testable import OramaApp
import OramaDomain
import OramaInterchange
import Testing
import VaporTesting

/// The public consultation over HTTP: a citizen's comment confirmed through the e-mailed
/// link, shown only once the office has published it, answered; refused after the end date,
/// throttled per address, robots' comments dropped; the report for the council.
@Suite("Δημόσια διαβούλευση", .serialized)
struct ConsultationRouteTests {
    /// The demo's revision with its consultation open from 13/11/2026 to 27/11/2026, and the
    /// outbox where the server keeps the e-mails it could not send.
    func withConsultation(_ database: DatabaseChoice = TestDatabase.sqliteFile(), _ body: (WorkspaceFixture, URL) async throws -> Void) async throws {
        try await withApp(database) { app in
            let f = try await WorkspaceFixture.make(app)
            let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("orama-outbox-\(UUID().uuidString)")
            app.mailOutbox = outbox
            defer { try? FileManager.default.removeItem(at: outbox) }
            let planner = try await f.browser(as: "planner@test.gr")
            app.clock = .fixed(ApprovalRouteTests.noon(12, 11))
            let phaseA = try await ApprovalRouteTests.record(planner, f, programme: f.draft.id, body: "council", act: "phaseA", number: "150/2026", date: "10/11/2026")
            try await planner.get(SiteURL.approvalPath(f.draft.id).path)
            #expect(try await planner.post(SiteURL.takeStep(f.draft.id, step: "approvePhaseA").path, [("decision", phaseA.uuidString)]).status == .seeOther)
            try await planner.get(SiteURL.approvalPath(f.draft.id).path)
            #expect(try await planner.post(SiteURL.takeStep(f.draft.id, step: "openConsultation").path,
                                           [("consultationStart", "13/11/2026"), ("consultationEnd", "27/11/2026")]).status == .seeOther)
            app.clock = .fixed(ApprovalRouteTests.noon(15, 11))
            try await body(f, outbox)
        }
    }

    static func comment(_ browser: TestBrowser, _ p: UUID, email: String = "maria@example.gr", text: String = "Να προστεθεί πεζόδρομος στην κεντρική πλατεία.",
                        part: String = "", website: String = "") async throws -> TestingHTTPResponse {
        try await browser.get(SiteURL.consultation(p, part: nil).path)
        return try await browser.post(SiteURL.consultation(p, part: nil).path,
                                      [("part", part), ("name", "Μαρία Παπαδοπούλου"), ("email", email), ("text", text), ("website", website)])
    }

    /// The confirmation token of the one e-mail sent for `comment`.
    static func token(in outbox: URL, for comment: UUID) throws -> String {
        let mail = try String(contentsOf: outbox.appendingPathComponent("comment-\(comment.uuidString).eml"), encoding: .utf8)
        let marker = "/consultation/confirm/"
        let start = try #require(mail.range(of: marker)).upperBound
        return String(mail[start...].prefix { !$0.isWhitespace })
    }

    @Test func aCommentIsConfirmedModeratedAndAnswered() async throws {
        try await withConsultation { f, outbox in
            let p = f.draft.id
            let citizen = try await f.browser(as: nil)
            let page = try await citizen.get(SiteURL.consultation(p, part: nil).path)
            #expect(page.status == .ok && page.body.string.contains("comment-form") && page.body.string.contains("27/11/2026"))
            let part = f.draft.axes[0].measures[0]
            let sent = try await Self.comment(citizen, p, part: part.id.uuidString)
            #expect(sent.status == .seeOther)
            let stored = try await f.app.repositories.publicComments.comments(programmeID: p)
            let comment = try #require(stored.first)
            #expect(stored.count == 1 && comment.confirmedAt == nil && comment.moderation == .pending && comment.subjectLabel.hasPrefix("Μέτρο 1.1"))
            let mail = try String(contentsOf: outbox.appendingPathComponent("comment-\(comment.id.uuidString).eml"), encoding: .utf8)
            #expect(mail.contains("To: maria@example.gr") && mail.contains("Να προστεθεί πεζόδρομος"))

            // Not public before it is confirmed, and the office cannot publish it yet.
            #expect(!(try await citizen.get(SiteURL.consultation(p, part: nil).path)).body.string.contains("πεζόδρομος"))
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.publicComments(p).path)
            let early = try await planner.post(SiteURL.moderateComment(p, comment.id).path, [("moderation", "published"), ("answer", ""), ("outcome", ""), ("reason", "")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("δεν έχει επιβεβαιωθεί"))

            // The link: a page with a button (a mail scanner opening it confirms nothing), then the confirmation.
            let token = try Self.token(in: outbox, for: comment.id)
            let confirmPage = try await citizen.get(SiteURL.confirmComment(token: token).path)
            #expect(confirmPage.status == .ok && confirmPage.body.string.contains("πεζόδρομος"))
            #expect(try await f.app.repositories.publicComments.comment(comment.id, programmeID: p)?.confirmedAt == nil)
            #expect(try await citizen.post(SiteURL.confirmComment(token: token).path, []).status == .ok)
            #expect(try await f.app.repositories.publicComments.comment(comment.id, programmeID: p)?.confirmedAt != nil)
            #expect(try await citizen.get(SiteURL.confirmComment(token: "orama_wrong").path).status == .notFound)
            #expect(!(try await citizen.get(SiteURL.consultation(p, part: nil).path)).body.string.contains("πεζόδρομος"), "confirmed but not yet moderated")

            // Hidden needs its reason; published with an answer it shows, without the address.
            try await planner.get(SiteURL.publicComments(p).path)
            let noReason = try await planner.post(SiteURL.moderateComment(p, comment.id).path, [("moderation", "hidden"), ("reason", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("τον λόγο"))
            try await planner.get(SiteURL.publicComments(p).path)
            let published = try await planner.post(SiteURL.moderateComment(p, comment.id).path,
                                                   [("moderation", "published"), ("reason", ""), ("answer", "Προστέθηκε στη δράση 1.1.1.01."), ("outcome", "accepted")])
            #expect(published.status == .seeOther)
            let publicPage = try await citizen.get(SiteURL.consultation(p, part: nil).path).body.string
            #expect(publicPage.contains("πεζόδρομος") && publicPage.contains("Μαρία Παπαδοπούλου") && publicPage.contains("Προστέθηκε στη δράση"))
            #expect(!publicPage.contains("maria@example.gr"), "the address is never shown")
            let audit = try await AuditLog(db: f.app.db).entries(programmeID: p, limit: 50)
            #expect(audit.filter { $0.entity == "publicComment" && $0.entityID == comment.id }.count == 3, "sent, confirmed, moderated")

            // The report for the council's file.
            let docx = try await citizen.get(SiteURL.consultationReport(p, format: "docx").path)
            #expect(docx.status == .ok)
            let xml = String(decoding: try #require(try ZipPackage.read(Data(buffer: docx.body), only: ["word/document.xml"])["word/document.xml"]), as: UTF8.self)
            #expect(xml.contains("πεζόδρομος") && xml.contains("Έγινε δεκτό") && !xml.contains("maria@example.gr"))
        }
    }

    /// The throttle counted the hour's comments, then kept the new one, in two steps: comments
    /// sent at one moment all passed a count taken before any was kept.
    @Test(arguments: OverviewTests.databases)
    func commentsSentAtOneMomentKeepTheThrottle(_ database: DatabaseChoice) async throws {
        try await withConsultation(database) { f, _ in
            let p = f.draft.id
            let citizen = try await f.browser(as: nil)
            try await citizen.get(SiteURL.consultation(p, part: nil).path)
            let sendings = 3 * PublicComment.perAddressPerHour
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<sendings {
                    group.addTask {
                        try await citizen.post(SiteURL.consultation(p, part: nil).path,
                                               [("part", ""), ("name", "Μαρία Παπαδοπούλου"), ("email", "maria@example.gr"),
                                                ("text", "Ταυτόχρονο σχόλιο αριθμός \(i) για τη διαβούλευση."), ("website", "")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == PublicComment.perAddressPerHour, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == sendings - PublicComment.perAddressPerHour, "\(statuses)")
            #expect(try await f.app.repositories.publicComments.comments(programmeID: p).count == PublicComment.perAddressPerHour)
        }
    }

    @Test func refusalsRobotsThrottleAndTheEndDate() async throws {
        try await withConsultation { f, outbox in
            let p = f.draft.id
            let citizen = try await f.browser(as: nil)
            let bad = try await Self.comment(citizen, p, email: "όχι-διεύθυνση", text: "σύντομο")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("δεν είναι έγκυρη") && bad.body.string.contains("από 10 έως 5.000"))
            let robot = try await Self.comment(citizen, p, website: "http://spam.example")
            #expect(robot.status == .seeOther)
            #expect(try await f.app.repositories.publicComments.comments(programmeID: p).isEmpty, "nothing kept of a robot's comment")
            #expect(try await Self.comment(citizen, p, part: UUID().uuidString).status == .unprocessableEntity)

            for i in 0..<PublicComment.perAddressPerHour {
                #expect(try await Self.comment(citizen, p, text: "Σχόλιο αριθμός \(i) για τη διαβούλευση.").status == .seeOther)
            }
            let throttled = try await Self.comment(citizen, p, text: "Ένα ακόμη σχόλιο μέσα στην ίδια ώρα.")
            #expect(throttled.status == .tooManyRequests)
            // The count is kept under the address as the form cleans it: no spelling of it escapes.
            for spelling in [" MARIA@example.gr", "Maria@Example.GR\n", "\tmaria@example.gr\r\n"] {
                #expect(try await Self.comment(citizen, p, email: spelling, text: "Ένα ακόμη σχόλιο μέσα στην ίδια ώρα.").status == .tooManyRequests, "\(spelling.debugDescription)")
            }
            #expect(try await f.app.repositories.publicComments.comments(programmeID: p).count == PublicComment.perAddressPerHour)

            // A link opened after 48 hours has expired.
            let first = try #require(try await f.app.repositories.publicComments.comments(programmeID: p).first)
            f.app.clock = .fixed(ApprovalRouteTests.noon(17, 11).addingTimeInterval(3 * 3600))
            let token = try Self.token(in: outbox, for: first.id)
            try await citizen.get(SiteURL.confirmComment(token: token).path)
            #expect(try await citizen.post(SiteURL.confirmComment(token: token).path, []).status == .gone)

            // After the last day nothing more is accepted.
            f.app.clock = .fixed(ApprovalRouteTests.noon(28, 11))
            let late = try await Self.comment(citizen, p, email: "late@example.gr")
            #expect(late.status == .unprocessableEntity && late.body.string.contains("έληξε"))
            #expect(!late.body.string.contains("comment-form"), "no form once closed")
            #expect(try await f.app.repositories.publicComments.comments(programmeID: p).count == PublicComment.perAddressPerHour)

            // Only the planning office moderates.
            let head = try await f.browser(as: "social@test.gr")
            #expect(try await head.get(SiteURL.publicComments(p).path).status == .forbidden)
            try await head.get(SiteURL.programme(p).path)
            #expect(try await head.post(SiteURL.moderateComment(p, first.id).path, [("moderation", "hidden"), ("reason", "x")]).status == .forbidden)
        }
    }
}
