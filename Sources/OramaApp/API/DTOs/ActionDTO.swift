import Foundation
import OramaDomain
import Vapor

/// An action with every field, its funding lines in cents, and its latest status and progress.
struct ActionDTO: Content {
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
    var milestones: [MilestoneDTO]
    var status: String?
    var progress: Double?

    /// `rollup` and `latest` are the programme's, built once for all its actions.
    init(_ a: Action, reference: ReferenceData, rollup: RollupIndex, latest: [UUID: ProgressUpdate]) {
        let body: String
        switch a.implementingBody {
        case .ownUnit: body = reference.unit(a.responsibleUnitID)?.name ?? ""
        case .legalEntity(let id): body = reference.legalEntity(id)?.name ?? ""
        case .partner(let name, _): body = name
        }
        id = a.id; code = a.code; title = a.title; description = a.description; kind = a.kind.rawValue; nature = a.nature.rawValue
        responsibleUnit = reference.unit(a.responsibleUnitID)?.name
        coResponsibleUnits = a.coResponsibleUnitIDs.compactMap { reference.unit($0)?.name }
        implementingBody = body; supraLocal = a.isSupraLocal; partners = a.partners
        localities = a.localityIDs.compactMap { reference.locality($0)?.name }
        priority = a.priority.rawValue; rank = a.rank; maturity = a.maturity.rawValue; preconditions = a.preconditions
        costCents = a.cost.cents; costText = a.cost.formatted
        fundingLines = a.fundingLines.map { FundingLineDTO(source: reference.source($0.sourceID)?.code ?? "", year: $0.year, amountCents: $0.amount.cents) }
        scheduleStart = a.schedule?.start.code; scheduleEnd = a.schedule?.end.code; budgetLines = a.budgetLines; weight = a.weight
        milestones = a.milestones.map { MilestoneDTO(id: $0.id, date: $0.date.iso, title: $0.title, isDone: $0.isDone) }
        status = latest[a.id]?.status.rawValue
        progress = rollup.find(a.id)?.actionProgress
    }
}

struct FundingLineDTO: Content {
    /// The funding source's code (ΣΑΤΑ, ΕΣΠΑ …).
    var source: String
    var year: Int
    var amountCents: Int64
}

struct MilestoneDTO: Content {
    var id: UUID
    /// ISO date, `2025-03-31`.
    var date: String
    var title: String
    var isDone: Bool
}

/// An action with the codes of the axis, measure and objective above it.
struct ActionItemDTO: Content {
    var axisCode: String
    var measureCode: String
    var objectiveCode: String
    var action: ActionDTO

    init(_ path: ActionPath, _ loaded: LoadedProgramme, _ rollup: RollupIndex, _ latest: [UUID: ProgressUpdate]) {
        axisCode = path.axis.code
        measureCode = path.measure.code
        objectiveCode = path.objective.code
        action = ActionDTO(path.action, reference: loaded.reference, rollup: rollup, latest: latest)
    }
}

extension ActionDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["kind": .oneOf(Action.Kind.self), "nature": .oneOf(Action.Nature.self), "maturity": .oneOf(Action.Maturity.self),
         "priority": SchemaNote(numbers: Action.Priority.allCases.map(\.rawValue)), "status": .oneOf(ProgressUpdate.Status.self),
         "scheduleStart": .about("Τρίμηνο έναρξης, ΕΕΕΕ-QN"), "scheduleEnd": .about("Τρίμηνο λήξης, ΕΕΕΕ-QN"),
         "progress": .about("Πρόοδος της δράσης %")]
    }
}

extension MilestoneDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["date": .format("date")] }
}
