import Fluent
import SQLKit

/// Citizens' comments in the public consultation.
struct M013_PublicComments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicCommentModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("part_id", .uuid)
            .field("part_label", .string, .required)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("text", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("network_hash", .string, .required)
            .field("token_hash", .string, .required)
            .field("confirmed_at", .datetime)
            .field("moderation", .string, .required)
            .field("moderation_reason", .string, .required)
            .field("answer", .string, .required)
            .field("outcome", .string)
            .unique(on: "token_hash")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "public_comments_programme_idx").on(PublicCommentModel.schema).column("programme_id").run()
            try await sql.create(index: "public_comments_email_idx").on(PublicCommentModel.schema).column("email").column("submitted_at").run()
            try await sql.create(index: "public_comments_network_idx").on(PublicCommentModel.schema).column("network_hash").column("submitted_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicCommentModel.schema).delete()
    }
}
