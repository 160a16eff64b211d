import Fluent
import Foundation
import NIOCore
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

/// The role × route matrix, generated from the route table so that a new route cannot be
/// left out: every route, with its parameters naming the draft revision (never public) and
/// its parts, asked by everyone who must not use it — a visitor, an analyst, another
/// municipality's planner, and for writes also a reviewer and the head of another unit —
/// through the screens (cookie and form token) and the API (a token of their own). No answer
/// is a 5xx; no draft page answers 200; no write leaves a trace in the audit log or moves the
/// draft's change counter.
@Suite("Ρόλοι × διαδρομές")
struct RouteMatrixTests {
    struct Caller {
        var name: String
        var browser: TestBrowser
        var token: String?
        /// Who may not read the draft at all (the reviewer and the unit head may read it).
        var outsider: Bool
    }

    /// Writes a caller of these roles may make of their own (a token of their own, a comment).
    static let ownWrites: Set<String> = ["/account/tokens", "/account/tokens/:tokenID/revoke", "/programmes/:programmeID/actions/:actionID/comments"]

    @Test func noRouteServesOrChangesTheDraftForWhoMayNot() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let f = try await WorkspaceFixture.make(app)
            let draft = f.draft
            let other = ReferenceData(organisation: Organisation(name: "Δήμος Αγιάς", region: "Θεσσαλία", regionalUnit: "Λάρισα"))
            try await ReferenceRepository(db: app.db).create(other, actor: .system)
            let accounts = Accounts(db: app.db)
            try await accounts.create(email: "agia@test.gr", name: "Αγιά", role: .planner, organisationID: other.organisation.id, unitIDs: [],
                                      password: WorkspaceFixture.password, actor: .system)
            try await accounts.create(email: "analyst@test.gr", name: "Αναλυτής", role: .analyst, organisationID: nil, unitIDs: [],
                                      password: WorkspaceFixture.password, actor: .system)
            func caller(_ email: String?, outsider: Bool) async throws -> Caller {
                let browser = try await f.browser(as: email)
                try await browser.get(email == nil ? "/signin" : SiteURL.apiTokens.path)
                var token: String?
                if let email, let model = try await UserModel.query(on: app.db).filter(\.$email == email).first() {
                    let secret = APITokens.generate()
                    try await APITokenStore(db: app.db).create(name: "πίνακας", hash: APITokens.hash(secret), for: UserAccount(model))
                    token = secret
                }
                return Caller(name: email ?? "επισκέπτης", browser: browser, token: token, outsider: outsider)
            }
            let callers = [try await caller(nil, outsider: true), try await caller("analyst@test.gr", outsider: true),
                           try await caller("agia@test.gr", outsider: true), try await caller("reviewer@test.gr", outsider: false),
                           try await caller("social@test.gr", outsider: false)]

            let technicalAction = try #require(draft.actions.first { $0.responsibleUnitID == f.technical.id })
            let technicalIndicator = draft.indicators.first { indicator in
                if case .objective(let id) = indicator.attachment { return draft.objective(id)?.actions.contains { $0.responsibleUnitID == f.technical.id } ?? false }
                return false
            } ?? draft.indicators[0]
            let planner = try #require(try await UserModel.query(on: app.db).filter(\.$email == "planner@test.gr").first()?.id)
            let values: [String: String] = [
                "programmeID": draft.id.uuidString, "actionID": technicalAction.id.uuidString, "indicatorID": technicalIndicator.id.uuidString,
                "nodeID": draft.axes[0].id.uuidString, "level": "axis", "userID": planner.uuidString, "unitID": f.technical.id.uuidString,
                "localityID": f.reference.localities[0].id.uuidString, "organisationID": f.reference.organisation.id.uuidString,
                "year": "2025", "document": "phase-b", "file": "programme.csv", "format": "docx", "kind": "units", "step": "publish",
                "code": "en", "commentID": UUID().uuidString, "decisionID": UUID().uuidString, "tokenID": UUID().uuidString, "token": "x",
            ]
            let jsonBodies: [String: String] = [
                "PATCH": #"{"title":"Από όποιον δεν πρέπει"}"#,
                "progress": #"{"period":"2025-Q4","status":"onTrack","physicalProgress":10,"spentCents":0,"reason":"Δοκιμή"}"#,
                "values": #"{"period":"2025","value":1,"reason":"Δοκιμή"}"#,
            ]

