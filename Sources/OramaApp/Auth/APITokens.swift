import Crypto
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
    func requireTokenUser() throws -> UserAccount {
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
            guard let account = try await request.repositories.apiTokens.account(forHash: APITokens.hash(bearer.token), now: request.now) else {
                throw UserFacingError(status: .unauthorized, code: "invalid_token", reason: "Το κλειδί API δεν είναι έγκυρο ή έχει ανακληθεί.")
            }
            request.user = account
            request.authenticatedByToken = true
        }
        return try await next.respond(to: request)
    }
}
