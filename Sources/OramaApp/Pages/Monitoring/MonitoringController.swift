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
        let (entry, errors) = form.entry(req.language)
        let context = PageContext(req)
        return try await record(req, loaded, entry, errors, apply: { p, entry in try p.record(entry, for: action.id, by: req.user!.name, at: req.now, today: context.today) },
                                flash: { req.language.t("Η πρόοδος της δράσης \(action.code) για \($0.period.greek) καταχωρίστηκε.", "Progress of action \(action.code) for \($0.period.code) was recorded.") },
                                page: { ProgressPage(context: context, loaded: loaded, action: action, form: form, errors: $0).render() })
    }

    /// Records a report entered in its form: one save, then on to what is due; or the form
    /// again (422) with the domain's refusal beside its field.
    static func record<Entry>(_ req: Request, _ loaded: LoadedProgramme, _ entry: Entry?, _ errors: FieldErrors,
                              apply: (inout Programme, Entry) throws -> Void, flash: (Entry) -> String, page: (FieldErrors) -> String) async throws -> Response {
        var errors = errors
        if errors.isEmpty, let entry {
            var programme = loaded.programme
            do {
                try apply(&programme, entry)
                let recorded = programme
                guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { $0 = recorded }) else { throw UserFacingError.conflict(req.language) }
                return Respond.redirect(req, to: SiteURL.due(loaded.id).path, flash: flash(entry))
            } catch let error as EntryError {
                errors.add(error.field, error.description)
            }
        }
        return Respond.html(page(errors), status: .unprocessableEntity)
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
        let (entry, errors) = form.entry(req.language)
        let context = PageContext(req)
        return try await record(req, loaded, entry, errors, apply: { p, entry in try p.record(entry, for: indicator.id, by: req.user!.name, at: req.now, today: context.today) },
                                flash: { req.language.t("Η τιμή του δείκτη \(indicator.code) για \($0.period.greek) καταχωρίστηκε.", "The value of \(indicator.code) for \($0.period.code) was recorded.") },
                                page: { ValuePage(context: context, loaded: loaded, indicator: indicator, form: form, errors: $0).render() })
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
