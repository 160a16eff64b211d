import Crypto
import Fluent
import Foundation
import OramaDomain
import Plot
import Vapor

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
