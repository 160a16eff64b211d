import Foundation
import OramaDomain
import Vapor

/// `/programmes/{p}/decisions`: the programme's decisions, public with a public programme;
/// the planning office records them with their ΑΔΑ and PDF.
enum DecisionsController {
    struct Form: Content {
        var body: String?
        var act: String?
        var number: String?
        var date: String?
        var subject: String?
        var ada: String?
        var file: File?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        return try await page(req, loaded, form: Form(), errors: FieldErrors(), status: .ok)
    }

    static func page(_ req: Request, _ loaded: LoadedProgramme, form: Form, errors: FieldErrors, status: HTTPStatus) async throws -> Response {
        let decisions = try await req.repositories.decisions.decisions(programmeID: loaded.id)
        return Respond.html(DecisionsPage(context: PageContext(req), loaded: loaded, decisions: decisions, form: form, errors: errors,
                                          canRecord: req.access.canEditPlan(loaded.summary)).render(), status: status)
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = try req.content.decode(Form.self)
        let l = req.language
        var errors = FieldErrors()
        var document: DecisionDocument?
        if let file = form.file, file.data.readableBytes > 0 || !file.filename.isEmpty {
            let prefix = file.data.getBytes(at: file.data.readerIndex, length: min(8, file.data.readableBytes)) ?? []
            do throws(FieldError) {
                document = try DecisionDocument.check(fileName: file.filename, prefix: prefix, bytes: file.data.readableBytes)
            } catch {
                errors.add(error.field, l.t(error.description, error.english))
            }
        }
        switch Decision.validated(programmeID: loaded.id, body: form.body ?? "", act: form.act ?? Decision.Act.other.rawValue, number: form.number ?? "", date: form.date ?? "",
                                  subject: form.subject ?? "", ada: form.ada ?? "", document: document) {
        case .failure(let list):
            for error in list.errors { errors.add(error.field, l.t(error.description, error.english)) }
        case .success(let decision) where errors.isEmpty:
            try await req.repositories.decisions.record(decision, file: form.file.map { Data(buffer: $0.data) }, programme: loaded.summary,
                                                        actor: req.user!.actor, at: req.now)
            return Respond.redirect(req, to: SiteURL.decisions(loaded.id).path,
                                    flash: l.t("Καταχωρίστηκε η απόφαση \(decision.number) (\(decision.body.label(l))).",
                                               "Decision \(decision.number) was recorded."))
        case .success:
            break
        }
        return try await page(req, loaded, form: form, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func file(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let id = try req.uuid("decisionID")
        guard let (name, bytes) = try await req.repositories.decisions.document(id, programmeID: loaded.id) else {
            throw UserFacingError.notFound(req.language.t("το αρχείο της απόφασης", "the decision's file"), req.language)
        }
        return Download.file(bytes, mediaType: "application/pdf", fileName: name, public: loaded.summary.status.isPublic)
    }
}
