import Foundation
import OramaDomain
import Vapor

/// Every path of the site, in one definition: a case gives both the route's path components
/// (`routes.swift` registers every route from here) and every link to it, so links and routes
/// cannot drift apart. A test walks every case and finds its route.
enum SiteURL: Sendable, Hashable {
    case home
    case signIn(back: String? = nil)
    case signOut
    case language(String, back: String)
    case users
    case user(UUID)
    case reference(organisation: UUID? = nil)
    case referenceRow(String)
    case newProgramme
    case programme(UUID)
    case settings(UUID)
    case strategy(UUID)
    case newNode(UUID, level: String, parent: UUID?)
    case editNode(UUID, level: String, id: UUID)
    case moveNode(UUID, level: String, id: UUID)
    case deleteNode(UUID, level: String, id: UUID)
    case action(UUID, UUID)
    case editAction(UUID, UUID)
    case newAction(UUID, objective: UUID?)
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
    case annual(UUID, year: Int, live: Bool = false)
    case approveAnnual(UUID, year: Int)
    case whatIf(UUID)
    case due(UUID)
    case progress(UUID, UUID, period: String?)
    case values(UUID, UUID, period: String?)
    case reporting(UUID)
    case lockPeriod(UUID)
    case dashboard(UUID)
    case rollup(UUID, node: UUID)
    case indicator(UUID, UUID)
    case evaluation(UUID, year: Int)
    case execution(UUID, year: Int?)
    case documents(UUID)
    case document(UUID, kind: String, format: String, year: Int?)
    case export(UUID, file: String)
    case importData(UUID)
    /// The wizard for an office's own table: `upload` the file kept between its steps.
    case officeImport(UUID, upload: UUID?, step: String?)
    case openData(UUID)
    case calendar(UUID)
    case decisions(UUID)
    case decisionFile(UUID, UUID)
    /// The programme's way through the council and the consultation: its timeline, and the next step.
    case approvalPath(UUID)
    case takeStep(UUID, step: String)
    /// Make a draft revision of a published programme.
    case revise(UUID)
    /// What a revision changes against the version it revises; as a page, or as `docx` / `html` (print).
    case changes(UUID)
    case changesDocument(UUID, format: String)
    /// The public consultation's page: its documents, every part open to comment, the comments published; `part` preselects the form's subject.
    case consultation(UUID, part: UUID?)
    /// The link e-mailed to a citizen to confirm a comment.
    case confirmComment(token: String)
    /// The planning office's list of the consultation's comments, and one comment's moderation and answer.
    case publicComments(UUID)
    case moderateComment(UUID, UUID)
    /// The consultation report for the council's file: `docx` or `html` (print).
    case consultationReport(UUID, format: String)
    /// The citizens' portal of a municipality, and what is planned in one of its places.
    case portal(UUID)
    case portalPlace(UUID, UUID)
    /// The programme's Atom feed of decisions, steps and progress.
    case feed(UUID)
    case apiTokens
    case revokeToken(UUID)
    case openAPI
    case apiProgrammes
    case apiProgramme(UUID)
    case apiStrategy(UUID)
    case apiActions(UUID)
    case apiAction(UUID, UUID)
    case apiProgress(UUID, UUID)
    case apiIndicators(UUID)
    case apiIndicator(UUID, UUID)
    case apiMeasurements(UUID, UUID)
    case apiChecks(UUID)
    case apiImport(UUID)
    case apiFinance(UUID, by: String)
    case apiAnnual(UUID, year: Int)
    /// Across municipalities: a Region's, or the country's.
    case overview(region: String?)
    case apiOverview(region: String?)
    case health
    case healthLive
    case healthReady
    case metrics
    case stylesheet
    case script

    /// A part of a path: fixed text, or a value that the route reads as a named parameter.
    enum Segment: Sendable, Hashable {
        case fixed(String)
        case value(name: String, String)
    }

