import Foundation
import OramaDomain

/// The four documents a municipality hands to its council, the Region and the public, built
/// from the programme's data in the order of ΥΑ 41179/2014.
public enum ProgrammeDocuments {
    public enum Kind: String, Sendable, CaseIterable {
        case phaseA = "phase-a"
        case phaseB = "phase-b"
        case annual
        case evaluation

        public var greek: String {
            switch self {
            case .phaseA: "Αʹ Φάση: Στρατηγικός Σχεδιασμός"
            case .phaseB: "Βʹ Φάση: Επιχειρησιακός Σχεδιασμός"
            case .annual: "Ετήσιο Πρόγραμμα Δράσης"
            case .evaluation: "Έκθεση Αξιολόγησης"
            }
        }

        /// Annual programmes and evaluation reports are of one year.
        public var needsYear: Bool { self == .annual || self == .evaluation }

        /// A file name without spaces or Greek letters, for downloads: `phase-b-2024-2028`.
        public func fileName(_ p: Programme, year: Int?) -> String {
            needsYear ? "\(rawValue)-\(year ?? p.startYear)" : "\(rawValue)-\(p.startYear)-\(p.endYear)"
        }
    }

    /// `approved`: the Annual Action Programme as the council approved it (frozen), when it was.
    public static func build(_ kind: Kind, _ p: Programme, reference: ReferenceData, year: Int? = nil, approved: AnnualProgramme? = nil) -> OfficialDocument {
        switch kind {
        case .phaseA: phaseA(p, reference)
        case .phaseB: phaseB(p, reference)
        case .annual: annual(p, reference, year: year ?? p.startYear, approved: approved)
        case .evaluation: evaluation(p, reference, year: year ?? p.startYear)
        }
    }

    static func document(_ p: Programme, _ r: ReferenceData, _ title: String, _ blocks: [OfficialDocument.Block]) -> OfficialDocument {
        OfficialDocument(organisation: r.organisation.name, title: title,
                         subtitle: "\(p.title) · \(p.startYear)–\(p.endYear) · \(p.status.greek)", blocks: blocks)
    }

    static func unitName(_ r: ReferenceData, _ id: UUID?) -> String { r.unit(id)?.name ?? "—" }
    static func schedule(_ a: Action) -> (String, String) { (a.schedule?.start.greek ?? "—", a.schedule?.end.greek ?? "—") }

    // MARK: Phase A

