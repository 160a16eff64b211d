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
