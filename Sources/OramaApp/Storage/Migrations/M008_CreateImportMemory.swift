import Fluent

/// What the import of offices' own tables remembers: mappings per header shape, the meaning
/// of values, and the file between the wizard's steps.
struct M008_CreateImportMemory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportMappingModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("signature", .string, .required)
            .field("mapping", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", "signature")
            .create()
        try await database.schema(ImportValueChoiceModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("choice_key", .string, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("target", .string, .required)
            .unique(on: "organisation_id", "choice_key")
            .create()
        try await database.schema(ImportUploadModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("sheet", .string)
            .field("mapping", .string)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportUploadModel.schema).delete()
        try await database.schema(ImportValueChoiceModel.schema).delete()
        try await database.schema(ImportMappingModel.schema).delete()
    }
}
