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
