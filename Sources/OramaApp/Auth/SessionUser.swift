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

/// How long a session lasts: signed out after `idle` without a request and, however busy,
/// `absolute` after signing in (the cookie's own life).
enum SessionLimits {
    static let idle: TimeInterval = 2 * 3600
    static let absolute: TimeInterval = 12 * 3600
    /// The last request's time is written at most this often (a write per request otherwise).
    static let touch: TimeInterval = 300

    /// What a new session remembers at sign-in: who, the account's session epoch, and when.
    static func open(_ session: Session, for account: UserAccount, at now: Date) {
        let seconds = String(Int64(now.timeIntervalSince1970))
        session.data["uid"] = account.id.uuidString
        session.data["epoch"] = String(account.sessionEpoch)
        session.data["since"] = seconds
        session.data["seen"] = seconds
    }

    /// Whether a session of `account` is still good at `now`.
    static func isValid(_ data: SessionData, for account: UserAccount, at now: Date) -> Bool {
        guard data["epoch"].flatMap(Int64.init) == account.sessionEpoch,
              let since = data["since"].flatMap(Double.init), let seen = data["seen"].flatMap(Double.init) else { return false }
        let t = now.timeIntervalSince1970
        return t - since <= absolute && t - seen <= idle
    }
}

/// Loads the user named by the session, if any, for every request; a session that has
/// expired or was ended (a new password, role or units; sign-out everywhere) signs out.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Asking a request without a session cookie for its session would create one.
        if request.hasSession, let text = request.session.data["uid"], let id = UUID(uuidString: text) {
            let now = request.application.sessionClock.now()
            if let account = try await request.repositories.accounts.account(id), SessionLimits.isValid(request.session.data, for: account, at: now) {
                request.user = account
                if let seen = request.session.data["seen"].flatMap(Double.init), now.timeIntervalSince1970 - seen > SessionLimits.touch {
                    request.session.data["seen"] = String(Int64(now.timeIntervalSince1970))
                }
            } else {
                let language = request.session.data["lang"]
                request.session.data = SessionData()
                request.session.data["lang"] = language
            }
        }
        return try await next.respond(to: request)
    }
}
