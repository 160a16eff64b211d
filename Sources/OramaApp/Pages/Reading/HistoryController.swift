import Foundation
import OramaDomain
import Plot
import Vapor

/// The audit log of a programme, or of one action.
enum HistoryController {
    @Sendable static func programme(req: Request) async throws -> Response {
        let summary = try await ProgrammeContext.summary(req)
        try req.access.require(req.access.canSeeHistory(summary), req.language)
        let entries = try await req.repositories.auditLog.entries(programmeID: summary.id, limit: 300)
        return Respond.html(HistoryPage(context: PageContext(req), summary: summary, subject: nil, entries: entries).render())
    }

    @Sendable static func action(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canSeeHistory(loaded.summary), req.language)
        let action = try loaded.action(req)
        let ids = [action.id] + action.fundingLines.indices.map { DerivedID.make(action.id, "funding", $0) } + action.milestones.map(\.id)
        var entries: [AuditEntry] = []
        for id in ids { entries += try await req.repositories.auditLog.entries(programmeID: loaded.id, entityID: id, limit: 100) }
        entries.sort { $0.at > $1.at }
        return Respond.html(HistoryPage(context: PageContext(req), summary: loaded.summary, subject: "\(action.code) \(action.title)", entries: entries).render())
    }
}
