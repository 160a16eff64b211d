import Foundation
@testable import OramaApp
import OramaDomain
import OramaInterchange
import Testing
import VaporTesting

/// The same field cases through the action form, the API and the import: each edge gives the
/// same verdict and the same message, the one the domain's `FieldRules` writes.
@Suite("Ένας κανόνας ανά πεδίο σε φόρμα, API και εισαγωγή", .serialized)
struct FieldRulesAtEveryEdgeTests {
    struct Case: Sendable, CustomStringConvertible {
        var field: String
        /// What the form and the import's cell hold.
        var text: String
        /// What the API's JSON holds for the field.
        var json: String
        /// nil: accepted everywhere.
        var refusal: String?

        var description: String { "\(field) = «\(text.prefix(30))»" }
    }

    static func refusal(_ rule: () throws(FieldError) -> Any) -> String? {
        do throws(FieldError) { _ = try rule(); return nil } catch { return error.description }
    }

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }

    static let cases: [Case] = {
        let long = String(repeating: "α", count: FieldRules.titleLimit + 1)
        let longDescription = String(repeating: "β", count: FieldRules.descriptionLimit + 1)
        let longPreconditions = String(repeating: "γ", count: FieldRules.noteLimit + 1)
        let manyLines = (1...(FieldRules.budgetLineCount + 1)).map { "02.73\($0)" }
        let longLine = String(repeating: "9", count: FieldRules.budgetLineLength + 1)
        func lines(_ codes: [String]) -> String { "[" + codes.map(quoted).joined(separator: ",") + "]" }
        return [
            Case(field: "title", text: "", json: quoted(""), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.title("") }),
            Case(field: "title", text: long, json: quoted(long), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.title(long) }),
            Case(field: "title", text: "  Ανάπλαση πλατείας Νίκαιας  ", json: quoted("  Ανάπλαση πλατείας Νίκαιας  "), refusal: nil),
            Case(field: "description", text: longDescription, json: quoted(longDescription), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.description(longDescription) }),
            Case(field: "description", text: "Σύντομη περιγραφή.", json: quoted("Σύντομη περιγραφή."), refusal: nil),
            Case(field: "preconditions", text: longPreconditions, json: quoted(longPreconditions), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.preconditions(longPreconditions) }),
            Case(field: "maturity", text: "σχεδόν έτοιμη", json: quoted("σχεδόν έτοιμη"), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.maturity("σχεδόν έτοιμη") }),
            Case(field: "maturity", text: "Αδειοδοτημένο", json: quoted("Αδειοδοτημένο"), refusal: nil),
            Case(field: "maturity", text: "tendered", json: quoted("tendered"), refusal: nil),
            Case(field: "budgetLines", text: manyLines.joined(separator: ", "), json: lines(manyLines), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.budgetLines(manyLines) }),
            Case(field: "budgetLines", text: longLine, json: lines([longLine]), refusal: refusal { () throws(FieldError) -> Any in try FieldRules.budgetLines([longLine]) }),
            Case(field: "budgetLines", text: "02.7311; 02.7312", json: lines(["02.7311", "02.7312"]), refusal: nil),
        ]
    }()

    @Test func theFormTheAPIAndTheImportGiveTheSameVerdictAndMessage() async throws {
        #expect(Self.cases.filter { $0.refusal != nil }.count >= 7)
        try await withApp(TestDatabase.sqliteFile()) { app in
            let f = try await WorkspaceFixture.make(app)
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "edges")
            for c in Self.cases {
                let action = try await f.stored().actions[0]
                let form = try await Self.throughTheForm(c, action, f, planner)
                let api = try await Self.throughTheAPI(c, action, f, token)
                let file = try await Self.throughTheImport(c, action, f, planner)
                #expect(form.accepted == (c.refusal == nil), "form, \(c)")
                #expect(api.accepted == (c.refusal == nil), "API, \(c)")
                #expect(file.accepted == (c.refusal == nil), "import, \(c)")
                if let refusal = c.refusal {
                    #expect(form.message == refusal, "form, \(c)")
                    #expect(api.message == refusal, "API, \(c)")
                    #expect(file.message == refusal, "import, \(c)")
                }
            }
        }
    }

    typealias Verdict = (accepted: Bool, message: String?)

    static func throughTheForm(_ c: Case, _ a: Action, _ f: WorkspaceFixture, _ planner: TestBrowser) async throws -> Verdict {
        let path = SiteURL.editAction(f.programme.id, a.id).path
        try await planner.get(path)
        let fields = WorkspaceRouteTests.actionFields(a, f, title: a.title).filter { $0.0 != c.field } + [(c.field, c.text)]
        let response = try await planner.post(path, fields)
        guard response.status == .unprocessableEntity else { return (response.status == .seeOther, nil) }
        let html = response.body.string
        guard let start = html.range(of: "id=\"\(FormField.fieldID(c.field))-note\" class=\"error\">") else { return (false, nil) }
        let rest = html[start.upperBound...]
        return (false, WorkspaceRouteTests.unescape(String(rest[..<rest.range(of: "</p>")!.lowerBound])))
    }

    static func throughTheAPI(_ c: Case, _ a: Action, _ f: WorkspaceFixture, _ token: String) async throws -> Verdict {
        let response = try await InterchangeRouteTests.send(f.app, .PATCH, SiteURL.apiAction(f.programme.id, a.id).path, token: token, json: "{\"\(c.field)\": \(c.json)}")
        guard response.status == .unprocessableEntity else { return (response.status == .ok, nil) }
        let error = try response.content.decode(APIErrorDTO.self).error
        #expect(error.pointer == "/\(c.field)", "the JSON pointer names the field")
        return (false, error.message)
    }

    static func throughTheImport(_ c: Case, _ a: Action, _ f: WorkspaceFixture, _ planner: TestBrowser) async throws -> Verdict {
        let column = try #require(ProgrammeSheets.actionColumns.first { $0.key == c.field }).greek
        let csv = "Αναγνωριστικό;\(column)\r\n\(a.id.uuidString);\"\(c.text.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
        try await planner.get(SiteURL.importData(f.programme.id).path)
        let response = try await InterchangeRouteTests.upload(planner, f, kind: "actions", mode: "dry-run", fileName: "edge.csv", data: Data(csv.utf8))
        guard response.status == .unprocessableEntity else { return (response.status == .ok, nil) }
        let html = response.body.string
        let place = "Γραμμή 2, στήλη «\(column)»: "
        guard let start = html.range(of: place) else { return (false, nil) }
        let rest = html[start.upperBound...]
        return (false, WorkspaceRouteTests.unescape(String(rest[..<rest.range(of: "</li>")!.lowerBound])))
    }
}
