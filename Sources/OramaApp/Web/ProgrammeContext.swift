import Foundation
import OramaDomain
import Vapor

/// A programme loaded for a request, already checked as readable by the user.
struct LoadedProgramme: Sendable {
    var summary: ProgrammeSummary
    var programme: Programme
    var reference: ReferenceData
    /// The shared snapshot this copy came from; nil for a copy being changed or built here.
    var snapshot: ProgrammeSnapshot? = nil

    var id: UUID { summary.id }

    /// A figure derived from the programme: kept with the snapshot, so computed once per
    /// version, or computed here for a copy that has none.
    func derived<T: Sendable>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let snapshot { return try snapshot.derived(key, make) }
        return try make()
    }

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
    /// A visitor who is not signed in gets it from the board of versions, without a query
    /// in the steady state (`ProgrammeVersions` says how late that can be); a signed-in user
    /// always from the database, so an edit is seen at once on every server.
    static func summary(_ req: Request) async throws -> ProgrammeSummary {
        let id = try req.programmeID()
        let repositories = req.repositories
        let found = req.user == nil
            ? try await req.application.programmeVersions.summary(id) { try await repositories.programmes.summary(id) }
            : try await repositories.programmes.summary(id)
        guard let summary = found, req.access.canRead(summary) else {
            throw UserFacingError.programmeNotFound
        }
        req.usedSummary = summary
        return summary
    }

    /// The programme from its snapshot when the change counter has not moved since it was
    /// taken (one query, for the summary), otherwise loaded and kept as the new snapshot.
    static func load(_ req: Request) async throws -> LoadedProgramme {
        try await load(summary: summary(req), req.application, repositories: req.repositories)
    }

    static func load(summary: ProgrammeSummary, _ app: Application, repositories: Repositories) async throws -> LoadedProgramme {
        let snapshots = app.programmeSnapshots
        if let kept = snapshots.snapshot(for: summary) {
            var loaded = kept.loaded
            loaded.summary = summary
            return loaded
        }
        guard let programme = try await repositories.programmes.load(summary.id),
              let reference = try await repositories.reference.load(organisationID: summary.organisationID) else {
            throw UserFacingError.programmeNotFound
        }
        // The rows were read after the summary: if a write came in between, they are newer
        // than the counter says. Keyed by the counter the rows carry, the snapshot is then
        // never served for the older counter.
        var current = summary
        current.changeCounter = programme.changeCounter
        let snapshot = ProgrammeSnapshot(summary: current, programme: programme, reference: reference)
        snapshots.store(snapshot)
        var loaded = snapshot.loaded
        loaded.summary = summary
        return loaded
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
            try await req.repositories.programmes.save(programme, over: loaded.programme, actor: req.user!.actor)
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
