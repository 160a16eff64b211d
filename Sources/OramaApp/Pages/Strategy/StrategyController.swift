import Foundation
import OramaDomain
import Plot
import Vapor

/// The Strategic Plan (Phase A) in one form: the area profile with key figures, SWOT,
/// critical issues, vision, guiding principles and the strategic goals of each axis.
/// Lists are written one item per line, as people already write them in Word.
enum StrategyController {

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func form(from plan: StrategicPlan, axes: [Axis]) -> StrategyForm {
        var swot: [String: String] = [:]
        for q in SWOTItem.Quadrant.allCases { swot[q.rawValue] = plan.swot(q).map(\.text).joined(separator: "\n") }
        var goals: [String: String] = [:]
        for axis in axes { goals[axis.id.uuidString] = plan.strategicGoals.filter { $0.axisID == axis.id }.map(\.text).joined(separator: "\n") }
        var sections: [String: SectionRow] = [:]
        for (i, s) in plan.profileSections.enumerated() {
            sections[String(i)] = SectionRow(id: s.id.uuidString, title: s.title, body: s.body,
                                             figures: s.keyFigures.map { "\($0.name) | \(Format.input($0.value)) | \($0.unit) | \($0.year) | \($0.source)" }.joined(separator: "\n"))
        }
        return StrategyForm(vision: plan.vision, swot: swot, criticalIssues: plan.criticalIssues.joined(separator: "\n"),
                            principles: plan.guidingPrinciples.joined(separator: "\n"), goals: goals, section: sections, base: Fingerprint.of(plan))
    }

    static func validate(_ f: StrategyForm, axes: [Axis], current: StrategicPlan, _ l: Language) -> (StrategicPlan?, FieldErrors) {
        var e = FieldErrors()
        var sections: [ProfileSection] = []
        var ownSectionIDs = Set(current.profileSections.map(\.id))
        for key in (f.section ?? [:]).keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            let row = f.section![key]!
            let title = (row.title ?? "").trimmingCharacters(in: .whitespaces)
            let body = (row.body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let figureLines = lines(row.figures)
            if title.isEmpty && body.isEmpty && figureLines.isEmpty { continue }
            let number = (Int(key) ?? 0) + 1
            if title.isEmpty { e.add("section[\(key)][title]", l.t("Ενότητα \(number): δώστε τίτλο.", "Section \(number): enter a title.")) }
            var figures: [KeyFigure] = []
            for (n, line) in figureLines.enumerated() {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 5 else {
                    e.add("section[\(key)][figures]", l.t("Ενότητα \(number), γραμμή \(n + 1): γράψτε «όνομα | τιμή | μονάδα | έτος | πηγή».", "Section \(number), line \(n + 1): write “name | value | unit | year | source”."))
                    break
                }
                guard let value = GreekNumber.parse(parts[1]) else {
                    e.add("section[\(key)][figures]", l.t("Ενότητα \(number), γραμμή \(n + 1): η τιμή «\(parts[1].prefix(20))» δεν είναι αριθμός.", "Section \(number), line \(n + 1): the value “\(parts[1].prefix(20))” is not a number."))
                    break
                }
                guard let year = Int(parts[3]), (1900...2100).contains(year) else {
                    e.add("section[\(key)][figures]", l.t("Ενότητα \(number), γραμμή \(n + 1): το έτος «\(parts[3].prefix(10))» δεν είναι έγκυρο.", "Section \(number), line \(n + 1): the year “\(parts[3].prefix(10))” is not valid."))
                    break
                }
                figures.append(KeyFigure(name: parts[0], value: value, unit: parts[2], year: year, source: parts[4]))
            }
            let sectionID = row.id.flatMap(UUID.init(uuidString:)).flatMap { ownSectionIDs.remove($0) } ?? UUID()
            sections.append(ProfileSection(id: sectionID, title: title, body: body, keyFigures: figures))
        }
        guard e.isEmpty else { return (nil, e) }
        let swot = SWOTItem.Quadrant.allCases.flatMap { q in lines(f.swot?[q.rawValue]).map { SWOTItem(q, $0) } }
        let goals = axes.flatMap { axis in lines(f.goals?[axis.id.uuidString]).map { StrategicGoal(axisID: axis.id, text: $0) } }
        return (StrategicPlan(profileSections: sections, swot: swot, criticalIssues: lines(f.criticalIssues),
                              vision: (f.vision ?? "").trimmingCharacters(in: .whitespacesAndNewlines), guidingPrinciples: lines(f.principles),
                              strategicGoals: goals), e)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let canEdit = req.access.canEditPlan(loaded.summary)
        return Respond.html(StrategyPage(context: PageContext(req), loaded: loaded, form: form(from: loaded.programme.strategicPlan, axes: loaded.programme.axes),
                                           errors: FieldErrors(), conflict: nil, canEdit: canEdit).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        var form = try req.content.decode(StrategyForm.self)
        let (plan, errors) = validate(form, axes: loaded.programme.axes, current: loaded.programme.strategicPlan, req.language)
        guard let plan else {
            return Respond.html(StrategyPage(context: PageContext(req), loaded: loaded, form: form, errors: errors, conflict: nil, canEdit: true).render(), status: .unprocessableEntity)
        }
        let current = loaded.programme.strategicPlan
        switch try await ProgrammeContext.commit(req, loaded, base: form.base, current: Fingerprint.of(current), { $0.strategicPlan = plan }) {
        case .saved:
            return Respond.redirect(req, to: SiteURL.strategy(loaded.id).path, flash: req.language.t("Το Στρατηγικό Σχέδιο αποθηκεύτηκε.", "The Strategic Plan was saved."))
        case .conflict:
            func describe(_ s: StrategicPlan) -> [(String, String)] {
                [("Όραμα", s.vision), ("SWOT", s.swot.map(\.text).joined(separator: "; ")), ("Κρίσιμα ζητήματα", s.criticalIssues.joined(separator: "; ")),
                 ("Κατευθυντήριες αρχές", s.guidingPrinciples.joined(separator: "; ")), ("Στρατηγικοί στόχοι", s.strategicGoals.map(\.text).joined(separator: "; ")),
                 ("Ενότητες προφίλ", s.profileSections.map(\.title).joined(separator: "; "))]
            }
            form.base = Fingerprint.of(current)
            return Respond.html(StrategyPage(context: PageContext(req), loaded: loaded, form: form, errors: FieldErrors(),
                                               conflict: ConflictNotice.diff(describe(current), describe(plan)), canEdit: true).render(), status: .conflict)
        }
    }
}
