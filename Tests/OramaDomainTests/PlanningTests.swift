import Foundation
import Testing
@testable import OramaDomain

@Suite struct WhatIfTests {
    /// A deterministic family of programmes to try the cut on.
    func programmes() -> [(SmallProgramme, [UUID])] {
        (0..<12).map { seed in
            var f = SmallProgramme()
            var state = UInt64(seed + 1)
            func next() -> Int64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return Int64((state >> 33) % 90_000) + 1 }
            for action in f.programme.actions {
                f.programme.editAction(action.id) { a in
                    a.fundingLines = (2024...2026).flatMap { year in [FundingLine(sourceID: f.sata.id, year: year, amount: Money(cents: next())),
                                                                      FundingLine(sourceID: f.own.id, year: year, amount: Money(cents: next()))] }
                    a.cost = a.fundedAmount
                }
            }
            var shuffle = SeededShuffle(seed: UInt64(seed))
            let order = f.programme.actions.map(\.id).shuffled(using: &shuffle)
            return (f, order)
        }
    }

    @Test func aCutNeverIncreasesAnything() {
        for (f, order) in programmes() {
            for size in [FundingCut.Size.percent(37), .percent(100), .amount(Money(euros: 500)), .amount(Money(euros: 10_000_000))] {
                let result = f.programme.whatIf(FundingCut(sourceID: f.sata.id, years: [2024, 2025], size: size), priorityOrder: order)
                for (before, after) in zip(f.programme.actions, result.programme.actions) {
                    for year in 2024...2026 { #expect(after.funding(in: year) <= before.funding(in: year)) }
                    #expect(after.fundedAmount <= before.fundedAmount)
                }
                for year in 2024...2026 { #expect((result.totalsAfter[year] ?? .zero) <= (result.totalsBefore[year] ?? .zero)) }
                #expect(result.cut <= result.available)
                #expect(f.programme.totalFunding - result.programme.totalFunding == result.cut)
            }
        }
    }

    @Test func aZeroCutChangesNothing() {
        for (f, order) in programmes() {
            for size in [FundingCut.Size.percent(0), .amount(.zero)] {
                let result = f.programme.whatIf(FundingCut(sourceID: f.sata.id, years: [2024, 2025, 2026], size: size), priorityOrder: order)
                #expect(result.programme == f.programme)
                #expect(result.losses.isEmpty && result.cut == .zero)
            }
        }
    }

    @Test func aFullCutUnfundsExactlyThatSourcesShare() {
        for (f, order) in programmes() {
            let result = f.programme.whatIf(FundingCut(sourceID: f.sata.id, years: [2025], size: .percent(100)), priorityOrder: order)
            for (before, after) in zip(f.programme.actions, result.programme.actions) {
                #expect(!after.fundingLines.contains { $0.sourceID == f.sata.id && $0.year == 2025 })
                let untouched = before.fundingLines.filter { !($0.sourceID == f.sata.id && $0.year == 2025) }
                #expect(after.fundingLines.sorted { ($0.year, $0.sourceID.uuidString) < ($1.year, $1.sourceID.uuidString) }
                        == untouched.sorted { ($0.year, $0.sourceID.uuidString) < ($1.year, $1.sourceID.uuidString) })
            }
            let share = f.programme.actions.flatMap(\.fundingLines).filter { $0.sourceID == f.sata.id && $0.year == 2025 }.map(\.amount).sum()
            #expect(result.cut == share)
        }
    }

    @Test func theLastInPriorityLosesFirst() {
        let (f, order) = programmes()[0]
        let firstLoser = order.last!
        let result = f.programme.whatIf(FundingCut(sourceID: f.sata.id, years: [2024], size: .amount(Money(cents: 1))), priorityOrder: order)
        #expect(result.losses.map(\.actionID) == [firstLoser])
        #expect(result.losses[0].lost == Money(cents: 1))
    }
}

struct SeededShuffle: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1; return state }
}

