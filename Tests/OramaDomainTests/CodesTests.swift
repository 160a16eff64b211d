import Testing
@testable import OramaDomain

@Suite struct CodesTests {
    @Test func codesFollowTheTree() {
        let p = SmallProgramme().programme
        #expect(p.axes.map(\.code) == ["1", "2"])
        #expect(p.measures.map(\.code) == ["1.1", "1.2", "2.1"])
        #expect(p.objectives.map(\.code) == ["1.1.1", "1.1.2", "2.1.1"])
        #expect(p.actions.map(\.code) == ["1.1.1.01", "1.1.1.02", "1.1.2.01", "2.1.1.01", "2.1.1.02", "2.1.1.03"])
    }

    @Test func actionCodesPadToTwoDigits() {
        var p = SmallProgramme().programme
        let objective = p.objectives[0].id
        let unit = p.actions[0].responsibleUnitID
        for i in 0..<10 {
            p.editObjective(objective) { $0.actions.append(Action(title: "Νέα \(i)", responsibleUnitID: unit)) }
        }
        p.renumber()
        #expect(p.objective(objective)!.actions.map(\.code).suffix(3) == ["1.1.1.10", "1.1.1.11", "1.1.1.12"])
    }

    @Test func reorderingAxesRenumbersEverythingBelow() throws {
        var p = SmallProgramme().programme
        let care = p.actions.first { $0.title == "Συσσίτιο" }!.id
        let secondAxis = p.axes[1].id
        try p.moveAxis(secondAxis, to: 0)
        #expect(p.axes[0].id == secondAxis)
        #expect(p.axes.map(\.code) == ["1", "2"])
        #expect(p.action(care)?.code == "1.1.1.03")
        #expect(p.measures.map(\.code) == ["1.1", "2.1", "2.2"])
    }

    @Test func movingAnActionToAnotherObjectiveKeepsItsId() throws {
        var p = SmallProgramme().programme
        let telemetry = p.actions.first { $0.title == "Τηλεμετρία" }!
        let target = p.objectives.first { $0.title == "Στήριξη ηλικιωμένων" }!.id
        try p.moveAction(telemetry.id, toObjective: target, at: 0)
        #expect(p.action(telemetry.id)?.code == "2.1.1.01")
        #expect(p.action(telemetry.id)?.title == "Τηλεμετρία")
        #expect(p.objectives.first { $0.title == "Λιγότερες απώλειες" }!.actions.isEmpty)
        #expect(p.actions.first { $0.title == "Βοήθεια στο σπίτι" }?.code == "2.1.1.02")
    }

    @Test func movingMeasuresAndObjectivesBetweenParents() throws {
        var p = SmallProgramme().programme
        let green = p.measures.first { $0.title == "Πράσινο" }!.id
        try p.moveMeasure(green, toAxis: p.axes[1].id, at: 99)
        #expect(p.measure(green)?.code == "2.2")
        let losses = p.objectives.first { $0.title == "Λιγότερες απώλειες" }!.id
        try p.moveObjective(losses, toMeasure: green, at: 0)
        #expect(p.objective(losses)?.code == "2.2.1")
        #expect(p.actions.first { $0.title == "Τηλεμετρία" }?.code == "2.2.1.01")
        #expect(throws: TreeEditError.self) { try p.moveObjective(losses, toMeasure: UUIDs.unknown, at: 0) }
    }

    @Test func removingRefusesWhileChildrenExist() throws {
        var p = SmallProgramme().programme
        let water = p.measures[0]
        #expect(throws: TreeEditError.hasChildren(.measure, code: "1.1", count: 2)) { try p.remove(.measure, water.id) }
        let green = p.measures[1].id
        try p.remove(.measure, green)
        #expect(p.measures.map(\.code) == ["1.1", "2.1"])
        let first = p.actions[0].id
        try p.remove(.action, first)
        #expect(p.action(first) == nil)
        #expect(p.actions[0].code == "1.1.1.01")
    }
}

enum UUIDs {
    static let unknown = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
}

import Foundation
