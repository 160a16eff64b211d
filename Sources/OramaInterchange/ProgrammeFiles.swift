import Foundation
import OramaDomain

/// The files a programme produces, as bytes with their media type: the official documents
/// (DOCX, print HTML) and the spreadsheets (XLSX, CSV). What the web's downloads,
/// `orama export` and the benchmark share.
public enum ProgrammeFiles {
    public enum DocumentFormat: String, Sendable, CaseIterable {
        case docx
        case html

        public var mediaType: String {
            switch self {
            case .docx: ProgrammeFiles.docxType
            case .html: "text/html; charset=utf-8"
            }
        }
    }

    public static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    public static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    public static let csvType = "text/csv; charset=utf-8"
    public static let icsType = "text/calendar; charset=utf-8"
    public static let zipType = "application/zip"

    /// A document as bytes in a format.
    public static func document(_ kind: ProgrammeDocuments.Kind, _ format: DocumentFormat, _ p: Programme, _ r: ReferenceData, year: Int?,
                                approved: AnnualProgramme? = nil) throws -> Data {
        let document = ProgrammeDocuments.build(kind, p, reference: r, year: year, approved: approved)
        switch format {
        case .docx: return try DocxWriter.data(document)
        case .html: return Data(PrintHTML.render(document).utf8)
        }
    }

    /// The year a yearly document is of when none is asked: this year for the annual
    /// programme, last year for the evaluation, within the programme's period.
    public static func defaultYear(_ kind: ProgrammeDocuments.Kind, _ p: Programme, today: CalendarDate) -> Int {
        p.yearNearest(kind == .evaluation ? today.year - 1 : today.year)
    }

    public static let spreadsheetFiles = ["actions.xlsx", "actions.csv", "indicators.xlsx", "indicators.csv", "finance.xlsx"]

    /// A spreadsheet by its file name (one of `spreadsheetFiles`), with its media type.
    public static func spreadsheet(_ name: String, _ p: Programme, _ r: ReferenceData) throws -> (data: Data, mediaType: String)? {
        switch name {
        case "actions.xlsx": (try XLSXWriter.data(Workbook(sheets: [ProgrammeSheets.actionsSheet(p, r)])), xlsxType)
        case "actions.csv": (CSVWriter.data(ProgrammeSheets.actionsSheet(p, r)), csvType)
        case "indicators.xlsx": (try XLSXWriter.data(Workbook(sheets: [ProgrammeSheets.indicatorsSheet(p, r)])), xlsxType)
        case "indicators.csv": (CSVWriter.data(ProgrammeSheets.indicatorsSheet(p, r)), csvType)
        case "finance.xlsx": (try XLSXWriter.data(ProgrammeSheets.financeWorkbook(p, r)), xlsxType)
        default: nil
        }
    }
}
