import Foundation
import OramaDomain
import Plot

struct DuePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var items: [DueItem]
    var access: Access

    func render() -> String {
        let c = context
        let p = loaded.programme
        let late = items.filter(\.isLate).count
        let title = c.t("Εκκρεμείς αναφορές", "Reports due")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.attribute(named: "role", value: "status"),
               .text(items.isEmpty ? c.t("✓ Δεν εκκρεμεί καμία αναφορά.", "✓ Nothing is due.")
                     : c.t("\(items.count) εκκρεμείς αναφορές, από τις οποίες \(late) εκπρόθεσμες.", "\(items.count) reports due, \(late) of them late."))),
            .p(.class("hint"), .text(c.t("Πρόοδος ανά \(p.reportingCalendar.frequency.greek.lowercased()) περίοδο, έως \(p.reportingCalendar.dueAfterDays) ημέρες μετά το τέλος της.",
                                         "Progress per period, due \(p.reportingCalendar.dueAfterDays) days after its end."))),
            .table(.class("list due"),
                   .caption(.text(c.t("Τι οφείλει η υπηρεσία, πρώτα τα παλαιότερα", "What the unit owes, oldest first"))),
                   .thead(.tr(.th(.text(c.t("Κατάσταση", "State"))), .th(.text(c.t("Περίοδος", "Period"))), .th(.text(c.t("Προθεσμία", "Due"))),
                              .th(.text(c.t("Τι", "What"))), .th(.text("")))),
                   .tbody(.forEach(items) { item in
                       let link: String
                       let what: String
                       switch item.kind {
                       case .progress(let id):
                           link = SiteURL.progress(p.id, id, period: item.period.code).path
                           what = c.t("Πρόοδος δράσης", "Action progress")
                       case .measurement(let id):
                           link = SiteURL.values(p.id, id, period: item.period.code).path
                           what = c.t("Τιμή δείκτη", "Indicator value")
                       }
                       return .tr(.class(item.isLate ? "late" : "due"),
                                  .td(.text(item.isLate ? c.t("⚠ Εκπρόθεσμη", "⚠ Late") : c.t("○ Εκκρεμεί", "○ Due"))),
                                  .td(.text(item.period.greek)), .td(.text(item.dueDate.formatted)),
                                  .td(.text("\(what): \(item.code) \(item.title)")),
                                  .td(.a(.href(link), .text(c.t("Καταχώριση", "Enter")),
                                         .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Καταχώριση", "Enter")) \(item.code) \(item.period.code)")))))
                   }))
        ))
    }
}

struct ProgressPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var action: Action
    var form: MonitoringController.ProgressForm
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Πρόοδος δράσης \(action.code)", "Progress of action \(action.code)")
        let quarters = p.years.flatMap { y in (1...4).map { ReportingPeriod(year: y, quarter: $0) } }.filter { $0.firstDay <= c.today }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text(action.title)),
            .form(.method(.post), .action(SiteURL.progress(p.id, action.id, period: nil).path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.select("period", c.t("Τρίμηνο", "Quarter"), quarters.reversed().map { ($0.code, $0.greek + (p.lockedPeriods.contains($0) ? c.t(" (κλειδωμένο)", " (locked)") : "")) },
                                   selected: form.period ?? "", errors: errors, required: true),
                  FormField.select("status", c.t("Κατάσταση", "Status"), ProgressUpdate.Status.allCases.map { ($0.rawValue, $0.greek) }, selected: form.status ?? "", errors: errors, required: true),
                  FormField.text("physicalProgress", c.t("Φυσικό αντικείμενο (%)", "Physical progress (%)"), form.physicalProgress ?? "", errors: errors, required: true, type: .number,
                                 extra: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "100")]),
                  FormField.text("spent", c.t("Δαπάνη έως σήμερα (€)", "Spent to date (€)"), form.spent ?? "", errors: errors, required: true,
                                 extra: [.attribute(named: "inputmode", value: "decimal")]),
                  .if(!action.milestones.isEmpty, FormField.checkboxes("milestones", c.t("Ορόσημα που ολοκληρώθηκαν", "Milestones done"),
                                                                       action.milestones.map { ($0.id.uuidString, "\($0.date.formatted) · \($0.title)") },
                                                                       checked: Set((form.milestones ?? []).map { $0.uppercased() }), errors: errors)),
                  FormField.textarea("comment", c.t("Σχόλιο (π.χ. αιτία καθυστέρησης)", "Comment (e.g. reason for delay)"), form.comment ?? "", errors: errors, rows: 3),
                  FormField.text("reason", c.t("Λόγος διόρθωσης (μόνο για περίοδο που έχει λήξει και έχει ήδη καταχώριση)", "Reason for a correction (only for an ended period already reported)"),
                                 form.reason ?? "", errors: errors),
                  FormField.submit(c.t("Καταχώριση", "Record")))
        ))
    }
}