    public static func phaseA(_ p: Programme, _ r: ReferenceData) -> OfficialDocument {
        let plan = p.strategicPlan
        var blocks: [OfficialDocument.Block] = [.tableOfContents, .pageBreak]
        blocks.append(.heading(level: 1, text: "1. Περιγραφή και ανάλυση της υφιστάμενης κατάστασης"))
        if plan.profileSections.isEmpty { blocks.append(.paragraph("Δεν έχει καταχωριστεί ακόμη το προφίλ του Δήμου.")) }
        for (n, section) in plan.profileSections.enumerated() {
            blocks.append(.heading(level: 2, text: "1.\(n + 1) \(section.title)"))
            for paragraph in section.body.components(separatedBy: "\n\n") where !paragraph.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                blocks.append(.paragraph(paragraph))
            }
            if !section.keyFigures.isEmpty {
                blocks.append(.table(.init(caption: "Βασικά μεγέθη: \(section.title)",
                                           columns: [.init("Μέγεθος", weight: 5), .init("Τιμή", numeric: true), .init("Μονάδα"), .init("Έτος", numeric: true, weight: 1), .init("Πηγή", weight: 3)],
                                           rows: section.keyFigures.map { [$0.name, GreekNumber.format($0.value), $0.unit, String($0.year), $0.source] })))
            }
        }
        blocks.append(.heading(level: 1, text: "2. Ανάλυση SWOT"))
        blocks.append(.table(.init(caption: "Δυνατά και αδύνατα σημεία, ευκαιρίες και απειλές",
                                   columns: [.init("Κατηγορία", weight: 2), .init("Διαπίστωση", weight: 7)],
                                   rows: SWOTItem.Quadrant.allCases.flatMap { q in plan.swot.filter { $0.quadrant == q }.map { [q.greek, $0.text] } })))
        blocks.append(.heading(level: 1, text: "3. Κρίσιμα ζητήματα"))
        blocks.append(plan.criticalIssues.isEmpty ? .paragraph("—") : .bullets(plan.criticalIssues))
        blocks.append(.heading(level: 1, text: "4. Όραμα του Δήμου"))
        blocks.append(.paragraph(plan.vision.isEmpty ? "—" : plan.vision))
        blocks.append(.heading(level: 1, text: "5. Γενικές αρχές"))
        blocks.append(plan.guidingPrinciples.isEmpty ? .paragraph("—") : .bullets(plan.guidingPrinciples))
        blocks.append(.heading(level: 1, text: "6. Άξονες και στρατηγικοί στόχοι"))
        blocks.append(.table(.init(caption: "Άξονες στρατηγικής και στρατηγικοί στόχοι",
                                   columns: [.init("Άξονας", weight: 3), .init("Στρατηγικός στόχος", weight: 6)],
                                   rows: p.axes.map { axis in
                                       ["\(axis.code). \(axis.title)", plan.strategicGoals.filter { $0.axisID == axis.id }.map(\.text).joined(separator: "\n")]
                                   })))
        for axis in p.axes where !axis.description.isEmpty {
            blocks.append(.heading(level: 2, text: "Άξονας \(axis.code): \(axis.title)"))
            blocks.append(.paragraph(axis.description))
        }
        return document(p, r, "Επιχειρησιακό Πρόγραμμα — \(Kind.phaseA.greek)", blocks)
    }

    // MARK: Phase B

    public static func phaseB(_ p: Programme, _ r: ReferenceData) -> OfficialDocument {
        var blocks: [OfficialDocument.Block] = [.tableOfContents, .pageBreak]
        blocks.append(.heading(level: 1, text: "1. Άξονες, μέτρα και στόχοι"))
        for axis in p.axes {
            blocks.append(.heading(level: 2, text: "Άξονας \(axis.code): \(axis.title)"))
            if !axis.description.isEmpty { blocks.append(.paragraph(axis.description)) }
            var rows: [[String]] = []
            for measure in axis.measures {
                rows.append([measure.code, "Μέτρο", measure.title, String(measure.objectives.flatMap(\.actions).count)])
                for objective in measure.objectives {
                    rows.append([objective.code, "Στόχος", objective.title, String(objective.actions.count)])
                }
            }
            blocks.append(.table(.init(caption: "Μέτρα και στόχοι του άξονα \(axis.code)",
                                       columns: [.init("Κωδ.", weight: 1), .init("Επίπεδο", weight: 1), .init("Τίτλος", weight: 7), .init("Δράσεις", numeric: true, weight: 1)],
                                       rows: rows)))
        }

        blocks.append(.heading(level: 1, text: "2. Σχέδια δράσης των υπηρεσιών"))
        let paths = p.actionPaths
        let unitsWithActions = r.units.filter { u in paths.contains { $0.action.responsibleUnitID == u.id } }
        for unit in unitsWithActions {
            let mine = paths.filter { $0.action.responsibleUnitID == unit.id }
            blocks.append(.heading(level: 2, text: unit.name))
            blocks.append(.table(.init(caption: "Σχέδιο δράσης: \(unit.name) (\(GreekText.count(mine.count, "δράση", "δράσεις")))",
                                       columns: [.init("Κωδ.", weight: 2), .init("Δράση", weight: 5), .init("Φύση", weight: 3), .init("Προτεραιότητα", weight: 4),
                                                 .init("Χρονοδιάγραμμα", weight: 4), .init("Προϋπολογισμός", numeric: true, weight: 4)],
                                       rows: mine.map { path in
                                           let a = path.action
                                           let (start, end) = schedule(a)
                                           return [a.code, a.title, a.nature.greek, a.priority.greek, "\(start) – \(end)", a.fundedAmount.formatted]
                                       },
                                       total: ["", "Σύνολο", "", "", "", mine.map(\.action.fundedAmount).sum().formatted])))
        }

        blocks.append(.heading(level: 1, text: "3. Ιεράρχηση των δράσεων"))
        blocks.append(.paragraph("Οι δράσεις κατά σειρά προτεραιότητας: πρώτα όσες έχει κατατάξει η Υπηρεσία Προγραμματισμού, έπειτα κατά βαθμό προτεραιότητας και βαθμολογία κριτηρίων."))
        let ranking = p.ranking(of: p.actions, reference: r)
        blocks.append(.table(.init(caption: "Ιεράρχηση δράσεων",
                                   columns: [.init("Α/Α", numeric: true, weight: 1), .init("Κωδ.", weight: 2), .init("Δράση", weight: 7), .init("Προτεραιότητα", weight: 3),
                                             .init("Ωριμότητα", weight: 3), .init("Βαθμολογία", numeric: true, weight: 3)],
                                   rows: ranking.enumerated().map { n, item in
                                       [String(n + 1), item.0.code, item.0.title, item.0.priority.greek, item.0.maturity.greek, GreekNumber.format(item.1.score)]
                                   })))

        blocks.append(.heading(level: 1, text: "4. Χρονικός προγραμματισμός"))
        blocks.append(.table(.init(caption: "Χρονοδιάγραμμα υλοποίησης",
                                   columns: [.init("Κωδ.", weight: 2), .init("Δράση", weight: 6), .init("Έναρξη", weight: 3), .init("Λήξη", weight: 3), .init("Ορόσημα", weight: 7)],
                                   rows: p.actions.map { a in
                                       let (start, end) = schedule(a)
                                       return [a.code, a.title, start, end, a.milestones.map { "\($0.date.formatted) \($0.title)" }.joined(separator: "\n")]
                                   })))

        blocks.append(.heading(level: 1, text: "5. Οικονομικός προγραμματισμός"))
        let byAxis = p.fundingTable(by: .axis, reference: r)
        for table in [byAxis, p.fundingTable(by: .unit, reference: r)] {
            blocks.append(.heading(level: 2, text: "Χρηματοδότηση ανά \(table.grouping == .axis ? "άξονα" : "υπηρεσία") και έτος"))
            blocks.append(.table(yearTable(table, caption: "Πίνακας χρηματοδότησης ανά \(table.grouping.afterPer) και έτος")))
        }
        blocks.append(.heading(level: 2, text: "Χρηματοδότηση ανά πηγή και έτος"))
        blocks.append(.table(.init(caption: "Πίνακας χρηματοδότησης ανά πηγή και έτος",
                                   columns: [.init("Πηγή", weight: 5)] + byAxis.years.map { .init(String($0), numeric: true, weight: 3) } + [.init("Σύνολο", numeric: true, weight: 3)],
                                   rows: byAxis.sources.map { s in [s.name] + byAxis.years.map { byAxis.total(source: s.id, year: $0).formatted } + [byAxis.total(source: s.id).formatted] },
                                   total: ["Σύνολο"] + byAxis.years.map { byAxis.total(year: $0).formatted } + [byAxis.grandTotal.formatted])))

        blocks.append(.heading(level: 1, text: "6. Δείκτες παρακολούθησης και αξιολόγησης"))
        blocks.append(.table(indicatorTable(p, r)))
        return document(p, r, "Επιχειρησιακό Πρόγραμμα — \(Kind.phaseB.greek)", blocks)
    }

    static func yearTable(_ table: FundingTable, caption: String) -> OfficialDocument.Table {
        .init(caption: caption,
              columns: [.init("Κωδ.", weight: 1), .init(table.grouping.greek, weight: 4)] + table.years.map { .init(String($0), numeric: true, weight: 3) } + [.init("Σύνολο", numeric: true, weight: 3)],
              rows: table.rows.map { row in [row.code, row.label] + table.years.map { row.total(year: $0).formatted } + [row.total.formatted] },
              total: ["", "Σύνολο"] + table.years.map { table.total(year: $0).formatted } + [table.grandTotal.formatted])
    }

    static func indicatorTable(_ p: Programme, _ r: ReferenceData) -> OfficialDocument.Table {
        let years = Array(p.years)
        return .init(caption: "Δείκτες, τιμές βάσης και στόχοι ανά έτος",
                     columns: [.init("Κωδ.", weight: 2), .init("Δείκτης", weight: 5), .init("Είδος", weight: 4), .init("Μονάδα", weight: 3), .init("Βάση", numeric: true, weight: 2)]
                         + years.map { .init("Στόχος \($0)", numeric: true, weight: 2) },
                     rows: p.indicators.map { i in
                         [i.code, i.name, i.kind.greek, i.unit, i.baseline.map(GreekNumber.format) ?? "—"] + years.map { i.targets[$0].map(GreekNumber.format) ?? "—" }
                     })
    }

    // MARK: Annual Action Programme

    public static func annual(_ p: Programme, _ r: ReferenceData, year: Int, approved: AnnualProgramme? = nil) -> OfficialDocument {
        let annual = approved.flatMap { $0.year == year ? $0 : nil } ?? p.annualProgramme(year: year, reference: r)
        var blocks: [OfficialDocument.Block] = [.tableOfContents, .pageBreak]
        blocks.append(.heading(level: 1, text: "1. Δράσεις του έτους \(year)"))
        if approved?.year == year { blocks.append(.paragraph("Η μορφή που εγκρίθηκε· αλλαγές του προγράμματος μετά την έγκριση δεν περιλαμβάνονται.")) }
        blocks.append(.paragraph("Το Ετήσιο Πρόγραμμα Δράσης εξειδικεύει για το \(year) τις δράσεις του Επιχειρησιακού Προγράμματος: \(GreekText.count(annual.entries.count, "δράση", "δράσεις")), συνολικός προϋπολογισμός \(annual.total.formatted)."))
        blocks.append(.table(.init(caption: "Δράσεις του Ετήσιου Προγράμματος Δράσης \(year)",
                                   columns: [.init("Κωδ.", weight: 2), .init("Δράση", weight: 6), .init("Υπηρεσία", weight: 3), .init("Τρίμηνα", weight: 2),
                                             .init("Πηγές", weight: 4), .init("Προϋπολογισμός", numeric: true, weight: 4)],
                                   rows: annual.entries.map { e in
                                       [e.code, e.title, e.responsibleUnit, e.quarters.map { ["Αʹ", "Βʹ", "Γʹ", "Δʹ"][max(0, min(3, $0 - 1))] }.joined(separator: ", "),
                                        e.sources.map { "\($0.source): \($0.amount.formatted)" }.joined(separator: "\n"), e.budget.formatted]
                                   },
                                   total: ["", "Σύνολο", "", "", "", annual.total.formatted])))
        let outputs = annual.entries.flatMap { e in e.outputs.map { (e, $0) } }
        if !outputs.isEmpty {
            blocks.append(.heading(level: 2, text: "Αναμενόμενα αποτελέσματα"))
            blocks.append(.table(.init(caption: "Στόχοι δεικτών του έτους \(year)",
                                       columns: [.init("Δράση", weight: 2), .init("Δείκτης", weight: 6), .init("Στόχος", numeric: true, weight: 2), .init("Μονάδα", weight: 2)],
                                       rows: outputs.map { e, o in [e.code, "\(o.code) \(o.name)", GreekNumber.format(o.target), o.unit] })))
        }
        blocks.append(.heading(level: 1, text: "2. Τεχνικό Πρόγραμμα \(year)"))
        for group in annual.technicalProgramme {
            blocks.append(.heading(level: 2, text: group.name))
            blocks.append(.table(.init(caption: "Τεχνικό Πρόγραμμα \(year): \(group.name)",
                                       columns: [.init("Α/Α", numeric: true, weight: 1), .init("Κωδ.", weight: 2), .init("Έργο / μελέτη", weight: 6), .init("Κατηγορία", weight: 3),
                                                 .init("Χρηματοδότηση", weight: 4), .init("Ποσό", numeric: true, weight: 3)],
                                       rows: group.items.map { [String($0.number), $0.code, $0.title, $0.category, $0.funding, $0.amount.formatted] },
                                       total: ["", "", "Σύνολο", "", "", group.total.formatted])))
        }
        if annual.technicalProgramme.isEmpty { blocks.append(.paragraph("Δεν προγραμματίζονται τεχνικά έργα ή μελέτες για το \(year).")) }
        return document(p, r, "\(Kind.annual.greek) \(year)", blocks)
    }

    // MARK: Evaluation report

    public static func evaluation(_ p: Programme, _ r: ReferenceData, year: Int) -> OfficialDocument {
        let figures = DashboardFigures(p, year: year, indicatorYear: year)
        func yearUpdate(_ a: Action) -> ProgressUpdate? { p.latestProgress(of: a.id, upTo: year) }
        var blocks: [OfficialDocument.Block] = [.tableOfContents, .pageBreak]
        blocks.append(.heading(level: 1, text: "1. Σύνοψη"))
        blocks.append(.bullets([
            "Συνολική σταθμισμένη πρόοδος: \(GreekNumber.percent(figures.rollup.progress)).",
            "Προγραμματισμένη χρηματοδότηση έως το \(year): \(figures.planned.formatted) · δαπάνη: \(figures.spent.formatted).",
            "Δείκτες \(year): \(figures.onTarget) σε τροχιά, \(figures.offTarget) εκτός τροχιάς, \(figures.unmeasured) χωρίς μέτρηση ή στόχο.",
        ]))
        blocks.append(.table(.init(caption: "Δράσεις ανά κατάσταση (τελευταία αναφορά προόδου)",
                                   columns: [.init("Κατάσταση", weight: 5), .init("Δράσεις", numeric: true, weight: 2)],
                                   rows: figures.statusCounts.map { [$0.status?.greek ?? "Χωρίς αναφορά", String($0.count)] })))
        blocks.append(.heading(level: 1, text: "2. Πρόοδος ανά άξονα και μέτρο"))
        for axis in p.axes {
            blocks.append(.heading(level: 2, text: "Άξονας \(axis.code): \(axis.title)"))
            for measure in axis.measures {
                let actions = measure.objectives.flatMap(\.actions)
                let done = actions.filter { yearUpdate($0)?.status == .completed }
                let delayed = actions.filter { [.delayed, .atRisk].contains(yearUpdate($0)?.status) }
                let planned = actions.map { $0.funding(in: year) }.sum()
                let spent = actions.compactMap { yearUpdate($0)?.spentToDate }.sum()
                blocks.append(.heading(level: 3, text: "Μέτρο \(measure.code): \(measure.title)"))
                blocks.append(.paragraph("Πρόοδος \(GreekNumber.percent(figures.rollup.find(measure.id)?.progress)) · ολοκληρώθηκαν \(done.count) από \(GreekText.count(actions.count, "δράση", "δράσεις")) · προγραμματισμένα \(year): \(planned.formatted) · δαπάνη έως τότε: \(spent.formatted)."))
                if !delayed.isEmpty {
                    blocks.append(.paragraph("Δράσεις σε καθυστέρηση ή κίνδυνο:"))
                    blocks.append(.bullets(delayed.map { a in
                        let u = yearUpdate(a)!
                        return "\(a.code) \(a.title) — \(u.status.greek)" + (u.comment.isEmpty ? "" : ": \(u.comment)")
                    }))
                }
            }
        }
        blocks.append(.heading(level: 1, text: "3. Δείκτες έναντι στόχων \(year)"))
        blocks.append(.table(.init(caption: "Επίτευξη δεικτών \(year)",
                                   columns: [.init("Κωδ.", weight: 1), .init("Δείκτης", weight: 6), .init("Μονάδα", weight: 2), .init("Στόχος", numeric: true, weight: 2),
                                             .init("Τιμή", numeric: true, weight: 2), .init("Επίτευξη", numeric: true, weight: 2)],
                                   rows: p.indicators.map { i in
                                       [i.code, i.name, i.unit, i.targets[year].map(GreekNumber.format) ?? "—", i.actual(in: year).map(GreekNumber.format) ?? "—",
                                        GreekNumber.percent(i.achievement(in: year))]
                                   })))
        return document(p, r, "\(Kind.evaluation.greek) \(year)", blocks)
    }
}
