import Foundation
import OramaDomain
import Vapor

/// Search over titles, descriptions and codes, whatever the accents and case.
enum SearchController {
    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let query = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        return Respond.html(SearchPage(context: PageContext(req), loaded: loaded, query: query, hits: loaded.programme.search(query)).render())
    }
}
