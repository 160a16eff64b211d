import Fluent
import Foundation
import OramaDomain
import SQLKit

/// Organisations and their reference data: localities, services, legal entities, sources.
public struct ReferenceRepository: Sendable {
    let db: any Database
    let changes: ChangeHook?

    public init(db: any Database, changes: ChangeHook? = nil) {
        self.db = db
        self.changes = changes
    }

    public func organisations() async throws -> [Organisation] {
        try await OrganisationModel.query(on: db).sort(\.$name).all().map(Self.organisation)
    }

    public func organisation(named name: String) async throws -> Organisation? {
        try await OrganisationModel.query(on: db).filter(\.$name == name).first().map(Self.organisation)
    }

    public func organisation(_ id: UUID) async throws -> Organisation? {
        try await OrganisationModel.find(id, on: db).map(Self.organisation)
    }

    public func organisationCount() async throws -> Int {
        try await OrganisationModel.query(on: db).count()
    }

    /// The services with these ids, in whichever municipality they are.
    func units(ids: [UUID]) async throws -> [OrgUnit] {
        try await OrgUnitModel.query(on: db).filter(\.$id ~~ ids).all().map(Self.unit)
    }

    /// The services with this code, in one municipality or in all.
    func units(code: String, organisationID: UUID?) async throws -> [OrgUnit] {
        var query = OrgUnitModel.query(on: db).filter(\.$code == code)
        if let organisationID { query = query.filter(\.$organisationID == organisationID) }
        return try await query.all().map(Self.unit)
    }

    static func unit(_ m: OrgUnitModel) -> OrgUnit {
        OrgUnit(id: m.id!, organisationID: m.organisationID, parentID: m.parentID, code: m.code, name: m.name,
                kind: OrgUnit.Kind(rawValue: m.kind) ?? .department, phone: m.phone, email: m.email)
    }

    static func organisation(_ m: OrganisationModel) -> Organisation {
        Organisation(id: m.id!, name: m.name, region: m.region, regionalUnit: m.regionalUnit, address: m.address, phone: m.phone)
    }

    /// Everything an organisation's programmes point into, in five queries.
    public func load(organisationID: UUID) async throws -> ReferenceData? {
        guard let org = try await OrganisationModel.find(organisationID, on: db) else { return nil }
        let localities = try await LocalityModel.query(on: db).filter(\.$organisationID == organisationID).sort(\.$position).all()
        let units = try await OrgUnitModel.query(on: db).filter(\.$organisationID == organisationID).sort(\.$position).all()
        let entities = try await LegalEntityModel.query(on: db).filter(\.$organisationID == organisationID).sort(\.$position).all()
        let sources = try await FundingSourceModel.query(on: db).filter(\.$organisationID == organisationID).sort(\.$position).all()
        return ReferenceData(
            organisation: Self.organisation(org),
            localities: localities.map(\.locality),
            units: units.map(Self.unit),
            legalEntities: entities.map {
                LegalEntity(id: $0.id!, organisationID: $0.organisationID, name: $0.name, kind: LegalEntity.Kind(rawValue: $0.kind) ?? .other)
            },
            fundingSources: sources.map {
                FundingSource(id: $0.id!, organisationID: $0.organisationID, code: $0.code, name: $0.name,
                              kind: FundingSource.Kind(rawValue: $0.kind) ?? .other, annualCeiling: $0.annualCeilingCents.map(Money.init(cents:)))
            })
    }

