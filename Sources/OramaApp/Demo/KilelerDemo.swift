import Foundation
import OramaDomain

/// Builds the illustrative Operational Programme 2024–2028 of the Municipality of Kileler
/// as domain values, the same on every run.
enum KilelerDemo {
    static let organisationName = "Δήμος Κιλελέρ"
    static let notice = "ΕΝΔΕΙΚΤΙΚΟ ΠΑΡΑΔΕΙΓΜΑ: τα δεδομένα είναι πλασματικά και δεν αποτελούν το εγκεκριμένο Επιχειρησιακό Πρόγραμμα του Δήμου Κιλελέρ."
    /// The findings the demo carries on purpose, each said so in the item's own text, so the
    /// checks page is never empty by accident (rule, code of the place).
    static let deliberateFindings: [(CheckRule, String)] = [
        (.fundingNotEqualToCost, "1.4.1.02"),
        (.projectWithoutLocality, "1.3.1.03"),
        (.objectiveWithoutIndicator, "3.3.2"),
        (.indicatorMissingTarget, "Δ52"),
    ]

    /// The day the demo's history runs up to.
    static let historyUntil = YearQuarter(year: 2026, quarter: 3)

    struct Result {
        var reference: ReferenceData
        var programme: Programme
        /// The revision in preparation (a draft).
        var revision: Revision
        var draft: Programme { revision.programme }
    }

    static let seed: UInt64 = 0x4B49_4C45_4C45_52

    /// The demo; with another seed and municipality, the same shape of programme with its
    /// own ids and figures, for the national benchmark's 332 municipalities.
    static func build(seed: UInt64 = seed, as municipality: Organisation? = nil) -> Result {
        var rng = DemoRandom(seed: seed)
        var reference = referenceData(&rng)
        if let municipality {
            reference.organisation.name = municipality.name
            reference.organisation.region = municipality.region
            reference.organisation.regionalUnit = municipality.regionalUnit
        }
        var programme = operationalProgramme(reference, &rng)
        addHistory(to: &programme, &rng)
        let revision = programme.revision(title: "Αναθεώρηση Επιχειρησιακού Προγράμματος 2024–2028 (σε προετοιμασία)", newID: { rng.uuid() })
        return Result(reference: reference, programme: programme, revision: revision)
    }