    var segments: [Segment] {
        func programme(_ p: UUID, _ rest: Segment...) -> [Segment] { [.fixed("programmes"), .value(name: "programmeID", id(p))] + rest }
        func api(_ p: UUID, _ rest: Segment...) -> [Segment] { [.fixed("api"), .fixed("v1"), .fixed("programmes"), .value(name: "programmeID", id(p))] + rest }
        let action = { (a: UUID) in Segment.value(name: "actionID", id(a)) }
        let indicator = { (i: UUID) in Segment.value(name: "indicatorID", id(i)) }
        let year = { (y: Int) in Segment.value(name: "year", String(y)) }
        switch self {
        case .home: return []
        case .signIn: return [.fixed("signin")]
        case .signOut: return [.fixed("signout")]
        case .language(let code, _): return [.fixed("language"), .value(name: "code", code)]
        case .users: return [.fixed("admin"), .fixed("users")]
        case .user(let u): return [.fixed("admin"), .fixed("users"), .value(name: "userID", id(u))]
        case .reference: return [.fixed("reference")]
        case .referenceRow(let kind): return [.fixed("reference"), .value(name: "kind", kind)]
        case .newProgramme: return [.fixed("programmes"), .fixed("new")]
        case .programme(let p): return programme(p)
        case .settings(let p): return programme(p, .fixed("settings"))
        case .strategy(let p): return programme(p, .fixed("strategy"))
        case .newNode(let p, _, _): return programme(p, .fixed("nodes"), .fixed("new"))
        case .editNode(let p, let level, let n): return programme(p, .fixed("nodes"), .value(name: "level", level), .value(name: "nodeID", id(n)), .fixed("edit"))
        case .moveNode(let p, let level, let n): return programme(p, .fixed("nodes"), .value(name: "level", level), .value(name: "nodeID", id(n)), .fixed("move"))
        case .deleteNode(let p, let level, let n): return programme(p, .fixed("nodes"), .value(name: "level", level), .value(name: "nodeID", id(n)), .fixed("delete"))
        case .action(let p, let a): return programme(p, .fixed("actions"), action(a))
        case .editAction(let p, let a): return programme(p, .fixed("actions"), action(a), .fixed("edit"))
        case .newAction(let p, _): return programme(p, .fixed("actions"), .fixed("new"))
        case .actionHistory(let p, let a): return programme(p, .fixed("actions"), action(a), .fixed("history"))
        case .actionComments(let p, let a): return programme(p, .fixed("actions"), action(a), .fixed("comments"))
        case .newIndicator(let p, _): return programme(p, .fixed("indicators"), .fixed("new"))
        case .editIndicator(let p, let i): return programme(p, .fixed("indicators"), indicator(i), .fixed("edit"))
        case .actionPlan(let p, let u): return programme(p, .fixed("units"), .value(name: "unitID", id(u)))
        case .search(let p, _): return programme(p, .fixed("search"))
        case .history(let p): return programme(p, .fixed("history"))
        case .checks(let p): return programme(p, .fixed("checks"))
        case .priorities(let p): return programme(p, .fixed("priorities"))
        case .schedule(let p, _): return programme(p, .fixed("schedule"))
        case .finance(let p, _): return programme(p, .fixed("finance"))
        case .annual(let p, let y, _): return programme(p, .fixed("annual"), year(y))
        case .approveAnnual(let p, let y): return programme(p, .fixed("annual"), year(y), .fixed("approve"))
        case .whatIf(let p): return programme(p, .fixed("whatif"))
        case .due(let p): return programme(p, .fixed("due"))
        case .progress(let p, let a, _): return programme(p, .fixed("actions"), action(a), .fixed("progress"))
        case .values(let p, let i, _): return programme(p, .fixed("indicators"), indicator(i), .fixed("values"))
        case .reporting(let p): return programme(p, .fixed("reporting"))
        case .lockPeriod(let p): return programme(p, .fixed("reporting"), .fixed("lock"))
        case .dashboard(let p): return programme(p, .fixed("dashboard"))
        case .rollup(let p, let node): return programme(p, .fixed("dashboard"), .value(name: "nodeID", id(node)))
        case .indicator(let p, let i): return programme(p, .fixed("indicators"), indicator(i))
        case .evaluation(let p, let y): return programme(p, .fixed("evaluation"), year(y))
        case .execution(let p, _): return programme(p, .fixed("execution"))
        case .documents(let p): return programme(p, .fixed("documents"))
        case .document(let p, let kind, _, _): return programme(p, .fixed("documents"), .value(name: "document", kind))
        case .export(let p, let file): return programme(p, .fixed("export"), .value(name: "file", file))
        case .importData(let p): return programme(p, .fixed("import"))
        case .officeImport(let p, _, _): return programme(p, .fixed("import"), .fixed("office"))
        case .openData(let p): return programme(p, .fixed("open-data.zip"))
        case .calendar(let p): return programme(p, .fixed("calendar.ics"))
        case .decisions(let p): return programme(p, .fixed("decisions"))
        case .decisionFile(let p, let d): return programme(p, .fixed("decisions"), .value(name: "decisionID", id(d)), .fixed("file"))
        case .approvalPath(let p): return programme(p, .fixed("path"))
        case .takeStep(let p, let step): return programme(p, .fixed("path"), .value(name: "step", step))
        case .revise(let p): return programme(p, .fixed("revise"))
        case .changes(let p): return programme(p, .fixed("changes"))
        case .changesDocument(let p, let format): return programme(p, .fixed("changes"), .value(name: "format", format))
        case .consultation(let p, _): return programme(p, .fixed("consultation"))
        case .confirmComment(let token): return [.fixed("consultation"), .fixed("confirm"), .value(name: "token", token)]
        case .publicComments(let p): return programme(p, .fixed("consultation"), .fixed("comments"))
        case .moderateComment(let p, let c): return programme(p, .fixed("consultation"), .fixed("comments"), .value(name: "commentID", id(c)))
        case .consultationReport(let p, let format): return programme(p, .fixed("consultation"), .fixed("report"), .value(name: "format", format))
        case .portal(let o): return [.fixed("municipalities"), .value(name: "organisationID", id(o))]
        case .portalPlace(let o, let l): return [.fixed("municipalities"), .value(name: "organisationID", id(o)), .fixed("places"), .value(name: "localityID", id(l))]
        case .feed(let p): return programme(p, .fixed("feed.atom"))
        case .apiTokens: return [.fixed("account"), .fixed("tokens")]
        case .revokeToken(let t): return [.fixed("account"), .fixed("tokens"), .value(name: "tokenID", id(t)), .fixed("revoke")]
        case .openAPI: return [.fixed("openapi.json")]
        case .apiProgrammes: return [.fixed("api"), .fixed("v1"), .fixed("programmes")]
        case .apiProgramme(let p): return api(p)
        case .apiStrategy(let p): return api(p, .fixed("strategy"))
        case .apiActions(let p): return api(p, .fixed("actions"))
        case .apiAction(let p, let a): return api(p, .fixed("actions"), action(a))
        case .apiProgress(let p, let a): return api(p, .fixed("actions"), action(a), .fixed("progress"))
        case .apiIndicators(let p): return api(p, .fixed("indicators"))
        case .apiIndicator(let p, let i): return api(p, .fixed("indicators"), indicator(i))
        case .apiMeasurements(let p, let i): return api(p, .fixed("indicators"), indicator(i), .fixed("measurements"))
        case .apiChecks(let p): return api(p, .fixed("checks"))
        case .apiImport(let p): return api(p, .fixed("import"))
        case .apiFinance(let p, _): return api(p, .fixed("finance"))
        case .apiAnnual(let p, let y): return api(p, .fixed("annual"), year(y))
        case .overview: return [.fixed("overview")]
        case .apiOverview: return [.fixed("api"), .fixed("v1"), .fixed("overview")]
        case .health: return [.fixed("health")]
        case .healthLive: return [.fixed("health"), .fixed("live")]
        case .healthReady: return [.fixed("health"), .fixed("ready")]
        case .metrics: return [.fixed("metrics")]
        case .stylesheet: return [.fixed("styles.css")]
        case .script: return [.fixed("app.js")]
        }
    }

