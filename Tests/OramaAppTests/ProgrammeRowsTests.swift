import Foundation
@testable import OramaApp
import OramaDomain
import Testing

/// What a save over the loaded programme leaves out: only parts whose rows are the same on
/// both sides.
@Suite("Οι γραμμές ενός προγράμματος")
struct ProgrammeRowsTests {
    let demo = KilelerDemo.build().programme

    @Test("Ίδιο πρόγραμμα: τίποτε δεν συγκρίνεται γραμμή προς γραμμή πέρα από άξονες, μέτρα και στόχους")
    func nothingChanged() {
        let unchanged = ProgrammeRows.Unchanged(demo, demo)
        #expect(unchanged.strategicPlan)
        #expect(unchanged.actions == Set(demo.actions.map(\.id)))
        #expect(unchanged.indicators == Set(demo.indicators.map(\.id)))
        #expect(unchanged.progressUpdates == Set(demo.progressUpdates.map(\.id)))
        let rows = ProgrammeRows(demo, leaving: unchanged)
        #expect(rows.actions.isEmpty && rows.fundingLines.isEmpty && rows.milestones.isEmpty && rows.links.isEmpty)
        #expect(rows.indicators.isEmpty && rows.targets.isEmpty && rows.measurements.isEmpty && rows.progressUpdates.isEmpty)
        #expect(rows.sections.isEmpty && rows.keyFigures.isEmpty && rows.statements.isEmpty)
        #expect(rows.axes.count == demo.axes.count && rows.objectives.count == demo.objectives.count)
    }

    @Test("Μια δράση που άλλαξε συγκρίνεται με όλες τις γραμμές της· οι άλλες όχι")
    func oneActionChanged() {
        var edited = demo
        let action = demo.actions[4]
        edited.editAction(action.id) { $0.milestones[0].isDone.toggle() }
        let unchanged = ProgrammeRows.Unchanged(demo, edited)
        #expect(unchanged.actions == Set(demo.actions.map(\.id)).subtracting([action.id]))
        let rows = ProgrammeRows(edited, leaving: unchanged)
        #expect(rows.actions.map(\.id) == [action.id])
        #expect(rows.milestones.count == action.milestones.count)
        #expect(rows.fundingLines.count == action.fundingLines.count)
    }

    @Test("Μια δράση που μετακινήθηκε αλλάζει θέση, και όσες άλλαξαν θέση μαζί της")
    func movedActions() throws {
        var edited = demo
        let objective = try #require(demo.objectives.first { $0.actions.count >= 3 })
        let last = try #require(objective.actions.last)
        try edited.moveAction(last.id, toObjective: objective.id, at: 0)
        let unchanged = ProgrammeRows.Unchanged(demo, edited)
        for action in objective.actions { #expect(!unchanged.actions.contains(action.id)) }
        #expect(unchanged.actions.count == demo.actions.count - objective.actions.count)

        var elsewhere = demo
        let target = try #require(demo.objectives.last)
        try elsewhere.moveAction(demo.actions[0].id, toObjective: target.id, at: target.actions.count)
        #expect(!ProgrammeRows.Unchanged(demo, elsewhere).actions.contains(demo.actions[0].id))
    }

    @Test("Ένα αναγνωριστικό που εμφανίζεται δύο φορές δεν παραλείπεται ποτέ")
    func duplicatedIDsAreCompared() throws {
        var doubled = demo
        let action = demo.actions[0]
        let objective = try #require(demo.objectives.last)
        doubled.editObjective(objective.id) { $0.actions.append(action) }
        #expect(!ProgrammeRows.Unchanged(doubled, doubled).actions.contains(action.id))
        #expect(!ProgrammeRows.Unchanged(demo, doubled).actions.contains(action.id))
        var twice = demo
        twice.progressUpdates.append(demo.progressUpdates[0])
        #expect(!ProgrammeRows.Unchanged(twice, twice).progressUpdates.contains(demo.progressUpdates[0].id))
    }

    @Test("Δείκτες που άλλαξαν θέση ή τιμή συγκρίνονται· το στρατηγικό σχέδιο ως σύνολο")
    func indicatorsAndPlan() {
        var edited = demo
        edited.indicators.swapAt(0, 1)
        edited.indicators[5].targets[2026] = 1
        edited.strategicPlan.guidingPrinciples.append("Ισότητα")
        let unchanged = ProgrammeRows.Unchanged(demo, edited)
        #expect(!unchanged.strategicPlan)
        let compared = Set(demo.indicators.map(\.id)).subtracting(unchanged.indicators)
        #expect(compared == [demo.indicators[0].id, demo.indicators[1].id, demo.indicators[5].id])
    }
}
