import Fluent
import Foundation
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

/// The programme's decisions: recorded by the planning office with their ΑΔΑ and PDF,
/// refused with a reason per field, public with a public programme and never with a draft.
@Suite("Αποφάσεις προγράμματος", .serialized)
struct DecisionsRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    static func post(_ browser: TestBrowser, _ f: WorkspaceFixture, programme: UUID, fields: [(String, String)],
                     file: (name: String, data: Data)?) async throws -> TestingHTTPResponse {
        let boundary = "----orama-decision-test"
        var body = Data()
        for (name, value) in [("_csrf", browser.csrf ?? "")] + fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPHeaders()
        if let cookie = browser.cookie { headers.add(name: .cookie, value: cookie) }
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await f.app.testing().sendRequest(.POST, SiteURL.decisions(programme).path, headers: headers, body: ByteBuffer(data: body))
    }

    /// The decisions the demo's programme took its path with.
    static func demoDecisions(_ f: WorkspaceFixture) -> Int { KilelerDemo.approvalPath(of: f.programme).decisions.count }

    static let phaseA: [(String, String)] = [("body", "council"), ("act", "phaseA"), ("number", "45/2025"), ("date", "15/03/2025"),
                                             ("subject", "Έγκριση της Αʹ Φάσης (Στρατηγικός Σχεδιασμός)"), ("ada", "ΨΔ44ΩΕΝ-Ο7Ω")]

    @Test func thePlannerRecordsADecisionAndThePublicSeesIt() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let before = try await f.app.repositories.programmes.summary(f.programme.id)
            try await planner.get(SiteURL.decisions(f.programme.id).path)
            let made = try await Self.post(planner, f, programme: f.programme.id, fields: Self.phaseA, file: ("Απόφαση 45-2025.pdf", Self.pdf))
            #expect(made.status == .seeOther)
            let stored = try await f.app.repositories.decisions.decisions(programmeID: f.programme.id)
            let decision = try #require(stored.first { $0.number == "45/2025" })
            #expect(stored.count == Self.demoDecisions(f) + 1 && decision.ada?.code == "ΨΔ44ΩΕΝ-Ο7Ω" && decision.document?.bytes == Self.pdf.count)
            // The programme moved on (its public pages show decisions) and the write is audited.
            #expect(try await f.app.repositories.programmes.summary(f.programme.id)!.changeCounter > before!.changeCounter)
            let audit = try await AuditLog(db: f.app.db).entries(programmeID: f.programme.id, limit: 5)
            let entry = try #require(audit.first { $0.entity == "decision" && $0.entityID == decision.id })
            #expect(entry.operation == "create" && entry.changes.contains("ΨΔ44ΩΕΝ-Ο7Ω"))

            let anonymous = try await f.browser(as: nil)
            let page = try await anonymous.get(SiteURL.decisions(f.programme.id).path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("45/2025") && html.contains("15/03/2025") && html.contains("Δημοτικό Συμβούλιο"))
            #expect(html.contains("https://diavgeia.gov.gr/decision/view/ΨΔ44ΩΕΝ-Ο7Ω"))
            #expect(!html.contains("Καταχώριση απόφασης"), "no form for a visitor")
            let file = try await anonymous.get(SiteURL.decisionFile(f.programme.id, decision.id).path)
            #expect(file.status == .ok && file.headers.first(name: .contentType) == "application/pdf")
            #expect(Data(file.body.readableBytesView) == Self.pdf)
            #expect(file.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
            #expect(try await anonymous.get(SiteURL.decisionFile(f.programme.id, UUID()).path).status == .notFound)
            #expect(try await anonymous.get(SiteURL.decisionFile(f.draft.id, decision.id).path).status == .notFound)
        }
    }

    @Test func wrongInputIsRefusedFieldByFieldAndNothingIsStored() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.decisions(f.programme.id).path)
            var fields = Self.phaseA
            fields = fields.map { $0.0 == "ada" ? ("ada", "45/2025-ΑΔΑ") : $0 }
            let badADA = try await Self.post(planner, f, programme: f.programme.id, fields: fields, file: nil)
            #expect(badADA.status == .unprocessableEntity)
            #expect(badADA.body.string.contains("δεν έχει τη μορφή της Διαύγειας"))
            #expect(badADA.body.string.contains("Έγκριση της Αʹ Φάσης"), "what was typed is kept")

            let notPDF = try await Self.post(planner, f, programme: f.programme.id, fields: Self.phaseA, file: ("apofasi.pdf", Data("PK\u{3}\u{4}docx".utf8)))
            #expect(notPDF.status == .unprocessableEntity && notPDF.body.string.contains("δεν είναι PDF"))

            let huge = try await Self.post(planner, f, programme: f.programme.id, fields: Self.phaseA,
                                           file: ("big.pdf", Self.pdf + Data(repeating: 0x20, count: 20 * 1_048_576)))
            #expect(huge.status == .payloadTooLarge)
            // A scanned decision of some megabytes is an ordinary PDF, not an ordinary form: it passes.
            let scanned = try await Self.post(planner, f, programme: f.programme.id, fields: Self.phaseA.map { $0.0 == "number" ? ("number", "46/2025") : $0 },
                                              file: ("scan.pdf", Self.pdf + Data(repeating: 0x20, count: 5 * 1_048_576)))
            #expect(scanned.status == .seeOther, "a 5 MB PDF: \(scanned.status)")
            try await f.app.db.query(DecisionModel.self).filter(\.$number == "46/2025").delete()

            #expect(try await f.app.repositories.decisions.decisions(programmeID: f.programme.id).count == Self.demoDecisions(f))
        }
    }

    @Test func onlyThePlanningOfficeRecordsAndDraftsStayClosed() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            try await head.get(SiteURL.decisions(f.programme.id).path)
            #expect(try await Self.post(head, f, programme: f.programme.id, fields: Self.phaseA, file: nil).status == .forbidden)
            let anonymous = try await f.browser(as: nil)
            try await anonymous.get(SiteURL.decisions(f.programme.id).path)
            #expect(try await Self.post(anonymous, f, programme: f.programme.id, fields: Self.phaseA, file: nil).status != .seeOther)
            #expect(try await anonymous.get(SiteURL.decisions(f.draft.id).path).status == .notFound)
            #expect(try await f.app.repositories.decisions.decisions(programmeID: f.programme.id).count == Self.demoDecisions(f))
        }
    }
}