    /// The decisions that took the programme through its path, illustrative like the rest of
    /// the demo (no ΑΔΑ: these numbers name no real act on Diavgeia), and the steps they rest on.
    static func approvalPath(of programme: Programme) -> (decisions: [Decision], steps: [(StepRequest, CalendarDate)]) {
        let y = programme.startYear
        func day(_ d: Int, _ m: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) }
        let illustrative = " (ενδεικτική απόφαση των δεδομένων επίδειξης)"
        var ids = DemoRandom(seed: seed &+ UInt64(y))
        let phaseA = Decision(id: ids.uuid(), programmeID: programme.id, body: .council, act: .phaseA, number: "18/\(y)", date: day(25, 1),
                              subject: "Έγκριση της Αʹ Φάσης (Στρατηγικός Σχεδιασμός) του Επιχειρησιακού Προγράμματος \(y)–\(y + 4)" + illustrative)
        let opinion = Decision(id: ids.uuid(), programmeID: programme.id, body: .consultationCommittee, act: .committeeOpinion,
                               number: "2/\(y)", date: day(22, 2),
                               subject: "Γνώμη της Επιτροπής Διαβούλευσης επί της Αʹ Φάσης και των προτάσεων της δημόσιας διαβούλευσης" + illustrative)
        let phaseB = Decision(id: ids.uuid(), programmeID: programme.id, body: .council, act: .phaseB, number: "41/\(y)", date: day(12, 3),
                              subject: "Έγκριση της Βʹ Φάσης (Επιχειρησιακός Σχεδιασμός) του Επιχειρησιακού Προγράμματος \(y)–\(y + 4)" + illustrative)
        let consultation = Consultation(start: programme.keyDates.consultationStart ?? day(3, 2), end: programme.keyDates.consultationEnd ?? day(17, 2))
        return ([phaseA, opinion, phaseB], [
            (StepRequest(step: .approvePhaseA, decisionID: phaseA.id), day(26, 1)),
            (StepRequest(step: .openConsultation, consultation: consultation), day(29, 1)),
            (StepRequest(step: .approvePhaseB, decisionID: phaseB.id), day(13, 3)),
            (StepRequest(step: .publish), day(20, 3)),
        ])
    }

    /// `times` copies of the programme's plan and indicators, with fresh ids, as one draft
    /// programme: the "10× the demo" of the benchmarks and of the query-count test.
    static func scaled(_ programme: Programme, times: Int) -> Programme {
        var large = Programme(organisationID: programme.organisationID, title: "Πρόγραμμα δοκιμής \(times)× επίδειξης", startYear: programme.startYear,
                              endYear: programme.endYear, status: .draft)
        for copy in 0..<times {
            let fresh = programme.revisionDraft(title: "αντίγραφο \(copy)")
            large.axes += fresh.axes
            large.indicators += fresh.indicators
            large.strategicPlan.profileSections += fresh.strategicPlan.profileSections
            large.strategicPlan.strategicGoals += fresh.strategicPlan.strategicGoals
        }
        large.renumber()
        return large
    }

    /// The municipality's budget execution file of a year, as it would publish it: one line
    /// per ΚΑΕ of the actions funded that year (committed and paid following their progress),
    /// and a few lines no action names (salaries, utilities), which the import lists apart.
    static func budgetExecutionCSV(_ programme: Programme, year: Int) -> String {
        var lines = ["ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα"]
        for action in programme.actions {
            let budgeted = action.funding(in: year)
            guard !budgeted.isZero, let code = action.budgetLines.first else { continue }
            let progress = programme.progressUpdates.filter { $0.actionID == action.id && $0.date.year <= year }.max { $0.date < $1.date }?.physicalProgress ?? 0
            let committed = Money(cents: budgeted.cents / 100 * Int64(min(100, progress + 20)))
            let paid = Money(cents: committed.cents / 100 * Int64(min(100, progress)))
            lines.append("\(code);\"\(action.title.replacingOccurrences(of: "\"", with: "\"\""))\";\(budgeted.formattedNumber);\(committed.formattedNumber);\(paid.formattedNumber)")
        }
        lines.append("10.6011.0001;Τακτικές αποδοχές υπαλλήλων;2.450.000,00;2.450.000,00;2.390.112,40")
        lines.append("20.6211.0001;Αντίτιμο ηλεκτρικού ρεύματος φωτισμού οδών;380.000,00;362.500,00;301.877,15")
        lines.append("00.6111.0001;Αμοιβές νομικών;25.000,00;18.000,00;12.400,00")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: reference data

    static func referenceData(_ rng: inout DemoRandom) -> ReferenceData {
        let org = Organisation(id: rng.uuid(), name: organisationName, region: "Θεσσαλία", regionalUnit: "Λάρισα",
                               address: "Αγίου Χαραλάμπους & Πολυτεχνείου, Νίκαια, 400 05", phone: "2413 507200")
        var localities: [Locality] = []
        // Each with its genitive, as headings decline it («Δημοτική Ενότητα Αρμενίου», «Κοινότητα Κραννώνος»).
        let units: [((String, String), [(String, String)])] = [
            (("Νίκαια", "Νίκαιας"), [("Νίκαια", "Νίκαιας"), ("Μέλισσα", "Μέλισσας"), ("Νέο Περιβόλι", "Νέου Περιβολίου")]),
            (("Κιλελέρ", "Κιλελέρ"), [("Κιλελέρ", "Κιλελέρ"), ("Ομορφοχώρι", "Ομορφοχωρίου"), ("Χαρά", "Χαράς")]),
            (("Κραννώνα", "Κραννώνα"), [("Κραννώνας", "Κραννώνος"), ("Άγιοι Ανάργυροι", "Αγίων Αναργύρων"), ("Άγιος Γεώργιος", "Αγίου Γεωργίου"),
                                        ("Δοξαράς", "Δοξαρά"), ("Κυπάρισσος", "Κυπαρίσσου"), ("Μαυροβούνι", "Μαυροβουνίου"), ("Μικρό Βουνό", "Μικρού Βουνού"),
                                        ("Ψυχικό", "Ψυχικού"), ("Βουναίνα", "Βουναίνης")]),
            (("Αρμένιο", "Αρμενίου"), [("Αρμένιο", "Αρμενίου"), ("Μέγα Μοναστήριο", "Μεγάλου Μοναστηρίου"), ("Νίκη", "Νίκης"), ("Σωτήριο", "Σωτηρίου")]),
            (("Πλατύκαμπος", "Πλατυκάμπου"), [("Πλατύκαμπος", "Πλατυκάμπου"), ("Καλαμάκι", "Καλαμακίου")]),
        ]
        // Coordinates only where a source gives them (the Wikipedia articles' infoboxes: «Nikaia,
        // Larissa» 39°34′N 22°28′E; «Κιλελέρ Λάρισας» 39°30′18.7″N 22°38′27.2″E; «Krannonas» the
        // municipal unit 39°31′N 22°21′E, the village 39°31′10″N 22°19′08″E). The other villages
        // are left without, for the office to fill in: a map never places a village by guess.
        let seats: [String: GeoPoint] = ["Νίκαια": GeoPoint(latitude: 39.567, longitude: 22.467)!,
                                          "Κιλελέρ": GeoPoint(latitude: 39.505194, longitude: 22.640889)!,
                                          "Κραννώνα": GeoPoint(latitude: 39.517, longitude: 22.350)!]
        let villages: [String: GeoPoint] = ["Νίκαια": GeoPoint(latitude: 39.567, longitude: 22.467)!,
                                            "Κιλελέρ": GeoPoint(latitude: 39.505194, longitude: 22.640889)!,
                                            "Κραννώνας": GeoPoint(latitude: 39.5194, longitude: 22.3189)!]
        for ((unit, unitGenitive), communities) in units {
            let parent = Locality(id: rng.uuid(), organisationID: org.id, name: unit, kind: .municipalUnit, genitive: unitGenitive, location: seats[unit])
            localities.append(parent)
            for (community, genitive) in communities {
                localities.append(Locality(id: rng.uuid(), organisationID: org.id, parentID: parent.id, name: community, kind: .community, genitive: genitive,
                                           location: villages[community]))
            }
        }

        var orgUnits: [OrgUnit] = []
        func unit(_ code: String, _ name: String, _ kind: OrgUnit.Kind, parent: String? = nil, phone: String, email: String) {
            let parentID = parent.flatMap { p in orgUnits.first { $0.code == p }?.id }
            orgUnits.append(OrgUnit(id: rng.uuid(), organisationID: org.id, parentID: parentID, code: code, name: name, kind: kind,
                                    phone: "2413 \(phone)", email: "\(email)@kileler.example.gr"))
        }
        unit("ΔΤΥ", "Διεύθυνση Τεχνικών Υπηρεσιών", .directorate, phone: "507210", email: "texniki")
        unit("ΤΜΚ", "Τμήμα Μελετών και Κατασκευής Έργων", .department, parent: "ΔΤΥ", phone: "507211", email: "meletes")
        unit("ΤΣΥ", "Τμήμα Συντήρησης Υποδομών και Η/Μ Εγκαταστάσεων", .department, parent: "ΔΤΥ", phone: "507215", email: "syntirisi")
        unit("ΔΟΥ", "Διεύθυνση Οικονομικών Υπηρεσιών", .directorate, phone: "507230", email: "oikonomiki")
        unit("ΤΛΠ", "Τμήμα Λογιστηρίου και Προϋπολογισμού", .department, parent: "ΔΟΥ", phone: "507231", email: "logistirio")
        unit("ΤΠΡ", "Τμήμα Προμηθειών και Διαχείρισης Υλικού", .department, parent: "ΔΟΥ", phone: "507235", email: "promithies")
        unit("ΤΕΠ", "Τμήμα Εσόδων και Περιουσίας", .department, parent: "ΔΟΥ", phone: "507238", email: "esoda")
        unit("ΔΔΥ", "Διεύθυνση Διοικητικών Υπηρεσιών", .directorate, phone: "507250", email: "dioikitiki")
        unit("ΤΠΟΠ", "Τμήμα Προγραμματισμού, Οργάνωσης και Πληροφορικής", .department, parent: "ΔΔΥ", phone: "507255", email: "programmatismos")
        unit("ΚΕΠ", "ΚΕΠ Δήμου Κιλελέρ", .office, parent: "ΔΔΥ", phone: "507260", email: "kep")
        unit("ΔΚΠ", "Διεύθυνση Κοινωνικής Προστασίας, Παιδείας και Πολιτισμού", .directorate, phone: "507270", email: "koinoniki")
        unit("ΤΚΠ", "Τμήμα Κοινωνικής Προστασίας – Κέντρο Κοινότητας", .department, parent: "ΔΚΠ", phone: "507271", email: "kentrokoinotitas")
        unit("ΤΠΤΑ", "Τμήμα Πολιτισμού, Τουρισμού, Αθλητισμού και Δια Βίου Μάθησης", .department, parent: "ΔΚΠ", phone: "507275", email: "politismos")
        unit("ΚΔΑΠ", "ΚΔΑΠ Δήμου Κιλελέρ", .office, parent: "ΔΚΠ", phone: "507278", email: "kdap")
        unit("ΒΙΒ", "Δημοτική Βιβλιοθήκη", .office, parent: "ΔΚΠ", phone: "507279", email: "vivliothiki")
        unit("ΔΠΚ", "Διεύθυνση Περιβάλλοντος, Καθαριότητας και Πρασίνου", .directorate, phone: "507290", email: "perivallon")
        unit("ΤΚΑ", "Τμήμα Καθαριότητας και Ανακύκλωσης", .department, parent: "ΔΠΚ", phone: "507291", email: "kathariotita")
        unit("ΤΠΡΣ", "Τμήμα Πρασίνου", .department, parent: "ΔΠΚ", phone: "507295", email: "prasino")
        unit("ΤΤΑ", "Τμήμα Τοπικής Οικονομικής Ανάπτυξης", .independent, phone: "507300", email: "anaptyxi")
        unit("ΓΠΠ", "Γραφείο Πολιτικής Προστασίας", .independent, phone: "507310", email: "politiki.prostasia")

        let entities = [
            LegalEntity(id: rng.uuid(), organisationID: org.id, name: "ΔΕΥΑ Κιλελέρ", kind: .waterUtility),
            LegalEntity(id: rng.uuid(), organisationID: org.id, name: "Κοινωφελής Επιχείρηση Δήμου Κιλελέρ (υπό κατάργηση, Ν. 5056/2023)", kind: .municipalEnterprise),
            LegalEntity(id: rng.uuid(), organisationID: org.id, name: "Σχολική Επιτροπή Πρωτοβάθμιας Εκπαίδευσης", kind: .publicLawEntity),
        ]

        func source(_ code: String, _ name: String, _ kind: FundingSource.Kind, ceiling: Int64? = nil) -> FundingSource {
            FundingSource(id: rng.uuid(), organisationID: org.id, code: code, name: name, kind: kind, annualCeiling: ceiling.map(Money.init(euros:)))
        }
        let sources = [
            source("ΙΔΙΟΙ", "Ίδιοι / Δημοτικοί Πόροι", .own),
            source("ΑΝΤΑΠ", "Ανταποδοτικά τέλη", .own),
            source("ΣΑΤΑ", "ΣΑΤΑ (Συλλογικές Αποφάσεις Τοπικής Ανάπτυξης)", .central, ceiling: 2_500_000),
            source("ΚΑΠ", "Κεντρικοί Αυτοτελείς Πόροι", .central),
            source("ΠΕΠ", "ΠΕΠ Θεσσαλίας 2021–2027 (ΕΣΠΑ)", .eu),
            source("ΤΑΑ", "Ταμείο Ανάκαμψης και Ανθεκτικότητας", .eu),
            source("ΠΑΑ", "Πρόγραμμα Αγροτικής Ανάπτυξης", .eu),
            source("LEADER", "LEADER / ΤΑΠΤοΚ", .eu),
            source("ΤΡΙΤΣΗΣ", "Πρόγραμμα «Αντώνης Τρίτσης»", .nationalProgramme),
            source("ΦΙΛΟΔΗΜΟΣ", "Φιλόδημος ΙΙ", .nationalProgramme),
            source("ΠΔΕ", "Πρόγραμμα Δημοσίων Επενδύσεων", .nationalProgramme),
            source("ΠΡΑΣΙΝΟ", "Πράσινο Ταμείο", .nationalProgramme),
            source("ΔΑΝΕΙΟ", "Δανεισμός (Ταμείο Παρακαταθηκών και Δανείων)", .loan),
        ]
        return ReferenceData(organisation: org, localities: localities, units: orgUnits, legalEntities: entities, fundingSources: sources)
    }

    // MARK: the programme

    static func operationalProgramme(_ reference: ReferenceData, _ rng: inout DemoRandom) -> Programme {
        let start = 2024, end = 2028
        let unitID = Dictionary(uniqueKeysWithValues: reference.units.map { ($0.code, $0.id) })
        let sourceID = Dictionary(uniqueKeysWithValues: reference.fundingSources.map { ($0.code, $0.id) })
        let localityID = Dictionary(reference.localities.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        let deya = reference.legalEntities[0].id

        var axes: [Axis] = []
        var indicators: [Indicator] = []
        var goals: [StrategicGoal] = []
        var indicatorNumber = 0
        var budgetLineNumbers: [String: Int] = [:]

        for axisSpec in KilelerContent.axes {
            var axis = Axis(id: rng.uuid(), title: axisSpec.title, description: axisSpec.description)
            goals += axisSpec.goals.map { StrategicGoal(axisID: axis.id, text: $0) }
            for measureSpec in axisSpec.measures {
                var measure = Measure(id: rng.uuid(), title: measureSpec.title)
                for objectiveSpec in measureSpec.objectives {
                    var objective = Objective(id: rng.uuid(), title: objectiveSpec.title, description: objectiveSpec.description)
                    for spec in objectiveSpec.actions {
                        objective.actions.append(action(spec, years: start...end, unitID: unitID, sourceID: sourceID, localityID: localityID, deya: deya, numbers: &budgetLineNumbers, &rng))
                    }
                    for spec in objectiveSpec.indicators {
                        indicatorNumber += 1
                        let steps = Double(end - start + 1)
                        var targets: [Int: Double] = [:]
                        for (n, year) in (start...end).enumerated() {
                            let value = spec.baseline + (spec.finalTarget - spec.baseline) * Double(n + 1) / steps
                            targets[year] = (value * 10).rounded() / 10
                        }
                        if spec.withoutFinalTarget { targets[end] = nil }
                        indicators.append(Indicator(
                            id: rng.uuid(), code: "Δ\(indicatorNumber < 10 ? "0" : "")\(indicatorNumber)", name: spec.name, kind: spec.kind,
                            unit: spec.unit, direction: spec.direction, baseline: spec.baseline, baselineYear: 2023, targets: targets,
                            dataSource: spec.source, frequency: spec.kind == .output ? .quarterly : .annual,
                            responsibleUnitID: unitID[spec.unitCode],
                            attachment: spec.onMeasure ? .measure(measure.id) : .objective(objective.id)))
                    }
                    measure.objectives.append(objective)
                }
                axis.measures.append(measure)
            }
            axes.append(axis)
        }

        var programme = Programme(
            id: rng.uuid(), organisationID: reference.organisation.id,
            title: "Επιχειρησιακό Πρόγραμμα Δήμου Κιλελέρ 2024–2028", startYear: start, endYear: end,
            status: .published, version: 1, note: notice,
            strategicPlan: strategicPlan(goals: goals, &rng), axes: axes, indicators: indicators,
            keyDates: KeyDates(consultationStart: CalendarDate(year: start, month: 2, day: 3), consultationEnd: CalendarDate(year: start, month: 2, day: 17),
                               councilSession: CalendarDate(year: start, month: 3, day: 12)))
        programme.renumber()
        return programme
    }

    static func action(_ spec: KilelerContent.ActionSpec, years: ClosedRange<Int>, unitID: [String: UUID], sourceID: [String: UUID],
                       localityID: [String: UUID], deya: UUID, numbers: inout [String: Int], _ rng: inout DemoRandom) -> Action {
        // Recurring operations run the whole term; projects start in the first three years.
        let schedule: Schedule
        if spec.kind == .recurringOperation {
            schedule = Schedule(start: YearQuarter(year: years.lowerBound, quarter: 1), end: YearQuarter(year: years.upperBound, quarter: 4))
        } else {
            let first = YearQuarter(year: years.lowerBound, quarter: 1).ordinal
            let startOrdinal = first + rng.int(0...9)
            let length = spec.nature == .works ? rng.int(4...10) : rng.int(2...6)
            let last = YearQuarter(year: years.upperBound, quarter: 4).ordinal
            schedule = Schedule(start: YearQuarter(ordinal: startOrdinal), end: YearQuarter(ordinal: min(last, startOrdinal + length - 1)))
        }
        let cost = Money(euros: spec.euros)
        let funded = Money(euros: spec.fundedEuros ?? spec.euros)
        let scheduledYears = Array(schedule.years)
        var lines: [FundingLine] = []
        // The first source carries the larger share; the rest split what remains.
        let shares: [Money] = spec.sources.count == 1 ? [funded] : {
            let mainShare = Money(cents: funded.cents / 100 * Int64(rng.int(60...80)))
            return [mainShare] + (funded - mainShare).split(into: spec.sources.count - 1)
        }()
        for (source, share) in zip(spec.sources, shares) {
            for (year, amount) in zip(scheduledYears, share.split(into: scheduledYears.count)) where !amount.isZero {
                lines.append(FundingLine(sourceID: sourceID[source]!, year: year, amount: amount))
            }
        }

        var milestones: [Milestone] = []
        if spec.nature == .works || spec.nature == .study || spec.nature == .supply {
            let steps = spec.nature == .works
                ? ["Έγκριση μελέτης", "Δημοπράτηση", "Υπογραφή σύμβασης", "Περάτωση εργασιών"]
                : ["Έγκριση τευχών", "Υπογραφή σύμβασης", "Παραλαβή"]
            let span = max(1, schedule.end.ordinal - schedule.start.ordinal)
            for (n, step) in steps.enumerated() {
                let quarter = YearQuarter(ordinal: schedule.start.ordinal + span * n / max(1, steps.count - 1))
                let date = CalendarDate(year: quarter.year, month: quarter.quarter * 3, day: rng.pick([10, 15, 20, 28]))
                milestones.append(Milestone(id: rng.uuid(), date: date, title: step, isDone: quarter <= historyUntil))
            }
        }

        let isWater = spec.title.contains("ύδρευσης") || spec.title.contains("ΕΕΛ") || spec.title.contains("αποχέτευση") || spec.title.contains("Αποχέτευση") || spec.title.contains("γεωτρήσεις") || spec.title.contains("υδρομέτρων")
        let maturity: Action.Maturity = spec.kind == .recurringOperation ? .contracted : rng.pick([.idea, .studyReady, .studyReady, .licensed, .tendered, .contracted])
        let budgetLine = budgetLineCode(spec, numbers: &numbers)
        return Action(
            id: rng.uuid(), title: spec.title,
            description: spec.body ?? "\(spec.title). \(spec.nature.greek) \(spec.kind == .recurringOperation ? "που επαναλαμβάνεται κάθε έτος" : "της προγραμματικής περιόδου").",
            kind: spec.kind, nature: spec.nature, responsibleUnitID: unitID[spec.unit]!,
            coResponsibleUnitIDs: spec.nature == .supply && spec.unit != "ΤΠΡ" ? [unitID["ΤΠΡ"]!] : [],
            implementingBody: isWater ? .legalEntity(deya) : (spec.partners.contains("Περιφέρεια Θεσσαλίας") ? .partner(name: "Περιφέρεια Θεσσαλίας", contract: "Προγραμματική σύμβαση (ενδεικτική)") : .ownUnit),
            isSupraLocal: spec.supraLocal, partners: spec.partners, localityIDs: spec.places.compactMap { localityID[$0] },
            priority: spec.kind == .largeProject ? .high : rng.pick([.high, .medium, .medium, .low]), maturity: maturity,
            preconditions: spec.nature == .works ? rng.pick(["Έγκριση περιβαλλοντικών όρων", "Ένταξη σε χρηματοδοτικό πρόγραμμα", "Απαλλοτριώσεις", "Ωρίμανση μελέτης", "Αρχαιολογική έγκριση"]) : "",
            cost: cost, fundingLines: lines, schedule: schedule, budgetLines: [budgetLine],
            weight: spec.kind == .largeProject ? 2 : 1, milestones: milestones)
    }

    static func budgetLineCode(_ spec: KilelerContent.ActionSpec, numbers: inout [String: Int]) -> String {
        let service: String
        switch spec.unit {
        case "ΤΜΚ", "ΤΣΥ": service = spec.title.contains("ύδρευσης") ? "25" : "30"
        case "ΤΚΑ", "ΤΠΡΣ": service = "35"
        case "ΤΚΠ", "ΚΔΑΠ": service = "60"
        case "ΤΠΤΑ", "ΒΙΒ": service = "15"
        case "ΓΠΠ": service = "70"
        default: service = "10"
        }
        let account: String
        switch spec.nature {
        case .works: account = "7323"
        case .study: account = "7413"
        case .supply: account = "7135"
        case .service: account = "6117"
        case .operation: account = "6471"
        }
        // Unique within the demo: a line of the budget belongs to one action.
        let prefix = "\(service).\(account)"
        let number = (numbers[prefix] ?? 0) + 1
        numbers[prefix] = number
        return "\(prefix).\(String(format: "%04d", number * 10 + 1))"
    }

    static func strategicPlan(goals: [StrategicGoal], _ rng: inout DemoRandom) -> StrategicPlan {
        StrategicPlan(
            profileSections: [
                ProfileSection(id: rng.uuid(), title: "Γεωγραφία και χωροταξία",
                               body: "Ο Δήμος Κιλελέρ βρίσκεται στον θεσσαλικό κάμπο, νότια και ανατολικά της Λάρισας, στην Περιφερειακή Ενότητα Λάρισας. Συστάθηκε το 2011 από τη συνένωση πέντε πρώην Δήμων, που είναι σήμερα οι Δημοτικές Ενότητες Νίκαιας (έδρα), Κιλελέρ, Κραννώνα, Αρμενίου και Πλατυκάμπου.",
                               keyFigures: [
                                   KeyFigure(name: "Έκταση", value: 976, unit: "km²", year: 2011, source: "ΕΛΣΤΑΤ"),
                                   KeyFigure(name: "Δημοτικές Ενότητες", value: 5, unit: "αριθμός", year: 2011, source: "Ν. 3852/2010"),
                               ]),
                ProfileSection(id: rng.uuid(), title: "Πληθυσμός",
                               body: "Ο πληθυσμός είναι διάσπαρτος σε πολλούς αγροτικούς οικισμούς· η Νίκαια είναι το μεγαλύτερο κέντρο. Ο πληθυσμός γερνά και οι νέοι μετακινούνται προς τη Λάρισα.",
                               keyFigures: [
                                   KeyFigure(name: "Μόνιμος πληθυσμός", value: 20_854, unit: "κάτοικοι", year: 2011, source: "ΕΛΣΤΑΤ, Απογραφή 2011"),
                                   KeyFigure(name: "Πληθυσμός Νίκαιας", value: 5_400, unit: "κάτοικοι (περίπου)", year: 2021, source: "ΕΛΣΤΑΤ, Απογραφή 2021"),
                               ]),
                ProfileSection(id: rng.uuid(), title: "Οικονομία και απασχόληση",
                               body: "Η τοπική οικονομία στηρίζεται στη γεωργία (βαμβάκι, σιτηρά, βιομηχανική ντομάτα), στην κτηνοτροφία και στη μεταποίηση αγροτικών προϊόντων, με μικρές επιχειρήσεις εμπορίου και υπηρεσιών στη Νίκαια.",
                               keyFigures: [
                                   KeyFigure(name: "Απασχολούμενοι στον πρωτογενή τομέα", value: 38, unit: "% (ενδεικτικό)", year: 2021, source: "Ενδεικτικό στοιχείο"),
                               ]),
                ProfileSection(id: rng.uuid(), title: "Περιβάλλον και ποιότητα ζωής",
                               body: "Τα κύρια ζητήματα είναι η επάρκεια και η ποιότητα του πόσιμου νερού από γεωτρήσεις, η αποχέτευση των μικρών οικισμών, ο πλημμυρικός κίνδυνος μετά τον «Daniel» (2023) και η ανακύκλωση.",
                               keyFigures: [
                                   KeyFigure(name: "Ποσοστό ανακύκλωσης", value: 14, unit: "% (ενδεικτικό)", year: 2023, source: "Ενδεικτικό στοιχείο"),
                               ]),
                ProfileSection(id: rng.uuid(), title: "Ο Δήμος και τα Νομικά του Πρόσωπα ως οργανισμοί",
                               body: "Ο Δήμος λειτουργεί με πέντε Διευθύνσεις και αυτοτελή τμήματα· η ΔΕΥΑ Κιλελέρ έχει την ύδρευση και την αποχέτευση. Με τον Ν. 5056/2023 καταργούνται η Κοινωφελής Επιχείρηση και τα δημοτικά ΝΠΔΔ και οι δράσεις τους περνούν στον Δήμο.",
                               keyFigures: [
                                   KeyFigure(name: "Μόνιμο προσωπικό", value: 148, unit: "υπάλληλοι (ενδεικτικό)", year: 2023, source: "Ενδεικτικό στοιχείο"),
                               ]),
            ],
            swot: [
                SWOTItem(.strength, "Παραγωγική αγροτική γη και ισχυρή αγροδιατροφική παράδοση"),
                SWOTItem(.strength, "Κοντά στη Λάρισα και στους μεγάλους οδικούς άξονες"),
                SWOTItem(.strength, "Ιστορική ταυτότητα (εξέγερση του Κιλελέρ, αρχαία Κραννών)"),
                SWOTItem(.weakness, "Παλαιά δίκτυα ύδρευσης με μεγάλες απώλειες"),
                SWOTItem(.weakness, "Διάσπαρτοι μικροί οικισμοί με υψηλό κόστος εξυπηρέτησης"),
                SWOTItem(.weakness, "Λίγο προσωπικό στις τεχνικές υπηρεσίες"),
                SWOTItem(.opportunity, "ΕΣΠΑ 2021–2027 και Ταμείο Ανάκαμψης"),
                SWOTItem(.opportunity, "Ψηφιακός μετασχηματισμός της αυτοδιοίκησης"),
                SWOTItem(.opportunity, "Ζήτηση για τοπικά προϊόντα ποιότητας"),
                SWOTItem(.threat, "Κλιματική κρίση: πλημμύρες και λειψυδρία"),
                SWOTItem(.threat, "Γήρανση και μείωση του πληθυσμού"),
                SWOTItem(.threat, "Αύξηση του ενεργειακού κόστους"),
            ],
            criticalIssues: [
                "Ασφαλές νερό και αποχέτευση σε όλους τους οικισμούς",
                "Αντιπλημμυρική θωράκιση μετά τον «Daniel»",
                "Συγκράτηση του πληθυσμού και των νέων αγροτών",
                "Ενίσχυση της διοικητικής ικανότητας του Δήμου",
            ],
            vision: "Ένας Δήμος οικονομικά εύρωστος, που στηρίζει κάθε οικογένεια και τις ευάλωτες ομάδες, υπόδειγμα διαφάνειας, με σύγχρονες υποδομές· πυλώνας ανάπτυξης για τη μικρή επιχείρηση και τον αγροδιατροφικό τομέα, «έξυπνος» και φιλικός προς τον πολίτη, καθαρός και πράσινος, πρωτοπόρος στον πολιτισμό και τον αθλητισμό.",
            guidingPrinciples: [
                "Διαφάνεια και λογοδοσία σε κάθε απόφαση",
                "Ισόρροπη ανάπτυξη όλων των Δημοτικών Ενοτήτων",
                "Συμμετοχή των πολιτών και των φορέων",
                "Αποτελεσματικότητα και οικονομία στη χρήση των πόρων",
                "Βιωσιμότητα και προσαρμογή στην κλιματική αλλαγή",
            ],
            strategicGoals: goals)
    }

    // MARK: history

    /// Two and a half years of progress updates and indicator values, so dashboards,
    /// trend charts and the evaluation of 2025 have something to show.
    static func addHistory(to programme: inout Programme, _ rng: inout DemoRandom) {
        var updates: [ProgressUpdate] = []
        let cancelledTitles: Set = ["Σημεία πλύσης και απολύμανσης ψεκαστικών"]
        let delayedTitles: Set = ["Αποχέτευση ακαθάρτων οικισμού Αρμενίου", "Νέο νηπιαγωγείο Νίκαιας", "Βελτίωση οδού Νίκαιας – Αρμενίου"]
        let recorders = ["Μ. Παπαδοπούλου", "Γ. Οικονόμου", "Ε. Καραγιάννη", "Ν. Ζαφειρίου", "Α. Τσιώλη"]
        for action in programme.actions {
            guard let schedule = action.schedule, schedule.start <= historyUntil else { continue }
            let total = max(1, schedule.end.ordinal - schedule.start.ordinal + 1)
            var progress = 0
            // How well the action keeps to its timetable: most do, some fall behind.
            let pace = rng.pick([100, 100, 95, 90, 80, 70])
            // Some services have not yet reported the last quarter: the due lists show them late.
            let lastQuarter = min(rng.chance(0.15) ? historyUntil.advanced(by: -1) : historyUntil, schedule.end)
            for ordinal in schedule.start.ordinal...lastQuarter.ordinal {
                let quarter = YearQuarter(ordinal: ordinal)
                let elapsed = ordinal - schedule.start.ordinal + 1
                var status: ProgressUpdate.Status = .onTrack
                var expected = min(100, elapsed * 100 / total) * pace / 100
                if delayedTitles.contains(action.title) { expected = expected * 55 / 100; status = elapsed > 2 ? .delayed : .onTrack }
                else if pace <= 70 && elapsed > 2 { status = .delayed }
                else if pace <= 80 || rng.chance(0.05) { status = elapsed > 1 ? .atRisk : .onTrack }
                progress = max(progress, min(100, expected + rng.int(-5...5)))
                if cancelledTitles.contains(action.title) && elapsed >= 3 { status = .cancelled }
                if progress >= 95 && ordinal == schedule.end.ordinal { status = .completed; progress = 100 }
                if action.kind == .recurringOperation { progress = min(100, elapsed * 100 / total); status = .onTrack }
                let spent = Money(cents: action.cost.cents / 100 * Int64(min(progress, 100)) * 9 / 10)
                let date = CalendarDate(year: quarter.year, month: quarter.quarter * 3, day: 30)
                updates.append(ProgressUpdate(
                    id: rng.uuid(), actionID: action.id, date: date, status: status, physicalProgress: max(0, progress), spentToDate: spent,
                    comment: status == .delayed ? "Καθυστέρηση στην αδειοδότηση· αναμένεται γνωμοδότηση." : (status == .atRisk ? "Εκκρεμεί η έγκριση χρηματοδότησης." : (status == .cancelled ? "Η δράση ακυρώθηκε: καλύπτεται από πρόγραμμα της Περιφέρειας." : "")),
                    recordedBy: rng.pick(recorders), recordedAt: date.noonUTC))
                if status == .cancelled || status == .completed { break }
            }
        }
        programme.progressUpdates = updates

        for index in programme.indicators.indices {
            let indicator = programme.indicators[index]
            var measurements: [OramaDomain.Measurement] = []
            guard let baseline = indicator.baseline else { continue }
            // Quarterly indicators get a value each quarter, moving from the previous year's
            // target towards this year's; yearly ones one value a year. Most get 70–110% of
            // the way, a few fall behind, for the dashboards; a few miss the last quarter.
            let skipsLast = rng.chance(0.2)
            for year in [2024, 2025, 2026] {
                guard let target = indicator.targets[year] else { continue }
                let from = indicator.targets[year - 1] ?? baseline
                let factor = Double(rng.int(55...110)) / 100
                let periods: [ReportingPeriod] = indicator.frequency == .quarterly
                    ? (1...4).map { ReportingPeriod(year: year, quarter: $0) }.filter { YearQuarter(year: year, quarter: $0.quarter!) <= historyUntil.advanced(by: skipsLast ? -1 : 0) }
                    : (year < 2026 ? [ReportingPeriod(year: year)] : [])
                for period in periods {
                    let share = Double(period.quarter ?? 4) / 4
                    let value = ((from + (target - from) * factor * share) * 10).rounded() / 10
                    let recordedAt = period.lastDay.adding(days: 20).noonUTC
                    measurements.append(OramaDomain.Measurement(id: rng.uuid(), period: period, value: max(0, value),
                                                    note: factor < 0.7 && share == 1 ? "Χαμηλότερη τιμή λόγω καθυστέρησης έργων." : "",
                                                    recordedBy: rng.pick(recorders), recordedAt: recordedAt))
                }
            }
            programme.indicators[index].measurements = measurements
        }
    }
}

extension CalendarDate {
    /// Noon UTC of the day: a fixed, time-zone-proof instant for seeded timestamps.
    var noonUTC: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }
}
