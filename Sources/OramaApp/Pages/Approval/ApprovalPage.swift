import Foundation
import OramaDomain
import Plot

/// The programme's path: each step with its date and the decision it rests on (number, ΑΔΑ
/// linked to Diavgeia, the PDF), the consultation's dates and the committee's opinion, the
/// versions before and after; for the planning office, the form of the next step.
struct ApprovalPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var state: ApprovalController.State
    var form: ApprovalController.StepForm
    var refusal: String?
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Πορεία έγκρισης", "Approval path")
        let next = ApprovalStep.next(after: p.status)
        let canAct = c.access.canTakeApprovalSteps(loaded.summary)
        return Layout(title: title + " · " + p.title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.class("hint"), .text(c.t("Το πρόγραμμα εγκρίνεται σε δύο φάσεις από το Δημοτικό Συμβούλιο, με δημόσια διαβούλευση και τη γνώμη της Επιτροπής Διαβούλευσης ανάμεσά τους (ΥΑ 41179/2014)· κάθε αναθεώρηση ακολουθεί την ίδια πορεία.",
                                          "The council approves the programme in two phases, with a public consultation and the consultation committee's opinion between them (Ministerial Decision 41179/2014); every revision takes the same path."))),
            .dl(.class("facts"),
                .dt(.text(c.t("Κατάσταση", "Status"))), .dd(.text(p.status.label(c.language))),
                .dt(.text(c.t("Έκδοση", "Version"))), .dd(.text(String(p.version))),
                .unwrap(state.previous) { prev in
                    .group(.dt(.text(c.t("Αναθεωρεί", "Revises"))),
                           .dd(.a(.href(SiteURL.approvalPath(prev.id).path), .text(c.t("την έκδοση \(prev.version)", "version \(prev.version)"))),
                               .text(" (\(prev.status.label(c.language))) · "),
                               .a(.href(SiteURL.changes(p.id).path), .text(c.t("τι αλλάζει: πίνακας μεταβολών", "what changes: table of changes")))))
                },
                .forEach(state.later) { later in
                    .group(.dt(.text(c.t("Αναθεώρηση", "Revision"))),
                           .dd(.a(.href(SiteURL.approvalPath(later.id).path), .text(c.t("έκδοση \(later.version)", "version \(later.version)"))),
                               .text(" (\(later.status.label(c.language)))")))
                }),
            .unwrap(refusal) { message in
                .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text(message)))
            },
            .h2(.text(c.t("Τα βήματα", "The steps"))),
            .ol(.class("path"), .forEach(ApprovalStep.allCases) { step in stepItem(step, next: next) }),
            .if(canAct, actions(next))
        ))
    }

    private func decision(_ id: UUID?) -> Decision? { id.flatMap { id in state.decisions.first { $0.id == id } } }

    private func stepItem(_ step: ApprovalStep, next: ApprovalStep?) -> Node<HTML.ListContext> {
        let c = context
        let record = state.steps.last { $0.step == step }
        let mark = record != nil ? c.t("Έγινε", "Done") : (step == next ? c.t("Επόμενο βήμα", "Next step") : c.t("Εκκρεμεί", "Pending"))
        return .li(.class(record != nil ? "done" : (step == next ? "next" : "pending")),
                   .h3(.text(step.label(c.language))),
                   .p(.strong(.text(mark)), .unwrap(record) { r in .text(" · " + r.date.description) }),
                   .unwrap(record?.consultation) { cons in
                       .p(.text(c.t("Από \(cons.start) έως \(cons.end)", "From \(cons.start) to \(cons.end)")),
                          .text(cons.isOpen(on: c.today) ? c.t(" · ανοιχτή τώρα", " · open now") : (cons.hasClosed(by: c.today) ? c.t(" · έληξε", " · closed") : c.t(" · δεν έχει αρχίσει", " · not yet open"))),
                          .text(" · "), .a(.href(SiteURL.consultation(loaded.id, part: nil).path), .text(c.t("η σελίδα της διαβούλευσης", "the consultation's page"))),
                          .if(c.access.canModeratePublicComments(loaded.summary), .group(
                              .text(" · "), .a(.href(SiteURL.publicComments(loaded.id).path), .text(c.t("τα σχόλια για έλεγχο", "comments to review"))))))
                   },
                   .unwrap(decision(record?.decisionID)) { d in decisionLine(d) },
                   .if(step == .openConsultation, .forEach(state.decisions.filter { $0.act == .committeeOpinion }) { d in decisionLine(d) }))
    }

    private func decisionLine(_ d: Decision) -> Node<HTML.BodyContext> {
        let c = context
        return .p(.text("\(d.body.label(c.language)), \(c.t("απόφαση", "decision")) \(d.number) (\(d.date))"),
                  .unwrap(d.ada) { ada in .group(.text(" · ΑΔΑ "), .a(.href(ada.diavgeiaURL), .attribute(named: "rel", value: "noopener"), .text(ada.code))) },
                  .if(d.document != nil, .group(.text(" · "), .a(.href(SiteURL.decisionFile(loaded.id, d.id).path), .text("PDF")))),
                  .if(d.act == .committeeOpinion, .text(" — " + d.act.label(c.language))))
    }

    private func actions(_ next: ApprovalStep?) -> Node<HTML.BodyContext> {
        let c = context
        let p = loaded.programme
        guard let next else {
            guard p.status == .published, state.later.allSatisfy({ $0.status == .superseded || $0.status == .published }) else { return .empty }
            return .section(.class("noprint"),
                            .h2(.text(c.t("Αναθεώρηση", "Revision"))),
                            .p(.text(c.t("Η αναθεώρηση ξεκινά ως σχέδιο με το ίδιο περιεχόμενο (έκδοση \(p.version + 1)) και περνά ξανά από το Δημοτικό Συμβούλιο και τη διαβούλευση· όταν δημοσιευθεί, αντικαθιστά αυτή την έκδοση.",
                                         "A revision starts as a draft with the same content (version \(p.version + 1)) and goes through the council and the consultation again; once published it supersedes this version."))),
                            .form(.method(.post), .action(SiteURL.revise(p.id).path), c.csrfField,
                                  FormField.submit(c.t("Νέα αναθεώρηση", "New revision"))))
        }
        let eligible = next.act.map { act in state.decisions.filter { $0.act == act } } ?? []
        return .section(.class("noprint"),
            .h2(.text(c.t("Επόμενο βήμα: ", "Next step: ") + next.label(c.language))),
            .form(.method(.post), .action(SiteURL.takeStep(p.id, step: next.rawValue).path), .class("narrow"),
                  c.csrfField,
                  .input(.type(.hidden), .name("counter"), .value(String(loaded.summary.changeCounter))),
                  FormField.errorSummary(errors, c),
                  .if(next.act != nil, eligible.isEmpty
                      ? .p(.text(c.t("Καταχωρίστε πρώτα την απόφαση «\(next.act?.greek ?? "")» στις ", "First record the decision «\(next.act.map { $0.label(c.language) } ?? "")» among the ")),
                           .a(.href(SiteURL.decisions(p.id).path), .text(c.t("αποφάσεις", "decisions"))), .text("."))
                      : FormField.select("decision", c.t("Απόφαση", "Decision"),
                                         eligible.map { ($0.id.uuidString, "\($0.number) (\($0.date))" + ($0.ada.map { " · ΑΔΑ \($0.code)" } ?? "")) },
                                         selected: form.decision ?? eligible.last?.id.uuidString ?? "", errors: errors, required: true)),
                  .if(next == .openConsultation, .group(
                      FormField.text("consultationStart", c.t("Πρώτη ημέρα", "First day"),
                                     form.consultationStart ?? p.keyDates.consultationStart?.description ?? "", errors: errors, required: true,
                                     hint: c.t("ηη/μμ/εεεε", "dd/mm/yyyy")),
                      FormField.text("consultationEnd", c.t("Τελευταία ημέρα", "Last day"),
                                     form.consultationEnd ?? p.keyDates.consultationEnd?.description ?? "", errors: errors, required: true,
                                     hint: c.t("ηη/μμ/εεεε· σχόλια γίνονται δεκτά έως το τέλος αυτής της ημέρας", "dd/mm/yyyy; comments are accepted until the end of this day")))),
                  .if(next == .approvePhaseB, .p(.class("hint"), .text(c.t("Χρειάζεται να έχει λήξει η διαβούλευση και να έχει καταχωριστεί η γνώμη της Επιτροπής Διαβούλευσης.",
                                                                             "The consultation must have closed and the consultation committee's opinion must be recorded.")))),
                  .if(next == .publish, .p(.class("hint"), .text(c.t("Με τη δημοσίευση το πρόγραμμα γίνεται δημόσιο· αν είναι αναθεώρηση, η προηγούμενη έκδοση σημειώνεται ως αντικατασταθείσα.",
                                                                       "Publishing makes the programme public; a revision supersedes the version before it.")))),
                  FormField.submit(next.label(c.language))))
    }
}
