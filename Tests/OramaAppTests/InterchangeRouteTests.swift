import Fluent
import Foundation
import NIOCore
@testable import OramaApp
import OramaDomain
import OramaInterchange
import SQLKit
import Testing
import VaporTesting

@Suite("Έγγραφα, αρχεία, εισαγωγή και API με κλειδιά", .serialized)
struct InterchangeRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    /// Every row of every table, as SQLite's own `quote()` writes each value: equal dumps
    /// mean a byte-for-byte equal database content.
    static func dump(_ app: Application, excluding skipped: Set<String> = []) async throws -> String {
        let sql = try #require(app.db as? any SQLDatabase)
        var out = ""
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map { try $0.decode(column: "name", as: String.self) }
        for table in tables where !skipped.contains(table) {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all().map { try $0.decode(column: "name", as: String.self) }
            let expression = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
            let rows = try await sql.raw(SQLQueryString("SELECT \(unsafeRaw: expression) AS r FROM \"\(unsafeRaw: table)\" ORDER BY rowid")).all()
            out += "## \(table)\n" + (try rows.map { try $0.decode(column: "r", as: String.self) }.joined(separator: "\n")) + "\n"
        }
        return out
    }

    /// The lines of `after` that `before` lacks, for a readable failure.
    static func difference(_ before: String, _ after: String) -> String {
        let old = Set(before.split(separator: "\n"))
        return after.split(separator: "\n").filter { !old.contains($0) }.prefix(5).joined(separator: "\n")
    }

    static func upload(_ browser: TestBrowser, _ f: WorkspaceFixture, kind: String, mode: String, fileName: String, data: Data) async throws -> TestingHTTPResponse {
        let boundary = "----orama-import-test"
        var body = Data()
        for (name, value) in [("_csrf", browser.csrf ?? ""), ("kind", kind), ("mode", mode)] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = HTTPHeaders()
        if let cookie = browser.cookie { headers.add(name: .cookie, value: cookie) }
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await f.app.testing().sendRequest(.POST, SiteURL.importData(f.programme.id).path, headers: headers, body: ByteBuffer(data: body))
    }

    @Test func documentsDownloadForThePublicAndDraftsStayHidden() async throws {
        try await withWorkspace { f in
            let anonymous = try await f.browser(as: nil)
            for kind in ProgrammeDocuments.Kind.allCases {
                let docx = try await anonymous.get(SiteURL.document(f.programme.id, kind: kind.rawValue, format: "docx", year: 2025).path)
                #expect(docx.status == .ok, "\(kind)")
                #expect(docx.headers.first(name: .contentType) == ProgrammeFiles.docxType)
                #expect(docx.headers.first(name: .contentDisposition)?.contains(".docx") == true)
                #expect(Array(docx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            let html = try await anonymous.get(SiteURL.document(f.programme.id, kind: "phase-b", format: "html", year: nil).path)
            #expect(html.status == .ok)
            #expect(html.headers.first(name: "Content-Security-Policy") == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
            #expect(html.body.string.contains("<h2 id=\"s1\">1. Άξονες, μέτρα και στόχοι</h2>"))
            #expect(try await anonymous.get(SiteURL.document(f.programme.id, kind: "phase-c", format: "docx", year: nil).path).status == .notFound)
            // A year outside the programme's period does not exist (404), on documents as on pages and the API; text that is no year is a 400.
            #expect(try await anonymous.get(SiteURL.document(f.programme.id, kind: "annual", format: "docx", year: 1999).path).status == .notFound)
            #expect(try await anonymous.get(SiteURL.document(f.programme.id, kind: "annual", format: "docx", year: nil).path + "&year=20x5").status == .badRequest)
            #expect(try await anonymous.get(SiteURL.document(f.programme.id, kind: "annual", format: "pdf", year: nil).path).status == .badRequest)

            // The draft revision: nothing of it for the public, everything for the planner.
            for path in [SiteURL.document(f.draft.id, kind: "phase-b", format: "docx", year: nil).path, SiteURL.export(f.draft.id, file: "actions.xlsx").path,
                         SiteURL.calendar(f.draft.id).path, SiteURL.openData(f.draft.id).path, SiteURL.apiProgramme(f.draft.id).path] {
                #expect(try await anonymous.get(path).status == .notFound, "\(path)")
            }
            let planner = try await f.browser(as: "planner@test.gr")
            #expect(try await planner.get(SiteURL.document(f.draft.id, kind: "phase-b", format: "docx", year: nil).path).status == .ok)
            #expect(try await planner.get(SiteURL.openData(f.draft.id).path).status == .notFound, "open data only once published")

            let calendar = try await anonymous.get(SiteURL.calendar(f.programme.id).path)
            #expect(calendar.headers.contentType?.subType == "calendar")
            let milestones = f.programme.actions.flatMap(\.milestones).count
            #expect(calendar.body.string.components(separatedBy: "UID:milestone-").count - 1 == milestones)
            #expect(calendar.body.string.contains("SUMMARY:Δημοτικό Συμβούλιο"))

            let zip = try await anonymous.get(SiteURL.openData(f.programme.id).path)
            let files = try ZipPackage.read(Data(zip.body.readableBytesView))
            #expect(files.keys.contains("README.md") && files.keys.contains("programme.json"))
        }
    }

    @Test func spreadsheetsCarryTheDemosNumbers() async throws {
        try await withWorkspace { f in
            let anonymous = try await f.browser(as: nil)
            let finance = try await anonymous.get(SiteURL.export(f.programme.id, file: "finance.xlsx").path)
            let rows = try XLSXReader.rows(Data(finance.body.readableBytesView), sheet: "Ανά πηγή")
            #expect(rows.last?.last.flatMap { Money(parsing: $0) } == f.programme.totalFunding)
            let csv = try await anonymous.get(SiteURL.export(f.programme.id, file: "actions.csv").path)
            #expect(csv.headers.first(name: .contentType) == ProgrammeFiles.csvType)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(CSV.rows(csv.body.string).count == f.programme.actions.count + 1)
            #expect(try await anonymous.get(SiteURL.export(f.programme.id, file: "secrets.xlsx").path).status == .notFound)
        }
    }

    /// Export → import of the same file changes nothing; an edit is previewed, then saved.
    @Test func exportedFilesRoundTripAndAnEditIsPreviewedThenSaved() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.importData(f.programme.id).path)
            // The flash message («nothing changed») passes through the session, so the
            // session row is rewritten; every other table must stay byte for byte the same.
            let before = try await Self.dump(f.app, excluding: ["_fluent_sessions"])
            for (kind, file) in [("actions", "actions.xlsx"), ("actions", "actions.csv"), ("indicators", "indicators.xlsx"), ("indicators", "indicators.csv")] {
                let data = Data(try await planner.get(SiteURL.export(f.programme.id, file: file).path).body.readableBytesView)
                try await planner.get(SiteURL.importData(f.programme.id).path)
                let response = try await Self.upload(planner, f, kind: kind, mode: "apply", fileName: file, data: data)
                #expect(response.status == .seeOther, "\(file)")
                #expect(try await planner.get(SiteURL.importData(f.programme.id).path).body.string.contains("Το αρχείο δεν αλλάζει τίποτα"), "\(file)")
            }
            let after = try await Self.dump(f.app, excluding: ["_fluent_sessions"])
            #expect(after == before, "a round trip writes nothing: \(Self.difference(before, after))")

            let action = f.programme.actions[0]
            var csv = try await planner.get(SiteURL.export(f.programme.id, file: "actions.csv").path).body.string
            csv = csv.replacingOccurrences(of: ";\(action.title);", with: ";\(action.title) (β΄ φάση);")
            try await planner.get(SiteURL.importData(f.programme.id).path)
            let preview = try await Self.upload(planner, f, kind: "actions", mode: "dry-run", fileName: "actions.csv", data: Data(csv.utf8))
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("0 νέες εγγραφές, 1 ενημέρωση,"))
            #expect(try await Self.dump(f.app, excluding: ["_fluent_sessions"]) == before, "a dry run writes nothing")
            let applied = try await Self.upload(planner, f, kind: "actions", mode: "apply", fileName: "actions.csv", data: Data(csv.utf8))
            #expect(applied.status == .seeOther)
            #expect(try await f.stored().action(action.id)?.title == "\(action.title) (β΄ φάση)")
            let audit = try await AuditEntryModel.query(on: f.app.db).filter(\.$entityID == action.id).all()
            #expect(audit.contains { $0.actor.contains("planner@test.gr") })

            let head = try await f.browser(as: "social@test.gr")
            #expect(try await head.get(SiteURL.importData(f.programme.id).path).status == .forbidden)
        }
    }

    /// At least fifteen bad files, each refused with row and column, the database unchanged.
    @Test func badImportFilesAreRefusedWithRowAndColumnAndChangeNothing() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.importData(f.programme.id).path)
            let a = f.programme.actions[0]
            let objective = f.programme.objectives[0].code
            let head = "Κωδικός;Στόχος;Τίτλος;Υπεύθυνη υπηρεσία;Κόστος;Έναρξη;Λήξη;Χρηματοδότηση\r\n"
            func utf8(_ s: String) -> Data { Data(s.utf8) }
            var utf16 = Data([0xFF, 0xFE]); utf16.append(head.data(using: .utf16LittleEndian)!)
            let huge = head + String(repeating: ";\(objective);Δράση;ΤΜΚ;1;;;\r\n", count: ProgrammeImport.maxRows + 1)
            var broken = Data("PK\u{3}\u{4}".utf8); broken.append(Data(repeating: 0x41, count: 300))
            let corpus: [(String, String, Data, String)] = [
                ("actions", "empty.csv", Data(), "κενό"),
                ("actions", "utf16.csv", utf16, "UTF-16"),
                ("actions", "image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "δυαδικά"),
                ("actions", "broken.xlsx", broken, "XLSX"),
                ("actions", "header-only.csv", utf8(head), "δεν έχει γραμμές δεδομένων"),
                ("actions", "no-code.csv", utf8("Τίτλος;Στόχος\r\nΑ;\(objective)\r\n"), "Λείπει η στήλη «Κωδικός»"),
                ("actions", "typo.csv", utf8("Κωδικός;Τίτλοςς\r\n\(a.code);Α\r\n"), "Άγνωστη στήλη"),
                ("actions", "missing-title.csv", utf8("Κωδικός;Στόχος;Υπεύθυνη υπηρεσία\r\n;\(objective);ΤΜΚ\r\n"), "Λείπει η στήλη, που χρειάζεται για νέα δράση"),
                ("actions", "bad-number.csv", utf8(head + "\(a.code);\(objective);Α;ΤΜΚ;12,34,5;;;\r\n"), "δεν είναι ποσό"),
                ("actions", "bad-date.csv", utf8(head + "\(a.code);\(objective);Α;ΤΜΚ;1;31/02/2025;2026-Q1;\r\n"), "δεν είναι τρίμηνο ή ημερομηνία"),
                ("actions", "outside.csv", utf8(head + "\(a.code);\(objective);Α;ΤΜΚ;1;;;ΣΑΤΑ 2019: 100,00\r\n"), "Το έτος 2019 είναι εκτός της περιόδου"),
                ("actions", "ends-before-start.csv", utf8(head + "\(a.code);\(objective);Α;ΤΜΚ;1;2026-Q3;2025-Q1;\r\n"), "είναι πριν από την έναρξη"),
                ("actions", "far-right.xlsx", Self.farRightWorkbook(), "πέρα από τη στήλη IV"),
                ("actions", "duplicate.csv", utf8(head + "\(a.code);\(objective);Α;ΤΜΚ;1;;;\r\n\(a.code);\(objective);Β;ΤΜΚ;1;;;\r\n"), "υπάρχει ήδη στη γραμμή 2"),
                ("actions", "unknown-parent.csv", utf8(head + ";9.9.9;Νέα;ΤΜΚ;1;;;\r\n"), "Δεν υπάρχει στόχος"),
                ("actions", "unknown-unit.csv", utf8(head + ";\(objective);Νέα;Τμήμα Διαστημικών Υποθέσεων;1;;;\r\n"), "Δεν υπάρχει υπηρεσία"),
                ("actions", "unknown-source.csv", utf8(head + "\(a.code);\(objective);Α;ΤΜΚ;1;;;ΧΥΖ 2025: 100,00\r\n"), "Άγνωστη πηγή"),
                ("actions", "huge.csv", utf8(huge), "περισσότερες από"),
                ("actions", "bad-id.csv", utf8("Αναγνωριστικό;Τίτλος\r\nnot-a-uuid;Α\r\n"), "δεν είναι αναγνωριστικό"),
                ("indicators", "bad-target.csv", utf8("Κωδικός;Στόχος 2025\r\n\(f.programme.indicators[0].code);πολλά\r\n"), "δεν είναι αριθμός"),
                ("indicators", "bad-attachment.csv", utf8("Κωδικός;Όνομα;Μονάδα μέτρησης;Συνδέεται με\r\nΔ999;Νέος;άτομα;7.7\r\n"), "Δεν υπάρχει μέτρο ή στόχος"),
                ("indicators", "bad-period.csv", utf8("Κωδικός;Τιμές\r\n\(f.programme.indicators[0].code);χθες: 5\r\n"), "δεν είναι περίοδος"),
                ("indicators", "year-outside.csv", utf8("Κωδικός;Στόχος 2035\r\n\(f.programme.indicators[0].code);5\r\n"), "εκτός της περιόδου"),
            ]
            #expect(corpus.count >= 15)
            let before = try await Self.dump(f.app)
            for (kind, name, data, reason) in corpus {
                for mode in ["dry-run", "apply"] {
                    let response = try await Self.upload(planner, f, kind: kind, mode: mode, fileName: name, data: data)
                    #expect(response.status == .unprocessableEntity, "\(name) \(mode)")
                    let page = response.body.string
                    #expect(page.contains("δεν άλλαξε τίποτα"), "\(name)")
                    #expect(page.range(of: #"Γραμμή \d+, στήλη «[^»]+»"#, options: .regularExpression) != nil, "\(name): row and column")
                    #expect(page.contains(reason), "\(name): \(reason)")
                }
                let after = try await Self.dump(f.app)
                #expect(after == before, "\(name) left the database as it was: \(Self.difference(before, after))")
            }
        }
    }

    /// A workbook whose only data cell sits in column XFD, the last Excel has.
    static func farRightWorkbook() -> Data {
        let sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Κωδικός</t></is></c></row><row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#
        let workbook = #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Φ" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        let rels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
        return try! ZipPackage.make([("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8)), ("xl/worksheets/sheet1.xml", Data(sheet.utf8))])
    }

    static func token(_ browser: TestBrowser, name: String) async throws -> String {
        try await browser.get(SiteURL.apiTokens.path)
        let page = try await browser.post(SiteURL.apiTokens.path, [("name", name)])
        #expect(page.status == .created)
        let html = page.body.string
        let start = try #require(html.range(of: "<code>orama_"))
        let rest = html[html.index(start.lowerBound, offsetBy: 6)...]
        return String(rest[..<rest.firstIndex(of: "<")!])
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, cookie: String? = nil, json: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        if let cookie { headers.add(name: .cookie, value: cookie) }
        headers.contentType = .json
        return try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: json))
    }

    @Test func apiTokensWriteUnderTheSameRulesAsTheScreens() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await Self.token(planner, name: "Σύνδεση με ΟΠΣ")
            #expect(token.hasPrefix("orama_") && token.count > 40)
            let stored = try await APITokenModel.query(on: f.app.db).all()
            #expect(stored.count == 1 && stored[0].tokenHash == APITokens.hash(token) && !stored[0].tokenHash.contains(token))

            let action = f.technicalAction
            let path = "/api/v1/programmes/\(f.programme.id)/actions/\(action.id)"
            // A session cookie is not enough for a write (the API has no CSRF token).
            let cookieOnly = try await Self.send(f.app, .PATCH, path, token: nil, cookie: planner.cookie, json: #"{"title":"Χ"}"#)
            #expect(cookieOnly.status == .unauthorized)
            #expect(cookieOnly.body.string.contains(#""code":"token_required""#))
            let patched = try await Self.send(f.app, .PATCH, path, token: token, json: #"{"title":"Νέος τίτλος από το API","maturity":"tendered"}"#)
            #expect(patched.status == .ok)
            #expect(try await f.stored().action(action.id)?.title == "Νέος τίτλος από το API")
            #expect(try await f.stored().action(action.id)?.maturity == .tendered)
            let audit = try await AuditEntryModel.query(on: f.app.db).filter(\.$entityID == action.id).all()
            #expect(audit.contains { $0.actor.contains("planner@test.gr") })
            #expect(try await Self.send(f.app, .PATCH, path, token: token, json: #"{"maturity":"σχεδόν"}"#).status == .unprocessableEntity)
            #expect(try await Self.send(f.app, .PATCH, path, token: token, json: #"{"title":5}"#).status == .badRequest)
            #expect(try await Self.send(f.app, .PATCH, path, token: token, json: #"{"title":"Χ","changeCounter":1}"#).status == .conflict)

            // The head of social services: own unit's actions only.
            let head = try await f.browser(as: "social@test.gr")
            let headToken = try await Self.token(head, name: "Υπηρεσία")
            #expect(try await Self.send(f.app, .PATCH, path, token: headToken, json: #"{"title":"Όχι"}"#).status == .forbidden)
            let own = try #require(f.programme.actions.first { $0.responsibleUnitID == f.social.id && $0.schedule?.runs(in: 2025) == true })
            let progress = try await Self.send(f.app, .POST, "/api/v1/programmes/\(f.programme.id)/actions/\(own.id)/progress", token: headToken,
                                               json: #"{"period":"2025-Q4","status":"onTrack","physicalProgress":40,"spentCents":1250000,"comment":"Από το API","reason":"Ενημέρωση"}"#)
            #expect(progress.status == .created, "\(progress.body.string)")
            #expect(try await f.stored().progressUpdate(of: own.id, in: ReportingPeriod(year: 2025, quarter: 4))?.spentToDate == Money(cents: 1_250_000))
            let bad = try await Self.send(f.app, .POST, "/api/v1/programmes/\(f.programme.id)/actions/\(own.id)/progress", token: headToken,
                                          json: #"{"period":"2025-Q4","status":"onTrack","physicalProgress":140,"spentCents":0}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#""error":{"#))

            // Revoked, unknown and missing tokens.
            let invalid = try await Self.send(f.app, .GET, "/api/v1/programmes", token: "orama_nope", json: "")
            #expect(invalid.status == .unauthorized)
            #expect(invalid.body.string.contains(#""code":"invalid_token""#))
            let id = try #require(try await APITokenModel.query(on: f.app.db).filter(\.$tokenHash == APITokens.hash(token)).first()?.id)
            try await planner.get(SiteURL.apiTokens.path)
            #expect(try await planner.post(SiteURL.revokeToken(id).path, []).status == .seeOther)
            #expect(try await Self.send(f.app, .PATCH, path, token: token, json: #"{"title":"Χ"}"#).status == .unauthorized)

            // An administrator's password reset locks the user out of the API too.
            let again = try await Self.token(head, name: "Υπηρεσία 2")
            #expect(try await Self.send(f.app, .GET, "/api/v1/programmes", token: again, json: "").status == .ok)
            let admin = try await f.browser(as: "orgadmin@test.gr")
            try await admin.get(SiteURL.users.path)
            let socialID = try #require(try await UserModel.query(on: f.app.db).filter(\.$email == "social@test.gr").first()?.id)
            #expect(try await admin.post(SiteURL.user(socialID).path, [("reset", "on")]).status == .ok)
            #expect(try await Self.send(f.app, .GET, "/api/v1/programmes", token: again, json: "").status == .unauthorized)
            #expect(try await Self.send(f.app, .GET, "/api/v1/programmes", token: headToken, json: "").status == .unauthorized)
        }
    }

    @Test func draftsAreReadableThroughTheAPIWithATokenOnly() async throws {
        try await withWorkspace { f in
            let reviewer = try await f.browser(as: "reviewer@test.gr")
            let token = try await Self.token(reviewer, name: "Ανάλυση")
            let path = SiteURL.apiProgramme(f.draft.id).path
            #expect(try await Self.send(f.app, .GET, path, token: nil, json: "").status == .notFound)
            #expect(try await Self.send(f.app, .GET, path, token: token, json: "").status == .ok)
            let list = try await Self.send(f.app, .GET, "/api/v1/programmes/\(f.programme.id)/actions", token: nil, json: "")
            #expect(list.status == .ok)
            #expect(list.body.string.components(separatedBy: #""objectiveCode""#).count - 1 == f.programme.actions.count)
        }
    }

    @Test func keyDatesAreValidatedAndReachTheCalendarAndTheAPI() async throws {
        try await withWorkspace { f in
            // A draft's planned consultation days (once it opens on the approval path, that step's days hold).
            let planner = try await f.browser(as: "planner@test.gr")
            let form = try await planner.get(SiteURL.settings(f.draft.id).path).body.string
            let base = try #require(form.range(of: #"name="base" value="[0-9a-f]+""#, options: .regularExpression).map { String(form[$0].dropFirst(19).dropLast()) })
            func save(_ start: String, _ end: String, _ council: String) async throws -> TestingHTTPResponse {
                try await planner.post(SiteURL.settings(f.draft.id).path, [
                    ("title", f.draft.title), ("startYear", "2024"), ("endYear", "2028"), ("note", f.programme.note),
                    ("reportingFrequency", "quarterly"), ("reportingDueDays", "15"), ("consultationStart", start), ("consultationEnd", end),
                    ("councilSession", council), ("base", base)])
            }
            let bad = try await save("31/02/2025", "10/03/2025", "")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Γράψτε την ημερομηνία ως ΗΗ/ΜΜ/ΕΕΕΕ"))
            let backwards = try await save("10/03/2025", "01/03/2025", "")
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.body.string.contains("δεν μπορεί να λήγει πριν αρχίσει"))
            #expect(try await save("01/03/2025", "20/03/2025", "07/04/2025").status == .seeOther)
            let calendar = try await planner.get(SiteURL.calendar(f.draft.id).path).body.string
            #expect(calendar.contains("DTSTART;VALUE=DATE:20250301\r\nDTEND;VALUE=DATE:20250321"))
            #expect(calendar.contains("DTSTART;VALUE=DATE:20250407"))
            let token = try await Self.token(planner, name: "ημερομηνίες")
            let strategy = try await Self.send(f.app, .GET, "/api/v1/programmes/\(f.draft.id)/strategy", token: token, json: "")
            #expect(strategy.status == .ok)
            #expect(strategy.body.string.contains(#""councilSession":"2025-04-07""#))
            #expect(strategy.body.string.contains(#""vision":"#))
        }
    }

    @Test func onlyFileUploadsMayBeLargerThanAnOrdinaryForm() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            try await planner.get(SiteURL.settings(f.programme.id).path)
            let big = String(repeating: "α", count: 1_200_000)  // 2,4 MB in UTF-8
            let tooLarge = try await planner.post(SiteURL.settings(f.programme.id).path, [("note", big)])
            #expect(tooLarge.status == .payloadTooLarge, "\(tooLarge.status) \(tooLarge.body.string.prefix(300))")
            try await planner.get(SiteURL.importData(f.programme.id).path)
            // 120 descriptions of 10.000 letters (each within the description's limit): 2,4 MB.
            let long = String(repeating: "α", count: 10_000)
            let csv = "Κωδικός;Περιγραφή\r\n" + f.programme.actions.prefix(120).map { "\($0.code);\(long)\r\n" }.joined()
            let response = try await Self.upload(planner, f, kind: "actions", mode: "dry-run", fileName: "big.csv", data: Data(csv.utf8))
            #expect(response.status == .ok, "a 2,4 MB import file is read")
        }
    }

    /// The OpenAPI document and the routes describe the same API.
    @Test func theOpenAPIDocumentListsExactlyTheRoutesOfTheAPI() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let response = try await app.testing().sendRequest(.GET, "/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            var routed = Set<String>()
            for route in app.routes.all where route.path.first?.description == "api" {
                let path = "/" + route.path.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                routed.insert("\(route.method.rawValue) \(path)")
            }
            #expect(documented == routed)
        }
    }
}
