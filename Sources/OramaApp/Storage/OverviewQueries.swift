import Fluent
import Foundation
import OramaDomain
import SQLKit

/// The figures across municipalities, each one SQL statement of aggregates over the current
/// public programmes (published or in consultation: never a draft, never one awaiting
/// publication). Window functions and `CAST(… AS BIGINT)` are common to SQLite and
/// PostgreSQL, so one text serves both; PostgreSQL's `SUM` of integers is `numeric`,
/// hence the casts.
struct OverviewQueries: Sendable {
    let db: any Database

    /// The current public programme of each municipality: its latest by start year, then the
    /// one in force (published) before a revision of it still in consultation, then version.
    /// Said as "no better public one exists" rather than with `ROW_NUMBER() … = 1`:
    /// PostgreSQL estimates two rows for such a filter, plans nested loops for two programmes
    /// and ran for minutes over the country's 332; the anti-join it estimates right (0,5 s).
    static let current = """
        cp AS (SELECT p.id, p.organisation_id, p.title, p.status FROM programmes p
               WHERE p.status IN ('published', 'consultation') AND NOT EXISTS (
                   SELECT 1 FROM programmes q
                   WHERE q.organisation_id = p.organisation_id AND q.status IN ('published', 'consultation')
                     AND (q.start_year > p.start_year OR (q.start_year = p.start_year
                          AND ((CASE WHEN q.status = 'published' THEN 1 ELSE 0 END) > (CASE WHEN p.status = 'published' THEN 1 ELSE 0 END)
                               OR ((CASE WHEN q.status = 'published' THEN 1 ELSE 0 END) = (CASE WHEN p.status = 'published' THEN 1 ELSE 0 END)
                                   AND (q.version > p.version OR (q.version = p.version AND q.id > p.id))))))))
        """

    private var sql: any SQLDatabase {
        get throws { try db.sql() }
    }

    func overview(region: String?, year: Int) async throws -> Overview {
        Overview(region: region, year: year, municipalities: try await municipalities(region: region, year: year),
                 funding: try await funding(region: region), axes: try await axes(region: region),
                 sharedIndicators: try await sharedIndicators(region: region))
    }

    private static func regionFilter(_ region: String?) -> SQLQueryString {
        region.map { "WHERE o.region = \(bind: $0)" } ?? ""
    }

    func municipalities(region: String?, year: Int) async throws -> [MunicipalityFigures] {
        try await sql.raw(Self.municipalitiesQuery(region: region, year: year)).all().map(Self.municipality)
    }

    /// The three statements as the database receives them, for the whole country: what
    /// `scripts/bench` gives psql to compare the overview page with.
    func statementsForTheCountry(year: Int) throws -> [String] {
        let sql = try sql
        return [Self.municipalitiesQuery(region: nil, year: year), Self.fundingQuery(region: nil), Self.axesQuery(region: nil),
                Self.sharedIndicatorsQuery(region: nil)].map { query in
            var serializer = SQLSerializer(database: sql)
            query.serialize(to: &serializer)
            return serializer.sql
        }
    }

