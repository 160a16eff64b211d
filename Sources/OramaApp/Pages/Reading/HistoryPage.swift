import Foundation
import OramaDomain
import Plot
import Vapor

struct HistoryPage {
    var context: PageContext
    var summary: ProgrammeSummary
    var subject: String?
    var entries: [AuditEntry]

    func render() -> String {
        let c = context
        let title = subject.map { c.t("Ιστορικό: \($0)", "History: \($0)") } ?? c.t("Ιστορικό αλλαγών", "Change history")
        return Layout(title: title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path), (summary.title, SiteURL.programme(summary.id).path)]).render(.group(
            .h1(.text(title)),
            .if(entries.isEmpty, .p(.text(c.t("Δεν υπάρχουν καταγεγραμμένες αλλαγές.", "No recorded changes.")))),
            .table(.class("list history"),
                   .caption(.text(c.t("Οι πιο πρόσφατες αλλαγές πρώτες", "Most recent first"))),
                   .thead(.tr(.th(.text(c.t("Πότε", "When"))), .th(.text(c.t("Ποιος", "Who"))), .th(.text(c.t("Τι", "What"))), .th(.text(c.t("Αλλαγές", "Changes"))))),
                   .tbody(.forEach(entries) { entry in
                       .tr(.td(.text(Format.dateTime(entry.at))), .td(.text(entry.actor)),
                           .td(.text("\(AuditWords.operation(entry.operation, c.language)) · \(AuditWords.entity(entry.entity, c.language))")),
                           .td(.ul(.class("changes"), .forEach(AuditWords.changes(entry.changes)) { field, before, after in
                               .li(.strong(.text(field)), .text(": "), .del(.text(before)), .text(" → "), .ins(.text(after)))
                           })))
                   }))
        ))
    }
}

enum AuditWords {
    static func operation(_ code: String, _ l: Language) -> String {
        switch code {
        case "create": l.t("Δημιουργία", "Created")
        case "update": l.t("Αλλαγή", "Changed")
        case "delete": l.t("Διαγραφή", "Deleted")
        default: code
        }
    }

    static func entity(_ code: String, _ l: Language) -> String {
        let names: [String: (String, String)] = [
            "programme": ("πρόγραμμα", "programme"), "axis": ("άξονας", "axis"), "measure": ("μέτρο", "measure"), "objective": ("στόχος", "objective"),
            "action": ("δράση", "action"), "fundingLine": ("γραμμή χρηματοδότησης", "funding line"), "milestone": ("ορόσημο", "milestone"),
            "actionLink": ("σύνδεση δράσης", "action link"), "indicator": ("δείκτης", "indicator"), "indicatorTarget": ("τιμή-στόχος", "target"),
            "measurement": ("μέτρηση", "measurement"), "progressUpdate": ("αναφορά προόδου", "progress update"), "profileSection": ("ενότητα προφίλ", "profile section"),
            "keyFigure": ("βασικό μέγεθος", "key figure"), "planStatement": ("στοιχείο στρατηγικής", "strategy item"), "comment": ("σχόλιο", "comment"), "periodLock": ("κλείδωμα περιόδου", "period lock"), "annualApproval": ("έγκριση ετήσιου προγράμματος", "annual approval"),
        ]
        return names[code].map { l.t($0.0, $0.1) } ?? code
    }

    /// The audit record's `{field: [before, after]}` as rows, fields in a stable order.
    static func changes(_ json: String) -> [(String, String, String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [Any]] else { return [] }
        return object.keys.sorted().map { key in
            let pair = object[key]!
            func text(_ any: Any?) -> String { (any as? String).map { $0 == "null" ? "—" : $0 } ?? "—" }
            return (key, text(pair.first), text(pair.count > 1 ? pair[1] : nil))
        }
    }
}
