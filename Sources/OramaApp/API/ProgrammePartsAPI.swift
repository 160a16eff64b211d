import Foundation
import OramaDomain
import Vapor

/// The parts of a programme as JSON, and the writes a script may make with an API token:
/// an action's descriptive fields, a progress report, an indicator value. Each write goes
/// through the same domain rules, role and unit checks and audit log as the screens.
extension ProgrammeAPIController {
    struct ActionItemDTO: Content {
        var axisCode: String
        var measureCode: String
        var objectiveCode: String
        var action: ProgrammeDTO.ActionDTO
    }

    struct ProgressDTO: Content {
        var actionID: UUID
        var period: String
        var date: String
        var status: String
        var physicalProgress: Int
        var spentCents: Int64
        var comment: String
    }

    struct MeasurementRecordDTO: Content {
        var indicatorID: UUID
        var period: String
        var value: Double
        var note: String
    }

    static func item(_ path: ActionPath, _ loaded: LoadedProgramme, _ rollup: RollupNode) -> ActionItemDTO {
        ActionItemDTO(axisCode: path.axis.code, measureCode: path.measure.code, objectiveCode: path.objective.code,
                      action: ProgrammeDTO.action(path.action, in: loaded.programme, reference: loaded.reference, rollup: rollup))
    }

    /// The action of the path (as the screens find it), with the axis, measure and objective above it.
    static func actionPath(_ req: Request, _ loaded: LoadedProgramme) throws -> ActionPath {
        let action = try loaded.action(req)
        return loaded.programme.actionPaths.first { $0.action.id == action.id }!
    }

    @Sendable static func actions(req: Request) async throws -> [ActionItemDTO] {
        let loaded = try await ProgrammeContext.load(req)
        let rollup = loaded.programme.progressRollup()
        return loaded.programme.actionPaths.map { item($0, loaded, rollup) }
    }

    @Sendable static func action(req: Request) async throws -> ActionItemDTO {
        let loaded = try await ProgrammeContext.load(req)
        return item(try actionPath(req, loaded), loaded, loaded.programme.progressRollup())
    }

    /// Phase A: the profile with its key figures, SWOT, critical issues, vision, principles and
    /// the strategic goal of each axis.
    struct StrategyDTO: Content {
        struct Section: Codable {
            var title: String
            var body: String
            var keyFigures: [KeyFigure]
        }
        struct SWOT: Codable {
            var quadrant: String
            var text: String
        }
        struct Goal: Codable {
            var axisID: UUID
            var axisCode: String
            var text: String
        }
        var profileSections: [Section]
        var swot: [SWOT]
        var criticalIssues: [String]
        var vision: String
        var guidingPrinciples: [String]
        var strategicGoals: [Goal]
        var consultationStart: String?
        var consultationEnd: String?
        var councilSession: String?
    }

    @Sendable static func strategy(req: Request) async throws -> StrategyDTO {
        let loaded = try await ProgrammeContext.load(req)
        let p = loaded.programme
        let plan = p.strategicPlan
        return StrategyDTO(profileSections: plan.profileSections.map { .init(title: $0.title, body: $0.body, keyFigures: $0.keyFigures) },
                           swot: plan.swot.map { .init(quadrant: $0.quadrant.rawValue, text: $0.text) },
                           criticalIssues: plan.criticalIssues, vision: plan.vision, guidingPrinciples: plan.guidingPrinciples,
                           strategicGoals: plan.strategicGoals.map { .init(axisID: $0.axisID, axisCode: p.axis($0.axisID)?.code ?? "", text: $0.text) },
                           consultationStart: p.keyDates.consultationStart?.iso, consultationEnd: p.keyDates.consultationEnd?.iso,
                           councilSession: p.keyDates.councilSession?.iso)
    }

    @Sendable static func indicators(req: Request) async throws -> [ProgrammeDTO.IndicatorDTO] {
        let loaded = try await ProgrammeContext.load(req)
        let year = ProgrammeDTO.latestMeasuredYear(loaded.programme)
        return loaded.programme.indicators.map { ProgrammeDTO.indicator($0, reference: loaded.reference, latestYear: year) }
    }

