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
            Wide.region(c.t("Ιστορικό αλλαγών", "Change history"), .table(.class("list history"),
                   .caption(.text(c.t("Οι πιο πρόσφατες αλλαγές πρώτες", "Most recent first"))),
                   .thead(.tr(.th(.text(c.t("Πότε", "When"))), .th(.text(c.t("Ποιος", "Who"))), .th(.text(c.t("Τι", "What"))), .th(.text(c.t("Αλλαγές", "Changes"))))),
                   .tbody(.forEach(entries) { entry in
                       .tr(.td(.text(Format.dateTime(entry.at))), .td(.text(entry.actor)),
                           .td(.text("\(AuditWords.operation(entry.operation, c.language)) · \(AuditWords.entity(entry.entity, c.language))")),
                           .td(.ul(.class("changes"), .forEach(AuditWords.changes(entry.changes, c.language)) { field, before, after in
                               .li(.strong(.text(field)), .text(": "), .del(.text(before)), .text(" → "), .ins(.text(after)))
                           })))
                   })))
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

    /// What people call the stored fields the audit log names.
    static let fields: [String: (String, String)] = [
        "title": ("Τίτλος", "Title"), "description": ("Περιγραφή", "Description"), "cost_cents": ("Κόστος", "Cost"), "amount_cents": ("Ποσό", "Amount"),
        "annual_ceiling_cents": ("Ετήσιο όριο", "Annual ceiling"), "budgeted_cents": ("Προϋπολογισθέντα", "Budgeted"), "committed_cents": ("Δεσμευθέντα", "Committed"),
        "paid_cents": ("Πληρωθέντα", "Paid"), "spent_cents": ("Δαπάνη", "Spent"), "code": ("Κωδικός", "Code"), "name": ("Όνομα", "Name"), "kind": ("Είδος", "Kind"),
        "nature": ("Φύση", "Nature"), "maturity": ("Ωριμότητα", "Maturity"), "priority": ("Προτεραιότητα", "Priority"), "rank": ("Σειρά κατάταξης", "Rank"),
        "weight": ("Βάρος", "Weight"), "schedule_start": ("Έναρξη", "Start"), "schedule_end": ("Λήξη", "End"), "budget_lines": ("ΚΑΕ", "Budget lines"),
        "preconditions": ("Προϋποθέσεις υλοποίησης", "Preconditions"), "responsible_unit_id": ("Αρμόδια υπηρεσία", "Responsible unit"), "position": ("Θέση", "Position"),
        "year": ("Έτος", "Year"), "source_id": ("Πηγή χρηματοδότησης", "Funding source"), "status": ("Κατάσταση", "Status"),
        "physical_progress": ("Φυσικό αντικείμενο (%)", "Physical progress (%)"), "comment": ("Σχόλιο", "Comment"), "note": ("Σημείωση", "Note"),
        "value": ("Τιμή", "Value"), "period": ("Περίοδος", "Period"), "baseline": ("Τιμή βάσης", "Baseline"), "baseline_year": ("Έτος βάσης", "Baseline year"),
        "unit": ("Μονάδα", "Unit"), "direction": ("Κατεύθυνση", "Direction"), "frequency": ("Συχνότητα", "Frequency"), "data_source": ("Πηγή δεδομένων", "Data source"),
        "partners": ("Εταίροι", "Partners"), "supra_local": ("Υπερτοπική", "Supra-local"), "implementing_kind": ("Φορέας υλοποίησης", "Implementing body"),
        "partner_name": ("Φορέας σύμβασης", "Contract body"), "partner_contract": ("Σύμβαση συνεργασίας", "Cooperation contract"),
        "legal_entity_id": ("Νομικό πρόσωπο", "Legal entity"), "date": ("Ημερομηνία", "Date"), "done": ("Ολοκληρώθηκε", "Done"), "text": ("Κείμενο", "Text"),
        "start_year": ("Έτος έναρξης", "Start year"), "end_year": ("Έτος λήξης", "End year"), "vision": ("Όραμα", "Vision"), "body": ("Κείμενο", "Text"),
        "email": ("E-mail", "E-mail"), "phone": ("Τηλέφωνο", "Phone"), "parent_id": ("Ανήκει σε", "Belongs to"), "role": ("Ρόλος", "Role"),
        "unit_ids": ("Υπηρεσίες", "Units"), "recorded_by": ("Καταχωρίστηκε από", "Recorded by"), "recorded_at": ("Χρόνος καταχώρισης", "Recorded at"),
        "at": ("Χρόνος", "Time"), "version": ("Έκδοση", "Version"), "reporting_frequency": ("Συχνότητα αναφορών", "Reporting frequency"),
        "reporting_due_days": ("Προθεσμία αναφορών (ημέρες)", "Reports due (days)"), "consultation_start": ("Έναρξη διαβούλευσης", "Consultation opens"),
        "consultation_end": ("Λήξη διαβούλευσης", "Consultation closes"), "council_session": ("Συνεδρίαση συμβουλίου", "Council session"),
        "target_id": ("Σύνδεση", "Link"), "objective_id": ("Στόχος", "Objective"), "measure_id": ("Μέτρο", "Measure"), "axis_id": ("Άξονας", "Axis"),
        "indicator_id": ("Δείκτης", "Indicator"), "action_id": ("Δράση", "Action"), "entity_id": ("Στοιχείο", "Item"), "lines": ("Γραμμές", "Lines"),
        "paid": ("Πληρωθέντα", "Paid"), "total": ("Σύνολο", "Total"), "actions": ("Δράσεις", "Actions"), "user": ("Χρήστης", "User"),
        "password_hash": ("Κωδικός πρόσβασης", "Password"), "organisation_id": ("Δήμος", "Municipality"), "programme_id": ("Πρόγραμμα", "Programme"),
    ]

    /// The audit record's `{field: [before, after]}` as rows a person reads: the field's name,
    /// money as money, times as dates, yes and no; in the order of the names.
    static func changes(_ json: String, _ l: Language) -> [(String, String, String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [Any]] else { return [] }
        return object.keys.map { key in
            let pair = object[key]!
            func text(_ any: Any?) -> String {
                guard let raw = any as? String, raw != "null", !raw.isEmpty else { return "—" }
                if key.hasSuffix("_cents"), let cents = Int64(raw) { return Money(cents: cents).formatted }
                if key == "at" || key.hasSuffix("_at"), let ms = Int64(raw) { return Format.dateTime(Date(timeIntervalSince1970: Double(ms) / 1000)) }
                if raw == "true" { return l.t("Ναι", "Yes") }
                if raw == "false" { return l.t("Όχι", "No") }
                return raw
            }
            let name = fields[key].map { l.t($0.0, $0.1) } ?? key.replacingOccurrences(of: "_", with: " ")
            return (name, text(pair.first), text(pair.count > 1 ? pair[1] : nil))
        }.sorted { $0.0 < $1.0 }
    }
}
