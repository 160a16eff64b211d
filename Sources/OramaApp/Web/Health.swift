import Foundation
import Vapor

enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
        var organisations: Int
    }

    @Sendable static func show(req: Request) async throws -> Health {
        let count = try await req.repositories.reference.organisationCount()
        return Health(status: "ok", database: req.application.databases.ids().map(\.string).sorted().joined(separator: ","), organisations: count)
    }
}