    @Sendable static func indicator(req: Request) async throws -> ProgrammeDTO.IndicatorDTO {
        let loaded = try await ProgrammeContext.load(req)
        return ProgrammeDTO.indicator(try loaded.indicator(req), reference: loaded.reference,
                                      latestYear: ProgrammeDTO.latestMeasuredYear(loaded.programme))
    }

    static func body<T: Decodable>(_ req: Request, _ type: T.Type) throws -> T {
        guard req.headers.contentType == .json else {
            throw UserFacingError(status: .unsupportedMediaType, code: "json_required", reason: "Το σώμα του αιτήματος πρέπει να είναι JSON (Content-Type: application/json).")
        }
        do { return try req.content.decode(T.self) } catch let DecodingError.keyNotFound(key, _) {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Λείπει το πεδίο «\(key.stringValue)».")
        } catch let DecodingError.typeMismatch(_, context) {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Λάθος τύπος στο πεδίο «\(context.codingPath.map(\.stringValue).joined(separator: "."))».")
        } catch let DecodingError.valueNotFound(_, context) {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Κενό πεδίο «\(context.codingPath.map(\.stringValue).joined(separator: "."))».")
        } catch {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Το σώμα του αιτήματος δεν είναι έγκυρο JSON για αυτή τη λειτουργία.")
        }
    }

    static func invalid(_ field: String, _ message: String) -> UserFacingError {
        UserFacingError(status: .unprocessableEntity, code: "invalid_\(field)", reason: "\(field): \(message)")
    }

