import Fluent
import Foundation
import OramaDomain

/// A programme's decisions and their PDFs. Recording one is audited and moves the
/// programme's change counter on: decisions are shown on its public pages.
struct DecisionStore: Sendable {
    let db: any Database
    var changes: ChangeHook? = nil

    /// The programme's decisions, oldest first; the PDFs' bytes are not read.
    func decisions(programmeID: UUID) async throws -> [Decision] {
        try await DecisionModel.query(on: db).filter(\.$programmeID == programmeID)
            .field(\.$id).field(\.$programmeID).field(\.$body).field(\.$act).field(\.$number).field(\.$date).field(\.$subject).field(\.$ada)
            .field(\.$fileName).field(\.$fileBytes).field(\.$recordedBy).field(\.$recordedAt).all()
            .compactMap(Self.decision)
            .sorted { ($0.date, $0.number) < ($1.date, $1.number) }
    }

    /// The attached PDF of one of the programme's decisions.
    func document(_ id: UUID, programmeID: UUID) async throws -> (name: String, bytes: Data)? {
        guard let row = try await DecisionModel.query(on: db).filter(\.$id == id).filter(\.$programmeID == programmeID).first(),
              let file = row.file, let name = row.fileName else { return nil }
        return (name, file)
    }

    func record(_ decision: Decision, file: Data?, programme: ProgrammeSummary, actor: Actor, at now: Date) async throws {
        try await db.writeTransaction { tx in
            let row = DecisionModel()
            row.id = decision.id
            row.programmeID = programme.id
            row.body = decision.body.rawValue
            row.act = decision.act.rawValue
            row.number = decision.number
            row.date = decision.date.iso
            row.subject = decision.subject
            row.ada = decision.ada?.code
            row.fileName = decision.document?.fileName
            row.fileBytes = decision.document.map { Int64($0.bytes) }
            row.file = decision.document == nil ? nil : file
            row.recordedBy = actor.name
            row.recordedAt = now.roundedToMilliseconds
            try await row.create(on: tx)
            _ = try await ProgrammeRepository.advanceCounter(programme.id, from: nil, current: programme.changeCounter, on: tx)
            var audit = AuditTrail(organisationID: programme.organisationID, programmeID: programme.id, actor: actor)
            var after = ["body": decision.body.rawValue, "act": decision.act.rawValue, "number": decision.number, "date": decision.date.iso, "subject": decision.subject]
            if let ada = decision.ada { after["ada"] = ada.code }
            if let document = decision.document { after["file"] = "\(document.fileName) (\(document.bytes) bytes)" }
            audit.record(entity: "decision", id: decision.id, operation: .create, before: [:], after: after)
            try await audit.save(on: tx)
        }
        changes?.committed(.programme(programme.id))
    }

    static func decision(_ m: DecisionModel) -> Decision? {
        guard let id = m.id, let date = CalendarDate(parsing: m.date) else { return nil }
        return Decision(id: id, programmeID: m.programmeID, body: Decision.Body(rawValue: m.body) ?? .other,
                        act: Decision.Act(rawValue: m.act) ?? .other, number: m.number, date: date,
                        subject: m.subject, ada: m.ada.flatMap(ADA.init(parsing:)),
                        document: m.fileName.map { DecisionDocument(fileName: $0, bytes: Int(m.fileBytes ?? 0)) })
    }
}
