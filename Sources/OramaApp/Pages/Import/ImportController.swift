import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

/// Import of actions or indicators from CSV or XLSX: a dry run first shows what would be
/// created, updated and refused; the import itself is one transaction, all or nothing.
enum ImportController {
    struct Upload: Content {
        var kind: String?
        var mode: String?
        var file: File?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        return Respond.html(ImportPage(context: PageContext(req), loaded: loaded, kind: .actions, fileName: nil, report: nil, applied: false).render())
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let upload: Upload
        do { upload = try req.content.decode(Upload.self) } catch {
            throw UserFacingError(status: .badRequest, code: "invalid_form", reason: req.language.t("Η φόρμα δεν στάλθηκε σωστά· επιλέξτε αρχείο και δοκιμάστε ξανά.", "The form was not sent correctly."))
        }
        guard let kind = ImportReport.Kind(rawValue: upload.kind ?? "") else {
            throw UserFacingError(status: .badRequest, code: "invalid_kind", reason: req.language.t("Επιλέξτε τι εισάγετε: δράσεις ή δείκτες.", "Choose what you import: actions or indicators."))
        }
        let apply = upload.mode == "apply"
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        let user = req.user!
        let report = ProgrammeImport.run(kind, data, into: loaded.programme, reference: loaded.reference,
                                         by: user.name, at: req.now, today: req.today)
        let context = PageContext(req)
        let page = { (applied: Bool) in
            ImportPage(context: context, loaded: loaded, kind: kind, fileName: upload.file?.filename, report: report, applied: applied).render()
        }
        guard report.isAccepted else { return Respond.html(page(false), status: .unprocessableEntity) }
        guard apply else { return Respond.html(page(false)) }
        guard report.changesAnything else {
            return Respond.redirect(req, to: SiteURL.importData(loaded.id).path,
                                      flash: req.language.t("Το αρχείο δεν αλλάζει τίποτα· όλες οι γραμμές είναι ίδιες με το πρόγραμμα.", "The file changes nothing."))
        }
        let imported = report.programme
        guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { $0 = imported }) else {
            throw UserFacingError(status: .conflict, code: "conflict",
                                  reason: req.language.t("Το πρόγραμμα άλλαξε από άλλον χρήστη στο μεταξύ· δεν εισήχθη τίποτα. Κάντε ξανά τη δοκιμή.",
                                                         "The programme changed meanwhile; nothing was imported. Run the dry run again."))
        }
        return Respond.redirect(req, to: SiteURL.documents(loaded.id).path,
                                  flash: req.language.t("Εισαγωγή (\(kind.greek.lowercased())): \(report.summary(.el)).", "Imported: \(report.summary(.en))."))
    }
}
