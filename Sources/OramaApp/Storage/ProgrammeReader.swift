import Fluent
import Foundation
import OramaDomain
import SQLiteKit
import SQLKit

/// Reads a whole programme: one statement per table naming its columns, each row read cell
/// by cell into a plain value, then the domain value assembled in one pass.
///
/// This is the read path of every page and of the API (`ProgrammeRepository.load`). Fluent's
/// models stay on the write path, where a save compares the stored rows with the desired ones
/// (`ProgrammeRows`): a model object per row, with a property wrapper per field, cost about
/// thirty times what reading the same rows does (docs/PERFORMANCE.md). On SQLite the rows are
/// SQLiteNIO's own and each cell converts without a dynamic cast; elsewhere they are SQLKit's.
struct ProgrammeReader {
    let sql: any SQLDatabase
    let sqlite: (any SQLiteDatabase)?

    init(sql: any SQLDatabase) {
        self.sql = sql
        self.sqlite = sql as? any SQLiteDatabase
    }

    /// One statement for the programme's row and one per table of its contents.
    static let queriesPerLoad = 1 + Table.allCases.count

    static let headColumns = """
        id, organisation_id, title, start_year, end_year, status, version, change_counter, note, vision, \
        reporting_frequency, reporting_due_days, consultation_start, consultation_end, council_session
        """

    func load(_ id: UUID) async throws -> Programme? {
        guard let head = try await rows(Self.headColumns, from: "programmes", where: "id", is: id).first else { return nil }
        let programme = try ProgrammeHead(head)
        var read = Contents()
        for table in Table.allCases {
            try read.add(try await rows(table.columns, from: table.rawValue, where: "programme_id", is: id), of: table)
        }
        return read.programme(head: programme)
    }

    /// The rows of one table whose `key` is `id`. Table and column names are this file's
    /// constants; the id is a bound parameter.
    private func rows(_ columns: String, from table: String, where key: String, is id: UUID) async throws -> [Cells] {
        if let sqlite {
            let statement = "SELECT \(columns) FROM \"\(table)\" WHERE \"\(key)\" = ?1"
            // SQLiteNIO logs nothing; say it as SQLKit says its own queries.
            if let level = sql.queryLogLevel { sql.logger.log(level: level, "Executing query", metadata: ["sql": .string(statement)]) }
            return try await sqlite.query(statement, [.text(id.uuidString)]).map { Cells(.sqlite($0), table: table) }
        }
        return try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(ident: table) WHERE \(ident: key) = \(bind: id)").all()
            .map { Cells(.sql($0), table: table) }
    }

    /// The tables of a programme's contents and the columns read from each.
    enum Table: String, CaseIterable {
        case sections = "profile_sections", keyFigures = "key_figures", statements = "plan_statements"
        case axes, measures, objectives, actions, links = "action_links", fundingLines = "funding_lines", milestones
        case indicators, targets = "indicator_targets", measurements, progress = "progress_updates", locks = "period_locks"

        var columns: String {
            switch self {
            case .sections: "id, position, title, body"
            case .keyFigures: "section_id, position, name, value, unit, year, source"
            case .statements: "kind, axis_id, position, text"
            case .axes: "id, position, title, description"
            case .measures: "id, axis_id, position, title, description"
            case .objectives: "id, measure_id, position, title, description"
            case .actions:
                "id, objective_id, position, title, description, kind, nature, responsible_unit_id, implementing_kind, "
                    + "legal_entity_id, partner_name, partner_contract, supra_local, partners, priority, rank, maturity, "
                    + "preconditions, cost_cents, schedule_start, schedule_end, budget_lines, weight"
            case .links: "action_id, role, target_id, position"
            case .fundingLines: "action_id, position, source_id, year, amount_cents"
            case .milestones: "id, action_id, position, date, title, done"
            case .indicators:
                "id, position, code, name, kind, unit, direction, baseline, baseline_year, data_source, frequency, "
                    + "responsible_unit_id, measure_id, objective_id, action_id"
            case .targets: "indicator_id, year, value"
            case .measurements: "id, indicator_id, period, value, note, recorded_by, recorded_at"
            case .progress: "id, action_id, date, status, physical_progress, spent_cents, comment, recorded_by, recorded_at"
            case .locks: "period"
            }
        }
    }
}

