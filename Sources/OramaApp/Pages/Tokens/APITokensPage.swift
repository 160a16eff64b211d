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
                  FormField.submit(c.t("Δημιουργία κλειδιού", "Create token"))),
            .h2(.text(c.t("Συνδέσεις", "Sessions"))),
            .p(.text(c.t("Μια σύνδεση λήγει ύστερα από 2 ώρες χωρίς χρήση και σε κάθε περίπτωση 12 ώρες μετά την είσοδο, καθώς και με την αλλαγή του κωδικού, του ρόλου ή των υπηρεσιών σας. Αν μείνατε συνδεδεμένοι σε άλλον υπολογιστή, τερματίστε όλες τις συνδέσεις σας.",
                         "A session ends after 2 hours without use and in any case 12 hours after signing in, and when your password, role or units change. If you stayed signed in on another computer, end all your sessions."))),
            .form(.method(.post), .action(SiteURL.signOut.path), .class("narrow"), c.csrfField,
                  .input(.type(.hidden), .name("everywhere"), .value("on")),
                  FormField.submit(c.t("Αποσύνδεση από όλες τις συσκευές", "Sign out everywhere")))
        ))
    }
}
