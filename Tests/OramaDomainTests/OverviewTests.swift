import Foundation
import OramaDomain
import Testing

@Suite struct OverviewRuleTests {
    func line(actions: Int = 10, delayed: Int = 0, unreported: Int = 0, planned: Int64 = 100_000, spent: Int64 = 80_000, programme: Bool = true) -> MunicipalityFigures {
        MunicipalityFigures(organisationID: UUID(), name: "Δήμος Δοκιμής", region: "Θεσσαλία", regionalUnit: "Λάρισα",
                            programmeID: programme ? UUID() : nil, programmeTitle: nil, status: programme ? .published : nil, actions: actions,
                            cost: Money(cents: 1), planned: Money(cents: planned), plannedToDate: Money(cents: planned), spent: Money(cents: spent),
                            meanProgress: 40, delayed: delayed, unreported: unreported)
    }

    @Test func aMunicipalityLagsForEachReasonAndSaysWhich() {
        #expect(line().lagReasons.isEmpty)
        #expect(line(delayed: 2).lagReasons == ["2 από 10 δράσεις σε καθυστέρηση"])
        #expect(line(delayed: 1).lagReasons.isEmpty, "one in ten is not yet a fifth")
        #expect(line(unreported: 5).lagReasons == ["5 από 10 δράσεις χωρίς αναφορά προόδου"])
        #expect(line(spent: 49_000).lagReasons == ["απορρόφηση 49 % του προγραμματισμού"])
        #expect(line(delayed: 3, unreported: 6, spent: 0).lagReasons.count == 3)
        #expect(line(programme: false).lagReasons.isEmpty, "no public programme: nothing to lag behind")
        #expect(line(planned: 0, spent: 0).absorption == nil)
    }

    @Test func extremeSharesAreSaidNotTrappedOn() {
        #expect(GreekNumber.percent(9e20) .hasSuffix(" %"))
        #expect(GreekNumber.percent(.infinity) == "—")
        #expect(line(planned: 1, spent: Money.maximum.cents).absorption! > 1e12)
    }

    @Test func everyRegionIsFoundByItsNameWithOrWithoutAccents() {
        #expect(Geography.regions.count == 13)
        #expect(Geography.regions.flatMap(\.regionalUnits).count == 74)
        #expect(Geography.region(named: "ΚΡΗΤΗ")?.name == "Κρήτη")
        #expect(Geography.region(named: "θεσσαλια")?.regionalUnits.contains("Λάρισα") == true)
        #expect(Geography.thessaly.flatMap(\.municipalities).count == 25)
        #expect(Geography.region(named: "Ατλαντίδα") == nil)
    }
}