    static func municipalitiesQuery(region: String?, year: Int) -> SQLQueryString {
        """
            WITH \(unsafeRaw: Self.current),
            latest AS (
                SELECT pu.action_id, pu.status, pu.physical_progress, pu.spent_cents,
                       ROW_NUMBER() OVER (PARTITION BY pu.action_id ORDER BY pu.date DESC, pu.recorded_at DESC) AS rn
                FROM progress_updates pu JOIN cp ON cp.id = pu.programme_id),
            acts AS (
                SELECT a.programme_id, COUNT(*) AS actions, CAST(SUM(a.cost_cents) AS BIGINT) AS cost,
                       CAST(SUM(CASE WHEN l.status = 'delayed' THEN 1 ELSE 0 END) AS BIGINT) AS delayed,
                       CAST(SUM(CASE WHEN l.action_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unreported,
                       CAST(SUM(COALESCE(l.spent_cents, 0)) AS BIGINT) AS spent,
                       CAST(AVG(l.physical_progress) AS DOUBLE PRECISION) AS progress
                FROM actions a JOIN cp ON cp.id = a.programme_id
                LEFT JOIN latest l ON l.action_id = a.id AND l.rn = 1
                GROUP BY a.programme_id),
            plan AS (
                SELECT fl.programme_id, CAST(SUM(fl.amount_cents) AS BIGINT) AS planned,
                       CAST(SUM(CASE WHEN fl.year <= \(literal: year) THEN fl.amount_cents ELSE 0 END) AS BIGINT) AS to_date
                FROM funding_lines fl JOIN cp ON cp.id = fl.programme_id GROUP BY fl.programme_id)
            SELECT o.id AS organisation_id, o.name, o.region, o.regional_unit, cp.id AS programme_id, cp.title, cp.status,
                   COALESCE(acts.actions, 0) AS actions, COALESCE(acts.cost, 0) AS cost, COALESCE(plan.planned, 0) AS planned,
                   COALESCE(plan.to_date, 0) AS to_date, COALESCE(acts.spent, 0) AS spent, acts.progress,
                   COALESCE(acts.delayed, 0) AS delayed, COALESCE(acts.unreported, 0) AS unreported
            FROM organisations o
            LEFT JOIN cp ON cp.organisation_id = o.id
            LEFT JOIN acts ON acts.programme_id = cp.id
            LEFT JOIN plan ON plan.programme_id = cp.id
            \(Self.regionFilter(region))
            ORDER BY o.region, o.regional_unit, o.name
            """
    }

    static func municipality(_ row: any SQLRow) throws -> MunicipalityFigures {
            try MunicipalityFigures(
                organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                name: try row.decode(column: "name", as: String.self),
                region: try row.decode(column: "region", as: String.self),
                regionalUnit: try row.decode(column: "regional_unit", as: String.self),
                programmeID: try row.decode(column: "programme_id", as: UUID?.self),
                programmeTitle: try row.decode(column: "title", as: String?.self),
                status: try row.decode(column: "status", as: String?.self).flatMap(Programme.Status.init(rawValue:)),
                actions: Int(try row.decode(column: "actions", as: Int64.self)),
                cost: Money(cents: try row.decode(column: "cost", as: Int64.self)),
                planned: Money(cents: try row.decode(column: "planned", as: Int64.self)),
                plannedToDate: Money(cents: try row.decode(column: "to_date", as: Int64.self)),
                spent: Money(cents: try row.decode(column: "spent", as: Int64.self)),
                meanProgress: try row.decode(column: "progress", as: Double?.self),
                delayed: Int(try row.decode(column: "delayed", as: Int64.self)),
                unreported: Int(try row.decode(column: "unreported", as: Int64.self)))
    }

    func funding(region: String?) async throws -> [FundingBySourceYear] {
        try await sql.raw(Self.fundingQuery(region: region)).all().map { row in
            FundingBySourceYear(source: try row.decode(column: "source", as: String.self),
                                kind: FundingSource.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
                                year: Int(try row.decode(column: "year", as: Int64.self)),
                                amount: Money(cents: try row.decode(column: "amount", as: Int64.self)))
        }
    }

    static func fundingQuery(region: String?) -> SQLQueryString {
        """
            WITH \(unsafeRaw: Self.current)
            SELECT fs.name AS source, fs.kind, fl.year, CAST(SUM(fl.amount_cents) AS BIGINT) AS amount
            FROM funding_lines fl
            JOIN cp ON cp.id = fl.programme_id
            JOIN organisations o ON o.id = cp.organisation_id
            JOIN funding_sources fs ON fs.id = fl.source_id
            \(Self.regionFilter(region))
            GROUP BY fs.name, fs.kind, fl.year
            ORDER BY fs.name, fl.year
            """
    }

    func axes(region: String?) async throws -> [FundingByAxis] {
        try await sql.raw(Self.axesQuery(region: region)).all().map { row in
            FundingByAxis(axis: try row.decode(column: "axis", as: String.self),
                          municipalities: Int(try row.decode(column: "municipalities", as: Int64.self)),
                          actions: Int(try row.decode(column: "actions", as: Int64.self)),
                          planned: Money(cents: try row.decode(column: "planned", as: Int64.self)),
                          spent: Money(cents: try row.decode(column: "spent", as: Int64.self)))
        }
    }

