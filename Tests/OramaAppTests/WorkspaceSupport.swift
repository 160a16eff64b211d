import Fluent
import Foundation
import NIOCore
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

/// A browser in tests: keeps the session cookie and the page's CSRF token between requests.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    var cookie: String?
    var csrf: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(.GET, path, headers: headers())
        remember(response)
        return response
    }

    /// Posts a form; the CSRF token of the last page is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf override: String?? = .none) async throws -> TestingHTTPResponse {
        var all = fields
        switch override {
        case .none: if let csrf { all.append((CSRF.field, csrf)) }
        case .some(let value?): all.append((CSRF.field, value))
        case .some(nil): break
        }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    func signIn(_ email: String, _ password: String) async throws {
        try await get("/signin")
        let response = try await post("/signin", [("email", email), ("password", password)])
        #expect(response.status == .seeOther, "sign-in of \(email)")
        try await get("/")
    }

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    private func remember(_ response: TestingHTTPResponse) {
        for value in response.headers[.setCookie] {
            if let pair = value.split(separator: ";").first, pair.hasPrefix("orama_session=") { cookie = String(pair) }
        }
        let html = response.body.string
        if let range = html.range(of: "name=\"\(CSRF.field)\" value=\"") {
            let rest = html[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The demo, plus one account of every role, for the route tests.
struct WorkspaceFixture {
    static let password = "δοκιμαστικός-κωδικός"
    let app: Application
    let programme: Programme
    let draft: Programme
    let reference: ReferenceData

    var technical: OrgUnit { reference.units.first { $0.code == "ΤΜΚ" }! }
    var social: OrgUnit { reference.units.first { $0.code == "ΤΚΠ" }! }
    /// An action of the technical services, which the social services' head must not touch.
    var technicalAction: Action { programme.actions.first { $0.responsibleUnitID == technical.id }! }
    var socialAction: Action { programme.actions.first { $0.responsibleUnitID == social.id }! }

    static func make(_ app: Application) async throws -> WorkspaceFixture {
        _ = try await DemoSeeder.seed(app.repositories)
        let demo = KilelerDemo.build()
        let org = demo.reference.organisation.id
        let accounts = Accounts(db: app.db)
        let units = demo.reference.units
        try await accounts.create(email: "planner@test.gr", name: "Σχεδιαστής", role: .planner, organisationID: org, unitIDs: [], password: password, actor: .system)
        try await accounts.create(email: "social@test.gr", name: "Προϊστάμενη ΤΚΠ", role: .unitHead, organisationID: org,
                                  unitIDs: [units.first { $0.code == "ΤΚΠ" }!.id], password: password, actor: .system)
        try await accounts.create(email: "reviewer@test.gr", name: "Σύμβουλος", role: .reviewer, organisationID: org, unitIDs: [], password: password, actor: .system)
        try await accounts.create(email: "orgadmin@test.gr", name: "Διαχειριστής Δήμου", role: .admin, organisationID: org, unitIDs: [], password: password, actor: .system)
        return WorkspaceFixture(app: app, programme: demo.programme, draft: demo.draft, reference: demo.reference)
    }

    func browser(as email: String?) async throws -> TestBrowser {
        let browser = TestBrowser(app)
        if let email { try await browser.signIn(email, Self.password) } else { try await browser.get("/") }
        return browser
    }

    func stored() async throws -> Programme {
        try #require(try await ProgrammeRepository(db: app.db).load(programme.id))
    }
}
