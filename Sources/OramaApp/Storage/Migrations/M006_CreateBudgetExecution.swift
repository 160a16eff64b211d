import Fluent

/// The municipality's budget execution per ΚΑΕ and year, as imported from its file.
struct M006_CreateBudgetExecution: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BudgetExecutionModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("year", .int, .required)
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("description", .string, .required)
            .field("budgeted_cents", .int64, .required)
            .field("committed_cents", .int64, .required)
            .field("paid_cents", .int64, .required)
            .unique(on: "organisation_id", "year", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BudgetExecutionModel.schema).delete()
    }
}