/// One row's cells by column name, in the types the domain keeps. A cell that does not
/// convert is an error naming the table and the column (never a trap).
struct Cells {
    enum Row { case sqlite(SQLiteRow), sql(any SQLRow) }
    let row: Row
    let table: String
    init(_ row: Row, table: String) { self.row = row; self.table = table }

    func string(_ column: String) throws -> String { try value(column, as: String.self) }
    func int(_ column: String) throws -> Int { try value(column, as: Int.self) }
    func int64(_ column: String) throws -> Int64 { try value(column, as: Int64.self) }
    func double(_ column: String) throws -> Double { try value(column, as: Double.self) }
    func bool(_ column: String) throws -> Bool { try value(column, as: Bool.self) }
    func date(_ column: String) throws -> Date { try value(column, as: Date.self) }

    /// SQLite keeps ids as text (Fluent writes them so), PostgreSQL as `uuid`.
    func uuid(_ column: String) throws -> UUID {
        if case .sql(let r) = row { return try r.decode(column: column, as: UUID.self) }
        let text = try string(column)
        guard let id = Self.uuid(parsing: text) else { throw unreadable(column, "«\(text.prefix(40))»") }
        return id
    }

    func optional<T>(_ column: String, _ read: (String) throws -> T) throws -> T? {
        let isNull: Bool
        switch row {
        case .sqlite(let r):
            if case .null = r.column(column) ?? .null { isNull = true } else { isNull = false }
        case .sql(let r): isNull = try r.decodeNil(column: column)
        }
        return isNull ? nil : try read(column)
    }

    private func value<T: Decodable & SQLiteDataConvertible>(_ column: String, as type: T.Type) throws -> T {
        switch row {
        case .sqlite(let r):
            guard let data = r.column(column) else { throw unreadable(column, "η στήλη λείπει") }
            guard let value = T(sqliteData: data) else { throw unreadable(column, "\(data)") }
            return value
        case .sql(let r):
            return try r.decode(column: column, as: T.self)
        }
    }

    private func unreadable(_ column: String, _ found: String) -> any Error {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription:
            "Η τιμή της στήλης «\(column)» του πίνακα «\(table)» δεν διαβάζεται: \(found)."))
    }

    /// `UUID(uuidString:)` goes through `sscanf` on Linux: a tenth of a programme's load.
    static func uuid(parsing text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let ok = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
                var i = 0
                for n in 0..<16 {
                    if i == 8 || i == 13 || i == 18 || i == 23 {
                        guard utf8[i] == UInt8(ascii: "-") else { return false }
                        i += 1
                    }
                    guard let high = hex(utf8[i]), let low = hex(utf8[i + 1]) else { return false }
                    out[n] = high << 4 | low
                    i += 2
                }
                return true
            }
            return ok ? UUID(uuid: bytes) : nil
        }
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension ProgressUpdate {
    /// Reports in the order they were made: by date, then when recorded, then (for two made
    /// in the same millisecond, which no table orders) by id, so every load is the same.
    static func inOrderMade(_ a: ProgressUpdate, _ b: ProgressUpdate) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.recordedAt != b.recordedAt { return a.recordedAt < b.recordedAt }
        return withUnsafeBytes(of: a.id.uuid) { x in withUnsafeBytes(of: b.id.uuid) { y in x.lexicographicallyPrecedes(y) } }
    }
}

/// The programme's own row.
struct ProgrammeHead {
    var id: UUID, organisationID: UUID, title: String, startYear: Int, endYear: Int, status: String, version: Int
    var changeCounter: Int64, note: String, vision: String, reportingFrequency: String, reportingDueDays: Int
    var consultationStart: String?, consultationEnd: String?, councilSession: String?

