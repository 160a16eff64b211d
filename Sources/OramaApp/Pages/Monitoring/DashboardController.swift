import Foundation
import OramaDomain
import Vapor

/// How the programme is doing: dashboards, the roll-up behind each figure, an indicator's
/// page and the evaluation report of a year.
enum DashboardController {
    /// The programme's dashboard, or one service's (`?unit=`) or one place's (`?locality=`,
    /// a municipal unit taking in its communities).
    @Sendable static func dashboard(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let context = PageContext(req)
        let p = loaded.programme
        let r = loaded.reference
        let year = p.yearNearest(context.today.year)
        var scope: DashboardPage.Scope = .programme
        if let text = req.query[String.self, at: "unit"], !text.isEmpty {
            guard let unit = UUID(uuidString: text).flatMap(r.unit) else { throw UserFacingError.notFound(req.language.t("η υπηρεσία", "the unit"), req.language) }
            scope = .unit(unit)
        } else if let text = req.query[String.self, at: "locality"], !text.isEmpty {
            guard let place = UUID(uuidString: text).flatMap(r.locality) else { throw UserFacingError.notFound(req.language.t("η τοποθεσία", "the place"), req.language) }
            scope = .locality(place)
        }
        let actions: [Action]
        let indicators: [Indicator]
        switch scope {
        case .programme:
            actions = p.actions; indicators = p.indicators
        case .unit(let unit):
            actions = p.actions.filter { $0.responsibleUnitID == unit.id }
            indicators = p.indicators.filter { $0.responsibleUnitID == unit.id }
        case .locality(let place):
            let places = Set([place.id] + r.localities.filter { $0.parentID == place.id }.map(\.id))
            actions = p.actions.filter { !places.isDisjoint(with: $0.localityIDs) }
            indicators = []
        }
        let figures = scope == .programme
            ? loaded.derived("dashboard-\(year)") { DashboardFigures(p, year: year, actions: actions, indicators: nil) }
            : DashboardFigures(p, year: year, actions: actions, indicators: indicators)
        return Respond.html(DashboardPage(context: context, loaded: loaded, figures: figures, scope: scope, actions: actions).render())
    }

    @Sendable static func rollup(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let id = try req.uuid("nodeID")
        guard let node = loaded.programme.progressRollup().find(id), node.level != .action else {
            throw UserFacingError.notFound(req.language.t("το στοιχείο", "the item"), req.language)
        }
        return Respond.html(RollupPage(context: PageContext(req), loaded: loaded, node: node).render())
    }

    @Sendable static func indicator(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let indicator = try loaded.indicator(req)
        return Respond.html(IndicatorPage(context: PageContext(req), loaded: loaded, indicator: indicator,
                                            canReport: req.access.canEdit(indicator, in: loaded.summary)).render())
    }

    @Sendable static func evaluation(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let year = try req.programmeYear(in: loaded.programme)
        return Respond.html(EvaluationPage(context: PageContext(req), loaded: loaded, year: year).render())
    }
}
