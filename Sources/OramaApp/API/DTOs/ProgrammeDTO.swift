import Foundation
import OramaDomain
import Vapor

/// The JSON shape of `GET /api/v1/programmes/{id}`: the tree nested as axes → measures →
/// objectives → actions, indicators where they attach, and derived totals and progress at
/// every level. Money is given in cents (`…Cents`, exact) and formatted (`…Text`).
struct ProgrammeDTO: Content {
    struct Totals: Codable {
        var costCents: Int64
        var fundingCents: Int64
        var fundingText: String
        var fundingByYear: [String: Int64]
        /// Weighted progress in % (see the formula on the programme page); nil with no actions that count.
        var progress: Double?
        var actionCount: Int
    }

    struct FundingLineDTO: Codable {
        var source: String
        var year: Int
        var amountCents: Int64
    }

    struct IndicatorDTO: Content {
        var id: UUID
        var code: String
        var name: String
        var kind: String
        var unit: String
        var direction: String
        var baseline: Double?
        var baselineYear: Int?
        var targets: [String: Double]
        var measurements: [MeasurementDTO]
        var dataSource: String
        var frequency: String
        var responsibleUnit: String?
        var actionID: UUID?
        var achievementLatest: Double?
    }

    struct MeasurementDTO: Codable {
        var period: String
        var value: Double
        var note: String
    }

    struct ActionDTO: Codable {
        var id: UUID
        var code: String
        var title: String
        var description: String
        var kind: String
        var nature: String
        var responsibleUnit: String?
        var coResponsibleUnits: [String]
        var implementingBody: String
        var supraLocal: Bool
        var partners: [String]
        var localities: [String]
        var priority: Int
        var rank: Int?
        var maturity: String
        var preconditions: String
        var costCents: Int64
        var costText: String
        var fundingLines: [FundingLineDTO]
        var scheduleStart: String?
        var scheduleEnd: String?
        var budgetLines: [String]
        var weight: Double
        var milestones: [Milestone]
        var status: String?
        var progress: Double?
    }

    struct ObjectiveDTO: Codable {
        var id: UUID
        var code: String
        var title: String
        var totals: Totals
        var indicators: [IndicatorDTO]
        var actions: [ActionDTO]
    }

    struct MeasureDTO: Codable {
        var id: UUID
        var code: String
        var title: String
        var totals: Totals
        var indicators: [IndicatorDTO]
        var objectives: [ObjectiveDTO]
    }

    struct AxisDTO: Codable {
        var id: UUID
        var code: String
        var title: String
        var description: String
        var totals: Totals
        var measures: [MeasureDTO]
    }

    var id: UUID
    var organisation: String
    var title: String
    var startYear: Int
    var endYear: Int
    var status: String
    var version: Int
    var changeCounter: Int64
    var note: String
    var totals: Totals
    var axes: [AxisDTO]