    init(_ c: Cells) throws {
        id = try c.uuid("id"); organisationID = try c.uuid("organisation_id"); title = try c.string("title")
        startYear = try c.int("start_year"); endYear = try c.int("end_year"); status = try c.string("status")
        version = try c.int("version"); changeCounter = try c.int64("change_counter"); note = try c.string("note")
        vision = try c.string("vision"); reportingFrequency = try c.string("reporting_frequency")
        reportingDueDays = try c.int("reporting_due_days")
        consultationStart = try c.optional("consultation_start", c.string)
        consultationEnd = try c.optional("consultation_end", c.string)
        councilSession = try c.optional("council_session", c.string)
    }
}

/// The rows of a programme's tables as plain values, and their assembly into the domain.
/// Rows that fail to make sense (an unknown enum value written by a newer version) fall back
/// to a safe default rather than losing the programme, as `ProgrammeRows` did.
private struct Contents {
    struct Node { var id: UUID, parent: UUID?, position: Int, title: String, description: String }
    struct Positioned<T> { var parent: UUID, position: Int, value: T }

    var sections: [(id: UUID, position: Int, title: String, body: String)] = []
    var keyFigures: [Positioned<KeyFigure>] = []
    var statements: [(kind: String, axisID: UUID?, position: Int, text: String)] = []
    var axes: [Node] = [], measures: [Node] = [], objectives: [Node] = []
    var actions: [Positioned<Action>] = []
    var links: [(action: UUID, role: String, target: UUID, position: Int)] = []
    var fundingLines: [Positioned<FundingLine>] = []
    var milestones: [Positioned<Milestone>] = []
    var indicators: [(position: Int, value: Indicator)] = []
    var targets: [(indicator: UUID, year: Int, value: Double)] = []
    var measurements: [Positioned<OramaDomain.Measurement>] = []
    var progress: [ProgressUpdate] = []
    var locks: [ReportingPeriod] = []

    mutating func add(_ rows: [Cells], of table: ProgrammeReader.Table) throws {
        for c in rows {
            switch table {
            case .sections:
                sections.append((try c.uuid("id"), try c.int("position"), try c.string("title"), try c.string("body")))
            case .keyFigures:
                keyFigures.append(Positioned(parent: try c.uuid("section_id"), position: try c.int("position"), value: KeyFigure(
                    name: try c.string("name"), value: try c.double("value"), unit: try c.string("unit"),
                    year: try c.int("year"), source: try c.string("source"))))
            case .statements:
                statements.append((try c.string("kind"), try c.optional("axis_id", c.uuid), try c.int("position"), try c.string("text")))
            case .axes:
                axes.append(Node(id: try c.uuid("id"), parent: nil, position: try c.int("position"),
                                 title: try c.string("title"), description: try c.string("description")))
            case .measures:
                measures.append(Node(id: try c.uuid("id"), parent: try c.uuid("axis_id"), position: try c.int("position"),
                                     title: try c.string("title"), description: try c.string("description")))
            case .objectives:
                objectives.append(Node(id: try c.uuid("id"), parent: try c.uuid("measure_id"), position: try c.int("position"),
                                       title: try c.string("title"), description: try c.string("description")))
            case .actions:
                actions.append(try Self.action(c))
            case .links:
                links.append((try c.uuid("action_id"), try c.string("role"), try c.uuid("target_id"), try c.int("position")))
            case .fundingLines:
                fundingLines.append(Positioned(parent: try c.uuid("action_id"), position: try c.int("position"), value: FundingLine(
                    sourceID: try c.uuid("source_id"), year: try c.int("year"), amount: Money(cents: try c.int64("amount_cents")))))
            case .milestones:
                guard let date = CalendarDate(parsing: try c.string("date")) else { continue }
                milestones.append(Positioned(parent: try c.uuid("action_id"), position: try c.int("position"), value: Milestone(
                    id: try c.uuid("id"), date: date, title: try c.string("title"), isDone: try c.bool("done"))))
            case .indicators:
                indicators.append((try c.int("position"), try Self.indicator(c)))
            case .targets:
                targets.append((try c.uuid("indicator_id"), try c.int("year"), try c.double("value")))
            case .measurements:
                guard let period = ReportingPeriod(parsing: try c.string("period")) else { continue }
                measurements.append(Positioned(parent: try c.uuid("indicator_id"), position: 0, value: OramaDomain.Measurement(
                    id: try c.uuid("id"), period: period, value: try c.double("value"), note: try c.string("note"),
                    recordedBy: try c.string("recorded_by"), recordedAt: try c.date("recorded_at"))))
            case .progress:
                guard let date = CalendarDate(parsing: try c.string("date")) else { continue }
                progress.append(ProgressUpdate(
                    id: try c.uuid("id"), actionID: try c.uuid("action_id"), date: date,
                    status: ProgressUpdate.Status(rawValue: try c.string("status")) ?? .notStarted,
                    physicalProgress: try c.int("physical_progress"), spentToDate: Money(cents: try c.int64("spent_cents")),
                    comment: try c.string("comment"), recordedBy: try c.string("recorded_by"), recordedAt: try c.date("recorded_at")))
            case .locks:
                if let period = ReportingPeriod(parsing: try c.string("period")) { locks.append(period) }
            }
        }
    }

