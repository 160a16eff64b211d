import Foundation
import Testing
@testable import OramaDomain

/// A programme that passes every check; each test breaks one thing and expects exactly
/// that rule to fire, and checks a near miss that must not.
struct CleanProgramme {
    let org = UUID()
    let technical: OrgUnit
    let social: OrgUnit
    let directorate: OrgUnit
    let sata: FundingSource
    let village: Locality
    var programme: Programme

    var reference: ReferenceData {
        ReferenceData(organisation: Organisation(id: org, name: "Δήμος Δοκιμής", region: "Θεσσαλία", regionalUnit: "Λάρισα"),
                      localities: [village], units: [directorate, technical, social], legalEntities: [], fundingSources: [sata])
    }

    init() {
        directorate = OrgUnit(organisationID: org, code: "ΔΤΥ", name: "Διεύθυνση Τεχνικών Υπηρεσιών", kind: .directorate)
        technical = OrgUnit(organisationID: org, parentID: directorate.id, code: "ΤΜΚ", name: "Τμήμα Μελετών", kind: .department)
        social = OrgUnit(organisationID: org, code: "ΤΚΠ", name: "Κοινωνική Προστασία", kind: .department)
        sata = FundingSource(organisationID: org, code: "ΣΑΤΑ", name: "ΣΑΤΑ", kind: .central, annualCeiling: Money(euros: 1_000))
        village = Locality(organisationID: org, name: "Νίκαια", kind: .municipalUnit)
        let schedule = Schedule(start: .init(year: 2024, quarter: 1), end: .init(year: 2025, quarter: 4))
        let (villageID, sataID) = (village.id, sata.id)
        func action(_ title: String, _ unit: OrgUnit, nature: Action.Nature) -> Action {
            Action(title: title, nature: nature, responsibleUnitID: unit.id, localityIDs: [villageID], cost: Money(euros: 400),
                   fundingLines: [FundingLine(sourceID: sataID, year: 2024, amount: Money(euros: 200)), FundingLine(sourceID: sataID, year: 2025, amount: Money(euros: 200))],
                   schedule: schedule)
        }
        let water = Objective(title: "Καθαρό νερό", actions: [action("Δίκτυο ύδρευσης", technical, nature: .works)])
        let care = Objective(title: "Φροντίδα", actions: [action("Βοήθεια στο σπίτι", social, nature: .service)])
        var p = Programme(organisationID: org, title: "Καθαρό πρόγραμμα", startYear: 2024, endYear: 2025, axes: [
            Axis(title: "Περιβάλλον", measures: [Measure(title: "Ύδρευση", objectives: [water])]),
            Axis(title: "Κοινωνία", measures: [Measure(title: "Πρόνοια", objectives: [care])]),
        ])
        p.indicators = [water, care].enumerated().map { i, objective in
            Indicator(code: "Δ\(i + 1)", name: "Δείκτης \(i + 1)", kind: .result, unit: "%", baseline: 10, baselineYear: 2023,
                      targets: [2024: 20, 2025: 30], attachment: .objective(objective.id))
        }
        programme = p
    }

    func findings() -> [Finding] { programme.check(reference: reference) }
}

@Suite struct ChecksTests {
    @Test func aCleanProgrammeHasNoFindings() {
        #expect(CleanProgramme().findings().isEmpty)
    }

