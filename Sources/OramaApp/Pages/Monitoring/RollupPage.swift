import Foundation
import OramaDomain
import Plot

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