    /// Stores a new organisation with its reference data, audited, in one transaction.
    public func create(_ reference: ReferenceData, actor: Actor) async throws {
        let orgID = reference.organisation.id
        try await db.writeTransaction { tx in
            var audit = AuditTrail(organisationID: orgID, programmeID: nil, actor: actor)
            func store(_ model: some Model, entity: String, id: UUID) async throws {
                try await model.create(on: tx)
                audit.record(entity: entity, id: id, operation: .create, before: [:], after: RowSnapshot.of(model))
            }
            let o = reference.organisation
            let org = OrganisationModel()
            org.id = o.id; org.name = o.name; org.region = o.region; org.regionalUnit = o.regionalUnit
            org.address = o.address; org.phone = o.phone
            try await store(org, entity: "organisation", id: o.id)
            for (i, l) in reference.localities.enumerated() {
                let m = LocalityModel()
                m.fill(l); m.id = l.id; m.organisationID = orgID; m.position = i
                try await store(m, entity: "locality", id: l.id)
            }
            for (i, u) in reference.units.enumerated() {
                let m = OrgUnitModel()
                m.id = u.id; m.organisationID = orgID; m.parentID = u.parentID; m.position = i; m.code = u.code; m.name = u.name
                m.kind = u.kind.rawValue; m.phone = u.phone; m.email = u.email
                try await store(m, entity: "orgUnit", id: u.id)
            }
            for (i, e) in reference.legalEntities.enumerated() {
                let m = LegalEntityModel()
                m.id = e.id; m.organisationID = orgID; m.position = i; m.name = e.name; m.kind = e.kind.rawValue
                try await store(m, entity: "legalEntity", id: e.id)
            }
            for (i, s) in reference.fundingSources.enumerated() {
                let m = FundingSourceModel()
                m.id = s.id; m.organisationID = orgID; m.position = i; m.code = s.code; m.name = s.name; m.kind = s.kind.rawValue
                m.annualCeilingCents = s.annualCeiling?.cents
                try await store(m, entity: "fundingSource", id: s.id)
            }
            try await audit.save(on: tx)
        }
    }
}

/// Reads the audit log.
public struct AuditEntry: Sendable, Hashable {
    public var at: Date
    public var actor: String
    public var entity: String
    public var entityID: UUID
    public var operation: String
    public var changes: String
}

public struct AuditLog: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func entries(programmeID: UUID, entityID: UUID? = nil, limit: Int = 200) async throws -> [AuditEntry] {
        var query = AuditEntryModel.query(on: db).filter(\.$programmeID == programmeID)
        if let entityID { query = query.filter(\.$entityID == entityID) }
        return try await query.sort(\.$at, .descending).limit(limit).all().map {
            AuditEntry(at: $0.at, actor: $0.actor, entity: $0.entity, entityID: $0.entityID, operation: $0.operation, changes: $0.changes)
        }
    }

    public func count(programmeID: UUID) async throws -> Int {
        try await AuditEntryModel.query(on: db).filter(\.$programmeID == programmeID).count()
    }
}

enum ReferenceError: Error, Equatable {
    case inUse(count: Int)
    case notFound
}

extension ReferenceRepository {
    /// Inserts or updates one row of reference data, audited, in one transaction.
    private func upsert<M: Model>(_ type: M.Type, id: UUID, organisationID: UUID, entity: String, actor: Actor,
                                  fill: @escaping @Sendable (M) -> Void) async throws where M.IDValue == UUID {
        try await db.writeTransaction { tx in
            var audit = AuditTrail(organisationID: organisationID, programmeID: nil, actor: actor)
            if let existing = try await M.find(id, on: tx) {
                // A row of another municipality is not this one's to change.
                guard RowSnapshot.of(existing)["organisation_id"] == organisationID.uuidString else { throw ReferenceError.notFound }
                let before = RowSnapshot.of(existing)
                fill(existing)
                let after = RowSnapshot.of(existing)
                guard before != after else { return }
                try await existing.update(on: tx)
                audit.record(entity: entity, id: id, operation: .update, before: before, after: after)
            } else {
                let model = M()
                model.id = id
                fill(model)
                try await model.create(on: tx)
                audit.record(entity: entity, id: id, operation: .create, before: [:], after: RowSnapshot.of(model))
            }
            try await audit.save(on: tx)
            try await Self.touchProgrammes(of: organisationID, on: tx)
        }
        changes?.committed(.organisation(organisationID))
    }

    /// Reference data shows on every page of the municipality's programmes: their change
    /// counters move with it, so ETags and cached pages follow.
    static func touchProgrammes(of organisationID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update(ProgrammeModel.schema)
            .set(SQLIdentifier("change_counter"), to: SQLBinaryExpression(SQLIdentifier("change_counter"), .add, SQLLiteral.numeric("1")))
            .where("organisation_id", .equal, organisationID)
            .run()
        try await ChangeNotices.announce(.organisation(organisationID), on: db)
    }

    private func nextPosition<M: Model>(_ type: M.Type, organisationID: UUID) async throws -> Int {
        try await M.query(on: db).filter(.path([FieldKey("organisation_id")], schema: M.schema), .equal, .bind(organisationID)).count()
    }

