import Fluent
import Foundation
import OramaDomain

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "name") var name: String
    @Field(key: "region") var region: String
    @Field(key: "regional_unit") var regionalUnit: String
    @Field(key: "address") var address: String
    @Field(key: "phone") var phone: String

    init() {}
}

final class LocalityModel: Model, @unchecked Sendable {
    static let schema = "localities"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?

    // data
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "genitive") var genitive: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?

    init() {}

    /// Copies a locality's fields in (not its position, which the caller keeps or chooses).
    func fill(_ l: Locality) {
        organisationID = l.organisationID; parentID = l.parentID; name = l.name; kind = l.kind.rawValue; genitive = l.genitive
        latitude = l.location?.latitude; longitude = l.location?.longitude
    }

    var locality: Locality {
        Locality(id: id ?? UUID(), organisationID: organisationID, parentID: parentID, name: name, kind: Locality.Kind(rawValue: kind) ?? .community,
                 genitive: genitive, location: latitude.flatMap { lat in longitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } })
    }
}

final class OrgUnitModel: Model, @unchecked Sendable {
    static let schema = "org_units"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?

    // data
    @Field(key: "position") var position: Int
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String

    init() {}
}

final class LegalEntityModel: Model, @unchecked Sendable {
    static let schema = "legal_entities"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID

    // data
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String

    init() {}
}

final class FundingSourceModel: Model, @unchecked Sendable {
    static let schema = "funding_sources"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID

    // data
    @Field(key: "position") var position: Int
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "annual_ceiling_cents") var annualCeilingCents: Int64?

    init() {}
}

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?

    // managed
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // relationships
    @OptionalField(key: "organisation_id") var organisationID: UUID?

    // data
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// JSON array of the unit ids a unit head answers for.
    @Field(key: "unit_ids") var unitIDs: String
    /// An analyst's Region (nil: the whole country); nil for everyone else.
    @OptionalField(key: "scope_region") var scopeRegion: String?
    /// Moves on whenever the user's sessions must end (see `M016_SessionEpoch`).
    @Field(key: "session_epoch") var sessionEpoch: Int64

    init() {}
}

/// A personal API token: only its SHA-256 is stored; the token itself is shown once.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
}

final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "programme_id") var programmeID: UUID?

    // data
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: UUID
    @Field(key: "operation") var operation: String
    /// JSON object: field → [before, after].
    @Field(key: "changes") var changes: String

    init() {}
}

final class BudgetExecutionModel: Model, @unchecked Sendable {
    static let schema = "budget_execution"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID

    // data
    @Field(key: "year") var year: Int
    @Field(key: "position") var position: Int
    @Field(key: "code") var code: String
    @Field(key: "description") var description: String
    @Field(key: "budgeted_cents") var budgetedCents: Int64
    @Field(key: "committed_cents") var committedCents: Int64
    @Field(key: "paid_cents") var paidCents: Int64

    init() {}
}
