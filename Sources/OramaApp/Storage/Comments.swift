import Fluent
import Foundation
import OramaDomain

/// A comment of the municipality's internal discussion on an item.
struct ItemComment: Sendable, Hashable {
    var author: String
    var at: Date
    var text: String
}

struct CommentStore: Sendable {
    let db: any Database
    /// Told when a write has committed (the caches of this process forget the programme).
    var changes: ChangeHook? = nil

    func comments(on entityID: UUID) async throws -> [ItemComment] {
        try await CommentModel.query(on: db).filter(\.$entityID == entityID).sort(\.$at).all().map { ItemComment(author: $0.author, at: $0.at, text: $0.text) }
    }

    /// Stores a comment, audited, and moves the programme's change counter on.
    func add(_ text: String, on entityID: UUID, programme: ProgrammeSummary, by user: UserAccount, at now: Date) async throws {
        try await db.writeTransaction { tx in
            let comment = CommentModel()
            comment.id = UUID()
            comment.programmeID = programme.id
            comment.entityID = entityID
            comment.authorID = user.id
            comment.author = user.name
            comment.text = text
            comment.at = now.roundedToMilliseconds
            try await comment.create(on: tx)
            _ = try await ProgrammeRepository.advanceCounter(programme.id, from: nil, current: programme.changeCounter, on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: programme.id, actor: user.actor)
            audit.record(entity: "comment", id: comment.id!, operation: .create, before: [:], after: ["entity_id": entityID.uuidString, "text": text])
            try await audit.save(on: tx)
        }
        changes?.committed(.programme(programme.id))
    }
}
