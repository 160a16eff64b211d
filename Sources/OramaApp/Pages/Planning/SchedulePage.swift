import Foundation
import OramaDomain
import Plot

struct SchedulePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var by: String
    var today: CalendarDate

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let latest = loaded.derived("latest-progress") { p.latestProgressByAction() }
        let rows: [Charts.GanttRow] = {
            let paths = p.actionPaths
            func row(_ path: ActionPath, group: String) -> Charts.GanttRow {
                Charts.GanttRow(label: "\(path.action.code) \(path.action.title)", group: group, schedule: path.action.schedule, milestones: path.action.milestones,
                                status: latest[path.action.id]?.status.label(c.language) ?? "—")
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
            Wide.region(c.t("Χρονοδιάγραμμα (διάγραμμα)", "Schedule (chart)"), .raw(chart)),
            .h2(.text(c.t("Ανά έτος", "Per year"))),
            .forEach(Array(p.years)) { year in
                let running = p.actionsScheduled(in: year)
                return .section(.h3(.text("\(year) · \(Plural.count(running.count, ("δράση", "δράσεις"), ("action", "actions"), c.language))")),
                                .p(.a(.href(SiteURL.annual(p.id, year: year).path), .text(c.t("Ετήσιο Πρόγραμμα Δράσης \(year)", "Annual Action Programme \(year)")))),
                                .ul(.class("columns"), .forEach(running) { path in
                                    .li(.text("\(path.action.code) \(path.action.title) (\(path.action.schedule!.start.label(c.language)) – \(path.action.schedule!.end.label(c.language)))"))
                                }))
            }
        ))
    }
}