    init(_ p: Programme, reference: ReferenceData) {
        let rollup = p.progressRollup()
        let latestYear = Self.latestMeasuredYear(p)
        func makeTotals(_ actions: [Action], node: UUID?) -> Totals {
            let lines = actions.flatMap(\.fundingLines)
            var byYear: [String: Int64] = [:]
            for line in lines { byYear[String(line.year), default: 0] += line.amount.cents }
            let funding = lines.map(\.amount).sum()
            return Totals(costCents: actions.map(\.cost).sum().cents, fundingCents: funding.cents, fundingText: funding.formatted,
                          fundingByYear: byYear, progress: node.flatMap { rollup.find($0)?.progress } ?? (node == nil ? rollup.progress : nil),
                          actionCount: actions.count)
        }
        func indicators(_ attachment: Indicator.Attachment) -> [IndicatorDTO] {
            p.indicators(attachedTo: attachment).map { Self.indicator($0, reference: reference, latestYear: latestYear) }
        }
        func action(_ a: Action) -> ActionDTO { Self.action(a, in: p, reference: reference, rollup: rollup) }
        id = p.id
        organisation = reference.organisation.name
        title = p.title
        startYear = p.startYear
        endYear = p.endYear
        status = p.status.rawValue
        version = p.version
        changeCounter = p.changeCounter
        note = p.note
        totals = makeTotals(p.actions, node: nil)
        axes = p.axes.map { axis in
            AxisDTO(id: axis.id, code: axis.code, title: axis.title, description: axis.description,
                    totals: makeTotals(axis.measures.flatMap(\.objectives).flatMap(\.actions), node: axis.id),
                    measures: axis.measures.map { measure in
                        MeasureDTO(id: measure.id, code: measure.code, title: measure.title,
                                   totals: makeTotals(measure.objectives.flatMap(\.actions), node: measure.id),
                                   indicators: indicators(.measure(measure.id)),
                                   objectives: measure.objectives.map { objective in
                                       ObjectiveDTO(id: objective.id, code: objective.code, title: objective.title,
                                                    totals: makeTotals(objective.actions, node: objective.id),
                                                    indicators: indicators(.objective(objective.id)),
                                                    actions: objective.actions.map(action))
                                   })
                    })
        }
    }

    /// The last year any indicator has a value for: the year `achievementLatest` speaks of.
    static func latestMeasuredYear(_ p: Programme) -> Int? { p.indicators.flatMap { $0.measurements.map(\.period.year) }.max() }

    static func indicator(_ i: Indicator, reference: ReferenceData, latestYear: Int?) -> IndicatorDTO {
        IndicatorDTO(id: i.id, code: i.code, name: i.name, kind: i.kind.rawValue, unit: i.unit, direction: i.direction.rawValue,
                     baseline: i.baseline, baselineYear: i.baselineYear,
                     targets: Dictionary(uniqueKeysWithValues: i.targets.map { (String($0.key), $0.value) }),
                     measurements: i.measurements.map { MeasurementDTO(period: $0.period.code, value: $0.value, note: $0.note) },
                     dataSource: i.dataSource, frequency: i.frequency.rawValue, responsibleUnit: reference.unit(i.responsibleUnitID)?.name,
                     actionID: i.actionID, achievementLatest: latestYear.flatMap { i.achievement(in: $0) })
    }

    static func action(_ a: Action, in p: Programme, reference: ReferenceData, rollup: RollupNode) -> ActionDTO {
        let body: String
        switch a.implementingBody {
        case .ownUnit: body = reference.unit(a.responsibleUnitID)?.name ?? ""
        case .legalEntity(let id): body = reference.legalEntity(id)?.name ?? ""
        case .partner(let name, _): body = name
        }
        return ActionDTO(
            id: a.id, code: a.code, title: a.title, description: a.description, kind: a.kind.rawValue, nature: a.nature.rawValue,
            responsibleUnit: reference.unit(a.responsibleUnitID)?.name, coResponsibleUnits: a.coResponsibleUnitIDs.compactMap { reference.unit($0)?.name },
            implementingBody: body, supraLocal: a.isSupraLocal, partners: a.partners, localities: a.localityIDs.compactMap { reference.locality($0)?.name },
            priority: a.priority.rawValue, rank: a.rank, maturity: a.maturity.rawValue, preconditions: a.preconditions,
            costCents: a.cost.cents, costText: a.cost.formatted,
            fundingLines: a.fundingLines.map { FundingLineDTO(source: reference.source($0.sourceID)?.code ?? "", year: $0.year, amountCents: $0.amount.cents) },
            scheduleStart: a.schedule?.start.code, scheduleEnd: a.schedule?.end.code, budgetLines: a.budgetLines, weight: a.weight,
            milestones: a.milestones, status: p.latestProgress(of: a.id)?.status.rawValue, progress: rollup.find(a.id)?.actionProgress)
    }
}
