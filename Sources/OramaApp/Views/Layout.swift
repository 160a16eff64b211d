import Foundation
import OramaDomain
import Plot
import Vapor

/// The one page skeleton of the site: one h1 (given by the page), skip link, navigation,
/// print-friendly CSS.
struct Layout {
    var title: String
    var context: PageContext
    var breadcrumbs: [(String, String)] = []
    var notice: String? = nil
    var script: Bool = false

    /// Programmes › this programme: the trail above every page inside a programme.
    static func trail(_ c: PageContext, _ p: Programme) -> [(String, String)] {
        [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path), (p.title, SiteURL.programme(p.id).path)]
    }

    func render(_ content: Node<HTML.BodyContext>) -> String {
        let c = context
        let other: Language = c.language == .el ? .en : .el
        let html = HTML(
            .lang(c.language == .el ? .greek : .english),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                // Not Plot's `.title`: it copies the title into meta attributes unescaped.
                .element(named: "title", text: title + " · Orama"),
                .stylesheet(SiteURL.stylesheet.path),
                .if(script, .script(.src(SiteURL.script.path), .defer()))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(c.t("Μετάβαση στο περιεχόμενο", "Skip to content"))),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path), "Orama"),
                    .nav(
                        .ariaLabel(c.t("Κύρια πλοήγηση", "Main navigation")),
                        .ul(
                            .li(.a(.href(SiteURL.home.path), .text(c.t("Προγράμματα", "Programmes")))),
                            .if(c.access.canSeeOverview, .li(.a(.href(SiteURL.overview(region: nil).path), .text(c.t("Επισκόπηση δήμων", "Municipalities overview"))))),
                            .if(c.access.canManageUsers, .li(.a(.href(SiteURL.users.path), .text(c.t("Χρήστες", "Users"))))),
                            .if(c.access.canManageSomeReference,
                                .li(.a(.href(SiteURL.reference().path), .text(c.t("Στοιχεία Δήμου", "Reference data"))))),
                            .if(c.access.canHaveAPITokens, .li(.a(.href(SiteURL.apiTokens.path), .text(c.t("Κλειδιά API", "API tokens"))))),
                            .li(.a(.href(SiteURL.language(other.rawValue, back: c.path).path), .attribute(named: "lang", value: other.rawValue),
                                   .text(other == .en ? "English" : "Ελληνικά"))),
                            .unwrap(c.user, { user in
                                .li(.form(.method(.post), .action(SiteURL.signOut.path), .class("inline"),
                                          c.csrfField,
                                          .span(.class("who"), .attribute(named: "title", value: Escape.attribute(user.email)),
                                                .text(user.name == user.role.label(c.language) ? user.name : "\(user.name) · \(user.role.label(c.language))")),
                                          .button(.type(.submit), .class("link"), .text(c.t("Αποσύνδεση", "Sign out")))))
                            }, else: .li(.a(.href(SiteURL.signIn().path), .text(c.t("Σύνδεση", "Sign in")))))
                        )
                    )
                ),
                .if(!breadcrumbs.isEmpty, .nav(
                    .ariaLabel(c.t("Διαδρομή", "Breadcrumbs")),
                    .class("breadcrumbs"),
                    .ol(.forEach(breadcrumbs) { crumb in .li(.a(.href(crumb.1), .text(crumb.0))) })
                )),
                .main(
                    .id("main"),
                    .unwrap(c.flash) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) },
                    .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "note"), .text($0)) },
                    content
                ),
                .footer(.class("site"), .p(.text(c.t("Orama · ΥΑ 41179/2014: Στρατηγικό Σχέδιο, Επιχειρησιακό Σχέδιο, Δείκτες Παρακολούθησης και Αξιολόγησης",
                                                    "Orama · Ministerial Decision 41179/2014: Strategic Plan, Operational Plan, Monitoring and Evaluation Indicators"))))
            )
        )
        return html.render()
    }
}
