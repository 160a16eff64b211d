import Fluent
import Foundation
import OramaDomain

/// A personal API token as its owner sees it; the token itself is never stored.
struct APIToken: Sendable, Hashable {
    var id: UUID
    var name: String
    var createdAt: Date?
    var lastUsedAt: Date?
}

/// Personal API tokens, kept as their SHA-256 only; creating and revoking one is audited.
struct APITokenStore: Sendable {
    let db: any Database

    func tokens(of userID: UUID) async throws -> [APIToken] {
        try await APITokenModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt, .descending).all().map(Self.token)
    }

    /// The account a token's hash belongs to, or nil for an unknown or revoked one. The last
    /// use is noted at most once a minute (not audited: it changes nothing the user sees).
    func account(forHash hash: String, now: Date) async throws -> UserAccount? {
        guard let token = try await APITokenModel.query(on: db).filter(\.$tokenHash == hash).first(),
              let user = try await UserModel.find(token.userID, on: db) else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await token.update(on: db)
        }
        return UserAccount(user)
    }

    func create(name: String, hash: String, for user: UserAccount) async throws {
        let model = APITokenModel()
        model.userID = user.id
        model.name = name
        model.tokenHash = hash
        try await db.writeTransaction { tx in
            try await model.create(on: tx)
            var audit = AuditTrail(organisationID: user.organisationID ?? user.id, programmeID: nil, actor: user.actor)
            audit.record(entity: "apiToken", id: model.id!, operation: .create, before: [:], after: ["name": name, "user": user.email])
            try await audit.save(on: tx)
        }
    }

    /// Revokes one of the user's own tokens; nil when there is no such token of theirs.
    func revoke(_ id: UUID, of user: UserAccount) async throws -> APIToken? {
        guard let model = try await APITokenModel.find(id, on: db), model.userID == user.id else { return nil }
        try await db.writeTransaction { tx in
            try await model.delete(on: tx)
            var audit = AuditTrail(organisationID: user.organisationID ?? user.id, programmeID: nil, actor: user.actor)
            audit.record(entity: "apiToken", id: id, operation: .delete, before: ["name": model.name, "user": user.email], after: [:])
            try await audit.save(on: tx)
        }
        return Self.token(model)
    }

    static func token(_ m: APITokenModel) -> APIToken {
        APIToken(id: m.id!, name: m.name, createdAt: m.createdAt, lastUsedAt: m.lastUsedAt)
    }
}
