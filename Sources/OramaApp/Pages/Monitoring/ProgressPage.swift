import Foundation
import OramaDomain
import Plot

struct ProgressPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var action: Action
    var form: ProgressForm
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Πρόοδος δράσης \(action.code)", "Progress of action \(action.code)")
        let quarters = p.years.flatMap { y in (1...4).map { ReportingPeriod(year: y, quarter: $0) } }.filter { $0.firstDay <= c.today }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(action.title)),
            .form(.method(.post), .action(SiteURL.progress(p.id, action.id, period: nil).path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.select("period", c.t("Τρίμηνο", "Quarter"), quarters.reversed().map { ($0.code, $0.label(c.language) + (p.lockedPeriods.contains($0) ? c.t(" (κλειδωμένο)", " (locked)") : "")) },
                                   selected: form.period ?? "", errors: errors, required: true),
                  FormField.select("status", c.t("Κατάσταση", "Status"), ProgressUpdate.Status.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.status ?? "", errors: errors, required: true),
                  FormField.text("physicalProgress", c.t("Φυσικό αντικείμενο (%)", "Physical progress (%)"), form.physicalProgress ?? "", errors: errors, required: true, type: .number,
                                 extra: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "100")]),
                  FormField.text("spent", c.t("Δαπάνη έως σήμερα (€)", "Spent to date (€)"), form.spent ?? "", errors: errors, required: true,
                                 extra: [.attribute(named: "inputmode", value: "decimal")]),
                  .if(!action.milestones.isEmpty, FormField.checkboxes("milestones", c.t("Ορόσημα που ολοκληρώθηκαν", "Milestones done"),
                                                                       action.milestones.map { ($0.id.uuidString, "\($0.date.formatted) · \($0.title)") },
                                                                       checked: Set((form.milestones ?? []).map { $0.uppercased() }), errors: errors)),
                  FormField.textarea("comment", c.t("Σχόλιο (π.χ. αιτία καθυστέρησης)", "Comment (e.g. reason for delay)"), form.comment ?? "", errors: errors, rows: 3),
                  FormField.text("reason", c.t("Λόγος διόρθωσης (μόνο για περίοδο που έχει λήξει και έχει ήδη καταχώριση)", "Reason for a correction (only for an ended period already reported)"),
                                 form.reason ?? "", errors: errors),
                  FormField.submit(c.t("Καταχώριση", "Record")))
        ))
    }
}
