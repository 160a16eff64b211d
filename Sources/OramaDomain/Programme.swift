import Foundation

/// An Operational Programme (Επιχειρησιακό Πρόγραμμα): the five-year plan of a municipality.
public struct Programme: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Phase A being drafted.
        case draft
        /// The council has approved Phase A; the consultation is not yet open.
        case phaseAApproved
        /// In public consultation.
        case consultation
        /// The council has approved Phase B; awaiting publication.
        case approved
        case published
        /// A later revision has been published in its place.
        case superseded

        public var greek: String {
            switch self {
            case .draft: "Σχέδιο"
            case .phaseAApproved: "Εγκρίθηκε η Αʹ Φάση"
            case .consultation: "Σε διαβούλευση"
            case .approved: "Εγκεκριμένο"
            case .published: "Δημοσιευμένο"
            case .superseded: "Αντικατεστάθη"
            }
        }

        /// Drafts and programmes awaiting publication are never shown to the public.
        public var isPublic: Bool {
            switch self {
            case .consultation, .published, .superseded: true
            case .draft, .phaseAApproved, .approved: false
            }
        }
    }

    public var id: UUID
    public var organisationID: UUID
    public var title: String
    public var startYear: Int
    public var endYear: Int
    public var status: Status
    /// 1 for the original programme, 2 for its first revision (αναθεώρηση), …
    public var version: Int
    /// Increases with every write to anything in the programme; edit-conflict checks,
    /// ETags and page caches key on it.
    public var changeCounter: Int64
    /// Shown on every page of an illustrative programme so nobody takes it as adopted.
    public var note: String
    public var strategicPlan: StrategicPlan
    public var axes: [Axis]
    public var indicators: [Indicator]
    public var progressUpdates: [ProgressUpdate]
    /// When services report progress and values.
    public var reportingCalendar: ReportingCalendar
    /// Periods the planning service has closed: they accept no more reports.
    public var lockedPeriods: Set<ReportingPeriod>
    /// The dates the public and the council plan around: the consultation and the council's session.
    public var keyDates: KeyDates

    public init(
        id: UUID = UUID(), organisationID: UUID, title: String, startYear: Int, endYear: Int? = nil,
        status: Status = .draft, version: Int = 1, changeCounter: Int64 = 0, note: String = "",
        strategicPlan: StrategicPlan = StrategicPlan(), axes: [Axis] = [], indicators: [Indicator] = [],
        progressUpdates: [ProgressUpdate] = [], reportingCalendar: ReportingCalendar = ReportingCalendar(), lockedPeriods: Set<ReportingPeriod> = [],
        keyDates: KeyDates = KeyDates()
    ) {
        self.id = id
        self.organisationID = organisationID
        self.title = title
        self.startYear = startYear
        self.endYear = endYear ?? startYear + Programme.defaultLength - 1
        self.status = status
        self.version = version
        self.changeCounter = changeCounter
        self.note = note
        self.strategicPlan = strategicPlan
        self.axes = axes
        self.indicators = indicators
        self.progressUpdates = progressUpdates
        self.reportingCalendar = reportingCalendar
        self.lockedPeriods = lockedPeriods
        self.keyDates = keyDates
        renumber()
    }

    /// A programme covers the five years of a municipal term.
    public static let defaultLength = 5

    public var years: ClosedRange<Int> { startYear...max(startYear, endYear) }

    /// The year of the programme's period nearest to `year` (a page's default year).
    public func yearNearest(_ year: Int) -> Int { min(max(year, years.lowerBound), years.upperBound) }

    public var measures: [Measure] { axes.flatMap(\.measures) }
    public var objectives: [Objective] { measures.flatMap(\.objectives) }
    public var actions: [Action] { objectives.flatMap(\.actions) }

    /// The latest progress update of each action, by date and then by recording time.
    public func latestProgress(of actionID: UUID) -> ProgressUpdate? {
        var latest: ProgressUpdate?
        for u in progressUpdates where u.actionID == actionID {
            if let l = latest, (u.date, u.recordedAt) <= (l.date, l.recordedAt) { continue }
            latest = u
        }
        return latest
    }

    /// The latest report of every action that has one, in one pass: for pages and figures
    /// that ask for many actions (asking `latestProgress(of:)` for each is quadratic).
    public func latestProgressByAction() -> [UUID: ProgressUpdate] {
        var latest: [UUID: ProgressUpdate] = [:]
        for u in progressUpdates {
            if let l = latest[u.actionID], (u.date, u.recordedAt) <= (l.date, l.recordedAt) { continue }
            latest[u.actionID] = u
        }
        return latest
    }

    /// The latest report of an action dated in `year` or before: what an evaluation of that year says of it.
    public func latestProgress(of actionID: UUID, upTo year: Int) -> ProgressUpdate? {
        progressUpdates.filter { $0.actionID == actionID && $0.date.year <= year }.max { ($0.date, $0.recordedAt) < ($1.date, $1.recordedAt) }
    }

    /// Every action with the axis, measure and objective above it.
    public var actionPaths: [ActionPath] {
        axes.flatMap { axis in
            axis.measures.flatMap { measure in
                measure.objectives.flatMap { objective in
                    objective.actions.map { ActionPath(axis: axis, measure: measure, objective: objective, action: $0) }
                }
            }
        }
    }

    public func indicators(attachedTo attachment: Indicator.Attachment) -> [Indicator] {
        indicators.filter { $0.attachment == attachment }
    }
}

