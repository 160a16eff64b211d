import Foundation

/// A problem the planning service should fix before the programme goes to the council.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case error
        case warning

        public var greek: String { self == .error ? "Σφάλμα" : "Προειδοποίηση" }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// What kind of thing the finding is about.
    public enum Place: String, Sendable, Codable {
        case measure, objective, action, indicator, unit, fundingSource, axis
    }

    public var rule: CheckRule
    public var severity: Severity
    public var place: Place
    public var entityID: UUID
    public var code: String
    public var title: String
    /// What is wrong, in Greek.
    public var problem: String
    /// What to do about it, in Greek.
    public var remedy: String
}

/// The checks of ΥΑ 41179/2014's "grouping and checking" of the actions of each measure.
public enum CheckRule: String, Sendable, Codable, CaseIterable {
    case measureWithoutObjectives
    case objectiveWithoutActions
    case objectiveWithoutIndicator
    case actionWithoutOwner
    case actionWithoutCost
    case fundingNotEqualToCost
    case scheduleOutsidePeriod
    case fundingOutsideSchedule
    case duplicateTitle
    case duplicateIndicatorCode
    case partnersMissing
    case projectWithoutLocality
    case indicatorWithoutBaseline
    case indicatorMissingTarget
    case unitWithoutActions
    case sourceOverCeiling

    public var severity: Finding.Severity {
        switch self {
        case .actionWithoutOwner, .fundingNotEqualToCost, .scheduleOutsidePeriod, .fundingOutsideSchedule, .duplicateIndicatorCode, .sourceOverCeiling, .actionWithoutCost:
            .error
        default:
            .warning
        }
    }

    public var greek: String {
        switch self {
        case .measureWithoutObjectives: "Μέτρο χωρίς στόχους"
        case .objectiveWithoutActions: "Στόχος χωρίς δράσεις"
        case .objectiveWithoutIndicator: "Στόχος χωρίς δείκτη"
        case .actionWithoutOwner: "Δράση χωρίς αρμόδια υπηρεσία"
        case .actionWithoutCost: "Δράση χωρίς κόστος"
        case .fundingNotEqualToCost: "Η χρηματοδότηση δεν ισούται με το κόστος"
        case .scheduleOutsidePeriod: "Χρονοδιάγραμμα εκτός περιόδου"
        case .fundingOutsideSchedule: "Χρηματοδότηση σε έτος εκτός χρονοδιαγράμματος"
        case .duplicateTitle: "Διπλός τίτλος"
        case .duplicateIndicatorCode: "Διπλός κωδικός δείκτη"
        case .partnersMissing: "Υπερτοπική ή διαδημοτική δράση χωρίς εταίρους"
        case .projectWithoutLocality: "Έργο χωρίς χωροθέτηση"
        case .indicatorWithoutBaseline: "Δείκτης χωρίς τιμή βάσης"
        case .indicatorMissingTarget: "Δείκτης χωρίς στόχο για κάποιο έτος"
        case .unitWithoutActions: "Υπηρεσία χωρίς δράσεις"
        case .sourceOverCeiling: "Πηγή πάνω από το ετήσιο όριο"
        }
    }
}

