import Fluent
import SQLKit

/// Comments of reviewers, planners and heads of services on a programme's items.
struct M003_CreateComments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommentModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("entity_id", .uuid, .required)
            .field("author_id", .uuid)
            .field("author", .string, .required)
            .field("text", .string, .required)
            .field("at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "comments_entity_idx").on(CommentModel.schema).column("entity_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommentModel.schema).delete()
    }
}
