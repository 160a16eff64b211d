import Foundation
import Vapor

/// The two answers a screen gives: a page that is never cached, or a redirect that carries
/// a message for the next page.
enum Respond {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func redirect(_ req: Request, to path: String, flash: String? = nil) -> Response {
        if let flash { req.session.data["flash"] = flash }
        return req.redirect(to: path, redirectType: .normal)
    }
}
