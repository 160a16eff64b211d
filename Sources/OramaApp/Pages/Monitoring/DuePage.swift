import Foundation
import OramaDomain
import Plot

struct DuePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var items: [DueItem]
    var access: Access

    func render() -> String {
        let c = context
        let p = loaded.programme
        let late = items.filter(\.isLate).count
        let title = c.t("Εκκρεμείς αναφορές", "Reports due")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.attribute(named: "role", value: "status"),
               .text(items.isEmpty ? c.t("✓ Δεν εκκρεμεί καμία αναφορά.", "✓ Nothing is due.")
                     : c.t("\(items.count) εκκρεμείς αναφορές, από τις οποίες \(late) εκπρόθεσμες.", "\(items.count) reports due, \(late) of them late."))),
            .p(.class("hint"), .text(c.t("Πρόοδος ανά \(p.reportingCalendar.frequency.greek.lowercased()) περίοδο, έως \(p.reportingCalendar.dueAfterDays) ημέρες μετά το τέλος της.",
                                         "Progress per period, due \(p.reportingCalendar.dueAfterDays) days after its end."))),
            Wide.region(c.t("Εκκρεμείς αναφορές", "Reports due"), .table(.class("list due"),
                   .caption(.text(c.t("Τι οφείλει η υπηρεσία, πρώτα τα παλαιότερα", "What the unit owes, oldest first"))),
                   .thead(.tr(.th(.text(c.t("Κατάσταση", "State"))), .th(.text(c.t("Περίοδος", "Period"))), .th(.text(c.t("Προθεσμία", "Due"))),
                              .th(.text(c.t("Τι", "What"))), .th(.text("")))),
                   .tbody(.forEach(items) { item in
                       let link: String
                       let what: String
                       switch item.kind {
                       case .progress(let id):
                           link = SiteURL.progress(p.id, id, period: item.period.code).path
                           what = c.t("Πρόοδος δράσης", "Action progress")
                       case .measurement(let id):
                           link = SiteURL.values(p.id, id, period: item.period.code).path
                           what = c.t("Τιμή δείκτη", "Indicator value")
                       }
                       return .tr(.class(item.isLate ? "late" : "due"),
                                  .td(.text(item.isLate ? c.t("⚠ Εκπρόθεσμη", "⚠ Late") : c.t("○ Εκκρεμεί", "○ Due"))),
                                  .td(.text(item.period.label(c.language))), .td(.text(item.dueDate.formatted)),
                                  .td(.text("\(what): \(item.code) \(item.title)")),
                                  .td(.a(.href(link), .text(c.t("Καταχώριση", "Enter")),
                                         .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Καταχώριση", "Enter")) \(item.code) \(item.period.code)")))))
                   })))
        ))
    }
}
