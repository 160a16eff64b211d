import Fluent
import Foundation
import OramaDomain

/// A programme as the Fluent models of its tables: the write path's bridge to the domain.
///
/// Built from a `Programme` (what a save wants) and from the database (what is stored), so
/// that saving is a comparison of two `ProgrammeRows` row by row. Reading for pages and the
/// API goes through `ProgrammeReader` instead.
struct ProgrammeRows {
    var sections: [ProfileSectionModel] = []
    var keyFigures: [KeyFigureModel] = []
    var statements: [PlanStatementModel] = []
    var axes: [AxisModel] = []
    var measures: [MeasureModel] = []
    var objectives: [ObjectiveModel] = []
    var actions: [ActionModel] = []
    var links: [ActionLinkModel] = []
    var fundingLines: [FundingLineModel] = []
    var milestones: [MilestoneModel] = []
    var indicators: [IndicatorModel] = []
    var targets: [IndicatorTargetModel] = []
    var measurements: [MeasurementModel] = []
    var progressUpdates: [ProgressUpdateModel] = []
    var locks: [PeriodLockModel] = []

    static func load(programmeID: UUID, on db: any Database) async throws -> ProgrammeRows {
        func rows<M: ProgrammeRow>(_ type: M.Type) async throws -> [M] {
            try await M.query(on: db).filter(.path([FieldKey("programme_id")], schema: M.schema), .equal, .bind(programmeID)).all()
        }
        var r = ProgrammeRows()
        r.sections = try await rows(ProfileSectionModel.self)
        r.keyFigures = try await rows(KeyFigureModel.self)
        r.statements = try await rows(PlanStatementModel.self)
        r.axes = try await rows(AxisModel.self)
        r.measures = try await rows(MeasureModel.self)
        r.objectives = try await rows(ObjectiveModel.self)
        r.actions = try await rows(ActionModel.self)
        r.links = try await rows(ActionLinkModel.self)
        r.fundingLines = try await rows(FundingLineModel.self)
        r.milestones = try await rows(MilestoneModel.self)
        r.indicators = try await rows(IndicatorModel.self)
        r.targets = try await rows(IndicatorTargetModel.self)
        r.measurements = try await rows(MeasurementModel.self)
        r.progressUpdates = try await rows(ProgressUpdateModel.self)
        r.locks = try await rows(PeriodLockModel.self)
        return r
    }

    // MARK: domain → rows

    init() {}

