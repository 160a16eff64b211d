import Foundation
import OramaDomain
import Plot
import Vapor

/// Adding, editing, moving and deleting axes, measures and objectives (actions have their
/// own form). Only the planning service changes the structure.
enum TreeController {

    static func level(_ req: Request, allowAction: Bool = false) throws -> TreeLevel {
        let text = req.parameters.get("level") ?? req.query[String.self, at: "level"] ?? ""
        guard let level = TreeLevel(rawValue: text), level != .action || allowAction else {
            throw UserFacingError(status: .badRequest, code: "invalid_level", reason: req.language.t("Άγνωστο επίπεδο: «\(text.prefix(30))».", "Unknown level: “\(text.prefix(30))”."))
        }
        return level
    }

    static func state(of level: TreeLevel, _ id: UUID, in p: Programme) -> NodeState? {
        switch level {
        case .axis: return p.axis(id).map { NodeState(title: $0.title, description: $0.description, parent: nil) }
        case .measure: return p.measure(id).map { m in NodeState(title: m.title, description: m.description, parent: p.axes.first { $0.measures.contains { $0.id == id } }?.id) }
        case .objective: return p.objective(id).map { o in NodeState(title: o.title, description: o.description, parent: p.measures.first { $0.objectives.contains { $0.id == id } }?.id) }
        case .action: return nil
        }
    }

