import Foundation
import OramaDomain
import Plot
import Vapor

/// The Strategic Plan (Phase A) in one form: the area profile with key figures, SWOT,
/// critical issues, vision, guiding principles and the strategic goals of each axis.
/// Lists are written one item per line, as people already write them in Word.
enum StrategyController {
    struct SectionRow: Codable {
        var id: String?
        var title: String?
        var body: String?
        var figures: String?
    }

    struct StrategyForm: Content {
        var vision: String?
        var swot: [String: String]?
        var criticalIssues: String?
        var principles: String?
        var goals: [String: String]?
        var section: [String: SectionRow]?
        var base: String?
    }

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
        let loaded = try await Workspace.load(req)
        let canEdit = req.access.canEditPlan(loaded.summary)
        return Workspace.html(StrategyPage(context: PageContext(req), loaded: loaded, form: form(from: loaded.programme.strategicPlan, axes: loaded.programme.axes),
                                           errors: FieldErrors(), conflict: nil, canEdit: canEdit).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        var form = try req.content.decode(StrategyForm.self)
        let (plan, errors) = validate(form, axes: loaded.programme.axes, current: loaded.programme.strategicPlan, req.language)
        guard let plan else {
            return Workspace.html(StrategyPage(context: PageContext(req), loaded: loaded, form: form, errors: errors, conflict: nil, canEdit: true).render(), status: .unprocessableEntity)
        }
        let current = loaded.programme.strategicPlan
        switch try await Workspace.commit(req, loaded, base: form.base, current: Fingerprint.of(current), { $0.strategicPlan = plan }) {
        case .saved:
            return Workspace.redirect(req, to: SiteURL.strategy(loaded.id).path, flash: req.language.t("Το Στρατηγικό Σχέδιο αποθηκεύτηκε.", "The Strategic Plan was saved."))
        case .conflict:
            func describe(_ s: StrategicPlan) -> [(String, String)] {
                [("Όραμα", s.vision), ("SWOT", s.swot.map(\.text).joined(separator: "; ")), ("Κρίσιμα ζητήματα", s.criticalIssues.joined(separator: "; ")),
                 ("Κατευθυντήριες αρχές", s.guidingPrinciples.joined(separator: "; ")), ("Στρατηγικοί στόχοι", s.strategicGoals.map(\.text).joined(separator: "; ")),
                 ("Ενότητες προφίλ", s.profileSections.map(\.title).joined(separator: "; "))]
            }
            form.base = Fingerprint.of(current)
            return Workspace.html(StrategyPage(context: PageContext(req), loaded: loaded, form: form, errors: FieldErrors(),
                                               conflict: ConflictNotice.diff(describe(current), describe(plan)), canEdit: true).render(), status: .conflict)
        }
    }
}

