import Foundation
import OramaDomain
import Vapor

/// `/overview?region=…` and `/api/v1/overview?region=…`: the municipalities of a Region side
/// by side, for its analyst, the ministry's (the whole country) and the server's administrator.
enum OverviewController {
    @Sendable static func show(req: Request) async throws -> Response {
        let region = try scope(req)
        let access = req.access
        let overview = try await req.repositories.overview.overview(region: region, year: req.today.year)
        let regions = region != nil && access.overviewRegion(asked: nil) != nil ? [] : Geography.regions.map(\.name)
        return Respond.html(OverviewPage(context: PageContext(req), overview: overview, regions: regions).render())
    }

    /// The same figures as JSON, for the Region's or the ministry's own tools (an API token).
    @Sendable static func api(req: Request) async throws -> OverviewDTO {
        OverviewDTO(try await req.repositories.overview.overview(region: try scope(req), year: req.today.year))
    }

    /// The Region asked for (`?region=`), narrowed to the one an analyst of a Region answers for.
    static func scope(_ req: Request) throws -> String? {
        let access = req.access
        try access.require(access.canSeeOverview, req.language)
        var asked = req.query[String.self, at: "region"].map { $0.trimmingCharacters(in: .whitespaces) }
        if asked?.isEmpty == true { asked = nil }
        if let name = asked {
            guard let region = Geography.region(named: name) else {
                throw UserFacingError(status: .notFound, code: "not_found",
                                      reason: req.language.t("Δεν υπάρχει Περιφέρεια «\(name)».", "There is no Region «\(name)»."))
            }
            asked = region.name
        }
        return access.overviewRegion(asked: asked)
    }
}
