import Fluent

/// Approved annual action programmes: a frozen copy, so later edits do not change what the
/// council approved.
struct M004_CreateAnnualApprovals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AnnualApprovalModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("approved_at", .datetime, .required)
            .field("approved_by", .string, .required)
            .field("snapshot", .string, .required)
            .unique(on: "programme_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AnnualApprovalModel.schema).delete()
    }
}