/// The programme's public dates: the consultation (διαβούλευση) and the municipal council's
/// session that approves it. Each may be unknown yet.
public struct KeyDates: Sendable, Hashable, Codable {
    public var consultationStart: CalendarDate?
    public var consultationEnd: CalendarDate?
    public var councilSession: CalendarDate?

    public init(consultationStart: CalendarDate? = nil, consultationEnd: CalendarDate? = nil, councilSession: CalendarDate? = nil) {
        self.consultationStart = consultationStart
        self.consultationEnd = consultationEnd
        self.councilSession = councilSession
    }
}

public struct ActionPath: Sendable, Hashable {
    public var axis: Axis
    public var measure: Measure
    public var objective: Objective
    public var action: Action
}

/// Άξονας Προτεραιότητας.
public struct Axis: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var code: String
    public var title: String
    public var description: String
    public var measures: [Measure]

    public init(id: UUID = UUID(), code: String = "", title: String, description: String = "", measures: [Measure] = []) {
        self.id = id
        self.code = code
        self.title = title
        self.description = description
        self.measures = measures
    }
}

/// Μέτρο.
public struct Measure: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var code: String
    public var title: String
    public var description: String
    public var objectives: [Objective]

    public init(id: UUID = UUID(), code: String = "", title: String, description: String = "", objectives: [Objective] = []) {
        self.id = id
        self.code = code
        self.title = title
        self.description = description
        self.objectives = objectives
    }
}

/// Στόχος.
public struct Objective: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var code: String
    public var title: String
    public var description: String
    public var actions: [Action]

    public init(id: UUID = UUID(), code: String = "", title: String, description: String = "", actions: [Action] = []) {
        self.id = id
        self.code = code
        self.title = title
        self.description = description
        self.actions = actions
    }
}

/// The Strategic Plan (Phase A): where the area stands and where it wants to go.
public struct StrategicPlan: Sendable, Hashable, Codable {
    public var profileSections: [ProfileSection]
    public var swot: [SWOTItem]
    public var criticalIssues: [String]
    public var vision: String
    public var guidingPrinciples: [String]
    public var strategicGoals: [StrategicGoal]

    public init(profileSections: [ProfileSection] = [], swot: [SWOTItem] = [], criticalIssues: [String] = [], vision: String = "", guidingPrinciples: [String] = [], strategicGoals: [StrategicGoal] = []) {
        self.profileSections = profileSections
        self.swot = swot
        self.criticalIssues = criticalIssues
        self.vision = vision
        self.guidingPrinciples = guidingPrinciples
        self.strategicGoals = strategicGoals
    }

    public func swot(_ quadrant: SWOTItem.Quadrant) -> [SWOTItem] { swot.filter { $0.quadrant == quadrant } }
}

/// A section of the area profile (geography, population, economy…) with its key figures.
public struct ProfileSection: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    public var body: String
    public var keyFigures: [KeyFigure]

    public init(id: UUID = UUID(), title: String, body: String, keyFigures: [KeyFigure] = []) {
        self.id = id
        self.title = title
        self.body = body
        self.keyFigures = keyFigures
    }
}

public struct KeyFigure: Sendable, Hashable, Codable {
    public var name: String
    public var value: Double
    public var unit: String
    public var year: Int
    public var source: String

    public init(name: String, value: Double, unit: String, year: Int, source: String) {
        self.name = name
        self.value = value
        self.unit = unit
        self.year = year
        self.source = source
    }
}

public struct SWOTItem: Sendable, Hashable, Codable {
    public enum Quadrant: String, Sendable, Codable, CaseIterable {
        case strength
        case weakness
        case opportunity
        case threat

        public var greek: String {
            switch self {
            case .strength: "Δυνατά σημεία"
            case .weakness: "Αδύνατα σημεία"
            case .opportunity: "Ευκαιρίες"
            case .threat: "Απειλές"
            }
        }
    }

    public var quadrant: Quadrant
    public var text: String

    public init(_ quadrant: Quadrant, _ text: String) {
        self.quadrant = quadrant
        self.text = text
    }
}

/// A general goal of the strategy, set for one axis.
public struct StrategicGoal: Sendable, Hashable, Codable {
    public var axisID: UUID
    public var text: String

    public init(axisID: UUID, text: String) {
        self.axisID = axisID
        self.text = text
    }
}

