import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

struct APITokensPage {
    var context: PageContext
    var tokens: [APIToken]
    var created: String?
    var error: String?

    func render() -> String {
        let c = context
        let title = c.t("Κλειδιά API", "API tokens")
        return Layout(title: title, context: c).render(.group(
            .h1(.text(title)),
            .p(.text(c.t("Ένα κλειδί επιτρέπει σε πρόγραμμα ή σενάριο να διαβάζει και να καταχωρίζει στοιχεία μέσω του API με τα δικά σας δικαιώματα. Η περιγραφή του API βρίσκεται στο /openapi.json.",
                         "A token lets a program read and record data through the API with your permissions. The API is described at /openapi.json."))),
            .if(created != nil, .div(.class("flash"), .attribute(named: "role", value: "status"),
                                     .p(.text(c.t("Το νέο κλειδί (φαίνεται μόνο αυτή τη φορά· φυλάξτε το):", "The new token (shown only once; keep it safe):"))),
                                     .p(.code(.text(created ?? ""))))),
            .if(error != nil, .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text(error ?? "")))),
            Wide.region(c.t("Κλειδιά API", "API tokens"), .table(.class("list"),
                   .thead(.tr(.th(.text(c.t("Όνομα", "Name"))), .th(.text(c.t("Δημιουργία", "Created"))), .th(.text(c.t("Τελευταία χρήση", "Last used"))), .th(.text("")))),
                   .tbody(.forEach(tokens) { t in
                       .tr(.td(.text(t.name)), .td(.text(t.createdAt.map(Format.dateTime) ?? "—")), .td(.text(t.lastUsedAt.map(Format.dateTime) ?? "—")),
                           .td(.form(.method(.post), .action(SiteURL.revokeToken(t.id).path), c.csrfField, FormField.submit(c.t("Ανάκληση", "Revoke")))))
                   }))),
            .if(tokens.isEmpty, .p(.text(c.t("Δεν έχετε κλειδιά.", "You have no tokens.")))),
            .form(.method(.post), .action(SiteURL.apiTokens.path), .class("narrow"), c.csrfField,
                  FormField.text("name", c.t("Όνομα νέου κλειδιού", "New token name"), "", errors: FieldErrors(), required: true),
                  FormField.submit(c.t("Δημιουργία κλειδιού", "Create token")))
        ))
    }
}
