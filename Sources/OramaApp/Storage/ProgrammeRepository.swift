import Fluent
import Foundation
import OramaDomain
import SQLKit

/// Who is writing, as the audit log records it.
public struct Actor: Sendable, Hashable {
    public var name: String
    public var userID: UUID?

    public init(name: String, userID: UUID? = nil) {
        self.name = name
        self.userID = userID
    }

    public static let system = Actor(name: "σύστημα")
    /// Whoever runs a command on the server.
    public static let commandLine = Actor(name: "γραμμή εντολών")
}

public enum StorageError: Error, Equatable, CustomStringConvertible {
    case programmeNotFound(UUID)
    /// Someone else saved the programme after the copy being saved was loaded.
    case conflict(expected: Int64, current: Int64)
    /// The database driver speaks no SQL (every driver Orama configures does): a set-up error.
    case needsSQLDatabase
    /// The version has been revised already (one revision per version).
    case alreadyRevised

    public var description: String {
        switch self {
        case .programmeNotFound: "Το πρόγραμμα δεν βρέθηκε."
        case .conflict(let expected, let current):
            "Το πρόγραμμα άλλαξε στο μεταξύ από άλλον χρήστη (έκδοση αλλαγών \(current), επεξεργαζόσασταν την \(expected))."
        case .needsSQLDatabase: "Η βάση δεδομένων δεν δέχεται ερωτήματα SQL (ρυθμίστε SQLite ή PostgreSQL)."
        case .alreadyRevised: "Η αναθεώρηση αυτής της έκδοσης έχει ήδη δημιουργηθεί."
        }
    }
}

/// A line of the list of programmes.
public struct ProgrammeSummary: Sendable, Hashable {
    public var id: UUID
    public var organisationID: UUID
    public var title: String
    public var startYear: Int
    public var endYear: Int
    public var status: Programme.Status
    public var version: Int
    public var changeCounter: Int64
}

/// Loads and saves whole programmes as domain values.
///
/// Loading makes `ProgrammeReader.queriesPerLoad` queries whatever the programme's size and
/// reads the rows with SQLKit (`ProgrammeReader`); saving goes through Fluent's models.
/// Saving compares the programme with what is stored, writes only the rows that differ,
/// records each in the audit log and moves the change counter on, all in one transaction.
public struct ProgrammeRepository: Sendable {
    let db: any Database
    let changes: ChangeHook?

    public init(db: any Database, changes: ChangeHook? = nil) {
        self.db = db
        self.changes = changes
    }

    public static let queriesPerLoad = ProgrammeReader.queriesPerLoad

    /// Programmes of one organisation, or of all when `organisationID` is nil (the Region's view).
    public func list(organisationID: UUID?) async throws -> [ProgrammeSummary] {
        var query = ProgrammeModel.query(on: db)
        if let organisationID { query = query.filter(\.$organisationID == organisationID) }
        return try await query.sort(\.$startYear, .descending).sort(\.$title).all().map(Self.summary)
    }

    public func summary(_ id: UUID) async throws -> ProgrammeSummary? {
        try await ProgrammeModel.find(id, on: db).map(Self.summary)
    }

    static func summary(_ m: ProgrammeModel) -> ProgrammeSummary {
        ProgrammeSummary(id: m.id!, organisationID: m.organisationID, title: m.title, startYear: m.startYear, endYear: m.endYear,
                         status: Programme.Status(rawValue: m.status) ?? .draft, version: m.version, changeCounter: m.changeCounter)
    }

    public func load(_ id: UUID) async throws -> Programme? {
        try await ProgrammeReader(sql: db.sql()).load(id)
    }

