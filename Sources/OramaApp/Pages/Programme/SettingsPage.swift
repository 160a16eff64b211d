import Foundation
import OramaDomain
import Plot

struct SettingsPage {
    var context: PageContext
    var programme: LoadedProgramme?
    var form: SettingsForm
    var errors: FieldErrors
    var conflict: ConflictNotice?
    var organisations: [Organisation] = []

    func render() -> String {
        let c = context
        let title = programme == nil ? c.t("Νέο πρόγραμμα", "New programme") : c.t("Ρυθμίσεις προγράμματος", "Programme settings")
        let action = programme.map { SiteURL.settings($0.id).path } ?? SiteURL.newProgramme.path
        var crumbs = [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path)]
        if let programme { crumbs.append((programme.programme.title, SiteURL.programme(programme.id).path)) }
        return Layout(title: title, context: c, breadcrumbs: crumbs).render(.group(
            .h1(.text(title)),
            .form(.method(.post), .action(action), .class("narrow"),
                  c.csrfField,
                  .input(.type(.hidden), .name("base"), .value(Escape.attribute(form.base ?? ""))),
                  .unwrap(conflict) { $0.node(c) },
                  FormField.errorSummary(errors, c),
                  .if(programme == nil && c.user?.organisationID == nil,
                      FormField.select("organisation", c.t("Δήμος", "Municipality"), organisations.map { ($0.id.uuidString, $0.name) },
                                       selected: form.organisation ?? "", errors: errors, required: true)),
                  FormField.text("title", c.t("Τίτλος", "Title"), form.title ?? "", errors: errors, required: true),
                  FormField.text("startYear", c.t("Έτος έναρξης", "Start year"), form.startYear ?? "", errors: errors, required: true, type: .number),
                  FormField.text("endYear", c.t("Έτος λήξης", "End year"), form.endYear ?? "", errors: errors, type: .number,
                             hint: c.t("Πενταετές από προεπιλογή.", "Five years by default.")),
                  .unwrap(programme) { loaded in
                      .p(.class("hint"), .text(c.t("Κατάσταση: \(loaded.programme.status.label(c.language)). Αλλάζει μόνο με τα βήματα της ", "Status: \(loaded.programme.status.label(c.language)). It changes only through the steps of the ")),
                         .a(.href(SiteURL.approvalPath(loaded.id).path), .text(c.t("πορείας έγκρισης", "approval path"))),
                         .text(c.t(" (αποφάσεις του Δημοτικού Συμβουλίου, διαβούλευση, δημοσίευση).", " (council decisions, consultation, publication).")))
                  },
                  FormField.textarea("note", c.t("Σημείωση σε κάθε σελίδα", "Note on every page"), form.note ?? "", errors: errors, rows: 2),
                  FormField.select("reportingFrequency", c.t("Συχνότητα αναφορών προόδου", "Progress reporting frequency"),
                                   ReportingCalendar.Frequency.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.reportingFrequency ?? "quarterly", errors: errors),
                  FormField.text("reportingDueDays", c.t("Προθεσμία αναφοράς (ημέρες μετά το τέλος της περιόδου)", "Reports due (days after the end of the period)"),
                                 form.reportingDueDays ?? "15", errors: errors, type: .number),
                  .if(programme.map { [.draft, .phaseAApproved].contains($0.programme.status) } ?? true, .group(
                  FormField.text("consultationStart", c.t("Έναρξη διαβούλευσης (ΗΗ/ΜΜ/ΕΕΕΕ)", "Consultation opens (DD/MM/YYYY)"), form.consultationStart ?? "", errors: errors,
                                 hint: c.t("Οι προγραμματισμένες ημέρες· όταν η διαβούλευση ανοίξει στην πορεία έγκρισης, ισχύουν οι ημέρες εκείνου του βήματος.",
                                           "The planned days; once the consultation is opened on the approval path, that step's days hold.")),
                  FormField.text("consultationEnd", c.t("Λήξη διαβούλευσης (ΗΗ/ΜΜ/ΕΕΕΕ)", "Consultation closes (DD/MM/YYYY)"), form.consultationEnd ?? "", errors: errors))),
                  .unwrap(programme.flatMap { [.draft, .phaseAApproved].contains($0.programme.status) ? nil : $0.programme.keyDates }) { dates in
                      .p(.text(c.t("Διαβούλευση: ", "Consultation: ") + [dates.consultationStart, dates.consultationEnd].map { $0?.description ?? "—" }.joined(separator: "–")
                               + c.t(" (οι ημέρες του βήματος της πορείας έγκρισης)", " (the days of the approval path's step)")))
                  },
                  FormField.text("councilSession", c.t("Συνεδρίαση δημοτικού συμβουλίου (ΗΗ/ΜΜ/ΕΕΕΕ)", "Municipal council session (DD/MM/YYYY)"), form.councilSession ?? "", errors: errors),
                  FormField.submit(c.t("Αποθήκευση", "Save")))
        ))
    }
}
