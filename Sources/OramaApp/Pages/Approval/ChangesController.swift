import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// `/programmes/{p}/changes`: what a revision changes against the version it revises, as a
/// page and as the «Πίνακας μεταβολών» annex (DOCX, print); public once the revision is.
enum ChangesController {
    struct Compared {
        var before: Programme
        var after: LoadedProgramme
        var changes: ProgrammeChanges
    }

    static func compare(_ req: Request) async throws -> Compared {
        let loaded = try await ProgrammeContext.load(req)
        let l = req.language
        let store = req.repositories.approvals
        guard let previousID = try await store.previous(of: loaded.id),
              let summary = try await req.repositories.programmes.summary(previousID), req.access.canRead(summary),
              let before = try await req.repositories.programmes.load(previousID) else {
            throw UserFacingError(status: .notFound, code: "not_found",
                                  reason: l.t("Αυτό το πρόγραμμα δεν είναι αναθεώρηση άλλου· δεν υπάρχει πίνακας μεταβολών.",
                                              "This programme is not a revision of another; there is no table of changes."))
        }
        let origins = try await store.origins(of: loaded.id)
        let changes = loaded.derived("changes-\(before.id)-\(before.changeCounter)") {
            ProgrammeChanges.between(before, loaded.programme, origins: origins, reference: loaded.reference)
        }
        return Compared(before: before, after: loaded, changes: changes)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let compared = try await compare(req)
        return Respond.html(ChangesPage(context: PageContext(req), compared: compared).render())
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let format = req.parameters.get("format") ?? ""
        guard let kind = ProgrammeFiles.DocumentFormat(rawValue: format) else {
            throw UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Η μορφή είναι docx ή html.", "The format is docx or html."))
        }
        let compared = try await compare(req)
        let p = compared.after.programme
        let document = ProgrammeDocuments.changes(compared.changes, before: compared.before, after: p, compared.after.reference)
        switch kind {
        case .docx:
            return Download.file(try DocxWriter.data(document), mediaType: kind.mediaType,
                                 fileName: "pinakas-metavolon-v\(compared.before.version)-v\(p.version).docx", public: compared.after.summary.status.isPublic)
        case .html:
            return Respond.printHTML(PrintHTML.render(document))
        }
    }
}