@Suite struct AnnualProgrammeTests {
    @Test func holdsExactlyTheActionsScheduledInTheYear() {
        var f = SmallProgramme()
        let ids = f.programme.actions.map(\.id)
        f.programme.editAction(ids[0]) { $0.schedule = Schedule(start: .init(year: 2024, quarter: 3), end: .init(year: 2025, quarter: 2)) }
        f.programme.editAction(ids[1]) { $0.schedule = Schedule(start: .init(year: 2025, quarter: 1), end: .init(year: 2025, quarter: 4)) }
        f.programme.editAction(ids[2]) { $0.schedule = Schedule(start: .init(year: 2026, quarter: 1), end: .init(year: 2026, quarter: 2)) }
        let year2025 = f.programme.annualProgramme(year: 2025, reference: f.reference)
        #expect(year2025.entries.map(\.actionID) == [ids[0], ids[1]])
        #expect(year2025.entries[0].quarters == [1, 2])
        #expect(year2025.entries[1].quarters == [1, 2, 3, 4])
        #expect(year2025.entries[1].budget == Money(euros: 2000))
        #expect(year2025.entries[1].sources.map(\.source) == ["ΣΑΤΑ"])
        #expect(f.programme.annualProgramme(year: 2026, reference: f.reference).entries.map(\.actionID) == [ids[2]])
        #expect(f.programme.annualProgramme(year: 2028, reference: f.reference).entries.isEmpty)
    }

    @Test func outputsAndTechnicalProgramme() {
        var f = SmallProgramme()
        let action = f.programme.actions[1]
        f.programme.editAction(action.id) { $0.schedule = Schedule(start: .init(year: 2025, quarter: 1), end: .init(year: 2025, quarter: 4)) }
        f.programme.indicators = [
            Indicator(code: "Δ1", name: "Μήκος δικτύου", kind: .output, unit: "km", targets: [2025: 12], attachment: .objective(f.programme.objectives[0].id)),
            Indicator(code: "Δ2", name: "Ικανοποίηση", kind: .result, unit: "%", targets: [2025: 80], attachment: .objective(f.programme.objectives[0].id)),
        ]
        let annual = f.programme.annualProgramme(year: 2025, reference: f.reference)
        #expect(annual.entries[0].outputs.map(\.code) == ["Δ1"])
        #expect(annual.entries[0].outputs[0].target == 12)
        // Works in two municipal units fall under "several"; the amounts are the year's.
        #expect(annual.technicalProgramme.map(\.name) == ["Περισσότερες Δημοτικές Ενότητες"])
        #expect(annual.technicalProgramme[0].items.map(\.number) == [1])
        #expect(annual.technicalProgramme[0].total == Money(euros: 2000))
    }
}

@Suite struct PriorityTests {
    @Test func scoreFollowsTheDocumentedCriteria() {
        var f = SmallProgramme()
        let id = f.programme.actions[0].id
        f.programme.editAction(id) { $0.priority = .high; $0.maturity = .contracted; $0.isSupraLocal = true }
        let score = f.programme.priorityScore(of: f.programme.action(id)!, reference: f.reference)
        // urgency 30 + maturity 25 + secured (1000 of 1500 from ΣΑΤΑ) 20×⅔ + reach 10 + fit 0
        #expect(abs(score.score - (30 + 25 + 20 * 2.0 / 3 + 10)) < 1e-9)
        #expect(score.parts.map(\.weight).reduce(0, +) == 100)
    }

    @Test func thePlannersRankComesFirst() {
        var f = SmallProgramme()
        let actions = f.programme.actions
        f.programme.editAction(actions[4].id) { $0.rank = 1 }
        f.programme.editAction(actions[0].id) { $0.priority = .high; $0.maturity = .contracted }
        let ranking = f.programme.ranking(of: f.programme.actions, reference: f.reference).map(\.0.id)
        #expect(ranking.first == actions[4].id)
        #expect(ranking[1] == actions[0].id)
    }
}
