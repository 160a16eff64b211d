import Foundation
import OramaDomain
import Plot
import Vapor

struct ActionPlanPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var unit: OrgUnit

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let paths = p.actionPaths.filter { $0.action.responsibleUnitID == unit.id }
        let years = Array(p.years)
        let measures = paths.reduce(into: [(Axis, Measure)]()) { list, path in
            if !list.contains(where: { $0.1.id == path.measure.id }) { list.append((path.axis, path.measure)) }
        }
        let indicators = p.indicators.filter { $0.responsibleUnitID == unit.id }
        let title = c.t("Σχέδιο Δράσης: \(unit.name)", "Action plan: \(unit.name)")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p),
                      notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .p(.text("\(p.title) · \(unit.phone) · \(unit.email)")),
            .p(.class("hint"), .text(c.t("\(GreekText.count(paths.count, "δράση", "δράσεις")) · σύνολο \(paths.map(\.action.cost).sum().formatted)", "\(paths.count) actions · total \(paths.map(\.action.cost).sum().formatted)"))),
            .forEach(measures) { axis, measure in
                .section(.class("plan-measure"),
                    .h2(.text(GreekText.heading("\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)"))),
                    .h3(.text(GreekText.heading("\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)"))),
                    .p(.text("\(c.t("Αρμόδια Υπηρεσία", "Responsible unit")): \(unit.name)")),
                    Wide.region(c.t("Δράσεις με κόστος ανά έτος", "Actions with cost per year"), .table(.class("money"),
                           .caption(.text(c.t("Δράσεις, κόστος ανά έτος (€) και πηγές", "Actions, cost per year (€) and sources"))),
                           .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .forEach(years) { .th(.class("num"), .text(String($0))) },
                                      .th(.class("num"), .text(c.t("Σύνολο", "Total"))), .th(.text(c.t("Πηγές", "Sources"))), .th(.text(c.t("Προτερ.", "Priority"))))),
                           .tbody(.forEach(paths.filter { $0.measure.id == measure.id }) { path in
                               let a = path.action
                               return .tr(.td(.text(a.code)), .td(.a(.href(SiteURL.action(p.id, a.id).path), .text(a.title))),
                                          .forEach(years) { .td(.class("num"), .text(a.funding(in: $0).formattedNumber)) },
                                          .td(.class("num"), .text(a.fundedAmount.formattedNumber)),
                                          .td(.text(Array(Set(a.fundingLines.compactMap { r.source($0.sourceID)?.code })).sorted().joined(separator: ", "))),
                                          .td(.text(a.priority.label(c.language))))
                           }))))
            },
            .section(.h2(.text(c.t("Δείκτες της υπηρεσίας", "The unit's indicators"))),
                     .if(indicators.isEmpty, .p(.text("—")), else: Wide.region(c.t("Δείκτες της υπηρεσίας", "The unit's indicators"), .table(.class("list"),
                        .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δείκτης", "Indicator"))), .th(.text(c.t("Μονάδα", "Unit"))),
                                   .th(.class("num"), .text(c.t("Βάση", "Baseline"))), .forEach(years) { .th(.class("num"), .text(String($0))) })),
                        .tbody(.forEach(indicators) { i in
                            .tr(.td(.text(i.code)), .td(.text(i.name)), .td(.text(i.unit)), .td(.class("num"), .text(i.baseline.map(Format.number) ?? "—")),
                                .forEach(years) { y in .td(.class("num"), .text(i.targets[y].map(Format.number) ?? "—")) })
                        })))))
        ))
    }
}
