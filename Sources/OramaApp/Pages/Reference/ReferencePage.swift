import Foundation
import OramaDomain
import Plot
import Vapor

struct ReferencePage {
    var context: PageContext
    var reference: ReferenceData
    /// Errors of the one row that was submitted, by field.
    var errors: [String: String]
    var submitted: (String, ReferenceRowForm)? = nil

    func render() -> String {
        let c = context
        let r = reference
        let title = c.t("Στοιχεία Δήμου: \(r.organisation.name)", "Reference data: \(r.organisation.name)")
        return Layout(title: title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path)]).render(.group(
            .h1(.text(title)),
            .p(.class("hint"), .text(c.t("Κάθε αλλαγή καταγράφεται στο ιστορικό. Στοιχεία που χρησιμοποιούνται σε δράσεις δεν διαγράφονται.",
                                         "Every change is recorded. Items used by actions cannot be deleted."))),
            section(.units, c.t("Υπηρεσίες (οργανόγραμμα, τηλέφωνα, e-mail)", "Services (organisation chart, phones, e-mails)"),
                    rows: r.units.map { u in RowValues(id: u.id.uuidString, code: u.code, name: u.name, kind: u.kind.rawValue, parent: u.parentID?.uuidString ?? "", phone: u.phone, email: u.email, ceiling: "") },
                    kinds: OrgUnit.Kind.allCases.map { ($0.rawValue, $0.label(c.language)) }, parents: r.units.map { ($0.id.uuidString, $0.code) }, code: true, contact: true),
            section(.entities, c.t("Νομικά πρόσωπα", "Legal entities"),
                    rows: r.legalEntities.map { RowValues(id: $0.id.uuidString, code: "", name: $0.name, kind: $0.kind.rawValue, parent: "", phone: "", email: "", ceiling: "") },
                    kinds: LegalEntity.Kind.allCases.map { ($0.rawValue, $0.label(c.language)) }, parents: nil, code: false, contact: false),
            section(.localities, c.t("Δημοτικές Ενότητες και Κοινότητες", "Municipal units and communities"),
                    rows: r.localities.map { RowValues(id: $0.id.uuidString, code: "", name: $0.name, kind: $0.kind.rawValue, parent: $0.parentID?.uuidString ?? "", phone: "", email: "", ceiling: "", genitive: $0.genitive,
                                                      latitude: $0.location.map { GreekNumber.exact($0.latitude) } ?? "",
                                                      longitude: $0.location.map { GreekNumber.exact($0.longitude) } ?? "") },
                    kinds: Locality.Kind.allCases.map { ($0.rawValue, $0.label(c.language)) }, parents: r.localities.filter { $0.kind == .municipalUnit }.map { ($0.id.uuidString, $0.name) }, code: false, contact: false, genitive: true),
            section(.sources, c.t("Πηγές χρηματοδότησης", "Funding sources"),
                    rows: r.fundingSources.map { RowValues(id: $0.id.uuidString, code: $0.code, name: $0.name, kind: $0.kind.rawValue, parent: "", phone: "", email: "", ceiling: $0.annualCeiling?.formattedNumber ?? "") },
                    kinds: FundingSource.Kind.allCases.map { ($0.rawValue, $0.label(c.language)) }, parents: nil, code: true, contact: false, ceiling: true)
        ))
    }

    struct RowValues {
        var id, code, name, kind, parent, phone, email, ceiling: String
        var genitive = ""
        var latitude = ""
        var longitude = ""
    }

    func section(_ kind: ReferenceKind, _ heading: String, rows: [RowValues], kinds: [(String, String)], parents: [(String, String)]?,
                 code: Bool, contact: Bool, ceiling: Bool = false, genitive: Bool = false) -> Node<HTML.BodyContext> {
        let c = context
        let blank = RowValues(id: "", code: "", name: "", kind: kinds.first?.0 ?? "", parent: "", phone: "", email: "", ceiling: "")
        return .section(.id(kind.rawValue),
            .h2(.text(heading)),
            .forEach(rows + [blank]) { row in
                let key = "\(kind.rawValue)-\(row.id.isEmpty ? "new" : row.id)"
                var values = row
                var errors = FieldErrors()
                if let submitted, submitted.0 == key {
                    let f = submitted.1
                    values = RowValues(id: row.id, code: f.code ?? "", name: f.name ?? "", kind: f.kind ?? "", parent: f.parent ?? "", phone: f.phone ?? "", email: f.email ?? "", ceiling: f.ceiling ?? "", genitive: f.genitive ?? "",
                                       latitude: f.latitude ?? "", longitude: f.longitude ?? "")
                    for (field, message) in self.errors { errors.add("\(key)-\(field)", message) }
                }
                return .form(.method(.post), .action(SiteURL.referenceRow(kind.rawValue).path), .class(row.id.isEmpty ? "row new" : "row"),
                             c.csrfField,
                             .input(.type(.hidden), .name("organisation"), .value(reference.organisation.id.uuidString)),
                             .input(.type(.hidden), .name("id"), .value(Escape.attribute(row.id))),
                             .if(row.id.isEmpty, .p(.strong(.text(c.t("Προσθήκη", "Add"))))),
                             .if(code, FormField.text("code", c.t("Κωδικός", "Code"), values.code, errors: errors, key: "\(key)-code")),
                             FormField.text("name", c.t("Όνομα", "Name"), values.name, errors: errors, key: "\(key)-name"),
                             .if(genitive, FormField.text("genitive", c.t("Γενική (για τίτλους: «Δημοτική Ενότητα Αρμενίου»)", "Genitive (for headings)"), values.genitive,
                                                          errors: errors, key: "\(key)-genitive")),
                             .if(genitive, FormField.text("latitude", c.t("Γεωγραφικό πλάτος (μοίρες, π.χ. 39,5672)", "Latitude (degrees, e.g. 39.5672)"), values.latitude,
                                                          errors: errors, key: "\(key)-latitude")),
                             .if(genitive, FormField.text("longitude", c.t("Γεωγραφικό μήκος (μοίρες, π.χ. 22,4669)", "Longitude (degrees, e.g. 22.4669)"), values.longitude,
                                                          errors: errors, key: "\(key)-longitude")),
                             FormField.select("kind", c.t("Είδος", "Kind"), kinds, selected: values.kind, errors: errors, key: "\(key)-kind"),
                             .unwrap(parents) { parents in
                                 FormField.select("parent", c.t("Ανήκει σε", "Belongs to"), [("", "—")] + parents.filter { $0.0 != row.id }, selected: values.parent, errors: errors, key: "\(key)-parent")
                             },
                             .if(contact, .group(FormField.text("phone", c.t("Τηλέφωνο", "Phone"), values.phone, errors: errors, type: .tel, key: "\(key)-phone"),
                                                 FormField.text("email", "E-mail", values.email, errors: errors, type: .email, key: "\(key)-email"))),
                             .if(ceiling, FormField.text("ceiling", c.t("Ετήσιο όριο (€)", "Annual ceiling (€)"), values.ceiling, errors: errors, key: "\(key)-ceiling")),
                             .if(!row.id.isEmpty, FormField.checkbox("delete", c.t("Διαγραφή", "Delete"), checked: false, key: "\(key)-delete")),
                             .div(.class("actions"), .button(.type(.submit), .text(row.id.isEmpty ? c.t("Προσθήκη", "Add") : c.t("Αποθήκευση", "Save")))))
            })
    }
}
