import Foundation
@testable import OramaDomain

/// A small programme built in code: two axes, three measures, four objectives, six actions.
struct SmallProgramme {
    let organisation = Organisation(name: "Δήμος Δοκιμής", region: "Θεσσαλία", regionalUnit: "Λάρισα")
    let unitA: OrgUnit
    let unitB: OrgUnit
    let sata: FundingSource
    let own: FundingSource
    let village1: Locality
    let village2: Locality
    var programme: Programme

    var reference: ReferenceData {
        ReferenceData(organisation: organisation, localities: [village1, village2], units: [unitA, unitB], legalEntities: [], fundingSources: [sata, own])
    }

    init() {
        unitA = OrgUnit(organisationID: organisation.id, code: "ΤΥ", name: "Τεχνική Υπηρεσία", kind: .directorate)
        unitB = OrgUnit(organisationID: organisation.id, code: "ΚΠ", name: "Κοινωνική Πολιτική", kind: .department)
        sata = FundingSource(organisationID: organisation.id, code: "ΣΑΤΑ", name: "ΣΑΤΑ", kind: .central)
        own = FundingSource(organisationID: organisation.id, code: "ΙΔΙΟΙ", name: "Ίδιοι πόροι", kind: .own)
        village1 = Locality(organisationID: organisation.id, name: "Νίκαια", kind: .municipalUnit, genitive: "Νίκαιας")
        village2 = Locality(organisationID: organisation.id, name: "Κραννώνα", kind: .municipalUnit)
        func action(_ title: String, _ unit: OrgUnit, _ lines: [(FundingSource, Int, Int64)], places: [Locality] = [], weight: Double = 1) -> Action {
            let funding = lines.map { FundingLine(sourceID: $0.0.id, year: $0.1, amount: Money(euros: $0.2)) }
            return Action(title: title, responsibleUnitID: unit.id, localityIDs: places.map(\.id), cost: funding.map(\.amount).sum(), fundingLines: funding, weight: weight)
        }
        programme = Programme(organisationID: organisation.id, title: "Δοκιμαστικό", startYear: 2024, axes: [
            Axis(title: "Περιβάλλον", measures: [
                Measure(title: "Ύδρευση", objectives: [
                    Objective(title: "Καθαρό νερό", actions: [
                        action("Δίκτυο Νίκαιας", unitA, [(sata, 2024, 1000), (own, 2025, 500)], places: [village1]),
                        action("Δίκτυο Κραννώνα", unitA, [(sata, 2025, 2000)], places: [village1, village2], weight: 3),
                    ]),
                    Objective(title: "Λιγότερες απώλειες", actions: [
                        action("Τηλεμετρία", unitA, [(own, 2026, 301)]),
                    ]),
                ]),
                Measure(title: "Πράσινο"),
            ]),
            Axis(title: "Κοινωνική πολιτική", measures: [
                Measure(title: "Φροντίδα", objectives: [
                    Objective(title: "Στήριξη ηλικιωμένων", actions: [
                        action("Βοήθεια στο σπίτι", unitB, [(own, 2024, 100), (own, 2025, 100)]),
                        action("ΚΑΠΗ", unitB, []),
                        action("Συσσίτιο", unitB, [(sata, 2027, 50)]),
                    ]),
                ]),
            ]),
        ])
    }
}
