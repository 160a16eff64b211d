import Foundation
import OramaDomain
import Vapor

/// A programme loaded for a request, already checked as readable by the user.
struct LoadedProgramme: Sendable {
    var summary: ProgrammeSummary
    var programme: Programme
    var reference: ReferenceData

    var id: UUID { summary.id }

    /// The action the request's path names (`actionID`), 404 if it is not in this programme.
    func action(_ req: Request) throws -> Action {
        guard let action = programme.action(try req.uuid("actionID")) else { throw UserFacingError.notFound(req.language.t("η δράση", "the action"), req.language) }
        return action
    }

    /// The indicator the request's path names (`indicatorID`), 404 if it is not in this programme.
    func indicator(_ req: Request) throws -> Indicator {
        let id = try req.uuid("indicatorID")
        guard let indicator = programme.indicators.first(where: { $0.id == id }) else { throw UserFacingError.notFound(req.language.t("ο δείκτης", "the indicator"), req.language) }
        return indicator
    }
}

/// The programme a request is about: found, checked as readable, loaded; and a change to it
/// saved with conflict detection.
enum ProgrammeContext {
    /// The summary row only (one query), 404 unless the user may read the programme.
    static func summary(_ req: Request) async throws -> ProgrammeSummary {
        let id = try req.programmeID()
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
}
