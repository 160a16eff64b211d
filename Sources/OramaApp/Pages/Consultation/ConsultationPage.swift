import Foundation
import OramaDomain
import Plot

/// The public consultation as citizens see it: when it runs, the documents, every axis,
/// measure and objective open to comment, the comments published with the office's answers,
/// and the form (name, e-mail to confirm, the comment).
struct ConsultationPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var consultation: Consultation
    var isOpen: Bool
    var comments: [PublicComment]
    var form: ConsultationController.CommentForm
    var errors: FieldErrors
    var notice: String?

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Δημόσια διαβούλευση", "Public consultation")
        let state = isOpen ? c.t("Ανοιχτή: σχόλια γίνονται δεκτά έως και τις \(consultation.end).", "Open: comments are accepted until the end of \(consultation.end).")
            : consultation.hasClosed(by: c.today) ? c.t("Έληξε στις \(consultation.end).", "Closed on \(consultation.end).")
            : c.t("Αρχίζει στις \(consultation.start).", "Opens on \(consultation.start).")
        let byPart = Dictionary(grouping: comments) { comment -> UUID? in
            if case .part(let id) = comment.subject { return id } else { return nil }
        }
        return Layout(title: title + " · " + p.title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.class("lead"), .text(c.t("Ο Δήμος θέτει σε δημόσια διαβούλευση τη στρατηγική του προγράμματος — το όραμα, τους άξονες, τα μέτρα και τους στόχους — πριν από την έγκριση της Βʹ Φάσης από το Δημοτικό Συμβούλιο.",
                                         "The municipality puts the programme's strategy — vision, axes, measures and objectives — to public consultation before the council approves Phase B."))),
            .dl(.class("facts"),
                .dt(.text(c.t("Διάρκεια", "Period"))), .dd(.text("\(consultation.start) – \(consultation.end)")),
                .dt(.text(c.t("Κατάσταση", "State"))), .dd(.text(state)),
                .dt(.text(c.t("Δημοσιευμένα σχόλια", "Comments published"))), .dd(.text(String(comments.count)))),
            .unwrap(notice) { .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .h2(.text(c.t("Τα κείμενα της διαβούλευσης", "The consultation's documents"))),
            .ul(.li(.a(.href(SiteURL.document(p.id, kind: "phase-a", format: "docx", year: nil).path), .text(c.t("Αʹ Φάση: Στρατηγικός Σχεδιασμός (Word)", "Phase A: strategic plan (Word)")))),
                .li(.a(.href(SiteURL.document(p.id, kind: "phase-a", format: "html", year: nil).path), .text(c.t("Αʹ Φάση, για ανάγνωση και εκτύπωση", "Phase A, to read and print")))),
                .li(.a(.href(SiteURL.strategy(p.id).path), .text(c.t("Το Στρατηγικό Σχέδιο στη σελίδα", "The strategic plan on the site")))),
                .li(.a(.href(SiteURL.approvalPath(p.id).path), .text(c.t("Η πορεία έγκρισης και οι αποφάσεις", "The approval path and its decisions"))))),
            .h2(.text(c.t("Τι τίθεται σε διαβούλευση", "What is open to comment"))),
            .ul(.class("consultation-parts"), .forEach(p.axes) { axis in
                .li(part(axis.id, "\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)", count: byPart[axis.id]?.count ?? 0),
                    .ul(.forEach(axis.measures) { measure in
                        .li(part(measure.id, "\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)", count: byPart[measure.id]?.count ?? 0),
                            .ul(.forEach(measure.objectives) { o in
                                .li(part(o.id, "\(c.t("Στόχος", "Objective")) \(o.code): \(o.title)", count: byPart[o.id]?.count ?? 0))
                            }))
                    }))
            }),
            .h2(.text(c.t("Σχόλια πολιτών", "Citizens' comments"))),
            comments.isEmpty ? .p(.text(c.t("Δεν έχει δημοσιευθεί ακόμη κανένα σχόλιο. Τα σχόλια δημοσιεύονται αφού τα επιβεβαιώσουν οι αποστολείς τους και τα ελέγξει η υπηρεσία.",
                                            "No comment has been published yet. Comments are published once their senders confirm them and the office has checked them.")))
                : .group(.forEach(comments) { comment in commentView(comment) }),
            .if(isOpen, formSection())
        ))
    }

    private func part(_ id: UUID, _ label: String, count: Int) -> Node<HTML.BodyContext> {
        let c = context
        return .group(.text(label),
                      .if(count > 0, .text(" · " + Plural.count(count, ("σχόλιο", "σχόλια"), ("comment", "comments"), c.language))),
                      .if(isOpen, .group(.text(" · "), .a(.href(SiteURL.consultation(loaded.id, part: id).path + "#comment-form"),
                                                           .text(c.t("Σχολιάστε", "Comment")),
                                                           .span(.class("visually-hidden"), .text(" " + label))))))
    }

    private func commentView(_ comment: PublicComment) -> Node<HTML.BodyContext> {
        let c = context
        return .article(.class("public-comment"), .id("comment-\(comment.id.uuidString.lowercased())"),
                        .h3(.text(comment.subjectLabel)),
                        .p(.class("hint"), .text("\(comment.name) · \(CalendarDate(comment.submittedAt))")),
                        .p(.text(comment.text)),
                        .if(!comment.answer.isEmpty, .div(.class("answer"),
                            .p(.strong(.text(c.t("Απάντηση της υπηρεσίας", "The office's answer") + (comment.outcome.map { " (\($0.label(c.language)))" } ?? "") + ": "))),
                            .p(.text(comment.answer)))))
    }

    private func formSection() -> Node<HTML.BodyContext> {
        let c = context
        let options = [("", ConsultationController.wholeLabel)] + ConsultationController.parts(loaded.programme).map { ($0.id.uuidString, $0.label) }
        return .section(.id("comment-form"),
            .h2(.text(c.t("Υποβολή σχολίου", "Send a comment"))),
            .p(.class("hint"), .text(c.t("Θα σας στείλουμε e-mail με σύνδεσμο επιβεβαίωσης· το σχόλιο μετρά όταν τον ανοίξετε και δημοσιεύεται, με το όνομά σας, αφού το ελέγξει η υπηρεσία. Η διεύθυνση e-mail δεν δημοσιεύεται και χρησιμοποιείται μόνο για την επιβεβαίωση.",
                                         "We will e-mail you a confirmation link; the comment counts once you open it and is published, with your name, after the office has checked it. Your e-mail address is never published and is used only for the confirmation."))),
            .form(.method(.post), .action(SiteURL.consultation(loaded.id, part: nil).path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.select("part", c.t("Αφορά", "On"), options, selected: form.part ?? "", errors: errors),
                  FormField.text("name", c.t("Ονοματεπώνυμο ή φορέας", "Name or organisation"), form.name ?? "", errors: errors, required: true,
                                 extra: [.attribute(named: "autocomplete", value: "name")]),
                  FormField.text("email", "E-mail", form.email ?? "", errors: errors, required: true, type: .email,
                                 extra: [.attribute(named: "autocomplete", value: "email")]),
                  FormField.textarea("text", c.t("Σχόλιο", "Comment"), form.text ?? "", errors: errors, rows: 6,
                                     hint: c.t("Από 10 έως 5.000 χαρακτήρες.", "10 to 5,000 characters.")),
                  .div(.class("hp"), .attribute(named: "aria-hidden", value: "true"),
                       .label(.for("field-website"), .text(c.t("Αφήστε αυτό το πεδίο κενό", "Leave this field empty"))),
                       .input(.type(.text), .id("field-website"), .name("website"), .attribute(named: "tabindex", value: "-1"),
                              .attribute(named: "autocomplete", value: "off"))),
                  FormField.submit(c.t("Αποστολή σχολίου", "Send the comment"))))
    }
}