struct StrategyPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var form: StrategyController.StrategyForm
    var errors: FieldErrors
    var conflict: ConflictNotice?
    var canEdit: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Στρατηγικό Σχέδιο", "Strategic Plan")
        let crumbs = [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path), (p.title, SiteURL.programme(p.id).path)]
        guard canEdit else {
            let plan = p.strategicPlan
            return Layout(title: title, context: c, breadcrumbs: crumbs, notice: p.note.isEmpty ? nil : p.note).render(.group(
                .h1(.text(title)),
                .h2(.text(c.t("Περιγραφή και αξιολόγηση της περιοχής", "Profile and assessment of the area"))),
                .forEach(plan.profileSections) { s in
                    .section(.h3(.text(s.title)), .p(.text(s.body)),
                             .if(!s.keyFigures.isEmpty, .table(.class("list"),
                                                                .thead(.tr(.th(.text(c.t("Μέγεθος", "Figure"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))), .th(.text(c.t("Μονάδα", "Unit"))), .th(.text(c.t("Έτος", "Year"))), .th(.text(c.t("Πηγή", "Source"))))),
                                                                .tbody(.forEach(s.keyFigures) { f in .tr(.td(.text(f.name)), .td(.class("num"), .text(Format.number(f.value))), .td(.text(f.unit)), .td(.text(String(f.year))), .td(.text(f.source))) }))))
                },
                .h2(.text("SWOT")),
                .div(.class("swot"), .forEach(SWOTItem.Quadrant.allCases) { q in
                    .section(.h3(.text(q.greek)), .ul(.forEach(plan.swot(q)) { .li(.text($0.text)) }))
                }),
                .h2(.text(c.t("Κρίσιμα ζητήματα", "Critical issues"))), .ul(.forEach(plan.criticalIssues) { .li(.text($0)) }),
                .h2(.text(c.t("Όραμα", "Vision"))), .p(.text(plan.vision)),
                .h2(.text(c.t("Κατευθυντήριες αρχές", "Guiding principles"))), .ul(.forEach(plan.guidingPrinciples) { .li(.text($0)) }),
                .h2(.text(c.t("Στρατηγική: γενικοί στόχοι ανά άξονα", "Strategy: general goals per axis"))),
                .forEach(p.axes) { axis in
                    .section(.h3(.text("\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)")),
                             .ul(.forEach(plan.strategicGoals.filter { $0.axisID == axis.id }) { .li(.text($0.text)) }))
                }
            ))
        }
        var rows = (form.section ?? [:]).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { $0.value }
        rows.append(StrategyController.SectionRow())
        let lineHint = c.t("Ένα στοιχείο ανά γραμμή.", "One item per line.")
        return Layout(title: title, context: c, breadcrumbs: crumbs).render(.group(
            .h1(.text(title)),
            .form(.method(.post), .action(SiteURL.strategy(p.id).path),
                  c.csrfField,
                  .input(.type(.hidden), .name("base"), .value(Escape.attribute(form.base ?? ""))),
                  .unwrap(conflict) { $0.node(c) },
                  FormField.errorSummary(errors, c),
                  .fieldset(.element(named: "legend", text: c.t("Περιγραφή και αξιολόγηση της περιοχής", "Profile and assessment of the area")),
                            .forEach(Array(rows.enumerated())) { i, row in
                                .fieldset(.class("section"),
                                          .element(named: "legend", text: row.id == nil ? c.t("Νέα ενότητα", "New section") : c.t("Ενότητα \(i + 1)", "Section \(i + 1)")),
                                          .input(.type(.hidden), .name("section[\(i)][id]"), .value(Escape.attribute(row.id ?? ""))),
                                          FormField.text("section[\(i)][title]", c.t("Τίτλος", "Title"), row.title ?? "", errors: errors),
                                          FormField.textarea("section[\(i)][body]", c.t("Κείμενο", "Text"), row.body ?? "", errors: errors, rows: 4),
                                          FormField.textarea("section[\(i)][figures]", c.t("Βασικά μεγέθη", "Key figures"), row.figures ?? "", errors: errors, rows: 3,
                                                         hint: c.t("Μία γραμμή ανά μέγεθος: όνομα | τιμή | μονάδα | έτος | πηγή. Για να αφαιρέσετε ενότητα, αδειάστε όλα τα πεδία της.",
                                                                   "One line per figure: name | value | unit | year | source. To remove a section, clear all its fields.")))
                            }),
                  .fieldset(.element(named: "legend", text: "SWOT"),
                            .forEach(SWOTItem.Quadrant.allCases) { q in
                                FormField.textarea("swot[\(q.rawValue)]", q.greek, form.swot?[q.rawValue] ?? "", errors: errors, rows: 4, hint: lineHint)
                            }),
                  FormField.textarea("criticalIssues", c.t("Κρίσιμα ζητήματα", "Critical issues"), form.criticalIssues ?? "", errors: errors, rows: 4, hint: lineHint),
                  FormField.textarea("vision", c.t("Όραμα", "Vision"), form.vision ?? "", errors: errors, rows: 4),
                  FormField.textarea("principles", c.t("Κατευθυντήριες αρχές", "Guiding principles"), form.principles ?? "", errors: errors, rows: 4, hint: lineHint),
                  .fieldset(.element(named: "legend", text: c.t("Γενικοί στόχοι ανά άξονα", "General goals per axis")),
                            .forEach(p.axes) { axis in
                                FormField.textarea("goals[\(axis.id.uuidString)]", "\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)", form.goals?[axis.id.uuidString] ?? "", errors: errors, rows: 3, hint: lineHint)
                            }),
                  FormField.submit(c.t("Αποθήκευση", "Save")))
        ))
    }
}
