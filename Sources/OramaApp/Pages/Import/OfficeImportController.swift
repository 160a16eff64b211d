import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// The wizard for an office's own table: file → columns → values → preview → import. Works
/// without JavaScript: every step is a form, and the file stays on the server between steps
/// (with the sheet and the mapping chosen so far) for a day. Nothing reaches the programme
/// before the last step, which is one transaction checked against the programme's change
/// counter the preview was computed on.
enum OfficeImportController {
    enum Step: String, CaseIterable, Sendable {
        case columns, values, preview
    }

    struct FileForm: Content {
        var file: File?
        var sheet: String?
    }

    @Sendable static func step(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        guard req.query[String.self, at: "upload"] != nil else { return req.redirect(to: SiteURL.importData(loaded.id).path) }
        let upload = try await Self.upload(req, loaded)
        let step = Step(rawValue: req.query[String.self, at: "step"] ?? "") ?? .columns
        let prepared = try await prepare(req, loaded, upload)
        return Respond.html(OfficeImportPage(context: PageContext(req), loaded: loaded, upload: upload, prepared: prepared, step: step).render(),
                            status: step == .preview && !prepared.plan.isAccepted ? .unprocessableEntity : .ok)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let l = req.language
        let step = (try? req.content.get(String.self, at: "step")) ?? ""
        if step == "file" { return try await receive(req, loaded) }
        let upload = try await Self.upload(req, loaded, from: try? req.content.get(String.self, at: "upload"))
        let store = req.repositories.officeImports
        func go(_ next: Step) -> Response { req.redirect(to: SiteURL.officeImport(loaded.id, upload: upload.id, step: next.rawValue).path) }
        switch step {
        case "cancel":
            try await store.discard(upload.id)
            return Respond.redirect(req, to: SiteURL.importData(loaded.id).path, flash: l.t("Η εισαγωγή ακυρώθηκε· δεν αποθηκεύτηκε τίποτα.", "The import was cancelled; nothing was saved."))

        case "columns":
            // Another sheet: its own header, its own proposal.
            if let sheet = (try? req.content.get(String.self, at: "sheet")).flatMap(nonEmpty), sheet != upload.sheet {
                let service = OfficeImportService(repositories: req.repositories)
                guard case .success(let fresh) = try await service.prepare(upload.data, sheet: sheet, mapping: .auto, defaultSource: nil, into: loaded) else {
                    throw UserFacingError(status: .unprocessableEntity, code: "invalid_sheet",
                                          reason: l.t("Το φύλλο «\(sheet.prefix(80))» δεν έχει πίνακα με επικεφαλίδα.", "The sheet has no table with a header."))
                }
                try await store.update(upload.id, sheet: fresh.table.sheet, mapping: fresh.mapping)
                return go(.columns)
            }
            var prepared = try await prepare(req, loaded, upload)
            for (i, column) in prepared.table.columns.enumerated() {
                let code = (try? req.content.get(String.self, at: "field-\(i)")) ?? prepared.mapping.field(i).code
                guard let field = OfficeField(code: code) else {
                    throw UserFacingError(status: .badRequest, code: "invalid_field",
                                          reason: l.t("Άγνωστο πεδίο «\(code.prefix(40))» για τη στήλη «\(column.name.prefix(80))».", "Unknown field for the column."))
                }
                if i < prepared.mapping.columns.count { prepared.mapping.columns[i].field = field }
            }
            prepared.mapping.defaultSource = (try? req.content.get(String.self, at: "defaultSource")).flatMap(nonEmpty).map { String($0.prefix(200)) }
            try await store.update(upload.id, sheet: upload.sheet, mapping: prepared.mapping)
            return go(.values)

        case "values":
            var prepared = try await prepare(req, loaded, upload)
            let values = OfficeImport.values(prepared.table, mapping: prepared.mapping, reference: loaded.reference)
            let byKey = Dictionary(values.map { (OfficeValueChoice(kind: $0.kind, text: $0.text, target: "").key, $0) }, uniquingKeysWith: { a, _ in a })
            for i in 0..<min(values.count, 5_000) {
                guard let key = try? req.content.get(String.self, at: "value-\(i)"), let value = byKey[key],
                      let target = try? req.content.get(String.self, at: "target-\(i)") else { continue }
                if target.isEmpty { continue }
                guard OfficeValues.options(value.kind, reference: loaded.reference).contains(where: { $0.target == target }) else {
                    throw UserFacingError(status: .badRequest, code: "invalid_value",
                                          reason: l.t("Η επιλογή για την τιμή «\(value.text.prefix(80))» δεν είναι μία από τις διαθέσιμες.", "The choice is not one of the options."))
                }
                prepared.mapping.choose(value.kind, value.text, target)
            }
            try await store.update(upload.id, sheet: upload.sheet, mapping: prepared.mapping)
            return go(.preview)

        case "import":
            let prepared = try await prepare(req, loaded, upload)
            let context = PageContext(req)
            guard prepared.plan.isAccepted else {
                return Respond.html(OfficeImportPage(context: context, loaded: loaded, upload: upload, prepared: prepared, step: .preview).render(), status: .unprocessableEntity)
            }
            // The preview the user read was of the programme at this counter.
            let seen = (try? req.content.get(String.self, at: "counter")).flatMap { Int64($0) }
            let service = OfficeImportService(repositories: req.repositories)
            var conflicted = seen != loaded.programme.changeCounter
            if !conflicted {
                do { try await service.apply(prepared, into: loaded, actor: req.user!.actor, at: req.now) } catch StorageError.conflict { conflicted = true }
            }
            if conflicted {
                return Respond.html(OfficeImportPage(context: context, loaded: loaded, upload: upload, prepared: prepared, step: .preview,
                                                     notice: l.t("Το πρόγραμμα άλλαξε από άλλον χρήστη μετά την προεπισκόπηση· δεν εισήχθη τίποτα. Η προεπισκόπηση ενημερώθηκε· ελέγξτε την και πατήστε ξανά «Εισαγωγή».",
                                                                 "The programme changed after the preview; nothing was imported. Check the updated preview and import again.")).render(),
                                    status: .conflict)
            }
            try await store.discard(upload.id)
            let plan = prepared.plan
            return Respond.redirect(req, to: SiteURL.documents(loaded.id).path,
                                    flash: l.t("Εισαγωγή από «\(upload.fileName)»: \(GreekText.count(plan.created, "δράση", "δράσεις")), \(GreekText.count(plan.newRecordCount, "νέα εγγραφή", "νέες εγγραφές")) στα στοιχεία του Δήμου. Η αντιστοίχιση αποθηκεύτηκε για τον επόμενο πίνακα αυτής της μορφής.",
                                               "Imported from “\(upload.fileName)”: \(plan.created) actions, \(plan.newRecordCount) new reference records. The mapping was saved."))

        default:
            throw UserFacingError(status: .badRequest, code: "invalid_step", reason: l.t("Άγνωστο βήμα της εισαγωγής.", "Unknown import step."))
        }
    }

