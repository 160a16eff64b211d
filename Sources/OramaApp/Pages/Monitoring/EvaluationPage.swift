import Foundation
import OramaDomain
import Plot

/// The evaluation report of a year (Έκθεση Αξιολόγησης), drawn from the data and set for print.
struct EvaluationPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var year: Int

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let figures = DashboardFigures(p, year: year, indicatorYear: year)
        let title = c.t("Έκθεση Αξιολόγησης \(year)", "Evaluation report \(year)")
        // What the report says of the year: updates dated within it, the latest of each action.
        func yearUpdate(_ a: Action) -> ProgressUpdate? { p.latestProgress(of: a.id, upTo: year) }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p), notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("\(p.title) · \(r.organisation.name)", "\(p.title) · \(r.organisation.name)"))),
            .nav(.class("subnav noprint"), .ariaLabel(c.t("Έτη", "Years")), .ul(.forEach(Array(p.years)) { y in
                .li(.a(.href(SiteURL.evaluation(p.id, year: y).path), .if(y == year, .attribute(named: "aria-current", value: "page")), .text(String(y))))
            })),
            .p(.class("noprint"), .a(.class("button"), .href(SiteURL.document(p.id, kind: "evaluation", format: "docx", year: year).path), .text(c.t("Λήψη σε Word (DOCX)", "Download as Word (DOCX)")))),
            .h2(.text(c.t("Σύνοψη", "Summary"))),
            .ul(.li(.text(c.t("Συνολική πρόοδος: \(Format.percent(figures.rollup.progress))", "Overall progress: \(Format.percent(figures.rollup.progress))"))),
                .li(.text(c.t("Προγραμματισμένη χρηματοδότηση έως το \(year): \(figures.planned.formatted) · δαπάνη: \(figures.spent.formatted)",
                              "Funding planned to \(year): \(figures.planned.formatted) · spent: \(figures.spent.formatted)"))),
                .li(.text(c.t("Δείκτες \(year): \(figures.onTarget) σε τροχιά, \(figures.offTarget) εκτός τροχιάς, \(figures.unmeasured) χωρίς μέτρηση",
                              "Indicators \(year): \(figures.onTarget) on target, \(figures.offTarget) off target, \(figures.unmeasured) unmeasured")))),
            .forEach(p.axes) { axis in
                .section(.class("evaluation-axis"),
                    .h2(.text("\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)")),
                    .forEach(axis.measures) { measure in
                        let actions = measure.objectives.flatMap(\.actions)
                        let done = actions.filter { yearUpdate($0)?.status == .completed }
                        let delayed = actions.filter { [.delayed, .atRisk].contains(yearUpdate($0)?.status) }
                        let indicators = p.indicators.filter { i in i.attachment == .measure(measure.id) || measure.objectives.contains { i.attachment == .objective($0.id) } }
                        let planned = actions.map { $0.funding(in: year) }.sum()
                        let committed = actions.filter { ($0.schedule?.runs(in: year) ?? false) && $0.maturity >= .tendered }.map { $0.funding(in: year) }.sum()
                        let spent = actions.compactMap { yearUpdate($0)?.spentToDate }.sum()
                        return .section(
                            .h3(.text("\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)")),
                            .p(.text(c.t("Πρόοδος \(Format.percent(figures.rollup.find(measure.id)?.progress)) · ολοκληρώθηκαν \(done.count) από \(GreekText.count(actions.count, "δράση", "δράσεις")).",
                                         "Progress \(Format.percent(figures.rollup.find(measure.id)?.progress)) · \(done.count) of \(actions.count) actions completed."))),
                            .p(.text(c.t("Χρήματα \(year): προγραμματισμένα \(planned.formatted) · δεσμευμένα (δράσεις σε δημοπράτηση ή με σύμβαση) \(committed.formatted) · δαπάνη έως τότε \(spent.formatted).",
                                         "Money \(year): planned \(planned.formatted) · committed \(committed.formatted) · spent \(spent.formatted)."))),
                            .if(!done.isEmpty, .group(.h4(.text(c.t("Τι έγινε", "What was done"))), .ul(.forEach(done) { .li(.text("\($0.code) \($0.title)")) }))),
                            .if(!delayed.isEmpty, .group(.h4(.text(c.t("Δράσεις σε καθυστέρηση ή κίνδυνο και αιτίες", "Delayed or at-risk actions and reasons"))),
                                                         .ul(.forEach(delayed) { a in
                                                             .li(.text("\(a.code) \(a.title) — \(yearUpdate(a)!.status.label(c.language))" + (yearUpdate(a)!.comment.isEmpty ? "" : ": \(yearUpdate(a)!.comment)")))
                                                         }))),
                            .if(!indicators.isEmpty, Wide.region(c.t("Δείκτες", "Indicators"), .table(.class("list"),
                                .caption(.text(c.t("Δείκτες έναντι στόχων \(year)", "Indicators against targets \(year)"))),
                                .thead(.tr(.th(.text(c.t("Δείκτης", "Indicator"))), .th(.class("num"), .text(c.t("Στόχος", "Target"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))),
                                           .th(.class("num"), .text(c.t("Επίτευξη", "Achievement"))))),
                                .tbody(.forEach(indicators) { i in
                                    .tr(.td(.a(.href(SiteURL.indicator(p.id, i.id).path), .text("\(i.code) \(i.name) (\(i.unit))"))),
                                        .td(.class("num"), .text(i.targets[year].map(Format.number) ?? "—")),
                                        .td(.class("num"), .text(i.actual(in: year).map(Format.number) ?? "—")),
                                        .td(.class("num"), .text(Format.percent(i.achievement(in: year)))))
                                }))))
                        )
                    })
            }
        ))
    }
}
