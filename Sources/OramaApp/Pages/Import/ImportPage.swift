import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

extension ImportReport {
    /// «2 νέες εγγραφές, 1 ενημέρωση, 119 χωρίς αλλαγή».
    func summary(_ l: Language) -> String {
        [Plural.count(count(.create), ("νέα εγγραφή", "νέες εγγραφές"), ("new record", "new records"), l),
         Plural.count(count(.update), ("ενημέρωση", "ενημερώσεις"), ("update", "updates"), l),
         l.t("\(count(.unchanged)) χωρίς αλλαγή", "\(count(.unchanged)) unchanged")].joined(separator: ", ")
    }
}

struct ImportPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var kind: ImportReport.Kind
    var fileName: String?
    var report: ImportReport?
    var applied: Bool
    /// The office's table that could not be read, with why.
    var office: OfficeRefusal? = nil

    struct OfficeRefusal {
        var fileName: String
        var problems: [ImportProblem]
    }

    func render() -> String {
        let c = context
        let p = loaded.programme
        let title = c.t("Εισαγωγή από αρχείο", "Import from a file")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            officeTable(),
            .h2(.text(c.t("Αρχείο εξαγωγής του Orama", "Orama's own export file"))),
            .p(.text(c.t("Δράσεις ή δείκτες (με στόχους και τιμές) από CSV ή XLSX, με τις στήλες του αρχείου εξαγωγής· ελληνικές επικεφαλίδες ή τα αγγλικά τους ονόματα. Οι γραμμές ταυτίζονται με το «Αναγνωριστικό» ή τον «Κωδικό»· στήλες που λείπουν μένουν ως έχουν.",
                         "Actions or indicators from CSV or XLSX, with the columns of the export file. Rows match by id or code; missing columns stay as they are."))),
            .p(.text(c.t("Κατεβάστε πρώτα το ", "Start from ")), .a(.href(SiteURL.export(p.id, file: "actions.xlsx").path), .text(c.t("αρχείο δράσεων", "the actions file"))),
               .text(c.t(" ή το ", " or ")), .a(.href(SiteURL.export(p.id, file: "indicators.xlsx").path), .text(c.t("αρχείο δεικτών", "the indicators file"))),
               .text(c.t(", συμπληρώστε το και φορτώστε το εδώ.", ", fill it in and upload it here."))),
            .if(report != nil, result()),
            .form(.method(.post), .action(SiteURL.importData(p.id).path), .enctype(.multipartData), .class("narrow"),
                  c.csrfField,
                  FormField.select("kind", c.t("Τι εισάγετε", "What you import"), ImportReport.Kind.allCases.map { ($0.rawValue, $0.greek) }, selected: kind.rawValue, errors: FieldErrors()),
                  .div(.class("field"), .label(.for("f-file"), .text(c.t("Αρχείο (CSV ή XLSX, έως 10 MB)", "File (CSV or XLSX, up to 10 MB)"))),
                       .input(.type(.file), .id("f-file"), .name("file"), .required(true), .attribute(named: "accept", value: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
                  .p(.class("hint"), .text(c.t("UTF-8 (με ή χωρίς BOM) ή Windows-1253· διαχωριστικό «;» ή «,»· αριθμοί όπως 1.234,56 και ημερομηνίες όπως 31/12/2025.",
                                               "UTF-8 (with or without BOM) or Windows-1253; “;” or “,”; numbers like 1.234,56 and dates like 31/12/2025."))),
                  .div(.class("actions"),
                       .button(.type(.submit), .name("mode"), .value("dry-run"), .class("secondary"), .text(c.t("Δοκιμή (χωρίς αποθήκευση)", "Dry run (nothing saved)"))),
                       .button(.type(.submit), .name("mode"), .value("apply"), .class("primary"), .text(c.t("Εισαγωγή", "Import")))))
        ))
    }

    /// The wizard's first step: the office's own table, any shape.
    func officeTable() -> Node<HTML.BodyContext> {
        let c = context
        let p = loaded.programme
        return .section(.id("office-table"),
            .h2(.text(c.t("Ο πίνακας του γραφείου σας", "Your office's own table"))),
            .p(.text(c.t("Το Σχέδιο Δράσης όπως το κρατά η υπηρεσία, σε CSV ή XLSX, με τις δικές της στήλες: άξονες, μέτρα και στόχοι με το όνομά τους, υπηρεσίες, περιοχές, πηγές και ένα ποσό ανά έτος. Τέσσερα βήματα: αρχείο → στήλες → τιμές → προεπισκόπηση· τίποτα δεν αποθηκεύεται πριν από την «Εισαγωγή».",
                         "The action plan as the service keeps it, in CSV or XLSX, with its own columns. Four steps: file → columns → values → preview; nothing is saved before “Import”."))),
            .unwrap(office) { refusal in
                .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("office-problems"),
                     .p(.text(c.t("Το αρχείο «\(refusal.fileName)» δεν διαβάστηκε· δεν άλλαξε τίποτα:", "The file could not be read; nothing changed:"))),
                     .ul(.forEach(refusal.problems.prefix(50)) { .li(.text($0.description)) }))
            },
            .form(.method(.post), .action(SiteURL.officeImport(p.id, upload: nil, step: nil).path), .enctype(.multipartData), .class("narrow"),
                  c.csrfField, .input(.type(.hidden), .name("step"), .value("file")),
                  .div(.class("field"), .label(.for("f-office-file"), .text(c.t("Αρχείο (CSV ή XLSX, έως 10 MB)", "File (CSV or XLSX, up to 10 MB)"))),
                       .input(.type(.file), .id("f-office-file"), .name("file"), .required(true), .attribute(named: "accept", value: ".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
                  FormField.text("sheet", c.t("Φύλλο (προαιρετικά, για XLSX)", "Sheet (optional, for XLSX)"), "", errors: FieldErrors(),
                                 hint: c.t("Κενό: το πρώτο φύλλο με πίνακα. Μπορείτε να το αλλάξετε στο επόμενο βήμα.", "Empty: the first sheet with a table.")),
                  .p(.class("hint"), .text(c.t("UTF-8, Windows-1253 ή ISO-8859-7· διαχωριστικό «;», «,» ή tab· γραμμές τίτλων πάνω από την επικεφαλίδα, επικεφαλίδα σε δύο γραμμές και γραμμές συνόλων αναγνωρίζονται.",
                                               "UTF-8, Windows-1253 or ISO-8859-7; “;”, “,” or tab; title rows, two-row headers and totals rows are recognised."))),
                  .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(c.t("Συνέχεια: οι στήλες", "Continue: the columns"))))))
    }

    func result() -> Node<HTML.BodyContext> {
        guard let report else { return .empty }
        let c = context
        if !report.isAccepted {
            return .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("import-problems"),
                        .p(.text(c.t("Το αρχείο «\(fileName ?? "")» δεν μπορεί να εισαχθεί· δεν άλλαξε τίποτα. Διορθώστε τα εξής (\(report.problems.count)) και δοκιμάστε ξανά:",
                                     "The file cannot be imported; nothing changed. Fix the following (\(report.problems.count)) and try again:"))),
                        .ul(.forEach(report.problems.prefix(200)) { .li(.text($0.description)) }),
                        .if(report.problems.count > 200, .p(.text(c.t("… και άλλα \(report.problems.count - 200).", "… and \(report.problems.count - 200) more.")))))
        }
        return .section(.class("import-report"), .id("import-report"),
            .h2(.text(c.t("Δοκιμή: τι θα γίνει", "Dry run: what would happen"))),
            .p(.text(c.t("\(report.summary(.el)), καμία απόρριψη. Δεν αποθηκεύτηκε τίποτα ακόμη.", "\(report.summary(.en)), none refused. Nothing has been saved yet."))),
            .unwrap(report.encoding) { encoding in .p(.class("hint"), .text(c.t("Κωδικοποίηση του αρχείου: \(encoding.greek).", "File encoding: \(encoding.rawValue).")) ) },
            .table(.class("list"),
                   .thead(.tr(.th(.text(c.t("Γραμμή", "Row"))), .th(.text(c.t("Κωδικός", "Code"))), .th(.text(c.t("Τίτλος", "Title"))), .th(.text(c.t("Ενέργεια", "Operation"))),
                              .th(.text(c.t("Στήλες που αλλάζουν", "Columns that change"))))),
                   .tbody(.forEach(report.changes.filter { $0.operation != .unchanged }.prefix(500)) { change in
                       .tr(.td(.text(String(change.row))), .td(.text(change.code)), .td(.text(change.title)), .td(.text(change.operation.greek)),
                           .td(.text(change.columns.joined(separator: ", "))))
                   })))
    }
}
