import Fluent
import Foundation
@testable import OramaApp
import OramaDomain
import OramaInterchange
import Testing
import VaporTesting

/// The import page's wizard for an office's own table, as a browser without JavaScript
/// walks it: file → columns → values → preview → import, the file kept between steps.
@Suite("Οδηγός εισαγωγής πίνακα γραφείου", .serialized)
struct OfficeImportWizardTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    static func newProgramme(_ f: WorkspaceFixture) async throws -> UUID {
        let created = try await ProgrammeCreation(repositories: f.app.repositories)
            .create(organisation: KilelerDemo.organisationName, title: "Νέο ΕΠ", startYear: "2024", endYear: "2028", permission: .commandLine, actor: .system).get()
        return created.programme.id
    }

    static func sendFile(_ browser: TestBrowser, _ app: Application, programme: UUID, name: String, data: Data) async throws -> TestingHTTPResponse {
        let boundary = "----orama-wizard-test"
        var body = Data()
        for (field, value) in [("_csrf", browser.csrf ?? ""), ("step", "file")] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = HTTPHeaders()
        if let cookie = browser.cookie { headers.add(name: .cookie, value: cookie) }
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(.POST, SiteURL.officeImport(programme, upload: nil, step: nil).path, headers: headers, body: ByteBuffer(data: body))
    }

    static func match(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), m.numberOfRanges > 1,
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }

    static let file = "01-programme-utf8-bom.csv"
    static var data: Data { try! Data(contentsOf: OfficeImportCommandTests.folder.appendingPathComponent(file)) }

    @Test func thePlannerWalksTheStepsAndTheTableLands() async throws {
        try await withWorkspace { f in
            let id = try await Self.newProgramme(f)
            let planner = try await f.browser(as: "planner@test.gr")
            let page = try await planner.get(SiteURL.importData(id).path)
            #expect(page.body.string.contains("Ο πίνακας του γραφείου σας"))

            // 1. The file: kept, and the columns proposed.
            let sent = try await Self.sendFile(planner, f.app, programme: id, name: Self.file, data: Self.data)
            #expect(sent.status == .seeOther)
            let columnsURL = try #require(sent.headers.first(name: .location))
            #expect(columnsURL.contains("step=columns"))
            let upload = try #require(Self.match(#"upload=([0-9a-f-]{36})"#, in: columnsURL))
            let columns = try await planner.get(columnsURL)
            #expect(columns.status == .ok)
            let html = columns.body.string
            #expect(html.contains("UTF-8 (με BOM)") && html.contains("επικεφαλίδα στη γραμμή 4"))
            #expect(html.contains(#"<option value="title" selected="selected">"#), "the title column is proposed")
            // 2. One proposed column changed: the municipal unit is left out.
            var fields: [(String, String)] = [("upload", upload), ("step", "columns"), ("defaultSource", "")]
            fields.append(("field-6", "ignore"))
            let posted = try await planner.post(SiteURL.officeImport(id, upload: nil, step: nil).path, fields)
            #expect(posted.status == .seeOther && posted.headers.first(name: .location)?.contains("step=values") == true)

            // 3. One unknown service mapped to an existing one.
            let values = try await planner.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "values").path).body.string
            let key = OfficeValueChoice(kind: .unit, text: "Κέντρο Κοινότητας", target: "").key
            let index = try #require(Self.match(#"name="value-(\d+)" value=""# + NSRegularExpression.escapedPattern(for: key) + "\"", in: values), "the value is listed")
            #expect(!values.contains("ΔΕ Νίκαιας"), "a column left out brings no values")
            let chosen = try await planner.post(SiteURL.officeImport(id, upload: nil, step: nil).path,
                                                [("upload", upload), ("step", "values"), ("value-\(index)", key), ("target-\(index)", f.social.id.uuidString)])
            #expect(chosen.status == .seeOther)

            // 4. The preview: the tree, money per year, the file's own totals, new records.
            let preview = try await planner.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "preview").path)
            #expect(preview.status == .ok)
            let text = preview.body.string
            #expect(text.contains("Θα εισαχθούν 11 δράσεις σε 4 άξονες"))
            #expect(text.contains("Σύνολα του αρχείου") && text.contains("810.000,50 €"))
            let counter = try #require(Self.match(#"name="counter" value="(\d+)""#, in: text))
            #expect(try await f.app.repositories.programmes.load(id)?.actions.isEmpty == true, "nothing saved before the import")

            // 5. The import.
            let done = try await planner.post(SiteURL.officeImport(id, upload: nil, step: nil).path, [("upload", upload), ("step", "import"), ("counter", counter)])
            #expect(done.status == .seeOther && done.headers.first(name: .location) == SiteURL.documents(id).path)
            let stored = try #require(try await f.app.repositories.programmes.load(id))
            let expected = try #require(OfficeImportCommandTests.expected[Self.file])
            #expect(stored.actions.count == expected.actions && stored.axes.count == expected.axes)
            #expect(OfficeImportCommandTests.centsByYear(stored) == expected.centsByYear)
            #expect(stored.actions.allSatisfy { $0.localityIDs.isEmpty }, "the column left out")
            #expect(stored.actions.first { $0.title == "Λειτουργία Κέντρου Κοινότητας" }?.responsibleUnitID == f.social.id)
            let audit = try await AuditEntryModel.query(on: f.app.db).filter(\.$programmeID == id).count()
            #expect(audit >= expected.actions)
            // The upload is gone.
            #expect(try await planner.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "preview").path).status == .notFound)

            // The next file of this shape asks nothing: straight to the preview, same choices.
            let second = try await Self.newProgramme(f)
            try await planner.get(SiteURL.importData(second).path)
            let again = try await Self.sendFile(planner, f.app, programme: second, name: Self.file, data: Self.data)
            let next = try #require(again.headers.first(name: .location))
            #expect(next.contains("step=preview"))
            let upload2 = try #require(Self.match(#"upload=([0-9a-f-]{36})"#, in: next))
            let preview2 = try await planner.get(next).body.string
            let counter2 = try #require(Self.match(#"name="counter" value="(\d+)""#, in: preview2))
            _ = try await planner.post(SiteURL.officeImport(second, upload: nil, step: nil).path, [("upload", upload2), ("step", "import"), ("counter", counter2)])
            let stored2 = try #require(try await f.app.repositories.programmes.load(second))
            #expect(stored2.actions.first { $0.title == "Λειτουργία Κέντρου Κοινότητας" }?.responsibleUnitID == f.social.id)
            #expect(stored2.actions.allSatisfy { $0.localityIDs.isEmpty })
        }
    }

    @Test func refusalsConflictsAndOthersUploads() async throws {
        try await withWorkspace { f in
            let id = try await Self.newProgramme(f)
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.importData(id).path)
            // A file that is no table: the import page again, with why, 422.
            let junk = try await Self.sendFile(planner, f.app, programme: id, name: "x.csv", data: Data("Τίτλος;Κόστος\r\nΑ;1\r\nΒ\r\n".utf8))
            #expect(junk.status == .unprocessableEntity)
            #expect(junk.body.string.contains("office-problems") && junk.body.string.contains("Γραμμή 3"))

            let sent = try await Self.sendFile(planner, f.app, programme: id, name: Self.file, data: Self.data)
            let upload = try #require(Self.match(#"upload=([0-9a-f-]{36})"#, in: sent.headers.first(name: .location) ?? ""))
            try await planner.get(sent.headers.first(name: .location)!)
            let bogus = try await planner.post(SiteURL.officeImport(id, upload: nil, step: nil).path, [("upload", upload), ("step", "columns"), ("field-0", "κάτι")])
            #expect(bogus.status == .badRequest)
            // Someone else's upload does not exist for this user; a reviewer has no wizard.
            let orgAdmin = try await f.browser(as: "orgadmin@test.gr")
            #expect(try await orgAdmin.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "columns").path).status == .notFound)
            let reviewer = try await f.browser(as: "reviewer@test.gr")
            #expect(try await reviewer.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "columns").path).status == .forbidden)

            // A save in between the preview and the import: 409, nothing imported.
            let preview = try await planner.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "preview").path).body.string
            let counter = try #require(Self.match(#"name="counter" value="(\d+)""#, in: preview))
            var changed = try #require(try await f.app.repositories.programmes.load(id))
            changed.note = "Αλλαγή από άλλον"
            _ = try await f.app.repositories.programmes.save(changed, expecting: changed.changeCounter, actor: .system)
            let late = try await planner.post(SiteURL.officeImport(id, upload: nil, step: nil).path, [("upload", upload), ("step", "import"), ("counter", counter)])
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("άλλαξε από άλλον χρήστη μετά την προεπισκόπηση"))
            #expect(try await f.app.repositories.programmes.load(id)?.actions.isEmpty == true)
            #expect(try await f.app.repositories.reference.load(organisationID: f.reference.organisation.id)?.units.count == f.reference.units.count, "no reference record either")
            // Cancelled: the file goes.
            let cancel = try await planner.post(SiteURL.officeImport(id, upload: nil, step: nil).path, [("upload", upload), ("step", "cancel")])
            #expect(cancel.status == .seeOther)
            #expect(try await planner.get(SiteURL.officeImport(id, upload: UUID(uuidString: upload), step: "preview").path).status == .notFound)
        }
    }
}