            func audited() async throws -> Int { try await AuditEntryModel.query(on: app.db).count() }
            func counter() async throws -> Int64? { try await app.repositories.programmes.summary(draft.id)?.changeCounter }
            var routes = 0, requests = 0
            var failures: [String] = []
            for route in app.routes.all {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                guard !route.path.contains(where: { if case .catchall = $0 { true } else { false } }) else { continue }
                // Signing out would make the rest of the matrix a visitor's.
                if pattern == SiteURL.signOut.path { continue }
                var unknown = false
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .constant(let text): return text
                    case .parameter(let name):
                        if values[name] == nil { unknown = true }
                        return values[name] ?? "x"
                    default: return "x"
                    }
                }.joined(separator: "/")
                #expect(!unknown, "\(pattern): a parameter the matrix does not fill")
                routes += 1
                let namesDraft = route.path.contains { if case .parameter("programmeID") = $0 { true } else { false } }
                let write = route.method != .GET && route.method != .HEAD
                let isAPI = pattern.hasPrefix("/api/")
                for caller in callers where write || caller.outsider {
                    let (beforeAudit, beforeCounter) = (try await audited(), try await counter())
                    let response: TestingHTTPResponse
                    if isAPI {
                        var headers = HTTPHeaders()
                        if let token = caller.token { headers.add(name: .authorization, value: "Bearer \(token)") }
                        headers.contentType = .json
                        let body = route.method == .PATCH ? jsonBodies["PATCH"]! : pattern.hasSuffix("/progress") ? jsonBodies["progress"]! : pattern.hasSuffix("/values") ? jsonBodies["values"]! : "{}"
                        response = try await app.testing().sendRequest(route.method, path, headers: headers, body: write ? ByteBuffer(string: body) : nil)
                    } else if write {
                        response = try await caller.browser.post(path, [("title", "Από όποιον δεν πρέπει"), ("name", "Χ")])
                    } else {
                        response = try await caller.browser.get(path)
                    }
                    requests += 1
                    let where_ = "\(route.method) \(pattern) as \(caller.name)"
                    if response.status.code >= 500 { failures.append("\(where_): \(response.status.code)") }
                    if !write, namesDraft, response.status == .ok { failures.append("\(where_): the draft answered 200") }
                    if write, !(Self.ownWrites.contains(pattern) && caller.token != nil) {
                        if try await audited() != beforeAudit { failures.append("\(where_): wrote to the audit log (\(response.status.code))") }
                        if try await counter() != beforeCounter { failures.append("\(where_): moved the draft's change counter (\(response.status.code))") }
                    }
                }
            }
            // The same requests by the planner, who may: the draft answers and a write is seen,
            // so the checks above can tell.
            let own = try await caller("planner@test.gr", outsider: false)
            let page = try await own.browser.get(SiteURL.programme(draft.id).path)
            #expect(page.status == .ok)
            let beforeAudit = try await audited()
            var headers = HTTPHeaders()
            headers.add(name: .authorization, value: "Bearer \(own.token!)")
            headers.contentType = .json
            let patched = try await app.testing().sendRequest(.PATCH, "/api/v1/programmes/\(draft.id)/actions/\(technicalAction.id)", headers: headers,
                                                              body: ByteBuffer(string: jsonBodies["PATCH"]!))
            let afterAudit = try await audited()
            #expect(patched.status == .ok && afterAudit > beforeAudit)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(routes >= 60 && requests >= 250, "the whole route table was walked (\(routes) routes, \(requests) requests)")
            print("Ρόλοι × διαδρομές: \(routes) διαδρομές, \(requests) αιτήματα, \(failures.count) αποτυχίες")
        }
    }
}
