import Foundation
import OramaDomain
import Plot

enum Bars {
    /// A progress bar that also says its value in text (colour never carries meaning alone).
    static func progress(_ value: Double?, label: String) -> Node<HTML.BodyContext> {
        // Drawn in SVG: the content policy forbids inline styles, and an SVG width is no style.
        let width = min(100, max(0, value ?? 0))
        let svg = "<svg class=\"bar-svg\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"100\" height=\"6\" fill=\"#e1e6ec\"/><rect width=\"\(width)\" height=\"6\" fill=\"#0b4f8a\"/></svg>"
        return .div(.class("bar"), .attribute(named: "role", value: "img"), .attribute(named: "aria-label", value: Escape.attribute("\(label): \(Format.percent(value))")),
                    .raw(svg), .span(.class("value"), .text(Format.percent(value))))
    }
}

struct DashboardPage {
    enum Scope: Equatable {
        case programme
        case unit(OrgUnit)
        case locality(Locality)
    }

    var context: PageContext
    var loaded: LoadedProgramme
    var figures: DashboardFigures
    var scope: Scope = .programme
    var actions: [Action] = []

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let f = figures
        let title: String
        switch scope {
        case .programme: title = c.t("Πίνακας παρακολούθησης", "Dashboard")
        case .unit(let unit): title = c.t("Πίνακας παρακολούθησης: \(unit.name)", "Dashboard: \(unit.name)")
        case .locality(let place): title = c.t("Πίνακας παρακολούθησης: \(place.kind.greek) \(place.name)", "Dashboard: \(place.name)")
        }
        let units = r.units.filter { unit in p.actions.contains { $0.responsibleUnitID == unit.id } }
        let places = r.localities.filter { $0.kind == .municipalUnit }
        let rollup = f.rollup
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p), notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .form(.method(.get), .action(SiteURL.dashboard(p.id).path), .class("views noprint"),
                  FormField.select("unit", c.t("Προβολή ανά υπηρεσία", "View by unit"), [("", "—")] + units.map { ($0.id.uuidString, $0.name) },
                                   selected: { if case .unit(let u) = scope { return u.id.uuidString } else { return "" } }(), errors: FieldErrors()),
                  FormField.select("locality", c.t("ή ανά Δημοτική Ενότητα", "or by municipal unit"), [("", "—")] + places.map { ($0.id.uuidString, $0.name) },
                                   selected: { if case .locality(let l) = scope { return l.id.uuidString } else { return "" } }(), errors: FieldErrors()),
                  FormField.submit(c.t("Προβολή", "Show"))),
            .section(.class("cards"),
                .div(.class("card"), .h2(.text(scope == .programme ? c.t("Πρόοδος προγράμματος", "Programme progress") : c.t("Πρόοδος των δράσεων", "Progress of the actions"))),
                     Bars.progress(f.progress, label: c.t("Πρόοδος", "Progress")),
                     .if(scope == .programme, .p(.a(.href(SiteURL.rollup(p.id, node: p.id).path), .text(c.t("Πώς υπολογίστηκε", "How it was computed")))),
                         else: .p(.class("hint"), .text(c.t("Σταθμισμένος μέσος όρος \(Plural.count(actions.count, ("δράσης", "δράσεων"), ("action", "actions"), c.language)): Π = Σ(βᵢ × πᵢ) / Σβᵢ.",
                                                            "Weighted average of \(actions.count) actions."))))),
                .div(.class("card"), .h2(.text(c.t("Δαπάνη έναντι προγραμματισμού", "Spending against plan"))),
                     .p(.text(c.t("Προγραμματισμένα έως το \(f.year): \(f.planned.formatted)", "Planned up to \(f.year): \(f.planned.formatted)"))),
                     .p(.text(c.t("Δαπάνη έως σήμερα: \(f.spent.formatted)", "Spent to date: \(f.spent.formatted)"))),
                     Bars.progress(f.planned.cents > 0 ? Double(f.spent.cents) / Double(f.planned.cents) * 100 : nil, label: c.t("Απορρόφηση", "Absorption"))),
                .div(.class("card"), .h2(.text(c.t("Δείκτες \(f.indicatorYear)", "Indicators \(f.indicatorYear)"))),
                     .ul(.li(.text(c.t("✓ Σε τροχιά (≥ 90 % του στόχου): \(f.onTarget)", "✓ On target (≥ 90 %): \(f.onTarget)"))),
                         .li(.text(c.t("✗ Εκτός τροχιάς: \(f.offTarget)", "✗ Off target: \(f.offTarget)"))),
                         .li(.text(c.t("○ Χωρίς μέτρηση ή στόχο: \(f.unmeasured)", "○ No value or target: \(f.unmeasured)")))))),
            .section(.h2(.text(c.t("Δράσεις ανά κατάσταση", "Actions by status"))),
                     .table(.class("list"), .caption(.text(c.t("Κατά την τελευταία αναφορά προόδου", "By the latest progress report"))),
                            .thead(.tr(.th(.text(c.t("Κατάσταση", "Status"))), .th(.class("num"), .text(c.t("Δράσεις", "Actions"))))),
                            .tbody(.forEach(f.statusCounts) { row in
                                .tr(.td(.text(row.status.map { "\(Self.icon($0)) \($0.greek)" } ?? c.t("○ Χωρίς αναφορά", "○ No report"))), .td(.class("num"), .text(String(row.count))))
                            }))),
            .if(scope != .programme, .section(.h2(.text(c.t("Δράσεις", "Actions"))),
                .table(.class("list"),
                       .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.text(c.t("Κατάσταση", "Status"))), .th(.text(c.t("Πρόοδος", "Progress"))))),
                       .tbody(.forEach(actions) { a in
                           .tr(.td(.text(a.code)), .td(.a(.href(SiteURL.action(p.id, a.id).path), .text(a.title))),
                               .td(.text(p.latestProgress(of: a.id).map { "\(Self.icon($0.status)) \($0.status.greek)" } ?? "○ —")),
                               .td(Bars.progress(rollup.find(a.id)?.actionProgress, label: a.code)))
                       })))),
            .if(scope == .programme, .section(.h2(.text(c.t("Άξονες", "Axes"))),
                     .div(.class("cards"), .forEach(p.axes) { axis in
                         let node = f.rollup.find(axis.id)
                         return .div(.class("card"),
                                     .h3(.a(.href(SiteURL.rollup(p.id, node: axis.id).path), .text("\(axis.code). \(axis.title)"))),
                                     Bars.progress(node?.progress, label: c.t("Πρόοδος άξονα \(axis.code)", "Progress of axis \(axis.code)")),
                                     .p(.class("hint"), .text(c.t("\(Plural.count(axis.measures.count, ("μέτρο", "μέτρα"), ("measure", "measures"), c.language)) · κόστος \(axis.measures.flatMap(\.objectives).flatMap(\.actions).map(\.cost).sum().formatted)",
                                                                  "\(axis.measures.count) measures"))))
                     })))
        ))
    }

    static func icon(_ status: ProgressUpdate.Status) -> String {
        switch status {
        case .notStarted: "○"
        case .onTrack: "✓"
        case .atRisk: "⚠"
        case .delayed: "◔"
        case .completed: "✔"
        case .cancelled: "✗"
        }
    }
}

