import Foundation
import Testing
@testable import OramaDomain

@Suite struct RollupTests {
    func update(_ action: Action, _ status: ProgressUpdate.Status, _ percent: Int, day: Int = 1) -> ProgressUpdate {
        ProgressUpdate(actionID: action.id, date: CalendarDate(year: 2025, month: 3, day: day), status: status, physicalProgress: percent)
    }

    @Test func weightedAverageOfActions() {
        var p = SmallProgramme().programme
        let a = p.actions
        // Δίκτυο Νίκαιας w=1 p=40; Δίκτυο Κραννώνα w=3 p=80; Τηλεμετρία w=1 no update → 0
        p.progressUpdates = [update(a[0], .onTrack, 40), update(a[1], .onTrack, 80)]
        let rollup = p.progressRollup()
        let objective = rollup.find(p.objectives[0].id)!
        let expectedObjective: Double = (40 + 240) / 4
        #expect(objective.progress == expectedObjective)
        let measure = rollup.find(p.measures[0].id)!
        let expectedMeasure: Double = 280 / 5
        #expect(measure.progress == expectedMeasure)
        #expect(measure.weight == 5)
    }

    @Test func latestUpdateWinsAndCompletedCountsAsFull() {
        var p = SmallProgramme().programme
        let a = p.actions[0]
        p.progressUpdates = [update(a, .onTrack, 90, day: 20), update(a, .onTrack, 10, day: 2)]
        #expect(p.progressRollup().find(a.id)?.actionProgress == 90)
        p.progressUpdates.append(update(a, .completed, 70, day: 25))
        #expect(p.progressRollup().find(a.id)?.actionProgress == 100)
    }

    @Test func cancelledActionsAreLeftOut() {
        var p = SmallProgramme().programme
        let care = p.objectives[2]
        p.progressUpdates = [
            update(care.actions[0], .onTrack, 60),
            update(care.actions[1], .cancelled, 0),
            update(care.actions[2], .onTrack, 20),
        ]
        let node = p.progressRollup().find(care.id)!
        #expect(node.progress == 40)
        #expect(node.weight == 2)
        #expect(node.children[1].excluded)
    }

    @Test func emptyBranchesHaveNoProgressAndDoNotPullDown() {
        var p = SmallProgramme().programme
        p.progressUpdates = p.axes[0].measures[0].objectives.flatMap(\.actions).map { update($0, .completed, 100) }
        let rollup = p.progressRollup()
        let green = rollup.find(p.measures[1].id)!
        #expect(green.progress == nil)
        #expect(rollup.find(p.axes[0].id)?.progress == 100)
        // Programme: axis 1 has weight 5 at 100%, axis 2 weight 3 at 0%.
        #expect(rollup.progress == 500 / 8.0)
    }

    @Test func programmeProgressEqualsTheFlatWeightedAverage() {
        var p = SmallProgramme().programme
        let percents = [10, 20, 30, 40, 50, 60]
        p.progressUpdates = zip(p.actions, percents).map { update($0, .onTrack, $1) }
        let flat = zip(p.actions, percents).map { $0.weight * Double($1) }.reduce(0, +) / p.actions.map(\.weight).reduce(0, +)
        #expect(abs(p.progressRollup().progress! - flat) < 1e-9)
    }
}

@Suite struct AchievementTests {
    @Test func higherIsBetter() {
        #expect(Indicator.achievement(baseline: 20, target: 60, actual: 40, direction: .higherIsBetter) == 50)
        #expect(Indicator.achievement(baseline: 20, target: 60, actual: 80, direction: .higherIsBetter) == 150)
        #expect(Indicator.achievement(baseline: 20, target: 60, actual: 10, direction: .higherIsBetter) == 0)
        #expect(Indicator.achievement(baseline: nil, target: 50, actual: 25, direction: .higherIsBetter) == 50)
    }

    @Test func lowerIsBetter() {
        #expect(Indicator.achievement(baseline: 40, target: 20, actual: 30, direction: .lowerIsBetter) == 50)
        #expect(Indicator.achievement(baseline: 40, target: 20, actual: 15, direction: .lowerIsBetter) == 125)
        #expect(Indicator.achievement(baseline: 40, target: 20, actual: 45, direction: .lowerIsBetter) == 0)
        #expect(Indicator.achievement(baseline: nil, target: 20, actual: 40, direction: .lowerIsBetter) == 50)
        #expect(Indicator.achievement(baseline: nil, target: 20, actual: 10, direction: .lowerIsBetter) == 100)
    }

    @Test func targetEqualToBaseline() {
        #expect(Indicator.achievement(baseline: 10, target: 10, actual: 10, direction: .higherIsBetter) == 100)
        #expect(Indicator.achievement(baseline: 10, target: 10, actual: 9, direction: .higherIsBetter) == 0)
        #expect(Indicator.achievement(baseline: 10, target: 10, actual: 9, direction: .lowerIsBetter) == 100)
    }

    @Test func yearUsesItsLatestMeasurementAndTarget() {
        let indicator = Indicator(
            code: "Δ1", name: "Νοικοκυριά με ανακύκλωση", kind: .result, unit: "%", baseline: 20, baselineYear: 2023,
            targets: [2024: 30, 2025: 40], attachment: .objective(UUID()),
            measurements: [
                OramaDomain.Measurement(period: .init(year: 2025, quarter: 2), value: 25),
                OramaDomain.Measurement(period: .init(year: 2025), value: 35),
                OramaDomain.Measurement(period: .init(year: 2025, quarter: 4), value: 30),
                OramaDomain.Measurement(period: .init(year: 2024, quarter: 4), value: 30),
            ])
        #expect(indicator.actual(in: 2025) == 35)
        #expect(indicator.achievement(in: 2025) == 75)
        #expect(indicator.achievement(in: 2024) == 100)
        #expect(indicator.achievement(in: 2026) == nil)
    }
}

