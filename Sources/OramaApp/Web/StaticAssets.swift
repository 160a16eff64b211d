import Vapor

/// The site's plain CSS and its one small script, served from memory so the binary needs
/// no files beside it.
struct StaticAssetsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET else { return try await next.respond(to: request) }
        let asset: (String, HTTPMediaType)
        switch request.url.path {
        case SiteURL.stylesheet.path: asset = (Stylesheet.css, HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
        case SiteURL.script.path: asset = (Script.js, HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
        default: return try await next.respond(to: request)
        }
        let response = Response(status: .ok, body: .init(string: asset.0))
        response.headers.contentType = asset.1
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
