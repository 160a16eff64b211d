import Foundation
import OramaDomain
import Plot
import Vapor

struct StrategyPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var form: StrategyForm
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
                             .if(!s.keyFigures.isEmpty, Wide.region(c.t("Βασικά μεγέθη: \(s.title)", "Key figures: \(s.title)"), .table(.class("list"),
                                                                .thead(.tr(.th(.text(c.t("Μέγεθος", "Figure"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))), .th(.text(c.t("Μονάδα", "Unit"))), .th(.text(c.t("Έτος", "Year"))), .th(.text(c.t("Πηγή", "Source"))))),
                                                                .tbody(.forEach(s.keyFigures) { f in .tr(.td(.text(f.name)), .td(.class("num"), .text(Format.number(f.value))), .td(.text(f.unit)), .td(.text(String(f.year))), .td(.text(f.source))) })))))
                },
                .h2(.text("SWOT")),
                .div(.class("swot"), .forEach(SWOTItem.Quadrant.allCases) { q in
                    .section(.h3(.text(q.label(c.language))), .ul(.forEach(plan.swot(q)) { .li(.text($0.text)) }))
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
        rows.append(SectionRow())
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
                                FormField.textarea("swot[\(q.rawValue)]", q.label(c.language), form.swot?[q.rawValue] ?? "", errors: errors, rows: 4, hint: lineHint)
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
