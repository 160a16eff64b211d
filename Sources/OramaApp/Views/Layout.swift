import Foundation
import OramaDomain
import Plot
import Vapor

/// What every page needs from the request: language, user, CSRF token, current path.
struct PageContext: Sendable {
    var language: Language = .el
    var user: SessionUser? = nil
    var csrf: String = ""
    var path: String = "/"
    var flash: String? = nil
    /// Today in Athens; pages that depend on the date read it here, so tests can fix it.
    var today: CalendarDate = PlanningController.today()

    init(language: Language = .el, user: SessionUser? = nil, csrf: String = "", path: String = "/", flash: String? = nil) {
        self.language = language
        self.user = user
        self.csrf = csrf
        self.path = path
        self.flash = flash
    }

    /// A CSRF token (and so a stored session) only for pages that carry forms: those of
    /// signed-in users and the sign-in form. Anonymous readers get no session at all.
    init(_ req: Request, withForm: Bool = false) {
        let needsToken = withForm || req.user != nil
        self.init(language: req.language, user: req.user, csrf: needsToken ? CSRF.token(for: req) : "", path: req.url.path,
                  flash: req.hasSession ? req.session.data["flash"] : nil)
        if req.hasSession && req.session.data["flash"] != nil { req.session.data["flash"] = nil }
    }

    func t(_ greek: String, _ english: String) -> String { language.t(greek, english) }

    /// The hidden CSRF field every form carries.
    var csrfField: Node<HTML.FormContext> { .input(.type(.hidden), .name(CSRF.field), .value(csrf)) }
}

/// The one page skeleton of the site: one h1 (given by the page), skip link, navigation,
/// print-friendly CSS.
struct Layout {
    var title: String
    var context: PageContext = PageContext()
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
                            .if(c.user?.role == .admin, .li(.a(.href(SiteURL.users.path), .text(c.t("Χρήστες", "Users"))))),
                            .if(c.user?.role == .admin || (c.user?.role == .planner && c.user?.organisationID != nil),
                                .li(.a(.href(SiteURL.reference.path), .text(c.t("Στοιχεία Δήμου", "Reference data"))))),
                            .if(c.user != nil, .li(.a(.href(SiteURL.apiTokens.path), .text(c.t("Κλειδιά API", "API tokens"))))),
                            .li(.a(.href(SiteURL.language(other.rawValue, back: c.path).path), .attribute(named: "lang", value: other.rawValue),
                                   .text(other == .en ? "English" : "Ελληνικά"))),
                            .unwrap(c.user, { user in
                                .li(.form(.method(.post), .action(SiteURL.signOut.path), .class("inline"),
                                          c.csrfField,
                                          .span(.class("who"), .attribute(named: "title", value: Escape.attribute(user.email)),
                                                .text(user.name == user.role.greek(c.language) ? user.name : "\(user.name) · \(user.role.greek(c.language))")),
                                          .button(.type(.submit), .class("link"), .text(c.t("Αποσύνδεση", "Sign out")))))
                            }, else: .li(.a(.href(SiteURL.signIn.path), .text(c.t("Σύνδεση", "Sign in")))))
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

extension Role {
    func greek(_ language: Language) -> String {
        switch self {
        case .admin: language.t("Διαχειριστής", "Administrator")
        case .planner: language.t("Υπηρεσία Προγραμματισμού", "Planning service")
        case .unitHead: language.t("Προϊστάμενος υπηρεσίας", "Head of service")
        case .reviewer: language.t("Αξιολογητής", "Reviewer")
        }
    }
}

enum Format {
    static func percent(_ value: Double?) -> String { GreekNumber.percent(value) }

    /// `1.234,5` for indicator values: Greek separators, no trailing zeros.
    static func number(_ value: Double) -> String { GreekNumber.format(value) }

    /// A value typed back into a form field: `1234,5` (no thousands dots, so it parses again).
    static func input(_ value: Double?) -> String { value.map(GreekNumber.plain) ?? "" }

    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Athens")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(c.day))/\(pad(c.month))/\(c.year ?? 0) \(pad(c.hour)):\(pad(c.minute))"
    }
}
