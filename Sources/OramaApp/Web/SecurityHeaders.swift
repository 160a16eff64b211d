import Foundation
import Vapor

/// Headers every response carries: no sniffing, no framing by other sites, a strict
/// content policy (pages need no third-party resources at all).
/// A future-based middleware: it runs on every request, and an async one would start a task
/// for each.
struct SecurityHeadersMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in Self.add(to: response) }
    }

    static func add(to response: Response) -> Response {
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // A route may set a stricter or a document-specific policy (the print documents).
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
        }
        return response
    }
}
