import Fluent
import Vapor

/// Every path of the site, so that routes and the links to them cannot drift apart.
enum SiteURL {
    case home
    case programme(UUID)
    case apiProgrammes
    case apiProgramme(UUID)
    case health
    case stylesheet

    var path: String {
        switch self {
        case .home: "/"
        case .programme(let id): "/programmes/\(id.uuidString.lowercased())"
        case .apiProgrammes: "/api/v1/programmes"
        case .apiProgramme(let id): "/api/v1/programmes/\(id.uuidString.lowercased())"
        case .health: "/health"
        case .stylesheet: "/styles.css"
        }
    }
}

func routes(_ app: Application) throws {
    app.get("health", use: HealthController.show)
    app.get(use: ProgrammeController.home)
    app.get("programmes", ":programmeID", use: ProgrammeController.show)

    let api = app.grouped("api", "v1")
    api.get("programmes", use: ProgrammeAPIController.index)
    api.get("programmes", ":programmeID", use: ProgrammeAPIController.show)
}

enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
        var organisations: Int
    }

    @Sendable static func show(req: Request) async throws -> Health {
        let count = try await OrganisationModel.query(on: req.db).count()
        return Health(status: "ok", database: req.application.databases.ids().map(\.string).sorted().joined(separator: ","), organisations: count)
    }
}
