import Foundation
import OramaDomain
import Vapor

enum ProgrammeController {
    @Sendable static func show(req: Request) async throws -> Response {
        // A visitor's copy is kept by `PublicPageCache`, once per version.
        let loaded = try await ProgrammeContext.load(req)
        return Respond.html(ProgrammePage(context: PageContext(req), loaded: loaded, access: req.access).render())
    }

    // MARK: create and settings

    @Sendable static func newForm(req: Request) async throws -> Response {
        try req.access.require(req.access.canCreateProgrammes, req.language)
        let year = req.today.year
        let form = SettingsForm(title: "", startYear: String(year), endYear: String(year + 4), note: "")
        let organisations = try await req.repositories.reference.organisations()
        return Respond.html(SettingsPage(context: PageContext(req), programme: nil, form: form, errors: FieldErrors(), conflict: nil, organisations: organisations).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.access.require(req.access.canCreateProgrammes, req.language)
        let form = try req.content.decode(SettingsForm.self)
        let (settings, errors) = form.settings(req.language)
        var errors2 = errors
        let user = req.user!
        let organisationID = user.organisationID ?? UUID(uuidString: form.organisation ?? "")
        let organisations = try await req.repositories.reference.organisations()
        if organisationID == nil || !organisations.contains(where: { $0.id == organisationID }) {
            errors2.add("organisation", req.language.t("Επιλέξτε τον δήμο του προγράμματος.", "Choose the programme's municipality."))
        }
        guard let settings, errors2.isEmpty, let organisationID else {
            return Respond.html(SettingsPage(context: PageContext(req), programme: nil, form: form, errors: errors2, conflict: nil, organisations: organisations).render(),
                                  status: .unprocessableEntity)
        }
        let programme = Programme(organisationID: organisationID, title: settings.title, startYear: settings.startYear, endYear: settings.endYear,
                                  status: .draft, note: settings.note,
                                  reportingCalendar: ReportingCalendar(frequency: ReportingCalendar.Frequency(rawValue: settings.reportingFrequency) ?? .quarterly,
                                                                       dueAfterDays: settings.reportingDueDays),
                                  keyDates: settings.keyDates)
        try await req.repositories.programmes.create(programme, actor: user.actor)
        return Respond.redirect(req, to: SiteURL.programme(programme.id).path, flash: req.language.t("Το πρόγραμμα δημιουργήθηκε.", "The programme was created."))
    }

    @Sendable static func settingsForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let p = loaded.programme
        let form = SettingsForm(title: p.title, startYear: String(p.startYear), endYear: String(p.endYear), note: p.note,
                                reportingFrequency: p.reportingCalendar.frequency.rawValue, reportingDueDays: String(p.reportingCalendar.dueAfterDays),
                                consultationStart: p.keyDates.consultationStart?.formatted, consultationEnd: p.keyDates.consultationEnd?.formatted,
                                councilSession: p.keyDates.councilSession?.formatted, base: Fingerprint.of(ProgrammeSettings(p)))
        return Respond.html(SettingsPage(context: PageContext(req), programme: loaded, form: form, errors: FieldErrors(), conflict: nil).render())
    }

    @Sendable static func saveSettings(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        var form = try req.content.decode(SettingsForm.self)
        var (settings, errors) = form.settings(req.language)
        if let s = settings {
            // Years that hold funding, targets or schedules cannot leave the period silently.
            let p = loaded.programme
            let used = Set(p.actions.flatMap { $0.fundingLines.map(\.year) + ($0.schedule.map { Array($0.years) } ?? []) } + p.indicators.flatMap { Array($0.targets.keys) })
            let outside = used.filter { !(s.startYear...s.endYear).contains($0) }.sorted()
            if !outside.isEmpty {
                errors.add("startYear", req.language.t("Υπάρχουν χρηματοδοτήσεις, χρονοδιαγράμματα ή στόχοι στα έτη \(outside.map(String.init).joined(separator: ", ")), εκτός της νέας περιόδου· μεταφέρετέ τα πρώτα.",
                                                       "There are funding lines, schedules or targets in \(outside.map(String.init).joined(separator: ", ")), outside the new period; move them first."))
                settings = nil
            }
        }
        guard let settings else {
            return Respond.html(SettingsPage(context: PageContext(req), programme: loaded, form: form, errors: errors, conflict: nil).render(), status: .unprocessableEntity)
        }
        let current = ProgrammeSettings(loaded.programme)
        let outcome = try await ProgrammeContext.commit(req, loaded, base: form.base, current: Fingerprint.of(current)) { p in
            p.title = settings.title
            p.startYear = settings.startYear
            p.endYear = settings.endYear
            p.note = settings.note
            p.reportingCalendar = ReportingCalendar(frequency: ReportingCalendar.Frequency(rawValue: settings.reportingFrequency) ?? .quarterly,
                                                    dueAfterDays: settings.reportingDueDays)
            // Once the consultation has been opened on the approval path, its dates are that step's.
            let consultation = [.draft, .phaseAApproved].contains(p.status) ? settings.keyDates : p.keyDates
            p.keyDates = KeyDates(consultationStart: consultation.consultationStart, consultationEnd: consultation.consultationEnd,
                                  councilSession: settings.keyDates.councilSession)
        }
        switch outcome {
        case .saved:
            return Respond.redirect(req, to: SiteURL.programme(loaded.id).path, flash: req.language.t("Οι ρυθμίσεις αποθηκεύτηκαν.", "Settings saved."))
        case .conflict:
            let describe: (ProgrammeSettings) -> [(String, String)] = { s in
                [("Τίτλος", s.title), ("Έναρξη", String(s.startYear)), ("Λήξη", String(s.endYear)),
                 ("Σημείωση", s.note)]
            }
            form.base = Fingerprint.of(current)
            return Respond.html(SettingsPage(context: PageContext(req), programme: loaded, form: form, errors: FieldErrors(),
                                               conflict: ConflictNotice.diff(describe(current), describe(settings))).render(), status: .conflict)
        }
    }
}
