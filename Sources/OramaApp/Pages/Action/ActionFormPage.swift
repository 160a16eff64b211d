import Foundation
import OramaDomain
import Plot

struct ActionFormPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var actionID: UUID?
    var form: ActionForm
    var errors: FieldErrors
    var conflict: ConflictNotice?
    var canMove: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let code = actionID.flatMap { p.action($0)?.code } ?? ""
        let title = actionID == nil ? c.t("Νέα δράση", "New action") : c.t("Επεξεργασία δράσης \(code)", "Edit action \(code)")
        let target = actionID.map { SiteURL.editAction(p.id, $0).path } ?? SiteURL.newAction(p.id, objective: UUID(uuidString: form.objective ?? "") ?? UUID()).path
        let quarters = [("", "—")] + p.years.flatMap { y in (1...4).map { q in (YearQuarter(year: y, quarter: q).code, YearQuarter(year: y, quarter: q).label(c.language)) } }
        let years = Array(p.years)
        let units = r.units.map { ($0.id.uuidString, "\($0.code) · \($0.name)") }
        var milestoneRows = (form.ms ?? [:]).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { $0.value }
        milestoneRows += Array(repeating: MilestoneRow(), count: 3)
        let implementing = [("own", c.t("Η αρμόδια υπηρεσία του Δήμου", "The municipality's responsible unit"))]
            + r.legalEntities.map { ("entity:" + $0.id.uuidString, "\(c.t("Νομικό πρόσωπο", "Legal entity")): \($0.name)") }
            + [("partner", c.t("Φορέας σύμβασης συνεργασίας", "Body under a cooperation contract"))]

        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p),
                      script: true).render(.group(
            .h1(.text(title)),
            .form(.method(.post), .action(target), .id("action-form"),
                  c.csrfField,
                  .input(.type(.hidden), .name("base"), .value(Escape.attribute(form.base ?? ""))),
                  .unwrap(conflict) { $0.node(c) },
                  FormField.errorSummary(errors, c),
                  .fieldset(.element(named: "legend", text: c.t("Ταυτότητα", "Identity")),
                            canMove ? FormField.select("objective", c.t("Στόχος", "Objective"), [("", "—")] + p.objectives.map { ($0.id.uuidString, "\($0.code). \($0.title)") },
                                                   selected: form.objective?.uppercased() ?? "", errors: errors, required: true)
                                    : .input(.type(.hidden), .name("objective"), .value(Escape.attribute(form.objective ?? ""))),
                            FormField.text("title", c.t("Τίτλος", "Title"), form.title ?? "", errors: errors, required: true),
                            FormField.textarea("description", c.t("Περιγραφή", "Description"), form.description ?? "", errors: errors),
                            FormField.select("kind", c.t("Είδος", "Kind"), Action.Kind.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.kind ?? "", errors: errors, required: true),
                            FormField.select("nature", c.t("Φύση", "Nature"), Action.Nature.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.nature ?? "", errors: errors, required: true)),
                  .fieldset(.element(named: "legend", text: c.t("Υπεύθυνοι", "Responsibility")),
                            FormField.select("responsibleUnit", c.t("Αρμόδια υπηρεσία", "Responsible unit"), [("", "—")] + units, selected: form.responsibleUnit?.uppercased() ?? "", errors: errors, required: true),
                            FormField.checkboxes("coUnits", c.t("Συναρμόδιες υπηρεσίες", "Co-responsible units"), units, checked: Set((form.coUnits ?? []).map { $0.uppercased() }), errors: errors),
                            FormField.select("implementing", c.t("Φορέας υλοποίησης", "Implementing body"), implementing, selected: form.implementing?.uppercasedUUIDSuffix ?? "own", errors: errors),
                            FormField.text("partnerName", c.t("Φορέας σύμβασης (αν υπάρχει)", "Contract body (if any)"), form.partnerName ?? "", errors: errors),
                            FormField.text("partnerContract", c.t("Σύμβαση συνεργασίας", "Cooperation contract"), form.partnerContract ?? "", errors: errors),
                            FormField.checkbox("supraLocal", c.t("Δράση υπερτοπικής σημασίας", "Action of supra-local significance"), checked: form.supraLocal == "on"),
                            FormField.textarea("partners", c.t("Εταίροι διαδημοτικής συνεργασίας (ένας ανά γραμμή)", "Inter-municipal partners (one per line)"), form.partners ?? "", errors: errors, rows: 3)),
                  .fieldset(.element(named: "legend", text: c.t("Χωροθέτηση", "Location")),
                            FormField.checkboxes("localities", c.t("Δημοτικές Ενότητες και Κοινότητες", "Municipal units and communities"),
                                             r.localities.map { ($0.id.uuidString, $0.kind == .municipalUnit ? "ΔΕ \($0.name)" : $0.name) },
                                             checked: Set((form.localities ?? []).map { $0.uppercased() }), errors: errors)),
                  .fieldset(.element(named: "legend", text: c.t("Ιεράρχηση και ωριμότητα", "Priority and maturity")),
                            FormField.select("priority", c.t("Προτεραιότητα", "Priority"), Action.Priority.allCases.map { (String($0.rawValue), $0.label(c.language)) }, selected: form.priority ?? "2", errors: errors, required: true),
                            FormField.text("rank", c.t("Σειρά κατάταξης", "Rank"), form.rank ?? "", errors: errors, type: .number, hint: c.t("1 = πρώτη· κενό αν δεν έχει καταταχθεί.", "1 = first; empty if not ranked.")),
                            FormField.select("maturity", c.t("Ωριμότητα", "Maturity"), Action.Maturity.allCases.map { ($0.rawValue, $0.label(c.language)) }, selected: form.maturity ?? "", errors: errors, required: true),
                            FormField.textarea("preconditions", c.t("Προϋποθέσεις υλοποίησης", "Preconditions"), form.preconditions ?? "", errors: errors, rows: 2),
                            FormField.text("weight", c.t("Βάρος στην πρόοδο", "Weight in progress"), form.weight ?? "1", errors: errors, hint: c.t("1 από προεπιλογή· 0 = δεν μετρά.", "1 by default; 0 = not counted."))),
                  .fieldset(.element(named: "legend", text: c.t("Κόστος και χρηματοδότηση", "Cost and funding")),
                            FormField.text("cost", c.t("Προϋπολογισμός (€)", "Budget (€)"), form.cost ?? "", errors: errors, required: true, hint: c.t("π.χ. 125.000,00", "e.g. 125.000,00")),
                            Wide.region(c.t("Χρηματοδότηση ανά πηγή και έτος", "Funding by source and year"), .table(.class("grid"), .id("funding-grid"),
                                   .caption(.text(c.t("Γραμμές χρηματοδότησης ανά πηγή και έτος (€)", "Funding lines by source and year (€)"))),
                                   .thead(.tr(.th(.text(c.t("Πηγή", "Source"))), .forEach(years) { .th(.class("num"), .text(String($0))) }, .th(.class("num"), .text(c.t("Σύνολο", "Total"))))),
                                   .tbody(.forEach(r.fundingSources) { source in
                                       .tr(.th(.attribute(named: "scope", value: "row"), .attribute(named: "title", value: Escape.attribute(source.name)), .text(source.code)),
                                           .forEach(years) { year in
                                               let name = "fund[\(source.id.uuidString)][\(year)]"
                                               return .td(.class(errors[name] == nil ? "num" : "num invalid"),
                                                          .input(.type(.text), .name(name), .id(FormField.fieldID(name)), .value(Escape.attribute(form.fund?[source.id.uuidString]?[String(year)] ?? "")),
                                                                 .attribute(named: "inputmode", value: "decimal"), .attribute(named: "data-year", value: String(year)),
                                                                 .attribute(named: "aria-label", value: Escape.attribute("\(source.code) \(year)"))),
                                                          FormField.note(name, error: errors[name], hint: nil).asBody)
                                           },
                                           .td(.class("num row-total"), .text("")))
                                   }),
                                   .tfoot(.tr(.th(.text(c.t("Σύνολο", "Total"))), .forEach(years) { .td(.class("num col-total"), .attribute(named: "data-year", value: String($0)), .text("")) },
                                              .td(.class("num grand-total"), .attribute(named: "aria-live", value: "polite"), .text("")))))),
                            .p(.class("hint"), .text(c.t("Τα σύνολα ενημερώνονται καθώς πληκτρολογείτε· πρέπει να ισούνται με τον προϋπολογισμό.", "Totals update as you type; they should equal the budget.")))),
                  .fieldset(.element(named: "legend", text: c.t("Χρονοδιάγραμμα και προϋπολογισμός", "Schedule and budget lines")),
                            FormField.select("scheduleStart", c.t("Τρίμηνο έναρξης", "Start quarter"), quarters, selected: form.scheduleStart ?? "", errors: errors),
                            FormField.select("scheduleEnd", c.t("Τρίμηνο λήξης", "End quarter"), quarters, selected: form.scheduleEnd ?? "", errors: errors),
                            FormField.text("budgetLines", c.t("ΚΑΕ (κωδικοί αριθμοί εξόδου, χωρισμένοι με κόμμα)", "Budget line codes (comma separated)"), form.budgetLines ?? "", errors: errors)),
                  .fieldset(.element(named: "legend", text: c.t("Ορόσημα", "Milestones")),
                            Wide.region(c.t("Ορόσημα", "Milestones"), .table(.class("grid"),
                                   .thead(.tr(.th(.text(c.t("Ημερομηνία (ηη/μμ/εεεε)", "Date (dd/mm/yyyy)"))), .th(.text(c.t("Τίτλος", "Title"))), .th(.text(c.t("Ολοκληρώθηκε", "Done"))))),
                                   .tbody(.forEach(Array(milestoneRows.enumerated())) { i, row in
                                       .tr(.td(.input(.type(.hidden), .name("ms[\(i)][id]"), .value(Escape.attribute(row.id ?? ""))),
                                               .input(.type(.text), .name("ms[\(i)][date]"), .id(FormField.fieldID("ms[\(i)][date]")), .value(Escape.attribute(row.date ?? "")),
                                                      .attribute(named: "aria-label", value: Escape.attribute(c.t("Ορόσημο \(i + 1): ημερομηνία", "Milestone \(i + 1): date")))),
                                               FormField.note("ms[\(i)][date]", error: errors["ms[\(i)][date]"], hint: nil).asBody),
                                           .td(.input(.type(.text), .name("ms[\(i)][title]"), .id(FormField.fieldID("ms[\(i)][title]")), .value(Escape.attribute(row.title ?? "")),
                                                      .attribute(named: "aria-label", value: Escape.attribute(c.t("Ορόσημο \(i + 1): τίτλος", "Milestone \(i + 1): title")))),
                                               FormField.note("ms[\(i)][title]", error: errors["ms[\(i)][title]"], hint: nil).asBody),
                                           .td(.input(.type(.checkbox), .name("ms[\(i)][done]"), .value("on"), .checked(row.done == "on"),
                                                      .attribute(named: "aria-label", value: Escape.attribute(c.t("Ορόσημο \(i + 1): ολοκληρώθηκε", "Milestone \(i + 1): done"))))))
                                   }))),
                            .p(.class("hint"), .text(c.t("Για να αφαιρέσετε ορόσημο, αδειάστε την ημερομηνία και τον τίτλο του.", "To remove a milestone, clear its date and title.")))),
                  FormField.submit(c.t("Αποθήκευση", "Save")))
        ))
    }
}
