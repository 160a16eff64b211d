import Foundation
import OramaDomain
import Plot

struct ActionPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var action: Action
    var access: Access
    var comments: [ItemComment]

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let a = action
        let path = p.actionPaths.first { $0.action.id == a.id }
        let body: String = {
            switch a.implementingBody {
            case .ownUnit: return c.t("Η αρμόδια υπηρεσία", "The responsible unit")
            case .legalEntity(let id): return r.legalEntity(id)?.name ?? "—"
            case .partner(let name, let contract): return contract.isEmpty ? name : "\(name) (\(contract))"
            }
        }()
        let years = Array(p.years)
        let sources = r.fundingSources.filter { s in a.fundingLines.contains { $0.sourceID == s.id } }
        let updates = p.progressUpdates.filter { $0.actionID == a.id }.reversed()
        let indicators = p.indicators.filter { $0.actionID == a.id }
        let title = "\(c.t("Δράση", "Action")) \(a.code): \(a.title)"
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p),
                      notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .p(.class("actions noprint"),
               .if(access.canEdit(a, in: loaded.summary), .a(.class("button"), .href(SiteURL.editAction(p.id, a.id).path), .text(c.t("Επεξεργασία", "Edit")))),
               .if(access.canEdit(a, in: loaded.summary), .a(.href(SiteURL.progress(p.id, a.id, period: nil).path), .text(c.t("Καταχώριση προόδου", "Record progress")))),
               .if(access.canSeeHistory(loaded.summary), .a(.href(SiteURL.actionHistory(p.id, a.id).path), .text(c.t("Ιστορικό αλλαγών", "Change history")))),
               .if(access.canEditPlan(loaded.summary), .a(.href(SiteURL.deleteNode(p.id, level: "action", id: a.id).path), .text(c.t("Διαγραφή", "Delete"))))),
            .unwrap(path) { path in
                .p(.class("hint"), .text("\(c.t("Άξονας", "Axis")) \(path.axis.code): \(path.axis.title) › \(c.t("Μέτρο", "Measure")) \(path.measure.code): \(path.measure.title) › \(c.t("Στόχος", "Objective")) \(path.objective.code): \(path.objective.title)"))
            },
            .unwrap(a.description.isEmpty ? nil : a.description) { .p(.text($0)) },
            .dl(.class("facts"),
                .dt(.text(c.t("Είδος", "Kind"))), .dd(.text(a.kind.label(c.language))),
                .dt(.text(c.t("Φύση", "Nature"))), .dd(.text(a.nature.label(c.language))),
                .dt(.text(c.t("Αρμόδια υπηρεσία", "Responsible unit"))), .dd(.text(r.unit(a.responsibleUnitID)?.name ?? "—")),
                .dt(.text(c.t("Συναρμόδιες υπηρεσίες", "Co-responsible units"))), .dd(.text(a.coResponsibleUnitIDs.compactMap { r.unit($0)?.name }.joined(separator: ", ").ifEmpty("—"))),
                .dt(.text(c.t("Φορέας υλοποίησης", "Implementing body"))), .dd(.text(body)),
                .dt(.text(c.t("Υπερτοπικής σημασίας", "Supra-local"))), .dd(.text(a.isSupraLocal ? c.t("Ναι", "Yes") : c.t("Όχι", "No"))),
                .dt(.text(c.t("Διαδημοτική συνεργασία / εταίροι", "Inter-municipal partners"))), .dd(.text(a.partners.joined(separator: ", ").ifEmpty("—"))),
                .dt(.text(c.t("Χωροθέτηση", "Location"))), .dd(.text(a.localityIDs.compactMap { r.locality($0)?.heading(c.language) }.joined(separator: ", ").ifEmpty(c.t("Όλος ο Δήμος", "The whole municipality")))),
                .dt(.text(c.t("Προτεραιότητα", "Priority"))), .dd(.text(a.priority.label(c.language) + (a.rank.map { " · \(c.t("σειρά", "rank")) \($0)" } ?? ""))),
                .dt(.text(c.t("Ωριμότητα", "Maturity"))), .dd(.text(a.maturity.label(c.language))),
                .dt(.text(c.t("Προϋποθέσεις υλοποίησης", "Preconditions"))), .dd(.text(a.preconditions.ifEmpty("—"))),
                .dt(.text(c.t("Χρονοδιάγραμμα", "Schedule"))), .dd(.text(a.schedule.map { "\($0.start.label(c.language)) – \($0.end.label(c.language))" } ?? "—")),
                .dt(.text(c.t("ΚΑΕ προϋπολογισμού", "Budget lines"))), .dd(.text(a.budgetLines.joined(separator: ", ").ifEmpty("—"))),
                .dt(.text(c.t("Κόστος", "Cost"))), .dd(.text(a.cost.formatted)),
                .dt(.text(c.t("Βάρος στην πρόοδο", "Weight in progress"))), .dd(.text(Format.number(a.weight)))),
            .section(
                .h2(.text(c.t("Χρηματοδότηση ανά πηγή και έτος", "Funding by source and year"))),
                .if(a.fundedAmount != a.cost, .p(.class("warning"), .text(c.t("Οι γραμμές χρηματοδότησης (\(a.fundedAmount.formatted)) διαφέρουν από το κόστος (\(a.cost.formatted)).",
                                                                               "The funding lines (\(a.fundedAmount.formatted)) differ from the cost (\(a.cost.formatted))."))) ),
                Wide.region(c.t("Χρηματοδότηση της δράσης", "The action's funding"), .table(.class("money"),
                       .caption(.text(c.t("Ποσά σε ευρώ", "Amounts in euros"))),
                       .thead(.tr(.th(.text(c.t("Πηγή", "Source"))), .forEach(years) { .th(.class("num"), .text(String($0))) }, .th(.class("num"), .text(c.t("Σύνολο", "Total"))))),
                       .tbody(.forEach(sources) { source in
                           .tr(.th(.attribute(named: "scope", value: "row"), .text(source.code)),
                               .forEach(years) { year in .td(.class("num"), .text(a.fundingLines.filter { $0.sourceID == source.id && $0.year == year }.map(\.amount).sum().formattedNumber)) },
                               .td(.class("num"), .text(a.fundingLines.filter { $0.sourceID == source.id }.map(\.amount).sum().formattedNumber)))
                       }),
                       .tfoot(.tr(.th(.text(c.t("Σύνολο", "Total"))), .forEach(years) { .td(.class("num"), .text(a.funding(in: $0).formattedNumber)) },
                                  .td(.class("num"), .text(a.fundedAmount.formattedNumber))))))
            ),
            .section(
                .h2(.text(c.t("Ορόσημα", "Milestones"))),
                .if(a.milestones.isEmpty, .p(.text("—")), else: .ul(.forEach(a.milestones) { m in
                    .li(.text("\(m.date.formatted) · \(m.title) · \(m.isDone ? c.t("✓ ολοκληρώθηκε", "✓ done") : c.t("εκκρεμεί", "pending"))"))
                }))
            ),
            .if(!indicators.isEmpty, .section(.h2(.text(c.t("Δείκτες της δράσης", "Indicators of the action"))),
                                              .ul(.forEach(indicators) { .li(.text("\($0.code) \($0.name) (\($0.unit))")) }))),
            .section(
                .h2(.text(c.t("Πρόοδος", "Progress"))),
                .if(updates.isEmpty, .p(.text(c.t("Δεν έχει υποβληθεί αναφορά προόδου.", "No progress report yet."))),
                    else: Wide.region(c.t("Αναφορές προόδου", "Progress reports"), .table(.class("list"),
                                 .thead(.tr(.th(.text(c.t("Ημερομηνία", "Date"))), .th(.text(c.t("Κατάσταση", "Status"))), .th(.class("num"), .text(c.t("Φυσικό αντικείμενο", "Physical progress"))),
                                            .th(.class("num"), .text(c.t("Δαπάνη έως τότε", "Spent to date"))), .th(.text(c.t("Σχόλιο", "Comment"))))),
                                 .tbody(.forEach(Array(updates.prefix(12))) { u in
                                     .tr(.td(.text(u.date.formatted)), .td(.text(u.status.label(c.language))), .td(.class("num"), .text("\(u.physicalProgress) %")),
                                         .td(.class("num"), .text(u.spentToDate.formatted)), .td(.text(u.comment)))
                                 }))))
            ),
            .if(access.canReadComments(loaded.summary), .section(.id("comments"),
                .h2(.text(c.t("Σχόλια", "Comments"))),
                .if(comments.isEmpty, .p(.text(c.t("Δεν υπάρχουν σχόλια.", "No comments.")))),
                .forEach(comments) { comment in
                    .div(.class("comment"), .p(.class("hint"), .text("\(comment.author) · \(Format.dateTime(comment.at))")), .p(.text(comment.text)))
                },
                .if(access.canComment(loaded.summary), .form(.method(.post), .action(SiteURL.actionComments(p.id, a.id).path), .class("noprint"),
                                                             c.csrfField,
                                                             FormField.textarea("text", c.t("Νέο σχόλιο", "New comment"), "", errors: FieldErrors(), rows: 3),
                                                             FormField.submit(c.t("Υποβολή σχολίου", "Add comment"))))
            ))
        ))
    }
}
