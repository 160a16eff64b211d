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
            .table(.class("list findings"),
                   .caption(.text(c.t("Ευρήματα, πρώτα τα σφάλματα", "Findings, errors first"))),
                   .thead(.tr(.th(.text(c.t("Σοβαρότητα", "Severity"))), .th(.text(c.t("Πού", "Where"))), .th(.text(c.t("Τι δεν πάει καλά", "What is wrong"))),
                              .th(.text(c.t("Τι να κάνετε", "What to do"))))),
                   .tbody(.forEach(findings) { f in
                       .tr(.class(f.severity.rawValue),
                           .td(.text((f.severity == .error ? "✖ " : "⚠ ") + f.severity.greek)),
                           .td(.unwrap(PlanningController.link(f, p.id), { .a(.href($0), .text("\(f.code) \(f.title)")) }, else: .text("\(f.code) \(f.title)")),
                               .br(), .span(.class("hint"), .text(f.rule.greek))),
                           .td(.text(f.problem)), .td(.text(f.remedy)))
                   }))
        ))
    }
}

struct PrioritiesPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var canEdit: Bool
    var errors: [String: String]

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let whole = p.ranking(of: p.actions, reference: r)
        let title = c.t("Ιεράρχηση δράσεων", "Prioritisation of actions")
        func table(_ ranked: [(Action, PriorityScore)], caption: String, editable: Bool) -> Node<HTML.BodyContext> {
            .table(.class("list"),
                   .caption(.text(caption)),
                   .thead(.tr(.th(.text("#")), .th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.class("num"), .text(c.t("Βαθμός", "Score"))),
                              .th(.text(c.t("Ανάλυση", "Breakdown"))), .if(editable, .th(.text(c.t("Σειρά (προαιρετικά)", "Rank (optional)")))))),
                   .tbody(.forEach(Array(ranked.enumerated())) { i, item in
                       let (a, score) = item
                       return .tr(.td(.text(String(i + 1))), .td(.text(a.code)), .td(.a(.href(SiteURL.action(p.id, a.id).path), .text(a.title))),
                                  .td(.class("num"), .text(Format.number((score.score * 10).rounded() / 10))),
                                  .td(.class("hint"), .text(score.parts.map { "\($0.criterion) \(Format.number(($0.points * 10).rounded() / 10))/\(Format.number($0.weight))" }.joined(separator: " · "))),
                                  .if(editable, .td(.input(.type(.hidden), .name("was[\(a.id.uuidString)]"), .value(a.rank.map(String.init) ?? "")),
                                                    .input(.type(.text), .name("rank[\(a.id.uuidString)]"), .value(a.rank.map(String.init) ?? ""),
                                                           .attribute(named: "inputmode", value: "numeric"), .attribute(named: "size", value: "4"),
                                                           .attribute(named: "aria-label", value: Escape.attribute(c.t("Σειρά της δράσης \(a.code)", "Rank of action \(a.code)")))),
                                                    .unwrap(errors[a.id.uuidString]) { .p(.class("error"), .text($0)) })))
                   }))
        }
        let measures: Node<HTML.BodyContext> = .forEach(p.measures) { measure in
            .section(.h3(.text("\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)")),
                     table(p.ranking(of: measure.objectives.flatMap(\.actions), reference: r), caption: c.t("Σειρά των δράσεων του μέτρου", "Order of the measure's actions"), editable: false))
        }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Βαθμός 0–100 από πέντε κριτήρια: επείγον (30), ωριμότητα (25), εξασφαλισμένη χρηματοδότηση εκτός ιδίων πόρων και δανείων (20), υπερτοπική εμβέλεια (10), στρατηγική συνάφεια: δείκτης στον στόχο και στρατηγικοί στόχοι στον άξονα (15). Η σειρά που ορίζει η Υπηρεσία Προγραμματισμού προηγείται του βαθμού.",
                         "A 0–100 score from five criteria: urgency (30), maturity (25), secured funding other than own resources and loans (20), supra-local reach (10), strategic fit (15). The order set by the planning service comes before the score."))),
            .h2(.text(c.t("Όλο το πρόγραμμα", "The whole programme"))),
            canEdit ? .form(.method(.post), .action(SiteURL.priorities(p.id).path), c.csrfField,
                            .div(.class("error-summary-slot"), .if(!errors.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"),
                                                                                       .text(c.t("Δεν αποθηκεύτηκε τίποτα· διορθώστε τις σειρές που σημειώνονται.", "Nothing was saved; correct the marked ranks."))))),
                            .div(.component(NodeComponent(node: table(whole, caption: c.t("Σειρά προτεραιότητας όλων των δράσεων", "Priority order of all actions"), editable: true)))),
                            FormField.submit(c.t("Αποθήκευση σειράς", "Save order")))
                    : table(whole, caption: c.t("Σειρά προτεραιότητας όλων των δράσεων", "Priority order of all actions"), editable: false),
            .h2(.text(c.t("Ανά μέτρο", "Per measure"))),
            measures
        ))
    }
}

