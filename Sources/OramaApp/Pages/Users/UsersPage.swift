import Foundation
import OramaDomain
import Plot
import Vapor

struct UsersPage {
    var context: PageContext
    var users: [UserAccount]
    var organisations: [Organisation]
    var units: [OrgUnit]
    var form: UserForm
    var errors: FieldErrors

    /// A multiple choice with every unit the user has already selected.
    func unitsSelect(_ user: UserAccount, _ options: [(String, String)]) -> Node<HTML.FormContext> {
        let id = FormField.fieldID("units-\(user.id.uuidString)")
        let choices: [Node<HTML.SelectContext>] = options.map { value, text in
            .element(named: "option", nodes: [.attribute(named: "value", value: value),
                                              .if(user.unitIDs.contains { $0.uuidString == value }, .attribute(named: "selected", value: "selected")), .text(text)])
        }
        return .div(.class("field"),
                    .label(.for(id), .text(context.t("Υπηρεσίες", "Units"))),
                    .select(.id(id), .attribute(named: "name", value: "units[]"), .attribute(named: "multiple", value: "multiple"), .attribute(named: "size", value: "4"), .group(choices)))
    }

    func render() -> String {
        let c = context
        let allRoles = Role.allCases.map { ($0.rawValue, $0.label(c.language)) }
        let roles = allRoles.filter { $0.0 != Role.analyst.rawValue }
        // Analysts are created only by the server's administrator; an existing one keeps the role.
        let newRoles = c.access.canCreateAnalysts ? allRoles : roles
        let unitOptions = units.map { ($0.id.uuidString, "\($0.code) · \($0.name)") }
        let unitNames = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        return Layout(title: c.t("Χρήστες", "Users"), context: c).render(.group(
            .h1(.text(c.t("Χρήστες", "Users"))),
            Wide.region(c.t("Λογαριασμοί", "Accounts"), .table(.class("list"),
                   .caption(.text(c.t("Λογαριασμοί", "Accounts"))),
                   .thead(.tr(.th("E-mail"), .th(.text(c.t("Όνομα", "Name"))), .th(.text(c.t("Ρόλος και υπηρεσίες", "Role and units"))), .th(.text(c.t("Κωδικός", "Password"))))),
                   .tbody(.forEach(users) { user in
                       .tr(.td(.text(user.email)), .td(.text(user.name)),
                           .td(.form(.method(.post), .action(SiteURL.user(user.id).path), .class("inline-form"),
                                     c.csrfField,
                                     FormField.select("role", c.t("Ρόλος", "Role"), user.role == .analyst ? allRoles : roles, selected: user.role.rawValue, errors: FieldErrors(), key: "role-\(user.id.uuidString)"),
                                     .if(!units.isEmpty, unitsSelect(user, unitOptions)),
                                     .p(.class("hint"), .text(user.unitIDs.compactMap { unitNames[$0] }.sorted().joined(separator: ", "))),
                                     .button(.type(.submit), .text(c.t("Αποθήκευση", "Save"))))),
                           .td(.form(.method(.post), .action(SiteURL.user(user.id).path), .class("inline-form"),
                                     c.csrfField,
                                     .input(.type(.hidden), .name("reset"), .value("on")),
                                     .button(.type(.submit), .text(c.t("Νέος κωδικός", "New password"))))))
                   }))),
            .h2(.text(c.t("Πρόσκληση χρήστη", "Invite a user"))),
            .form(.method(.post), .action(SiteURL.users.path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.text("email", "E-mail", form.email ?? "", errors: errors, required: true, type: .email),
                  FormField.text("name", c.t("Ονοματεπώνυμο", "Full name"), form.name ?? "", errors: errors, required: true),
                  FormField.select("role", c.t("Ρόλος", "Role"), newRoles, selected: form.role ?? Role.unitHead.rawValue, errors: errors, required: true),
                  .if(c.user?.organisationID == nil, FormField.select("organisation", c.t("Δήμος", "Municipality"), [("", "—")] + organisations.map { ($0.id.uuidString, $0.name) },
                                                                   selected: form.organisation ?? "", errors: errors)),
                  .if(newRoles.count > roles.count, FormField.select("region", c.t("Περιφέρεια (για αναλυτές)", "Region (for analysts)"),
                                                                      [("", c.t("— όλη η χώρα —", "— the whole country —"))] + Geography.regions.map { ($0.name, $0.name) },
                                                                      selected: form.region ?? "", errors: errors)),
                  FormField.checkboxes("units", c.t("Υπηρεσίες (για προϊσταμένους)", "Units (for heads of service)"), unitOptions, checked: Set(form.units ?? []), errors: errors),
                  FormField.submit(c.t("Δημιουργία λογαριασμού", "Create account")))
        ))
    }
}
