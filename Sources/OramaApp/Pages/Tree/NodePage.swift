import Foundation
import OramaDomain
import Plot
import Vapor

struct NodePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var level: TreeLevel
    var nodeID: UUID?
    var form: NodeForm
    var errors: FieldErrors
    var conflict: ConflictNotice?

    /// Where a measure or an objective may belong.
    func parents(in p: Programme) -> [(String, String)] {
        switch level {
        case .axis, .action: return []
        case .measure: return p.axes.map { ($0.id.uuidString, "\($0.code). \($0.title)") }
        case .objective: return p.measures.map { ($0.id.uuidString, "\($0.code). \($0.title)") }
        }
    }

    func render() -> String {
        let c = context
        let p = loaded.programme
        let name = level.label(c.language)
        let title = nodeID == nil ? c.t("Νέο στοιχείο: \(name)", "New \(name)") : c.t("Επεξεργασία: \(name) \(nodeID.flatMap { p.code(of: level, $0) } ?? "")", "Edit \(name) \(nodeID.flatMap { p.code(of: level, $0) } ?? "")")
        let action = nodeID.map { SiteURL.editNode(p.id, level: level.rawValue, id: $0).path } ?? SiteURL.newNode(p.id, level: level.rawValue, parent: nil).path
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(title)),
            .form(.method(.post), .action(action), .class("narrow"),
                  c.csrfField,
                  .input(.type(.hidden), .name("base"), .value(Escape.attribute(form.base ?? ""))),
                  .unwrap(conflict) { $0.node(c) },
                  FormField.errorSummary(errors, c),
                  .if(level != .axis, FormField.select("parent", level == .measure ? c.t("Άξονας", "Axis") : c.t("Μέτρο", "Measure"),
                                                   [("", "—")] + parents(in: p), selected: form.parent?.uppercased() ?? "", errors: errors, required: true,
                                                   hint: nodeID == nil ? nil : c.t("Αλλάζοντας γονέα, το στοιχείο μετακινείται στο τέλος του και οι κωδικοί αναριθμούνται.", "Changing the parent moves the item to its end; codes are renumbered."))),
                  FormField.text("title", c.t("Τίτλος", "Title"), form.title ?? "", errors: errors, required: true),
                  FormField.textarea("description", c.t("Περιγραφή", "Description"), form.description ?? "", errors: errors),
                  FormField.submit(c.t("Αποθήκευση", "Save")))
        ))
    }
}