/// A node of one context placed where Plot expects another (body nodes inside a form,
/// form nodes inside table cells).
struct NodeComponent<Context>: Component {
    var node: Node<Context>
    var body: Component { node }
}

struct SchedulePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var by: String
    var today: CalendarDate

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let rows: [Charts.GanttRow] = {
            let paths = p.actionPaths
            func row(_ path: ActionPath, group: String) -> Charts.GanttRow {
                Charts.GanttRow(label: "\(path.action.code) \(path.action.title)", group: group, schedule: path.action.schedule, milestones: path.action.milestones,
                                status: p.latestProgress(of: path.action.id)?.status.greek ?? "—")
            }
            switch by {
            case "measure": return paths.map { row($0, group: "\(c.t("Μέτρο", "Measure")) \($0.measure.code): \($0.measure.title)") }
            case "unit":
                return r.units.flatMap { unit in paths.filter { $0.action.responsibleUnitID == unit.id }.map { row($0, group: unit.name) } }
            default: return paths.map { row($0, group: "\(c.t("Άξονας", "Axis")) \($0.axis.code): \($0.axis.title)") }
            }
        }()
        let title = c.t("Χρονοδιάγραμμα", "Schedule")
        let chart = Charts.gantt(rows: rows, years: p.years, today: today, title: c.t("Χρονοδιάγραμμα δράσεων ανά τρίμηνο", "Actions by quarter"))
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .nav(.class("subnav"), .ariaLabel(c.t("Ομαδοποίηση", "Grouping")), .ul(
                .li(.a(.href(SiteURL.schedule(p.id, by: "axis").path), .text(c.t("ανά άξονα", "by axis")))),
                .li(.a(.href(SiteURL.schedule(p.id, by: "measure").path), .text(c.t("ανά μέτρο", "by measure")))),
                .li(.a(.href(SiteURL.schedule(p.id, by: "unit").path), .text(c.t("ανά υπηρεσία", "by unit")))))),
            .p(.class("hint"), .text(c.t("Κάθε μπάρα είναι η διάρκεια μιας δράσης· ◆ ορόσημα (γεμάτα: ολοκληρωμένα)· η διακεκομμένη κόκκινη γραμμή είναι η σημερινή ημερομηνία.",
                                         "Each bar is an action's span; ◆ milestones (filled: done); the dashed red line is today."))),
            .div(.class("chart-scroll"), .raw(chart)),
            .h2(.text(c.t("Ανά έτος", "Per year"))),
            .forEach(Array(p.years)) { year in
                let running = p.actionsScheduled(in: year)
                return .section(.h3(.text("\(year) · \(Plural.count(running.count, ("δράση", "δράσεις"), ("action", "actions"), c.language))")),
                                .p(.a(.href(SiteURL.annual(p.id, year: year).path), .text(c.t("Ετήσιο Πρόγραμμα Δράσης \(year)", "Annual Action Programme \(year)")))),
                                .ul(.class("columns"), .forEach(running) { path in
                                    .li(.text("\(path.action.code) \(path.action.title) (\(path.action.schedule!.start.greek) – \(path.action.schedule!.end.greek))"))
                                }))
            }
        ))
    }
}

