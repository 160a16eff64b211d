import Fluent
import Foundation
import OramaDomain
import OramaInterchange

/// A municipality's budget execution of a year. An import replaces the year whole, in one
/// transaction: a refused or failed import leaves the previous one as it was.
struct BudgetExecutionStore: Sendable {
    let db: any Database
    /// Told when a write has committed (the caches of this process forget the programme).
    var changes: ChangeHook? = nil

    func lines(organisationID: UUID, year: Int) async throws -> [BudgetExecutionLine] {
        try await BudgetExecutionModel.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year).sort(\.$position).all().map {
            BudgetExecutionLine(code: $0.code, description: $0.description, budgeted: Money(cents: $0.budgetedCents),
                                committed: Money(cents: $0.committedCents), paid: Money(cents: $0.paidCents))
        }
    }

    func replace(organisationID: UUID, year: Int, with lines: [BudgetExecutionLine], actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let previous = try await BudgetExecutionModel.query(on: tx).filter(\.$organisationID == organisationID).filter(\.$year == year).count()
            try await BudgetExecutionModel.query(on: tx).filter(\.$organisationID == organisationID).filter(\.$year == year).delete()
            let rows = lines.enumerated().map { i, line -> BudgetExecutionModel in
                let m = BudgetExecutionModel()
                m.id = UUID(); m.organisationID = organisationID; m.year = year; m.position = i
                m.code = line.code; m.description = line.description
                m.budgetedCents = line.budgeted.cents; m.committedCents = line.committed.cents; m.paidCents = line.paid.cents
                return m
            }
            var start = 0
            while start < rows.count {
                let end = min(start + 200, rows.count)
                try await Array(rows[start..<end]).create(on: tx)
                start = end
            }
            var audit = AuditTrail(organisationID: organisationID, programmeID: nil, actor: actor)
            audit.record(entity: "budgetExecution", id: organisationID, operation: .update, before: ["year": String(year), "lines": String(previous)],
                         after: ["year": String(year), "lines": String(lines.count), "paid": lines.map(\.paid).sum().formatted])
            try await audit.save(on: tx)
            try await ReferenceRepository.touchProgrammes(of: organisationID, on: tx)
        }
        changes?.committed(.organisation(organisationID))
    }
}