    /// The query a link carries (the route does not depend on it).
    var query: [(String, String)] {
        switch self {
        case .language(_, let back): return [("back", back)]
        case .signIn(let back): return back.map { [("back", $0)] } ?? []
        case .annual(_, _, let live): return live ? [("live", "1")] : []
        case .reference(let organisation): return organisation.map { [("organisation", $0.uuidString)] } ?? []
        case .newNode(_, let level, let parent): return [("level", level)] + (parent.map { [("parent", id($0))] } ?? [])
        case .newAction(_, let objective): return objective.map { [("objective", id($0))] } ?? []
        case .newIndicator(_, let attach): return attach.map { [("attach", $0)] } ?? []
        case .search(_, let query): return query.map { [("q", $0)] } ?? []
        case .consultation(_, let part): return part.map { [("part", id($0))] } ?? []
        case .schedule(_, let by), .finance(_, let by), .apiFinance(_, let by): return [("by", by)]
        case .progress(_, _, let period), .values(_, _, let period): return period.map { [("period", $0)] } ?? []
        case .execution(_, let year): return year.map { [("year", String($0))] } ?? []
        case .overview(let region), .apiOverview(let region): return region.map { [("region", $0)] } ?? []
        case .officeImport(_, let upload, let step): return (upload.map { [("upload", id($0))] } ?? []) + (step.map { [("step", $0)] } ?? [])
        case .document(_, _, let format, let year): return [("format", format)] + (year.map { [("year", String($0))] } ?? [])
        default: return []
        }
    }