    /// Each action once: its funding summed first (`money`), its latest report ranked, then
    /// the actions grouped by the title of the axis they sit under.
    static func axesQuery(region: String?) -> SQLQueryString {
        """
            WITH \(unsafeRaw: Self.current),
            latest AS (
                SELECT pu.action_id, pu.spent_cents,
                       ROW_NUMBER() OVER (PARTITION BY pu.action_id ORDER BY pu.date DESC, pu.recorded_at DESC) AS rn
                FROM progress_updates pu JOIN cp ON cp.id = pu.programme_id),
            money AS (
                SELECT fl.action_id, CAST(SUM(fl.amount_cents) AS BIGINT) AS planned
                FROM funding_lines fl JOIN cp ON cp.id = fl.programme_id GROUP BY fl.action_id)
            SELECT ax.title AS axis, COUNT(DISTINCT cp.organisation_id) AS municipalities, COUNT(*) AS actions,
                   CAST(COALESCE(SUM(money.planned), 0) AS BIGINT) AS planned,
                   CAST(COALESCE(SUM(l.spent_cents), 0) AS BIGINT) AS spent
            FROM actions a
            JOIN cp ON cp.id = a.programme_id
            JOIN organisations o ON o.id = cp.organisation_id
            JOIN objectives ob ON ob.id = a.objective_id
            JOIN measures me ON me.id = ob.measure_id
            JOIN axes ax ON ax.id = me.axis_id
            LEFT JOIN money ON money.action_id = a.id
            LEFT JOIN latest l ON l.action_id = a.id AND l.rn = 1
            \(Self.regionFilter(region))
            GROUP BY ax.title
            ORDER BY planned DESC, ax.title
            """
    }

    /// The latest values and targets are ranked per programme row (`programme_id`), not by
    /// joining the indicators' list: PostgreSQL keeps a CTE used more than once as a table
    /// without an index, and a join of the measurements with it took minutes at the country's
    /// scale.
    func sharedIndicators(region: String?) async throws -> [SharedIndicatorValue] {
        try await sql.raw(Self.sharedIndicatorsQuery(region: region)).all().map { row in
            SharedIndicatorValue(code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                                 unit: try row.decode(column: "unit", as: String.self), municipality: try row.decode(column: "municipality", as: String.self),
                                 period: try row.decode(column: "period", as: String?.self), value: try row.decode(column: "value", as: Double?.self),
                                 target: try row.decode(column: "target", as: Double?.self))
        }
    }

    static func sharedIndicatorsQuery(region: String?) -> SQLQueryString {
        """
            WITH \(unsafeRaw: Self.current),
            ind AS (
                SELECT i.id, i.code, i.name, i.unit, o.id AS organisation_id, o.name AS municipality
                FROM indicators i JOIN cp ON cp.id = i.programme_id JOIN organisations o ON o.id = cp.organisation_id
                \(Self.regionFilter(region))),
            shared AS (SELECT code FROM ind GROUP BY code HAVING COUNT(DISTINCT organisation_id) >= 2),
            lm AS (
                SELECT m.indicator_id, m.period, m.value,
                       ROW_NUMBER() OVER (PARTITION BY m.indicator_id ORDER BY m.period DESC, m.recorded_at DESC) AS rn
                FROM measurements m JOIN cp ON cp.id = m.programme_id),
            lt AS (
                SELECT t.indicator_id, t.value, ROW_NUMBER() OVER (PARTITION BY t.indicator_id ORDER BY t.year DESC) AS rn
                FROM indicator_targets t JOIN cp ON cp.id = t.programme_id)
            SELECT ind.code, ind.name, ind.unit, ind.municipality, lm.period, lm.value, lt.value AS target
            FROM ind JOIN shared ON shared.code = ind.code
            LEFT JOIN lm ON lm.indicator_id = ind.id AND lm.rn = 1
            LEFT JOIN lt ON lt.indicator_id = ind.id AND lt.rn = 1
            ORDER BY ind.code, ind.municipality
            """
    }
}
