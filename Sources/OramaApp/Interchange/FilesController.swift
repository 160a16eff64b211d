import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

/// The files a programme produces: the official documents (DOCX, print HTML), spreadsheets
/// (XLSX, CSV), the open-data ZIP and the calendar feed. Drafts only for the municipality's
/// users, like every page.
enum FileExport {
    enum Format: String, CaseIterable {
        case docx
        case html
    }

    static let docxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
    static let xlsxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    static let csvType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
    static let icsType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
    static let zipType = HTTPMediaType(type: "application", subType: "zip")

    /// A document as bytes in a format: what the route, `orama export` and the benchmark share.
    static func document(_ kind: ProgrammeDocuments.Kind, _ format: Format, _ p: Programme, _ r: ReferenceData, year: Int?,
                         approved: AnnualProgramme? = nil) throws -> Data {
        let document = ProgrammeDocuments.build(kind, p, reference: r, year: year, approved: approved)
        switch format {
        case .docx: return try DocxWriter.data(document)
        case .html: return Data(PrintHTML.render(document).utf8)
        }
    }

    /// The year a yearly document is of when none is asked: this year for the annual
    /// programme, last year for the evaluation, within the programme's period.
    static func defaultYear(_ kind: ProgrammeDocuments.Kind, _ p: Programme, today: CalendarDate) -> Int {
        p.yearNearest(kind == .evaluation ? today.year - 1 : today.year)
    }

    static func download(_ data: Data, type: HTTPMediaType, fileName: String, public isPublic: Bool) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: isPublic ? "public, max-age=60" : "private, no-store")
        return response
    }

    static func spreadsheet(_ name: String, _ p: Programme, _ r: ReferenceData) throws -> (Data, HTTPMediaType)? {
        switch name {
        case "actions.xlsx": (try XLSXWriter.data(Workbook(sheets: [ProgrammeSheets.actionsSheet(p, r)])), xlsxType)
        case "actions.csv": (CSVWriter.data(ProgrammeSheets.actionsSheet(p, r)), csvType)
        case "indicators.xlsx": (try XLSXWriter.data(Workbook(sheets: [ProgrammeSheets.indicatorsSheet(p, r)])), xlsxType)
        case "indicators.csv": (CSVWriter.data(ProgrammeSheets.indicatorsSheet(p, r)), csvType)
        case "finance.xlsx": (try XLSXWriter.data(ProgrammeSheets.financeWorkbook(p, r)), xlsxType)
        default: nil
        }
    }

    static let spreadsheetFiles = ["actions.xlsx", "actions.csv", "indicators.xlsx", "indicators.csv", "finance.xlsx"]
}

enum FilesController {
    @Sendable static func index(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        return Workspace.html(DocumentsPage(context: PageContext(req), loaded: loaded, canImport: req.access.canEditPlan(loaded.summary)).render())
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let text = req.parameters.get("document") ?? ""
        guard let kind = ProgrammeDocuments.Kind(rawValue: text) else {
            throw UserFacingError(status: .notFound, code: "not_found",
                                  reason: req.language.t("Άγνωστο έγγραφο «\(text.prefix(30))»· υπάρχουν: phase-a, phase-b, annual, evaluation.",
                                                         "Unknown document “\(text.prefix(30))”; there are: phase-a, phase-b, annual, evaluation."))
        }
        let formatText = req.query[String.self, at: "format"] ?? "docx"
        guard let format = FileExport.Format(rawValue: formatText) else {
            throw UserFacingError(status: .badRequest, code: "invalid_format", reason: req.language.t("Η μορφή είναι docx ή html.", "The format is docx or html."))
        }
        let loaded = try await Workspace.load(req)
        let p = loaded.programme
        var year: Int? = nil
        if kind.needsYear {
            if let yearText = req.query[String.self, at: "year"] {
                guard let y = Int(yearText), p.years.contains(y) else {
                    throw UserFacingError(status: .badRequest, code: "invalid_year",
                                          reason: req.language.t("Το έτος πρέπει να ανήκει στην περίοδο \(p.startYear)–\(p.endYear).", "The year must be within \(p.startYear)–\(p.endYear)."))
                }
                year = y
            } else {
                year = FileExport.defaultYear(kind, p, today: PlanningController.today())
            }
        }
        // The annual programme of a year the council approved is the approved (frozen) one.
        let approved = kind == .annual ? try await AnnualApprovals(db: req.db).find(programmeID: p.id, year: year ?? p.startYear)?.programme : nil
        let data = try FileExport.document(kind, format, p, loaded.reference, year: year, approved: approved)
        switch format {
        case .docx:
            return FileExport.download(data, type: FileExport.docxType, fileName: kind.fileName(p, year: year) + ".docx", public: loaded.summary.status.isPublic)
        case .html:
            let response = Response(status: .ok, body: .init(data: data))
            response.headers.contentType = .html
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
            // A standalone page with its own styles; it runs nothing and loads nothing.
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
            return response
        }
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let name = req.parameters.get("file") ?? ""
        guard FileExport.spreadsheetFiles.contains(name) else {
            throw UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Δεν υπάρχει αρχείο «\(name.prefix(40))».", "There is no file “\(name.prefix(40))”."))
        }
        let loaded = try await Workspace.load(req)
        guard let (data, type) = try FileExport.spreadsheet(name, loaded.programme, loaded.reference) else { throw Abort(.notFound) }
        let base = name.replacingOccurrences(of: ".", with: "-\(loaded.programme.startYear)-\(loaded.programme.endYear).")
        return FileExport.download(data, type: type, fileName: base, public: loaded.summary.status.isPublic)
    }

