import Foundation
import OramaDomain
import Plot
import Vapor

/// Search over titles, descriptions and codes, whatever the accents and case.
enum SearchController {
    struct Hit: Sendable {
        var level: TreeLevel?
        var code: String
        var title: String
        var link: String
    }

    static func search(_ query: String, in p: Programme) -> [Hit] {
        let words = GreekText.searchKey(query).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        func matches(_ text: String) -> Bool {
            let key = GreekText.searchKey(text)
            return words.allSatisfy { key.contains($0) }
        }
        var hits: [Hit] = []
        for axis in p.axes {
            if matches("\(axis.code) \(axis.title) \(axis.description)") { hits.append(Hit(level: .axis, code: axis.code, title: axis.title, link: SiteURL.programme(p.id).path)) }
            for measure in axis.measures {
                if matches("\(measure.code) \(measure.title) \(measure.description)") { hits.append(Hit(level: .measure, code: measure.code, title: measure.title, link: SiteURL.programme(p.id).path)) }
                for objective in measure.objectives {
                    if matches("\(objective.code) \(objective.title) \(objective.description)") { hits.append(Hit(level: .objective, code: objective.code, title: objective.title, link: SiteURL.programme(p.id).path)) }
                    for action in objective.actions where matches("\(action.code) \(action.title) \(action.description)") {
                        hits.append(Hit(level: .action, code: action.code, title: action.title, link: SiteURL.action(p.id, action.id).path))
                    }
                }
            }
        }
        for indicator in p.indicators where matches("\(indicator.code) \(indicator.name)") {
            hits.append(Hit(level: nil, code: indicator.code, title: indicator.name, link: SiteURL.programme(p.id).path))
        }
        return hits
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let query = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        let hits = search(query, in: loaded.programme)
        return Respond.html(SearchPage(context: PageContext(req), loaded: loaded, query: query, hits: hits).render())
    }
}
