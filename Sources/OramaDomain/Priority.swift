import Foundation

/// How actions are ranked (ιεράρχηση), with criteria a council can read.
///
/// Each criterion gives 0…1 and has a weight; the score is Σ(weight × value) scaled to
/// 0–100:
///
/// | criterion | weight | value |
/// |---|---|---|
/// | urgency | 30 | high priority 1, medium 0,5, low 0 |
/// | maturity | 25 | idea 0, study ready 0,25, licensed 0,5, tendered 0,75, contracted 1 |
/// | funding secured | 20 | share of the cost covered by funding lines from sources other than own resources and loans, at most 1 |
/// | supra-local reach | 10 | 1 if of supra-local significance or with inter-municipal partners |
/// | strategic fit | 15 | 1 if its objective is monitored by an indicator and its axis has strategic goals, 0,5 if one of the two |
///
/// The planner's own order (an action's `rank`) comes first: ranked actions precede the
/// rest in rank order; the others follow by score, then by code.
public struct PriorityScore: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var criterion: String
        public var weight: Double
        public var value: Double
        public var points: Double { weight * value }
    }

    public var actionID: UUID
    public var parts: [Part]
    public var score: Double { parts.map(\.points).reduce(0, +) }

    public static let weights: [(String, Double)] = [
        ("Επείγον", 30), ("Ωριμότητα", 25), ("Εξασφαλισμένη χρηματοδότηση", 20), ("Υπερτοπική εμβέλεια", 10), ("Στρατηγική συνάφεια", 15),
    ]
}

extension Programme {
    public func priorityScore(of action: Action, reference: ReferenceData) -> PriorityScore {
        let urgency: Double = switch action.priority { case .high: 1; case .medium: 0.5; case .low: 0 }
        let maturity = Double(Action.Maturity.allCases.firstIndex(of: action.maturity)!) / Double(Action.Maturity.allCases.count - 1)
        let external = action.fundingLines.filter { line in
            guard let kind = reference.source(line.sourceID)?.kind else { return false }
            return kind != .own && kind != .loan
        }.map(\.amount).sum()
        let secured = action.cost.cents > 0 ? min(1, Double(external.cents) / Double(action.cost.cents)) : 0
        let reach: Double = action.isSupraLocal || !action.partners.isEmpty ? 1 : 0
        let path = actionPaths.first { $0.action.id == action.id }
        let monitored = path.map { p in indicators.contains { $0.attachment == .objective(p.objective.id) || $0.actionID == action.id } } ?? false
        let goals = path.map { p in strategicPlan.strategicGoals.contains { $0.axisID == p.axis.id } } ?? false
        let fit = (monitored ? 0.5 : 0) + (goals ? 0.5 : 0)
        let values = [urgency, maturity, secured, reach, fit]
        return PriorityScore(actionID: action.id, parts: zip(PriorityScore.weights, values).map { PriorityScore.Part(criterion: $0.0, weight: $0.1, value: $1) })
    }

    /// Actions in priority order, first to last (see `PriorityScore` for the rule).
    public func ranking(of actions: [Action], reference: ReferenceData) -> [(Action, PriorityScore)] {
        let scored = actions.map { ($0, priorityScore(of: $0, reference: reference)) }
        return scored.sorted { a, b in
            switch (a.0.rank, b.0.rank) {
            case let (x?, y?): return (x, a.0.code) < (y, b.0.code)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.1.score != b.1.score ? a.1.score > b.1.score : a.0.code < b.0.code
            }
        }
    }
}
