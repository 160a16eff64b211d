import Foundation
import Vapor

/// Every path of the site, so that routes and the links to them cannot drift apart.
enum SiteURL {
    case home
    case signIn
    case signOut
    case language(String, back: String)
    case users
    case user(UUID)
    case reference
    case newProgramme
    case programme(UUID)
    case settings(UUID)
    case strategy(UUID)
    case newNode(UUID, level: String, parent: UUID?)
    case node(UUID, level: String, id: UUID, verb: String)
    case action(UUID, UUID)
    case editAction(UUID, UUID)
    case newAction(UUID, objective: UUID)
    case actionHistory(UUID, UUID)
    case actionComments(UUID, UUID)
    case newIndicator(UUID, attachTo: String?)
    case editIndicator(UUID, UUID)
    case actionPlan(UUID, unit: UUID)
    case search(UUID, query: String?)
    case history(UUID)
    case checks(UUID)
    case priorities(UUID)
    case schedule(UUID, by: String)
    case finance(UUID, by: String)
    case annual(UUID, year: Int)
    case whatIf(UUID)
    case due(UUID)
    case progress(UUID, UUID, period: String?)
    case values(UUID, UUID, period: String?)
    case reporting(UUID)
    case dashboard(UUID)
    case rollup(UUID, node: UUID)
    case indicator(UUID, UUID)
    case evaluation(UUID, year: Int)
    case execution(UUID, year: Int?)
    case documents(UUID)
    case document(UUID, kind: String, format: String, year: Int?)
    case export(UUID, file: String)
    case importData(UUID)
    case openData(UUID)
    case calendar(UUID)
    case apiTokens
    case revokeToken(UUID)
    case openAPI
    case apiChecks(UUID)
    case apiFinance(UUID, by: String)
    case apiAnnual(UUID, year: Int)
    case apiProgrammes
    case apiProgramme(UUID)
    case health
    case stylesheet
    case script

    var path: String {
        func id(_ u: UUID) -> String { u.uuidString.lowercased() }
        func q(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "" }
        switch self {
        case .home: return "/"
        case .signIn: return "/signin"
        case .signOut: return "/signout"
        case .language(let code, let back): return "/language/\(code)?back=\(q(back))"
        case .users: return "/admin/users"
        case .user(let u): return "/admin/users/\(id(u))"
        case .reference: return "/reference"
        case .newProgramme: return "/programmes/new"
        case .programme(let p): return "/programmes/\(id(p))"
        case .settings(let p): return "/programmes/\(id(p))/settings"
        case .strategy(let p): return "/programmes/\(id(p))/strategy"
        case .newNode(let p, let level, let parent): return "/programmes/\(id(p))/nodes/new?level=\(level)" + (parent.map { "&parent=\(id($0))" } ?? "")
        case .node(let p, let level, let n, let verb): return "/programmes/\(id(p))/nodes/\(level)/\(id(n))/\(verb)"
        case .action(let p, let a): return "/programmes/\(id(p))/actions/\(id(a))"
        case .editAction(let p, let a): return "/programmes/\(id(p))/actions/\(id(a))/edit"
        case .newAction(let p, let o): return "/programmes/\(id(p))/actions/new?objective=\(id(o))"
        case .actionHistory(let p, let a): return "/programmes/\(id(p))/actions/\(id(a))/history"
        case .actionComments(let p, let a): return "/programmes/\(id(p))/actions/\(id(a))/comments"
        case .newIndicator(let p, let attach): return "/programmes/\(id(p))/indicators/new" + (attach.map { "?attach=\(q($0))" } ?? "")
        case .editIndicator(let p, let i): return "/programmes/\(id(p))/indicators/\(id(i))/edit"
        case .actionPlan(let p, let u): return "/programmes/\(id(p))/units/\(id(u))"
        case .search(let p, let query): return "/programmes/\(id(p))/search" + (query.map { "?q=\(q($0))" } ?? "")
        case .history(let p): return "/programmes/\(id(p))/history"
        case .checks(let p): return "/programmes/\(id(p))/checks"
        case .priorities(let p): return "/programmes/\(id(p))/priorities"
        case .schedule(let p, let by): return "/programmes/\(id(p))/schedule?by=\(by)"
        case .finance(let p, let by): return "/programmes/\(id(p))/finance?by=\(by)"
        case .annual(let p, let year): return "/programmes/\(id(p))/annual/\(year)"
        case .whatIf(let p): return "/programmes/\(id(p))/whatif"
        case .due(let p): return "/programmes/\(id(p))/due"
        case .progress(let p, let a, let period): return "/programmes/\(id(p))/actions/\(id(a))/progress" + (period.map { "?period=\(q($0))" } ?? "")
        case .values(let p, let i, let period): return "/programmes/\(id(p))/indicators/\(id(i))/values" + (period.map { "?period=\(q($0))" } ?? "")
        case .reporting(let p): return "/programmes/\(id(p))/reporting"
        case .dashboard(let p): return "/programmes/\(id(p))/dashboard"
        case .rollup(let p, let node): return "/programmes/\(id(p))/dashboard/\(id(node))"
        case .indicator(let p, let i): return "/programmes/\(id(p))/indicators/\(id(i))"
        case .evaluation(let p, let year): return "/programmes/\(id(p))/evaluation/\(year)"
        case .execution(let p, let year): return "/programmes/\(id(p))/execution" + (year.map { "?year=\($0)" } ?? "")
        case .documents(let p): return "/programmes/\(id(p))/documents"
        case .document(let p, let kind, let format, let year): return "/programmes/\(id(p))/documents/\(kind)?format=\(format)" + (year.map { "&year=\($0)" } ?? "")
        case .export(let p, let file): return "/programmes/\(id(p))/export/\(file)"
        case .importData(let p): return "/programmes/\(id(p))/import"
        case .openData(let p): return "/programmes/\(id(p))/open-data.zip"
        case .calendar(let p): return "/programmes/\(id(p))/calendar.ics"
        case .apiTokens: return "/account/tokens"
        case .revokeToken(let t): return "/account/tokens/\(id(t))/revoke"
        case .openAPI: return "/openapi.json"
        case .apiChecks(let p): return "/api/v1/programmes/\(id(p))/checks"
        case .apiFinance(let p, let by): return "/api/v1/programmes/\(id(p))/finance?by=\(by)"
        case .apiAnnual(let p, let year): return "/api/v1/programmes/\(id(p))/annual/\(year)"
        case .apiProgrammes: return "/api/v1/programmes"
        case .apiProgramme(let p): return "/api/v1/programmes/\(id(p))"
        case .health: return "/health"
        case .stylesheet: return "/styles.css"
        case .script: return "/app.js"
        }
    }
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
