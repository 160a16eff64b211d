import Fluent
import SQLKit

/// A programme's decisions (council, committees) with their ΑΔΑ and the signed PDF.
struct M011_CreateDecisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("number", .string, .required)
            .field("date", .string, .required)
            .field("subject", .string, .required)
            .field("ada", .string)
            .field("file_name", .string)
            .field("file_bytes", .int64)
            .field("file", .data)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "decisions_programme_idx").on(DecisionModel.schema).column("programme_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DecisionModel.schema).delete()
    }
}
