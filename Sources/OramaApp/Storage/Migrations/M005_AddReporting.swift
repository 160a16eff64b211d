import Fluent
import SQLKit

/// Reporting: each programme's calendar (frequency, days until due) and the periods the
/// planning service has locked. Additive, so existing databases keep their data.
struct M005_AddReporting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProgrammeModel.schema)
            .field("reporting_frequency", .string, .required, .sql(.default(SQLLiteral.string("quarterly"))))
            .update()
        try await database.schema(ProgrammeModel.schema)
            .field("reporting_due_days", .int, .required, .sql(.default(SQLLiteral.numeric("15"))))
            .update()
        try await database.schema(PeriodLockModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("period", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "period_locks_programme_idx").on(PeriodLockModel.schema).column("programme_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PeriodLockModel.schema).delete()
        try await database.schema(ProgrammeModel.schema).deleteField("reporting_due_days").update()
        try await database.schema(ProgrammeModel.schema).deleteField("reporting_frequency").update()
    }
}
