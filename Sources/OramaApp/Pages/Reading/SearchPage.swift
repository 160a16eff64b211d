import Foundation
import OramaDomain
import Plot
import Vapor

struct SearchPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var query: String
    var hits: [SearchHit]

    /// Actions open their own page; the rest are on the programme's page.
    func link(_ hit: SearchHit) -> String {
        hit.level == .action ? SiteURL.action(loaded.id, hit.id).path : SiteURL.programme(loaded.id).path
    }

    func render() -> String {
        let c = context
        let p = loaded.programme
        return Layout(title: c.t("Αναζήτηση", "Search"), context: c, breadcrumbs: Layout.trail(c, p)).render(.group(
            .h1(.text(c.t("Αναζήτηση στο πρόγραμμα", "Search the programme"))),
            .form(.method(.get), .action(SiteURL.search(p.id, query: nil).path), .class("search"),
                  FormField.text("q", c.t("Λέξεις ή κωδικός", "Words or code"), query, errors: FieldErrors(), type: .search,
                             hint: c.t("Χωρίς διάκριση τόνων και κεφαλαίων: «κιλελερ» βρίσκει και «Κιλελέρ».", "Accents and case do not matter.")),
                  FormField.submit(c.t("Αναζήτηση", "Search"))),
            .if(!query.isEmpty, .group(
                .p(.attribute(named: "role", value: "status"), .text(c.t("Αποτελέσματα: \(hits.count).", "\(hits.count) results."))),
                .ul(.class("results"), .forEach(hits) { hit in
                    .li(.a(.href(link(hit)), .text("\(hit.level?.label(c.language) ?? c.t("Δείκτης", "Indicator")) \(hit.code): \(hit.title)")))
                })))
        ))
    }
}
