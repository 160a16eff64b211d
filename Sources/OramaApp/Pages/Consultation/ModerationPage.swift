import Foundation
import OramaDomain
import Plot

/// The planning office's list of the consultation's comments: each with its sender, whether it
/// is confirmed, and the form to publish or hide it (with the reason), answer it and say how it
/// was taken into account.
struct ModerationPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var consultation: Consultation
    var comments: [PublicComment]
    var errors: [UUID: FieldErrors]

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Σχόλια της διαβούλευσης", "Consultation comments")
        let confirmed = comments.filter { $0.confirmedAt != nil }
        return Layout(title: title + " · " + p.title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Διαβούλευση \(consultation.start) – \(consultation.end): ", "Consultation \(consultation.start) – \(consultation.end): ")
                     + [Plural.count(comments.count, ("σχόλιο", "σχόλια"), ("comment", "comments"), c.language),
                        c.t("επιβεβαιωμένα: \(confirmed.count)", "confirmed: \(confirmed.count)"),
                        c.t("αναμένουν έλεγχο: \(confirmed.filter { $0.moderation == .pending }.count)", "awaiting review: \(confirmed.filter { $0.moderation == .pending }.count)"),
                        c.t("δημοσιευμένα χωρίς απάντηση: \(comments.filter(\.isPublic).filter { $0.answer.isEmpty }.count)", "published without an answer: \(comments.filter(\.isPublic).filter { $0.answer.isEmpty }.count)")]
                        .joined(separator: " · "))),
            .p(.a(.class("button"), .href(SiteURL.consultationReport(p.id, format: "docx").path), .text(c.t("Έκθεση διαβούλευσης (Word)", "Consultation report (Word)"))),
               .text(" "), .a(.href(SiteURL.consultationReport(p.id, format: "html").path), .text(c.t("για εκτύπωση", "for print"))),
               .text(" · "), .a(.href(SiteURL.consultation(p.id, part: nil).path), .text(c.t("η δημόσια σελίδα", "the public page")))),
            comments.isEmpty ? .p(.text(c.t("Δεν έχει υποβληθεί κανένα σχόλιο.", "No comment has been sent."))) : .group(.forEach(comments) { item($0) })
        ))
    }

    private func item(_ comment: PublicComment) -> Node<HTML.BodyContext> {
        let c = context
        let id = comment.id
        let errors = self.errors[id] ?? FieldErrors()
        let state = comment.confirmedAt == nil ? c.t("Ανεπιβεβαίωτο", "Unconfirmed") : comment.moderation.label(c.language)
        return .article(.class("public-comment"), .id("comment-\(id)"),
            .h2(.text(comment.subjectLabel)),
            .p(.class("hint"), .text("\(comment.name) <\(comment.email)> · \(CalendarDate(comment.submittedAt)) · \(state)")),
            .p(.text(comment.text)),
            .form(.method(.post), .action(SiteURL.moderateComment(loaded.id, id).path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.select("moderation", c.t("Δημοσίευση", "Publication"),
                                   PublicComment.Moderation.allCases.map { ($0.rawValue, $0.label(c.language)) },
                                   selected: comment.moderation.rawValue, errors: errors, key: "moderation-\(id)"),
                  FormField.text("reason", c.t("Λόγος μη δημοσίευσης (φυλάσσεται, δεν δημοσιεύεται)", "Why it is not published (kept, not shown)"),
                                 comment.moderationReason, errors: errors, key: "reason-\(id)"),
                  textarea("answer", c.t("Απάντηση της υπηρεσίας", "The office's answer"), comment.answer, errors: errors, key: "answer-\(id)"),
                  FormField.select("outcome", c.t("Πώς αξιοποιήθηκε", "How it was taken into account"),
                                   [("", "—")] + PublicComment.Outcome.allCases.map { ($0.rawValue, $0.label(c.language)) },
                                   selected: comment.outcome?.rawValue ?? "", errors: errors, key: "outcome-\(id)"),
                  FormField.submit(c.t("Αποθήκευση", "Save"))))
    }

    /// A textarea whose id and error are this comment's (several forms post the same name).
    private func textarea(_ name: String, _ label: String, _ value: String, errors: FieldErrors, key: String) -> Node<HTML.FormContext> {
        let error = errors[key]
        return .div(.class(error == nil ? "field" : "field invalid"),
                    .label(.for(FormField.fieldID(key)), .text(label)),
                    .textarea(.id(FormField.fieldID(key)), .name(name), .rows(3), .raw(Escape.attribute(value))),
                    .if(error != nil, .p(.class("error"), .text(error ?? ""))))
    }
}
