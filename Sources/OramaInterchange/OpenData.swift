import Foundation
import OramaDomain

/// A published programme as open data: one ZIP with the whole programme in JSON (the API's
/// shape), flat CSV tables (UTF-8, `,`, decimal point, ISO dates) and a README that
/// describes every column, in Greek.
public enum OpenData {
    public static func package(_ p: Programme, reference r: ReferenceData, programmeJSON: Data) throws -> Data {
        let tables = tables(p, r)
        var files: [(String, Data)] = [("README.md", Data(readme(p, r, tables).utf8))]
        for (name, sheet, _) in tables {
            files.append((name, CSVWriter.data(sheet, dialect: .openData)))
        }
        files.append(("programme.json", programmeJSON))
        return try ZipPackage.make(files)
    }

    /// The CSV files with a sentence for each column.
    static func tables(_ p: Programme, _ r: ReferenceData) -> [(String, Workbook.Sheet, [String])] {
        var tree: [[Workbook.Cell]] = []
        for axis in p.axes {
            tree.append([.text("axis"), .text(axis.code), .text(""), .text(axis.title)])
            for measure in axis.measures {
                tree.append([.text("measure"), .text(measure.code), .text(axis.code), .text(measure.title)])
                for objective in measure.objectives {
                    tree.append([.text("objective"), .text(objective.code), .text(measure.code), .text(objective.title)])
                }
            }
        }
        let actions: [[Workbook.Cell]] = p.actionPaths.map { path in
            let a = path.action
            let latest = p.latestProgress(of: a.id)
            return [.text(a.id.uuidString.lowercased()), .text(a.code), .text(path.objective.code), .text(a.title), .text(a.kind.rawValue), .text(a.nature.rawValue),
                    .text(r.unit(a.responsibleUnitID)?.name ?? ""), .integer(a.priority.rawValue), .text(a.maturity.rawValue), .money(a.cost), .money(a.fundedAmount),
                    .text(a.schedule?.start.code ?? ""), .text(a.schedule?.end.code ?? ""), .text(latest?.status.rawValue ?? ""),
                    latest.map { .integer($0.physicalProgress) } ?? .empty, latest.map { .money($0.spentToDate) } ?? .empty]
        }
        var funding: [[Workbook.Cell]] = []
        for a in p.actions {
            for line in a.fundingLines {
                let s = r.source(line.sourceID)
                funding.append([.text(a.code), .text(s?.code ?? ""), .text(s?.name ?? ""), .integer(line.year), .money(line.amount)])
            }
        }
        let indicators: [[Workbook.Cell]] = p.indicators.map { i in
            let attached: String
            switch i.attachment {
            case .measure(let id): attached = p.measure(id)?.code ?? ""
            case .objective(let id): attached = p.objective(id)?.code ?? ""
            }
            return [.text(i.id.uuidString.lowercased()), .text(i.code), .text(i.name), .text(i.kind.rawValue), .text(i.unit), .text(i.direction.rawValue),
                    .text(attached), i.baseline.map(Workbook.Cell.number) ?? .empty, i.baselineYear.map(Workbook.Cell.integer) ?? .empty]
        }
        var targets: [[Workbook.Cell]] = []
        var measurements: [[Workbook.Cell]] = []
        for i in p.indicators {
            for (year, value) in i.targets.sorted(by: { $0.key < $1.key }) { targets.append([.text(i.code), .integer(year), .number(value)]) }
            for (period, m) in ProgrammeSheets.latestByPeriod(i) { measurements.append([.text(i.code), .text(period.code), .number(m.value)]) }
        }
        let localities: [[Workbook.Cell]] = r.localities.map { l in
            [.text(l.id.uuidString.lowercased()), .text(l.kind.rawValue), .text(l.name), .text(l.genitive), .text(l.parentID?.uuidString.lowercased() ?? ""),
             l.location.map { .number($0.latitude) } ?? .empty, l.location.map { .number($0.longitude) } ?? .empty]
        }
        var actionLocalities: [[Workbook.Cell]] = []
        for a in p.actions {
            for id in a.localityIDs { actionLocalities.append([.text(a.code), .text(id.uuidString.lowercased())]) }
        }
        var milestones: [[Workbook.Cell]] = []
        for a in p.actions {
            for m in a.milestones { milestones.append([.text(a.code), .text(m.date.iso), .text(m.title), .text(m.isDone ? "true" : "false")]) }
        }
        func sheet(_ columns: [String], _ rows: [[Workbook.Cell]]) -> Workbook.Sheet {
            Workbook.Sheet(name: "", columns: columns.map { .init($0) }, rows: rows)
        }
        return [
            ("tree.csv", sheet(["level", "code", "parent_code", "title"], tree),
             ["level: axis (άξονας), measure (μέτρο) ή objective (στόχος)", "code: κωδικός του κόμβου (1, 1.2, 1.2.3)", "parent_code: κωδικός του γονικού κόμβου", "title: τίτλος"]),
            ("actions.csv", sheet(["id", "code", "objective_code", "title", "kind", "nature", "responsible_unit", "priority", "maturity", "cost_eur", "funding_eur",
                                   "start_quarter", "end_quarter", "latest_status", "latest_physical_progress_pct", "latest_spent_eur"], actions),
             ["id: μόνιμο αναγνωριστικό της δράσης (UUID)", "code: κωδικός δράσης (αλλάζει αν μετακινηθεί)", "objective_code: κωδικός του στόχου", "title: τίτλος",
              "kind: projectCategory (κατηγορία έργων), largeProject (μεγάλο έργο), recurringOperation (επαναλαμβανόμενη λειτουργία)",
              "nature: works (έργο), study (μελέτη), supply (προμήθεια), service (υπηρεσία), operation (λειτουργία)", "responsible_unit: υπεύθυνη υπηρεσία",
              "priority: 1 υψηλή, 2 μεσαία, 3 χαμηλή", "maturity: idea, studyReady, licensed, tendered, contracted", "cost_eur: εκτιμώμενο κόστος σε ευρώ",
              "funding_eur: άθροισμα χρηματοδότησης σε ευρώ", "start_quarter, end_quarter: τρίμηνα ΕΕΕΕ-QN", "latest_status: τελευταία κατάσταση προόδου (notStarted, onTrack, atRisk, delayed, completed, cancelled)",
              "latest_physical_progress_pct: φυσικό αντικείμενο %", "latest_spent_eur: δαπάνη έως την τελευταία αναφορά, σε ευρώ"]),
            ("funding.csv", sheet(["action_code", "source_code", "source_name", "year", "amount_eur"], funding),
             ["action_code: κωδικός δράσης", "source_code, source_name: πηγή χρηματοδότησης", "year: έτος", "amount_eur: ποσό σε ευρώ"]),
            ("indicators.csv", sheet(["id", "code", "name", "kind", "unit", "direction", "attached_to", "baseline", "baseline_year"], indicators),
             ["id: μόνιμο αναγνωριστικό", "code: κωδικός δείκτη", "name: όνομα", "kind: input, output, result, impact (εισροών, εκροών, αποτελεσμάτων, επιπτώσεων)",
              "unit: μονάδα μέτρησης", "direction: higherIsBetter ή lowerIsBetter", "attached_to: κωδικός μέτρου ή στόχου", "baseline, baseline_year: τιμή και έτος βάσης"]),
            ("targets.csv", sheet(["indicator_code", "year", "target"], targets), ["indicator_code: κωδικός δείκτη", "year: έτος", "target: τιμή-στόχος"]),
            ("measurements.csv", sheet(["indicator_code", "period", "value"], measurements),
             ["indicator_code: κωδικός δείκτη", "period: ΕΕΕΕ (έτος) ή ΕΕΕΕ-QN (τρίμηνο)", "value: τελευταία καταχωρισμένη τιμή της περιόδου"]),
            ("localities.csv", sheet(["id", "kind", "name", "genitive", "parent_id", "latitude", "longitude"], localities),
             ["id: μόνιμο αναγνωριστικό του τόπου (UUID)", "kind: municipalUnit (Δημοτική Ενότητα), community (Κοινότητα) ή settlement (οικισμός)",
              "name: όνομα", "genitive: το όνομα στη γενική, όπου είναι γνωστό", "parent_id: η Δημοτική Ενότητα στην οποία ανήκει",
              "latitude, longitude: γεωγραφικό πλάτος και μήκος σε δεκαδικές μοίρες WGS 84· κενά όπου δεν έχουν καταχωριστεί"]),
            ("action_localities.csv", sheet(["action_code", "locality_id"], actionLocalities),
             ["action_code: κωδικός δράσης", "locality_id: ο τόπος όπου υλοποιείται (localities.csv)· δράσεις χωρίς γραμμή αφορούν όλο τον Δήμο"]),
            ("milestones.csv", sheet(["action_code", "date", "title", "done"], milestones),
             ["action_code: κωδικός δράσης", "date: ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ", "title: ορόσημο", "done: true αν ολοκληρώθηκε"]),
        ]
    }

    static func readme(_ p: Programme, _ r: ReferenceData, _ tables: [(String, Workbook.Sheet, [String])]) -> String {
        var text = """
        # \(p.title)

        \(r.organisation.name) · Επιχειρησιακό Πρόγραμμα \(p.startYear)–\(p.endYear) · κατάσταση: \(p.status.greek) · έκδοση \(p.version)

        Ανοιχτά δεδομένα του προγράμματος, όπως δημοσιεύθηκαν. Τα αρχεία CSV είναι σε UTF-8 (με BOM),
        με κόμμα ως διαχωριστικό, τελεία ως υποδιαστολή και ημερομηνίες ΕΕΕΕ-ΜΜ-ΗΗ. Τα ποσά είναι σε ευρώ.
        Το `programme.json` έχει ολόκληρο το πρόγραμμα στη μορφή του API (`/api/v1/programmes/{id}`).

        """
        for (name, sheet, notes) in tables {
            text += "\n## \(name) (\(sheet.rows.count) γραμμές)\n\n"
            text += notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
