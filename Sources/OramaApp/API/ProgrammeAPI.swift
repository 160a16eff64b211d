import Foundation
import OramaDomain
import Vapor

enum ProgrammeAPIController {
    @Sendable static func index(req: Request) async throws -> Response {
        // Public programmes, and with an API token (or a session) also the user's own drafts.
        let access = req.access
        let summaries = try await req.repositories.programmes.list(organisationID: nil).filter(access.canRead)
        let etag = ETag.forList(summaries, variant: "json")
        if let notModified = ETag.notModified(req, etag) { return notModified }
        let items = summaries.map {
            ProgrammeListItemDTO(id: $0.id, title: $0.title, startYear: $0.startYear, endYear: $0.endYear, status: $0.status.rawValue,
                                 version: $0.version, changeCounter: $0.changeCounter, url: SiteURL.apiProgramme($0.id).path)
        }
        return ETag.response(try JSONCoding.encoder.encode(items), contentType: .json, etag: etag)
    }

    /// Public programmes for everyone; drafts for the municipality's users (API token or session).
    @Sendable static func show(req: Request) async throws -> Response {
        let summary = try await ProgrammeContext.summary(req)
        let etag = ETag.forProgramme(summary, variant: "json")
        if let notModified = ETag.notModified(req, etag) { return notModified }
        let app = req.application
        let repositories = req.repositories
        let render: @Sendable () async throws -> Data = {
            let loaded = try await ProgrammeContext.load(summary: summary, app, repositories: repositories)
            return try JSONCoding.encoder.encode(ProgrammeDTO(loaded.programme, reference: loaded.reference))
        }
        // A visitor's copy is kept by `PublicPageCache`; a token holder's here, by version.
        guard req.user != nil else { return ETag.response(try await render(), contentType: .json, etag: etag) }
        return ETag.response(req, try await app.renderCache.rendered(for: etag, render: render), contentType: .json, etag: etag)
    }
}