struct ValuePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var indicator: Indicator
    var form: MonitoringController.ValueForm
    var errors: FieldErrors

    func render() -> String {
        let c = context
        let p = loaded.programme
        let i = indicator
        let title = c.t("Τιμή δείκτη \(i.code)", "Value of indicator \(i.code)")
        let periods = i.reportingPeriods(in: p.years).filter { $0.firstDay <= c.today }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.text("\(i.name) (\(i.unit))")),
            .form(.method(.post), .action(SiteURL.values(p.id, i.id, period: nil).path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.select("period", c.t("Περίοδος", "Period"), periods.reversed().map { ($0.code, $0.greek + (p.lockedPeriods.contains($0) ? c.t(" (κλειδωμένη)", " (locked)") : "")) },
                                   selected: form.period ?? "", errors: errors, required: true),
                  FormField.text("value", c.t("Τιμή (\(i.unit))", "Value (\(i.unit))"), form.value ?? "", errors: errors, required: true,
                                 hint: i.targets[Int((form.period ?? "").prefix(4)) ?? 0].map { c.t("Στόχος του έτους: \(Format.number($0)) \(i.unit)", "Target of the year: \(Format.number($0)) \(i.unit)") },
                                 extra: [.attribute(named: "inputmode", value: "decimal")]),
                  FormField.textarea("note", c.t("Σημείωση", "Note"), form.note ?? "", errors: errors, rows: 2),
                  FormField.text("reason", c.t("Λόγος διόρθωσης (μόνο για περίοδο που έχει λήξει και έχει ήδη τιμή)", "Reason for a correction (only for an ended period already reported)"),
                                 form.reason ?? "", errors: errors),
                  FormField.submit(c.t("Καταχώριση", "Record")))
        ))
    }
}

struct ReportingPage {
    var context: PageContext
    var loaded: LoadedProgramme

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let ended = p.reportingCalendar.ended(in: p.years, today: c.today).reversed()
        let units = r.units.filter { unit in p.actions.contains { $0.responsibleUnitID == unit.id } }
        let title = c.t("Αναφορές ανά υπηρεσία και περίοδο", "Reports per unit and period")
        func completeness(_ unit: OrgUnit, _ period: ReportingPeriod) -> (Int, Int) {
            let running = p.actions.filter { a in a.responsibleUnitID == unit.id && (a.schedule.map { s in (1...4).contains { q in period.quarter == q && s.contains(YearQuarter(year: period.year, quarter: q)) } } ?? false) }
            let reported = running.filter { p.progressUpdate(of: $0.id, in: period) != nil }
            return (reported.count, running.count)
        }
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .p(.class("hint"), .text(c.t("Πληρότητα των αναφορών προόδου: αναφορές που υποβλήθηκαν / δράσεις σε εξέλιξη στην περίοδο. Μια κλειδωμένη περίοδος δεν δέχεται καταχωρίσεις.",
                                         "Completeness of progress reports: reports made / actions running in the period. A locked period accepts no entries."))),
            .div(.class("chart-scroll"), .table(.class("list completeness"),
                .caption(.text(c.t("Πληρότητα ανά υπηρεσία", "Completeness per unit"))),
                .thead(.tr(.th(.text(c.t("Υπηρεσία", "Unit"))), .forEach(Array(ended)) { .th(.class("num"), .text($0.code)) })),
                .tbody(.forEach(units) { unit in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(unit.name)),
                        .forEach(Array(ended)) { period in
                            let (done, total) = completeness(unit, period)
                            return .td(.class(total > 0 && done < total ? "num incomplete" : "num"), .text(total == 0 ? "—" : "\(done)/\(total)"))
                        })
                }),
                .tfoot(.tr(.th(.text(c.t("Κλείδωμα", "Lock"))), .forEach(Array(ended)) { period in
                    let locked = p.lockedPeriods.contains(period)
                    return .td(.form(.method(.post), .action(SiteURL.reporting(p.id).path + "/lock"), .class("inline"), c.csrfField,
                                     .input(.type(.hidden), .name("period"), .value(period.code)),
                                     .input(.type(.hidden), .name("lock"), .value(locked ? "off" : "on")),
                                     .button(.type(.submit), .text(locked ? c.t("🔒 Ξεκλείδωμα", "🔒 Unlock") : c.t("Κλείδωμα", "Lock")),
                                             .attribute(named: "aria-label", value: Escape.attribute((locked ? c.t("Ξεκλείδωμα", "Unlock") : c.t("Κλείδωμα", "Lock")) + " " + period.code)))))
                }))))
        ))
    }
}
