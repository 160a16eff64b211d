import Foundation
import OramaDomain
import Vapor

/// A finding of the checks of the operational plan.
struct FindingDTO: Content {
    var rule: String
    var ruleName: String
    var severity: String
    var place: String
    var code: String
    var title: String
    var problem: String
    var remedy: String
    /// The page where it is put right.
    var link: String?

    init(_ f: Finding, programmeID: UUID) {
        rule = f.rule.rawValue; ruleName = f.rule.greek; severity = f.severity.rawValue; place = f.place.rawValue
        code = f.code; title = f.title; problem = f.problem; remedy = f.remedy
        link = SiteURL.place(of: f, in: programmeID)
    }
}

/// A financial table: rows by the grouping, amounts per source and year, totals.
struct FinanceDTO: Content {
    var grouping: String
    var years: [Int]
    var sources: [FinanceSourceDTO]
    var rows: [FinanceRowDTO]
    var totalsByYear: [String: Int64]
    var totalsBySource: [String: Int64]
    var grandTotalCents: Int64

    init(_ t: FundingTable) {
        grouping = t.grouping.rawValue
        years = t.years
        sources = t.sources.map { FinanceSourceDTO(code: $0.code, name: $0.name) }
        rows = t.rows.map { row in
            FinanceRowDTO(code: row.code, label: row.label,
                          amounts: t.sources.flatMap { s in t.years.compactMap { y in
                              let amount = row.amount(source: s.id, year: y)
                              return amount.isZero ? nil : FinanceCellDTO(source: s.code, year: y, amountCents: amount.cents)
                          } },
                          totalCents: row.total.cents)
        }
        totalsByYear = Dictionary(uniqueKeysWithValues: t.years.map { (String($0), t.total(year: $0).cents) })
        totalsBySource = Dictionary(uniqueKeysWithValues: t.sources.map { ($0.code, t.total(source: $0.id).cents) })
        grandTotalCents = t.grandTotal.cents
    }
}

struct FinanceSourceDTO: Content {
    var code: String
    var name: String
}

struct FinanceRowDTO: Content {
    var code: String
    var label: String
    var amounts: [FinanceCellDTO]
    var totalCents: Int64
}

struct FinanceCellDTO: Content {
    var source: String
    var year: Int
    var amountCents: Int64
}

/// The Annual Action Programme of a year and its Technical Programme; the approved (frozen)
/// one once the council has approved the year.
struct AnnualDTO: Content {
    var year: Int
    var approved: Bool
    var approvedAt: Date?
    var approvedBy: String?
    var actions: [AnnualEntryDTO]
    var technicalProgramme: [TechnicalGroupDTO]
    var totalCents: Int64

    init(_ annual: AnnualProgramme, approval: AnnualApprovals.Approval?) {
        year = annual.year
        approved = approval != nil
        approvedAt = approval?.approvedAt
        approvedBy = approval?.approvedBy
        actions = annual.entries.map(AnnualEntryDTO.init)
        technicalProgramme = annual.technicalProgramme.map { group in
            TechnicalGroupDTO(name: group.name, totalCents: group.total.cents, items: group.items.map {
                TechnicalItemDTO(number: $0.number, actionID: $0.actionID, code: $0.code, title: $0.title, category: $0.category, funding: $0.funding, amountCents: $0.amount.cents)
            })
        }
        totalCents = annual.total.cents
    }
}

/// An action of the year with what ΠΔ 185/2007 asks of it.
struct AnnualEntryDTO: Content {
    var actionID: UUID
    var code: String
    var title: String
    var axis: String
    var measure: String
    var responsibleUnit: String
    var nature: String
    var outputs: [AnnualOutputDTO]
    /// The quarters of the year in which the action runs (1…4).
    var quarters: [Int]
    var budgetCents: Int64
    var sources: [SourceAmountDTO]
    var preconditions: String
    var location: [String]
    var budgetLines: [String]

    init(_ e: AnnualProgramme.Entry) {
        actionID = e.actionID; code = e.code; title = e.title; axis = e.axis; measure = e.measure; responsibleUnit = e.responsibleUnit; nature = e.nature
        outputs = e.outputs.map { AnnualOutputDTO(indicatorID: $0.indicatorID, code: $0.code, name: $0.name, unit: $0.unit, target: $0.target) }
        quarters = e.quarters; budgetCents = e.budget.cents
        sources = e.sources.map { SourceAmountDTO(source: $0.source, amountCents: $0.amount.cents) }
        preconditions = e.preconditions; location = e.location; budgetLines = e.budgetLines
    }
}

struct AnnualOutputDTO: Content {
    var indicatorID: UUID
    var code: String
    var name: String
    var unit: String
    var target: Double
}

struct SourceAmountDTO: Content {
    var source: String
    var amountCents: Int64
}

/// The Technical Programme's projects of one municipal unit (or of the whole municipality).
struct TechnicalGroupDTO: Content {
    var name: String
    var totalCents: Int64
    var items: [TechnicalItemDTO]
}

struct TechnicalItemDTO: Content {
    var number: Int
    var actionID: UUID
    var code: String
    var title: String
    var category: String
    var funding: String
    var amountCents: Int64
}

extension FindingDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["rule": .oneOf(CheckRule.self), "severity": .oneOf(Finding.Severity.self)] }
}

extension FinanceDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["grouping": .oneOf(FundingGrouping.self), "totalsByYear": .about("Σύνολο ανά έτος, σε λεπτά"), "totalsBySource": .about("Σύνολο ανά πηγή (κωδικός), σε λεπτά")]
    }
}

extension AnnualDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["approvedAt": .about("Χρόνος έγκρισης")] }
}
