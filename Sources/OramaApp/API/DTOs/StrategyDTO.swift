import Foundation
import OramaDomain
import Vapor

/// Phase A: the profile with its key figures, SWOT, critical issues, vision, principles and
/// the strategic goal of each axis, with the consultation and council dates.
struct StrategyDTO: Content {
    var profileSections: [ProfileSectionDTO]
    var swot: [SWOTItemDTO]
    var criticalIssues: [String]
    var vision: String
    var guidingPrinciples: [String]
    var strategicGoals: [StrategicGoalDTO]
    /// ISO dates.
    var consultationStart: String?
    var consultationEnd: String?
    var councilSession: String?

    init(_ p: Programme) {
        let plan = p.strategicPlan
        profileSections = plan.profileSections.map { section in
            ProfileSectionDTO(title: section.title, body: section.body,
                              keyFigures: section.keyFigures.map { KeyFigureDTO(name: $0.name, value: $0.value, unit: $0.unit, year: $0.year, source: $0.source) })
        }
        swot = plan.swot.map { SWOTItemDTO(quadrant: $0.quadrant.rawValue, text: $0.text) }
        criticalIssues = plan.criticalIssues
        vision = plan.vision
        guidingPrinciples = plan.guidingPrinciples
        strategicGoals = plan.strategicGoals.map { StrategicGoalDTO(axisID: $0.axisID, axisCode: p.axis($0.axisID)?.code ?? "", text: $0.text) }
        consultationStart = p.keyDates.consultationStart?.iso
        consultationEnd = p.keyDates.consultationEnd?.iso
        councilSession = p.keyDates.councilSession?.iso
    }
}

struct ProfileSectionDTO: Content {
    var title: String
    var body: String
    var keyFigures: [KeyFigureDTO]
}

struct KeyFigureDTO: Content {
    var name: String
    var value: Double
    var unit: String
    var year: Int
    var source: String
}

struct SWOTItemDTO: Content {
    var quadrant: String
    var text: String
}

struct StrategicGoalDTO: Content {
    var axisID: UUID
    var axisCode: String
    var text: String
}

extension StrategyDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["consultationStart": .format("date"), "consultationEnd": .format("date"), "councilSession": .format("date")]
    }
}

extension SWOTItemDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["quadrant": .oneOf(SWOTItem.Quadrant.self)] }
}
