import Vapor

/// The site's plain CSS and its one small script, served from memory so the binary needs
/// no files beside it.
enum StaticAssets {
    @Sendable static func stylesheet(req: Request) async throws -> Response {
        asset(Stylesheet.css, HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    @Sendable static func script(req: Request) async throws -> Response {
        asset(Script.js, HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    private static func asset(_ text: String, _ type: HTTPMediaType) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}

/// Sessions, the signed-in user and the CSRF check are for pages: the CSS and the script
/// need none of them, so their requests skip the middleware (and its database reads).
struct SkippedForAssets: AsyncMiddleware {
    let wrapped: any Middleware

    static let paths: Set<String> = [SiteURL.stylesheet.path, SiteURL.script.path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, Self.paths.contains(request.url.path) { return try await next.respond(to: request) }
        return try await wrapped.respond(to: request, chainingTo: next).get()
    }
}
