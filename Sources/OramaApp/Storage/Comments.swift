import Fluent
import Foundation
import OramaDomain
import Plot
import Vapor

enum Comments {
    /// Stores a comment, audited, and moves the programme's change counter on.
    static func add(_ text: String, on entityID: UUID, programme: ProgrammeSummary, by user: SessionUser, db: any Database) async throws {
        try await db.transaction { tx in
            let comment = CommentModel()
            comment.id = UUID()
            comment.programmeID = programme.id
            comment.entityID = entityID
            comment.authorID = user.id
            comment.author = user.name
            comment.text = text
            comment.at = Date().roundedToMilliseconds
            try await comment.create(on: tx)
            _ = try await ProgrammeRepository.advanceCounter(programme.id, from: nil, current: programme.changeCounter, on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: programme.id, actor: user.actor)
            audit.record(entity: "comment", id: comment.id!, operation: .create, before: [:], after: ["entity_id": entityID.uuidString, "text": text])
            try await audit.save(on: tx)
        }
    }
}
