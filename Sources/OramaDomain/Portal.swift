import Foundation

/// Where the actions stand, said in words for citizens («27 δράσεις ολοκληρώθηκαν, 10
/// καθυστερούν») from each action's latest progress report, with the reasons the services
/// gave for the delays. No percentages without words, no formula, no staff names.
public struct ProgressInWords: Sendable, Hashable {
    public struct Count: Sendable, Hashable {
        public var status: ProgressUpdate.Status
        public var count: Int
    }

    public struct Delay: Sendable, Hashable {
        public var code: String
        public var title: String
        public var status: ProgressUpdate.Status
        /// The comment of the latest report: the service's own words on why.
        public var reason: String
    }

    /// Actions by their latest report's status (no report yet counts as not started).
    public var counts: [Count]
    /// The actions behind schedule, then those at risk, with what their latest report says.
    public var delays: [Delay]
    public var total: Int

    /// Of `actions` (the programme's, or a place's), by the programme's reports.
    public init(_ actions: [Action], latest: [UUID: ProgressUpdate]) {
        var by: [ProgressUpdate.Status: Int] = [:]
        var delays: [Delay] = []
        for a in actions {
            let status = latest[a.id]?.status ?? .notStarted
            by[status, default: 0] += 1
            if status == .delayed || status == .atRisk {
                delays.append(Delay(code: a.code, title: a.title, status: status, reason: latest[a.id]?.comment ?? ""))
            }
        }
        let order: [ProgressUpdate.Status] = [.completed, .onTrack, .atRisk, .delayed, .notStarted, .cancelled]
        counts = order.compactMap { s in by[s].map { Count(status: s, count: $0) } }
        self.delays = delays.sorted { ($0.status == .delayed ? 0 : 1, $0.code) < ($1.status == .delayed ? 0 : 1, $1.code) }
        total = actions.count
    }

    /// «Από τις 64 δράσεις: 27 ολοκληρώθηκαν, 12 προχωρούν κανονικά, 3 κινδυνεύουν να καθυστερήσουν, 10 καθυστερούν, 12 δεν έχουν ξεκινήσει.»
    public var greek: String {
        guard total > 0 else { return "Δεν υπάρχουν δράσεις." }
        let parts = counts.map { Self.greekPhrase($0.status, $0.count) }
        return "\(total == 1 ? "Από τη μία δράση" : "Από τις \(GreekNumber.format(Double(total))) δράσεις"): \(parts.joined(separator: ", "))."
    }

    public var english: String {
        guard total > 0 else { return "There are no actions." }
        let parts = counts.map { Self.englishPhrase($0.status, $0.count) }
        return "Of the \(total) \(total == 1 ? "action" : "actions"): \(parts.joined(separator: ", "))."
    }

    static func greekPhrase(_ status: ProgressUpdate.Status, _ n: Int) -> String {
        let one = n == 1
        let count = GreekNumber.format(Double(n))
        switch status {
        case .completed: return "\(count) \(one ? "ολοκληρώθηκε" : "ολοκληρώθηκαν")"
        case .onTrack: return "\(count) \(one ? "προχωρά" : "προχωρούν") κανονικά"
        case .atRisk: return "\(count) \(one ? "κινδυνεύει" : "κινδυνεύουν") να καθυστερήσ\(one ? "ει" : "ουν")"
        case .delayed: return "\(count) \(one ? "καθυστερεί" : "καθυστερούν")"
        case .notStarted: return "\(count) δεν \(one ? "έχει" : "έχουν") ξεκινήσει"
        case .cancelled: return "\(count) \(one ? "ακυρώθηκε" : "ακυρώθηκαν")"
        }
    }

    static func englishPhrase(_ status: ProgressUpdate.Status, _ n: Int) -> String {
        switch status {
        case .completed: "\(n) completed"
        case .onTrack: "\(n) on track"
        case .atRisk: "\(n) at risk of delay"
        case .delayed: "\(n) delayed"
        case .notStarted: "\(n) not started"
        case .cancelled: "\(n) cancelled"
        }
    }
}

extension Programme {
    /// What is planned in a place: the actions located there, those of the municipal unit it
    /// belongs to as a whole, and those of the whole municipality (placed nowhere in particular).
    public func planned(in place: Locality, localities: [Locality]) -> (here: [Action], unit: [Action], everywhere: [Action]) {
        let children = Set(localities.filter { $0.parentID == place.id }.map(\.id))
        let here = actions.filter { a in a.localityIDs.contains(place.id) || a.localityIDs.contains(where: children.contains) }
        let unit = place.parentID.map { parent in actions.filter { $0.localityIDs.contains(parent) && !here.contains($0) } } ?? []
        let everywhere = actions.filter(\.localityIDs.isEmpty)
        return (here, unit, everywhere)
    }
}
