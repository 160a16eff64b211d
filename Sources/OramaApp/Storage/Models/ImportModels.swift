import Fluent
import Foundation

/// How an organisation's tables of one shape map to Orama, kept under the header's signature
/// so that the next file of that shape asks nothing.
final class ImportMappingModel: Model, @unchecked Sendable {
    static let schema = "import_mappings"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID

    // data
    @Field(key: "signature") var signature: String
    /// The `OfficeMapping` as JSON.
    @Field(key: "mapping") var mapping: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// What a value of an organisation's tables was taken to mean (a service, a place, a source),
/// remembered for every later file.
final class ImportValueChoiceModel: Model, @unchecked Sendable {
    static let schema = "import_value_choices"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID

    // data
    @Field(key: "choice_key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @Field(key: "target") var target: String

    init() {}
}

/// A file uploaded to the import wizard, kept between its steps (in the database, so any
/// server of a cluster can take the next step).
final class ImportUploadModel: Model, @unchecked Sendable {
    static let schema = "import_uploads"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "user_id") var userID: UUID

    // data
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: Data
    /// The sheet and the mapping as the wizard's steps leave them.
    @OptionalField(key: "sheet") var sheet: String?
    @OptionalField(key: "mapping") var mapping: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
