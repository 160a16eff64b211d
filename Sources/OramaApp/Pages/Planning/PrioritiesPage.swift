import Foundation
import OramaDomain
import Plot

struct PrioritiesPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var canEdit: Bool
    var errors: [String: String]

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let whole = p.ranking(of: p.actions, reference: r)
        let title = c.t("Ιεράρχηση δράσεων", "Prioritisation of actions")
        func table(_ ranked: [(Action, PriorityScore)], caption: String, editable: Bool) -> Node<HTML.BodyContext> {
            Wide.region(caption, .table(.class("list"),
                   .caption(.text(caption)),
                   .thead(.tr(.th(.text("#")), .th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.class("num"), .text(c.t("Βαθμός", "Score"))),
                              .th(.text(c.t("Ανάλυση", "Breakdown"))), .if(editable, .th(.text(c.t("Σειρά (προαιρετικά)", "Rank (optional)")))))),
                   .tbody(.forEach(Array(ranked.enumerated())) { i, item in
                       let (a, score) = item
                       return .tr(.td(.text(String(i + 1))), .td(.text(a.code)), .td(.a(.href(SiteURL.action(p.id, a.id).path), .text(a.title))),
                                  .td(.class("num"), .text(Format.number((score.score * 10).rounded() / 10))),
                                  .td(.class("hint"), .text(score.parts.map { "\($0.criterion) \(Format.number(($0.points * 10).rounded() / 10))/\(Format.number($0.weight))" }.joined(separator: " · "))),
                                  .if(editable, .td(.input(.type(.hidden), .name("was[\(a.id.uuidString)]"), .value(a.rank.map(String.init) ?? "")),
                                                    .input(.type(.text), .name("rank[\(a.id.uuidString)]"), .value(a.rank.map(String.init) ?? ""),
                                                           .attribute(named: "inputmode", value: "numeric"), .attribute(named: "size", value: "4"),
                                                           errors[a.id.uuidString] == nil ? Attribute<HTML.InputContext>.empty : .attribute(named: "aria-invalid", value: "true"),
                                                           .attribute(named: "aria-label", value: Escape.attribute(c.t("Σειρά της δράσης \(a.code)", "Rank of action \(a.code)")))),
                                                    .unwrap(errors[a.id.uuidString]) { .p(.class("error"), .text($0)) })))
                   })))
        }
        let measures: Node<HTML.BodyContext> = .forEach(p.measures) { measure in
            .section(.h3(.text("\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)")),
                     table(p.ranking(of: measure.objectives.flatMap(\.actions), reference: r), caption: c.t("Σειρά των δράσεων του μέτρου", "Order of the measure's actions"), editable: false))
        }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Βαθμός 0–100 από πέντε κριτήρια: επείγον (30), ωριμότητα (25), εξασφαλισμένη χρηματοδότηση εκτός ιδίων πόρων και δανείων (20), υπερτοπική εμβέλεια (10), στρατηγική συνάφεια: δείκτης στον στόχο και στρατηγικοί στόχοι στον άξονα (15). Η σειρά που ορίζει η Υπηρεσία Προγραμματισμού προηγείται του βαθμού.",
                         "A 0–100 score from five criteria: urgency (30), maturity (25), secured funding other than own resources and loans (20), supra-local reach (10), strategic fit (15). The order set by the planning service comes before the score."))),
            .h2(.text(c.t("Όλο το πρόγραμμα", "The whole programme"))),
            canEdit ? .form(.method(.post), .action(SiteURL.priorities(p.id).path), c.csrfField,
                            .div(.class("error-summary-slot"), .if(!errors.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"),
                                                                                       .text(c.t("Δεν αποθηκεύτηκε τίποτα· διορθώστε τις σειρές που σημειώνονται.", "Nothing was saved; correct the marked ranks."))))),
                            .div(.component(NodeComponent(node: table(whole, caption: c.t("Σειρά προτεραιότητας όλων των δράσεων", "Priority order of all actions"), editable: true)))),
                            FormField.submit(c.t("Αποθήκευση σειράς", "Save order")))
                    : table(whole, caption: c.t("Σειρά προτεραιότητας όλων των δράσεων", "Priority order of all actions"), editable: false),
            .h2(.text(c.t("Ανά μέτρο", "Per measure"))),
            measures
        ))
    }
}
