import Foundation
import OramaDomain
import Plot

/// An indicator's baseline, targets, values, achievement and a trend chart with the target line.
struct IndicatorPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var indicator: Indicator
    var canReport: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let i = indicator
        let title = "\(c.t("Δείκτης", "Indicator")) \(i.code): \(i.name)"
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p), notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .if(canReport, .p(.class("noprint"), .a(.class("button"), .href(SiteURL.values(p.id, i.id, period: nil).path), .text(c.t("Καταχώριση τιμής", "Record a value"))))),
            .dl(.class("facts"),
                .dt(.text(c.t("Κατηγορία", "Kind"))), .dd(.text(i.kind.label(c.language))),
                .dt(.text(c.t("Μονάδα", "Unit"))), .dd(.text(i.unit)),
                .dt(.text(c.t("Κατεύθυνση", "Direction"))), .dd(.text(i.direction.label(c.language))),
                .dt(.text(c.t("Τιμή βάσης", "Baseline"))), .dd(.text(i.baseline.map { "\(Format.number($0)) (\(i.baselineYear.map(String.init) ?? "—"))" } ?? "—")),
                .dt(.text(c.t("Πηγή", "Source"))), .dd(.text(i.dataSource)),
                .dt(.text(c.t("Υπεύθυνη υπηρεσία", "Responsible unit"))), .dd(.text(loaded.reference.unit(i.responsibleUnitID)?.name ?? "—"))),
            .div(.class("chart-scroll"), .raw(Charts.responsive { Charts.trend(indicator: i, years: p.years, title: c.t("Εξέλιξη του δείκτη \(i.code) και στόχοι", "Trend of \(i.code) and targets"), layout: $0) })),
            .table(.class("list"),
                   .caption(.text(c.t("Στόχοι, τιμές και επίτευξη ανά έτος", "Targets, values and achievement per year"))),
                   .thead(.tr(.th(.text(c.t("Έτος", "Year"))), .th(.class("num"), .text(c.t("Στόχος", "Target"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))),
                              .th(.class("num"), .text(c.t("Επίτευξη", "Achievement"))))),
                   .tbody(.forEach(Array(p.years)) { y in
                       .tr(.td(.text(String(y))), .td(.class("num"), .text(i.targets[y].map(Format.number) ?? "—")),
                           .td(.class("num"), .text(i.actual(in: y).map(Format.number) ?? "—")), .td(.class("num"), .text(Format.percent(i.achievement(in: y)))))
                   })),
            .h2(.text(c.t("Μετρήσεις", "Measurements"))),
            .ul(.forEach(i.measurements) { m in .li(.text("\(m.period.label(c.language)): \(Format.number(m.value)) \(i.unit)" + (m.note.isEmpty ? "" : " · \(m.note)")
                                                   // Who entered a value is the municipality's own business: no staff names on public pages.
                                                   + (c.access.canSeeHistory(loaded.summary) ? " · \(m.recordedBy)" : ""))) })
        ))
    }
}
