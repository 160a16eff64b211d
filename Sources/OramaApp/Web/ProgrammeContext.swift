import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

/// A programme loaded for a request, already checked as readable by the user.
struct LoadedProgramme: Sendable {
    var summary: ProgrammeSummary
    var programme: Programme
    var reference: ReferenceData

    var id: UUID { summary.id }
}

enum Workspace {
    static func programmeID(_ req: Request) throws -> UUID {
        let text = req.parameters.get("programmeID") ?? ""
        guard let id = UUID(uuidString: text) else { throw UserFacingError.badID(text) }
        return id
    }

    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        let text = req.parameters.get(name) ?? req.query[String.self, at: name] ?? ""
        guard let id = UUID(uuidString: text) else {
            throw UserFacingError(status: .badRequest, code: "invalid_id",
                                  reason: req.language.t("Μη έγκυρος κωδικός στη διεύθυνση: «\(text.prefix(60))».", "Invalid id in the address: “\(text.prefix(60))”."))
        }
        return id
    }

    /// The summary row only (one query), 404 unless the user may read the programme.
    static func summary(_ req: Request) async throws -> ProgrammeSummary {
        let id = try programmeID(req)
        guard let summary = try await req.repositories.programmes.summary(id), req.access.canRead(summary) else {
            throw UserFacingError.programmeNotFound
        }
        return summary
    }

    static func load(_ req: Request) async throws -> LoadedProgramme {
        let summary = try await summary(req)
        guard let programme = try await req.repositories.programmes.load(summary.id),
              let reference = try await req.repositories.reference.load(organisationID: summary.organisationID) else {
            throw UserFacingError.programmeNotFound
        }
        return LoadedProgramme(summary: summary, programme: programme, reference: reference)
    }

    static func notFound(_ req: Request, _ what: String) -> UserFacingError {
        UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Δεν βρέθηκε: \(what).", "Not found: \(what)."))
    }

    /// Saves a change made to a freshly loaded programme. `base` is the fingerprint of the
    /// entity as the user's form showed it, `current` its fingerprint now: if they differ,
    /// someone else changed the same thing meanwhile and nothing is written. A change made
    /// elsewhere in the programme is not a conflict; the change counter still guarantees
    /// that nothing saved in between this load and this save is overwritten.
    static func commit(_ req: Request, _ loaded: LoadedProgramme, base: String?, current: String?,
                       _ change: (inout Programme) throws -> Void) async throws -> Outcome {
        if let current, base != current { return .conflict }
        var programme = loaded.programme
        try change(&programme)
        do {
            try await req.repositories.programmes.save(programme, expecting: loaded.programme.changeCounter, actor: req.user!.actor)
        } catch StorageError.conflict {
            return .conflict
        }
        return .saved(programme)
    }

    enum Outcome {
        case saved(Programme)
        case conflict
    }

    static func redirect(_ req: Request, to path: String, flash: String? = nil) -> Response {
        if let flash { req.session.data["flash"] = flash }
        return req.redirect(to: path, redirectType: .normal)
    }

    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
