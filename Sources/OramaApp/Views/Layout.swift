import Foundation
import OramaDomain
import Plot

/// The one page skeleton of the site: Greek, one h1, skip link, print-friendly CSS.
struct Layout {
    var title: String
    var breadcrumbs: [(String, String)] = []
    var notice: String? = nil

    func render(_ content: Node<HTML.BodyContext>) -> String {
        let html = HTML(
            .lang(.greek),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .title(title + " · Orama"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .a(.class("skip"), .href("#main"), "Μετάβαση στο περιεχόμενο"),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path), "Orama"),
                    .span(.class("tagline"), "Επιχειρησιακά Προγράμματα Δήμων")
                ),
                .if(!breadcrumbs.isEmpty, .nav(
                    .attribute(named: "aria-label", value: "Διαδρομή"),
                    .class("breadcrumbs"),
                    .ol(.forEach(breadcrumbs) { crumb in .li(.a(.href(crumb.1), .text(crumb.0))) })
                )),
                .main(
                    .id("main"),
                    .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "note"), .text($0)) },
                    content
                ),
                .footer(.class("site"), .p("Orama · ΥΑ 41179/2014: Στρατηγικό Σχέδιο, Επιχειρησιακό Σχέδιο, Δείκτες Παρακολούθησης και Αξιολόγησης"))
            )
        )
        return html.render()
    }
}

enum Format {
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(abs(tenths % 10)) %"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 {
            return Money(cents: Int64(value) * 100).formattedNumber.replacingOccurrences(of: ",00", with: "")
        }
        let cents = Int64((value * 100).rounded())
        var text = Money(cents: cents).formattedNumber
        if text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
