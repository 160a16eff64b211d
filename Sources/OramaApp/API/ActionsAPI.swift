import Foundation
import OramaDomain
import Vapor

/// `/api/v1/programmes/{id}/actions…`: the actions with their place in the tree, and the
/// writes a script may make with an API token — an action's descriptive fields and its
/// progress reports — under the same domain rules, role and unit checks and audit log as
/// the screens.
enum ActionsAPIController {
    @Sendable static func list(req: Request) async throws -> [ActionItemDTO] {
        let loaded = try await ProgrammeContext.load(req)
        let rollup = RollupIndex(loaded.programme.progressRollup()), latest = loaded.programme.latestProgressByAction()
        return loaded.programme.actionPaths.map { ActionItemDTO($0, loaded, rollup, latest) }
    }

    @Sendable static func show(req: Request) async throws -> ActionItemDTO {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        return ActionItemDTO(loaded.programme.actionPaths.first { $0.action.id == action.id }!, loaded,
                             RollupIndex(loaded.programme.progressRollup()), loaded.programme.latestProgressByAction())
    }

    @Sendable static func patch(req: Request) async throws -> ActionItemDTO {
        let write = try await APIRequests.actionWrite(req, ActionPatchDTO.self, refused: "δεν μπορεί να αλλάξει τη δράση")
        let (loaded, patch) = (write.loaded, write.body)
        let id = write.target.action.id
        // The version the client read (or, without one, the one this request read): a conflict
        // only if this action changed after it, not if another part of the programme did.
        let read = patch.changeCounter ?? loaded.programme.changeCounter
        let programme = try await APIRequests.save(req, loaded) { programme in
            if programme.changeCounter != read, let changed = try await req.repositories.programmes.changedCounter(ofAction: id), changed > read {
                throw UserFacingError(status: .conflict, code: "conflict",
                                      reason: "Η δράση \(write.target.action.code) άλλαξε μετά την έκδοση \(read) που διαβάσατε (στην έκδοση \(changed))· ξαναδιαβάστε την και δοκιμάστε πάλι.")
            }
            guard var a = programme.actionPaths.first(where: { $0.action.id == id })?.action else {
                throw UserFacingError.notFound(req.language.t("η δράση", "the action"), req.language)
            }
            do throws(FieldError) {
                if let text = patch.title { a.title = try FieldRules.title(text) }
                if let text = patch.description { a.description = try FieldRules.description(text) }
                if let text = patch.preconditions { a.preconditions = try FieldRules.preconditions(text) }
                if let text = patch.maturity { a.maturity = try FieldRules.maturity(text) }
                if let codes = patch.budgetLines { a.budgetLines = try FieldRules.budgetLines(codes) }
            } catch {
                throw UserFacingError.invalid(error)
            }
            _ = programme.editAction(id) { $0 = a }
        }
        let a = programme.actionPaths.first { $0.action.id == id }!.action
        let after = LoadedProgramme(summary: loaded.summary, programme: programme, reference: loaded.reference)
        return ActionItemDTO(programme.actionPaths.first { $0.action.id == a.id }!, after,
                             RollupIndex(programme.progressRollup()), programme.latestProgressByAction())
    }

    @Sendable static func recordProgress(req: Request) async throws -> Response {
        let write = try await APIRequests.actionWrite(req, ProgressInputDTO.self, refused: "δεν καταχωρίζει πρόοδο για τη δράση")
        let (input, action) = (write.body, write.target.action)
        let entry: ProgressEntry
        do throws(FieldError) {
            entry = ProgressEntry(period: try FieldRules.quarter(input.period), status: try FieldRules.progressStatus(input.status),
                                  physicalProgress: input.physicalProgress,
                                  spent: try FieldRules.amount(Money(cents: input.spentCents), field: "spentCents", subject: "Η δαπάνη", english: "The spending"),
                                  comment: try FieldRules.comment(input.comment ?? ""), milestonesDone: nil,
                                  reason: try FieldRules.reason(input.reason))
        } catch {
            throw UserFacingError.invalid(error)
        }
        let (now, today) = (req.now, req.today)
        let programme = try await APIRequests.save(req, write.loaded) { programme in
            do {
                try programme.record(entry, for: action.id, by: write.user.name, at: now, today: today)
            } catch let error as EntryError {
                throw APIRequests.refused(error)
            }
        }
        let update = programme.progressUpdate(of: action.id, in: entry.period)!
        let dto = ProgressDTO(actionID: update.actionID, period: entry.period.code, date: update.date.iso, status: update.status.rawValue,
                              physicalProgress: update.physicalProgress, spentCents: update.spentToDate.cents, comment: update.comment)
        return try await dto.encodeResponse(status: .created, for: req)
    }
}
