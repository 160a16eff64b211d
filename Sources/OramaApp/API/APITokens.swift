import Crypto
import Fluent
import Foundation
import OramaDomain
import Plot
import Vapor

/// Personal API tokens: a user creates one for a script, sees it once, and may revoke it.
/// Only its SHA-256 is stored. A request with `Authorization: Bearer <token>` acts as that
/// user, under the same role and unit rules as the screens.
enum APITokens {
    static let prefix = "orama_"

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return prefix + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension Request {
    private struct TokenUserKey: StorageKey { typealias Value = Bool }

    /// True when the user of this request was identified by an API token (not a cookie).
    var authenticatedByToken: Bool {
        get { storage[TokenUserKey.self] ?? false }
        set { storage[TokenUserKey.self] = newValue }
    }

    /// The token's user, for API writes: a session cookie is not enough there, since the API
    /// takes no CSRF token.
    func requireTokenUser() throws -> SessionUser {
        guard authenticatedByToken, let user else {
            throw UserFacingError(status: .unauthorized, code: "token_required",
                                  reason: "Οι αλλαγές μέσω API χρειάζονται κλειδί API: «Authorization: Bearer <κλειδί>» (δημιουργία στο /account/tokens).")
        }
        return user
    }
}

/// Reads `Authorization: Bearer …` on API routes; a token that is unknown or revoked is a 401.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let hash = APITokens.hash(bearer.token)
            guard let token = try await APITokenModel.query(on: request.db).filter(\.$tokenHash == hash).first(),
                  let model = try await UserModel.find(token.userID, on: request.db) else {
                throw UserFacingError(status: .unauthorized, code: "invalid_token", reason: "Το κλειδί API δεν είναι έγκυρο ή έχει ανακληθεί.")
            }
            request.user = SessionUser(model)
            request.authenticatedByToken = true
            // The last use, at most once a minute (not audited: it changes nothing the user sees).
            if token.lastUsedAt.map({ Date().timeIntervalSince($0) > 60 }) ?? true {
                token.lastUsedAt = Date()
                try await token.update(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}

enum APITokenController {
    struct CreateForm: Content {
        var name: String?
    }

    static func tokens(_ req: Request, _ user: SessionUser) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: req.db).filter(\.$userID == user.id).sort(\.$createdAt, .descending).all()
    }

    static func signedIn(_ req: Request) throws -> SessionUser {
        try req.access.require(req.user != nil, req.language)
        return req.user!
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let user = try signedIn(req)
        return Workspace.html(APITokensPage(context: PageContext(req, withForm: true), tokens: try await tokens(req, user), created: nil, error: nil).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try signedIn(req)
        let name = (try req.content.decode(CreateForm.self).name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            return Workspace.html(APITokensPage(context: PageContext(req, withForm: true), tokens: try await tokens(req, user), created: nil,
                                                error: req.language.t("Δώστε ένα όνομα (έως 100 χαρακτήρες), π.χ. «Σύνδεση με ΟΠΣ».", "Give a name (up to 100 characters).")).render(),
                                  status: .unprocessableEntity)
        }
        let token = APITokens.generate()
        let model = APITokenModel()
        model.userID = user.id
        model.name = name
        model.tokenHash = APITokens.hash(token)
        try await req.db.transaction { tx in
            try await model.create(on: tx)
            var audit = AuditTrail(organisationID: user.organisationID ?? user.id, programmeID: nil, actor: user.actor)
            audit.record(entity: "apiToken", id: model.id!, operation: .create, before: [:], after: ["name": name, "user": user.email])
            try await audit.save(on: tx)
        }
        return Workspace.html(APITokensPage(context: PageContext(req, withForm: true), tokens: try await tokens(req, user), created: token, error: nil).render(),
                              status: .created)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let user = try signedIn(req)
        let id = try Workspace.uuid(req, "tokenID")
        guard let model = try await APITokenModel.find(id, on: req.db), model.userID == user.id else {
            throw Workspace.notFound(req, req.language.t("κλειδί API", "API token"))
        }
        try await req.db.transaction { tx in
            try await model.delete(on: tx)
            var audit = AuditTrail(organisationID: user.organisationID ?? user.id, programmeID: nil, actor: user.actor)
            audit.record(entity: "apiToken", id: id, operation: .delete, before: ["name": model.name, "user": user.email], after: [:])
            try await audit.save(on: tx)
        }
        return Workspace.redirect(req, to: SiteURL.apiTokens.path, flash: req.language.t("Το κλειδί «\(model.name)» ανακλήθηκε.", "The token “\(model.name)” was revoked."))
    }
}

struct APITokensPage {
    var context: PageContext
    var tokens: [APITokenModel]
    var created: String?
    var error: String?

    func render() -> String {
        let c = context
        let title = c.t("Κλειδιά API", "API tokens")
        return Layout(title: title, context: c).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Ένα κλειδί επιτρέπει σε πρόγραμμα ή σενάριο να διαβάζει και να καταχωρίζει στοιχεία μέσω του API με τα δικά σας δικαιώματα. Η περιγραφή του API βρίσκεται στο /openapi.json.",
                         "A token lets a program read and record data through the API with your permissions. The API is described at /openapi.json."))),
            .if(created != nil, .div(.class("flash"), .attribute(named: "role", value: "status"),
                                     .p(.text(c.t("Το νέο κλειδί (φαίνεται μόνο αυτή τη φορά· φυλάξτε το):", "The new token (shown only once; keep it safe):"))),
                                     .p(.code(.text(created ?? ""))))),
            .if(error != nil, .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text(error ?? "")))),
            .table(.class("list"),
                   .thead(.tr(.th(.text(c.t("Όνομα", "Name"))), .th(.text(c.t("Δημιουργία", "Created"))), .th(.text(c.t("Τελευταία χρήση", "Last used"))), .th(.text("")))),
                   .tbody(.forEach(tokens) { t in
                       .tr(.td(.text(t.name)), .td(.text(t.createdAt.map(Format.dateTime) ?? "—")), .td(.text(t.lastUsedAt.map(Format.dateTime) ?? "—")),
                           .td(.form(.method(.post), .action(SiteURL.revokeToken(t.id!).path), c.csrfField, FormField.submit(c.t("Ανάκληση", "Revoke")))))
                   })),
            .if(tokens.isEmpty, .p(.text(c.t("Δεν έχετε κλειδιά.", "You have no tokens.")))),
            .form(.method(.post), .action(SiteURL.apiTokens.path), .class("narrow"), c.csrfField,
                  FormField.text("name", c.t("Όνομα νέου κλειδιού", "New token name"), "", errors: FieldErrors(), required: true),
                  FormField.submit(c.t("Δημιουργία κλειδιού", "Create token")))
        ))
    }
}
