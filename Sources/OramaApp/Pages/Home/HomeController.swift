import Foundation
import OramaDomain
import Vapor

/// The programmes the visitor may read; a head of service also sees what their unit owes.
enum HomeController {
    @Sendable static func show(req: Request) async throws -> Response {
        let access = req.access
        let summaries = try await req.repositories.programmes.list(organisationID: nil).filter(access.canRead)
        let organisations = Dictionary(uniqueKeysWithValues: try await req.repositories.reference.organisations().map { ($0.id, $0) })
        let context = PageContext(req)
        // A head of service starts from what their unit owes in the programmes in force (published).
        var due: [(ProgrammeSummary, [DueItem])] = []
        if let units = access.reportingUnits, let user = req.user {
            for summary in summaries where summary.organisationID == user.organisationID && summary.status == .published {
                let programme = try await ProgrammeContext.load(summary: summary, req.application, repositories: req.repositories).programme
                due.append((summary, programme.dueItems(units: units, calendar: programme.reportingCalendar, today: context.today)))
            }
        }
        let page = HomePage(context: context, programmes: summaries.map { ($0, organisations[$0.organisationID]?.name ?? "") },
                            canCreate: access.canCreateProgrammes, due: due)
        if req.user == nil {
            let etag = ETag.forList(summaries, variant: req.language.rawValue)
            if let notModified = ETag.notModified(req, etag) { return notModified }
            return ETag.response(page.render(), contentType: .html, etag: etag)
        }
        return Respond.html(page.render())
    }
}
