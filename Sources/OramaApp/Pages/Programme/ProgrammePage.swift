import Foundation
import OramaDomain
import Plot

/// A programme's operational plan as a tree: codes, titles, owners, cost and progress,
/// with the editing controls the user's role allows.
struct ProgrammePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var access: Access

    func render() -> String {
        let c = context
        let p = loaded.programme
        let s = loaded.summary
        let reference = loaded.reference
        let rollup = loaded.derived("rollup-index") { RollupIndex(p.progressRollup()) }
        let planner = access.canEditPlan(s)
        func progress(_ id: UUID) -> String { Format.percent(rollup.find(id)?.progress) }
        func cost(_ actions: [Action]) -> String { actions.map(\.cost).sum().formatted }
        let unitsWithActions = reference.units.filter { unit in p.actions.contains { $0.responsibleUnitID == unit.id } }

        return Layout(title: p.title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path)],
                      notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(p.title)),
            .nav(.class("subnav"), .ariaLabel(c.t("Ενότητες προγράμματος", "Programme sections")),
                 .ul(
                    .li(.a(.href(SiteURL.strategy(p.id).path), .text(c.t("Στρατηγικό Σχέδιο", "Strategic Plan")))),
                    .if(p.status == .consultation, .li(.a(.href(SiteURL.consultation(p.id, part: nil).path), .strong(.text(c.t("Δημόσια διαβούλευση: σχολιάστε", "Public consultation: comment")))))),
                    .if(p.status.isPublic, .li(.a(.href(SiteURL.portal(p.organisationID).path), .text(c.t("Για τους πολίτες: η πρόοδος σε λέξεις, ο τόπος μου", "For citizens: progress in words, my place"))))),
                    .li(.a(.href(SiteURL.approvalPath(p.id).path), .text(c.t("Πορεία έγκρισης", "Approval path")))),
                    .li(.a(.href(SiteURL.decisions(p.id).path), .text(c.t("Αποφάσεις", "Decisions")))),
                    .li(.a(.href(SiteURL.dashboard(p.id).path), .text(c.t("Πίνακας παρακολούθησης", "Dashboard")))),
                    .li(.a(.href(SiteURL.documents(p.id).path), .text(c.t("Έγγραφα και αρχεία (Word, Excel, ανοιχτά δεδομένα)", "Documents and files (Word, Excel, open data)")))),
                    .li(.a(.href(SiteURL.evaluation(p.id, year: p.yearNearest(c.today.year - 1)).path), .text(c.t("Έκθεση Αξιολόγησης", "Evaluation report")))),
                    .li(.a(.href(SiteURL.finance(p.id, by: "axis").path), .text(c.t("Χρηματοδοτικό Πρόγραμμα", "Financial programme")))),
                    .li(.a(.href(SiteURL.annual(p.id, year: p.yearNearest(c.today.year)).path), .text(c.t("Ετήσιο Πρόγραμμα Δράσης", "Annual programme")))),
                    .li(.a(.href(SiteURL.schedule(p.id, by: "axis").path), .text(c.t("Χρονοδιάγραμμα", "Schedule")))),
                    .li(.a(.href(SiteURL.execution(p.id, year: nil).path), .text(c.t("Εκτέλεση Προϋπολογισμού", "Budget execution")))),
                    .li(.a(.href(SiteURL.priorities(p.id).path), .text(c.t("Ιεράρχηση", "Priorities")))),
                    .li(.a(.href(SiteURL.whatIf(p.id).path), .text(c.t("Σενάρια χρηματοδότησης", "Funding what-if")))),
                    .if(access.canSeeChecks(s), .li(.a(.href(SiteURL.checks(p.id).path), .text(c.t("Έλεγχοι", "Checks"))))),
                    .if(access.canSeeDueReports(s), .li(.a(.href(SiteURL.due(p.id).path), .text(c.t("Εκκρεμείς αναφορές", "Reports due"))))),
                    .if(planner, .li(.a(.href(SiteURL.reporting(p.id).path), .text(c.t("Πληρότητα αναφορών", "Reporting completeness"))))),
                    .li(.a(.href(SiteURL.search(p.id, query: nil).path), .text(c.t("Αναζήτηση", "Search")))),
                    .if(access.canSeeHistory(s), .li(.a(.href(SiteURL.history(p.id).path), .text(c.t("Ιστορικό αλλαγών", "Change history"))))),
                    .if(planner, .li(.a(.href(SiteURL.settings(p.id).path), .text(c.t("Ρυθμίσεις", "Settings")))))
                 )),
            .dl(
                .class("facts"),
                .dt(.text(c.t("Δήμος", "Municipality"))), .dd(.text(reference.organisation.name)),
                .dt(.text(c.t("Περίοδος", "Period"))), .dd(.text("\(p.startYear)–\(p.endYear)")),
                .dt(.text(c.t("Κατάσταση", "Status"))), .dd(.text("\(p.status.label(c.language)) · \(c.t("έκδοση", "version")) \(p.version)")),
                .dt(.text(c.t("Συνολικός προϋπολογισμός", "Total budget"))), .dd(.text(p.actions.map(\.cost).sum().formatted)),
                .dt(.text(c.t("Χρηματοδότηση", "Funding"))), .dd(.text(p.totalFunding.formatted)),
                .dt(.text(c.t("Πρόοδος", "Progress"))), .dd(.text(Format.percent(rollup.root.progress)))
            ),
            .unwrap(p.strategicPlan.vision.isEmpty ? nil : p.strategicPlan.vision) { vision in
                .section(.h2(.text(c.t("Όραμα", "Vision"))), .p(.text(vision)))
            },
            .section(
                .h2(.text(c.t("Επιχειρησιακό Σχέδιο", "Operational Plan"))),
                .p(.class("hint"), .text([Plural.count(p.axes.count, ("άξονας", "άξονες"), ("axis", "axes"), c.language),
                                             Plural.count(p.measures.count, ("μέτρο", "μέτρα"), ("measure", "measures"), c.language),
                                             Plural.count(p.objectives.count, ("στόχος", "στόχοι"), ("objective", "objectives"), c.language),
                                             Plural.count(p.actions.count, ("δράση", "δράσεις"), ("action", "actions"), c.language),
                                             Plural.count(p.indicators.count, ("δείκτης", "δείκτες"), ("indicator", "indicators"), c.language)].joined(separator: " · "))),
                .if(planner, .p(.a(.class("button"), .href(SiteURL.newNode(p.id, level: "axis", parent: nil).path), .text(c.t("Νέος άξονας", "New axis"))))),
                Wide.region(c.t("Άξονες, μέτρα, στόχοι και δράσεις", "Axes, measures, objectives and actions"), .table(
                    .class("tree"),
                    .caption(.text(c.t("Άξονες, μέτρα, στόχοι και δράσεις με κόστος και πρόοδο", "Axes, measures, objectives and actions with cost and progress"))),
                    .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Τίτλος", "Title"))), .th(.text(c.t("Αρμόδια υπηρεσία", "Responsible unit"))),
                               .th(.class("num"), .text(c.t("Κόστος", "Cost"))), .th(.class("num"), .text(c.t("Πρόοδος", "Progress"))),
                               .if(access.seesEditingControls(in: s), .th(.class("noprint"), .text(c.t("Ενέργειες", "Actions")))))),
                    .forEach(Array(p.axes.enumerated())) { ai, axis in axisBody(axis, index: ai, rollup: rollup, planner: planner) }
                ))
            ),
            .section(
                .h2(.text(c.t("Δείκτες Παρακολούθησης και Αξιολόγησης", "Monitoring and Evaluation Indicators"))),
                .if(planner, .p(.a(.class("button"), .href(SiteURL.newIndicator(p.id, attachTo: nil).path), .text(c.t("Νέος δείκτης", "New indicator"))))),
                Wide.region(c.t("Δείκτες", "Indicators"), .table(.class("list"),
                       .caption(.text(c.t("Δείκτες με τιμή βάσης και στόχο λήξης", "Indicators with baseline and final target"))),
                       .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δείκτης", "Indicator"))), .th(.text(c.t("Κατηγορία", "Kind"))),
                                  .th(.text(c.t("Μονάδα", "Unit"))), .th(.class("num"), .text(c.t("Βάση", "Baseline"))),
                                  .th(.class("num"), .text(c.t("Στόχος \(p.endYear)", "Target \(p.endYear)"))), .th(.text(c.t("Ενταγμένος σε", "Attached to"))),
                                  .th(.class("noprint"), .text("")))),
                       .tbody(.forEach(p.indicators) { indicator in
                           .tr(.td(.text(indicator.code)), .td(.a(.href(SiteURL.indicator(p.id, indicator.id).path), .text(indicator.name))), .td(.text(indicator.kind.label(c.language))), .td(.text(indicator.unit)),
                               .td(.class("num"), .text(indicator.baseline.map(Format.number) ?? "—")),
                               .td(.class("num"), .text(indicator.targets[p.endYear].map(Format.number) ?? "—")),
                               .td(.text(p.attachmentCode(indicator.attachment))),
                               .td(.class("noprint"), .if(access.canEdit(indicator, in: s), .group(
                                                         .a(.href(SiteURL.editIndicator(p.id, indicator.id).path), .text(c.t("Επεξεργασία", "Edit"))),
                                                         .text(" "),
                                                         .a(.href(SiteURL.values(p.id, indicator.id, period: nil).path), .text(c.t("Τιμές", "Values")))))))
                       })))
            ),
            .section(
                .h2(.text(c.t("Σχέδια Δράσης υπηρεσιών", "Action plans of the services"))),
                .ul(.class("columns"), .forEach(unitsWithActions) { unit in
                    .li(.a(.href(SiteURL.actionPlan(p.id, unit: unit.id).path), .text(unit.name)))
                })
            ),
            .section(
                .h2(.text(c.t("Πώς υπολογίζεται η πρόοδος", "How progress is computed"))),
                .p(.text(c.t("Η πρόοδος κάθε δράσης είναι το ποσοστό φυσικού αντικειμένου της τελευταίας αναφοράς προόδου (100 % όταν έχει ολοκληρωθεί, 0 % όταν δεν έχει αναφερθεί ακόμη). Οι ακυρωμένες δράσεις δεν υπολογίζονται. Η πρόοδος στόχου, μέτρου, άξονα και προγράμματος είναι ο σταθμισμένος μέσος όρος των δράσεών τους: Π = Σ(βᵢ × πᵢ) / Σβᵢ, όπου βᵢ το βάρος κάθε δράσης (1, εκτός αν ορίστηκε άλλο).",
                             "Each action's progress is the physical progress of its latest progress report (100 % once completed, 0 % before any report). Cancelled actions are left out. The progress of an objective, measure, axis and of the programme is the weighted average of their actions: P = Σ(wᵢ × pᵢ) / Σwᵢ, where wᵢ is each action's weight (1 unless set otherwise).")))
            )
        ))
    }


    func axisBody(_ axis: Axis, index ai: Int, rollup: RollupIndex, planner: Bool) -> Node<HTML.TableContext> {
        let c = context
        let p = loaded.programme
        func progress(_ id: UUID) -> String { Format.percent(rollup.find(id)?.progress) }
        func cost(_ actions: [Action]) -> String { actions.map(\.cost).sum().formatted }
        let axisRow: Node<HTML.TableContext> = .tr(.class("axis"), .id("n-" + axis.code),
            .th(.attribute(named: "scope", value: "row"), .text(axis.code)),
            .td(.attribute(named: "colspan", value: "2"), .text("\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)")),
            .td(.class("num"), .text(cost(axis.measures.flatMap(\.objectives).flatMap(\.actions)))),
            .td(.class("num"), .text(progress(axis.id))),
            .if(planner, controls(.axis, axis.id, title: axis.title, index: ai, count: p.axes.count, child: ("measure", c.t("μέτρο", "measure")))))
        var rows: [Node<HTML.TableContext>] = [axisRow]
        for (mi, measure) in axis.measures.enumerated() {
            rows.append(.tr(.class("measure"), .id("n-" + measure.code),
                .th(.attribute(named: "scope", value: "row"), .text(measure.code)),
                .td(.attribute(named: "colspan", value: "2"), .text("\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)")),
                .td(.class("num"), .text(cost(measure.objectives.flatMap(\.actions)))),
                .td(.class("num"), .text(progress(measure.id))),
                .if(planner, controls(.measure, measure.id, title: measure.title, index: mi, count: axis.measures.count, child: ("objective", c.t("στόχο", "objective"))))))
            for (oi, objective) in measure.objectives.enumerated() {
                rows.append(.tr(.class("objective"), .id("n-" + objective.code),
                    .th(.attribute(named: "scope", value: "row"), .text(objective.code)),
                    .td(.attribute(named: "colspan", value: "2"), .text("\(c.t("Στόχος", "Objective")) \(objective.code): \(objective.title)")),
                    .td(.class("num"), .text(cost(objective.actions))),
                    .td(.class("num"), .text(progress(objective.id))),
                    .if(planner, controls(.objective, objective.id, title: objective.title, index: oi, count: measure.objectives.count, child: ("action", c.t("δράση", "action"))))))
                for (xi, action) in objective.actions.enumerated() {
                    rows.append(actionRow(action, index: xi, count: objective.actions.count, rollup: rollup, planner: planner))
                }
            }
        }
        return .tbody(.group(rows))
    }

    func actionRow(_ action: Action, index xi: Int, count: Int, rollup: RollupIndex, planner: Bool) -> Node<HTML.TableContext> {
        let c = context
        let p = loaded.programme
        let editLink: Node<HTML.BodyContext> = .if(access.canEdit(action, in: loaded.summary),
            .a(.href(SiteURL.editAction(p.id, action.id).path), .text(c.t("Επεξεργασία", "Edit")),
               .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Επεξεργασία", "Edit")) \(action.code)"))))
        let moves: Node<HTML.BodyContext> = .if(planner, moveButtons(.action, action.id, index: xi, count: count, code: action.code))
        return .tr(.class("action"),
            .th(.attribute(named: "scope", value: "row"), .text(action.code)),
            .td(.a(.href(SiteURL.action(p.id, action.id).path), .text(action.title))),
            .td(.text(loaded.reference.unit(action.responsibleUnitID)?.name ?? "—")),
            .td(.class("num"), .text(action.cost.formatted)),
            .td(.class("num"), .text(actionProgress(action, rollup))),
            .if(access.seesEditingControls(in: loaded.summary), .td(.class("controls noprint"), editLink, moves)))
    }

    func controls(_ level: TreeLevel, _ id: UUID, title: String, index: Int, count: Int, child: (String, String)) -> Node<HTML.TableRowContext> {
        let c = context
        let pid = loaded.id
        let code = loaded.programme.code(of: level, id) ?? ""
        return .td(.class("controls noprint"),
                   .a(.href(SiteURL.editNode(pid, level: level.rawValue, id: id).path), .text(c.t("Επεξεργασία", "Edit")),
                      .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Επεξεργασία", "Edit")) \(code)"))),
                   .a(.href(child.0 == "action" ? SiteURL.newAction(pid, objective: id).path : SiteURL.newNode(pid, level: child.0, parent: id).path),
                      .text("+ \(child.1)"), .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Προσθήκη", "Add")) \(child.1) \(c.t("στο", "to")) \(code)"))),
                   moveButtons(level, id, index: index, count: count, code: code),
                   .a(.href(SiteURL.deleteNode(pid, level: level.rawValue, id: id).path), .text(c.t("Διαγραφή", "Delete")),
                      .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Διαγραφή", "Delete")) \(code)"))))
    }

    func moveButtons(_ level: TreeLevel, _ id: UUID, index: Int, count: Int, code: String) -> Node<HTML.BodyContext> {
        let c = context
        let path = SiteURL.moveNode(loaded.id, level: level.rawValue, id: id).path
        return .group(
            .if(index > 0, .form(.method(.post), .action(path), .class("inline"), c.csrfField,
                                 .input(.type(.hidden), .name("direction"), .value("up")),
                                 .button(.type(.submit), .class("icon"), .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Μετακίνηση πάνω", "Move up")) \(code)")), "▲"))),
            .if(index < count - 1, .form(.method(.post), .action(path), .class("inline"), c.csrfField,
                                         .input(.type(.hidden), .name("direction"), .value("down")),
                                         .button(.type(.submit), .class("icon"), .attribute(named: "aria-label", value: Escape.attribute("\(c.t("Μετακίνηση κάτω", "Move down")) \(code)")), "▼")))
        )
    }

    func actionProgress(_ action: Action, _ rollup: RollupIndex) -> String {
        guard let update = loaded.derived("latest-progress", { loaded.programme.latestProgressByAction() })[action.id] else { return "—" }
        if update.status == .cancelled { return context.t("Ακυρώθηκε", "Cancelled") }
        return Format.percent(rollup.find(action.id)?.actionProgress)
    }
}