/// How a roll-up figure was computed: the node's children, their weights and the formula.
struct RollupPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var node: RollupNode

    func render() -> String {
        let c = context
        let p = loaded.programme
        let name = node.level.map { "\($0.label(c.language)) \(node.code): \(node.title)" } ?? node.title
        let title = c.t("Πρόοδος: \(name)", "Progress: \(name)")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p) + [(c.t("Πίνακας παρακολούθησης", "Dashboard"), SiteURL.dashboard(p.id).path)]).render(.group(
            .h1(.text(title)),
            Bars.progress(node.progress, label: c.t("Πρόοδος", "Progress")),
            .p(.text(c.t("Π = Σ(βᵢ × πᵢ) / Σβᵢ = \(Format.number((node.weightedSum * 10).rounded() / 10)) / \(Format.number(node.weight)) = \(Format.percent(node.progress))",
                         "P = Σ(wᵢ × pᵢ) / Σwᵢ = \(Format.number((node.weightedSum * 10).rounded() / 10)) / \(Format.number(node.weight)) = \(Format.percent(node.progress))"))),
            .p(.class("hint"), .text(c.t("Κάθε επίπεδο είναι ο σταθμισμένος μέσος όρος των δράσεων που περιέχει· οι ακυρωμένες δράσεις δεν μετρούν.",
                                         "Each level is the weighted average of the actions it contains; cancelled actions do not count."))),
            .table(.class("list"),
                   .caption(.text(c.t("Τα στοιχεία που συνθέτουν τον αριθμό", "What the figure is made of"))),
                   .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Τίτλος", "Title"))), .th(.class("num"), .text(c.t("Βάρος", "Weight"))),
                              .th(.class("num"), .text(c.t("Πρόοδος", "Progress"))), .th(.class("num"), .text(c.t("Συμβολή", "Contribution"))))),
                   .tbody(.forEach(node.children) { child in
                       let link: String = child.level == .action ? SiteURL.action(p.id, child.id!).path : SiteURL.rollup(p.id, node: child.id!).path
                       return .tr(.td(.text(child.code)), .td(.a(.href(link), .text(child.title))),
                                  .td(.class("num"), .text(child.excluded ? c.t("0 (εκτός)", "0 (left out)") : Format.number(child.weight))),
                                  .td(.class("num"), .text(Format.percent(child.level == .action ? child.actionProgress : child.progress))),
                                  .td(.class("num"), .text(Format.number((child.weightedSum * 10).rounded() / 10))))
                   }),
                   .tfoot(.tr(.th(.attribute(named: "colspan", value: "2"), .text(c.t("Σύνολο", "Total"))), .td(.class("num"), .text(Format.number(node.weight))),
                              .td(.class("num"), .text(Format.percent(node.progress))), .td(.class("num"), .text(Format.number((node.weightedSum * 10).rounded() / 10))))))
        ))
    }
}

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
                .dt(.text(c.t("Κατεύθυνση", "Direction"))), .dd(.text(i.direction.greek)),
                .dt(.text(c.t("Τιμή βάσης", "Baseline"))), .dd(.text(i.baseline.map { "\(Format.number($0)) (\(i.baselineYear.map(String.init) ?? "—"))" } ?? "—")),
                .dt(.text(c.t("Πηγή", "Source"))), .dd(.text(i.dataSource)),
                .dt(.text(c.t("Υπεύθυνη υπηρεσία", "Responsible unit"))), .dd(.text(loaded.reference.unit(i.responsibleUnitID)?.name ?? "—"))),
            .div(.class("chart-scroll"), .raw(Charts.trend(indicator: i, years: p.years, title: c.t("Εξέλιξη του δείκτη \(i.code) και στόχοι", "Trend of \(i.code) and targets")))),
            .table(.class("list"),
                   .caption(.text(c.t("Στόχοι, τιμές και επίτευξη ανά έτος", "Targets, values and achievement per year"))),
                   .thead(.tr(.th(.text(c.t("Έτος", "Year"))), .th(.class("num"), .text(c.t("Στόχος", "Target"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))),
                              .th(.class("num"), .text(c.t("Επίτευξη", "Achievement"))))),
                   .tbody(.forEach(Array(p.years)) { y in
                       .tr(.td(.text(String(y))), .td(.class("num"), .text(i.targets[y].map(Format.number) ?? "—")),
                           .td(.class("num"), .text(i.actual(in: y).map(Format.number) ?? "—")), .td(.class("num"), .text(Format.percent(i.achievement(in: y)))))
                   })),
            .h2(.text(c.t("Μετρήσεις", "Measurements"))),
            .ul(.forEach(i.measurements) { m in .li(.text("\(m.period.greek): \(Format.number(m.value)) \(i.unit)" + (m.note.isEmpty ? "" : " · \(m.note)") + " · \(m.recordedBy)")) })
        ))
    }
}

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
                            .p(.text(c.t("Πρόοδος \(Format.percent(figures.rollup.find(measure.id)?.progress)) · ολοκληρώθηκαν \(done.count) από \(actions.count) δράσεις.",
                                         "Progress \(Format.percent(figures.rollup.find(measure.id)?.progress)) · \(done.count) of \(actions.count) actions completed."))),
                            .p(.text(c.t("Χρήματα \(year): προγραμματισμένα \(planned.formatted) · δεσμευμένα (δράσεις σε δημοπράτηση ή με σύμβαση) \(committed.formatted) · δαπάνη έως τότε \(spent.formatted).",
                                         "Money \(year): planned \(planned.formatted) · committed \(committed.formatted) · spent \(spent.formatted)."))),
                            .if(!done.isEmpty, .group(.h4(.text(c.t("Τι έγινε", "What was done"))), .ul(.forEach(done) { .li(.text("\($0.code) \($0.title)")) }))),
                            .if(!delayed.isEmpty, .group(.h4(.text(c.t("Δράσεις σε καθυστέρηση ή κίνδυνο και αιτίες", "Delayed or at-risk actions and reasons"))),
                                                         .ul(.forEach(delayed) { a in
                                                             .li(.text("\(a.code) \(a.title) — \(yearUpdate(a)!.status.greek)" + (yearUpdate(a)!.comment.isEmpty ? "" : ": \(yearUpdate(a)!.comment)")))
                                                         }))),
                            .if(!indicators.isEmpty, .table(.class("list"),
                                .caption(.text(c.t("Δείκτες έναντι στόχων \(year)", "Indicators against targets \(year)"))),
                                .thead(.tr(.th(.text(c.t("Δείκτης", "Indicator"))), .th(.class("num"), .text(c.t("Στόχος", "Target"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))),
                                           .th(.class("num"), .text(c.t("Επίτευξη", "Achievement"))))),
                                .tbody(.forEach(indicators) { i in
                                    .tr(.td(.a(.href(SiteURL.indicator(p.id, i.id).path), .text("\(i.code) \(i.name) (\(i.unit))"))),
                                        .td(.class("num"), .text(i.targets[year].map(Format.number) ?? "—")),
                                        .td(.class("num"), .text(i.actual(in: year).map(Format.number) ?? "—")),
                                        .td(.class("num"), .text(Format.percent(i.achievement(in: year)))))
                                })))
                        )
                    })
            }
        ))
    }
}
