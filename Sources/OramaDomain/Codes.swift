import Foundation

/// A place in the operational plan's tree.
public enum TreeLevel: String, Sendable, Codable, CaseIterable {
    case axis
    case measure
    case objective
    case action

    public var greek: String {
        switch self {
        case .axis: "Άξονας"
        case .measure: "Μέτρο"
        case .objective: "Στόχος"
        case .action: "Δράση"
        }
    }
}

public enum TreeEditError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(TreeLevel, UUID)
    case parentNotFound(TreeLevel, UUID)
    case hasChildren(TreeLevel, code: String, count: Int)
    case hasIndicators(TreeLevel, code: String, count: Int)

    public var description: String {
        switch self {
        case .notFound(let level, _): "Δεν βρέθηκε το στοιχείο (\(level.greek))."
        case .parentNotFound(let level, _): "Δεν βρέθηκε ο γονέας (\(level.greek))."
        case .hasChildren(let level, let code, let count):
            "\(level.greek) \(code): έχει \(count == 1 ? "ένα υποστοιχείο" : "\(count) υποστοιχεία")· μετακινήστε ή διαγράψτε τα πρώτα."
        case .hasIndicators(let level, let code, let count):
            "\(level.greek) \(code): παρακολουθείται από \(count == 1 ? "έναν δείκτη" : "\(count) δείκτες")· μεταφέρετε ή διαγράψτε τους πρώτα."
        }
    }
}

extension Programme {
    /// Codes follow the order of the tree: axis `1`, measure `1.2`, objective `1.2.3`,
    /// action `1.2.3.04` (two digits, so that codes sort as text in spreadsheets).
    /// Ids never change; codes are recomputed after every reorder or move.
    public mutating func renumber() {
        for a in axes.indices {
            let axisCode = "\(a + 1)"
            axes[a].code = axisCode
            for m in axes[a].measures.indices {
                let measureCode = "\(axisCode).\(m + 1)"
                axes[a].measures[m].code = measureCode
                for o in axes[a].measures[m].objectives.indices {
                    let objectiveCode = "\(measureCode).\(o + 1)"
                    axes[a].measures[m].objectives[o].code = objectiveCode
                    for x in axes[a].measures[m].objectives[o].actions.indices {
                        let n = x + 1
                        axes[a].measures[m].objectives[o].actions[x].code = "\(objectiveCode).\(n < 10 ? "0" : "")\(n)"
                    }
                }
            }
        }
    }

    /// Moves an axis to a new position (clamped to the ends).
    public mutating func moveAxis(_ id: UUID, to index: Int) throws {
        guard let from = axes.firstIndex(where: { $0.id == id }) else { throw TreeEditError.notFound(.axis, id) }
        let axis = axes.remove(at: from)
        axes.insert(axis, at: min(max(0, index), axes.count))
        renumber()
    }

    /// Moves a measure under an axis (the same or another) at a position.
    public mutating func moveMeasure(_ id: UUID, toAxis axisID: UUID, at index: Int) throws {
        guard axes.contains(where: { $0.id == axisID }) else { throw TreeEditError.parentNotFound(.axis, axisID) }
        var taken: Measure?
        for a in axes.indices {
            if let i = axes[a].measures.firstIndex(where: { $0.id == id }) { taken = axes[a].measures.remove(at: i) }
        }
        guard let measure = taken else { throw TreeEditError.notFound(.measure, id) }
        let a = axes.firstIndex { $0.id == axisID }!
        axes[a].measures.insert(measure, at: min(max(0, index), axes[a].measures.count))
        renumber()
    }

    /// Moves an objective under a measure (the same or another) at a position.
    public mutating func moveObjective(_ id: UUID, toMeasure measureID: UUID, at index: Int) throws {
        guard measure(measureID) != nil else { throw TreeEditError.parentNotFound(.measure, measureID) }
        var taken: Objective?
        for a in axes.indices {
            for m in axes[a].measures.indices {
                if let i = axes[a].measures[m].objectives.firstIndex(where: { $0.id == id }) {
                    taken = axes[a].measures[m].objectives.remove(at: i)
                }
            }
        }
        guard let objective = taken else { throw TreeEditError.notFound(.objective, id) }
        editMeasure(measureID) { $0.objectives.insert(objective, at: min(max(0, index), $0.objectives.count)) }
        renumber()
    }