    /// The rows of `p`, leaving out those `unchanged` names: a save that knows the
    /// programme as stored builds only the parts an edit touched, on both sides.
    init(_ p: Programme, leaving unchanged: Unchanged = Unchanged()) {
        let pid = p.id
        for (i, section) in p.strategicPlan.profileSections.enumerated() where !unchanged.strategicPlan {
            let s = ProfileSectionModel()
            s.id = section.id; s.programmeID = pid; s.position = i; s.title = section.title; s.body = section.body
            sections.append(s)
            for (j, figure) in section.keyFigures.enumerated() {
                let k = KeyFigureModel()
                k.id = DerivedID.make(section.id, "keyFigure", j); k.programmeID = pid; k.sectionID = section.id; k.position = j
                k.name = figure.name; k.value = figure.value; k.unit = figure.unit; k.year = figure.year; k.source = figure.source
                keyFigures.append(k)
            }
        }
        func statement(_ kind: String, _ i: Int, _ text: String, axis: UUID? = nil) {
            let s = PlanStatementModel()
            s.id = DerivedID.make(pid, kind, i); s.programmeID = pid; s.kind = kind; s.position = i; s.text = text; s.axisID = axis
            statements.append(s)
        }
        if !unchanged.strategicPlan {
            for (i, item) in p.strategicPlan.swot.enumerated() { statement(item.quadrant.rawValue, i, item.text) }
            for (i, text) in p.strategicPlan.criticalIssues.enumerated() { statement("criticalIssue", i, text) }
            for (i, text) in p.strategicPlan.guidingPrinciples.enumerated() { statement("principle", i, text) }
            for (i, goal) in p.strategicPlan.strategicGoals.enumerated() { statement("goal", i, goal.text, axis: goal.axisID) }
        }

        for (a, axis) in p.axes.enumerated() {
            let am = AxisModel()
            am.id = axis.id; am.programmeID = pid; am.position = a; am.title = axis.title; am.description = axis.description
            axes.append(am)
            for (m, measure) in axis.measures.enumerated() {
                let mm = MeasureModel()
                mm.id = measure.id; mm.programmeID = pid; mm.axisID = axis.id; mm.position = m
                mm.title = measure.title; mm.description = measure.description
                measures.append(mm)
                for (o, objective) in measure.objectives.enumerated() {
                    let om = ObjectiveModel()
                    om.id = objective.id; om.programmeID = pid; om.measureID = measure.id; om.position = o
                    om.title = objective.title; om.description = objective.description
                    objectives.append(om)
                    for (x, action) in objective.actions.enumerated() where !unchanged.actions.contains(action.id) {
                        append(action, objectiveID: objective.id, position: x, programmeID: pid)
                    }
                }
            }
        }

        for (i, indicator) in p.indicators.enumerated() where !unchanged.indicators.contains(indicator.id) {
            let m = IndicatorModel()
            m.id = indicator.id; m.programmeID = pid; m.position = i; m.code = indicator.code; m.name = indicator.name
            m.kind = indicator.kind.rawValue; m.unit = indicator.unit; m.direction = indicator.direction.rawValue
            m.baseline = indicator.baseline; m.baselineYear = indicator.baselineYear; m.dataSource = indicator.dataSource
            m.frequency = indicator.frequency.rawValue; m.responsibleUnitID = indicator.responsibleUnitID
            switch indicator.attachment {
            case .measure(let id): m.measureID = id; m.objectiveID = nil
            case .objective(let id): m.objectiveID = id; m.measureID = nil
            }
            m.actionID = indicator.actionID
            indicators.append(m)
            for year in indicator.targets.keys.sorted() {
                let t = IndicatorTargetModel()
                t.id = DerivedID.make(indicator.id, "target", year); t.programmeID = pid; t.indicatorID = indicator.id
                t.year = year; t.value = indicator.targets[year]!
                targets.append(t)
            }
            for measurement in indicator.measurements {
                let mm = MeasurementModel()
                mm.id = measurement.id; mm.programmeID = pid; mm.indicatorID = indicator.id; mm.period = measurement.period.code
                mm.value = measurement.value; mm.note = measurement.note; mm.recordedBy = measurement.recordedBy
                mm.recordedAt = measurement.recordedAt.roundedToMilliseconds
                measurements.append(mm)
            }
        }

        for period in p.lockedPeriods.sorted() {
            let lock = PeriodLockModel()
            lock.id = DerivedID.make(pid, "lock:" + period.code, 0); lock.programmeID = pid; lock.period = period.code
            locks.append(lock)
        }

        for update in p.progressUpdates where !unchanged.progressUpdates.contains(update.id) {
            let u = ProgressUpdateModel()
            u.id = update.id; u.programmeID = pid; u.actionID = update.actionID; u.date = update.date.iso
            u.status = update.status.rawValue; u.physicalProgress = update.physicalProgress; u.spentCents = update.spentToDate.cents
            u.comment = update.comment; u.recordedBy = update.recordedBy; u.recordedAt = update.recordedAt.roundedToMilliseconds
            progressUpdates.append(u)
        }
    }

    private mutating func append(_ action: Action, objectiveID: UUID, position: Int, programmeID pid: UUID) {
        let m = ActionModel()
        m.id = action.id; m.programmeID = pid; m.objectiveID = objectiveID; m.position = position
        m.title = action.title; m.description = action.description; m.kind = action.kind.rawValue
        m.nature = action.nature.rawValue; m.responsibleUnitID = action.responsibleUnitID
        m.implementingKind = action.implementingBody.kindCode
        m.legalEntityID = nil; m.partnerName = ""; m.partnerContract = ""
        switch action.implementingBody {
        case .ownUnit: break
        case .legalEntity(let id): m.legalEntityID = id
        case .partner(let name, let contract): m.partnerName = name; m.partnerContract = contract
        }
        m.supraLocal = action.isSupraLocal; m.partners = JSONText.encode(action.partners)
        m.priority = action.priority.rawValue; m.rank = action.rank; m.maturity = action.maturity.rawValue
        m.preconditions = action.preconditions; m.costCents = action.cost.cents
        m.scheduleStart = action.schedule?.start.code; m.scheduleEnd = action.schedule?.end.code
        m.budgetLines = JSONText.encode(action.budgetLines); m.weight = action.weight
        actions.append(m)

        func link(_ role: String, _ target: UUID, _ i: Int) {
            let l = ActionLinkModel()
            l.id = DerivedID.make(action.id, role, i); l.programmeID = pid; l.actionID = action.id
            l.role = role; l.targetID = target; l.position = i
            links.append(l)
        }
        for (i, unit) in action.coResponsibleUnitIDs.enumerated() { link("coUnit", unit, i) }
        for (i, locality) in action.localityIDs.enumerated() { link("locality", locality, i) }
        for (i, line) in action.fundingLines.enumerated() {
            let f = FundingLineModel()
            f.id = DerivedID.make(action.id, "funding", i); f.programmeID = pid; f.actionID = action.id; f.position = i
            f.sourceID = line.sourceID; f.year = line.year; f.amountCents = line.amount.cents
            fundingLines.append(f)
        }
        for (i, milestone) in action.milestones.enumerated() {
            let ms = MilestoneModel()
            ms.id = milestone.id; ms.programmeID = pid; ms.actionID = action.id; ms.position = i
            ms.date = milestone.date.iso; ms.title = milestone.title; ms.done = milestone.isDone
            milestones.append(ms)
        }
    }
}