@Suite struct FinanceTests {
    @Test func everyGroupingAddsUpToAllFundingLines() {
        let fixture = SmallProgramme()
        let p = fixture.programme
        #expect(p.totalFunding == Money(euros: 1000 + 500 + 2000 + 301 + 200 + 50))
        for grouping in FundingGrouping.allCases {
            let table = p.fundingTable(by: grouping, reference: fixture.reference)
            #expect(table.grandTotal == p.totalFunding, "\(grouping)")
            let byColumns = table.sources.flatMap { s in table.years.map { table.total(source: s.id, year: $0) } }.sum()
            #expect(byColumns == p.totalFunding, "\(grouping)")
        }
    }

    @Test func bySourceAndYear() {
        let fixture = SmallProgramme()
        let table = fixture.programme.fundingTable(by: .axis, reference: fixture.reference)
        #expect(table.rows.map(\.code) == ["1", "2"])
        #expect(table.rows[0].amount(source: fixture.sata.id, year: 2025) == Money(euros: 2000))
        #expect(table.total(source: fixture.own.id) == Money(euros: 500 + 301 + 200))
        #expect(table.total(year: 2024) == Money(euros: 1100))
        #expect(table.years == [2024, 2025, 2026, 2027, 2028])
    }

    @Test func localitiesShareWithoutDoubleCounting() {
        let fixture = SmallProgramme()
        let table = fixture.programme.fundingTable(by: .locality, reference: fixture.reference)
        // Headings decline a name when its genitive is known, and never guess it when not.
        let nikaia = table.rows.first { $0.label == "Δημοτική Ενότητα Νίκαιας" }!
        let krannona = table.rows.first { $0.label == "Δημοτική Ενότητα: Κραννώνα" }!
        #expect(nikaia.total == Money(euros: 1500 + 1000))
        #expect(krannona.total == Money(euros: 1000))
        #expect(table.rows.last?.label == "Χωρίς χωροθέτηση")
    }
}

@Suite("Ευρετήριο προόδου")
struct RollupIndexTests {
    @Test("κάθε κόμβος βρίσκεται στο ευρετήριο όπως και με το πέρασμα του δέντρου")
    func theIndexFindsWhatTheWalkFinds() {
        var p = SmallProgramme().programme
        p.progressUpdates = [ProgressUpdate(actionID: p.actions[0].id, date: CalendarDate(year: 2025, month: 3, day: 1), status: .onTrack, physicalProgress: 40)]
        let tree = p.progressRollup()
        let index = RollupIndex(tree)
        let ids = [p.id] + p.axes.map(\.id) + p.measures.map(\.id) + p.objectives.map(\.id) + p.actions.map(\.id)
        #expect(!ids.isEmpty)
        for id in ids { #expect(index.find(id) == tree.find(id)) }
        #expect(index.find(UUID()) == nil)
        #expect(index.root == tree)
    }

    @Test("κατά τόπο: κάθε Δημοτική Ενότητα και κάτω της οι Κοινότητές της, όχι ανάμεικτες")
    func localitiesGroupedUnderTheirUnit() {
        let org = UUID()
        let nikaia = Locality(organisationID: org, name: "Νίκαια", kind: .municipalUnit, genitive: "Νίκαιας")
        let krannona = Locality(organisationID: org, name: "Κραννώνα", kind: .municipalUnit, genitive: "Κραννώνα")
        let melissa = Locality(organisationID: org, parentID: nikaia.id, name: "Μέλισσα", kind: .community, genitive: "Μέλισσας")
        let krannonas = Locality(organisationID: org, parentID: krannona.id, name: "Κραννώνας", kind: .community, genitive: "Κραννώνος")
        let source = FundingSource(organisationID: org, code: "ΣΑΤΑ", name: "ΣΑΤΑ", kind: .central)
        let unit = OrgUnit(organisationID: org, code: "ΤΥ", name: "Τεχνική", kind: .directorate)
        let reference = ReferenceData(organisation: Organisation(id: org, name: "Δ", region: "", regionalUnit: ""),
                                      localities: [nikaia, krannona, melissa, krannonas], units: [unit], fundingSources: [source])
        func action(_ euros: Int64, at places: [Locality]) -> Action {
            Action(title: "Δ\(euros)", responsibleUnitID: unit.id, localityIDs: places.map(\.id), cost: Money(euros: euros),
                   fundingLines: [FundingLine(sourceID: source.id, year: 2025, amount: Money(euros: euros))])
        }
        let p = Programme(organisationID: org, title: "Π", startYear: 2025, axes: [Axis(title: "Α", measures: [Measure(title: "Μ", objectives: [
            Objective(title: "Σ", actions: [action(100, at: [krannonas]), action(200, at: [melissa]), action(300, at: [nikaia]), action(50, at: [])]),
        ])])])
        let table = p.fundingTable(by: .locality, reference: reference)
        #expect(table.rows.map(\.label) == ["Δημοτική Ενότητα Νίκαιας", "Κοινότητα Μέλισσας", "Δημοτική Ενότητα Κραννώνα", "Κοινότητα Κραννώνος", "Χωρίς χωροθέτηση"])
        #expect(table.rows.map(\.level) == [0, 1, 0, 1, 0])
        #expect(table.rows[2].amounts.isEmpty, "Κραννώνα heads its community with nothing of its own")
        #expect(table.grandTotal == Money(euros: 650), "nothing counted twice")
    }
}