extension Programme {
    /// A draft revision (αναθεώρηση) of this programme: the same plan and indicators with
    /// new ids, version + 1, status draft, and none of the monitoring history, which stays
    /// with the programme it was recorded against.
    public func revisionDraft(title: String, newID: () -> UUID = UUID.init) -> Programme {
        revision(title: title, newID: newID).programme
    }

    /// The draft revision with where each of its parts came from.
    public func revision(title: String, newID: () -> UUID = UUID.init) -> Revision {
        var map: [UUID: UUID] = [:]
        func fresh(_ id: UUID) -> UUID {
            if let mapped = map[id] { return mapped }
            let new = newID()
            map[id] = new
            return new
        }
        var copy = self
        copy.id = fresh(id)
        copy.title = title
        copy.status = .draft
        copy.version = version + 1
        copy.changeCounter = 0
        copy.progressUpdates = []
        for a in copy.axes.indices {
            copy.axes[a].id = fresh(copy.axes[a].id)
            for m in copy.axes[a].measures.indices {
                copy.axes[a].measures[m].id = fresh(copy.axes[a].measures[m].id)
                for o in copy.axes[a].measures[m].objectives.indices {
                    copy.axes[a].measures[m].objectives[o].id = fresh(copy.axes[a].measures[m].objectives[o].id)
                    for x in copy.axes[a].measures[m].objectives[o].actions.indices {
                        var action = copy.axes[a].measures[m].objectives[o].actions[x]
                        action.id = fresh(action.id)
                        action.milestones = action.milestones.map { var ms = $0; ms.id = fresh(ms.id); return ms }
                        copy.axes[a].measures[m].objectives[o].actions[x] = action
                    }
                }
            }
        }
        copy.strategicPlan.profileSections = copy.strategicPlan.profileSections.map { var s = $0; s.id = fresh(s.id); return s }
        copy.strategicPlan.strategicGoals = copy.strategicPlan.strategicGoals.map { StrategicGoal(axisID: fresh($0.axisID), text: $0.text) }
        copy.indicators = copy.indicators.map { indicator in
            var i = indicator
            i.id = fresh(i.id)
            i.measurements = []
            switch i.attachment {
            case .measure(let id): i.attachment = .measure(fresh(id))
            case .objective(let id): i.attachment = .objective(fresh(id))
            }
            i.actionID = i.actionID.map(fresh)
            return i
        }
        return Revision(programme: copy, previousID: id, origins: Dictionary(uniqueKeysWithValues: map.map { ($0.value, $0.key) }))
    }
}

extension Programme {
    /// When a revision is published its actions and indicators go on being monitored, and
    /// their history comes with them: every progress report of an action of `previous` that
    /// this version carries on (by `origins`, part → its origin) and every value of such an
    /// indicator, with new ids, before this version's own. An action or indicator the revision
    /// dropped keeps its history in the superseded version alone; a report or value already
    /// here (the same date and time of recording) is not copied twice.
    public func carryingHistory(from previous: Programme, origins: [UUID: UUID], newID: () -> UUID = UUID.init) -> Programme {
        var successor: [UUID: UUID] = [:]
        for (part, origin) in origins { successor[origin] = part }
        var copy = self
        let actionIDs = Set(actions.map(\.id))
        struct Report: Hashable { var actionID: UUID; var date: CalendarDate; var recordedAt: Date }
        let present = Set(progressUpdates.map { Report(actionID: $0.actionID, date: $0.date, recordedAt: $0.recordedAt) })
        var carried: [ProgressUpdate] = []
        for update in previous.progressUpdates {
            guard let action = successor[update.actionID], actionIDs.contains(action),
                  !present.contains(Report(actionID: action, date: update.date, recordedAt: update.recordedAt)) else { continue }
            var moved = update
            moved.id = newID()
            moved.actionID = action
            carried.append(moved)
        }
        copy.progressUpdates = carried + progressUpdates
        for indicator in previous.indicators where !indicator.measurements.isEmpty {
            guard let id = successor[indicator.id], let index = copy.indicators.firstIndex(where: { $0.id == id }) else { continue }
            let own = copy.indicators[index].measurements
            let values = indicator.measurements.filter { m in !own.contains { $0.period == m.period && $0.recordedAt == m.recordedAt } }.map { m in
                var moved = m
                moved.id = newID()
                return moved
            }
            copy.indicators[index].measurements = values + own
        }
        return copy
    }
}

/// A revision (αναθεώρηση): the new version, the one it revises, and for each axis, measure,
/// objective, action, milestone and indicator copied from it, its id in the version before —
/// what lets the changes between the two be told part by part.
public struct Revision: Sendable, Hashable {
    public var programme: Programme
    public var previousID: UUID
    /// New id → the id of the same part in the previous version.
    public var origins: [UUID: UUID]

    public init(programme: Programme, previousID: UUID, origins: [UUID: UUID]) {
        self.programme = programme
        self.previousID = previousID
        self.origins = origins
    }
}
