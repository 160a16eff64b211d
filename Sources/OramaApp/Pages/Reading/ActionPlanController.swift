import Foundation
import OramaDomain
import Plot
import Vapor

/// A service's action plan (Σχέδιο Δράσης): its actions per axis and measure with cost per
/// year and source, and its indicators. Printable as it stands.
enum ActionPlanController {
    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let unitID = try req.uuid("unitID")
        guard let unit = loaded.reference.unit(unitID) else { throw UserFacingError.notFound(req.language.t("η υπηρεσία", "the unit"), req.language) }
        return Respond.html(ActionPlanPage(context: PageContext(req), loaded: loaded, unit: unit).render())
    }
}
