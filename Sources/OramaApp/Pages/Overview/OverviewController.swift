import Foundation
import OramaDomain
import Vapor

/// `/overview?region=…`: the municipalities of a Region side by side, for its analyst, the
/// ministry's (the whole country) and the server's administrator.
enum OverviewController {
    @Sendable static func show(req: Request) async throws -> Response {
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
        let region = access.overviewRegion(asked: asked)
        let overview = try await req.repositories.overview.overview(region: region, year: req.today.year)
        let regions = region != nil && access.overviewRegion(asked: nil) != nil ? [] : Geography.regions.map(\.name)
        return Respond.html(OverviewPage(context: PageContext(req), overview: overview, regions: regions).render())
    }
}
