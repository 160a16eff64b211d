import Foundation
import OramaDomain
import Plot

/// A programme's operational plan as a tree: codes, titles, owners, cost and progress.
struct ProgrammePage {
    var programme: Programme
    var reference: ReferenceData

    func render() -> String {
        let p = programme
        let rollup = p.progressRollup()
        func progress(_ id: UUID) -> String { Format.percent(rollup.find(id)?.progress) }
        func cost(_ actions: [Action]) -> String { actions.map(\.cost).sum().formatted }

        return Layout(title: p.title, breadcrumbs: [("Αρχική", SiteURL.home.path)], notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(p.title)),
            .dl(
                .class("facts"),
                .dt("Δήμος"), .dd(.text(reference.organisation.name)),
                .dt("Περίοδος"), .dd(.text("\(p.startYear)–\(p.endYear)")),
                .dt("Κατάσταση"), .dd(.text("\(p.status.greek) · έκδοση \(p.version)")),
                .dt("Συνολικός προϋπολογισμός"), .dd(.text(p.actions.map(\.cost).sum().formatted)),
                .dt("Χρηματοδότηση"), .dd(.text(p.totalFunding.formatted)),
                .dt("Πρόοδος"), .dd(.text(Format.percent(rollup.progress)))
            ),
            .unwrap(p.strategicPlan.vision.isEmpty ? nil : p.strategicPlan.vision) { vision in
                .section(.h2("Όραμα"), .p(.text(vision)))
            },
            .section(
                .h2("Επιχειρησιακό Σχέδιο"),
                .p(.class("hint"), .text("\(p.axes.count) άξονες · \(p.measures.count) μέτρα · \(p.objectives.count) στόχοι · \(p.actions.count) δράσεις · \(p.indicators.count) δείκτες")),
                .table(
                    .class("tree"),
                    .caption("Άξονες, μέτρα, στόχοι και δράσεις με κόστος και πρόοδο"),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Κωδ."), .th("Τίτλος"), .th("Αρμόδια υπηρεσία"), .th(.class("num"), "Κόστος"), .th(.class("num"), "Πρόοδος"))),
                    .forEach(p.axes) { axis in
                        .tbody(
                            .tr(.class("axis"),
                                .th(.attribute(named: "scope", value: "row"), .text(axis.code)),
                                .td(.attribute(named: "colspan", value: "2"), .text("Άξονας \(axis.code): \(axis.title)")),
                                .td(.class("num"), .text(cost(axis.measures.flatMap(\.objectives).flatMap(\.actions)))),
                                .td(.class("num"), .text(progress(axis.id)))),
                            .forEach(axis.measures) { measure in
                                .group(
                                    .tr(.class("measure"),
                                        .th(.attribute(named: "scope", value: "row"), .text(measure.code)),
                                        .td(.attribute(named: "colspan", value: "2"), .text("Μέτρο \(measure.code): \(measure.title)")),
                                        .td(.class("num"), .text(cost(measure.objectives.flatMap(\.actions)))),
                                        .td(.class("num"), .text(progress(measure.id)))),
                                    .forEach(measure.objectives) { objective in
                                        .group(
                                            .tr(.class("objective"),
                                                .th(.attribute(named: "scope", value: "row"), .text(objective.code)),
                                                .td(.attribute(named: "colspan", value: "2"), .text("Στόχος \(objective.code): \(objective.title)")),
                                                .td(.class("num"), .text(cost(objective.actions))),
                                                .td(.class("num"), .text(progress(objective.id)))),
                                            .forEach(objective.actions) { action in
                                                .tr(.class("action"),
                                                    .th(.attribute(named: "scope", value: "row"), .text(action.code)),
                                                    .td(.text(action.title)),
                                                    .td(.text(reference.unit(action.responsibleUnitID)?.name ?? "—")),
                                                    .td(.class("num"), .text(action.cost.formatted)),
                                                    .td(.class("num"), .text(actionProgress(action, rollup))))
                                            }
                                        )
                                    }
                                )
                            }
                        )
                    }
                )
            ),
            .section(
                .h2("Πώς υπολογίζεται η πρόοδος"),
                .p("Η πρόοδος κάθε δράσης είναι το ποσοστό φυσικού αντικειμένου της τελευταίας αναφοράς προόδου (100 % όταν έχει ολοκληρωθεί, 0 % όταν δεν έχει αναφερθεί ακόμη). Οι ακυρωμένες δράσεις δεν υπολογίζονται. Η πρόοδος στόχου, μέτρου, άξονα και προγράμματος είναι ο σταθμισμένος μέσος όρος των δράσεών τους: Π = Σ(βᵢ × πᵢ) / Σβᵢ, όπου βᵢ το βάρος κάθε δράσης (1, εκτός αν ορίστηκε άλλο).")
            )
        ))
    }

    func actionProgress(_ action: Action, _ rollup: RollupNode) -> String {
        guard let update = programme.latestProgress(of: action.id) else { return "—" }
        if update.status == .cancelled { return "Ακυρώθηκε" }
        return Format.percent(rollup.find(action.id)?.actionProgress)
    }
}
