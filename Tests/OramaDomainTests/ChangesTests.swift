import Foundation
import Testing
@testable import OramaDomain

@Suite("Πίνακας μεταβολών αναθεώρησης")
struct ChangesTests {
    /// A programme of two axes, with an indicator, and the reference it names.
    static func programme() -> (Programme, ReferenceData) {
        let org = Organisation(name: "Δήμος Δοκιμής", region: "Θεσσαλίας", regionalUnit: "Λάρισας")
        let unitA = OrgUnit(organisationID: org.id, code: "ΤΥ", name: "Τεχνική Υπηρεσία", kind: .directorate)
        let unitB = OrgUnit(organisationID: org.id, code: "ΚΥ", name: "Κοινωνική Υπηρεσία", kind: .department)
        let sata = FundingSource(organisationID: org.id, code: "ΣΑΤΑ", name: "ΣΑΤΑ", kind: .central)
        let espa = FundingSource(organisationID: org.id, code: "ΕΣΠΑ", name: "ΕΣΠΑ 2021-2027", kind: .central)
        let reference = ReferenceData(organisation: org, units: [unitA, unitB], fundingSources: [sata, espa])
        func action(_ title: String, _ euros: Int64, _ source: FundingSource, _ year: Int) -> Action {
            Action(title: title, responsibleUnitID: unitA.id, cost: Money(cents: euros * 100),
                   fundingLines: [FundingLine(sourceID: source.id, year: year, amount: Money(cents: euros * 100))])
        }
        var p = Programme(organisationID: reference.organisation.id, title: "Πρόγραμμα", startYear: 2025, status: .published)
        p.axes = [
            Axis(title: "Περιβάλλον", measures: [Measure(title: "Ύδρευση", objectives: [
                Objective(title: "Νερό", actions: [action("Δίκτυο ύδρευσης", 100_000, sata, 2025), action("Δεξαμενή", 50_000, sata, 2026)]),
                Objective(title: "Λύματα", actions: [action("Αποχέτευση", 200_000, espa, 2026)]),
            ])]),
            Axis(title: "Κοινωνία", measures: [Measure(title: "Πρόνοια", objectives: [
                Objective(title: "Φροντίδα", actions: [action("Βοήθεια στο Σπίτι", 30_000, sata, 2025)]),
            ])]),
        ]
        p.renumber()
        p.indicators = [Indicator(code: "Δ1", name: "Νοικοκυριά με νερό", kind: .result, unit: "%", 
                                  targets: [2025: 80, 2026: 90], attachment: .measure(p.axes[0].measures[0].id))]
        return (p, reference)
    }

    @Test("κάθε μεταβολή, και μόνο αυτές: νέα, διαγραμμένη, μετακινημένη, τροποποιημένη ανά πεδίο, χρήματα και στόχοι")
    func exactlyWhatChanged() throws {
        let (before, r) = Self.programme()
        let revision = before.revision(title: before.title)
        var after = revision.programme
        let network = after.axes[0].measures[0].objectives[0].actions[0]
        let tank = after.axes[0].measures[0].objectives[0].actions[1]
        let sewer = after.axes[0].measures[0].objectives[1].actions[0]
        // Changed: title and money (the source's year moves too).
        _ = after.editAction(network.id) { a in
            a.title = "Δίκτυο ύδρευσης Αρμενίου"
            a.cost = Money(cents: 120_000_00)
            a.fundingLines = [FundingLine(sourceID: a.fundingLines[0].sourceID, year: 2026, amount: Money(cents: 120_000_00))]
        }
        // Moved: the sewer to the social axis's objective (an odd place, but a move).
        try after.moveAction(sewer.id, toObjective: after.axes[1].measures[0].objectives[0].id, at: 1)
        // Removed: the tank. Added: a new action.
        try after.remove(.action, tank.id)
        after.editObjective(after.axes[1].measures[0].objectives[0].id) { o in
            o.actions.append(Action(title: "Κέντρο Ημέρας", responsibleUnitID: r.units[1].id, cost: Money(cents: 10_000_00),
                                    fundingLines: [FundingLine(sourceID: r.fundingSources[1].id, year: 2027, amount: Money(cents: 10_000_00))]))
        }
        after.indicators[0].targets[2026] = 95
        after.renumber()

        let changes = ProgrammeChanges.between(before, after, origins: revision.origins, reference: r)
        #expect(changes.actions.map(\.kind) == [.added, .removed, .moved, .changed])
        #expect(changes.actions.map(\.title) == ["Κέντρο Ημέρας", "Δεξαμενή", "Αποχέτευση", "Δίκτυο ύδρευσης Αρμενίου"])
        let changed = try #require(changes.actions.first { $0.kind == .changed })
        #expect(changed.fields.map(\.field) == ["Τίτλος", "Κόστος", "Χρηματοδότηση"])
        #expect(changed.fields[1].before == "100.000,00 €" && changed.fields[1].after == "120.000,00 €")
        let moved = try #require(changes.actions.first { $0.kind == .moved })
        #expect(moved.fields.map(\.field) == ["Θέση"] && moved.fields[0].before.hasSuffix("Λύματα") && moved.fields[0].after.hasSuffix("Φροντίδα"))
        #expect(moved.codeBefore == "1.1.2.01" && moved.code == "2.1.1.02")
        // Money: axis 1 lost the tank and the sewer but gained 20.000 on the network; axis 2 gained the sewer and the new action.
        #expect(changes.byAxis.map(\.before) == [Money(cents: 350_000_00), Money(cents: 30_000_00)])
        #expect(changes.byAxis.map(\.after) == [Money(cents: 120_000_00), Money(cents: 240_000_00)])
        #expect(changes.bySource.map(\.label) == ["ΕΣΠΑ 2021-2027", "ΣΑΤΑ"])
        #expect(changes.bySource.map(\.after) == [Money(cents: 210_000_00), Money(cents: 150_000_00)])
        #expect(changes.byYear.first { $0.label == "2025" }?.after == Money(cents: 30_000_00))
        #expect(changes.byYear.first { $0.label == "2026" }?.before == Money(cents: 250_000_00))
        #expect(changes.byYear.first { $0.label == "2026" }?.after == Money(cents: 320_000_00))
        #expect(changes.targets == [ProgrammeChanges.TargetChange(code: "Δ1", name: "Νοικοκυριά με νερό", unit: "%", year: 2026, before: 90, after: 95, kind: .changed)])
    }

    @Test("μια αναθεώρηση που δεν άλλαξε τίποτα δεν έχει μεταβολές, όσο κι αν αλλάξουν οι κωδικοί από μόνοι τους")
    func nothingChanged() {
        let (before, r) = Self.programme()
        let revision = before.revision(title: "Αναθεώρηση")
        #expect(ProgrammeChanges.between(before, revision.programme, origins: revision.origins, reference: r).isEmpty)
        // Without origins nothing can be matched: every action reads as removed and added again.
        let blind = ProgrammeChanges.between(before, revision.programme, origins: [:], reference: r)
        #expect(blind.count(.added) == 4 && blind.count(.removed) == 4)
    }
}
