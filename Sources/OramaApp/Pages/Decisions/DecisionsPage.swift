import Foundation
import OramaDomain
import Plot

/// The decisions taken on the programme, with their ΑΔΑ linked to Diavgeia and the PDF; the
/// form to record one for the planning office.
struct DecisionsPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var decisions: [Decision]
    var form: DecisionsController.Form
    var errors: FieldErrors
    var canRecord: Bool

    private func row(_ d: Decision) -> Node<HTML.TableContext> {
        let c = context
        let subject: Node<HTML.BodyContext> = d.act == .other ? .text(d.subject) : .group(.strong(.text(d.act.label(c.language))), .br(), .text(d.subject))
        let ada: Node<HTML.BodyContext> = d.ada.map { .a(.href($0.diavgeiaURL), .attribute(named: "rel", value: "noopener"), .text($0.code)) } ?? .text("—")
        let file: Node<HTML.BodyContext> = d.document.map { doc in
            .a(.href(SiteURL.decisionFile(loaded.id, d.id).path), .text("PDF, \(GreekNumber.format(max(1, (Double(doc.bytes) / 1024).rounded()))) KB"))
        } ?? .text("—")
        return .tr(.td(.text(d.date.description)), .td(.text(d.body.label(c.language))), .td(.text(d.number)), .td(subject), .td(ada), .td(file))
    }

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Αποφάσεις", "Decisions")
        return Layout(title: title + " · " + p.title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.class("hint"), .text(c.t("Οι αποφάσεις των οργάνων του Δήμου για το πρόγραμμα: έγκριση Αʹ και Βʹ Φάσης, γνώμη της Επιτροπής Διαβούλευσης, αναθεωρήσεις.",
                                          "The decisions of the municipality's bodies on the programme: approval of Phases A and B, the consultation committee's opinion, revisions."))),
            decisions.isEmpty ? .p(.text(c.t("Δεν έχει καταχωριστεί καμία απόφαση.", "No decision has been recorded."))) :
            Wide.region(c.t("Πίνακας αποφάσεων", "Table of decisions"),
                 .table(.class("list"),
                        .caption(.text(c.t("Αποφάσεις με χρονολογική σειρά", "Decisions in date order"))),
                        .thead(.tr(.th(.text(c.t("Ημερομηνία", "Date"))), .th(.text(c.t("Όργανο", "Body"))), .th(.text(c.t("Αριθμός", "Number"))),
                                   .th(.text(c.t("Θέμα", "Subject"))), .th(.text("ΑΔΑ")), .th(.text(c.t("Έγγραφο", "Document"))))),
                        .tbody(.forEach(decisions) { d in row(d) }))),
            .if(canRecord, .group(
                .h2(.text(c.t("Καταχώριση απόφασης", "Record a decision"))),
                .form(.method(.post), .action(SiteURL.decisions(p.id).path), .enctype(.multipartData), .class("narrow noprint"),
                      c.csrfField,
                      FormField.errorSummary(errors, c),
                      FormField.select("body", c.t("Όργανο", "Body"), Decision.Body.allCases.map { ($0.rawValue, $0.label(c.language)) },
                                       selected: form.body ?? Decision.Body.council.rawValue, errors: errors, required: true),
                      FormField.select("act", c.t("Τι αποφασίζεται", "What it decides"), Decision.Act.allCases.map { ($0.rawValue, $0.label(c.language)) },
                                       selected: form.act ?? Decision.Act.other.rawValue, errors: errors, required: true),
                      FormField.text("number", c.t("Αριθμός απόφασης", "Decision number"), form.number ?? "", errors: errors, required: true,
                                     hint: c.t("Όπως τον δίνει το όργανο, π.χ. 45/2025.", "As the body numbers it, e.g. 45/2025.")),
                      FormField.text("date", c.t("Ημερομηνία", "Date"), form.date ?? "", errors: errors, required: true,
                                     hint: c.t("ηη/μμ/εεεε", "dd/mm/yyyy")),
                      FormField.textarea("subject", c.t("Θέμα", "Subject"), form.subject ?? "", errors: errors, rows: 3),
                      FormField.text("ada", "ΑΔΑ", form.ada ?? "", errors: errors,
                                     hint: c.t("Ο Αριθμός Διαδικτυακής Ανάρτησης στη Διαύγεια, π.χ. ΨΔ44ΩΕΝ-Ο7Ω.", "The act's number on Diavgeia, e.g. ΨΔ44ΩΕΝ-Ο7Ω.")),
                      .div(.class(errors["file"] == nil ? "field" : "field invalid"),
                           .label(.for(FormField.fieldID("file")), .text(c.t("Η απόφαση σε PDF (έως 10 MB)", "The decision as PDF (up to 10 MB)"))),
                           .input(.type(.file), .id(FormField.fieldID("file")), .name("file"), .attribute(named: "accept", value: ".pdf,application/pdf")),
                           .if(errors["file"] != nil, .p(.class("error"), .id(FormField.fieldID("file") + "-note"), .text(errors["file"] ?? "")))),
                      FormField.submit(c.t("Καταχώριση", "Record")))))
        ))
    }
}
