import Foundation
import OramaDomain
import Plot
import Vapor

struct DeletePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var level: TreeLevel
    var id: UUID
    var title: String
    var blocked: String?

    func render() -> String {
        let c = context
        let p = loaded.programme
        let code = p.code(of: level, id) ?? ""
        let heading = c.t("Διαγραφή: \(level.label(c.language)) \(code)", "Delete \(level.label(c.language)) \(code)")
        return Layout(title: heading, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(heading)),
            .p(.strong(.text(title))),
            .unwrap(blocked, { reason in
                .group(.p(.class("error"), .attribute(named: "role", value: "alert"), .text(reason)),
                       .p(.a(.href(SiteURL.programme(p.id).path), .text(c.t("Επιστροφή στο πρόγραμμα", "Back to the programme")))))
            }, else: .form(.method(.post), .action(SiteURL.deleteNode(p.id, level: level.rawValue, id: id).path),
                           c.csrfField,
                           .p(.text(c.t("Η διαγραφή καταγράφεται στο ιστορικό. Οι κωδικοί των επόμενων στοιχείων θα αναριθμηθούν.",
                                        "The deletion is recorded in the history. The codes of the following items will be renumbered."))),
                           .div(.class("actions"),
                                .button(.type(.submit), .class("danger"), .text(c.t("Οριστική διαγραφή", "Delete for good"))),
                                .a(.href(SiteURL.programme(p.id).path), .text(c.t("Άκυρο", "Cancel"))))))
        ))
    }
}
