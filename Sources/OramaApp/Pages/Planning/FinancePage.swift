import Foundation
import OramaDomain
import Plot

struct FinancePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var table: FundingTable

    func render() -> String {
        let c = context
        let p = loaded.programme
        let t = table
        let title = c.t("Χρηματοδοτικό Πρόγραμμα", "Financial programme")
        let groupings: [(FundingGrouping, String)] = [(.axis, c.t("ανά άξονα", "by axis")), (.measure, c.t("ανά μέτρο", "by measure")), (.unit, c.t("ανά υπηρεσία (Σχέδια Δράσης)", "by unit")),
                                                      (.locality, c.t("ανά Δημοτική Ενότητα / Κοινότητα", "by locality")), (.action, c.t("ανά δράση", "by action"))]
        let head = GreekText.heading(t.grouping.label(c.language))
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p), notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .nav(.class("subnav"), .ariaLabel(c.t("Ομαδοποίηση", "Grouping")), .ul(.forEach(groupings) { g, label in
                .li(.a(.href(SiteURL.finance(p.id, by: g.rawValue).path), .if(g == t.grouping, .attribute(named: "aria-current", value: "page")), .text(label)))
            })),
            .p(.text(c.t("Ποσά σε ευρώ. Κάθε γραμμή χρηματοδότησης μετρά μία φορά· μια δράση σε περισσότερες τοποθεσίες μοιράζεται εξίσου.", "Amounts in euros. Every funding line counts once."))),
            .div(.class("chart-scroll"), .raw(Charts.responsive { Charts.stackedBars(table: t, title: c.t("Χρηματοδότηση ανά έτος και πηγή", "Funding by year and source"), layout: $0) })),
            .h2(.text(c.t("Σύνολα ανά έτος", "Totals per year"))),
            Wide.region(c.t("Χρηματοδοτικός πίνακας", "Funding table"), .table(.class("money"),
                   .caption(.text(c.t("Χρηματοδότηση ανά \(t.grouping.afterPer) και έτος (€)", "Funding by \(t.grouping.rawValue) and year (€)"))),
                   .thead(.tr(.th(.text(head)), .forEach(t.years) { .th(.class("num"), .text(String($0))) }, .th(.class("num"), .text("ΣΥΝΟΛΟ")))),
                   .tbody(.forEach(t.rows) { row in
                       // A municipal unit heading its communities, with nothing placed in the unit as a whole, says so with dashes.
                       let header = row.amounts.isEmpty && t.grouping == .locality
                       return .tr(.class(row.level == 1 ? "sub" : (t.grouping == .locality ? "group" : "")),
                           .th(.attribute(named: "scope", value: "row"), .text(row.code.isEmpty ? row.label : "\(row.code). \(row.label)")),
                           .forEach(t.years) { .td(.class("num"), .text(header ? "—" : row.total(year: $0).formattedNumber)) },
                           .td(.class("num"), .strong(.text(header ? "—" : row.total.formattedNumber))))
                   }),
                   .tfoot(.tr(.th(.text("ΣΥΝΟΛΟ")), .forEach(t.years) { .td(.class("num"), .text(t.total(year: $0).formattedNumber)) },
                              .td(.class("num"), .strong(.text(t.grandTotal.formattedNumber))))))),
            .forEach(t.years) { year in
                let sources = t.sources.filter { !t.total(source: $0.id, year: year).isZero }
                return .section(.class("year-table"),
                    .h2(.text(c.t("Έτος \(year)", "Year \(year)"))),
                    Wide.region(c.t("Χρηματοδότηση του \(year)", "Funding of \(year)"), .table(.class("money"),
                           .caption(.text(c.t("\(year): χρηματοδότηση ανά πηγή (€)", "\(year): funding by source (€)"))),
                           .thead(.tr(.th(.text(head)), .forEach(sources) { .th(.class("num"), .attribute(named: "title", value: Escape.attribute($0.name)), .text($0.code)) },
                                      .th(.class("num"), .text("ΣΥΝΟΛΟ")))),
                           .tbody(.forEach(t.rows.filter { !$0.total(year: year).isZero }) { row in
                               .tr(.th(.attribute(named: "scope", value: "row"), .text(row.code.isEmpty ? row.label : "\(row.code). \(row.label)")),
                                   .forEach(sources) { s in .td(.class("num"), .text(row.amount(source: s.id, year: year).formattedNumber)) },
                                   .td(.class("num"), .strong(.text(row.total(year: year).formattedNumber))))
                           }),
                           .tfoot(.tr(.th(.text("ΣΥΝΟΛΟ")), .forEach(sources) { s in .td(.class("num"), .text(t.total(source: s.id, year: year).formattedNumber)) },
                                      .td(.class("num"), .strong(.text(t.total(year: year).formattedNumber))))))))
            },
            .p(.class("noprint"), .a(.href(SiteURL.apiFinance(p.id, by: t.grouping.rawValue).path), .text(c.t("Τα ίδια δεδομένα σε JSON", "The same data as JSON"))))
        ))
    }
}
