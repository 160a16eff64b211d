import Fluent
import Foundation
import OramaDomain
import Vapor

/// The signed-in user, as every handler and view sees it.
struct SessionUser: Sendable, Hashable {
    var id: UUID
    var email: String
    var name: String
    var role: Role
    /// nil for a server-wide administrator.
    var organisationID: UUID?
    var unitIDs: Set<UUID>

    init(id: UUID, email: String, name: String, role: Role, organisationID: UUID?, unitIDs: Set<UUID>) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.organisationID = organisationID
        self.unitIDs = unitIDs
    }

    init(_ model: UserModel) {
        id = model.id!
        email = model.email
        name = model.name
        role = Role(rawValue: model.role) ?? .reviewer
        organisationID = model.organisationID
        unitIDs = Set(JSONText.decode(model.unitIDs).compactMap(UUID.init(uuidString:)))
    }

    var actor: Actor { Actor(name: "\(name) <\(email)>", userID: id) }
}

extension Request {
    private struct SessionUserKey: StorageKey { typealias Value = SessionUser }

    var user: SessionUser? {
        get { storage[SessionUserKey.self] }
        set { storage[SessionUserKey.self] = newValue }
    }

    var language: Language { hasSession ? Language(rawValue: session.data["lang"] ?? "") ?? .el : .el }

    var access: Access { Access(user: user) }
}

/// Loads the user named by the session, if any, for every request.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Asking a request without a session cookie for its session would create one.
        if request.hasSession, let text = request.session.data["uid"], let id = UUID(uuidString: text) {
            if let model = try await UserModel.find(id, on: request.db) {
                request.user = SessionUser(model)
            } else {
                request.session.data["uid"] = nil
            }
        }
        return try await next.respond(to: request)
    }
}
