import Fluent
import Foundation
import OramaDomain

/// The approval path as stored: the steps each programme has taken, and revisions with the
/// version each revises and where each of their parts came from.
struct ApprovalStore: Sendable {
    let db: any Database
    var changes: ChangeHook? = nil

    /// The steps the programme has taken, in the order of the path.
    func steps(programmeID: UUID) async throws -> [StepRecord] {
        try await ProgrammeStepModel.query(on: db).filter(\.$programmeID == programmeID).all()
            .compactMap(Self.record)
            .sorted { ($0.date, Self.order($0.step)) < ($1.date, Self.order($1.step)) }
    }

    /// The version this programme revises, if it is a revision.
    func previous(of programmeID: UUID) async throws -> UUID? {
        try await RevisionModel.find(programmeID, on: db)?.previousID
    }

    /// The revisions made of this programme, newest version last.
    func revisions(of programmeID: UUID) async throws -> [UUID] {
        try await RevisionModel.query(on: db).filter(\.$previousID == programmeID).all().compactMap(\.id)
    }

    /// For each part of a revision copied from the version before, that part's id there.
    func origins(of programmeID: UUID) async throws -> [UUID: UUID] {
        let rows = try await RevisionOriginModel.query(on: db).filter(\.$programmeID == programmeID).all()
        return Dictionary(rows.map { ($0.partID, $0.originID) }, uniquingKeysWith: { a, _ in a })
    }

    /// Stores a draft revision with its link to the version before and its parts' origins,
    /// in one transaction, audited like any new programme.
    func create(_ revision: Revision, actor: Actor) async throws {
        do {
            try await insert(revision, actor: actor)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two requests at once: the unique key on the version revised lets one through, whole.
            throw StorageError.alreadyRevised
        }
        changes?.committed(.programme(revision.programme.id))
    }

    private func insert(_ revision: Revision, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            try await ProgrammeRepository(db: tx).create(revision.programme, actor: actor)
            let link = RevisionModel()
            link.id = revision.programme.id
            link.previousID = revision.previousID
            try await link.create(on: tx)
            let origins = revision.origins.sorted { $0.key.uuidString < $1.key.uuidString }.map { part, origin in
                let row = RevisionOriginModel()
                row.id = UUID()
                row.programmeID = revision.programme.id
                row.partID = part
                row.originID = origin
                return row
            }
            for chunk in stride(from: 0, to: origins.count, by: 200) {
                try await origins[chunk..<min(chunk + 200, origins.count)].create(on: tx)
            }
        }
    }

    /// Records a step the domain has allowed: the programme's new status (and the
    /// consultation's dates), the step itself, each audited; if the step publishes a revision,
    /// the version it revises is marked superseded and its history carried into the revision
    /// in the same transaction. `counter` is the
    /// change counter the planner saw: if the programme has moved on, nothing is written and
    /// `StorageError.conflict` is thrown.
    func record(_ step: StepRecord, programme: ProgrammeSummary, expecting counter: Int64, actor: Actor, at now: Date) async throws {
        let superseded: UUID? = try await db.writeTransaction { tx in
            guard let row = try await ProgrammeModel.find(programme.id, on: tx) else { throw StorageError.programmeNotFound(programme.id) }
            let next = try await ProgrammeRepository.advanceCounter(programme.id, from: counter, current: row.changeCounter, on: tx)
            var audit = AuditTrail(organisationID: row.organisationID, programmeID: programme.id, actor: actor)
            let before = RowSnapshot.of(row)
            row.status = step.step.to.rawValue
            if let consultation = step.consultation {
                row.consultationStart = consultation.start.iso
                row.consultationEnd = consultation.end.iso
            }
            row.changeCounter = next
            try await row.update(on: tx)
            audit.record(entity: "programme", id: programme.id, operation: .update, before: before, after: RowSnapshot.of(row))

            let stored = ProgrammeStepModel()
            stored.id = step.id
            stored.programmeID = programme.id
            stored.step = step.step.rawValue
            stored.date = step.date.iso
            stored.decisionID = step.decisionID
            stored.consultationStart = step.consultation?.start.iso
            stored.consultationEnd = step.consultation?.end.iso
            stored.recordedBy = actor.name
            stored.recordedAt = now.roundedToMilliseconds
            try await stored.create(on: tx)
            var after = ["step": step.step.rawValue, "date": step.date.iso]
            if let decision = step.decisionID { after["decision"] = decision.uuidString }
            if let c = step.consultation { after["consultation"] = "\(c.start.iso)/\(c.end.iso)" }
            audit.record(entity: "step", id: step.id, operation: .create, before: [:], after: after)

            if step.step == .publish, let previousID = try await RevisionModel.find(programme.id, on: tx)?.previousID,
               let previous = try await ProgrammeModel.find(previousID, on: tx), previous.status == Programme.Status.published.rawValue {
                let moved = try await ProgrammeRepository.advanceCounter(previousID, from: nil, current: previous.changeCounter, on: tx)
                var earlier = AuditTrail(organisationID: previous.organisationID, programmeID: previousID, actor: actor)
                let was = RowSnapshot.of(previous)
                previous.status = Programme.Status.superseded.rawValue
                previous.changeCounter = moved
                try await previous.update(on: tx)
                earlier.record(entity: "programme", id: previousID, operation: .update, before: was, after: RowSnapshot.of(previous))
                try await earlier.save(on: tx)
                try await Self.carryHistory(into: programme.id, from: previousID, on: tx, audit: &audit)
                try await audit.save(on: tx)
                return previousID
            }
            try await audit.save(on: tx)
            return nil
        }
        changes?.committed(.programme(programme.id))
        if let superseded { changes?.committed(.programme(superseded)) }
    }

    /// The published revision goes on with the history of the version it supersedes: the
    /// progress reports and indicator values of every part it carries on, copied in the same
    /// transaction (`Programme.carryingHistory`), each new row audited.
    private static func carryHistory(into programmeID: UUID, from previousID: UUID, on tx: any Database, audit: inout AuditTrail) async throws {
        let reader = ProgrammeRepository(db: tx)
        guard let revision = try await reader.load(programmeID), let previous = try await reader.load(previousID) else { return }
        let origins = try await ApprovalStore(db: tx).origins(of: programmeID)
        let desired = ProgrammeRows(revision.carryingHistory(from: previous, origins: origins))
        let stored = try await ProgrammeRows.load(programmeID: programmeID, on: tx)
        try await ProgrammeRepository.sync(desired.progressUpdates, stored.progressUpdates, on: tx, audit: &audit)
        try await ProgrammeRepository.sync(desired.measurements, stored.measurements, on: tx, audit: &audit)
    }

    private static func order(_ step: ApprovalStep) -> Int { ApprovalStep.allCases.firstIndex(of: step) ?? 0 }

    static func record(_ m: ProgrammeStepModel) -> StepRecord? {
        guard let id = m.id, let step = ApprovalStep(rawValue: m.step), let date = CalendarDate(parsing: m.date) else { return nil }
        var consultation: Consultation?
        if let a = m.consultationStart.flatMap(CalendarDate.init(parsing:)), let b = m.consultationEnd.flatMap(CalendarDate.init(parsing:)) {
            consultation = Consultation(start: a, end: b)
        }
        return StepRecord(id: id, programmeID: m.programmeID, step: step, date: date, decisionID: m.decisionID, consultation: consultation)
    }
}
