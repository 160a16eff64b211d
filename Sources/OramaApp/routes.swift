import Fluent
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

func routes(_ app: Application) throws {
    app.get("health", use: HealthController.show)

    app.get("signin", use: SignInController.form)
    app.post("signin", use: SignInController.signIn)
    app.post("signout", use: SignInController.signOut)
    app.get("language", ":code", use: SignInController.language)

    app.get(use: ProgrammeController.home)
    app.get("programmes", "new", use: ProgrammeController.newForm)
    app.post("programmes", "new", use: ProgrammeController.create)
    let programme = app.grouped("programmes", ":programmeID")
    programme.get(use: ProgrammeController.show)
    programme.get("settings", use: ProgrammeController.settingsForm)
    programme.post("settings", use: ProgrammeController.saveSettings)
    programme.get("strategy", use: StrategyController.form)
    programme.post("strategy", use: StrategyController.save)
    programme.get("nodes", "new", use: TreeController.newForm)
    programme.post("nodes", "new", use: TreeController.create)
    programme.get("nodes", ":level", ":nodeID", "edit", use: TreeController.editForm)
    programme.post("nodes", ":level", ":nodeID", "edit", use: TreeController.save)
    programme.post("nodes", ":level", ":nodeID", "move", use: TreeController.move)
    programme.get("nodes", ":level", ":nodeID", "delete", use: TreeController.confirmDelete)
    programme.post("nodes", ":level", ":nodeID", "delete", use: TreeController.delete)
    programme.get("actions", "new", use: ActionController.newForm)
    programme.post("actions", "new", use: ActionController.create)
    programme.get("actions", ":actionID", use: ActionController.show)
    programme.get("actions", ":actionID", "edit", use: ActionController.editForm)
    programme.post("actions", ":actionID", "edit", use: ActionController.save)
    programme.get("actions", ":actionID", "history", use: HistoryController.action)
    programme.post("actions", ":actionID", "comments", use: ActionController.comment)
    programme.get("indicators", "new", use: IndicatorController.newForm)
    programme.post("indicators", "new", use: IndicatorController.create)
    programme.get("indicators", ":indicatorID", "edit", use: IndicatorController.editForm)
    programme.post("indicators", ":indicatorID", "edit", use: IndicatorController.save)
    programme.get("units", ":unitID", use: ActionPlanController.show)
    programme.get("search", use: SearchController.show)
    programme.get("history", use: HistoryController.programme)
    programme.get("checks", use: PlanningController.checks)
    programme.get("priorities", use: PlanningController.priorities)
    programme.post("priorities", use: PlanningController.saveRanks)
    programme.get("schedule", use: PlanningController.schedule)
    programme.get("finance", use: PlanningController.finance)
    programme.get("annual", ":year", use: PlanningController.annual)
    programme.post("annual", ":year", "approve", use: PlanningController.approveAnnual)
    programme.get("whatif", use: PlanningController.whatIf)
    programme.get("due", use: MonitoringController.due)
    programme.get("actions", ":actionID", "progress", use: MonitoringController.progressForm)
    programme.post("actions", ":actionID", "progress", use: MonitoringController.saveProgress)
    programme.get("indicators", ":indicatorID", "values", use: MonitoringController.valueForm)
    programme.post("indicators", ":indicatorID", "values", use: MonitoringController.saveValue)
    programme.get("reporting", use: MonitoringController.reporting)
    programme.get("dashboard", use: MonitoringController.dashboard)
    programme.get("dashboard", ":nodeID", use: MonitoringController.rollup)
    programme.get("indicators", ":indicatorID", use: MonitoringController.indicator)
    programme.get("evaluation", ":year", use: MonitoringController.evaluation)
    programme.get("execution", use: ExecutionController.show)
    programme.on(.POST, "execution", body: .collect(maxSize: "12mb"), use: ExecutionController.upload)
    programme.post("reporting", "lock", use: MonitoringController.lock)
    programme.get("documents", use: FilesController.index)
    programme.get("documents", ":document", use: FilesController.document)
    programme.get("export", ":file", use: FilesController.export)
    programme.get("open-data.zip", use: FilesController.openData)
    programme.get("calendar.ics", use: FilesController.calendar)
    programme.get("import", use: ImportController.form)
    programme.on(.POST, "import", body: .collect(maxSize: "12mb"), use: ImportController.upload)

    app.get("account", "tokens", use: APITokenController.index)
    app.post("account", "tokens", use: APITokenController.create)
    app.post("account", "tokens", ":tokenID", "revoke", use: APITokenController.revoke)
    app.get("openapi.json", use: OpenAPIDocument.serve)

    app.get("reference", use: ReferenceController.show)
    app.post("reference", ":kind", use: ReferenceController.save)

    app.get("admin", "users", use: UsersController.index)
    app.post("admin", "users", use: UsersController.create)
    app.post("admin", "users", ":userID", use: UsersController.update)

    let api = app.grouped("api", "v1").grouped(APITokenMiddleware())
    api.get("programmes", use: ProgrammeAPIController.index)
    api.get("programmes", ":programmeID", use: ProgrammeAPIController.show)
    api.get("programmes", ":programmeID", "strategy", use: ProgrammeAPIController.strategy)
    api.get("programmes", ":programmeID", "actions", use: ProgrammeAPIController.actions)
    api.get("programmes", ":programmeID", "actions", ":actionID", use: ProgrammeAPIController.action)
    api.patch("programmes", ":programmeID", "actions", ":actionID", use: ProgrammeAPIController.patchAction)
    api.post("programmes", ":programmeID", "actions", ":actionID", "progress", use: ProgrammeAPIController.recordProgress)
    api.get("programmes", ":programmeID", "indicators", use: ProgrammeAPIController.indicators)
    api.get("programmes", ":programmeID", "indicators", ":indicatorID", use: ProgrammeAPIController.indicator)
    api.post("programmes", ":programmeID", "indicators", ":indicatorID", "measurements", use: ProgrammeAPIController.recordMeasurement)
    api.get("programmes", ":programmeID", "checks", use: PlanningController.checksAPI)
    api.get("programmes", ":programmeID", "finance", use: PlanningController.financeAPI)
    api.get("programmes", ":programmeID", "annual", ":year", use: PlanningController.annualAPI)
}

enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
        var organisations: Int
    }

    @Sendable static func show(req: Request) async throws -> Health {
        let count = try await OrganisationModel.query(on: req.db).count()
        return Health(status: "ok", database: req.application.databases.ids().map(\.string).sorted().joined(separator: ","), organisations: count)
    }
}
