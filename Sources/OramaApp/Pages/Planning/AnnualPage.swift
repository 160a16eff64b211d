import Foundation
import OramaDomain
import Plot

struct AnnualPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var annual: AnnualProgramme
    var approval: AnnualApprovals.Approval?
    var showingLive: Bool
    var canApprove: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let y = annual.year
        let title = c.t("Ετήσιο Πρόγραμμα Δράσης \(y)", "Annual Action Programme \(y)")
        let quarterNames = ["Αʹ", "Βʹ", "Γʹ", "Δʹ"]
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p), notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .nav(.class("subnav"), .ariaLabel(c.t("Έτη", "Years")), .ul(.forEach(Array(p.years)) { year in
                .li(.a(.href(SiteURL.annual(p.id, year: year).path), .if(year == y, .attribute(named: "aria-current", value: "page")), .text(String(year))))
            })),
            .p(.class("noprint"), .a(.class("button"), .href(SiteURL.document(p.id, kind: "annual", format: "docx", year: y).path), .text(c.t("Λήψη σε Word (DOCX)", "Download as Word (DOCX)"))),
               .text(" "), .a(.class("button secondary"), .href(SiteURL.document(p.id, kind: "annual", format: "html", year: y).path), .text(c.t("Για εκτύπωση", "Print version")))),
            .unwrap(approval, { a in
                .p(.class("flash"), .text(showingLive
                    ? c.t("Εγκρίθηκε στις \(Format.dateTime(a.approvedAt)) από \(a.approvedBy). Βλέπετε την τρέχουσα μορφή, όχι την εγκεκριμένη.", "Approved on \(Format.dateTime(a.approvedAt)) by \(a.approvedBy). You see the current form, not the approved one.")
                    : c.t("Εγκρίθηκε στις \(Format.dateTime(a.approvedAt)) από \(a.approvedBy). Εμφανίζεται η εγκεκριμένη μορφή· οι μεταγενέστερες αλλαγές δεν την επηρεάζουν.", "Approved on \(Format.dateTime(a.approvedAt)) by \(a.approvedBy). This is the approved form; later edits do not change it.")),
                   .text(" "), .a(.href(SiteURL.annual(p.id, year: y, live: !showingLive).path), .text(showingLive ? c.t("Εγκεκριμένη μορφή", "Approved form") : c.t("Τρέχουσα μορφή", "Current form"))))
            }, else: .if(canApprove, .form(.method(.post), .action(SiteURL.approveAnnual(p.id, year: y).path), .class("noprint"), c.csrfField,
                                           .p(.text(c.t("Με την έγκριση το πρόγραμμα του έτους «παγώνει» όπως είναι τώρα.", "Approving freezes the year's programme as it is now."))),
                                           .button(.type(.submit), .class("primary"), .text(c.t("Έγκριση του \(y)", "Approve \(y)")))))),
            .p(.text(c.t("\(Plural.count(annual.entries.count, ("δράση", "δράσεις"), ("action", "actions"), c.language)) · προϋπολογισμός έτους \(annual.total.formatted)",
                         "\(annual.entries.count) actions · budget of the year \(annual.total.formatted)"))),
            Wide.region(c.t("Πίνακας δράσεων του έτους", "Actions of the year"), .table(.class("list annual"),
                   .caption(.text(c.t("Δράσεις του έτους με εκροές, χρονοδιάγραμμα, προϋπολογισμό και πηγές, προϋποθέσεις και χωροθέτηση", "The year's actions"))),
                   .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση / Άξονας / Μέτρο", "Action / axis / measure"))),
                              .th(.text(c.t("Εκροές έτους", "Outputs of the year"))), .forEach(quarterNames) { .th(.class("q"), .text($0)) },
                              .th(.class("num"), .text(c.t("Προϋπολογισμός €", "Budget €"))), .th(.text(c.t("Πηγές", "Sources"))),
                              .th(.text(c.t("Προϋποθέσεις", "Preconditions"))), .th(.text(c.t("Χωροθέτηση", "Location"))), .th(.text("ΚΑΕ")))),
                   .tbody(.forEach(annual.entries) { e in
                       .tr(.td(.text(e.code)),
                           .td(.a(.href(SiteURL.action(p.id, e.actionID).path), .text(e.title)), .br(), .span(.class("hint"), .text("\(e.axis) › \(e.measure) · \(e.responsibleUnit)"))),
                           .td(.text(e.outputs.map { "\($0.name): \(Format.number($0.target)) \($0.unit)" }.joined(separator: "; ").ifEmpty("—"))),
                           .forEach(1...4) { q in .td(.class("q"), .text(e.quarters.contains(q) ? "■" : "")) },
                           .td(.class("num"), .text(e.budget.formattedNumber)),
                           .td(.text(e.sources.map { "\($0.source) \($0.amount.formattedNumber)" }.joined(separator: "; "))),
                           .td(.text(e.preconditions.ifEmpty("—"))), .td(.text(e.location.joined(separator: ", ").ifEmpty(c.t("Όλος ο Δήμος", "Whole municipality")))),
                           .td(.text(e.budgetLines.joined(separator: ", "))))
                   }))),
            .h2(.text(c.t("Τεχνικό Πρόγραμμα \(y)", "Technical Programme \(y)"))),
            .forEach(annual.technicalProgramme) { group in
                Wide.region(c.t("Τεχνικό Πρόγραμμα: \(group.name)", "Technical Programme: \(group.name)"), .table(.class("money technical"),
                       .caption(.text(group.name)),
                       .thead(.tr(.th(.text("Α/Α")), .th(.text(c.t("Τίτλος", "Title"))), .th(.text(c.t("Κατηγορία", "Category"))), .th(.text(c.t("Χρηματοδότηση", "Funding"))),
                                  .th(.class("num"), .text(c.t("Προϋπολογιζόμενο ποσό €", "Estimated amount €"))))),
                       .tbody(.forEach(group.items) { item in
                           .tr(.td(.text(String(item.number))), .td(.text("\(item.code) \(item.title)")), .td(.text(item.category)), .td(.text(item.funding)),
                               .td(.class("num"), .text(item.amount.formattedNumber)))
                       }),
                       .tfoot(.tr(.th(.attribute(named: "colspan", value: "4"), .text("ΣΥΝΟΛΟ")), .td(.class("num"), .strong(.text(group.total.formattedNumber)))))))
            },
            .p(.class("noprint"), .a(.href(SiteURL.apiAnnual(p.id, year: y).path), .text(c.t("Τα ίδια δεδομένα σε JSON", "The same data as JSON"))))
        ))
    }
}
