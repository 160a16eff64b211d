import OramaDomain
import Plot

struct HomePage {
    var programmes: [(ProgrammeSummary, String)]

    func render() -> String {
        Layout(title: "Επιχειρησιακά Προγράμματα").render(.group(
            .h1("Επιχειρησιακά Προγράμματα"),
            .p("Τα δημοσιευμένα πενταετή Επιχειρησιακά Προγράμματα των Δήμων: άξονες, μέτρα, στόχοι, δράσεις, κόστος και πρόοδος."),
            .if(programmes.isEmpty,
                .p(.class("empty"), "Δεν υπάρχει ακόμη δημοσιευμένο πρόγραμμα. Εκτελέστε «swift run orama demo» για τα δεδομένα επίδειξης."),
                else: .table(
                    .class("list"),
                    .caption("Δημοσιευμένα προγράμματα"),
                    .thead(.tr(.th("Δήμος"), .th("Πρόγραμμα"), .th("Περίοδος"), .th("Κατάσταση"), .th("Έκδοση"))),
                    .tbody(.forEach(programmes) { summary, organisation in
                        .tr(
                            .td(.text(organisation)),
                            .td(.a(.href(SiteURL.programme(summary.id).path), .text(summary.title))),
                            .td(.text("\(summary.startYear)–\(summary.endYear)")),
                            .td(.text(summary.status.greek)),
                            .td(.text(String(summary.version)))
                        )
                    })
                ))
        ))
    }
}
