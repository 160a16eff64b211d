import Foundation

/// "What if a source gives less?" — which actions lose funding first and what the totals
/// become. Nothing is saved: this is a pure function of the programme.
public struct FundingCut: Sendable, Hashable {
    public enum Size: Sendable, Hashable {
        /// 0…100 % of what the source gives in the chosen years.
        case percent(Double)
        case amount(Money)
    }

    public var sourceID: UUID
    public var years: Set<Int>
    public var size: Size

    public init(sourceID: UUID, years: Set<Int>, size: Size) {
        self.sourceID = sourceID
        self.years = years
        self.size = size
    }
}

public struct WhatIfResult: Sendable, Hashable {
    public struct Loss: Sendable, Hashable {
        public var actionID: UUID
        public var before: Money
        public var lost: Money
        public var after: Money { before - lost }
    }

    /// Actions that lose money, in the order they lose it (lowest priority first).
    public var losses: [Loss]
    /// The whole cut, never more than the source gives in those years.
    public var cut: Money
    /// The source's total in the chosen years, before the cut.
    public var available: Money
    /// Funding per year before and after, all sources.
    public var totalsBefore: [Int: Money]
    public var totalsAfter: [Int: Money]
    /// The programme with the cut applied (funding lines reduced; costs as they were).
    public var programme: Programme
}

extension Programme {
    /// Takes the cut from the actions funded by the source in the chosen years, starting with
    /// the last in priority order (`priorityOrder`, first to last) and moving up; within an
    /// action, the later years lose first. Funding lines only shrink, never grow.
    public func whatIf(_ cut: FundingCut, priorityOrder: [UUID]) -> WhatIfResult {
        func applies(_ line: FundingLine) -> Bool { line.sourceID == cut.sourceID && cut.years.contains(line.year) }
        let available = actions.flatMap(\.fundingLines).filter(applies).map(\.amount).sum()
        var wanted: Money
        switch cut.size {
        case .percent(let p):
            let share = min(100, max(0, p))
            wanted = Money(cents: Int64((Double(available.cents) * share / 100).rounded()))
        case .amount(let m):
            wanted = Money(cents: max(0, m.cents))
        }
        wanted = min(wanted, available)

        var result = self
        var remaining = wanted
        var losses: [WhatIfResult.Loss] = []
        let order = priorityOrder.reversed() + actions.map(\.id).filter { !priorityOrder.contains($0) }.reversed()
        for id in order where remaining.cents > 0 {
            guard let action = result.action(id) else { continue }
            let before = action.fundingLines.filter(applies).map(\.amount).sum()
            guard before.cents > 0 else { continue }
            var lost = Money.zero
            result.editAction(id) { a in
                for i in a.fundingLines.indices.sorted(by: { a.fundingLines[$0].year > a.fundingLines[$1].year }) where applies(a.fundingLines[i]) && remaining.cents > 0 {
                    let take = min(a.fundingLines[i].amount, remaining)
                    a.fundingLines[i].amount -= take
                    remaining -= take
                    lost += take
                }
                a.fundingLines.removeAll { $0.amount.isZero }
            }
            losses.append(.init(actionID: id, before: before, lost: lost))
        }
        func totals(_ p: Programme) -> [Int: Money] {
            var byYear: [Int: Money] = [:]
            for line in p.actions.flatMap(\.fundingLines) { byYear[line.year, default: .zero] += line.amount }
            return byYear
        }
        return WhatIfResult(losses: losses, cut: wanted - remaining, available: available, totalsBefore: totals(self), totalsAfter: totals(result), programme: result)
    }
}
