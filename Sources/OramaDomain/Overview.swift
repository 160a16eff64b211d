import Foundation

/// What a Region's or the ministry's analyst reads across municipalities: one line per
/// municipality, of its current public programme, computed by the database (SQL aggregates),
/// never by loading programmes whole.
public struct MunicipalityFigures: Sendable, Hashable {
    public var organisationID: UUID
    public var name: String
    public var region: String
    public var regionalUnit: String
    /// The current public programme (published or in consultation), if there is one.
    public var programmeID: UUID?
    public var programmeTitle: String?
    public var status: Programme.Status?
    public var actions: Int
    public var cost: Money
    /// Funding of every year of the programme, and of the years up to the one asked.
    public var planned: Money
    public var plannedToDate: Money
    /// Spent to date by the latest report of each action.
    public var spent: Money
    /// The mean of the actions' latest physical progress (0–100), nil with no report.
    public var meanProgress: Double?
    public var delayed: Int
    public var unreported: Int

    public init(organisationID: UUID, name: String, region: String, regionalUnit: String, programmeID: UUID?, programmeTitle: String?,
                status: Programme.Status?, actions: Int, cost: Money, planned: Money, plannedToDate: Money, spent: Money,
                meanProgress: Double?, delayed: Int, unreported: Int) {
        self.organisationID = organisationID
        self.name = name
        self.region = region
        self.regionalUnit = regionalUnit
        self.programmeID = programmeID
        self.programmeTitle = programmeTitle
        self.status = status
        self.actions = actions
        self.cost = cost
        self.planned = planned
        self.plannedToDate = plannedToDate
        self.spent = spent
        self.meanProgress = meanProgress
        self.delayed = delayed
        self.unreported = unreported
    }

    /// Spent against what was planned up to the year, as a percentage; nil if nothing was planned.
    public var absorption: Double? {
        plannedToDate.cents > 0 ? Double(spent.cents) / Double(plannedToDate.cents) * 100 : nil
    }

    /// Why the municipality lags, in the words of the overview; empty when it does not.
    /// A fifth of its actions delayed, half of them never reported, or less than half of the
    /// money planned to date spent.
    public var lagReasons: [String] {
        guard programmeID != nil, actions > 0 else { return [] }
        var reasons: [String] = []
        if delayed * 5 >= actions { reasons.append("\(delayed) από \(actions) δράσεις σε καθυστέρηση") }
        if unreported * 2 >= actions { reasons.append("\(unreported) από \(actions) δράσεις χωρίς αναφορά προόδου") }
        if let absorption, absorption < 50 { reasons.append("απορρόφηση \(Int(absorption.rounded())) % του προγραμματισμού") }
        return reasons
    }
}

/// Money of a funding source in one year, summed across the municipalities.
public struct FundingBySourceYear: Sendable, Hashable {
    public var source: String
    public var kind: FundingSource.Kind
    public var year: Int
    public var amount: Money

    public init(source: String, kind: FundingSource.Kind, year: Int, amount: Money) {
        self.source = source
        self.kind = kind
        self.year = year
        self.amount = amount
    }
}

/// One municipality's latest value of an indicator that others use under the same code.
public struct SharedIndicatorValue: Sendable, Hashable {
    public var code: String
    public var name: String
    public var unit: String
    public var municipality: String
    public var period: String?
    public var value: Double?
    public var target: Double?

    public init(code: String, name: String, unit: String, municipality: String, period: String?, value: Double?, target: Double?) {
        self.code = code
        self.name = name
        self.unit = unit
        self.municipality = municipality
        self.period = period
        self.value = value
        self.target = target
    }
}

/// Money under one axis title across the programmes: municipalities name their axes
/// themselves, so axes are summed where the title is the same, letter for letter.
public struct FundingByAxis: Sendable, Hashable {
    public var axis: String
    public var municipalities: Int
    public var actions: Int
    public var planned: Money
    /// The spending of each action's latest report.
    public var spent: Money

    public init(axis: String, municipalities: Int, actions: Int, planned: Money, spent: Money) {
        self.axis = axis
        self.municipalities = municipalities
        self.actions = actions
        self.planned = planned
        self.spent = spent
    }

    /// Spent against everything planned under the axis, as a percentage; nil if nothing was planned.
    public var absorption: Double? { planned.cents > 0 ? Double(spent.cents) / Double(planned.cents) * 100 : nil }
}

public struct Overview: Sendable, Hashable {
    /// The Region, or nil for the whole country.
    public var region: String?
    public var year: Int
    public var municipalities: [MunicipalityFigures]
    public var funding: [FundingBySourceYear]
    public var axes: [FundingByAxis]
    public var sharedIndicators: [SharedIndicatorValue]

    public init(region: String?, year: Int, municipalities: [MunicipalityFigures], funding: [FundingBySourceYear],
                axes: [FundingByAxis] = [], sharedIndicators: [SharedIndicatorValue]) {
        self.region = region
        self.year = year
        self.municipalities = municipalities
        self.funding = funding
        self.axes = axes
        self.sharedIndicators = sharedIndicators
    }

    public var withProgramme: [MunicipalityFigures] { municipalities.filter { $0.programmeID != nil } }
    public var lagging: [MunicipalityFigures] { municipalities.filter { !$0.lagReasons.isEmpty } }
    public var years: [Int] { Array(Set(funding.map(\.year))).sorted() }
    public var sources: [String] { Array(Set(funding.map(\.source))).sorted { GreekText.searchKey($0) < GreekText.searchKey($1) } }

    public func amount(source: String, year: Int) -> Money {
        funding.filter { $0.source == source && $0.year == year }.map(\.amount).sum()
    }
}
