import Foundation
import OramaDomain
import Plot
import Vapor

/// The action form: every field of the domain, funding per source and year, schedule,
/// localities, partners, milestones and budget lines.
enum ActionController {

    // MARK: handlers

    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        // Comments are the municipality's internal discussion, not part of the public programme.
        let comments = req.access.canReadComments(loaded.summary) ? try await req.repositories.comments.comments(on: action.id) : []
        return Respond.html(ActionPage(context: PageContext(req), loaded: loaded, action: action, access: req.access, comments: comments).render())
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let objective = req.query[String.self, at: "objective"].flatMap(UUID.init(uuidString:))
        var form = ActionForm(objective: objective?.uuidString, kind: Action.Kind.projectCategory.rawValue, nature: Action.Nature.works.rawValue,
                              implementing: "own", priority: "2", maturity: Action.Maturity.idea.rawValue, cost: "", weight: "1")
        form.fund = [:]
        return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: nil, form: form, errors: FieldErrors(), conflict: nil, canMove: true).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = try req.content.decode(ActionForm.self)
        let id = UUID()
        let (action, objective, errors) = form.action(id: id, in: loaded, access: req.access, canMove: true, req.language)
        guard let action, let objective else {
            return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: nil, form: form, errors: errors, conflict: nil, canMove: true).render(), status: .unprocessableEntity)
        }
        let outcome = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil) { p in
            p.editObjective(objective) { $0.actions.append(action) }
            p.renumber()
        }
        guard case .saved(let saved) = outcome else { throw UserFacingError.conflict(req.language) }
        return Respond.redirect(req, to: SiteURL.action(loaded.id, id).path,
                                  flash: req.language.t("Η δράση \(saved.action(id)?.code ?? "") δημιουργήθηκε.", "Action \(saved.action(id)?.code ?? "") was created."))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        try req.access.require(req.access.canEdit(action, in: loaded.summary), req.language)
        let objective = ActionForm.objectiveOf(action.id, in: loaded.programme)!
        let form = ActionForm(action, objective: objective, base: Fingerprint.of(action))
        return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: action.id, form: form, errors: FieldErrors(), conflict: nil,
                                             canMove: req.access.canEditPlan(loaded.summary)).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let current = try loaded.action(req)
        try req.access.require(req.access.canEdit(current, in: loaded.summary), req.language)
        let canMove = req.access.canEditPlan(loaded.summary)
        let currentObjective = ActionForm.objectiveOf(current.id, in: loaded.programme)!
        var form = try req.content.decode(ActionForm.self)
        if !canMove { form.objective = currentObjective.uuidString }
        let (edited, objective, errors) = form.action(id: current.id, current: current, in: loaded, access: req.access, canMove: canMove, req.language)
        guard var edited, let objective else {
            return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: current.id, form: form, errors: errors, conflict: nil, canMove: canMove).render(),
                                  status: .unprocessableEntity)
        }
        edited.code = current.code
        let outcome = try await ProgrammeContext.commit(req, loaded, base: form.base, current: Fingerprint.of(current)) { p in
            p.editAction(current.id) { $0 = edited }
            if objective != currentObjective { try p.moveAction(current.id, toObjective: objective, at: .max) }
        }
        switch outcome {
        case .saved(let saved):
            return Respond.redirect(req, to: SiteURL.action(loaded.id, current.id).path,
                                      flash: req.language.t("Η δράση \(saved.action(current.id)?.code ?? "") αποθηκεύτηκε.", "Action \(saved.action(current.id)?.code ?? "") was saved."))
        case .conflict:
            form.base = Fingerprint.of(current)
            let notice = ConflictNotice.diff(ActionForm.describe(current, objective: currentObjective, loaded), ActionForm.describe(edited, objective: objective, loaded))
            return Respond.html(ActionFormPage(context: PageContext(req), loaded: loaded, actionID: current.id, form: form, errors: FieldErrors(), conflict: notice, canMove: canMove).render(),
                                  status: .conflict)
        }
    }

    struct CommentForm: Content { var text: String? }

    @Sendable static func comment(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let action = try loaded.action(req)
        try req.access.require(req.access.canComment(loaded.summary), req.language)
        let posted = try req.content.decode(CommentForm.self).text ?? ""
        let text: String
        do throws(FieldError) { text = try FieldRules.remark(posted) } catch {
            throw UserFacingError(status: .unprocessableEntity, code: "invalid_comment", reason: req.language.t(error.description, error.english))
        }
        try await req.repositories.comments.add(text, on: action.id, programme: loaded.summary, by: req.user!, at: req.now)
        return Respond.redirect(req, to: SiteURL.action(loaded.id, action.id).path + "#comments",
                                  flash: req.language.t("Το σχόλιο καταχωρίστηκε.", "The comment was added."))
    }
}
