import Foundation
import OramaDomain
import Plot

struct ChecksPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var findings: [Finding]

    func render() -> String {
        let c = context
        let p = loaded.programme
        let errors = findings.filter { $0.severity == .error }.count
        let title = c.t("Έλεγχοι του προγράμματος", "Programme checks")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.attribute(named: "role", value: "status"),
               .text(findings.isEmpty ? c.t("✓ Δεν βρέθηκε κανένα πρόβλημα.", "✓ No problems found.")
                     : c.t("Ευρήματα: \(findings.count) (σφάλματα: \(errors), προειδοποιήσεις: \(findings.count - errors)).",
                           "\(findings.count) findings: \(errors) errors, \(findings.count - errors) warnings."))),
            .p(.class("hint"), .text(c.t("Οι έλεγχοι ομαδοποιούν και ελέγχουν τις δράσεις κάθε μέτρου (ΥΑ 41179/2014): στόχοι χωρίς δράσεις ή δείκτες, δράσεις χωρίς υπηρεσία, κόστος, χρηματοδότηση ή χρονοδιάγραμμα, υπερβάσεις ορίων πηγών.",
                                         "The checks group and check the actions of each measure: objectives without actions or indicators, actions without owner, cost, funding or schedule, sources over their ceilings."))),
            Wide.region(c.t("Ευρήματα των ελέγχων", "Findings of the checks"), .table(.class("list findings"),
                   .caption(.text(c.t("Ευρήματα, πρώτα τα σφάλματα", "Findings, errors first"))),
                   .thead(.tr(.th(.text(c.t("Σοβαρότητα", "Severity"))), .th(.text(c.t("Πού", "Where"))), .th(.text(c.t("Τι δεν πάει καλά", "What is wrong"))),
                              .th(.text(c.t("Τι να κάνετε", "What to do"))))),
                   .tbody(.forEach(findings) { f in
                       .tr(.class(f.severity.rawValue),
                           .td(.text((f.severity == .error ? "✖ " : "⚠ ") + f.severity.label(c.language))),
                           .td(.unwrap(SiteURL.place(of: f, in: p.id), { .a(.href($0), .text("\(f.code) \(f.title)")) }, else: .text("\(f.code) \(f.title)")),
                               .br(), .span(.class("hint"), .text(f.rule.greek))),
                           .td(.text(f.problem)), .td(.text(f.remedy)))
                   })))
        ))
    }
}
