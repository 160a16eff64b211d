import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

enum FilesController {
    @Sendable static func index(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        return Respond.html(DocumentsPage(context: PageContext(req), loaded: loaded, canImport: req.access.canEditPlan(loaded.summary)).render())
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let text = req.parameters.get("document") ?? ""
        guard let kind = ProgrammeDocuments.Kind(rawValue: text) else {
            throw UserFacingError(status: .notFound, code: "not_found",
                                  reason: req.language.t("Άγνωστο έγγραφο «\(text.prefix(30))»· υπάρχουν: phase-a, phase-b, annual, evaluation.",
                                                         "Unknown document “\(text.prefix(30))”; there are: phase-a, phase-b, annual, evaluation."))
        }
        let formatText = req.query[String.self, at: "format"] ?? "docx"
        guard let format = ProgrammeFiles.DocumentFormat(rawValue: formatText) else {
            throw UserFacingError(status: .badRequest, code: "invalid_format", reason: req.language.t("Η μορφή είναι docx ή html.", "The format is docx or html."))
        }
        let loaded = try await ProgrammeContext.load(req)
        let p = loaded.programme
        let year = kind.needsYear ? try req.programmeYear(in: p, fallback: ProgrammeFiles.defaultYear(kind, p, today: req.today)) : nil
        // The annual programme of a year the council approved is the approved (frozen) one.
        let approved = kind == .annual ? try await req.repositories.annualApprovals.find(programmeID: p.id, year: year ?? p.startYear)?.programme : nil
        let data = try ProgrammeFiles.document(kind, format, p, loaded.reference, year: year, approved: approved)
        switch format {
        case .docx:
            return Download.file(data, mediaType: format.mediaType, fileName: kind.fileName(p, year: year) + ".docx", public: loaded.summary.status.isPublic)
        case .html:
            return Respond.printHTML(String(decoding: data, as: UTF8.self))
        }
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let name = req.parameters.get("file") ?? ""
        guard ProgrammeFiles.spreadsheetFiles.contains(name) else {
            throw UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Δεν υπάρχει αρχείο «\(name.prefix(40))».", "There is no file “\(name.prefix(40))”."))
        }
        let loaded = try await ProgrammeContext.load(req)
        guard let (data, type) = try ProgrammeFiles.spreadsheet(name, loaded.programme, loaded.reference) else { throw Abort(.notFound) }
        let base = name.replacingOccurrences(of: ".", with: "-\(loaded.programme.startYear)-\(loaded.programme.endYear).")
        return Download.file(data, mediaType: type, fileName: base, public: loaded.summary.status.isPublic)
    }

    @Sendable static func openData(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        guard loaded.summary.status.isPublic else {
            throw UserFacingError(status: .notFound, code: "not_published",
                                  reason: req.language.t("Τα ανοιχτά δεδομένα διατίθενται μόνο για δημοσιευμένα προγράμματα.", "Open data is available for published programmes only."))
        }
        let json = try JSONCoding.encoder.encode(ProgrammeDTO(loaded.programme, reference: loaded.reference))
        let data = try OpenData.package(loaded.programme, reference: loaded.reference, programmeJSON: json)
        return Download.file(data, mediaType: ProgrammeFiles.zipType, fileName: "open-data-\(loaded.programme.startYear)-\(loaded.programme.endYear).zip", public: true)
    }

    @Sendable static func calendar(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let text = ICalendar.feed(loaded.programme, reference: loaded.reference, stamp: req.now)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: ProgrammeFiles.icsType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"programme.ics\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: loaded.summary.status.isPublic ? "public, max-age=300" : "private, no-store")
        return response
    }
}
