import Crypto
import Fluent
import FluentPostgresDriver
import Foundation
import OramaDomain

/// The public consultation's comments: sent, confirmed through the e-mailed link, moderated
/// and answered by the planning office. Every write is audited; publishing or answering moves
/// the programme on (its public consultation page shows them).
struct PublicCommentStore: Sendable {
    let db: any Database
    var changes: ChangeHook? = nil

    static func hash(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }

    func comments(programmeID: UUID) async throws -> [PublicComment] {
        try await PublicCommentModel.query(on: db).filter(\.$programmeID == programmeID).sort(\.$submittedAt).all().compactMap(Self.comment)
    }

    func comment(_ id: UUID, programmeID: UUID) async throws -> PublicComment? {
        try await PublicCommentModel.query(on: db).filter(\.$id == id).filter(\.$programmeID == programmeID).first().flatMap(Self.comment)
    }

    /// Comments sent since `since` from this address and from this network address: what the throttle counts.
    private static func recent(on db: any Database, email: String, network: String, since: Date) async throws -> (byAddress: Int, byNetwork: Int) {
        let byAddress = try await PublicCommentModel.query(on: db).filter(\.$email == email).filter(\.$submittedAt >= since).count()
        let byNetwork = try await PublicCommentModel.query(on: db).filter(\.$networkHash == Self.hash(network)).filter(\.$submittedAt >= since).count()
        return (byAddress, byNetwork)
    }

    /// What a sending came to: kept, or refused by the throttle (nothing kept).
    enum Sending: Equatable { case kept, throttled }

    /// Keeps a comment as sent, unconfirmed (`token` is the secret of its confirmation link),
    /// unless the address or the network has sent its hour's share since `since`. The count and
    /// the insert are one step: on SQLite the transaction holds the write lock from its start,
    /// on PostgreSQL the sendings wait for one another on a lock of their own, so comments sent
    /// at one moment cannot all pass a count taken before any of them was kept.
    func submit(_ comment: PublicComment, token: String, network: String, programme: ProgrammeSummary, since: Date) async throws -> Sending {
        try await db.writeTransaction { tx in
            if tx is any PostgresDatabase, let sql = tx as? any SQLDatabase {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.sendingLock))").run()
            }
            let recent = try await Self.recent(on: tx, email: comment.email, network: network, since: since)
            if recent.byAddress >= PublicComment.perAddressPerHour || recent.byNetwork >= PublicComment.perNetworkPerHour {
                return .throttled
            }
            let row = PublicCommentModel()
            row.id = comment.id
            row.programmeID = programme.id
            if case .part(let id) = comment.subject { row.partID = id }
            row.partLabel = comment.subjectLabel
            row.name = comment.name
            row.email = comment.email
            row.text = comment.text
            row.submittedAt = comment.submittedAt.roundedToMilliseconds
            row.networkHash = Self.hash(network)
            row.tokenHash = Self.hash(token)
            row.moderation = PublicComment.Moderation.pending.rawValue
            row.moderationReason = ""
            row.answer = ""
            try await row.create(on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: programme.id, actor: Self.citizen)
            audit.record(entity: "publicComment", id: comment.id, operation: .create, before: [:],
                         after: ["subject": comment.subjectLabel, "name": comment.name, "text": comment.text])
            try await audit.save(on: tx)
            return .kept
        }
    }

    /// The PostgreSQL advisory lock the consultation's sendings take in turn ("ORAMA" and 1).
    static let sendingLock: Int64 = 0x4F_52_41_4D_41_01

    static let citizen = Actor(name: "πολίτης (δημόσια διαβούλευση)")

    enum Confirmation: Equatable {
        case confirmed(PublicComment)
        case alreadyConfirmed(PublicComment)
        case expired
        case unknown
    }

    /// The comment a confirmation link names, without confirming it (what the page shows before the button).
    func pending(token: String) async throws -> PublicComment? {
        try await PublicCommentModel.query(on: db).filter(\.$tokenHash == Self.hash(token)).first().flatMap(Self.comment)
    }

    /// Confirms the comment of a link within `PublicComment.confirmationWindow` of its sending.
    func confirm(token: String, at now: Date) async throws -> Confirmation {
        try await db.writeTransaction { tx in
            guard let row = try await PublicCommentModel.query(on: tx).filter(\.$tokenHash == Self.hash(token)).first(),
                  let comment = Self.comment(row) else { return .unknown }
            if row.confirmedAt != nil { return .alreadyConfirmed(comment) }
            guard now.timeIntervalSince(row.submittedAt) <= PublicComment.confirmationWindow else { return .expired }
            guard let programme = try await ProgrammeModel.find(row.programmeID, on: tx) else { return .unknown }
            row.confirmedAt = now.roundedToMilliseconds
            try await row.update(on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: row.programmeID, actor: Self.citizen)
            audit.record(entity: "publicComment", id: comment.id, operation: .update, before: ["confirmed": "false"], after: ["confirmed": "true"])
            try await audit.save(on: tx)
            var confirmed = comment
            confirmed.confirmedAt = row.confirmedAt
            return .confirmed(confirmed)
        }
    }

    /// The planning office's decision on a comment: published or hidden (with the reason),
    /// its answer and how it was taken into account.
    func moderate(_ id: UUID, programme: ProgrammeSummary, moderation: PublicComment.Moderation, reason: String, answer: String,
                  outcome: PublicComment.Outcome?, actor: Actor) async throws -> Bool {
        let done = try await db.writeTransaction { tx -> Bool in
            guard let row = try await PublicCommentModel.query(on: tx).filter(\.$id == id).filter(\.$programmeID == programme.id).first() else { return false }
            let before = ["moderation": row.moderation, "reason": row.moderationReason, "answer": row.answer, "outcome": row.outcome ?? ""]
            row.moderation = moderation.rawValue
            row.moderationReason = reason
            row.answer = answer
            row.outcome = outcome?.rawValue
            let after = ["moderation": row.moderation, "reason": row.moderationReason, "answer": row.answer, "outcome": row.outcome ?? ""]
            guard before != after else { return true }
            try await row.update(on: tx)
            _ = try await ProgrammeRepository.advanceCounter(programme.id, from: nil, current: programme.changeCounter, on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: programme.id, actor: actor)
            audit.record(entity: "publicComment", id: id, operation: .update, before: before, after: after)
            try await audit.save(on: tx)
            return true
        }
        if done { changes?.committed(.programme(programme.id)) }
        return done
    }

    static func comment(_ m: PublicCommentModel) -> PublicComment? {
        guard let id = m.id else { return nil }
        return PublicComment(id: id, programmeID: m.programmeID, subject: m.partID.map { .part($0) } ?? .whole, subjectLabel: m.partLabel,
                             name: m.name, email: m.email, text: m.text, submittedAt: m.submittedAt, confirmedAt: m.confirmedAt,
                             moderation: PublicComment.Moderation(rawValue: m.moderation) ?? .pending, moderationReason: m.moderationReason,
                             answer: m.answer, outcome: m.outcome.flatMap(PublicComment.Outcome.init(rawValue:)))
    }
}