    /// Moves an action under an objective (the same or another) at a position.
    public mutating func moveAction(_ id: UUID, toObjective objectiveID: UUID, at index: Int) throws {
        guard objective(objectiveID) != nil else { throw TreeEditError.parentNotFound(.objective, objectiveID) }
        var taken: Action?
        editEveryObjective { objective in
            if let i = objective.actions.firstIndex(where: { $0.id == id }) { taken = objective.actions.remove(at: i) }
        }
        guard let action = taken else { throw TreeEditError.notFound(.action, id) }
        editObjective(objectiveID) { $0.actions.insert(action, at: min(max(0, index), $0.actions.count)) }
        renumber()
    }

    /// Removes a node that has no children; a node with children is refused with a reason.
    public mutating func remove(_ level: TreeLevel, _ id: UUID) throws {
        switch level {
        case .axis:
            guard let i = axes.firstIndex(where: { $0.id == id }) else { throw TreeEditError.notFound(level, id) }
            guard axes[i].measures.isEmpty else { throw TreeEditError.hasChildren(level, code: axes[i].code, count: axes[i].measures.count) }
            axes.remove(at: i)
        case .measure:
            guard let m = measure(id) else { throw TreeEditError.notFound(level, id) }
            guard m.objectives.isEmpty else { throw TreeEditError.hasChildren(level, code: m.code, count: m.objectives.count) }
            let attached = indicators.filter { $0.attachment == .measure(id) }.count
            guard attached == 0 else { throw TreeEditError.hasIndicators(level, code: m.code, count: attached) }
            for a in axes.indices { axes[a].measures.removeAll { $0.id == id } }
        case .objective:
            guard let o = objective(id) else { throw TreeEditError.notFound(level, id) }
            guard o.actions.isEmpty else { throw TreeEditError.hasChildren(level, code: o.code, count: o.actions.count) }
            let attached = indicators.filter { $0.attachment == .objective(id) }.count
            guard attached == 0 else { throw TreeEditError.hasIndicators(level, code: o.code, count: attached) }
            for a in axes.indices { for m in axes[a].measures.indices { axes[a].measures[m].objectives.removeAll { $0.id == id } } }
        case .action:
            guard action(id) != nil else { throw TreeEditError.notFound(level, id) }
            editEveryObjective { $0.actions.removeAll { $0.id == id } }
            progressUpdates.removeAll { $0.actionID == id }
            for i in indicators.indices where indicators[i].actionID == id { indicators[i].actionID = nil }
        }
        renumber()
    }

    public func axis(_ id: UUID) -> Axis? { axes.first { $0.id == id } }
    public func measure(_ id: UUID) -> Measure? { measures.first { $0.id == id } }
    public func objective(_ id: UUID) -> Objective? { objectives.first { $0.id == id } }
    public func action(_ id: UUID) -> Action? { actions.first { $0.id == id } }

    /// The code of any node, for messages and links.
    public func code(of level: TreeLevel, _ id: UUID) -> String? {
        switch level {
        case .axis: axis(id)?.code
        case .measure: measure(id)?.code
        case .objective: objective(id)?.code
        case .action: action(id)?.code
        }
    }

    public mutating func editMeasure(_ id: UUID, _ body: (inout Measure) -> Void) {
        for a in axes.indices {
            for m in axes[a].measures.indices where axes[a].measures[m].id == id { body(&axes[a].measures[m]) }
        }
    }

    public mutating func editObjective(_ id: UUID, _ body: (inout Objective) -> Void) {
        editEveryObjective { if $0.id == id { body(&$0) } }
    }

    public mutating func editEveryObjective(_ body: (inout Objective) -> Void) {
        for a in axes.indices {
            for m in axes[a].measures.indices {
                for o in axes[a].measures[m].objectives.indices { body(&axes[a].measures[m].objectives[o]) }
            }
        }
    }

    /// Applies a change to one action in place; false when there is no such action.
    @discardableResult
    public mutating func editAction(_ id: UUID, _ body: (inout Action) -> Void) -> Bool {
        var found = false
        editEveryObjective { objective in
            for x in objective.actions.indices where objective.actions[x].id == id {
                body(&objective.actions[x])
                found = true
            }
        }
        return found
    }
}
