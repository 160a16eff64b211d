import Fluent
import Foundation
import OramaDomain
import OramaInterchange

/// What the import of an office's table keeps: the mapping of each header shape and the
/// meaning of each value, per organisation; the file between the wizard's steps; and the
/// import itself — new reference records and the programme — in one transaction.
struct OfficeImportStore: Sendable {
    let db: any Database
    /// Told when a write has committed (the caches of this process forget the programme).
    var changes: ChangeHook? = nil

    func savedMapping(organisationID: UUID, signature: String) async throws -> OfficeMapping? {
        guard let row = try await ImportMappingModel.query(on: db).filter(\.$organisationID == organisationID).filter(\.$signature == signature).first() else { return nil }
        return try? JSONDecoder().decode(OfficeMapping.self, from: Data(row.mapping.utf8))
    }

    /// The choices made for the organisation's values before, in every file.
    func rememberedChoices(organisationID: UUID) async throws -> [OfficeValueChoice] {
        try await ImportValueChoiceModel.query(on: db).filter(\.$organisationID == organisationID).all().compactMap { row in
            OfficeValueKind(rawValue: row.kind).map { OfficeValueChoice(kind: $0, text: row.text, target: row.target) }
        }
    }

    /// Keeps the mapping under its signature and every value's choice, a new record's by the
    /// id it was created with.
    func remember(_ mapping: OfficeMapping, created: [String: UUID], organisationID: UUID, at now: Date) async throws {
        // The mapping kept names the records made by this import, so that the next file of
        // this shape finds them instead of asking for new ones.
        var named = mapping
        for choice in named.values where choice.target == OfficeValueChoice.new {
            if let id = created[choice.key] { named.choose(choice.kind, choice.text, id.uuidString) }
        }
        let mapping = named
        try await db.writeTransaction { tx in
            let json = String(decoding: mapping.json, as: UTF8.self)
            if let row = try await ImportMappingModel.query(on: tx).filter(\.$organisationID == organisationID).filter(\.$signature == mapping.signature).first() {
                row.mapping = json
                row.updatedAt = now
                try await row.update(on: tx)
            } else {
                let row = ImportMappingModel()
                row.organisationID = organisationID; row.signature = mapping.signature; row.mapping = json; row.updatedAt = now
                try await row.create(on: tx)
            }
            for choice in mapping.values {
                let target = choice.target == OfficeValueChoice.new ? created[choice.key]?.uuidString : choice.target
                guard let target else { continue }
                if let row = try await ImportValueChoiceModel.query(on: tx).filter(\.$organisationID == organisationID).filter(\.$key == choice.key).first() {
                    guard row.target != target else { continue }
                    row.target = target
                    try await row.update(on: tx)
                } else {
                    let row = ImportValueChoiceModel()
                    row.organisationID = organisationID; row.key = choice.key; row.kind = choice.kind.rawValue; row.text = choice.text; row.target = target
                    try await row.create(on: tx)
                }
            }
        }
    }

    /// Keeps an uploaded file for the wizard's next steps; uploads older than a day go.
    func keep(_ data: Data, fileName: String, programmeID: UUID, userID: UUID, at now: Date) async throws -> UUID {
        try await ImportUploadModel.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-86_400)).delete()
        let row = ImportUploadModel()
        row.programmeID = programmeID; row.userID = userID; row.fileName = String(fileName.prefix(200)); row.content = data; row.createdAt = now
        try await row.create(on: db)
        return row.id!
    }

    /// A file between the wizard's steps, with the sheet and the mapping chosen so far.
    struct Upload: Sendable {
        var id: UUID
        var data: Data
        var fileName: String
        var sheet: String?
        var mapping: OfficeMapping?
    }

    /// An upload of this user for this programme, or nil.
    func upload(_ id: UUID, programmeID: UUID, userID: UUID) async throws -> Upload? {
        guard let row = try await ImportUploadModel.find(id, on: db), row.programmeID == programmeID, row.userID == userID else { return nil }
        let mapping = row.mapping.flatMap { try? OfficeMapping.decode(Data($0.utf8)).get() }
        return Upload(id: id, data: row.content, fileName: row.fileName, sheet: row.sheet, mapping: mapping)
    }

    /// Keeps the sheet and the mapping of an upload for the next step.
    func update(_ id: UUID, sheet: String?, mapping: OfficeMapping) async throws {
        guard let row = try await ImportUploadModel.find(id, on: db) else { return }
        row.sheet = sheet
        row.mapping = String(decoding: mapping.json, as: UTF8.self)
        try await row.update(on: db)
    }

    func discard(_ id: UUID) async throws {
        try await ImportUploadModel.query(on: db).filter(\.$id == id).delete()
    }

    /// The import: the new services, legal entities, places and sources, then the programme, in one
    /// transaction with their audit entries; the programme's change counter must still be
    /// `counter` (someone saving in between is a `StorageError.conflict`, and nothing is kept).
    func apply(_ plan: OfficePlan, expecting counter: Int64, actor: Actor) async throws {
        let org = plan.reference.organisation.id
        try await db.writeTransaction { tx in
            var audit = AuditTrail(organisationID: org, programmeID: nil, actor: actor)
            var position = try await OrgUnitModel.query(on: tx).filter(\.$organisationID == org).count()
            for u in plan.newUnits {
                let m = OrgUnitModel()
                m.id = u.id; m.organisationID = org; m.parentID = u.parentID; m.position = position; m.code = u.code; m.name = u.name
                m.kind = u.kind.rawValue; m.phone = u.phone; m.email = u.email
                position += 1
                try await m.create(on: tx)
                audit.record(entity: "orgUnit", id: u.id, operation: .create, before: [:], after: RowSnapshot.of(m))
            }
            position = try await LegalEntityModel.query(on: tx).filter(\.$organisationID == org).count()
            for e in plan.newLegalEntities {
                let m = LegalEntityModel()
                m.id = e.id; m.organisationID = org; m.position = position; m.name = e.name; m.kind = e.kind.rawValue
                position += 1
                try await m.create(on: tx)
                audit.record(entity: "legalEntity", id: e.id, operation: .create, before: [:], after: RowSnapshot.of(m))
            }
            position = try await LocalityModel.query(on: tx).filter(\.$organisationID == org).count()
            for l in plan.newLocalities {
                let m = LocalityModel()
                m.fill(l); m.id = l.id; m.organisationID = org; m.position = position
                position += 1
                try await m.create(on: tx)
                audit.record(entity: "locality", id: l.id, operation: .create, before: [:], after: RowSnapshot.of(m))
            }
            position = try await FundingSourceModel.query(on: tx).filter(\.$organisationID == org).count()
            for s in plan.newSources {
                let m = FundingSourceModel()
                m.id = s.id; m.organisationID = org; m.position = position; m.code = s.code; m.name = s.name; m.kind = s.kind.rawValue
                m.annualCeilingCents = s.annualCeiling?.cents
                position += 1
                try await m.create(on: tx)
                audit.record(entity: "fundingSource", id: s.id, operation: .create, before: [:], after: RowSnapshot.of(m))
            }
            try await audit.save(on: tx)
            try await ProgrammeRepository(db: tx).save(plan.programme, expecting: counter, actor: actor)
            if plan.newRecordCount > 0 { try await ReferenceRepository.touchProgrammes(of: org, on: tx) }
        }
        changes?.committed(plan.newRecordCount > 0 ? .organisation(org) : .programme(plan.programme.id))
    }
}
