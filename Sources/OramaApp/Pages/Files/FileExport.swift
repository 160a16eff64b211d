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