    static func saved(_ req: Request, _ loaded: LoadedProgramme, _ programme: Programme) async throws {
        guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { $0 = programme }) else {
            throw UserFacingError(status: .conflict, code: "conflict", reason: "Το πρόγραμμα άλλαξε ταυτόχρονα από άλλον χρήστη· ξαναδιαβάστε το και δοκιμάστε πάλι.")
        }
    }

    struct ActionPatch: Content {
        var title: String?
        var description: String?
        var preconditions: String?
        var maturity: String?
        var budgetLines: [String]?
        /// The programme's change counter the client last read; a different one now is a 409.
        var changeCounter: Int64?
    }

    @Sendable static func patchAction(req: Request) async throws -> ActionItemDTO {
        let user = try req.requireTokenUser()
        let loaded = try await ProgrammeContext.load(req)
        let path = try actionPath(req, loaded)
        guard req.access.canEdit(path.action, in: loaded.summary) else {
            throw UserFacingError(status: .forbidden, code: "forbidden", reason: "Ο λογαριασμός \(user.email) δεν μπορεί να αλλάξει τη δράση \(path.action.code).")
        }
        let patch = try body(req, ActionPatch.self)
        if let expected = patch.changeCounter, expected != loaded.programme.changeCounter {
            throw UserFacingError(status: .conflict, code: "conflict", reason: "Το πρόγραμμα άλλαξε (μετρητής αλλαγών \(loaded.programme.changeCounter), όχι \(expected)).")
        }
        var a = path.action
        if let title = patch.title?.trimmingCharacters(in: .whitespacesAndNewlines) {
            guard !title.isEmpty, title.count <= 300 else { throw invalid("title", "ο τίτλος είναι υποχρεωτικός, έως 300 χαρακτήρες (όπως στη φόρμα).") }
            a.title = title
        }
        if let text = patch.description { guard text.count <= 20_000 else { throw invalid("description", "έως 20.000 χαρακτήρες.") }; a.description = text }
        if let text = patch.preconditions { guard text.count <= 5_000 else { throw invalid("preconditions", "έως 5.000 χαρακτήρες.") }; a.preconditions = text }
        if let text = patch.maturity {
            guard let m = Action.Maturity(rawValue: text) else {
                throw invalid("maturity", "άγνωστη τιμή· δεκτές: \(Action.Maturity.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            a.maturity = m
        }
        if let lines = patch.budgetLines {
            let cleaned = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard cleaned.count <= 50, cleaned.allSatisfy({ $0.count <= 40 }) else { throw invalid("budgetLines", "έως 50 ΚΑΕ των 40 χαρακτήρων.") }
            a.budgetLines = cleaned
        }
        var programme = loaded.programme
        if a != path.action {
            _ = programme.editAction(a.id) { $0 = a }
            try await saved(req, loaded, programme)
        }
        let after = LoadedProgramme(summary: loaded.summary, programme: programme, reference: loaded.reference)
        return item(programme.actionPaths.first { $0.action.id == a.id }!, after, programme.progressRollup())
    }

    struct ProgressInput: Content {
        var period: String
        var status: String
        var physicalProgress: Int
        var spentCents: Int64
        var comment: String?
        /// Needed to correct a report of a period that has ended.
        var reason: String?
    }

    @Sendable static func recordProgress(req: Request) async throws -> Response {
        let user = try req.requireTokenUser()
        let loaded = try await ProgrammeContext.load(req)
        let path = try actionPath(req, loaded)
        guard req.access.canEdit(path.action, in: loaded.summary) else {
            throw UserFacingError(status: .forbidden, code: "forbidden", reason: "Ο λογαριασμός \(user.email) δεν καταχωρίζει πρόοδο για τη δράση \(path.action.code).")
        }
        let input = try body(req, ProgressInput.self)
        guard let period = ReportingPeriod(parsing: input.period), period.quarter != nil else { throw invalid("period", "γράψτε τρίμηνο, π.χ. 2025-Q2.") }
        guard let status = ProgressUpdate.Status(rawValue: input.status) else {
            throw invalid("status", "άγνωστη κατάσταση· δεκτές: \(ProgressUpdate.Status.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard (0...999_999_999_999_99).contains(input.spentCents) else { throw invalid("spentCents", "η δαπάνη σε λεπτά, από 0 έως 99.999.999.999.999.") }
        guard (input.comment ?? "").count <= 5_000 else { throw invalid("comment", "έως 5.000 χαρακτήρες.") }
        var programme = loaded.programme
        let today = req.today
        do {
            try programme.recordProgress(actionID: path.action.id, period: period, status: status, physicalProgress: input.physicalProgress,
                                         spentToDate: Money(cents: input.spentCents), comment: (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                         milestonesDone: Set(path.action.milestones.filter(\.isDone).map(\.id)), by: user.name,
                                         at: req.now, today: today, reason: input.reason)
        } catch let error as EntryError {
            throw invalid(error.field, error.description)
        }
        try await saved(req, loaded, programme)
        let update = programme.progressUpdate(of: path.action.id, in: period)!
        let dto = ProgressDTO(actionID: update.actionID, period: period.code, date: update.date.iso, status: update.status.rawValue,
                              physicalProgress: update.physicalProgress, spentCents: update.spentToDate.cents, comment: update.comment)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    struct MeasurementInput: Content {
        var period: String
        var value: Double
        var note: String?
        var reason: String?
    }

    @Sendable static func recordMeasurement(req: Request) async throws -> Response {
        let user = try req.requireTokenUser()
        let loaded = try await ProgrammeContext.load(req)
        let indicator = try loaded.indicator(req)
        guard req.access.canEdit(indicator, in: loaded.summary) else {
            throw UserFacingError(status: .forbidden, code: "forbidden", reason: "Ο λογαριασμός \(user.email) δεν καταχωρίζει τιμές για τον δείκτη \(indicator.code).")
        }
        let input = try body(req, MeasurementInput.self)
        guard let period = ReportingPeriod(parsing: input.period) else { throw invalid("period", "γράψτε περίοδο, π.χ. 2025-Q2 ή 2025.") }
        guard input.value.isFinite, abs(input.value) < 1e15 else { throw invalid("value", "η τιμή πρέπει να είναι πεπερασμένος αριθμός.") }
        guard (input.note ?? "").count <= 5_000 else { throw invalid("note", "έως 5.000 χαρακτήρες.") }
        var programme = loaded.programme
        do {
            try programme.recordMeasurement(indicatorID: indicator.id, period: period, value: input.value, note: (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                            by: user.name, at: req.now, today: req.today, reason: input.reason)
        } catch let error as EntryError {
            throw invalid(error.field, error.description)
        }
        try await saved(req, loaded, programme)
        let m = programme.indicators.first { $0.id == indicator.id }!.measurements.first { $0.period == period }!
        return try await MeasurementRecordDTO(indicatorID: indicator.id, period: period.code, value: m.value, note: m.note).encodeResponse(status: .created, for: req)
    }
}
