import Fluent
import SQLKit

/// Each locality's name in the genitive, for headings.
struct M014_LocalityGenitives: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LocalityModel.schema).field("genitive", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LocalityModel.schema).deleteField("genitive").update()
    }
}