    /// The link: `/programmes/…/annual/2025`, with the query when there is one.
    var path: String {
        let path = "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .value(_, let value): value
            }
        }.joined(separator: "/")
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
    }

    /// What the router matches: fixed text and named parameters.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .value(let name, _): .parameter(name)
            }
        }
    }

    /// The route's path in OpenAPI's form: `/api/v1/programmes/{programmeID}`.
    var template: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .value(let name, _): "{\(name)}"
            }
        }.joined(separator: "/")
    }

    private func id(_ u: UUID) -> String { u.uuidString.lowercased() }

    static func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "" }
}

extension SiteURL {
    /// Where a finding of the checks is put right.
    static func place(of f: Finding, in p: UUID) -> String? {
        switch f.place {
        case .action: SiteURL.action(p, f.entityID).path
        case .indicator: SiteURL.editIndicator(p, f.entityID).path
        case .axis, .measure, .objective: SiteURL.programme(p).path + "#n-" + f.code
        case .unit: SiteURL.reference().path + "#units"
        case .fundingSource: SiteURL.finance(p, by: "axis").path
        }
    }
}

extension SiteURL {
    /// Every kind of path, with no values: what the route test walks, and what `routes.swift`
    /// registers with `example(_:)`. A new case cannot be left out: both switches below are
    /// exhaustive.
    enum Name: String, CaseIterable, Sendable {
        case home, signIn, signOut, language, users, user, reference, referenceRow, newProgramme, programme, settings, strategy, newNode, editNode, moveNode, deleteNode
        case action, editAction, newAction, actionHistory, actionComments, newIndicator, editIndicator, actionPlan, search, history, checks
        case priorities, schedule, finance, annual, approveAnnual, whatIf, due, progress, values, reporting, lockPeriod, dashboard, rollup
        case indicator, evaluation, execution, documents, document, export, importData, officeImport, openData, calendar, decisions, decisionFile, approvalPath, takeStep, revise, changes, changesDocument, consultation, confirmComment, publicComments, moderateComment, consultationReport, portal, portalPlace, feed, apiTokens, revokeToken, openAPI
        case apiProgrammes, apiProgramme, apiStrategy, apiActions, apiAction, apiProgress, apiIndicators, apiIndicator, apiMeasurements
        case apiChecks, apiImport, apiFinance, apiAnnual, overview, apiOverview, health, healthLive, healthReady, metrics, stylesheet, script
    }