    func only(_ rule: CheckRule, in f: CleanProgramme, at code: String? = nil) {
        let findings = f.findings()
        #expect(findings.map(\.rule) == [rule], "\(findings.map { "\($0.rule) \($0.code)" })")
        if let code { #expect(findings.first?.code == code) }
        #expect(findings.allSatisfy { !$0.problem.isEmpty && !$0.remedy.isEmpty && $0.severity == rule.severity })
    }

    @Test func measureWithoutObjectives() {
        var f = CleanProgramme()
        f.programme.axes[0].measures.append(Measure(title: "Πράσινο"))
        f.programme.renumber()
        only(.measureWithoutObjectives, in: f, at: "1.2")
    }

    @Test func objectiveWithoutActions() {
        var f = CleanProgramme()
        let objective = Objective(title: "Κενός στόχος")
        f.programme.editMeasure(f.programme.measures[0].id) { $0.objectives.append(objective) }
        f.programme.indicators.append(Indicator(code: "Δ9", name: "Χ", kind: .output, unit: "n", baseline: 0, targets: [2024: 1, 2025: 2], attachment: .objective(objective.id)))
        f.programme.renumber()
        only(.objectiveWithoutActions, in: f, at: "1.1.2")
    }

    @Test func objectiveWithoutIndicator() {
        var f = CleanProgramme()
        f.programme.indicators.removeFirst()
        only(.objectiveWithoutIndicator, in: f, at: "1.1.1")
        // An indicator on the measure does not stand in for the objective's own.
        f.programme.indicators.append(Indicator(code: "Δ9", name: "Μέτρου", kind: .impact, unit: "n", baseline: 0, targets: [2024: 1, 2025: 1],
                                                attachment: .measure(f.programme.measures[0].id)))
        only(.objectiveWithoutIndicator, in: f)
    }

    @Test func actionWithoutOwner() {
        var f = CleanProgramme()
        f.programme.editAction(f.programme.actions[0].id) { $0.responsibleUnitID = UUID() }
        let findings = f.findings().map(\.rule)
        #expect(findings.contains(.actionWithoutOwner))
        #expect(!CleanProgramme().findings().map(\.rule).contains(.actionWithoutOwner))
    }

    @Test func actionWithoutCostAndFundingMismatch() {
        var f = CleanProgramme()
        f.programme.editAction(f.programme.actions[0].id) { $0.cost = .zero; $0.fundingLines = [] }
        only(.actionWithoutCost, in: f, at: "1.1.1.01")
        var g = CleanProgramme()
        g.programme.editAction(g.programme.actions[0].id) { $0.cost = Money(euros: 401) }
        only(.fundingNotEqualToCost, in: g, at: "1.1.1.01")
        var h = CleanProgramme()
        h.programme.editAction(h.programme.actions[0].id) { $0.fundingLines[0].amount = Money(cents: 20_001); $0.fundingLines[1].amount = Money(cents: 19_999) }
        #expect(h.findings().isEmpty, "a different split of the same total is fine")
    }

    @Test func scheduleOutsidePeriodAndFundingOutsideSchedule() {
        var f = CleanProgramme()
        f.programme.editAction(f.programme.actions[0].id) { $0.schedule = Schedule(start: .init(year: 2023, quarter: 4), end: .init(year: 2025, quarter: 4)) }
        only(.scheduleOutsidePeriod, in: f)
        var g = CleanProgramme()
        g.programme.editAction(g.programme.actions[0].id) { $0.schedule = Schedule(start: .init(year: 2025, quarter: 1), end: .init(year: 2025, quarter: 4)) }
        only(.fundingOutsideSchedule, in: g)
        var h = CleanProgramme()
        h.programme.editAction(h.programme.actions[0].id) { $0.schedule = Schedule(start: .init(year: 2024, quarter: 4), end: .init(year: 2025, quarter: 1)) }
        #expect(h.findings().isEmpty, "one quarter in each funded year is enough")
    }

    @Test func duplicateTitlesUnderOneParentOnly() {
        var f = CleanProgramme()
        let copy = Action(title: "ΔΙΚΤΥΟ ΥΔΡΕΥΣΗΣ", responsibleUnitID: f.technical.id, cost: .zero, fundingLines: [])
        f.programme.editObjective(f.programme.objectives[0].id) { $0.actions.append(copy) }
        f.programme.renumber()
        #expect(f.findings().filter { $0.rule == .duplicateTitle }.map(\.code) == ["1.1.1.01", "1.1.1.02"])
        var g = CleanProgramme()
        g.programme.editAction(g.programme.actions[1].id) { $0.title = "Δίκτυο ύδρευσης" }
        #expect(g.findings().isEmpty, "the same title under different objectives is fine")
    }

    @Test func duplicateIndicatorCodes() {
        var f = CleanProgramme()
        f.programme.indicators[1].code = "δ1"
        #expect(f.findings().map(\.rule) == [.duplicateIndicatorCode, .duplicateIndicatorCode])
    }

    @Test func supraLocalWithoutPartners() {
        var f = CleanProgramme()
        f.programme.editAction(f.programme.actions[0].id) { $0.isSupraLocal = true }
        only(.partnersMissing, in: f)
        f.programme.editAction(f.programme.actions[0].id) { $0.partners = ["Δήμος Φαρσάλων"] }
        #expect(f.findings().isEmpty)
    }

    @Test func projectWithoutLocality() {
        var f = CleanProgramme()
        f.programme.editAction(f.programme.actions[0].id) { $0.localityIDs = [] }
        only(.projectWithoutLocality, in: f, at: "1.1.1.01")
        var g = CleanProgramme()
        g.programme.editAction(g.programme.actions[1].id) { $0.localityIDs = [] }
        #expect(g.findings().isEmpty, "a service needs no location")
    }

    @Test func indicatorBaselineAndTargets() {
        var f = CleanProgramme()
        f.programme.indicators[0].baseline = nil
        only(.indicatorWithoutBaseline, in: f, at: "Δ1")
        var g = CleanProgramme()
        g.programme.indicators[0].targets[2025] = nil
        only(.indicatorMissingTarget, in: g, at: "Δ1")
        #expect(g.findings()[0].problem.contains("2025"))
        var h = CleanProgramme()
        h.programme.indicators[0].targets[2026] = 40
        #expect(h.findings().isEmpty, "a target beyond the period is not a missing one")
    }

    @Test func unitWithoutActions() {
        var f = CleanProgramme()
        let idle = OrgUnit(organisationID: f.org, code: "ΒΙΒ", name: "Βιβλιοθήκη", kind: .office)
        let reference = ReferenceData(organisation: f.reference.organisation, localities: f.reference.localities,
                                      units: f.reference.units + [idle], legalEntities: [], fundingSources: f.reference.fundingSources)
        let findings = f.programme.check(reference: reference)
        #expect(findings.map(\.rule) == [.unitWithoutActions])
        #expect(findings.first?.code == "ΒΙΒ")
        // The directorate has no action of its own, but its department does.
        f.programme.editAction(f.programme.actions[1].id) { $0.coResponsibleUnitIDs = [] }
        #expect(f.findings().isEmpty)
    }

    @Test func sourceOverItsCeiling() {
        var f = CleanProgramme()
        f.programme.editAction(f.programme.actions[0].id) { $0.cost = Money(euros: 1_100); $0.fundingLines[0].amount = Money(euros: 900) }
        only(.sourceOverCeiling, in: f, at: "ΣΑΤΑ")
        #expect(f.findings()[0].problem.contains("2024"))
        var g = CleanProgramme()
        g.programme.editAction(g.programme.actions[0].id) { $0.cost = Money(euros: 1_000); $0.fundingLines[0].amount = Money(euros: 800) }
        #expect(g.findings().isEmpty, "exactly at the ceiling is allowed")
    }

    @Test func everyRuleHasAFixture() {
        // The tests above between them fire every rule at least once.
        let covered: Set<CheckRule> = [.measureWithoutObjectives, .objectiveWithoutActions, .objectiveWithoutIndicator, .actionWithoutOwner, .actionWithoutCost,
                                       .fundingNotEqualToCost, .scheduleOutsidePeriod, .fundingOutsideSchedule, .duplicateTitle, .duplicateIndicatorCode,
                                       .partnersMissing, .projectWithoutLocality, .indicatorWithoutBaseline, .indicatorMissingTarget, .unitWithoutActions, .sourceOverCeiling]
        #expect(covered == Set(CheckRule.allCases))
    }
}
