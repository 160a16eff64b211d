import Foundation
@testable import OramaApp
@testable import OramaDomain
import Testing
import VaporTesting

@Suite("Σχεδιασμός: έλεγχοι, οικονομικοί πίνακες, ετήσιο πρόγραμμα", .serialized)
struct PlanningRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    @Test func everyFinancialTableAddsUpToAllFundingLines() async throws {
        try await withWorkspace { f in
            let visitor = try await f.browser(as: nil)
            let total = f.programme.totalFunding.cents
            for grouping in FundingGrouping.allCases {
                let response = try await visitor.get(SiteURL.apiFinance(f.programme.id, by: grouping.rawValue).path)
                #expect(response.status == .ok, "\(grouping)")
                let table = try response.content.decode(FinanceDTO.self)
                #expect(table.grandTotalCents == total, "\(grouping)")
                #expect(table.rows.map(\.totalCents).reduce(0, +) == total, "\(grouping)")
                #expect(table.rows.flatMap(\.amounts).map(\.amountCents).reduce(0, +) == total, "\(grouping)")
                #expect(table.totalsByYear.values.reduce(0, +) == total, "\(grouping)")
                #expect(table.totalsBySource.values.reduce(0, +) == total, "\(grouping)")
                let page = try await visitor.get(SiteURL.finance(f.programme.id, by: grouping.rawValue).path)
                #expect(page.status == .ok)
                #expect(page.body.string.contains(Money(cents: total).formattedNumber), "\(grouping)")
                #expect(page.body.string.contains("<svg"))
            }
            #expect(try await visitor.get(SiteURL.apiFinance(f.programme.id, by: "planet").path).status == .badRequest)
        }
    }

    @Test func theAnnualProgrammeHoldsExactlyTheActionsScheduledInTheYear() async throws {
        try await withWorkspace { f in
            let visitor = try await f.browser(as: nil)
            for year in f.programme.years {
                let response = try await visitor.get(SiteURL.apiAnnual(f.programme.id, year: year).path)
                #expect(response.status == .ok)
                let annual = try response.content.decode(AnnualDTO.self)
                let expected = Set(f.programme.actions.filter { $0.schedule?.runs(in: year) == true }.map(\.id))
                #expect(Set(annual.actions.map(\.actionID)) == expected, "\(year)")
                #expect(annual.actions.count == expected.count)
                #expect(!annual.approved)
                #expect(try await visitor.get(SiteURL.annual(f.programme.id, year: year).path).status == .ok)
            }
            #expect(try await visitor.get(SiteURL.apiAnnual(f.programme.id, year: 2031).path).status == .notFound)
            #expect(try await visitor.get(SiteURL.apiAnnual(f.draft.id, year: 2025).path).status == .notFound)
        }
    }

    @Test func anApprovedYearIsFrozen() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let year = 2025
            let action = try #require(f.programme.actions.first { $0.schedule?.runs(in: year) == true && $0.responsibleUnitID == f.social.id })
            try await planner.get(SiteURL.annual(f.programme.id, year: year).path)
            let reviewer = try await f.browser(as: "reviewer@test.gr")
            #expect(try await reviewer.post(SiteURL.annual(f.programme.id, year: year).path + "/approve", []).status == .forbidden)
            #expect(try await planner.post(SiteURL.annual(f.programme.id, year: year).path + "/approve", []).status == .seeOther)
            #expect(try await planner.post(SiteURL.annual(f.programme.id, year: year).path + "/approve", []).status == .conflict)

            try await planner.get(SiteURL.editAction(f.programme.id, action.id).path)
            #expect(try await planner.post(SiteURL.editAction(f.programme.id, action.id).path,
                                           WorkspaceRouteTests.actionFields(action, f, title: "Τίτλος μετά την έγκριση")).status == .seeOther)

            let approved = try await planner.get(SiteURL.apiAnnual(f.programme.id, year: year).path).content.decode(AnnualDTO.self)
            #expect(approved.approved)
            #expect(approved.actions.first { $0.actionID == action.id }?.title == action.title)
            let live = try await planner.get(SiteURL.annual(f.programme.id, year: year).path + "?live=1").body.string
            #expect(live.contains("Τίτλος μετά την έγκριση"))
            let frozen = try await planner.get(SiteURL.annual(f.programme.id, year: year).path).body.string
            #expect(!frozen.contains("Τίτλος μετά την έγκριση") && frozen.contains("Εγκρίθηκε"))
        }
    }

    @Test func checksAreForMembersAndShowTheDemosLabelledFindings() async throws {
        try await withWorkspace { f in
            let visitor = try await f.browser(as: nil)
            #expect(try await visitor.get(SiteURL.apiChecks(f.programme.id).path).status == .unauthorized)
            #expect(try await visitor.get(SiteURL.checks(f.programme.id).path).status == .unauthorized)
            let reviewer = try await f.browser(as: "reviewer@test.gr")
            let findings = try await reviewer.get(SiteURL.apiChecks(f.programme.id).path).content.decode([FindingDTO].self)
            #expect(findings.map { "\($0.rule) \($0.code)" }.sorted() == KilelerDemo.deliberateFindings.map { "\($0.0) \($0.1)" }.sorted())
            #expect(findings.allSatisfy { !$0.problem.isEmpty && !$0.remedy.isEmpty && $0.link != nil })
            let page = try await reviewer.get(SiteURL.checks(f.programme.id).path).body.string
            #expect(page.contains("Ευρήματα: 4 (σφάλματα: 1, προειδοποιήσεις: 3)"))
        }
    }

    @Test func prioritiesScheduleAndWhatIf() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let p = f.programme
            let page = try await planner.get(SiteURL.priorities(p.id).path)
            #expect(page.status == .ok)
            let last = p.actions.last!
            #expect(try await planner.post(SiteURL.priorities(p.id).path, [("rank[\(last.id.uuidString)]", "1"), ("was[\(last.id.uuidString)]", "")]).status == .seeOther)
            #expect(try await f.stored().action(last.id)?.rank == 1)
            let ranked = try await planner.get(SiteURL.priorities(p.id).path).body.string
            #expect(ranked.range(of: last.title)!.lowerBound < ranked.range(of: p.actions[0].title)!.lowerBound)
            try await planner.get(SiteURL.priorities(p.id).path)
            let bad = try await planner.post(SiteURL.priorities(p.id).path, [("rank[\(p.actions[0].id.uuidString)]", "πρώτη"), ("rank[\(last.id.uuidString)]", ""), ("was[\(last.id.uuidString)]", "1")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await f.stored().action(last.id)?.rank == 1, "nothing half-written")
            // A rank changed by someone else since the page was shown is a conflict.
            try await planner.get(SiteURL.priorities(p.id).path)
            let stale = try await planner.post(SiteURL.priorities(p.id).path, [("rank[\(last.id.uuidString)]", "3"), ("was[\(last.id.uuidString)]", "")])
            #expect(stale.status == .conflict)
            #expect(try await f.stored().action(last.id)?.rank == 1)

            for by in ["axis", "measure", "unit"] {
                let schedule = try await planner.get(SiteURL.schedule(p.id, by: by).path)
                #expect(schedule.status == .ok && schedule.body.string.contains("<svg"))
            }
            #expect(try await planner.get(SiteURL.schedule(p.id, by: "moon").path).status == .badRequest)

            let sata = f.reference.fundingSources.first { $0.code == "ΣΑΤΑ" }!
            let whatIf = try await planner.get(SiteURL.whatIf(p.id).path + "?source=\(sata.id.uuidString)&years[]=2025&kind=percent&value=50")
            #expect(whatIf.status == .ok)
            #expect(whatIf.body.string.contains("Δράσεις που χάνουν χρηματοδότηση"))
            #expect(try await f.stored().totalFunding == p.totalFunding, "nothing saved")
            let invalid = try await planner.get(SiteURL.whatIf(p.id).path + "?source=\(sata.id.uuidString)&kind=percent&value=150")
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("Επιλέξτε τουλάχιστον ένα έτος"))
        }
    }
}
