import Foundation

/// The monitoring figures of a programme for a year (dashboards, evaluation report, documents):
/// status counts, planned against spent money, indicators on and off target, weighted progress.
public struct DashboardFigures: Sendable {
    public struct StatusCount: Sendable, Hashable {
        /// nil: no progress report yet.
        public var status: ProgressUpdate.Status?
        public var count: Int
    }

    public let programme: Programme
    public let rollup: RollupNode
    public let statusCounts: [StatusCount]
    public let planned: Money
    public let spent: Money
    public let onTarget: Int
    public let offTarget: Int
    public let unmeasured: Int
    public let year: Int
    /// Indicators are judged on the last full year: this year's targets are not due yet.
    public let indicatorYear: Int
    /// Progress of the actions in view, by the same formula as the roll-up.
    public let progress: Double?

    public init(_ p: Programme, year: Int, indicatorYear: Int? = nil, actions: [Action]? = nil, indicators: [Indicator]? = nil) {
        programme = p
        rollup = p.progressRollup()
        self.year = year
        self.indicatorYear = indicatorYear ?? max(p.startYear, year - 1)
        let actions = actions ?? p.actions
        let latest = p.latestProgressByAction()
        var counts: [ProgressUpdate.Status?: Int] = [:]
        for a in actions { counts[latest[a.id]?.status, default: 0] += 1 }
        statusCounts = ([nil] + ProgressUpdate.Status.allCases.map(Optional.some)).compactMap { s in counts[s].map { StatusCount(status: s, count: $0) } }
        planned = actions.flatMap(\.fundingLines).filter { $0.year <= year }.map(\.amount).sum()
        spent = actions.compactMap { latest[$0.id]?.spentToDate }.sum()
        var on = 0, off = 0, none = 0
        for i in indicators ?? p.indicators {
            guard let achievement = i.achievement(in: self.indicatorYear) else { none += 1; continue }
            if achievement >= 90 { on += 1 } else { off += 1 }
        }
        onTarget = on; offTarget = off; unmeasured = none
        let tree = rollup
        let nodes = actions.compactMap { tree.find($0.id) }
        let weight = nodes.map(\.weight).reduce(0, +)
        progress = actions.count == p.actions.count ? tree.progress : (weight > 0 ? nodes.map(\.weightedSum).reduce(0, +) / weight : nil)
    }
}