extension ProgrammeRows {
    /// The parts of a programme whose rows are the same in two versions of it, found by
    /// comparing domain values: the strategic plan, and actions, indicators and progress
    /// reports by id. Each part's rows are a function of exactly what is compared here (an
    /// action's rows — its links, funding lines and milestones included — of the action, its
    /// objective and its place; an indicator's, targets and values included, of the indicator
    /// and its place), so leaving it out of both sides leaves out only rows that compare equal.
    /// Axes, measures and objectives, a few dozen rows, are always compared row by row.
    struct Unchanged: Sendable {
        var strategicPlan = false
        var actions: Set<UUID> = []
        var indicators: Set<UUID> = []
        var progressUpdates: Set<UUID> = []

        init() {}

        init(_ a: Programme, _ b: Programme) {
            strategicPlan = a.strategicPlan == b.strategicPlan
            actions = Self.same(Self.placedActions(a), Self.placedActions(b))
            indicators = Self.same(a.indicators.enumerated().map { Placed(id: $1.id, parent: nil, position: $0, value: $1) },
                                   b.indicators.enumerated().map { Placed(id: $1.id, parent: nil, position: $0, value: $1) })
            progressUpdates = Self.same(a.progressUpdates.map { Placed(id: $0.id, parent: nil, position: 0, value: $0) },
                                        b.progressUpdates.map { Placed(id: $0.id, parent: nil, position: 0, value: $0) })
        }

        /// A part with what its rows are built from besides itself.
        struct Placed<Value: Hashable>: Hashable {
            var id: UUID
            var parent: UUID?
            var position: Int
            var value: Value
        }

        static func placedActions(_ p: Programme) -> [Placed<Action>] {
            p.axes.flatMap(\.measures).flatMap(\.objectives).flatMap { objective in
                objective.actions.enumerated().map { Placed(id: $1.id, parent: objective.id, position: $0, value: $1) }
            }
        }

        /// The ids that occur once on each side with equal parts. An id that occurs twice on
        /// a side is never left out: leaving it out would leave out both occurrences.
        static func same<Value>(_ a: [Placed<Value>], _ b: [Placed<Value>]) -> Set<UUID> {
            func once(_ parts: [Placed<Value>]) -> [UUID: Placed<Value>] {
                var seen: [UUID: Placed<Value>] = [:], twice = Set<UUID>()
                for part in parts where seen.updateValue(part, forKey: part.id) != nil { twice.insert(part.id) }
                for id in twice { seen[id] = nil }
                return seen
            }
            let left = once(a), right = once(b)
            return Set(left.compactMap { id, part in right[id] == part ? id : nil })
        }
    }
}

/// Ids for rows that have no identity of their own in the domain (a funding line is "the
/// third line of action X"): derived from the parent's id, a tag and the position, so the
/// same line gets the same id on every save and saving compares rows one to one.
enum DerivedID {
    static func make(_ parent: UUID, _ tag: String, _ index: Int) -> UUID {
        var bytes = parent.uuid
        var hash: UInt32 = 2_166_136_261
        for byte in tag.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw[0] ^= UInt8(truncatingIfNeeded: hash)
            raw[1] ^= UInt8(truncatingIfNeeded: hash >> 8)
            raw[2] ^= UInt8(truncatingIfNeeded: hash >> 16)
            raw[3] ^= UInt8(truncatingIfNeeded: hash >> 24)
            raw[10] ^= UInt8(truncatingIfNeeded: index >> 24)
            raw[11] ^= UInt8(truncatingIfNeeded: index >> 16)
            raw[12] ^= UInt8(truncatingIfNeeded: index >> 8)
            raw[13] ^= UInt8(truncatingIfNeeded: index)
        }
        return UUID(uuid: bytes)
    }
}

enum JSONText {
    static func encode(_ values: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(values), as: UTF8.self)) ?? "[]"
    }

    static func decode(_ text: String) -> [String] {
        if text == "[]" { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

extension Date {
    /// Databases keep timestamps to the microsecond or less; rounding before saving makes a
    /// saved-then-loaded programme compare equal to the one that was saved.
    var roundedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
