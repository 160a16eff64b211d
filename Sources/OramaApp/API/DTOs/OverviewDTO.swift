import Foundation
import OramaDomain
import Vapor

/// `/api/v1/overview`: the overview page's figures. Amounts in cents, shares as percentages.
struct OverviewDTO: Content {
    /// The Region, or null for the whole country.
    var region: String?
    /// The year up to which "planned to date" counts.
    var year: Int
    var municipalities: [OverviewMunicipalityDTO]
    var axes: [OverviewAxisDTO]
    var funding: [OverviewFundingDTO]
    var sharedIndicators: [OverviewIndicatorDTO]

    init(_ o: Overview) {
        region = o.region
        year = o.year
        municipalities = o.municipalities.map(OverviewMunicipalityDTO.init)
        axes = o.axes.map {
            OverviewAxisDTO(axis: $0.axis, municipalities: $0.municipalities, actions: $0.actions, plannedCents: $0.planned.cents,
                            spentCents: $0.spent.cents, absorptionPercent: $0.absorption)
        }
        funding = o.funding.map { OverviewFundingDTO(source: $0.source, kind: $0.kind.rawValue, year: $0.year, amountCents: $0.amount.cents) }
        sharedIndicators = o.sharedIndicators.map {
            OverviewIndicatorDTO(code: $0.code, name: $0.name, unit: $0.unit, municipality: $0.municipality, period: $0.period,
                                 value: $0.value, target: $0.target)
        }
    }
}

struct OverviewMunicipalityDTO: Content {
    var organisationID: UUID
    var name: String
    var region: String
    var regionalUnit: String
    /// The current public programme, or null when the municipality has none.
    var programmeID: UUID?
    var programmeTitle: String?
    var status: String?
    /// The public programme's JSON, for the drill-down.
    var url: String?
    var actions: Int
    var costCents: Int64
    var plannedCents: Int64
    var plannedToDateCents: Int64
    var spentCents: Int64
    var meanProgressPercent: Double?
    var absorptionPercent: Double?
    var delayed: Int
    var unreported: Int
    /// Why the municipality lags, in Greek; empty when it does not.
    var lagReasons: [String]

    init(_ m: MunicipalityFigures) {
        organisationID = m.organisationID; name = m.name; region = m.region; regionalUnit = m.regionalUnit
        programmeID = m.programmeID; programmeTitle = m.programmeTitle; status = m.status?.rawValue
        url = m.programmeID.map { SiteURL.apiProgramme($0).path }
        actions = m.actions; costCents = m.cost.cents; plannedCents = m.planned.cents; plannedToDateCents = m.plannedToDate.cents
        spentCents = m.spent.cents; meanProgressPercent = m.meanProgress; absorptionPercent = m.absorption
        delayed = m.delayed; unreported = m.unreported; lagReasons = m.lagReasons
    }
}

struct OverviewAxisDTO: Content {
    var axis: String
    var municipalities: Int
    var actions: Int
    var plannedCents: Int64
    var spentCents: Int64
    var absorptionPercent: Double?
}

struct OverviewFundingDTO: Content {
    var source: String
    var kind: String
    var year: Int
    var amountCents: Int64
}

struct OverviewIndicatorDTO: Content {
    var code: String
    var name: String
    var unit: String
    var municipality: String
    /// The period of the latest value (`2025-Q3`, `2025`), or null when none was recorded.
    var period: String?
    var value: Double?
    var target: Double?
}

extension OverviewMunicipalityDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["status": .oneOf(Programme.Status.self)] }
}

extension OverviewFundingDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["kind": .oneOf(FundingSource.Kind.self)] }
}
