import Foundation
import OramaDomain
import OramaInterchange

/// `orama demo --scale national`: the country's 332 municipalities, each with a published
/// programme of the demo's shape (about 120 actions, five years of funding, quarterly
/// progress, indicator values, the budget's execution for the years run), stored and audited
/// as any other, for the overview and its benchmark. Thessaly's 25 by their
/// real names; the others named for their Regional Unit, spread over the 74 of them.
/// Every programme is the demo built from its own seed: its own ids, its own figures.
enum NationalDemo {
    static let municipalities = 332

    static func names(count: Int) -> [Organisation] {
        var list: [Organisation] = []
        for (unit, names) in Geography.thessaly {
            for name in names where name != "Κιλελέρ" {
                list.append(Organisation(name: "Δήμος \(name)", region: "Θεσσαλία", regionalUnit: unit))
            }
        }
        let others = Geography.regions.filter { $0.name != "Θεσσαλία" }.flatMap { r in r.regionalUnits.map { (r.name, $0) } }
        var n = 0
        while list.count < count - 1 {
            let (region, unit) = others[n % others.count]
            n += 1
            list.append(Organisation(name: "Δήμος Παραδείγματος \(n) (\(unit))", region: region, regionalUnit: unit))
        }
        return Array(list.prefix(max(0, count - 1)))
    }

    /// Seeds `count` municipalities (the Kileler demo counts as the first), reporting after each.
    static func seed(_ repositories: Repositories, count: Int, progress: (Int, Int) -> Void) async throws -> Int {
        _ = try await DemoSeeder.seed(repositories)
        let list = names(count: count)
        var created = 0
        for (i, organisation) in list.enumerated() {
            if try await repositories.reference.organisation(named: organisation.name) == nil {
                let demo = KilelerDemo.build(seed: KilelerDemo.seed &+ UInt64(i + 1) &* 0x9E37_79B9, as: organisation)
                try await repositories.reference.create(demo.reference, actor: .system)
                var programme = demo.programme
                programme.title = "Επιχειρησιακό Πρόγραμμα \(organisation.name) \(programme.startYear)–\(programme.endYear)"
                try await repositories.programmes.create(programme, actor: .system)
                // The budget's execution (ΚΑΕ) for each year the programme has run, as the
                // finance office exports it.
                let reported = programme.progressUpdates.map(\.date.year).max() ?? programme.startYear
                for year in programme.startYear...max(programme.startYear, min(programme.endYear, reported)) {
                    let lines = try BudgetExecutionImport.parse(Data(KilelerDemo.budgetExecutionCSV(programme, year: year).utf8)).get()
                    try await repositories.budgetExecution.replace(organisationID: demo.reference.organisation.id, year: year, with: lines, actor: .system)
                }
                created += 1
            }
            progress(i + 1, list.count)
        }
        return created
    }
}
