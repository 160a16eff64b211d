import Foundation
import OramaDomain
import Plot

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
        case .locality(let place): title = c.t("Πίνακας παρακολούθησης: \(place.heading)", "Dashboard: \(place.heading(.en))")
        }
        let units = r.units.filter { unit in p.actions.contains { $0.responsibleUnitID == unit.id } }
        let places = r.localities.filter { $0.kind == .municipalUnit }
        // Built only for a unit's or a place's view: Plot's `.if` would build it and drop it.
        let actionsTable: Node<HTML.BodyContext> = scope == .programme ? .empty : {
            let latest = loaded.derived("latest-progress") { p.latestProgressByAction() }
            let rollup = loaded.derived("rollup-index") { RollupIndex(p.progressRollup()) }
            return .section(.h2(.text(c.t("Δράσεις", "Actions"))),
                Wide.region(c.t("Δράσεις", "Actions"), .table(.class("list"),
                       .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.text(c.t("Κατάσταση", "Status"))), .th(.text(c.t("Πρόοδος", "Progress"))))),
                       .tbody(.forEach(actions) { a in
                           .tr(.td(.text(a.code)), .td(.a(.href(SiteURL.action(p.id, a.id).path), .text(a.title))),
                               .td(.text(latest[a.id].map { "\(Self.icon($0.status)) \($0.status.label(c.language))" } ?? "○ —")),
                               .td(Bars.progress(rollup.find(a.id)?.actionProgress, label: a.code)))
                       }))))
        }()
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
                     Wide.region(c.t("Δράσεις κατά κατάσταση", "Actions by status"), .table(.class("list"), .caption(.text(c.t("Κατά την τελευταία αναφορά προόδου", "By the latest progress report"))),
                            .thead(.tr(.th(.text(c.t("Κατάσταση", "Status"))), .th(.class("num"), .text(c.t("Δράσεις", "Actions"))))),
                            .tbody(.forEach(f.statusCounts) { row in
                                .tr(.td(.text(row.status.map { "\(Self.icon($0)) \($0.label(c.language))" } ?? c.t("○ Χωρίς αναφορά", "○ No report"))), .td(.class("num"), .text(String(row.count))))
                            })))),
            actionsTable,
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
