import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

struct ExecutionPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var year: Int
    var lines: [BudgetExecutionLine]
    var problems: [ImportProblem]
    var canImport: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let matching = BudgetExecutionImport.match(lines, to: p.actions)
        func sums(_ actions: [Action]) -> (Money, Money, Money) {
            let matched = actions.flatMap { matching.byAction[$0.id] ?? [] }
            return (actions.map { $0.funding(in: year) }.sum(), matched.map(\.committed).sum(), matched.map(\.paid).sum())
        }
        func row(_ code: String, _ title: String, _ s: (Money, Money, Money), klass: String) -> Node<HTML.TableContext> {
            .tr(.class(klass), .th(.attribute(named: "scope", value: "row"), .text(code)), .td(.text(title)),
                .td(.class("num"), .text(s.0.formattedNumber)), .td(.class("num"), .text(s.1.formattedNumber)), .td(.class("num"), .text(s.2.formattedNumber)),
                .td(.class("num"), .text(s.0.cents > 0 ? Format.percent(Double(s.2.cents) / Double(s.0.cents) * 100) : "—")))
        }
        var rows: [Node<HTML.TableContext>] = []
        for axis in p.axes {
            rows.append(row(axis.code, axis.title, sums(axis.measures.flatMap(\.objectives).flatMap(\.actions)), klass: "axis"))
            for measure in axis.measures {
                rows.append(row(measure.code, measure.title, sums(measure.objectives.flatMap(\.actions)), klass: "measure"))
                for action in measure.objectives.flatMap(\.actions) where !action.funding(in: year).isZero || matching.byAction[action.id] != nil {
                    rows.append(row(action.code, action.title + " (" + action.budgetLines.joined(separator: ", ") + ")", sums([action]), klass: "action"))
                }
            }
        }
        let title = c.t("Εκτέλεση Προϋπολογισμού \(year)", "Budget execution \(year)")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .nav(.class("subnav"), .ariaLabel(c.t("Έτη", "Years")), .ul(.forEach(Array(p.years)) { y in
                .li(.a(.href(SiteURL.execution(p.id, year: y).path), .if(y == year, .attribute(named: "aria-current", value: "page")), .text(String(y))))
            })),
            .if(!problems.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                        .p(.text(c.t("Το αρχείο δεν εισήχθη· δεν άλλαξε τίποτα. Διορθώστε τα εξής και δοκιμάστε ξανά:", "The file was not imported; nothing changed. Fix the following and try again:"))),
                                        .ul(.forEach(problems.prefix(50)) { .li(.text($0.description)) }))),
            .if(canImport, .form(.method(.post), .action(SiteURL.execution(p.id, year: nil).path), .enctype(.multipartData), .class("narrow noprint"),
                                 c.csrfField,
                                 .input(.type(.hidden), .name("year"), .value(String(year))),
                                 .div(.class("field"), .label(.for("f-file"), .text(c.t("Αρχείο εκτέλεσης \(year) (CSV: ΚΑΕ; Περιγραφή; Προϋπολογισθέντα; Δεσμευθέντα; Πληρωθέντα)",
                                                                                       "Execution file \(year) (CSV: code; description; budgeted; committed; paid)"))),
                                      .input(.type(.file), .id("f-file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                                 .p(.class("hint"), .text(c.t("UTF-8 ή Windows-1253, διαχωριστικό «;» ή «,», ποσά όπως 1.234,56. Η εισαγωγή αντικαθιστά ολόκληρο το έτος.",
                                                              "UTF-8 or Windows-1253, “;” or “,” separated, amounts like 1.234,56. An import replaces the whole year."))),
                                 FormField.submit(c.t("Εισαγωγή", "Import")))),
            .if(lines.isEmpty, .p(.text(c.t("Δεν έχει εισαχθεί αρχείο εκτέλεσης για το \(year).", "No execution file has been imported for \(year).")))),
            .if(!lines.isEmpty, .group(
                Wide.region(c.t("Εκτέλεση ανά δράση", "Execution by action"), .table(.class("money execution"),
                       .caption(.text(c.t("Προγραμματισμένα (χρηματοδότηση δράσεων του έτους), δεσμευθέντα και πληρωθέντα ανά δράση, μέτρο και άξονα (€)",
                                          "Planned, committed and paid per action, measure and axis (€)"))),
                       .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Τίτλος (ΚΑΕ)", "Title (budget lines)"))), .th(.class("num"), .text(c.t("Προγραμματισμένα", "Planned"))),
                                  .th(.class("num"), .text(c.t("Δεσμευθέντα", "Committed"))), .th(.class("num"), .text(c.t("Πληρωθέντα", "Paid"))), .th(.class("num"), .text(c.t("Απορρόφηση", "Absorption"))))),
                       .tbody(.group(rows)))),
                .h2(.text(c.t("Γραμμές χωρίς δράση", "Lines without an action"))),
                .p(.class("hint"), .text(c.t("ΚΑΕ του αρχείου που δεν αναφέρει καμία δράση· προσθέστε τους στα «ΚΑΕ» της σωστής δράσης ή είναι δαπάνες εκτός προγράμματος.",
                                             "Budget lines no action names."))),
                Wide.region(c.t("Γραμμές χωρίς δράση", "Lines without an action"), .table(.class("money"),
                       .thead(.tr(.th(.text("ΚΑΕ")), .th(.text(c.t("Περιγραφή", "Description"))), .th(.class("num"), .text(c.t("Προϋπολογισθέντα", "Budgeted"))),
                                  .th(.class("num"), .text(c.t("Δεσμευθέντα", "Committed"))), .th(.class("num"), .text(c.t("Πληρωθέντα", "Paid"))))),
                       .tbody(.forEach(matching.unmatched) { line in
                           .tr(.td(.text(line.code)), .td(.text(line.description)), .td(.class("num"), .text(line.budgeted.formattedNumber)),
                               .td(.class("num"), .text(line.committed.formattedNumber)), .td(.class("num"), .text(line.paid.formattedNumber)))
                       })))))
        ))
    }
}
