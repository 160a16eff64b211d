import Fluent

/// What several servers on one database must share: the sign-in throttle and the claims of
/// the scheduled jobs (so that the reminders go out once).
struct M009_SharedState: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_throttle")
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int64, .required)
            .field("blocked_until", .double, .required)
            .create()
        try await database.schema("job_claims")
            .field("job", .string, .required)
            .field("period", .string, .required)
            .field("claimed_by", .string, .required)
            .field("claimed_at", .double, .required)
            .unique(on: "job", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_claims").delete()
        try await database.schema("sign_in_throttle").delete()
    }
}

/// An analyst's Region on the user.
struct M010_AnalystScope: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("scope_region", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("scope_region").update()
    }
}
