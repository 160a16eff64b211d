import Foundation
import OramaDomain
import Plot

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
            Wide.region(c.t("Πληρότητα αναφορών", "Reporting completeness"), .table(.class("list completeness"),
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
                    return .td(.form(.method(.post), .action(SiteURL.lockPeriod(p.id).path), .class("inline"), c.csrfField,
                                     .input(.type(.hidden), .name("period"), .value(period.code)),
                                     .input(.type(.hidden), .name("lock"), .value(locked ? "off" : "on")),
                                     .button(.type(.submit), .text(locked ? c.t("🔒 Ξεκλείδωμα", "🔒 Unlock") : c.t("Κλείδωμα", "Lock")),
                                             .attribute(named: "aria-label", value: Escape.attribute((locked ? c.t("Ξεκλείδωμα", "Unlock") : c.t("Κλείδωμα", "Lock")) + " " + period.code)))))
                }))))
        ))
    }
}
