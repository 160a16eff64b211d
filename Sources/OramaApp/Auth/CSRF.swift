import Crypto
import Foundation
import OramaDomain
import Vapor

/// A random token per session, put in every form as `_csrf` and checked on every
/// state-changing request outside the token-authenticated API.
enum CSRF {
    static let field = "_csrf"
    /// The largest upload (a budget execution file) plus its form.
    static let maxBody = 12 << 20
    /// Forms other than file uploads stay within Vapor's default body size: collecting the
    /// body here would otherwise lift every route's own limit to `maxBody`.
    static let maxFormBody = 2 << 20

    /// The routes that take a file: the imports, the budget execution file, a decision's PDF.
    static func bodyLimit(for path: String) -> Int {
        ["/import", "/import/office", "/execution", "/decisions"].contains { path.hasSuffix($0) } ? maxBody : maxFormBody
    }

    static func token(for request: Request) -> String {
        if let token = request.session.data["csrf"] { return token }
        let token = Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        request.session.data["csrf"] = token
        return token
    }

    static func isValid(_ submitted: String?, for request: Request) -> Bool {
        guard request.hasSession, let expected = request.session.data["csrf"], let submitted, !submitted.isEmpty else { return false }
        let a = Array(expected.utf8), b = Array(submitted.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]
        if unsafe.contains(request.method), !request.url.path.hasPrefix("/api/") {
            // Middleware runs before the route collects the body; a large form still arrives
            // as a stream here, so gather it first (the same limit as the routes).
            let limit = CSRF.bodyLimit(for: request.url.path)
            let body = try await request.body.collect(max: limit).get()
            // A body that arrived whole (not streamed) is not measured by `collect`.
            if let body, body.readableBytes > limit {
                throw UserFacingError(status: .payloadTooLarge, code: "too_large",
                                      reason: request.language.t("Η φόρμα είναι πολύ μεγάλη (έως \(limit >> 20) MB).", "The form is too large (up to \(limit >> 20) MB)."))
            }
            // Counted in the raw bytes before any decoder runs: nested keys decode in worse
            // than linear time, and nobody has been checked yet.
            if let body, let problem = RequestLimits.problem(in: body, contentType: request.headers.contentType) {
                let reason: String
                switch problem {
                case .tooManyFields(let most):
                    reason = request.language.t("Η φόρμα έχει πάρα πολλά πεδία (έως \(GreekNumber.format(Double(most)))).", "The form has too many fields (at most \(most)).")
                case .tooDeep(let key):
                    reason = request.language.t("Το πεδίο «\(key)» της φόρμας έχει πάρα πολλά επίπεδα (έως \(RequestLimits.maxDepth)).",
                                                "The form field “\(key)” is nested too deeply (at most \(RequestLimits.maxDepth) levels).")
                }
                throw UserFacingError(status: .payloadTooLarge, code: "form_too_large", reason: reason)
            }
            // A plain form's token is read from its bytes; only a multipart one (an upload) is decoded.
            let submitted = request.headers.contentType == .urlEncodedForm
                ? body.flatMap { RequestLimits.field(CSRF.field, in: $0) }
                : try? request.content.get(String.self, at: CSRF.field)
            guard CSRF.isValid(submitted, for: request) else {
                throw UserFacingError(status: .forbidden, code: "csrf",
                                      reason: request.language.t("Η φόρμα έληξε ή δεν προέρχεται από αυτόν τον ιστότοπο. Ανανεώστε τη σελίδα και δοκιμάστε ξανά.",
                                                                 "The form has expired or did not come from this site. Reload the page and try again."))
            }
        }
        return try await next.respond(to: request)
    }
}
