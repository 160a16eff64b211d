import Foundation
import OramaDomain
import Plot
import Vapor

struct IndicatorFormPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var indicatorID: UUID?
    var form: IndicatorForm
    var errors: FieldErrors
    var conflict: ConflictNotice?

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = indicatorID == nil ? c.t("Νέος δείκτης", "New indicator") : c.t("Επεξεργασία δείκτη \(form.code ?? "")", "Edit indicator \(form.code ?? "")")
        let target = indicatorID.map { SiteURL.editIndicator(p.id, $0).path } ?? SiteURL.newIndicator(p.id, attachTo: nil).path
        let attachments = [("", "—")] + p.measures.flatMap { m in
            [("measure:" + m.id.uuidString, "\(c.t("Μέτρο", "Measure")) \(m.code). \(m.title)")]
                + m.objectives.map { ("objective:" + $0.id.uuidString, "— \(c.t("Στόχος", "Objective")) \($0.code). \($0.title)") }
        }
        let attachSelected: String = {
            let parts = (form.attachTo ?? "").split(separator: ":", maxSplits: 1).map(String.init)
            return parts.count == 2 ? "\(parts[0]):\(parts[1].uppercased())" : ""
        }()
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .form(.method(.post), .action(target), .class("narrow"),
                  c.csrfField,
                  .input(.type(.hidden), .name("base"), .value(Escape.attribute(form.base ?? ""))),
                  .unwrap(conflict) { $0.node(c) },
                  FormField.errorSummary(errors, c),
                  FormField.text("code", c.t("Κωδικός", "Code"), form.code ?? "", errors: errors, required: true),
                  FormField.text("name", c.t("Όνομα δείκτη", "Indicator name"), form.name ?? "", errors: errors, required: true),
                  FormField.select("kind", c.t("Κατηγορία", "Kind"), Indicator.Kind.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.kind ?? "", errors: errors, required: true),
                  FormField.text("unit", c.t("Μονάδα μέτρησης", "Unit"), form.unit ?? "", errors: errors, required: true),
                  FormField.select("direction", c.t("Κατεύθυνση", "Direction"), Indicator.Direction.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.direction ?? "", errors: errors, required: true),
                  FormField.text("baseline", c.t("Τιμή βάσης", "Baseline"), form.baseline ?? "", errors: errors, extra: [.attribute(named: "inputmode", value: "decimal")]),
                  FormField.text("baselineYear", c.t("Έτος τιμής βάσης", "Baseline year"), form.baselineYear ?? "", errors: errors, type: .number),
                  .fieldset(.element(named: "legend", text: c.t("Τιμές-στόχοι ανά έτος", "Targets per year")),
                            .forEach(Array(p.years)) { year in
                                FormField.text("target[\(year)]", String(year), form.target?[String(year)] ?? "", errors: errors, extra: [.attribute(named: "inputmode", value: "decimal")])
                            }),
                  FormField.text("dataSource", c.t("Πηγή δεδομένων", "Data source"), form.dataSource ?? "", errors: errors),
                  FormField.select("frequency", c.t("Συχνότητα μέτρησης", "Frequency"), Indicator.Frequency.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.frequency ?? "", errors: errors, required: true),
                  FormField.select("responsibleUnit", c.t("Υπεύθυνη υπηρεσία", "Responsible unit"), [("", "—")] + loaded.reference.units.map { ($0.id.uuidString, "\($0.code) · \($0.name)") },
                               selected: form.responsibleUnit?.uppercased() ?? "", errors: errors, required: true),
                  FormField.select("attachTo", c.t("Παρακολουθεί", "Monitors"), attachments, selected: attachSelected, errors: errors, required: true),
                  FormField.select("action", c.t("Δράση (προαιρετικά)", "Action (optional)"), [("", "—")] + p.actions.map { ($0.id.uuidString, "\($0.code). \($0.title)") },
                               selected: form.action?.uppercased() ?? "", errors: errors),
                  FormField.submit(c.t("Αποθήκευση", "Save")))
        ))
    }
}
