import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

enum APITokenController {
    struct CreateForm: Content {
        var name: String?
    }

    static func tokens(_ req: Request, _ user: UserAccount) async throws -> [APIToken] {
        try await req.repositories.apiTokens.tokens(of: user.id)
    }

    static func signedIn(_ req: Request) throws -> UserAccount {
        try req.access.require(req.access.canHaveAPITokens, req.language)
        return req.user!
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let user = try signedIn(req)
        return Respond.html(APITokensPage(context: PageContext(req, withForm: true), tokens: try await tokens(req, user), created: nil, error: nil).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try signedIn(req)
        let name = (try req.content.decode(CreateForm.self).name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            return Respond.html(APITokensPage(context: PageContext(req, withForm: true), tokens: try await tokens(req, user), created: nil,
                                                error: req.language.t("Δώστε ένα όνομα (έως 100 χαρακτήρες), π.χ. «Σύνδεση με ΟΠΣ».", "Give a name (up to 100 characters).")).render(),
                                  status: .unprocessableEntity)
        }
        let token = APITokens.generate()
        try await req.repositories.apiTokens.create(name: name, hash: APITokens.hash(token), for: user)
        return Respond.html(APITokensPage(context: PageContext(req, withForm: true), tokens: try await tokens(req, user), created: token, error: nil).render(),
                              status: .created)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let user = try signedIn(req)
        let id = try req.uuid("tokenID")
        guard let model = try await req.repositories.apiTokens.revoke(id, of: user) else {
            throw UserFacingError.notFound(req.language.t("κλειδί API", "API token"), req.language)
        }
        return Respond.redirect(req, to: SiteURL.apiTokens.path, flash: req.language.t("Το κλειδί «\(model.name)» ανακλήθηκε.", "The token “\(model.name)” was revoked."))
    }
}