    var name: Name {
        switch self {
        case .home: .home
        case .signIn: .signIn
        case .signOut: .signOut
        case .language: .language
        case .users: .users
        case .user: .user
        case .reference: .reference
        case .referenceRow: .referenceRow
        case .newProgramme: .newProgramme
        case .programme: .programme
        case .settings: .settings
        case .strategy: .strategy
        case .newNode: .newNode
        case .editNode: .editNode
        case .moveNode: .moveNode
        case .deleteNode: .deleteNode
        case .action: .action
        case .editAction: .editAction
        case .newAction: .newAction
        case .actionHistory: .actionHistory
        case .actionComments: .actionComments
        case .newIndicator: .newIndicator
        case .editIndicator: .editIndicator
        case .actionPlan: .actionPlan
        case .search: .search
        case .history: .history
        case .checks: .checks
        case .priorities: .priorities
        case .schedule: .schedule
        case .finance: .finance
        case .annual: .annual
        case .approveAnnual: .approveAnnual
        case .whatIf: .whatIf
        case .due: .due
        case .progress: .progress
        case .values: .values
        case .reporting: .reporting
        case .lockPeriod: .lockPeriod
        case .dashboard: .dashboard
        case .rollup: .rollup
        case .indicator: .indicator
        case .evaluation: .evaluation
        case .execution: .execution
        case .documents: .documents
        case .document: .document
        case .export: .export
        case .importData: .importData
        case .officeImport: .officeImport
        case .openData: .openData
        case .calendar: .calendar
        case .decisions: .decisions
        case .decisionFile: .decisionFile
        case .approvalPath: .approvalPath
        case .takeStep: .takeStep
        case .revise: .revise
        case .changes: .changes
        case .changesDocument: .changesDocument
        case .consultation: .consultation
        case .confirmComment: .confirmComment
        case .publicComments: .publicComments
        case .moderateComment: .moderateComment
        case .consultationReport: .consultationReport
        case .portal: .portal
        case .portalPlace: .portalPlace
        case .feed: .feed
        case .apiTokens: .apiTokens
        case .revokeToken: .revokeToken
        case .openAPI: .openAPI
        case .apiProgrammes: .apiProgrammes
        case .apiProgramme: .apiProgramme
        case .apiStrategy: .apiStrategy
        case .apiActions: .apiActions
        case .apiAction: .apiAction
        case .apiProgress: .apiProgress
        case .apiIndicators: .apiIndicators
        case .apiIndicator: .apiIndicator
        case .apiMeasurements: .apiMeasurements
        case .apiChecks: .apiChecks
        case .apiImport: .apiImport
        case .apiFinance: .apiFinance
        case .apiAnnual: .apiAnnual
        case .overview: .overview
        case .apiOverview: .apiOverview
        case .health: .health
        case .healthLive: .healthLive
        case .healthReady: .healthReady
        case .metrics: .metrics
        case .stylesheet: .stylesheet
        case .script: .script
        }
    }