    /// Stores a new programme with everything in it, every row audited.
    public func create(_ programme: Programme, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let row = ProgrammeModel()
            row.id = programme.id
            row.changeCounter = 1
            Self.copy(programme, to: row)
            try await row.create(on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: programme.id, actor: actor)
            audit.record(entity: "programme", id: programme.id, operation: .create, before: [:], after: RowSnapshot.of(row))
            try await Self.sync(desired: ProgrammeRows(programme), stored: ProgrammeRows(), on: tx, audit: &audit)
            try await audit.save(on: tx)
            try await ChangeNotices.announce(.programme(programme.id), on: tx)
        }
        changes?.committed(.programme(programme.id))
    }

    /// Saves a changed programme. `expecting` is the change counter of the copy that was
    /// edited; if the stored programme has moved on since, nothing is written and
    /// `StorageError.conflict` is thrown. Returns the new change counter.
    ///
    /// Every row of the programme as stored is read and compared with the one wanted: the
    /// save for a change whose starting point is not at hand (an office's table imported in
    /// one transaction with its new reference rows, `OfficeImportStore`).
    @discardableResult
    public func save(_ programme: Programme, expecting counter: Int64, actor: Actor) async throws -> Int64 {
        try await write(programme, expecting: counter, actor: actor) { tx in
            (desired: ProgrammeRows(programme), stored: try await ProgrammeRows.load(programmeID: programme.id, on: tx))
        }
    }

    /// Saves `programme`, an edit of `base` — the programme as loaded, at its change counter.
    /// Every write to a programme's rows moves its counter on in the same transaction, so
    /// while the counter still reads `base.changeCounter` the stored rows are `base`'s
    /// (a load reads the counter before the rows: rows newer than their counter fail the
    /// check and nothing is written). Only the parts that differ between the two are built
    /// and compared (`ProgrammeRows.Unchanged`): an edit of one action costs its own rows, not
    /// the whole programme's.
    @discardableResult
    public func save(_ programme: Programme, over base: Programme, actor: Actor) async throws -> Int64 {
        guard programme.id == base.id else { throw StorageError.programmeNotFound(programme.id) }
        return try await write(programme, expecting: base.changeCounter, actor: actor) { _ in
            let unchanged = ProgrammeRows.Unchanged(base, programme)
            return (desired: ProgrammeRows(programme, leaving: unchanged), stored: ProgrammeRows(base, leaving: unchanged))
        }
    }

    private func write(_ programme: Programme, expecting counter: Int64, actor: Actor,
                       rows: @escaping @Sendable (any Database) async throws -> (desired: ProgrammeRows, stored: ProgrammeRows)) async throws -> Int64 {
        let db = self.db
        // The rows are built inside the transaction, afresh on each try: a model that has
        // been written keeps that in its state.
        let next = try await Busy.retrying { try await db.writeTransaction { tx in
            // The write first: on SQLite the transaction takes the write lock (waiting for it)
            // before it reads, so it never holds a read snapshot another writer has outdated.
            let next = try await Self.advanceCounter(programme.id, from: counter, on: tx)
            guard let row = try await ProgrammeModel.find(programme.id, on: tx) else {
                throw StorageError.programmeNotFound(programme.id)
            }
            var audit = AuditTrail(organisationID: row.organisationID, programmeID: programme.id, actor: actor)
            let before = RowSnapshot.of(row)
            Self.copy(programme, to: row)
            let after = RowSnapshot.of(row)
            if before != after {
                row.changeCounter = next
                try await row.update(on: tx)
                audit.record(entity: "programme", id: programme.id, operation: .update, before: before, after: after)
            }
            let (desired, stored) = try await rows(tx)
            Self.stamp(desired.actions, against: stored.actions, counter: next)
            try await Self.sync(desired: desired, stored: stored, on: tx, audit: &audit)
            try await audit.save(on: tx)
            return next
        } }
        changes?.committed(.programme(programme.id))
        return next
    }

    /// Each action keeps the counter of the save that last changed it; a new or changed one
    /// takes this save's. The stored counter is carried over only when the stored row holds
    /// one: a row built from the loaded programme (`save(_:over:)`) has none, and an unchanged
    /// action then compares equal without it and is not written.
    static func stamp(_ desired: [ActionModel], against stored: [ActionModel], counter: Int64) {
        let old = Dictionary(stored.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        for action in desired {
            guard let before = old[action.id!] else { action.changedCounter = counter; continue }
            if let kept = before.$changedCounter.value { action.changedCounter = kept }
            if RowSnapshot.of(action) != RowSnapshot.of(before) { action.changedCounter = counter }
        }
    }

    /// The programme's change counter when this action last changed; nil when it has not
    /// changed since it was created (or since that was recorded).
    func changedCounter(ofAction id: UUID) async throws -> Int64? {
        try await ActionModel.find(id, on: db)?.changedCounter
    }

    /// Removes a programme and everything in it.
    public func delete(_ id: UUID, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            guard let row = try await ProgrammeModel.find(id, on: tx) else { throw StorageError.programmeNotFound(id) }
            let stored = try await ProgrammeRows.load(programmeID: id, on: tx)
            var audit = AuditTrail(organisationID: row.organisationID, programmeID: id, actor: actor)
            try await Self.sync(desired: ProgrammeRows(), stored: stored, on: tx, audit: &audit)
            audit.record(entity: "programme", id: id, operation: .delete, before: RowSnapshot.of(row), after: [:])
            try await row.delete(on: tx)
            try await audit.save(on: tx)
            try await ChangeNotices.announce(.programme(id), on: tx)
        }
        changes?.committed(.programme(id))
    }

    /// Moves the counter on only if it still has the value the editor saw. The conditional
    /// UPDATE makes the check and the increment one step, so two concurrent saves of the same
    /// copy cannot both pass.
    /// With `expected` nil the counter moves on unconditionally (writes that cannot conflict,
    /// such as a new comment).
    static func advanceCounter(_ id: UUID, from expected: Int64?, current: Int64? = nil, on db: any Database) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase else { throw StorageError.programmeNotFound(id) }
        var update = sql.update(ProgrammeModel.schema)
            .set(SQLIdentifier("change_counter"), to: SQLBinaryExpression(SQLIdentifier("change_counter"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, id)
        if let expected { update = update.where("change_counter", .equal, expected) }
        let rows = try await update.returning("change_counter").all()
        guard let row = rows.first else {
            var now = current
            if now == nil { now = try await ProgrammeModel.find(id, on: db)?.changeCounter }
            guard let now else { throw StorageError.programmeNotFound(id) }
            throw StorageError.conflict(expected: expected ?? now, current: now)
        }
        try await ChangeNotices.announce(.programme(id), on: db)
        return try row.decode(column: "change_counter", as: Int64.self)
    }

    static func copy(_ p: Programme, to row: ProgrammeModel) {
        row.organisationID = p.organisationID
        row.title = p.title
        row.startYear = p.startYear
        row.endYear = p.endYear
        row.status = p.status.rawValue
        row.version = p.version
        row.note = p.note
        row.vision = p.strategicPlan.vision
        row.reportingFrequency = p.reportingCalendar.frequency.rawValue
        row.reportingDueDays = p.reportingCalendar.dueAfterDays
        row.consultationStart = p.keyDates.consultationStart?.iso
        row.consultationEnd = p.keyDates.consultationEnd?.iso
        row.councilSession = p.keyDates.councilSession?.iso
    }

    static func sync(desired: ProgrammeRows, stored: ProgrammeRows, on db: any Database, audit: inout AuditTrail) async throws {
        try await sync(desired.sections, stored.sections, on: db, audit: &audit)
        try await sync(desired.keyFigures, stored.keyFigures, on: db, audit: &audit)
        try await sync(desired.statements, stored.statements, on: db, audit: &audit)
        try await sync(desired.axes, stored.axes, on: db, audit: &audit)
        try await sync(desired.measures, stored.measures, on: db, audit: &audit)
        try await sync(desired.objectives, stored.objectives, on: db, audit: &audit)
        try await sync(desired.actions, stored.actions, on: db, audit: &audit)
        try await sync(desired.links, stored.links, on: db, audit: &audit)
        try await sync(desired.fundingLines, stored.fundingLines, on: db, audit: &audit)
        try await sync(desired.milestones, stored.milestones, on: db, audit: &audit)
        try await sync(desired.indicators, stored.indicators, on: db, audit: &audit)
        try await sync(desired.targets, stored.targets, on: db, audit: &audit)
        try await sync(desired.measurements, stored.measurements, on: db, audit: &audit)
        try await sync(desired.progressUpdates, stored.progressUpdates, on: db, audit: &audit)
        try await sync(desired.locks, stored.locks, on: db, audit: &audit)
    }

    /// Inserts the new rows (in batches), updates the changed ones and deletes the rest.
    static func sync<M: ProgrammeRow>(_ desired: [M], _ stored: [M], on db: any Database, audit: inout AuditTrail) async throws {
        let storedByID = Dictionary(stored.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        var creates: [M] = []
        var kept = Set<UUID>()
        for row in desired {
            let id = row.id!
            kept.insert(id)
            let after = RowSnapshot.of(row)
            if let old = storedByID[id] {
                let before = RowSnapshot.of(old)
                guard before != after else { continue }
                row._$idExists = true
                try await row.update(on: db)
                audit.record(entity: M.entity, id: id, operation: .update, before: before, after: after)
            } else {
                creates.append(row)
                audit.record(entity: M.entity, id: id, operation: .create, before: [:], after: after)
            }
        }
        // SQLite allows 32,766 bound values per statement; 200 rows of ≤ 25 columns stay far below.
        var start = 0
        while start < creates.count {
            let end = min(start + 200, creates.count)
            try await Array(creates[start..<end]).create(on: db)
            start = end
        }
        let gone = stored.filter { !kept.contains($0.id!) }
        for row in gone {
            audit.record(entity: M.entity, id: row.id!, operation: .delete, before: RowSnapshot.of(row), after: [:])
        }
        if !gone.isEmpty {
            try await M.query(on: db).filter(\M._$id ~~ gone.map { $0.id! }).delete()
        }
    }
}