    /// An action without its links, funding and milestones, which `programme` adds.
    private static func action(_ c: Cells) throws -> Positioned<Action> {
        let body: ImplementingBody
        switch try c.string("implementing_kind") {
        case "legalEntity": body = try c.optional("legal_entity_id", c.uuid).map(ImplementingBody.legalEntity) ?? .ownUnit
        case "partner": body = .partner(name: try c.string("partner_name"), contract: try c.string("partner_contract"))
        default: body = .ownUnit
        }
        let schedule: Schedule? = try {
            guard let s = try c.optional("schedule_start", c.string).flatMap(YearQuarter.init(parsing:)),
                  let e = try c.optional("schedule_end", c.string).flatMap(YearQuarter.init(parsing:)) else { return nil }
            return Schedule(start: s, end: e)
        }()
        let action = Action(
            id: try c.uuid("id"), title: try c.string("title"), description: try c.string("description"),
            kind: Action.Kind(rawValue: try c.string("kind")) ?? .projectCategory,
            nature: Action.Nature(rawValue: try c.string("nature")) ?? .works,
            responsibleUnitID: try c.uuid("responsible_unit_id"), coResponsibleUnitIDs: [],
            implementingBody: body, isSupraLocal: try c.bool("supra_local"), partners: JSONText.decode(try c.string("partners")),
            localityIDs: [],
            priority: Action.Priority(rawValue: try c.int("priority")) ?? .medium, rank: try c.optional("rank", c.int),
            maturity: Action.Maturity(rawValue: try c.string("maturity")) ?? .idea, preconditions: try c.string("preconditions"),
            cost: Money(cents: try c.int64("cost_cents")), fundingLines: [], schedule: schedule,
            budgetLines: JSONText.decode(try c.string("budget_lines")), weight: try c.double("weight"), milestones: [])
        return Positioned(parent: try c.uuid("objective_id"), position: try c.int("position"), value: action)
    }

    /// An indicator without its targets and measurements.
    private static func indicator(_ c: Cells) throws -> Indicator {
        let attachment: Indicator.Attachment = try c.optional("objective_id", c.uuid).map { .objective($0) }
            ?? .measure(try c.optional("measure_id", c.uuid) ?? UUID())
        return Indicator(
            id: try c.uuid("id"), code: try c.string("code"), name: try c.string("name"),
            kind: Indicator.Kind(rawValue: try c.string("kind")) ?? .output, unit: try c.string("unit"),
            direction: Indicator.Direction(rawValue: try c.string("direction")) ?? .higherIsBetter,
            baseline: try c.optional("baseline", c.double), baselineYear: try c.optional("baseline_year", c.int),
            targets: [:], dataSource: try c.string("data_source"),
            frequency: Indicator.Frequency(rawValue: try c.string("frequency")) ?? .annual,
            responsibleUnitID: try c.optional("responsible_unit_id", c.uuid), attachment: attachment,
            actionID: try c.optional("action_id", c.uuid), measurements: [])
    }

    /// Children grouped under their parent, in their stored order.
    private static func grouped<T>(_ items: [Positioned<T>]) -> [UUID: [T]] {
        Dictionary(grouping: items, by: \.parent).mapValues { $0.sorted { $0.position < $1.position }.map(\.value) }
    }

