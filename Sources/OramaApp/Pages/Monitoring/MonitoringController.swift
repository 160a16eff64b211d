import Foundation
import OramaDomain
import Plot
import Vapor

/// Monitoring: what each service owes, progress updates and indicator values, and the
/// planning service's view of completeness with period locks.
enum MonitoringController {
    static func period(_ req: Request, _ loaded: LoadedProgramme, default fallback: ReportingPeriod) throws -> ReportingPeriod {
        guard let text = req.query[String.self, at: "period"], !text.isEmpty else { return fallback }
        guard let period = ReportingPeriod(parsing: text) else {
            throw UserFacingError(status: .badRequest, code: "invalid_period",
                                  reason: req.language.t("Μη έγκυρη περίοδος «\(text.prefix(20))»· γράψτε π.χ. 2025-Q3 ή 2025.", "Invalid period “\(text.prefix(20))”; write e.g. 2025-Q3 or 2025."))
        }
        return period
    }

    /// The latest quarter that has started (the current one).
    static func currentQuarter(_ today: CalendarDate) -> ReportingPeriod { ReportingPeriod(year: today.year, quarter: today.quarter.quarter) }

    // MARK: what is due

    @Sendable static func due(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canSeeDueReports(loaded.summary), req.language)
        let context = PageContext(req)
        let units = req.access.reportingUnits ?? Set(loaded.reference.units.map(\.id))
        let items = loaded.programme.dueItems(units: units, calendar: loaded.programme.reportingCalendar, today: context.today)
        return Respond.html(DuePage(context: context, loaded: loaded, items: items, access: req.access).render())
    }

    // MARK: progress

    @Sendable static func progressForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        try req.access.require(req.access.canEdit(action, in: loaded.summary), req.language)
        let context = PageContext(req)
        let period = try period(req, loaded, default: currentQuarter(context.today))
        let existing = loaded.programme.progressUpdate(of: action.id, in: period) ?? loaded.programme.latestProgress(of: action.id)
        let form = ProgressForm(period: period.code, status: existing?.status.rawValue ?? ProgressUpdate.Status.onTrack.rawValue,
                                physicalProgress: existing.map { String($0.physicalProgress) } ?? "0", spent: existing?.spentToDate.formattedNumber ?? "0,00",
                                comment: "", milestones: action.milestones.filter(\.isDone).map(\.id.uuidString), reason: "")
        return Respond.html(ProgressPage(context: context, loaded: loaded, action: action, form: form, errors: FieldErrors()).render())
    }

    @Sendable static func saveProgress(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        try req.access.require(req.access.canEdit(action, in: loaded.summary), req.language)
        let form = try req.content.decode(ProgressForm.self)
        let context = PageContext(req)
        let l = req.language
        var errors = FieldErrors()
        let period = ReportingPeriod(parsing: form.period ?? "").flatMap { $0.quarter == nil ? nil : $0 }
        if period == nil { errors.add("period", l.t("Επιλέξτε τρίμηνο.", "Choose a quarter.")) }
        let status = ProgressUpdate.Status(rawValue: form.status ?? "")
        if status == nil { errors.add("status", l.t("Επιλέξτε κατάσταση.", "Choose a status.")) }
        let percent = Int((form.physicalProgress ?? "").trimmingCharacters(in: .whitespaces))
        if percent == nil { errors.add("physicalProgress", l.t("Το φυσικό αντικείμενο είναι ακέραιο ποσοστό από 0 έως 100.", "Physical progress is a whole percentage from 0 to 100.")) }
        let spent = Money(parsing: form.spent ?? "")
        if spent == nil { errors.add("spent", l.t("Η δαπάνη γράφεται ως ποσό, π.χ. 12.500,00.", "Write the spending as an amount, e.g. 12.500,00.")) }
        if errors.isEmpty, let period, let status, let percent, let spent {
            var programme = loaded.programme
            do {
                try programme.recordProgress(actionID: action.id, period: period, status: status, physicalProgress: percent, spentToDate: spent,
                                             comment: (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                             milestonesDone: Set((form.milestones ?? []).compactMap(UUID.init(uuidString:))),
                                             by: req.user!.name, at: req.now, today: context.today, reason: form.reason)
                let recorded = programme
                guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { $0 = recorded }) else { throw UserFacingError.conflict(req.language) }
                return Respond.redirect(req, to: SiteURL.due(loaded.id).path,
                                          flash: l.t("Η πρόοδος της δράσης \(action.code) για \(period.greek) καταχωρίστηκε.", "Progress of action \(action.code) for \(period.code) was recorded."))
            } catch let error as EntryError {
                errors.add(error.field, error.description)
            }
        }
        return Respond.html(ProgressPage(context: context, loaded: loaded, action: action, form: form, errors: errors).render(), status: .unprocessableEntity)
    }

    // MARK: indicator values

    @Sendable static func valueForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let indicator = try loaded.indicator(req)
        try req.access.require(req.access.canEdit(indicator, in: loaded.summary), req.language)
        let context = PageContext(req)
        let fallback = indicator.reportingPeriods(in: loaded.programme.years).last { $0.firstDay <= context.today } ?? ReportingPeriod(year: loaded.programme.startYear)
        let period = try period(req, loaded, default: fallback)
        let existing = indicator.measurements.first { $0.period == period }
        let form = ValueForm(period: period.code, value: existing.map { Format.input($0.value) } ?? "", note: "", reason: "")
        return Respond.html(ValuePage(context: context, loaded: loaded, indicator: indicator, form: form, errors: FieldErrors()).render())
    }

    @Sendable static func saveValue(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let indicator = try loaded.indicator(req)
        try req.access.require(req.access.canEdit(indicator, in: loaded.summary), req.language)
        let form = try req.content.decode(ValueForm.self)
        let context = PageContext(req)
        let l = req.language
        var errors = FieldErrors()
        let period = ReportingPeriod(parsing: form.period ?? "")
        if period == nil { errors.add("period", l.t("Επιλέξτε περίοδο.", "Choose a period.")) }
        let value = GreekNumber.parse(form.value ?? "")
        if value == nil { errors.add("value", l.t("Η τιμή πρέπει να είναι αριθμός, π.χ. 12,5.", "The value must be a number, e.g. 12,5.")) }
        if errors.isEmpty, let period, let value {
            var programme = loaded.programme
            do {
                try programme.recordMeasurement(indicatorID: indicator.id, period: period, value: value,
                                                note: (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                                by: req.user!.name, at: req.now, today: context.today, reason: form.reason)
                let recorded = programme
                guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { $0 = recorded }) else { throw UserFacingError.conflict(req.language) }
                return Respond.redirect(req, to: SiteURL.due(loaded.id).path,
                                          flash: l.t("Η τιμή του δείκτη \(indicator.code) για \(period.greek) καταχωρίστηκε.", "The value of \(indicator.code) for \(period.code) was recorded."))
            } catch let error as EntryError {
                errors.add(error.field, error.description)
            }
        }
        return Respond.html(ValuePage(context: context, loaded: loaded, indicator: indicator, form: form, errors: errors).render(), status: .unprocessableEntity)
    }

    // MARK: dashboards

    /// The programme's dashboard, or one service's (`?unit=`) or one place's (`?locality=`,
    /// a municipal unit taking in its communities).
    @Sendable static func dashboard(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let context = PageContext(req)
        let p = loaded.programme
        let r = loaded.reference
        let year = p.yearNearest(context.today.year)
        var scope: DashboardPage.Scope = .programme
        if let text = req.query[String.self, at: "unit"], !text.isEmpty {
            guard let unit = UUID(uuidString: text).flatMap(r.unit) else { throw UserFacingError.notFound(req.language.t("η υπηρεσία", "the unit"), req.language) }
            scope = .unit(unit)
        } else if let text = req.query[String.self, at: "locality"], !text.isEmpty {
            guard let place = UUID(uuidString: text).flatMap(r.locality) else { throw UserFacingError.notFound(req.language.t("η τοποθεσία", "the place"), req.language) }
            scope = .locality(place)
        }
        let actions: [Action]
        let indicators: [Indicator]
        switch scope {
        case .programme:
            actions = p.actions; indicators = p.indicators
        case .unit(let unit):
            actions = p.actions.filter { $0.responsibleUnitID == unit.id }
            indicators = p.indicators.filter { $0.responsibleUnitID == unit.id }
        case .locality(let place):
            let places = Set([place.id] + r.localities.filter { $0.parentID == place.id }.map(\.id))
            actions = p.actions.filter { !places.isDisjoint(with: $0.localityIDs) }
            indicators = []
        }
        let figures = DashboardFigures(p, year: year, actions: actions, indicators: scope == .programme ? nil : indicators)
        return Respond.html(DashboardPage(context: context, loaded: loaded, figures: figures, scope: scope, actions: actions).render())
    }

    @Sendable static func rollup(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let id = try req.uuid("nodeID")
        guard let node = loaded.programme.progressRollup().find(id), node.level != .action else {
            throw UserFacingError.notFound(req.language.t("το στοιχείο", "the item"), req.language)
        }
        return Respond.html(RollupPage(context: PageContext(req), loaded: loaded, node: node).render())
    }

    @Sendable static func indicator(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let indicator = try loaded.indicator(req)
        return Respond.html(IndicatorPage(context: PageContext(req), loaded: loaded, indicator: indicator,
                                            canReport: req.access.canEdit(indicator, in: loaded.summary)).render())
    }

    @Sendable static func evaluation(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let year = try PlanningController.year(req, loaded)
        return Respond.html(EvaluationPage(context: PageContext(req), loaded: loaded, year: year).render())
    }

    // MARK: completeness and locks

    @Sendable static func reporting(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        return Respond.html(ReportingPage(context: PageContext(req), loaded: loaded).render())
    }

    @Sendable static func lock(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = try req.content.decode(LockForm.self)
        guard let period = ReportingPeriod(parsing: form.period ?? ""), loaded.programme.years.contains(period.year) else {
            throw UserFacingError(status: .badRequest, code: "invalid_period", reason: req.language.t("Μη έγκυρη περίοδος.", "Invalid period."))
        }
        let locking = form.lock == "on"
        guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { p in
            if locking { p.lockedPeriods.insert(period) } else { p.lockedPeriods.remove(period) }
        }) else { throw UserFacingError.conflict(req.language) }
        return Respond.redirect(req, to: SiteURL.reporting(loaded.id).path,
                                  flash: locking ? req.language.t("Η περίοδος \(period.greek) κλειδώθηκε.", "Period \(period.code) was locked.")
                                                 : req.language.t("Η περίοδος \(period.greek) ξεκλειδώθηκε.", "Period \(period.code) was unlocked."))
    }
}
