import Foundation
import OramaDomain
import Vapor

extension Request {
    private struct SignedInUserKey: StorageKey { typealias Value = UserAccount }

    /// The signed-in user of this request (by session cookie or API token), if any.
    var user: UserAccount? {
        get { storage[SignedInUserKey.self] }
        set { storage[SignedInUserKey.self] = newValue }
    }

    var language: Language { hasSession ? Language(rawValue: session.data["lang"] ?? "") ?? .el : .el }

    var access: Access { Access(user: user) }
}

/// Loads the user named by the session, if any, for every request.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Asking a request without a session cookie for its session would create one.
        if request.hasSession, let text = request.session.data["uid"], let id = UUID(uuidString: text) {
            if let account = try await request.repositories.accounts.account(id) {
                request.user = account
            } else {
                request.session.data["uid"] = nil
            }
        }
        return try await next.respond(to: request)
    }
}
