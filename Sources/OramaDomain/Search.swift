import Foundation

/// Something in a programme whose code, title or description holds every word searched for.
public struct SearchHit: Sendable, Hashable {
    /// nil for an indicator.
    public var level: TreeLevel?
    public var id: UUID
    public var code: String
    public var title: String
}

extension Programme {
    /// Axes, measures, objectives, actions and indicators that contain every word of `query`,
    /// whatever the accents and case («κιλελερ» finds «Κιλελέρ»), in the tree's order.
    public func search(_ query: String) -> [SearchHit] {
        let words = GreekText.searchKey(query).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        func matches(_ text: String) -> Bool {
            let key = GreekText.searchKey(text)
            return words.allSatisfy { key.contains($0) }
        }
        var hits: [SearchHit] = []
        for axis in axes {
            if matches("\(axis.code) \(axis.title) \(axis.description)") { hits.append(SearchHit(level: .axis, id: axis.id, code: axis.code, title: axis.title)) }
            for measure in axis.measures {
                if matches("\(measure.code) \(measure.title) \(measure.description)") { hits.append(SearchHit(level: .measure, id: measure.id, code: measure.code, title: measure.title)) }
                for objective in measure.objectives {
                    if matches("\(objective.code) \(objective.title) \(objective.description)") {
                        hits.append(SearchHit(level: .objective, id: objective.id, code: objective.code, title: objective.title))
                    }
                    for action in objective.actions where matches("\(action.code) \(action.title) \(action.description)") {
                        hits.append(SearchHit(level: .action, id: action.id, code: action.code, title: action.title))
                    }
                }
            }
        }
        for indicator in indicators where matches("\(indicator.code) \(indicator.name)") {
            hits.append(SearchHit(level: nil, id: indicator.id, code: indicator.code, title: indicator.name))
        }
        return hits
    }
}