    /// A path of each kind, with placeholder values: its path components are the route's.
    static func example(_ name: Name) -> SiteURL {
        let p = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
        let x = UUID(uuidString: "00000000-0000-4000-8000-000000000002")!
        switch name {
        case .home: return .home
        case .signIn: return .signIn()
        case .signOut: return .signOut
        case .language: return .language("el", back: "/")
        case .users: return .users
        case .user: return .user(x)
        case .reference: return .reference()
        case .referenceRow: return .referenceRow("units")
        case .newProgramme: return .newProgramme
        case .programme: return .programme(p)
        case .settings: return .settings(p)
        case .strategy: return .strategy(p)
        case .newNode: return .newNode(p, level: "axis", parent: nil)
        case .editNode: return .editNode(p, level: "axis", id: x)
        case .moveNode: return .moveNode(p, level: "axis", id: x)
        case .deleteNode: return .deleteNode(p, level: "axis", id: x)
        case .action: return .action(p, x)
        case .editAction: return .editAction(p, x)
        case .newAction: return .newAction(p, objective: nil)
        case .actionHistory: return .actionHistory(p, x)
        case .actionComments: return .actionComments(p, x)
        case .newIndicator: return .newIndicator(p, attachTo: nil)
        case .editIndicator: return .editIndicator(p, x)
        case .actionPlan: return .actionPlan(p, unit: x)
        case .search: return .search(p, query: nil)
        case .history: return .history(p)
        case .checks: return .checks(p)
        case .priorities: return .priorities(p)
        case .schedule: return .schedule(p, by: "axis")
        case .finance: return .finance(p, by: "axis")
        case .annual: return .annual(p, year: 2025)
        case .approveAnnual: return .approveAnnual(p, year: 2025)
        case .whatIf: return .whatIf(p)
        case .due: return .due(p)
        case .progress: return .progress(p, x, period: nil)
        case .values: return .values(p, x, period: nil)
        case .reporting: return .reporting(p)
        case .lockPeriod: return .lockPeriod(p)
        case .dashboard: return .dashboard(p)
        case .rollup: return .rollup(p, node: x)
        case .indicator: return .indicator(p, x)
        case .evaluation: return .evaluation(p, year: 2025)
        case .execution: return .execution(p, year: nil)
        case .documents: return .documents(p)
        case .document: return .document(p, kind: "phase-b", format: "docx", year: nil)
        case .export: return .export(p, file: "actions.xlsx")
        case .importData: return .importData(p)
        case .officeImport: return .officeImport(p, upload: x, step: "columns")
        case .openData: return .openData(p)
        case .calendar: return .calendar(p)
        case .decisions: return .decisions(p)
        case .decisionFile: return .decisionFile(p, x)
        case .approvalPath: return .approvalPath(p)
        case .takeStep: return .takeStep(p, step: ApprovalStep.publish.rawValue)
        case .revise: return .revise(p)
        case .changes: return .changes(p)
        case .changesDocument: return .changesDocument(p, format: "docx")
        case .consultation: return .consultation(p, part: nil)
        case .confirmComment: return .confirmComment(token: "abc")
        case .publicComments: return .publicComments(p)
        case .moderateComment: return .moderateComment(p, x)
        case .consultationReport: return .consultationReport(p, format: "docx")
        case .portal: return .portal(p)
        case .portalPlace: return .portalPlace(p, x)
        case .feed: return .feed(p)
        case .apiTokens: return .apiTokens
        case .revokeToken: return .revokeToken(x)
        case .openAPI: return .openAPI
        case .apiProgrammes: return .apiProgrammes
        case .apiProgramme: return .apiProgramme(p)
        case .apiStrategy: return .apiStrategy(p)
        case .apiActions: return .apiActions(p)
        case .apiAction: return .apiAction(p, x)
        case .apiProgress: return .apiProgress(p, x)
        case .apiIndicators: return .apiIndicators(p)
        case .apiIndicator: return .apiIndicator(p, x)
        case .apiMeasurements: return .apiMeasurements(p, x)
        case .apiChecks: return .apiChecks(p)
        case .apiImport: return .apiImport(p)
        case .apiFinance: return .apiFinance(p, by: "axis")
        case .apiAnnual: return .apiAnnual(p, year: 2025)
        case .overview: return .overview(region: nil)
        case .apiOverview: return .apiOverview(region: nil)
        case .health: return .health
        case .healthLive: return .healthLive
        case .healthReady: return .healthReady
        case .metrics: return .metrics
        case .stylesheet: return .stylesheet
        case .script: return .script
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
