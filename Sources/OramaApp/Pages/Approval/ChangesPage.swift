import Foundation
import OramaDomain
import Plot

/// What a revision changes: the counts in words, the actions field by field, money per axis,
/// source and year before and after, indicator targets; with the annex as DOCX and for print.
struct ChangesPage {
    var context: PageContext
    var compared: ChangesController.Compared

    func render() -> String {
        let c = context
        let p = compared.after.programme
        let before = compared.before
        let changes = compared.changes
        let title = c.t("Πίνακας μεταβολών", "Table of changes")
        let counts = [Plural.count(changes.count(.added), ("νέα δράση", "νέες δράσεις"), ("new action", "new actions"), c.language),
                      Plural.count(changes.count(.removed), ("διαγραφή", "διαγραφές"), ("removal", "removals"), c.language),
                      Plural.count(changes.count(.moved), ("μετακίνηση", "μετακινήσεις"), ("move", "moves"), c.language),
                      Plural.count(changes.count(.changed), ("τροποποίηση", "τροποποιήσεις"), ("change", "changes"), c.language),
                      Plural.count(changes.targets.count, ("μεταβολή δείκτη", "μεταβολές δεικτών"), ("indicator change", "indicator changes"), c.language)]
        return Layout(title: title + " · " + p.title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Η έκδοση \(p.version) (αναθεώρηση) έναντι της έκδοσης \(before.version): ", "Version \(p.version) (revision) against version \(before.version): ")
                     + counts.joined(separator: ", ") + ".")),
            .p(.class("noprint"),
               .a(.class("button"), .href(SiteURL.changesDocument(p.id, format: "docx").path), .text(c.t("Παράρτημα σε Word (DOCX)", "Annex as Word (DOCX)"))),
               .text(" "),
               .a(.href(SiteURL.changesDocument(p.id, format: "html").path), .text(c.t("Έκδοση για εκτύπωση", "Print version"))),
               .text(" · "),
               .a(.href(SiteURL.approvalPath(before.id).path), .text(c.t("η έκδοση \(before.version)", "version \(before.version)")))),
            .h2(.text(c.t("Δράσεις", "Actions"))),
            changes.actions.isEmpty ? .p(.text(c.t("Καμία δράση δεν προστέθηκε, δεν διαγράφηκε ούτε τροποποιήθηκε.", "No action was added, removed or changed."))) :
                Wide.region(c.t("Μεταβολές δράσεων", "Changes to actions"), .table(.class("list changes"),
                    .caption(.text(c.t("Μεταβολές δράσεων, ανά πεδίο", "Changes to actions, field by field"))),
                    .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.text(c.t("Μεταβολή", "Change"))),
                               .th(.text(c.t("Πεδίο", "Field"))), .th(.text(c.t("Πριν", "Before"))), .th(.text(c.t("Μετά", "After"))))),
                    .tbody(.forEach(changes.actions) { change in rows(change) }))),
            money(c.t("Χρηματοδότηση ανά άξονα", "Funding by axis"), c.t("Άξονας", "Axis"), changes.byAxis),
            money(c.t("Χρηματοδότηση ανά πηγή", "Funding by source"), c.t("Πηγή", "Source"), changes.bySource),
            money(c.t("Χρηματοδότηση ανά έτος", "Funding by year"), c.t("Έτος", "Year"), changes.byYear),
            .h2(.text(c.t("Δείκτες και τιμές στόχοι", "Indicators and targets"))),
            changes.targets.isEmpty ? .p(.text(c.t("Καμία τιμή στόχος δεν άλλαξε.", "No target changed."))) :
                Wide.region(c.t("Μεταβολές δεικτών", "Changes to indicators"), .table(.class("list"),
                    .caption(.text(c.t("Μεταβολές δεικτών και τιμών στόχων", "Changes to indicators and targets"))),
                    .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δείκτης", "Indicator"))), .th(.text(c.t("Μεταβολή", "Change"))),
                               .th(.text(c.t("Έτος", "Year"))), .th(.class("num"), .text(c.t("Πριν", "Before"))), .th(.class("num"), .text(c.t("Μετά", "After"))))),
                    .tbody(.forEach(changes.targets) { t in
                        .tr(.td(.text(t.code)), .td(.text("\(t.name) (\(t.unit))")), .td(.text(c.t(t.kind.indicatorGreek, t.kind.label(.en)))),
                            .td(.text(t.year.map(String.init) ?? "—")), .td(.class("num"), .text(t.before.map(GreekNumber.format) ?? "—")),
                            .td(.class("num"), .text(t.after.map(GreekNumber.format) ?? "—")))
                    })))
        ))
    }

    private func rows(_ change: ProgrammeChanges.ActionChange) -> Node<HTML.TableContext> {
        let c = context
        let code = change.codeBefore.map { "\(change.code) (\(c.t("πριν", "was")) \($0))" } ?? change.code
        return .forEach(Array(change.fields.enumerated())) { index, field in
            .tr(.class("kind-\(change.kind.rawValue)"),
                .td(.text(index == 0 ? code : "")), .td(.text(index == 0 ? change.title : "")), .td(.text(index == 0 ? change.kind.label(c.language) : "")),
                .td(.text(field.field)), .td(.text(field.before.isEmpty ? "—" : field.before)), .td(.text(field.after.isEmpty ? "—" : field.after)))
        }
    }

    private func money(_ title: String, _ first: String, _ rows: [ProgrammeChanges.MoneyRow]) -> Node<HTML.BodyContext> {
        let c = context
        let before = rows.map(\.before).sum(), after = rows.map(\.after).sum()
        return .group(
            .h2(.text(title)),
            Wide.region(title, .table(.class("list"),
                .caption(.text(title + c.t(", πριν και μετά", ", before and after"))),
                .thead(.tr(.th(.text(first)), .th(.class("num"), .text(c.t("Πριν", "Before"))), .th(.class("num"), .text(c.t("Μετά", "After"))),
                           .th(.class("num"), .text(c.t("Διαφορά", "Difference"))))),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.text(r.label)), .td(.class("num"), .text(r.before.formatted)), .td(.class("num"), .text(r.after.formatted)),
                        .td(.class("num"), .text(r.difference.isZero ? "—" : r.difference.formatted)))
                }),
                .tfoot(.tr(.th(.text(c.t("Σύνολο", "Total"))), .td(.class("num"), .text(before.formatted)), .td(.class("num"), .text(after.formatted)),
                           .td(.class("num"), .text((after - before).formatted)))))))
    }
}
