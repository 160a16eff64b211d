import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

struct DocumentsPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var canImport: Bool

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Έγγραφα και αρχεία", "Documents and files")
        let today = c.today
        func documentRow(_ kind: ProgrammeDocuments.Kind) -> Node<HTML.TableContext> {
            let year = kind.needsYear ? ProgrammeFiles.defaultYear(kind, p, today: today) : nil
            return .tr(.th(.attribute(named: "scope", value: "row"), .text(kind.label(c.language) + (year.map { " \($0)" } ?? ""))),
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
            Wide.region(c.t("Πίνακας εγγράφων", "Documents"), .table(.class("list"),
                   .thead(.tr(.th(.text(c.t("Έγγραφο", "Document"))), .th(.text("Word")), .th(.text(c.t("Εκτύπωση", "Print"))), .th(.text(c.t("Άλλα έτη (DOCX)", "Other years (DOCX)"))))),
                   .tbody(.forEach(ProgrammeDocuments.Kind.allCases) { documentRow($0) }))),
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