    func programme(head row: ProgrammeHead) -> Programme {
        let linksByAction = Dictionary(grouping: links, by: \.action)
        let linesByAction = Self.grouped(fundingLines)
        let milestonesByAction = Self.grouped(milestones)
        let actionsByObjective = Self.grouped(actions.map { positioned -> Positioned<Action> in
            var p = positioned
            let id = p.value.id
            let linked = (linksByAction[id] ?? []).sorted { $0.position < $1.position }
            p.value.coResponsibleUnitIDs = linked.filter { $0.role == "coUnit" }.map(\.target)
            p.value.localityIDs = linked.filter { $0.role == "locality" }.map(\.target)
            p.value.fundingLines = linesByAction[id] ?? []
            p.value.milestones = milestonesByAction[id] ?? []
            return p
        })
        func nodes(_ rows: [Node]) -> [UUID?: [Node]] {
            Dictionary(grouping: rows, by: \.parent).mapValues { $0.sorted { $0.position < $1.position } }
        }
        let objectivesByMeasure = nodes(objectives), measuresByAxis = nodes(measures)
        let axes = self.axes.sorted { $0.position < $1.position }.map { a in
            Axis(id: a.id, title: a.title, description: a.description, measures: (measuresByAxis[a.id] ?? []).map { m in
                Measure(id: m.id, title: m.title, description: m.description, objectives: (objectivesByMeasure[m.id] ?? []).map { o in
                    Objective(id: o.id, title: o.title, description: o.description, actions: actionsByObjective[o.id] ?? [])
                })
            })
        }

        let figuresBySection = Self.grouped(keyFigures)
        let sortedStatements = statements.sorted { $0.position < $1.position }
        func texts(_ kind: String) -> [String] { sortedStatements.filter { $0.kind == kind }.map(\.text) }
        let plan = StrategicPlan(
            profileSections: sections.sorted { $0.position < $1.position }.map { s in
                ProfileSection(id: s.id, title: s.title, body: s.body, keyFigures: figuresBySection[s.id] ?? [])
            },
            swot: sortedStatements.compactMap { s in SWOTItem.Quadrant(rawValue: s.kind).map { SWOTItem($0, s.text) } },
            criticalIssues: texts("criticalIssue"),
            vision: row.vision,
            guidingPrinciples: texts("principle"),
            strategicGoals: sortedStatements.filter { $0.kind == "goal" }.compactMap { s in s.axisID.map { StrategicGoal(axisID: $0, text: s.text) } })

        let targetsByIndicator = Dictionary(grouping: targets, by: \.indicator)
        let measurementsByIndicator = Dictionary(grouping: measurements, by: \.parent)
        let indicators = self.indicators.sorted { $0.position < $1.position }.map { entry in
            var indicator = entry.value
            indicator.targets = Dictionary((targetsByIndicator[indicator.id] ?? []).map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a })
            indicator.measurements = (measurementsByIndicator[indicator.id] ?? []).map(\.value)
                .sorted { ($0.period, $0.recordedAt) < ($1.period, $1.recordedAt) }
            return indicator
        }

        return Programme(
            id: row.id, organisationID: row.organisationID, title: row.title, startYear: row.startYear, endYear: row.endYear,
            status: Programme.Status(rawValue: row.status) ?? .draft, version: row.version, changeCounter: row.changeCounter,
            note: row.note, strategicPlan: plan, axes: axes, indicators: indicators,
            progressUpdates: progress.sorted(by: ProgressUpdate.inOrderMade),
            reportingCalendar: ReportingCalendar(frequency: ReportingCalendar.Frequency(rawValue: row.reportingFrequency) ?? .quarterly,
                                                 dueAfterDays: row.reportingDueDays),
            lockedPeriods: Set(locks),
            keyDates: KeyDates(consultationStart: row.consultationStart.flatMap(CalendarDate.init(parsing:)),
                               consultationEnd: row.consultationEnd.flatMap(CalendarDate.init(parsing:)),
                               councilSession: row.councilSession.flatMap(CalendarDate.init(parsing:))))
    }
}