    /// Step one: the file. A file that cannot be read is shown on the import page with its
    /// problems; one that can is kept, with the mapping saved for its shape (then straight to
    /// the preview) or the one proposed from its header.
    static func receive(_ req: Request, _ loaded: LoadedProgramme) async throws -> Response {
        let l = req.language
        let form: FileForm
        do { form = try req.content.decode(FileForm.self) } catch {
            throw UserFacingError(status: .badRequest, code: "invalid_form", reason: l.t("Η φόρμα δεν στάλθηκε σωστά· επιλέξτε αρχείο και δοκιμάστε ξανά.", "The form was not sent correctly."))
        }
        let data = form.file.map { Data(buffer: $0.data) } ?? Data()
        let fileName = form.file?.filename ?? ""
        let context = PageContext(req)
        func refuse(_ problems: [ImportProblem]) -> Response {
            Respond.html(ImportPage(context: context, loaded: loaded, kind: .actions, fileName: nil, report: nil, applied: false,
                                    office: .init(fileName: fileName, problems: problems)).render(), status: .unprocessableEntity)
        }
        guard !data.isEmpty else { return refuse([ImportProblem(row: nil, column: nil, message: l.t("Επιλέξτε το αρχείο (CSV ή XLSX).", "Choose the file (CSV or XLSX)."))]) }
        let service = OfficeImportService(repositories: req.repositories)
        let sheet = form.sheet.flatMap(nonEmpty)
        var next = Step.columns
        var flash: String?
        var prepared: OfficeImportService.Prepared
        switch try await service.prepare(data, sheet: sheet, mapping: .saved, defaultSource: nil, into: loaded) {
        case .success(let saved):
            prepared = saved
            next = .preview
            flash = l.t("Βρέθηκε η αντιστοίχιση που αποθηκεύσατε για πίνακα με αυτές τις στήλες· ελέγξτε την προεπισκόπηση ή αλλάξτε τις στήλες και τις τιμές.",
                        "The mapping saved for a table with these columns was used; check the preview.")
        case .failure:
            switch try await service.prepare(data, sheet: sheet, mapping: .auto, defaultSource: nil, into: loaded) {
            case .failure(let problems): return refuse(problems.problems)
            case .success(let proposed): prepared = proposed
            }
        }
        let store = req.repositories.officeImports
        let id = try await store.keep(data, fileName: fileName, programmeID: loaded.id, userID: req.user!.id, at: req.now)
        try await store.update(id, sheet: prepared.table.sheet, mapping: prepared.mapping)
        return Respond.redirect(req, to: SiteURL.officeImport(loaded.id, upload: id, step: next.rawValue).path, flash: flash)
    }

    /// The upload the request names, of this user and programme; 404 otherwise (uploads last a day).
    static func upload(_ req: Request, _ loaded: LoadedProgramme, from text: String? = nil) async throws -> OfficeImportStore.Upload {
        let l = req.language
        let text = text ?? req.query[String.self, at: "upload"] ?? ""
        guard let id = UUID(uuidString: text),
              let upload = try await req.repositories.officeImports.upload(id, programmeID: loaded.id, userID: req.user!.id) else {
            throw UserFacingError(status: .notFound, code: "upload_not_found",
                                  reason: l.t("Το αρχείο αυτής της εισαγωγής δεν βρέθηκε (κρατείται μία ημέρα)· φορτώστε το ξανά από τη σελίδα «Εισαγωγή».",
                                              "The file of this import was not found (files are kept for a day); upload it again."))
        }
        return upload
    }

    /// The plan for an upload with the mapping its steps left.
    static func prepare(_ req: Request, _ loaded: LoadedProgramme, _ upload: OfficeImportStore.Upload) async throws -> OfficeImportService.Prepared {
        let service = OfficeImportService(repositories: req.repositories)
        switch try await service.prepare(upload.data, sheet: upload.sheet, mapping: upload.mapping.map { .given($0) } ?? .auto, defaultSource: nil, into: loaded) {
        case .success(let prepared): return prepared
        case .failure(let problems):
            throw UserFacingError(status: .unprocessableEntity, code: "unreadable_upload", reason: problems.problems.map(\.description).joined(separator: " "))
        }
    }

    static func nonEmpty(_ text: String) -> String? {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return clean.isEmpty ? nil : clean
    }
}
