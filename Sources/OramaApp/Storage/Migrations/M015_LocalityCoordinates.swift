import Fluent

/// Where each locality is (WGS 84 degrees), for the citizens' map; empty when not known.
struct M015_LocalityCoordinates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LocalityModel.schema).field("latitude", .double).update()
        try await database.schema(LocalityModel.schema).field("longitude", .double).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LocalityModel.schema).deleteField("longitude").update()
        try await database.schema(LocalityModel.schema).deleteField("latitude").update()
    }
}
