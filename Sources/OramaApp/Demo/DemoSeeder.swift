import Foundation
import OramaDomain
import OramaInterchange

/// Stores the illustrative Kileler programme once; running it again changes nothing.
enum DemoSeeder {
    struct Outcome {
        var created: Bool
        var programmeID: UUID
        var message: String
    }

    static let actor = Actor(name: "δεδομένα επίδειξης")

    static func seed(_ repositories: Repositories) async throws -> Outcome {
        let demo = KilelerDemo.build()
        let existsByID = try await repositories.reference.organisation(demo.reference.organisation.id) != nil
        let existsByName = try await repositories.reference.organisation(named: KilelerDemo.organisationName) != nil
        if existsByID || existsByName {
            return Outcome(created: false, programmeID: demo.programme.id,
                           message: "Τα δεδομένα επίδειξης υπάρχουν ήδη· δεν προστέθηκε τίποτα.")
        }
        try await repositories.reference.create(demo.reference, actor: actor)
        let programmes = repositories.programmes
        // The programme takes its path as any would: a draft, its decisions, each step in turn.
        var draft = demo.programme
        draft.status = .draft
        try await programmes.create(draft, actor: actor)
        let path = KilelerDemo.approvalPath(of: demo.programme)
        let at = Date(timeIntervalSince1970: 1_706_000_000)
        for decision in path.decisions {
            guard let summary = try await programmes.summary(draft.id) else { throw StorageError.programmeNotFound(draft.id) }
            try await repositories.decisions.record(decision, file: nil, programme: summary, actor: actor, at: at)
        }
        for (request, today) in path.steps {
            guard let summary = try await programmes.summary(draft.id) else { throw StorageError.programmeNotFound(draft.id) }
            let taken = try await repositories.approvals.steps(programmeID: draft.id)
            let record = try ApprovalPath.take(request, programmeID: draft.id, status: summary.status, decisions: path.decisions, taken: taken, today: today)
            try await repositories.approvals.record(record, programme: summary, expecting: summary.changeCounter, actor: actor, at: at)
        }
        try await repositories.approvals.create(demo.revision, actor: actor)
        for year in [2024, 2025] {
            let lines = try BudgetExecutionImport.parse(Data(KilelerDemo.budgetExecutionCSV(demo.programme, year: year).utf8)).get()
            try await repositories.budgetExecution.replace(organisationID: demo.reference.organisation.id, year: year, with: lines, actor: actor)
        }
        let p = demo.programme
        return Outcome(created: true, programmeID: p.id, message: """
            Δεδομένα επίδειξης (ενδεικτικά): \(p.title)
              \(p.axes.count) άξονες, \(p.measures.count) μέτρα, \(p.objectives.count) στόχοι, \(p.actions.count) δράσεις, \(p.indicators.count) δείκτες
              και ένα σχέδιο αναθεώρησης (μη δημοσιευμένο).
            """)
    }
}