    @Sendable static func openData(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        guard loaded.summary.status.isPublic else {
            throw UserFacingError(status: .notFound, code: "not_published",
                                  reason: req.language.t("Τα ανοιχτά δεδομένα διατίθενται μόνο για δημοσιευμένα προγράμματα.", "Open data is available for published programmes only."))
        }
        let json = try JSONCoding.encoder.encode(ProgrammeDTO(loaded.programme, reference: loaded.reference))
        let data = try OpenData.package(loaded.programme, reference: loaded.reference, programmeJSON: json)
        return FileExport.download(data, type: FileExport.zipType, fileName: "open-data-\(loaded.programme.startYear)-\(loaded.programme.endYear).zip", public: true)
    }

    @Sendable static func calendar(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        let text = ICalendar.feed(loaded.programme, reference: loaded.reference, stamp: Date())
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = FileExport.icsType
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"programme.ics\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: loaded.summary.status.isPublic ? "public, max-age=300" : "private, no-store")
        return response
    }
}

struct DocumentsPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var canImport: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Έγγραφα και αρχεία", "Documents and files")
        let today = PlanningController.today()
        func documentRow(_ kind: ProgrammeDocuments.Kind) -> Node<HTML.TableContext> {
            let year = kind.needsYear ? FileExport.defaultYear(kind, p, today: today) : nil
            return .tr(.th(.attribute(named: "scope", value: "row"), .text(kind.greek + (year.map { " \($0)" } ?? ""))),
                       .td(.a(.class("button"), .href(SiteURL.document(p.id, kind: kind.rawValue, format: "docx", year: year).path), .text("DOCX (Word)"))),
                       .td(.a(.class("button secondary"), .href(SiteURL.document(p.id, kind: kind.rawValue, format: "html", year: year).path), .text(c.t("Για εκτύπωση (HTML)", "Print (HTML)")))),
                       .td(.if(kind.needsYear, .group(.forEach(Array(p.years)) { y in
                           .a(.href(SiteURL.document(p.id, kind: kind.rawValue, format: "docx", year: y).path), .text("\(y) "))
                       }))))
        }
        let files: [(String, String)] = [
            ("actions.xlsx", c.t("Δράσεις (XLSX)", "Actions (XLSX)")), ("actions.csv", c.t("Δράσεις (CSV)", "Actions (CSV)")),
            ("indicators.xlsx", c.t("Δείκτες με στόχους και τιμές (XLSX)", "Indicators with targets and values (XLSX)")),
            ("indicators.csv", c.t("Δείκτες (CSV)", "Indicators (CSV)")), ("finance.xlsx", c.t("Οικονομικοί πίνακες (XLSX)", "Financial tables (XLSX)")),
        ]
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .h2(.text(c.t("Επίσημα έγγραφα (ΥΑ 41179/2014)", "Official documents"))),
            .table(.class("list"),
                   .thead(.tr(.th(.text(c.t("Έγγραφο", "Document"))), .th(.text("Word")), .th(.text(c.t("Εκτύπωση", "Print"))), .th(.text(c.t("Άλλα έτη (DOCX)", "Other years (DOCX)"))))),
                   .tbody(.forEach(ProgrammeDocuments.Kind.allCases) { documentRow($0) })),
            .h2(.text(c.t("Υπολογιστικά φύλλα", "Spreadsheets"))),
            .ul(.forEach(files) { file in .li(.a(.href(SiteURL.export(p.id, file: file.0).path), .text(file.1))) }),
            .p(.class("hint"), .text(c.t("Τα CSV είναι σε UTF-8 με «;» και υποδιαστολή «,», ώστε να ανοίγουν σωστά στο ελληνικό Excel.",
                                         "CSV files are UTF-8 with “;” and decimal comma, for Greek Excel."))),
            .if(canImport, .p(.a(.class("button"), .href(SiteURL.importData(p.id).path), .text(c.t("Εισαγωγή δράσεων ή δεικτών από αρχείο", "Import actions or indicators from a file"))))),
            .h2(.text(c.t("Ανοιχτά δεδομένα και ημερολόγιο", "Open data and calendar"))),
            .ul(
                .if(loaded.summary.status.isPublic, .li(.a(.href(SiteURL.openData(p.id).path), .text(c.t("Ανοιχτά δεδομένα (ZIP με CSV, JSON και περιγραφή)", "Open data (ZIP of CSV, JSON and a README)"))))),
                .li(.a(.href(SiteURL.calendar(p.id).path), .text(c.t("Ημερολόγιο (iCalendar): ορόσημα, προθεσμίες αναφορών, διαβούλευση, δημοτικό συμβούλιο",
                                                                    "Calendar (iCalendar): milestones, reporting deadlines, consultation, council")))),
                .li(.a(.href(SiteURL.apiProgramme(p.id).path), .text(c.t("Το πρόγραμμα σε JSON (API)", "The programme as JSON (API)")))),
                .li(.a(.href(SiteURL.openAPI.path), .text(c.t("Περιγραφή του API (OpenAPI 3.1)", "API description (OpenAPI 3.1)"))))
            )
        ))
    }
}