    func save(_ u: OrgUnit, actor: Actor) async throws {
        let position = try await nextPosition(OrgUnitModel.self, organisationID: u.organisationID)
        try await upsert(OrgUnitModel.self, id: u.id, organisationID: u.organisationID, entity: "orgUnit", actor: actor) { m in
            if m.$position.value == nil { m.position = position }
            m.organisationID = u.organisationID; m.parentID = u.parentID; m.code = u.code; m.name = u.name
            m.kind = u.kind.rawValue; m.phone = u.phone; m.email = u.email
        }
    }

    func save(_ e: LegalEntity, actor: Actor) async throws {
        let position = try await nextPosition(LegalEntityModel.self, organisationID: e.organisationID)
        try await upsert(LegalEntityModel.self, id: e.id, organisationID: e.organisationID, entity: "legalEntity", actor: actor) { m in
            if m.$position.value == nil { m.position = position }
            m.organisationID = e.organisationID; m.name = e.name; m.kind = e.kind.rawValue
        }
    }

    func save(_ l: Locality, actor: Actor) async throws {
        let position = try await nextPosition(LocalityModel.self, organisationID: l.organisationID)
        try await upsert(LocalityModel.self, id: l.id, organisationID: l.organisationID, entity: "locality", actor: actor) { m in
            if m.$position.value == nil { m.position = position }
            m.fill(l)
        }
    }

    func save(_ s: FundingSource, actor: Actor) async throws {
        let position = try await nextPosition(FundingSourceModel.self, organisationID: s.organisationID)
        try await upsert(FundingSourceModel.self, id: s.id, organisationID: s.organisationID, entity: "fundingSource", actor: actor) { m in
            if m.$position.value == nil { m.position = position }
            m.organisationID = s.organisationID; m.code = s.code; m.name = s.name; m.kind = s.kind.rawValue; m.annualCeilingCents = s.annualCeiling?.cents
        }
    }

    /// Deletes a row nobody uses; one in use is refused with how many records point at it.
    /// The count and the delete happen in one transaction.
    func delete(kind: String, id: UUID, organisationID: UUID, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let uses: Int
            switch kind {
            case "units":
                let heads = try await UserModel.query(on: tx).filter(\.$organisationID == organisationID).all()
                    .filter { JSONText.decode($0.unitIDs).contains(id.uuidString) }.count
                uses = try await ActionModel.query(on: tx).filter(\.$responsibleUnitID == id).count()
                    + IndicatorModel.query(on: tx).filter(\.$responsibleUnitID == id).count()
                    + ActionLinkModel.query(on: tx).filter(\.$targetID == id).count()
                    + OrgUnitModel.query(on: tx).filter(\.$parentID == id).count() + heads
            case "entities": uses = try await ActionModel.query(on: tx).filter(\.$legalEntityID == id).count()
            case "localities":
                uses = try await ActionLinkModel.query(on: tx).filter(\.$targetID == id).count()
                    + LocalityModel.query(on: tx).filter(\.$parentID == id).count()
            case "sources": uses = try await FundingLineModel.query(on: tx).filter(\.$sourceID == id).count()
            default: throw ReferenceError.notFound
            }
            guard uses == 0 else { throw ReferenceError.inUse(count: uses) }
            var audit = AuditTrail(organisationID: organisationID, programmeID: nil, actor: actor)
            func remove<M: Model>(_ type: M.Type, _ entity: String) async throws where M.IDValue == UUID {
                guard let row = try await M.find(id, on: tx), RowSnapshot.of(row)["organisation_id"] == organisationID.uuidString else { throw ReferenceError.notFound }
                audit.record(entity: entity, id: id, operation: .delete, before: RowSnapshot.of(row), after: [:])
                try await row.delete(on: tx)
            }
            switch kind {
            case "units": try await remove(OrgUnitModel.self, "orgUnit")
            case "entities": try await remove(LegalEntityModel.self, "legalEntity")
            case "localities": try await remove(LocalityModel.self, "locality")
            default: try await remove(FundingSourceModel.self, "fundingSource")
            }
            try await audit.save(on: tx)
            try await Self.touchProgrammes(of: organisationID, on: tx)
        }
        changes?.committed(.organisation(organisationID))
    }
}