struct FinancePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var table: FundingTable

    func render() -> String {
        let c = context
        let p = loaded.programme
        let t = table
        let title = c.t("Χρηματοδοτικό Πρόγραμμα", "Financial programme")
        let groupings: [(FundingGrouping, String)] = [(.axis, c.t("ανά άξονα", "by axis")), (.measure, c.t("ανά μέτρο", "by measure")), (.unit, c.t("ανά υπηρεσία (Σχέδια Δράσης)", "by unit")),
                                                      (.locality, c.t("ανά Δημοτική Ενότητα / Κοινότητα", "by locality")), (.action, c.t("ανά δράση", "by action"))]
        let head = GreekText.heading(t.grouping.greek)
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p), notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .nav(.class("subnav"), .ariaLabel(c.t("Ομαδοποίηση", "Grouping")), .ul(.forEach(groupings) { g, label in
                .li(.a(.href(SiteURL.finance(p.id, by: g.rawValue).path), .if(g == t.grouping, .attribute(named: "aria-current", value: "page")), .text(label)))
            })),
            .p(.text(c.t("Ποσά σε ευρώ. Κάθε γραμμή χρηματοδότησης μετρά μία φορά· μια δράση σε περισσότερες τοποθεσίες μοιράζεται εξίσου.", "Amounts in euros. Every funding line counts once."))),
            .div(.class("chart-scroll"), .raw(Charts.stackedBars(table: t, title: c.t("Χρηματοδότηση ανά έτος και πηγή", "Funding by year and source")))),
            .h2(.text(c.t("Σύνολα ανά έτος", "Totals per year"))),
            .table(.class("money"),
                   .caption(.text(c.t("Χρηματοδότηση ανά \(t.grouping.greek.lowercased()) και έτος (€)", "Funding by \(t.grouping.rawValue) and year (€)"))),
                   .thead(.tr(.th(.text(head)), .forEach(t.years) { .th(.class("num"), .text(String($0))) }, .th(.class("num"), .text("ΣΥΝΟΛΟ")))),
                   .tbody(.forEach(t.rows) { row in
                       .tr(.th(.attribute(named: "scope", value: "row"), .text(row.code.isEmpty ? row.label : "\(row.code). \(row.label)")),
                           .forEach(t.years) { .td(.class("num"), .text(row.total(year: $0).formattedNumber)) },
                           .td(.class("num"), .strong(.text(row.total.formattedNumber))))
                   }),
                   .tfoot(.tr(.th(.text("ΣΥΝΟΛΟ")), .forEach(t.years) { .td(.class("num"), .text(t.total(year: $0).formattedNumber)) },
                              .td(.class("num"), .strong(.text(t.grandTotal.formattedNumber)))))),
            .forEach(t.years) { year in
                let sources = t.sources.filter { !t.total(source: $0.id, year: year).isZero }
                return .section(.class("year-table"),
                    .h2(.text(c.t("Έτος \(year)", "Year \(year)"))),
                    .table(.class("money"),
                           .caption(.text(c.t("\(year): χρηματοδότηση ανά πηγή (€)", "\(year): funding by source (€)"))),
                           .thead(.tr(.th(.text(head)), .forEach(sources) { .th(.class("num"), .attribute(named: "title", value: Escape.attribute($0.name)), .text($0.code)) },
                                      .th(.class("num"), .text("ΣΥΝΟΛΟ")))),
                           .tbody(.forEach(t.rows.filter { !$0.total(year: year).isZero }) { row in
                               .tr(.th(.attribute(named: "scope", value: "row"), .text(row.code.isEmpty ? row.label : "\(row.code). \(row.label)")),
                                   .forEach(sources) { s in .td(.class("num"), .text(row.amount(source: s.id, year: year).formattedNumber)) },
                                   .td(.class("num"), .strong(.text(row.total(year: year).formattedNumber))))
                           }),
                           .tfoot(.tr(.th(.text("ΣΥΝΟΛΟ")), .forEach(sources) { s in .td(.class("num"), .text(t.total(source: s.id, year: year).formattedNumber)) },
                                      .td(.class("num"), .strong(.text(t.total(year: year).formattedNumber)))))))
            },
            .p(.class("noprint"), .a(.href(SiteURL.apiFinance(p.id, by: t.grouping.rawValue).path), .text(c.t("Τα ίδια δεδομένα σε JSON", "The same data as JSON"))))
        ))
    }
}

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
                   .text(" "), .a(.href(SiteURL.annual(p.id, year: y).path + (showingLive ? "" : "?live=1")), .text(showingLive ? c.t("Εγκεκριμένη μορφή", "Approved form") : c.t("Τρέχουσα μορφή", "Current form"))))
            }, else: .if(canApprove, .form(.method(.post), .action(SiteURL.annual(p.id, year: y).path + "/approve"), .class("noprint"), c.csrfField,
                                           .p(.text(c.t("Με την έγκριση το πρόγραμμα του έτους «παγώνει» όπως είναι τώρα.", "Approving freezes the year's programme as it is now."))),
                                           .button(.type(.submit), .class("primary"), .text(c.t("Έγκριση του \(y)", "Approve \(y)")))))),
            .p(.text(c.t("\(Plural.count(annual.entries.count, ("δράση", "δράσεις"), ("action", "actions"), c.language)) · προϋπολογισμός έτους \(annual.total.formatted)",
                         "\(annual.entries.count) actions · budget of the year \(annual.total.formatted)"))),
            .table(.class("list annual"),
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
                   })),
            .h2(.text(c.t("Τεχνικό Πρόγραμμα \(y)", "Technical Programme \(y)"))),
            .forEach(annual.technicalProgramme) { group in
                .table(.class("money technical"),
                       .caption(.text(group.name)),
                       .thead(.tr(.th(.text("Α/Α")), .th(.text(c.t("Τίτλος", "Title"))), .th(.text(c.t("Κατηγορία", "Category"))), .th(.text(c.t("Χρηματοδότηση", "Funding"))),
                                  .th(.class("num"), .text(c.t("Προϋπολογιζόμενο ποσό €", "Estimated amount €"))))),
                       .tbody(.forEach(group.items) { item in
                           .tr(.td(.text(String(item.number))), .td(.text("\(item.code) \(item.title)")), .td(.text(item.category)), .td(.text(item.funding)),
                               .td(.class("num"), .text(item.amount.formattedNumber)))
                       }),
                       .tfoot(.tr(.th(.attribute(named: "colspan", value: "4"), .text("ΣΥΝΟΛΟ")), .td(.class("num"), .strong(.text(group.total.formattedNumber))))))
            },
            .p(.class("noprint"), .a(.href(SiteURL.apiAnnual(p.id, year: y).path), .text(c.t("Τα ίδια δεδομένα σε JSON", "The same data as JSON"))))
        ))
    }
}

