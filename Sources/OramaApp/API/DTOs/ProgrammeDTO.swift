import Foundation
import OramaDomain
import Vapor

/// The JSON shape of `GET /api/v1/programmes/{id}`: the tree nested as axes → measures →
/// objectives → actions, indicators where they attach, and derived totals and progress at
/// every level. Money is given in cents (`…Cents`, exact) and formatted (`…Text`).
struct ProgrammeDTO: Content {
    var id: UUID
    var organisation: String
    var title: String
    var startYear: Int
    var endYear: Int
    var status: String
    var version: Int
    var changeCounter: Int64
    var note: String
    var totals: TotalsDTO
    var axes: [AxisDTO]

    init(_ p: Programme, reference: ReferenceData) {
        let rollup = RollupIndex(p.progressRollup())
        let latest = p.latestProgressByAction()
        let attached = Dictionary(grouping: p.indicators, by: \.attachment)
        let latestYear = Self.latestMeasuredYear(p)
        func makeTotals(_ actions: [Action], node: UUID?) -> TotalsDTO {
            let lines = actions.flatMap(\.fundingLines)
            var byYear: [String: Int64] = [:]
            for line in lines { byYear[String(line.year), default: 0] += line.amount.cents }
            let funding = lines.map(\.amount).sum()
            return TotalsDTO(costCents: actions.map(\.cost).sum().cents, fundingCents: funding.cents, fundingText: funding.formatted,
                             fundingByYear: byYear, progress: node.flatMap { rollup.find($0)?.progress } ?? (node == nil ? rollup.root.progress : nil),
                             actionCount: actions.count)
        }
        func indicators(_ attachment: Indicator.Attachment) -> [IndicatorDTO] {
            (attached[attachment] ?? []).map { IndicatorDTO($0, reference: reference, latestYear: latestYear) }
        }
        func action(_ a: Action) -> ActionDTO { ActionDTO(a, reference: reference, rollup: rollup, latest: latest) }
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
}

/// Totals of a node of the tree (or of the whole programme).
struct TotalsDTO: Content {
    var costCents: Int64
    var fundingCents: Int64
    var fundingText: String
    var fundingByYear: [String: Int64]
    /// Weighted progress in % (see the formula on the programme page); nil with no actions that count.
    var progress: Double?
    var actionCount: Int
}

struct AxisDTO: Content {
    var id: UUID
    var code: String
    var title: String
    var description: String
    var totals: TotalsDTO
    var measures: [MeasureDTO]
}

struct MeasureDTO: Content {
    var id: UUID
    var code: String
    var title: String
    var totals: TotalsDTO
    var indicators: [IndicatorDTO]
    var objectives: [ObjectiveDTO]
}

struct ObjectiveDTO: Content {
    var id: UUID
    var code: String
    var title: String
    var totals: TotalsDTO
    var indicators: [IndicatorDTO]
    var actions: [ActionDTO]
}

extension ProgrammeDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["status": .oneOf(Programme.Status.self)] }
}

extension TotalsDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["progress": .about("Σταθμισμένη πρόοδος %"), "fundingByYear": .about("Χρηματοδότηση ανά έτος, σε λεπτά")]
    }
}