    static func validate(_ form: NodeForm, level: TreeLevel, in p: Programme, _ language: Language) -> (NodeState?, FieldErrors) {
        var errors = FieldErrors()
        let title = errors.check(language) { () throws(FieldError) in try FieldRules.title(form.title ?? "") }
        let description = errors.check(language) { () throws(FieldError) in try FieldRules.description(form.description ?? "") }
        var parent: UUID?
        if level != .axis {
            parent = UUID(uuidString: form.parent ?? "")
            let exists = parent.map { id in level == .measure ? p.axis(id) != nil : p.measure(id) != nil } ?? false
            if !exists { errors.add("parent", language.t("Επιλέξτε σε ποιο στοιχείο ανήκει.", "Choose where it belongs.")) }
        }
        guard errors.isEmpty, let title, let description else { return (nil, errors) }
        return (NodeState(title: title, description: description, parent: parent), errors)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let level = try level(req)
        let form = NodeForm(title: "", description: "", parent: req.query[String.self, at: "parent"], base: nil)
        return Respond.html(NodePage(context: PageContext(req), loaded: loaded, level: level, nodeID: nil, form: form, errors: FieldErrors(), conflict: nil).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let level = try level(req)
        let form = try req.content.decode(NodeForm.self)
        let (state, errors) = validate(form, level: level, in: loaded.programme, req.language)
        guard let state else {
            return Respond.html(NodePage(context: PageContext(req), loaded: loaded, level: level, nodeID: nil, form: form, errors: errors, conflict: nil).render(), status: .unprocessableEntity)
        }
        let id = UUID()
        let outcome = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil) { p in
            switch level {
            case .axis: p.axes.append(Axis(id: id, title: state.title, description: state.description))
            case .measure: if let a = p.axes.firstIndex(where: { $0.id == state.parent }) { p.axes[a].measures.append(Measure(id: id, title: state.title, description: state.description)) }
            case .objective: p.editMeasure(state.parent!) { $0.objectives.append(Objective(id: id, title: state.title, description: state.description)) }
            case .action: break
            }
            p.renumber()
        }
        guard case .saved(let saved) = outcome else { throw UserFacingError.conflict(req.language) }
        return Respond.redirect(req, to: SiteURL.programme(loaded.id).path + "#n-" + (saved.code(of: level, id) ?? ""),
                                  flash: req.language.t("Προστέθηκε: \(level.greek) \(saved.code(of: level, id) ?? "").", "Added: \(level.rawValue) \(saved.code(of: level, id) ?? "")."))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let level = try level(req)
        let id = try req.uuid("nodeID")
        guard let state = state(of: level, id, in: loaded.programme) else { throw UserFacingError.notFound(level.greek, req.language) }
        let form = NodeForm(title: state.title, description: state.description, parent: state.parent?.uuidString, base: Fingerprint.of(state))
        return Respond.html(NodePage(context: PageContext(req), loaded: loaded, level: level, nodeID: id, form: form, errors: FieldErrors(), conflict: nil).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let level = try level(req)
        let id = try req.uuid("nodeID")
        guard let current = state(of: level, id, in: loaded.programme) else { throw UserFacingError.notFound(level.greek, req.language) }
        var form = try req.content.decode(NodeForm.self)
        let (state, errors) = validate(form, level: level, in: loaded.programme, req.language)
        guard let state else {
            return Respond.html(NodePage(context: PageContext(req), loaded: loaded, level: level, nodeID: id, form: form, errors: errors, conflict: nil).render(), status: .unprocessableEntity)
        }
        let outcome = try await ProgrammeContext.commit(req, loaded, base: form.base, current: Fingerprint.of(current)) { p in
            switch level {
            case .axis:
                if let a = p.axes.firstIndex(where: { $0.id == id }) { p.axes[a].title = state.title; p.axes[a].description = state.description }
            case .measure:
                p.editMeasure(id) { $0.title = state.title; $0.description = state.description }
                if state.parent != current.parent, let parent = state.parent { try p.moveMeasure(id, toAxis: parent, at: .max) }
            case .objective:
                p.editObjective(id) { $0.title = state.title; $0.description = state.description }
                if state.parent != current.parent, let parent = state.parent { try p.moveObjective(id, toMeasure: parent, at: .max) }
            case .action: break
            }
        }
        switch outcome {
        case .saved(let saved):
            return Respond.redirect(req, to: SiteURL.programme(loaded.id).path,
                                      flash: req.language.t("Αποθηκεύτηκε: \(level.greek) \(saved.code(of: level, id) ?? "").", "Saved: \(level.rawValue) \(saved.code(of: level, id) ?? "")."))
        case .conflict:
            let describe: (NodeState) -> [(String, String)] = { s in
                [("Τίτλος", s.title), ("Περιγραφή", s.description), ("Ανήκει σε", s.parent.flatMap { loaded.programme.code(of: level == .measure ? .axis : .measure, $0) } ?? "—")]
            }
            form.base = Fingerprint.of(current)
            return Respond.html(NodePage(context: PageContext(req), loaded: loaded, level: level, nodeID: id, form: form, errors: FieldErrors(),
                                           conflict: ConflictNotice.diff(describe(current), describe(state))).render(), status: .conflict)
        }
    }

    struct MoveForm: Content { var direction: String? }

    @Sendable static func move(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let text = req.parameters.get("level") ?? ""
        guard let level = TreeLevel(rawValue: text) else { throw UserFacingError.notFound(text, req.language) }
        let id = try req.uuid("nodeID")
        let step = try req.content.decode(MoveForm.self).direction == "up" ? -1 : 1
        let p = loaded.programme
        let outcome = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil) { p in
            switch level {
            case .axis:
                guard let i = p.axes.firstIndex(where: { $0.id == id }) else { return }
                try p.moveAxis(id, to: i + step)
            case .measure:
                guard let axis = p.axes.first(where: { $0.measures.contains { $0.id == id } }), let i = axis.measures.firstIndex(where: { $0.id == id }) else { return }
                try p.moveMeasure(id, toAxis: axis.id, at: i + step)
            case .objective:
                guard let measure = p.measures.first(where: { $0.objectives.contains { $0.id == id } }), let i = measure.objectives.firstIndex(where: { $0.id == id }) else { return }
                try p.moveObjective(id, toMeasure: measure.id, at: i + step)
            case .action:
                guard let objective = p.objectives.first(where: { $0.actions.contains { $0.id == id } }), let i = objective.actions.firstIndex(where: { $0.id == id }) else { return }
                try p.moveAction(id, toObjective: objective.id, at: i + step)
            }
        }
        guard case .saved(let saved) = outcome else { throw UserFacingError.conflict(req.language) }
        let before = p.code(of: level, id) ?? "", after = saved.code(of: level, id) ?? ""
        return Respond.redirect(req, to: SiteURL.programme(loaded.id).path,
                                  flash: req.language.t("Μετακινήθηκε: \(before) → \(after). Οι κωδικοί αναριθμήθηκαν.", "Moved: \(before) → \(after). Codes were renumbered."))
    }

    @Sendable static func confirmDelete(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let level = try level(req, allowAction: true)
        let id = try req.uuid("nodeID")
        let title = level == .action ? loaded.programme.action(id)?.title : state(of: level, id, in: loaded.programme)?.title
        guard let title else { throw UserFacingError.notFound(level.greek, req.language) }
        var copy = loaded.programme
        var blocked: String?
        do { try copy.remove(level, id) } catch let error as TreeEditError { blocked = error.description }
        return Respond.html(DeletePage(context: PageContext(req), loaded: loaded, level: level, id: id, title: title, blocked: blocked).render())
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let level = try level(req, allowAction: true)
        let id = try req.uuid("nodeID")
        let code = loaded.programme.code(of: level, id) ?? ""
        do {
            let outcome = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil) { p in try p.remove(level, id) }
            guard case .saved = outcome else { throw UserFacingError.conflict(req.language) }
        } catch let error as TreeEditError {
            throw UserFacingError(status: .conflict, code: "has_children", reason: error.description)
        }
        return Respond.redirect(req, to: SiteURL.programme(loaded.id).path,
                                  flash: req.language.t("Διαγράφηκε: \(level.greek) \(code). Οι κωδικοί αναριθμήθηκαν.", "Deleted: \(level.rawValue) \(code). Codes were renumbered."))
    }
}
