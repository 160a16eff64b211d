import Foundation
import Vapor

/// The answers a screen gives: a page that is never cached, a document's print version, or a
/// redirect that carries a message for the next page.
enum Respond {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A document's print version: a standalone page with its own styles that runs and loads nothing.
    static func printHTML(_ body: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
        return response
    }

    static func redirect(_ req: Request, to path: String, flash: String? = nil) -> Response {
        if let flash { req.session.data["flash"] = flash }
        return req.redirect(to: path, redirectType: .normal)
    }
}
