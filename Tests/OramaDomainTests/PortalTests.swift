import Foundation
import Testing
@testable import OramaDomain

@Suite("Η πρόοδος σε λέξεις και ο τόπος μου")
struct PortalTests {
    let unit = UUID()

    func action(_ code: String, at places: [UUID] = []) -> Action {
        var a = Action(title: "Δράση \(code)", responsibleUnitID: unit, localityIDs: places)
        a.code = code
        return a
    }

    @Test("οι αριθμοί με το σωστό ρήμα, στον ενικό και στον πληθυντικό, και οι αιτίες των καθυστερήσεων")
    func words() {
        let actions = (1...6).map { action("1.1.1.0\($0)") }
        func report(_ i: Int, _ s: ProgressUpdate.Status, _ comment: String = "") -> (UUID, ProgressUpdate) {
            (actions[i].id, ProgressUpdate(actionID: actions[i].id, date: CalendarDate(year: 2026, month: 6, day: 30), status: s, physicalProgress: 10, comment: comment))
        }
        let latest = Dictionary(uniqueKeysWithValues: [report(0, .completed), report(1, .completed), report(2, .delayed, "Άγονος διαγωνισμός"),
                                                       report(3, .atRisk), report(4, .onTrack)])
        let w = ProgressInWords(actions, latest: latest)
        #expect(w.greek == "Από τις 6 δράσεις: 2 ολοκληρώθηκαν, 1 προχωρά κανονικά, 1 κινδυνεύει να καθυστερήσει, 1 καθυστερεί, 1 δεν έχει ξεκινήσει.")
        #expect(w.english == "Of the 6 actions: 2 completed, 1 on track, 1 at risk of delay, 1 delayed, 1 not started.")
        #expect(w.delays.map(\.code) == ["1.1.1.03", "1.1.1.04"] && w.delays[0].reason == "Άγονος διαγωνισμός")
        let many = ProgressInWords((1...12).map { action("2.1.1.\($0)") }, latest: [:])
        #expect(many.greek == "Από τις 12 δράσεις: 12 δεν έχουν ξεκινήσει.")
        #expect(ProgressInWords([], latest: [:]).greek == "Δεν υπάρχουν δράσεις.")
        #expect(ProgressInWords([actions[0]], latest: latest).greek == "Από τη μία δράση: 1 ολοκληρώθηκε.")
    }

    @Test("στον τόπο μου: ό,τι είναι εκεί ή σε Κοινότητά του, ό,τι αφορά όλη την Ενότητά του, ό,τι αφορά όλο τον Δήμο")
    func plannedInAPlace() {
        let org = UUID()
        let nikaia = Locality(organisationID: org, name: "Νίκαια", kind: .municipalUnit)
        let melissa = Locality(organisationID: org, parentID: nikaia.id, name: "Μέλισσα", kind: .community)
        let other = Locality(organisationID: org, name: "Αρμένιο", kind: .municipalUnit)
        let atMelissa = action("1", at: [melissa.id]), atNikaia = action("2", at: [nikaia.id]), atOther = action("3", at: [other.id]), everywhere = action("4")
        let p = Programme(organisationID: org, title: "Π", startYear: 2025, axes: [Axis(title: "Α", measures: [Measure(title: "Μ", objectives: [
            Objective(title: "Σ", actions: [atMelissa, atNikaia, atOther, everywhere])])])])
        let all = [nikaia, melissa, other]
        let inMelissa = p.planned(in: melissa, localities: all)
        #expect(inMelissa.here.map(\.title) == ["Δράση 1"] && inMelissa.unit.map(\.title) == ["Δράση 2"] && inMelissa.everywhere.map(\.title) == ["Δράση 4"])
        let inNikaia = p.planned(in: nikaia, localities: all)
        #expect(inNikaia.here.map(\.title) == ["Δράση 1", "Δράση 2"] && inNikaia.unit.isEmpty, "a unit holds its communities' actions")
    }
}
