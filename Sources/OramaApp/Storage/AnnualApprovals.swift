import Fluent
import Foundation
import OramaDomain

/// Approving a year's Annual Action Programme freezes it.
struct AnnualApprovals: Sendable {
    let db: any Database
    /// Told when a write has committed (the caches of this process forget the programme).
    var changes: ChangeHook? = nil

    struct Approval: Sendable {
        var programme: AnnualProgramme
        var approvedAt: Date
        var approvedBy: String
    }

    enum Error: Swift.Error, Equatable { case alreadyApproved }

    func find(programmeID: UUID, year: Int) async throws -> Approval? {
        guard let row = try await AnnualApprovalModel.query(on: db).filter(\.$programmeID == programmeID).filter(\.$year == year).first(),
              let programme = try? JSONDecoder().decode(AnnualProgramme.self, from: Data(row.snapshot.utf8)) else { return nil }
        return Approval(programme: programme, approvedAt: row.approvedAt, approvedBy: row.approvedBy)
    }

    func approve(_ annual: AnnualProgramme, of summary: ProgrammeSummary, actor: Actor, at now: Date) async throws {
        try await db.writeTransaction { tx in
            if try await AnnualApprovalModel.query(on: tx).filter(\.$programmeID == summary.id).filter(\.$year == annual.year).count() > 0 {
                throw Error.alreadyApproved
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let row = AnnualApprovalModel()
            row.id = UUID()
            row.programmeID = summary.id
            row.year = annual.year
            row.approvedAt = now.roundedToMilliseconds
            row.approvedBy = actor.name
            row.snapshot = String(decoding: try encoder.encode(annual), as: UTF8.self)
            try await row.create(on: tx)
            _ = try await ProgrammeRepository.advanceCounter(summary.id, from: nil, current: summary.changeCounter, on: tx)
            var audit = AuditTrail(organisationID: summary.organisationID, programmeID: summary.id, actor: actor)
            audit.record(entity: "annualApproval", id: row.id!, operation: .create, before: [:],
                         after: ["year": String(annual.year), "actions": String(annual.entries.count), "total": annual.total.formatted])
            try await audit.save(on: tx)
        }
        changes?.committed(.programme(summary.id))
    }
}
