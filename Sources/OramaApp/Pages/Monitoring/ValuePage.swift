import Foundation
import OramaDomain
import Plot

struct ValuePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var indicator: Indicator
    var form: ValueForm
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let i = indicator
        let title = c.t("Τιμή δείκτη \(i.code)", "Value of indicator \(i.code)")
        let periods = i.reportingPeriods(in: p.years).filter { $0.firstDay <= c.today }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text("\(i.name) (\(i.unit))")),
            .form(.method(.post), .action(SiteURL.values(p.id, i.id, period: nil).path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.select("period", c.t("Περίοδος", "Period"), periods.reversed().map { ($0.code, $0.label(c.language) + (p.lockedPeriods.contains($0) ? c.t(" (κλειδωμένη)", " (locked)") : "")) },
                                   selected: form.period ?? "", errors: errors, required: true),
                  FormField.text("value", c.t("Τιμή (\(i.unit))", "Value (\(i.unit))"), form.value ?? "", errors: errors, required: true,
                                 hint: i.targets[Int((form.period ?? "").prefix(4)) ?? 0].map { c.t("Στόχος του έτους: \(Format.number($0)) \(i.unit)", "Target of the year: \(Format.number($0)) \(i.unit)") },
                                 extra: [.attribute(named: "inputmode", value: "decimal")]),
                  FormField.textarea("note", c.t("Σημείωση", "Note"), form.note ?? "", errors: errors, rows: 2),
                  FormField.text("reason", c.t("Λόγος διόρθωσης (μόνο για περίοδο που έχει λήξει και έχει ήδη τιμή)", "Reason for a correction (only for an ended period already reported)"),
                                 form.reason ?? "", errors: errors),
                  FormField.submit(c.t("Καταχώριση", "Record")))
        ))
    }
}