/// The page of a confirmation link: what is confirmed, and the button that confirms it (a
/// link opened by a mail scanner confirms nothing).
struct ConfirmCommentPage {
    var context: PageContext
    var token: String
    var comment: PublicComment?
    var outcome: PublicCommentStore.Confirmation?

    func render() -> String {
        let c = context
        let title = c.t("Επιβεβαίωση σχολίου", "Confirm a comment")
        let body: Node<HTML.BodyContext>
        switch outcome {
        case .confirmed, .alreadyConfirmed:
            body = .p(.text(c.t("Ευχαριστούμε· το σχόλιό σας επιβεβαιώθηκε. Θα δημοσιευθεί αφού το ελέγξει η υπηρεσία.",
                                "Thank you; your comment is confirmed. It will be published once the office has checked it.")))
        case .expired:
            body = .p(.text(c.t("Ο σύνδεσμος έληξε (ισχύει 48 ώρες από την αποστολή)· στείλτε ξανά το σχόλιο όσο η διαβούλευση είναι ανοιχτή.",
                                "The link has expired (it is good for 48 hours); send the comment again while the consultation is open.")))
        case .unknown:
            body = .p(.text(c.t("Ο σύνδεσμος δεν αντιστοιχεί σε κανένα σχόλιο.", "The link matches no comment.")))
        case nil:
            if let comment {
                body = .group(
                    .p(.text(c.t("Επιβεβαιώστε ότι στείλατε εσείς το παρακάτω σχόλιο:", "Confirm that you sent this comment:"))),
                    .blockquote(.p(.strong(.text(comment.subjectLabel))), .p(.text(comment.text))),
                    .form(.method(.post), .action(SiteURL.confirmComment(token: token).path), c.csrfField,
                          FormField.submit(c.t("Επιβεβαίωση", "Confirm"))))
            } else {
                body = .p(.text(c.t("Ο σύνδεσμος δεν αντιστοιχεί σε κανένα σχόλιο.", "The link matches no comment.")))
            }
        }
        return Layout(title: title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path)]).render(.group(.h1(.text(title)), body))
    }
}
