import Fluent
import SQLKit

/// The programme's public dates (consultation, council session) for its calendar feed, and
/// the API tokens users create for scripts. Additive, so existing databases keep their data.
struct M007_KeyDatesAndTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for column in ["consultation_start", "consultation_end", "council_session"] {
            try await database.schema(ProgrammeModel.schema).field(.definition(name: .key(.string(column)), dataType: .string, constraints: [])).update()
        }
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
        for column in ["council_session", "consultation_end", "consultation_start"] {
            try await database.schema(ProgrammeModel.schema).deleteField(.key(.string(column))).update()
        }
    }
}
