import Fluent
import SQLKit

/// The approval path: what each decision does for it, the steps taken, and revisions with
/// where each of their parts came from.
struct M012_ApprovalPath: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionModel.schema)
            .field("act", .string, .required, .sql(.default("other")))
            .update()
        try await database.schema(ProgrammeStepModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("step", .string, .required)
            .field("date", .string, .required)
            .field("decision_id", .uuid)
            .field("consultation_start", .string)
            .field("consultation_end", .string)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "programme_id", "step")
            .create()
        try await database.schema(RevisionModel.schema)
            .id()
            .foreignKey("id", references: ProgrammeModel.schema, "id", onDelete: .cascade)
            .field("previous_id", .uuid, .required)
            .unique(on: "previous_id")
            .create()
        try await database.schema(RevisionOriginModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("part_id", .uuid, .required)
            .field("origin_id", .uuid, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "revision_origins_programme_idx").on(RevisionOriginModel.schema).column("programme_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RevisionOriginModel.schema).delete()
        try await database.schema(RevisionModel.schema).delete()
        try await database.schema(ProgrammeStepModel.schema).delete()
        try await database.schema(DecisionModel.schema).deleteField("act").update()
    }
}
