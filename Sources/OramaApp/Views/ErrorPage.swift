import Foundation
import Plot

struct ErrorPage {
    var context: PageContext
    var status: Int
    var message: String

    func render() -> String {
        let c = context
        let title = status == 404 ? c.t("Δεν βρέθηκε", "Not found") : status == 403 ? c.t("Δεν επιτρέπεται", "Not allowed")
            : status == 401 ? c.t("Απαιτείται σύνδεση", "Sign-in required") : c.t("Σφάλμα \(status)", "Error \(status)")
        return Layout(title: title, context: c).render(.group(
            .h1(.text(title)),
            .p(.text(message)),
            .if(status == 401, .p(.a(.href(SiteURL.signIn(back: c.path).path),
                                     .text(c.t("Σύνδεση", "Sign in"))))),
            .p(.a(.href(SiteURL.home.path), .text(c.t("Επιστροφή στην αρχική σελίδα", "Back to the home page"))))
        ))
    }
}
