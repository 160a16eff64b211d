import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// `orama bench [--scale N] [--runs R]`: measures, side by side in one run on a scratch
/// SQLite file, the time to load a programme N times the demo and the time to compute its
/// checks and every financial table, and prints their ratio. Run through `scripts/bench`.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "Πόσες φορές το πρόγραμμα επίδειξης (προεπιλογή 10)")
        var scale: Int?
        @Option(name: "runs", help: "Επαναλήψεις ανά μέτρηση (προεπιλογή 7)")
        var runs: Int?
        @Option(name: "load", help: "Μετρά μόνο τη φόρτωση του προγράμματος με αυτό το αναγνωριστικό από τη ρυθμισμένη βάση (π.χ. PostgreSQL) και σταματά")
        var load: String?
        @Option(name: "overview-sql", help: "Τυπώνει τα ερωτήματα της επισκόπησης όλης της χώρας για το έτος, όπως τα δέχεται η βάση, και σταματά")
        var overviewSQL: Int?
    }

    var help: String { "Μετρήσεις επιδόσεων (scripts/bench)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let year = signature.overviewSQL {
            for statement in try context.application.repositories.overview.statementsForTheCountry(year: min(max(year, 1900), 2200)) {
                context.console.print(statement + ";")
            }
            return
        }
        let scale = max(1, signature.scale ?? 10)
        let runs = max(1, signature.runs ?? 7)
        if let text = signature.load {
            guard let id = UUID(uuidString: text) else { throw AccountError(description: "Το --load θέλει αναγνωριστικό προγράμματος, όχι «\(text)».") }
            var times: [Double] = []
            var rows = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                guard let p = try await context.application.repositories.programmes.load(id) else {
                    throw AccountError(description: "Δεν υπάρχει πρόγραμμα \(text).")
                }
                times.append(Self.seconds(ContinuousClock.now - start))
                rows = p.actions.count
            }
            context.console.print(String(format: "φόρτωση προγράμματος (%d δράσεις, διάμεσος %d μετρήσεων): %.1f ms", rows, runs, Self.median(times) * 1000)
                .replacingOccurrences(of: ".", with: ","))
            return
        }
        let repositories = context.application.repositories
        let demo = KilelerDemo.build()
        if try await repositories.reference.organisation(named: KilelerDemo.organisationName) == nil {
            try await repositories.reference.create(demo.reference, actor: .system)
        }
        let large = KilelerDemo.scaled(demo.programme, times: scale)
        try await repositories.programmes.create(large, actor: .system)
        let repository = repositories.programmes
        let reference = try await repositories.reference.load(organisationID: demo.reference.organisation.id)!

        var loadTimes: [Double] = []
        var computeTimes: [Double] = []
        var loaded: Programme?
        for _ in 0..<runs {
            let start = ContinuousClock.now
            loaded = try await repository.load(large.id)
            loadTimes.append(Self.seconds(ContinuousClock.now - start))

            let p = loaded!
            let computeStart = ContinuousClock.now
            var sink = p.check(reference: reference).count
            for grouping in FundingGrouping.allCases { sink &+= p.fundingTable(by: grouping, reference: reference).rows.count }
            computeTimes.append(Self.seconds(ContinuousClock.now - computeStart))
            precondition(sink > 0)
        }
        let load = Self.median(loadTimes), compute = Self.median(computeTimes)
        // The JSON of the same programme: building the DTO, then encoding it as served (keys
        // sorted, so the bytes of one version never vary) and without sorting, side by side.
        var dtoTimes: [Double] = [], sortedTimes: [Double] = [], unsortedTimes: [Double] = [], jsonSize = 0
        let unsorted = JSONEncoder()
        unsorted.dateEncodingStrategy = .iso8601
        for _ in 0..<runs {
            var start = ContinuousClock.now
            let dto = ProgrammeDTO(loaded!, reference: reference)
            dtoTimes.append(Self.seconds(ContinuousClock.now - start))
            start = ContinuousClock.now
            jsonSize = try JSONCoding.encoder.encode(dto).count
            sortedTimes.append(Self.seconds(ContinuousClock.now - start))
            start = ContinuousClock.now
            _ = try unsorted.encode(dto)
            unsortedTimes.append(Self.seconds(ContinuousClock.now - start))
        }
        let p = loaded!
        context.console.print("πρόγραμμα \(scale)× επίδειξης: \(p.actions.count) δράσεις, \(p.actions.flatMap(\.fundingLines).count) γραμμές χρηματοδότησης, \(p.indicators.count) δείκτες")
        context.console.print(String(format: "φόρτωση από τη βάση (διάμεσος %d μετρήσεων):           %8.1f ms", runs, load * 1000).replacingOccurrences(of: ".", with: ","))
        context.console.print(String(format: "έλεγχοι + όλοι οι οικονομικοί πίνακες (διάμεσος):       %8.1f ms", compute * 1000).replacingOccurrences(of: ".", with: ","))
        context.console.print(String(format: "λόγος υπολογισμού προς φόρτωση: %.2f (στόχος ≤ 1,5)", compute / load).replacingOccurrences(of: ".", with: ","))
        let sortedJSON = Self.median(sortedTimes), unsortedJSON = Self.median(unsortedTimes)
        context.console.print(String(format: "JSON του ίδιου (%d KB): DTO %.1f ms · κωδικοποίηση με ταξινομημένα κλειδιά %.1f ms (%.0f MB/s) · χωρίς ταξινόμηση %.1f ms (%.0f MB/s)",
                                     jsonSize / 1024, Self.median(dtoTimes) * 1000, sortedJSON * 1000, Double(jsonSize) / sortedJSON / 1e6,
                                     unsortedJSON * 1000, Double(jsonSize) / unsortedJSON / 1e6).replacingOccurrences(of: ".", with: ","))

        // The Phase B document of the demo against the JSON of the same programme, each as a
        // request does it: load from the database, build, encode.
        try await repositories.programmes.create(demo.programme, actor: .system)
        var docxTimes: [Double] = [], jsonTimes: [Double] = [], docxBytes = 0, jsonBytes = 0
        for _ in 0..<runs {
            var start = ContinuousClock.now
            let forJSON = try await repository.load(demo.programme.id)!
            jsonBytes = try JSONCoding.encoder.encode(ProgrammeDTO(forJSON, reference: reference)).count
            jsonTimes.append(Self.seconds(ContinuousClock.now - start))

            start = ContinuousClock.now
            let forDocx = try await repository.load(demo.programme.id)!
            docxBytes = try ProgrammeFiles.document(.phaseB, .docx, forDocx, reference, year: nil).count
            docxTimes.append(Self.seconds(ContinuousClock.now - start))
        }
        let docx = Self.median(docxTimes), json = Self.median(jsonTimes)
        context.console.print("πρόγραμμα επίδειξης: \(demo.programme.actions.count) δράσεις")
        context.console.print(String(format: "Βʹ Φάση σε DOCX (φόρτωση + έγγραφο, %d KB, διάμεσος):   %8.1f ms", docxBytes / 1024, docx * 1000).replacingOccurrences(of: ".", with: ","))
        context.console.print(String(format: "το ίδιο πρόγραμμα σε JSON (φόρτωση + JSON, %d KB):    %8.1f ms", jsonBytes / 1024, json * 1000).replacingOccurrences(of: ".", with: ","))
        context.console.print(String(format: "λόγος DOCX προς JSON: %.2f (στόχος ≤ 2)", docx / json).replacingOccurrences(of: ".", with: ","))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
