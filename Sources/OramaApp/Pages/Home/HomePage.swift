import Foundation
import OramaDomain
import Plot

struct HomePage {
    var context: PageContext
    var programmes: [(ProgrammeSummary, String)]
    var canCreate: Bool
    var due: [(ProgrammeSummary, [DueItem])] = []

    func render() -> String {
        let c = context
        return Layout(title: c.t("Επιχειρησιακά Προγράμματα", "Operational Programmes"), context: c).render(.group(
            .h1(.text(c.t("Επιχειρησιακά Προγράμματα", "Operational Programmes"))),
            .forEach(due) { summary, items in
                .section(.class("card due-home"),
                         .h2(.text(c.t("Τι εκκρεμεί από την υπηρεσία σας: \(summary.title)", "What your unit owes: \(summary.title)"))),
                         .p(.attribute(named: "role", value: "status"),
                            .text(items.isEmpty ? c.t("✓ Δεν εκκρεμεί καμία αναφορά.", "✓ Nothing is due.")
                                  : c.t("Εκκρεμείς αναφορές: \(items.count) · εκπρόθεσμες: \(items.filter(\.isLate).count).", "Reports due: \(items.count) · late: \(items.filter(\.isLate).count)."))),
                         .ul(.forEach(Array(items.prefix(8))) { item in
                             let link: String
                             switch item.kind {
                             case .progress(let id): link = SiteURL.progress(summary.id, id, period: item.period.code).path
                             case .measurement(let id): link = SiteURL.values(summary.id, id, period: item.period.code).path
                             }
                             return .li(.text(item.isLate ? "⚠ " : "○ "), .a(.href(link), .text("\(item.code) \(item.title)")), .text(" · \(item.period.label(c.language)) · \(c.t("προθεσμία", "due")) \(item.dueDate.formatted)"))
                         }),
                         .p(.a(.href(SiteURL.due(summary.id).path), .text(c.t("Όλες οι εκκρεμότητες", "Everything due")))))
            },
            .p(.text(c.t("Τα πενταετή Επιχειρησιακά Προγράμματα των Δήμων: άξονες, μέτρα, στόχοι, δράσεις, κόστος και πρόοδος.",
                         "The five-year Operational Programmes of municipalities: axes, measures, objectives, actions, cost and progress."))),
            .if(canCreate, .p(.a(.class("button"), .href(SiteURL.newProgramme.path), .text(c.t("Νέο πρόγραμμα", "New programme"))))),
            .if(programmes.isEmpty,
                .p(.class("empty"), .text(c.t("Δεν υπάρχει ακόμη δημοσιευμένο πρόγραμμα. Εκτελέστε «swift run orama demo» για τα δεδομένα επίδειξης.",
                                              "There is no published programme yet. Run “swift run orama demo” for the demo data."))),
                else: Wide.region(c.t("Προγράμματα", "Programmes"), .table(
                    .class("list"),
                    .caption(.text(c.t("Προγράμματα", "Programmes"))),
                    .thead(.tr(.th(.text(c.t("Δήμος", "Municipality"))), .th(.text(c.t("Πρόγραμμα", "Programme"))), .th(.text(c.t("Περίοδος", "Period"))),
                               .th(.text(c.t("Κατάσταση", "Status"))), .th(.text(c.t("Έκδοση", "Version"))))),
                    .tbody(.forEach(programmes) { summary, organisation in
                        .tr(
                            .td(.text(organisation)),
                            .td(.a(.href(SiteURL.programme(summary.id).path), .text(summary.title))),
                            .td(.text("\(summary.startYear)–\(summary.endYear)")),
                            .td(.text(summary.status.label(c.language))),
                            .td(.text(String(summary.version)))
                        )
                    })
                )))
        ))
    }
}
