import Foundation
import OramaDomain

/// A small programme with everything the files carry: two units, two sources, a locality,
/// one axis of two objectives, three actions with funding, schedules and milestones, and
/// two indicators with targets and values.
enum Fixture {
    static let org = Organisation(id: UUID(), name: "Δήμος Δοκιμής", region: "Θεσσαλίας", regionalUnit: "Λάρισας")
    static let technical = OrgUnit(organisationID: org.id, code: "ΤΤΥ", name: "Τμήμα Τεχνικών Υπηρεσιών", kind: .department)
    static let social = OrgUnit(organisationID: org.id, code: "ΤΚΠ", name: "Τμήμα Κοινωνικής Προστασίας", kind: .department)
    static let sata = FundingSource(organisationID: org.id, code: "ΣΑΤΑ", name: "Συλλογικοί Αυτοτελείς Πόροι", kind: .central)
    static let own = FundingSource(organisationID: org.id, code: "ΙΔ", name: "Ίδιοι πόροι", kind: .own)
    static let village = Locality(organisationID: org.id, name: "Κοινότητα Μελίσσης", kind: .community)

    static var reference: ReferenceData {
        ReferenceData(organisation: org, localities: [village], units: [technical, social], fundingSources: [sata, own])
    }

    static func programme() -> Programme {
        let a1 = Action(title: "Δίκτυο ύδρευσης; Μέλισσα", description: "Νέο δίκτυο\nσε δύο φάσεις", nature: .works, responsibleUnitID: technical.id,
                        localityIDs: [village.id], priority: .high, maturity: .studyReady, cost: Money(cents: 42_000_000),
                        fundingLines: [FundingLine(sourceID: sata.id, year: 2025, amount: Money(cents: 20_000_000)),
                                       FundingLine(sourceID: own.id, year: 2026, amount: Money(cents: 22_000_050))],
                        schedule: Schedule(start: YearQuarter(year: 2025, quarter: 1), end: YearQuarter(year: 2026, quarter: 4)),
                        budgetLines: ["25.7312.0001"], weight: 2,
                        milestones: [Milestone(id: UUID(), date: CalendarDate(year: 2025, month: 6, day: 30), title: "Δημοπράτηση, «Α» φάση", isDone: false)])
        let a2 = Action(title: "=Κοινωνικό παντοπωλείο", nature: .service, responsibleUnitID: social.id, cost: Money(cents: 1_500_000),
                        fundingLines: [FundingLine(sourceID: own.id, year: 2025, amount: Money(cents: 1_500_000))],
                        schedule: Schedule(start: YearQuarter(year: 2025, quarter: 1), end: YearQuarter(year: 2028, quarter: 4)))
        let a3 = Action(title: "Μελέτη οδοποιίας", nature: .study, responsibleUnitID: technical.id)
        let o1 = Objective(id: UUID(), code: "", title: "Επάρκεια νερού", description: "", actions: [a1, a3])
        let o2 = Objective(id: UUID(), code: "", title: "Κοινωνική συνοχή", description: "", actions: [a2])
        let m1 = Measure(id: UUID(), code: "", title: "Υποδομές", description: "", objectives: [o1, o2])
        let axis = Axis(id: UUID(), code: "", title: "Περιβάλλον", description: "Ο πρώτος άξονας.", measures: [m1])
        let i1 = Indicator(code: "Δ1", name: "Νοικοκυριά με νέο δίκτυο", kind: .output, unit: "νοικοκυριά", baseline: 0, baselineYear: 2024,
                           targets: [2025: 100, 2026: 450.5], dataSource: "ΔΕΥΑ", frequency: .annual, responsibleUnitID: technical.id,
                           attachment: .objective(o1.id), measurements: [Measurement(period: ReportingPeriod(year: 2025), value: 120)])
        let i2 = Indicator(code: "Δ2", name: "Ωφελούμενοι", kind: .result, unit: "άτομα", targets: [2025: 300], attachment: .measure(m1.id))
        var p = Programme(organisationID: org.id, title: "Επιχειρησιακό Πρόγραμμα Δοκιμής", startYear: 2025, endYear: 2028, status: .published,
                          axes: [axis], indicators: [i1, i2],
                          keyDates: KeyDates(consultationStart: CalendarDate(year: 2025, month: 2, day: 3), consultationEnd: CalendarDate(year: 2025, month: 2, day: 17),
                                             councilSession: CalendarDate(year: 2025, month: 3, day: 12)))
        p.renumber()
        return p
    }
}