extension Programme {
    /// Runs every check; findings come sorted by severity and then in the order of the tree.
    public func check(reference: ReferenceData) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: CheckRule, _ place: Finding.Place, _ id: UUID, _ code: String, _ title: String, _ problem: String, _ remedy: String) {
            findings.append(Finding(rule: rule, severity: rule.severity, place: place, entityID: id, code: code, title: title, problem: problem, remedy: remedy))
        }
        func duplicates<T>(_ items: [T], title: (T) -> String) -> [T] {
            let keys = items.map { GreekText.searchKey(title($0)).trimmingWhitespace() }
            var seen: [String: Int] = [:]
            for key in keys { seen[key, default: 0] += 1 }
            return zip(items, keys).filter { (seen[$0.1] ?? 0) > 1 }.map(\.0)
        }
        let indicatorObjectives = Set(indicators.compactMap { i -> UUID? in if case .objective(let id) = i.attachment { return id } else { return nil } })

        for axis in duplicates(axes, title: \.title) {
            add(.duplicateTitle, .axis, axis.id, axis.code, axis.title, "Υπάρχει και άλλος άξονας με τον ίδιο τίτλο.", "Δώστε διακριτό τίτλο ή ενοποιήστε τους άξονες.")
        }
        for axis in axes {
            for measure in duplicates(axis.measures, title: \.title) {
                add(.duplicateTitle, .measure, measure.id, measure.code, measure.title, "Ο άξονας \(axis.code) έχει και άλλο μέτρο με τον ίδιο τίτλο.", "Δώστε διακριτό τίτλο ή ενοποιήστε τα μέτρα.")
            }
            for measure in axis.measures {
                if measure.objectives.isEmpty {
                    add(.measureWithoutObjectives, .measure, measure.id, measure.code, measure.title, "Το μέτρο δεν έχει κανέναν στόχο.", "Προσθέστε τουλάχιστον έναν στόχο ή διαγράψτε το μέτρο.")
                }
                for objective in duplicates(measure.objectives, title: \.title) {
                    add(.duplicateTitle, .objective, objective.id, objective.code, objective.title, "Το μέτρο \(measure.code) έχει και άλλον στόχο με τον ίδιο τίτλο.", "Δώστε διακριτό τίτλο ή ενοποιήστε τους στόχους.")
                }
                for objective in measure.objectives {
                    if objective.actions.isEmpty {
                        add(.objectiveWithoutActions, .objective, objective.id, objective.code, objective.title, "Ο στόχος δεν έχει καμία δράση.", "Αναθέστε δράσεις στις αρμόδιες υπηρεσίες ή αφαιρέστε τον στόχο.")
                    }
                    if !indicatorObjectives.contains(objective.id) {
                        add(.objectiveWithoutIndicator, .objective, objective.id, objective.code, objective.title, "Ο στόχος δεν παρακολουθείται από κανέναν δείκτη.", "Ορίστε τουλάχιστον έναν δείκτη αποτελέσματος για τον στόχο.")
                    }
                    for action in duplicates(objective.actions, title: \.title) {
                        add(.duplicateTitle, .action, action.id, action.code, action.title, "Ο στόχος \(objective.code) έχει και άλλη δράση με τον ίδιο τίτλο.", "Δώστε διακριτό τίτλο ή ενοποιήστε τις δράσεις.")
                    }
                    for action in objective.actions { checkAction(action, reference: reference, add: add) }
                }
            }
        }

        for indicator in duplicates(indicators, title: \.code) {
            add(.duplicateIndicatorCode, .indicator, indicator.id, indicator.code, indicator.name, "Ο κωδικός \(indicator.code) χρησιμοποιείται από περισσότερους δείκτες.", "Δώστε μοναδικό κωδικό σε κάθε δείκτη.")
        }
        for indicator in indicators {
            if indicator.baseline == nil {
                add(.indicatorWithoutBaseline, .indicator, indicator.id, indicator.code, indicator.name, "Ο δείκτης δεν έχει τιμή βάσης.", "Καταχωρίστε την τιμή βάσης και το έτος της.")
            }
            let missing = years.filter { indicator.targets[$0] == nil }
            if !missing.isEmpty {
                add(.indicatorMissingTarget, .indicator, indicator.id, indicator.code, indicator.name,
                    "Λείπει τιμή στόχος για: \(missing.map(String.init).joined(separator: ", ")).", "Ορίστε τιμή στόχο για κάθε έτος του προγράμματος.")
            }
        }

        let acting = Set(actions.flatMap { [$0.responsibleUnitID] + $0.coResponsibleUnitIDs })
        func hasActions(_ unit: OrgUnit) -> Bool {
            acting.contains(unit.id) || reference.units.contains { $0.parentID == unit.id && hasActions($0) }
        }
        for unit in reference.units where !hasActions(unit) {
            add(.unitWithoutActions, .unit, unit.id, unit.code, unit.name, "Η υπηρεσία δεν έχει καμία δράση στο πρόγραμμα.", "Ελέγξτε αν λείπει το Σχέδιο Δράσης της υπηρεσίας.")
        }

        for source in reference.fundingSources {
            guard let ceiling = source.annualCeiling else { continue }
            for year in years {
                let total = actions.flatMap(\.fundingLines).filter { $0.sourceID == source.id && $0.year == year }.map(\.amount).sum()
                if total > ceiling {
                    add(.sourceOverCeiling, .fundingSource, source.id, source.code, source.name,
                        "Το \(year) οι δράσεις ζητούν \(total.formatted) από την πηγή, ενώ το όριο είναι \(ceiling.formatted).",
                        "Μεταφέρετε δράσεις σε άλλο έτος ή άλλη πηγή, ή μειώστε ποσά κατά \((total - ceiling).formatted).")
                }
            }
        }

        let order = Dictionary(uniqueKeysWithValues: (axes.map(\.id) + measures.map(\.id) + objectives.map(\.id) + actions.map(\.id) + indicators.map(\.id)).enumerated().map { ($1, $0) })
        return findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return (order[a.element.entityID] ?? Int.max, a.offset) < (order[b.element.entityID] ?? Int.max, b.offset)
        }.map(\.element)
    }

    private func checkAction(_ action: Action, reference: ReferenceData,
                             add: (CheckRule, Finding.Place, UUID, String, String, String, String) -> Void) {
        let a = action
        func report(_ rule: CheckRule, _ problem: String, _ remedy: String) { add(rule, .action, a.id, a.code, a.title, problem, remedy) }
        if reference.unit(a.responsibleUnitID) == nil {
            report(.actionWithoutOwner, "Η αρμόδια υπηρεσία της δράσης δεν υπάρχει στο οργανόγραμμα.", "Ορίστε αρμόδια υπηρεσία.")
        }
        if a.cost.isZero && a.fundingLines.isEmpty {
            report(.actionWithoutCost, "Η δράση δεν έχει κόστος ούτε χρηματοδότηση.", "Καταχωρίστε τον προϋπολογισμό και τις πηγές της.")
        } else if a.fundedAmount != a.cost {
            report(.fundingNotEqualToCost, "Οι γραμμές χρηματοδότησης (\(a.fundedAmount.formatted)) δεν ισούνται με το κόστος (\(a.cost.formatted)).",
                   "Προσαρμόστε τα ποσά ανά πηγή και έτος ή το κόστος, ώστε να συμφωνούν.")
        }
        if let schedule = a.schedule {
            if schedule.start.year < startYear || schedule.end.year > endYear {
                report(.scheduleOutsidePeriod, "Το χρονοδιάγραμμα (\(schedule.start.greek) – \(schedule.end.greek)) βγαίνει εκτός της περιόδου \(startYear)–\(endYear).",
                       "Περιορίστε το χρονοδιάγραμμα στην περίοδο του προγράμματος.")
            }
            let outside = Set(a.fundingLines.map(\.year)).filter { !schedule.runs(in: $0) }.sorted()
            if !outside.isEmpty {
                report(.fundingOutsideSchedule, "Υπάρχει χρηματοδότηση σε έτη χωρίς εργασίες: \(outside.map(String.init).joined(separator: ", ")).",
                       "Μεταφέρετε τα ποσά στα έτη του χρονοδιαγράμματος ή επεκτείνετέ το.")
            }
        } else if !a.fundingLines.isEmpty {
            let years = Set(a.fundingLines.map(\.year)).sorted()
            report(.fundingOutsideSchedule, "Η δράση έχει χρηματοδότηση (\(years.map(String.init).joined(separator: ", "))) αλλά κανένα χρονοδιάγραμμα.",
                   "Ορίστε τρίμηνο έναρξης και λήξης.")
        }
        if a.isSupraLocal && a.partners.isEmpty {
            report(.partnersMissing, "Η δράση είναι υπερτοπικής σημασίας αλλά δεν έχει εταίρους.", "Καταχωρίστε τους συνεργαζόμενους Δήμους ή φορείς.")
        }
        if a.nature == .works && a.localityIDs.isEmpty {
            report(.projectWithoutLocality, "Το έργο δεν έχει χωροθέτηση.", "Επιλέξτε Δημοτική Ενότητα ή Κοινότητα.")
        }
    }
}
