import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// The citizens' portal of a municipality: what its programme is and where it stands, in
/// words; the consultation open now; every municipal unit and community with what is planned
/// there; and the programme's Atom feed of decisions, steps and progress. Public programmes
/// only, and no staff names anywhere.
enum PortalController {
    /// The municipality's programme the public reads now: the published one of the latest
    /// period and highest version, else the one in consultation, else the last superseded.
    static func current(_ req: Request, organisationID: UUID) async throws -> (ProgrammeSummary, [ProgrammeSummary]) {
        let all = try await req.repositories.programmes.list(organisationID: organisationID).filter(\.status.isPublic)
        let newest: (ProgrammeSummary, ProgrammeSummary) -> Bool = { ($0.startYear, $0.version) < ($1.startYear, $1.version) }
        let pick = all.filter { $0.status == .published }.max(by: newest)
            ?? all.filter { $0.status == .consultation }.max(by: newest)
            ?? all.filter { $0.status == .superseded }.max(by: newest)
        guard let pick else {
            throw UserFacingError(status: .notFound, code: "not_found",
                                  reason: req.language.t("Ο Δήμος δεν έχει δημοσιευμένο Επιχειρησιακό Πρόγραμμα.", "The municipality has no published operational programme."))
        }
        return (pick, all)
    }

    static func organisationID(_ req: Request) throws -> UUID { try req.uuid("organisationID") }

    @Sendable static func portal(req: Request) async throws -> Response {
        let (summary, all) = try await current(req, organisationID: try organisationID(req))
        let loaded = try await ProgrammeContext.load(summary: summary, req.application, repositories: req.repositories)
        let steps = try await req.repositories.approvals.steps(programmeID: summary.id)
        let decisions = try await req.repositories.decisions.decisions(programmeID: summary.id)
        // A consultation open today, on this programme or on a revision of it.
        var open: (ProgrammeSummary, Consultation)?
        for s in all where s.status == .consultation {
            if let c = try await req.repositories.approvals.steps(programmeID: s.id).last(where: { $0.step == .openConsultation })?.consultation,
               c.isOpen(on: req.today) {
                open = (s, c)
            }
        }
        return Respond.html(PortalPage(context: PageContext(req), loaded: loaded, steps: steps, decisions: decisions, consultation: open).render())
    }

    @Sendable static func place(req: Request) async throws -> Response {
        let (summary, _) = try await current(req, organisationID: try organisationID(req))
        let loaded = try await ProgrammeContext.load(summary: summary, req.application, repositories: req.repositories)
        let id = try req.uuid("localityID")
        guard let place = loaded.reference.localities.first(where: { $0.id == id }) else {
            throw UserFacingError.notFound(req.language.t("ο τόπος", "the place"), req.language)
        }
        return Respond.html(PlacePage(context: PageContext(req), loaded: loaded, place: place).render())
    }

    @Sendable static func feed(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        guard loaded.summary.status.isPublic else { throw UserFacingError.notFound(req.language.t("το πρόγραμμα", "the programme"), req.language) }
        let p = loaded.programme
        let base = { (path: String) in AbsoluteURL.of(req, path) }
        var entries: [AtomFeed.Entry] = []
        for d in try await req.repositories.decisions.decisions(programmeID: p.id) {
            entries.append(.init(id: "urn:uuid:\(d.id.uuidString.lowercased())", title: "Απόφαση \(d.number): \(d.body.greek)",
                                 updated: d.date.noonInAthens, link: d.ada?.diavgeiaURL ?? base(SiteURL.decisions(p.id).path),
                                 summary: d.subject + (d.ada.map { " (ΑΔΑ \($0.code))" } ?? "")))
        }
        for s in try await req.repositories.approvals.steps(programmeID: p.id) {
            entries.append(.init(id: "urn:uuid:\(s.id.uuidString.lowercased())", title: s.step.greek, updated: s.date.noonInAthens,
                                 link: base(SiteURL.approvalPath(p.id).path),
                                 summary: s.consultation.map { "Δημόσια διαβούλευση από \($0.start) έως \($0.end)." } ?? "Το πρόγραμμα: «\(s.step.to.greek)»."))
        }
        let byID = Dictionary(p.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for u in p.progressUpdates.sorted(by: { $0.recordedAt > $1.recordedAt }).prefix(100) {
            guard let a = byID[u.actionID] else { continue }
            entries.append(.init(id: "urn:uuid:\(u.id.uuidString.lowercased())", title: "\(a.code) \(a.title): \(u.status.greek), \(u.physicalProgress) %",
                                 updated: u.recordedAt, link: base(SiteURL.action(p.id, a.id).path),
                                 summary: u.comment.isEmpty ? "Αναφορά προόδου της \(u.date)." : u.comment))
        }
        let feed = AtomFeed(id: "urn:uuid:\(p.id.uuidString.lowercased())", title: "\(p.title): αποφάσεις και πρόοδος",
                            author: loaded.reference.organisation.name, selfLink: base(SiteURL.feed(p.id).path),
                            pageLink: base(SiteURL.portal(p.organisationID).path), entries: entries)
        let response = Response(status: .ok, body: .init(string: feed.xml))
        response.headers.replaceOrAdd(name: .contentType, value: AtomFeed.mediaType)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }
}
