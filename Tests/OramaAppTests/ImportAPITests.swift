import Fluent
import Foundation
@testable import OramaApp
import OramaDomain
import OramaInterchange
import Testing
import VaporTesting

/// `POST /api/v1/programmes` and `POST /api/v1/programmes/{id}/import`: the command line's
/// two steps under the token rules.
@Suite("API: νέο πρόγραμμα και εισαγωγή πίνακα γραφείου", .serialized)
struct ImportAPITests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func file(_ name: String) throws -> String {
        try Data(contentsOf: OfficeImportCommandTests.folder.appendingPathComponent(name)).base64EncodedString()
    }

    @Test func aPlannerCreatesAProgrammeAndImportsTheOfficeTable() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "Σενάριο εισαγωγής")
            // Own municipality by default; another, or a new one, is not the planner's to name.
            let created = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: token,
                                                               json: Self.json(["title": "ΕΠ 2024-2028 από το API", "startYear": 2024, "endYear": 2028]))
            #expect(created.status == .created, "\(created.body.string)")
            let body = try JSONDecoder().decode(ProgrammeCreatedDTO.self, from: Data(created.body.readableBytesView))
            #expect(body.organisationID == f.reference.organisation.id && !body.organisationCreated)
            let elsewhere = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: token,
                                                                 json: Self.json(["organisation": "Δήμος Τυρνάβου", "title": "Χ", "startYear": 2024, "endYear": 2028]))
            #expect(elsewhere.status == .forbidden, "\(elsewhere.body.string)")
            let badYears = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: token,
                                                                json: Self.json(["title": "Χ", "startYear": 2028, "endYear": 2024]))
            #expect(badYears.status == .unprocessableEntity && badYears.body.string.contains(#""pointer":"\/endYear""#), "\(badYears.body.string)")
            let cookieOnly = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: nil, cookie: planner.cookie,
                                                                  json: Self.json(["title": "Χ", "startYear": 2024, "endYear": 2028]))
            #expect(cookieOnly.status == .unauthorized)

            let path = "/api/v1/programmes/\(body.id)/import"
            let request: [String: Any] = ["fileName": "01.csv", "contentBase64": try Self.file("01-programme-utf8-bom.csv")]
            let dry = try await InterchangeRouteTests.send(f.app, .POST, path, token: token, json: Self.json(request))
            #expect(dry.status == .ok, "\(dry.body.string)")
            let preview = try JSONDecoder().decode(OfficeImportResultDTO.self, from: Data(dry.body.readableBytesView))
            #expect(preview.accepted && !preview.imported && preview.actions == 11 && preview.encoding == "utf8BOM")
            #expect(preview.fileTotalsCentsByYear == preview.centsByYear, "the file's totals row beside what is imported")
            #expect(try await f.app.repositories.programmes.load(body.id)?.actions.isEmpty == true, "a dry run saves nothing")

            var apply = request
            apply["mode"] = "import"
            let imported = try await InterchangeRouteTests.send(f.app, .POST, path, token: token, json: Self.json(apply))
            #expect(imported.status == .ok, "\(imported.body.string)")
            let stored = try #require(try await f.app.repositories.programmes.load(body.id))
            #expect(stored.actions.count == 11 && stored.axes.count == 4)
            #expect(OfficeImportCommandTests.centsByYear(stored) == preview.centsByYear)
            let audit = try await AuditEntryModel.query(on: f.app.db).filter(\.$programmeID == body.id).all()
            #expect(audit.contains { $0.actor.contains("planner@test.gr") })

            // The head of a service imports nothing; a file that cannot be read is a 422 with
            // its problems; a mapping that is not one is a 400 naming the property.
            let head = try await f.browser(as: "social@test.gr")
            let headToken = try await InterchangeRouteTests.token(head, name: "Υπηρεσία")
            #expect(try await InterchangeRouteTests.send(f.app, .POST, path, token: headToken, json: Self.json(request)).status == .forbidden)
            let broken = try await InterchangeRouteTests.send(f.app, .POST, path, token: token,
                                                              json: Self.json(["fileName": "x.csv", "contentBase64": Data("Τίτλος;Κόστος\r\nΑ;1\r\nΒ\r\n".utf8).base64EncodedString()]))
            #expect(broken.status == .unprocessableEntity, "\(broken.body.string)")
            let refused = try JSONDecoder().decode(OfficeImportResultDTO.self, from: Data(broken.body.readableBytesView))
            #expect(!refused.accepted && refused.problems.contains { $0.row == 3 })
            let badMapping = try await InterchangeRouteTests.send(f.app, .POST, path, token: token,
                                                                  json: Self.json(request.merging(["mapping": "given"]) { $1 }))
            #expect(badMapping.status == .badRequest && badMapping.body.string.contains("givenMapping"))
            let notBase64 = try await InterchangeRouteTests.send(f.app, .POST, path, token: token, json: Self.json(["fileName": "x", "contentBase64": "***"]))
            #expect(notBase64.status == .badRequest)
            #expect(try await f.app.repositories.programmes.load(body.id)?.actions.count == 11, "nothing more was written")
        }
    }

    @Test func anAdministratorAddsAMunicipalityAndImportsWithAGivenMapping() async throws {
        try await withWorkspace { f in
            // The municipality's administrator stays in it; the server-wide one adds another.
            let orgAdmin = try await f.browser(as: "orgadmin@test.gr")
            let orgToken = try await InterchangeRouteTests.token(orgAdmin, name: "Δήμος")
            let refused = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: orgToken,
                                                               json: Self.json(["organisation": "Δήμος Αγιάς", "title": "ΕΠ Αγιάς", "startYear": 2024, "endYear": 2028]))
            #expect(refused.status == .forbidden)
            #expect(try await f.app.repositories.reference.organisations().count == 1)
            try await Accounts(db: f.app.db).create(email: "server@test.gr", name: "Διαχειριστής", role: .admin, organisationID: nil, unitIDs: [],
                                                    password: WorkspaceFixture.password, actor: .system)
            let admin = try await f.browser(as: "server@test.gr")
            let token = try await InterchangeRouteTests.token(admin, name: "Διαχείριση")
            let created = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes", token: token,
                                                               json: Self.json(["organisation": "Δήμος Αγιάς", "title": "ΕΠ Αγιάς", "startYear": 2024, "endYear": 2028]))
            #expect(created.status == .created, "\(created.body.string)")
            let body = try JSONDecoder().decode(ProgrammeCreatedDTO.self, from: Data(created.body.readableBytesView))
            #expect(body.organisationCreated && body.organisation == "Δήμος Αγιάς")
            let mapping = try JSONSerialization.jsonObject(with: Data(contentsOf: OfficeImportCommandTests.folder.appendingPathComponent("09-mapping.json")))
            let response = try await InterchangeRouteTests.send(f.app, .POST, "/api/v1/programmes/\(body.id)/import", token: token,
                                                                json: Self.json(["fileName": "09.csv", "contentBase64": try Self.file("09-with-mapping-file.csv"),
                                                                                 "mapping": "given", "givenMapping": mapping, "mode": "import"]))
            #expect(response.status == .ok, "\(response.body.string)")
            let stored = try #require(try await f.app.repositories.programmes.load(body.id))
            let expected = try #require(OfficeImportCommandTests.expected["09-with-mapping-file.csv"])
            #expect(stored.actions.count == expected.actions)
            #expect(OfficeImportCommandTests.centsByYear(stored) == expected.centsByYear)
        }
    }
}
