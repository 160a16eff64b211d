import Foundation
import OramaDomain
import Plot

struct WhatIfPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var query: String
    var cut: FundingCut?
    var result: WhatIfResult?
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let title = c.t("Σενάριο μείωσης χρηματοδότησης", "Funding what-if")
        let chosenYears = cut?.years ?? []
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Τι γίνεται αν μια πηγή δώσει λιγότερα; Οι δράσεις χάνουν χρηματοδότηση με αντίστροφη σειρά προτεραιότητας. Τίποτα δεν αποθηκεύεται.",
                         "What if a source gives less? Actions lose funding in reverse priority order. Nothing is saved."))),
            .form(.method(.get), .action(SiteURL.whatIf(p.id).path), .class("narrow"),
                  FormField.errorSummary(errors, c),
                  FormField.select("source", c.t("Πηγή", "Source"), [("", "—")] + r.fundingSources.map { ($0.id.uuidString, "\($0.code) · \($0.name)") },
                                   selected: cut?.sourceID.uuidString ?? "", errors: errors, required: true),
                  FormField.checkboxes("years", c.t("Έτη", "Years"), p.years.map { (String($0), String($0)) }, checked: Set(chosenYears.map(String.init)), errors: errors),
                  FormField.select("kind", c.t("Μείωση κατά", "Cut by"), [("percent", c.t("ποσοστό %", "percent %")), ("amount", c.t("ποσό €", "amount €"))],
                                   selected: { if case .amount = cut?.size { return "amount" } else { return "percent" } }(), errors: errors),
                  FormField.text("value", c.t("Τιμή", "Value"), { switch cut?.size { case .percent(let v): return Format.input(v); case .amount(let m): return m.formattedNumber; case nil: return "" } }(),
                                 errors: errors, required: true),
                  FormField.submit(c.t("Υπολογισμός", "Compute"))),
            .unwrap(result) { result in
                .section(
                    .h2(.text(c.t("Αποτέλεσμα", "Result"))),
                    .p(.text(c.t("Μείωση \(result.cut.formatted) από διαθέσιμα \(result.available.formatted) της πηγής στα επιλεγμένα έτη.",
                                 "A cut of \(result.cut.formatted) out of \(result.available.formatted) available from the source in the chosen years."))),
                    .table(.class("money"),
                           .caption(.text(c.t("Σύνολα χρηματοδότησης ανά έτος (όλες οι πηγές)", "Funding per year (all sources)"))),
                           .thead(.tr(.th(.text(c.t("Έτος", "Year"))), .th(.class("num"), .text(c.t("Πριν", "Before"))), .th(.class("num"), .text(c.t("Μετά", "After"))))),
                           .tbody(.forEach(Array(p.years)) { y in
                               .tr(.td(.text(String(y))), .td(.class("num"), .text((result.totalsBefore[y] ?? .zero).formattedNumber)),
                                   .td(.class("num"), .text((result.totalsAfter[y] ?? .zero).formattedNumber)))
                           })),
                    .table(.class("money"),
                           .caption(.text(c.t("Δράσεις που χάνουν χρηματοδότηση, με τη σειρά που τη χάνουν", "Actions losing funding, in the order they lose it"))),
                           .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.class("num"), .text(c.t("Από την πηγή", "From the source"))),
                                      .th(.class("num"), .text(c.t("Χάνει", "Loses"))), .th(.class("num"), .text(c.t("Μένει", "Keeps"))))),
                           .tbody(.forEach(result.losses) { loss in
                               let a = p.action(loss.actionID)
                               return .tr(.td(.text(a?.code ?? "")), .td(.text(a?.title ?? "")), .td(.class("num"), .text(loss.before.formattedNumber)),
                                          .td(.class("num"), .text(loss.lost.formattedNumber)), .td(.class("num"), .text(loss.after.formattedNumber)))
                           })))
            }
        ))
    }
}