struct WhatIfPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var query: String
    var cut: FundingCut?
    var result: WhatIfResult?
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let title = c.t("Σενάριο μείωσης χρηματοδότησης", "Funding what-if")
        let chosenYears = cut?.years ?? []
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Τι γίνεται αν μια πηγή δώσει λιγότερα; Οι δράσεις χάνουν χρηματοδότηση με αντίστροφη σειρά προτεραιότητας. Τίποτα δεν αποθηκεύεται.",
                         "What if a source gives less? Actions lose funding in reverse priority order. Nothing is saved."))),
            .form(.method(.get), .action(SiteURL.whatIf(p.id).path), .class("narrow"),
                  FormField.errorSummary(errors, c),
                  FormField.select("source", c.t("Πηγή", "Source"), [("", "—")] + r.fundingSources.map { ($0.id.uuidString, "\($0.code) · \($0.name)") },
                                   selected: cut?.sourceID.uuidString ?? "", errors: errors, required: true),
                  FormField.checkboxes("years", c.t("Έτη", "Years"), p.years.map { (String($0), String($0)) }, checked: Set(chosenYears.map(String.init)), errors: errors),
                  FormField.select("kind", c.t("Μείωση κατά", "Cut by"), [("percent", c.t("ποσοστό %", "percent %")), ("amount", c.t("ποσό €", "amount €"))],
                                   selected: { if case .amount = cut?.size { return "amount" } else { return "percent" } }(), errors: errors),
                  FormField.text("value", c.t("Τιμή", "Value"), { switch cut?.size { case .percent(let v): return Format.input(v); case .amount(let m): return m.formattedNumber; case nil: return "" } }(),
                                 errors: errors, required: true),
                  FormField.submit(c.t("Υπολογισμός", "Compute"))),
            .unwrap(result) { result in
                .section(
                    .h2(.text(c.t("Αποτέλεσμα", "Result"))),
                    .p(.text(c.t("Μείωση \(result.cut.formatted) από διαθέσιμα \(result.available.formatted) της πηγής στα επιλεγμένα έτη.",
                                 "A cut of \(result.cut.formatted) out of \(result.available.formatted) available from the source in the chosen years."))),
                    .table(.class("money"),
                           .caption(.text(c.t("Σύνολα χρηματοδότησης ανά έτος (όλες οι πηγές)", "Funding per year (all sources)"))),
                           .thead(.tr(.th(.text(c.t("Έτος", "Year"))), .th(.class("num"), .text(c.t("Πριν", "Before"))), .th(.class("num"), .text(c.t("Μετά", "After"))))),
                           .tbody(.forEach(Array(p.years)) { y in
                               .tr(.td(.text(String(y))), .td(.class("num"), .text((result.totalsBefore[y] ?? .zero).formattedNumber)),
                                   .td(.class("num"), .text((result.totalsAfter[y] ?? .zero).formattedNumber)))
                           })),
                    .table(.class("money"),
                           .caption(.text(c.t("Δράσεις που χάνουν χρηματοδότηση, με τη σειρά που τη χάνουν", "Actions losing funding, in the order they lose it"))),
                           .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .th(.class("num"), .text(c.t("Από την πηγή", "From the source"))),
                                      .th(.class("num"), .text(c.t("Χάνει", "Loses"))), .th(.class("num"), .text(c.t("Μένει", "Keeps"))))),
                           .tbody(.forEach(result.losses) { loss in
                               let a = p.action(loss.actionID)
                               return .tr(.td(.text(a?.code ?? "")), .td(.text(a?.title ?? "")), .td(.class("num"), .text(loss.before.formattedNumber)),
                                          .td(.class("num"), .text(loss.lost.formattedNumber)), .td(.class("num"), .text(loss.after.formattedNumber)))
                           })))
            }
        ))
    }
}
