import Plot

struct ErrorPage {
    var status: Int
    var message: String

    func render() -> String {
        Layout(title: "Σφάλμα \(status)").render(.group(
            .h1(.text(status == 404 ? "Δεν βρέθηκε" : "Σφάλμα \(status)")),
            .p(.text(message)),
            .p(.a(.href(SiteURL.home.path), "Επιστροφή στην αρχική σελίδα"))
        ))
    }
}
