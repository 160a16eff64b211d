import Fluent
import SQLKit

/// Organisations and the reference data their programmes point into, plus users and the
/// audit log. Portable schema-builder calls only: the same migration runs on SQLite and
/// PostgreSQL.
struct M001_CreateReference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("regional_unit", .string, .required)
            .field("address", .string, .required)
            .field("phone", .string, .required)
            .unique(on: "name")
            .create()

        try await database.schema(LocalityModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("parent_id", .uuid)
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .create()

        try await database.schema(OrgUnitModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("parent_id", .uuid)
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("phone", .string, .required)
            .field("email", .string, .required)
            .unique(on: "organisation_id", "code")
            .create()

        try await database.schema(LegalEntityModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .create()

        try await database.schema(FundingSourceModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("annual_ceiling_cents", .int64)
            .unique(on: "organisation_id", "code")
            .create()

        try await database.schema(UserModel.schema)
            .id()
            .field("created_at", .datetime)
            // nil for a system administrator of the whole server (a Region runs one for all).
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id"))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("unit_ids", .string, .required)
            .unique(on: "email")
            .create()

        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("programme_id", .uuid)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("operation", .string, .required)
            .field("changes", .string, .required)
            .create()

        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_log_programme_idx").on(AuditEntryModel.schema).column("programme_id").run()
            try await sql.create(index: "audit_log_entity_idx").on(AuditEntryModel.schema).column("entity_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [AuditEntryModel.schema, UserModel.schema, FundingSourceModel.schema, LegalEntityModel.schema,
                       OrgUnitModel.schema, LocalityModel.schema, OrganisationModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
