import Foundation
import Vapor

/// Every route, registered from `SiteURL`: the path components come from the same
/// definition as the links.
func routes(_ app: Application) throws {
    typealias U = SiteURL
    func url(_ name: U.Name) -> U { U.example(name) }

    app.get(url(.health), use: HealthController.ready)
    app.get(url(.healthLive), use: HealthController.live)
    app.get(url(.healthReady), use: HealthController.ready)
    app.get(url(.metrics), use: MetricsController.show)
    app.get(url(.stylesheet), use: StaticAssets.stylesheet)
    app.get(url(.script), use: StaticAssets.script)

    app.get(url(.signIn), use: SignInController.form)
    app.post(url(.signIn), use: SignInController.signIn)
    app.post(url(.signOut), use: SignInController.signOut)
    app.get(url(.language), use: SignInController.language)

    app.get(url(.home), use: HomeController.show)
    app.get(url(.newProgramme), use: ProgrammeController.newForm)
    app.post(url(.newProgramme), use: ProgrammeController.create)
    app.get(url(.programme), use: ProgrammeController.show)
    app.get(url(.settings), use: ProgrammeController.settingsForm)
    app.post(url(.settings), use: ProgrammeController.saveSettings)
    app.get(url(.strategy), use: StrategyController.form)
    app.post(url(.strategy), use: StrategyController.save)

    app.get(url(.newNode), use: TreeController.newForm)
    app.post(url(.newNode), use: TreeController.create)
    app.get(url(.editNode), use: TreeController.editForm)
    app.post(url(.editNode), use: TreeController.save)
    app.post(url(.moveNode), use: TreeController.move)
    app.get(url(.deleteNode), use: TreeController.confirmDelete)
    app.post(url(.deleteNode), use: TreeController.delete)

    app.get(url(.newAction), use: ActionController.newForm)
    app.post(url(.newAction), use: ActionController.create)
    app.get(url(.action), use: ActionController.show)
    app.get(url(.editAction), use: ActionController.editForm)
    app.post(url(.editAction), use: ActionController.save)
    app.get(url(.actionHistory), use: HistoryController.action)
    app.post(url(.actionComments), use: ActionController.comment)

    app.get(url(.newIndicator), use: IndicatorController.newForm)
    app.post(url(.newIndicator), use: IndicatorController.create)
    app.get(url(.editIndicator), use: IndicatorController.editForm)
    app.post(url(.editIndicator), use: IndicatorController.save)

    app.get(url(.actionPlan), use: ActionPlanController.show)
    app.get(url(.search), use: SearchController.show)
    app.get(url(.history), use: HistoryController.programme)

    app.get(url(.checks), use: PlanningController.checks)
    app.get(url(.priorities), use: PlanningController.priorities)
    app.post(url(.priorities), use: PlanningController.saveRanks)
    app.get(url(.schedule), use: PlanningController.schedule)
    app.get(url(.finance), use: PlanningController.finance)
    app.get(url(.annual), use: PlanningController.annual)
    app.post(url(.approveAnnual), use: PlanningController.approveAnnual)
    app.get(url(.whatIf), use: PlanningController.whatIf)

    app.get(url(.due), use: MonitoringController.due)
    app.get(url(.progress), use: MonitoringController.progressForm)
    app.post(url(.progress), use: MonitoringController.saveProgress)
    app.get(url(.values), use: MonitoringController.valueForm)
    app.post(url(.values), use: MonitoringController.saveValue)
    app.get(url(.reporting), use: MonitoringController.reporting)
    app.post(url(.lockPeriod), use: MonitoringController.lock)
    app.get(url(.dashboard), use: DashboardController.dashboard)
    app.get(url(.rollup), use: DashboardController.rollup)
    app.get(url(.indicator), use: DashboardController.indicator)
    app.get(url(.evaluation), use: DashboardController.evaluation)

    app.get(url(.execution), use: ExecutionController.show)
    app.on(.POST, url(.execution), body: .collect(maxSize: "12mb"), use: ExecutionController.upload)

    app.get(url(.documents), use: FilesController.index)
    app.get(url(.document), use: FilesController.document)
    app.get(url(.export), use: FilesController.export)
    app.get(url(.openData), use: FilesController.openData)
    app.get(url(.calendar), use: FilesController.calendar)
    app.get(url(.decisions), use: DecisionsController.index)
    // A decision's PDF: up to 10 MB of file.
    app.on(.POST, url(.decisions), body: .collect(maxSize: "12mb"), use: DecisionsController.record)
    app.get(url(.decisionFile), use: DecisionsController.file)
    app.get(url(.approvalPath), use: ApprovalController.show)
    app.post(url(.takeStep), use: ApprovalController.take)
    app.post(url(.revise), use: ApprovalController.revise)
    app.get(url(.changes), use: ChangesController.page)
    app.get(url(.changesDocument), use: ChangesController.document)
    app.get(url(.consultation), use: ConsultationController.page)
    app.post(url(.consultation), use: ConsultationController.submit)
    app.get(url(.confirmComment), use: ConsultationController.confirmPage)
    app.post(url(.confirmComment), use: ConsultationController.confirm)
    app.get(url(.publicComments), use: ConsultationController.moderationPage)
    app.post(url(.moderateComment), use: ConsultationController.moderate)
    app.get(url(.consultationReport), use: ConsultationController.report)
    app.get(url(.portal), use: PortalController.portal)
    app.get(url(.portalPlace), use: PortalController.place)
    app.get(url(.feed), use: PortalController.feed)
    app.get(url(.importData), use: ImportController.form)
    app.on(.POST, url(.importData), body: .collect(maxSize: "12mb"), use: ImportController.upload)
    app.get(url(.officeImport), use: OfficeImportController.step)
    app.on(.POST, url(.officeImport), body: .collect(maxSize: "12mb"), use: OfficeImportController.submit)

    app.get(url(.apiTokens), use: APITokenController.index)
    app.post(url(.apiTokens), use: APITokenController.create)
    app.post(url(.revokeToken), use: APITokenController.revoke)

    app.get(url(.reference), use: ReferenceController.show)
    app.post(url(.referenceRow), use: ReferenceController.save)

    app.get(url(.overview), use: OverviewController.show)
    app.get(url(.users), use: UsersController.index)
    app.post(url(.users), use: UsersController.create)
    app.post(url(.user), use: UsersController.update)

    app.get(url(.openAPI), use: OpenAPIDocument.serve)
    let api = app.grouped(APITokenMiddleware())
    api.get(url(.apiProgrammes), use: ProgrammeAPIController.index)
    api.post(url(.apiProgrammes), use: ImportAPIController.createProgramme)
    api.get(url(.apiProgramme), use: ProgrammeAPIController.show)
    // An office's table in base64: up to 10 MB of file.
    api.on(.POST, url(.apiImport), body: .collect(maxSize: "16mb"), use: ImportAPIController.importTable)
    api.get(url(.apiStrategy), use: PlanningAPIController.strategy)
    api.get(url(.apiActions), use: ActionsAPIController.list)
    api.get(url(.apiAction), use: ActionsAPIController.show)
    api.patch(url(.apiAction), use: ActionsAPIController.patch)
    api.post(url(.apiProgress), use: ActionsAPIController.recordProgress)
    api.get(url(.apiIndicators), use: IndicatorsAPIController.list)
    api.get(url(.apiIndicator), use: IndicatorsAPIController.show)
    api.post(url(.apiMeasurements), use: IndicatorsAPIController.recordMeasurement)
    api.get(url(.apiChecks), use: PlanningAPIController.checks)
    api.get(url(.apiFinance), use: PlanningAPIController.finance)
    api.get(url(.apiAnnual), use: PlanningAPIController.annual)
    api.get(url(.apiOverview), use: OverviewController.api)
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.GET, url.pathComponents, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.POST, url.pathComponents, use: handler)
    }

    @discardableResult
    func patch<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.PATCH, url.pathComponents, use: handler)
    }

    @discardableResult
    func on<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ url: SiteURL, body: HTTPBodyStreamStrategy,
                                       use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(method, url.pathComponents, body: body, use: handler)
    }
}
