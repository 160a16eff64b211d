import Foundation
import OramaDomain
import Plot
import Vapor

/// What every page needs from the request: language, user, CSRF token, current path.
struct PageContext: Sendable {
    var language: Language = .el
    var user: UserAccount? = nil
    var csrf: String = ""
    var path: String = "/"
    var flash: String? = nil
    /// Today in Athens, from the application's clock; pages that depend on the date read it here.
    var today: CalendarDate

    init(language: Language = .el, user: UserAccount? = nil, csrf: String = "", path: String = "/", flash: String? = nil, today: CalendarDate) {
        self.language = language
        self.user = user
        self.csrf = csrf
        self.path = path
        self.flash = flash
        self.today = today
    }

    /// A CSRF token (and so a stored session) only for pages that carry forms: those of
    /// signed-in users and the sign-in form. Anonymous readers get no session at all.
    init(_ req: Request, withForm: Bool = false) {
        let needsToken = withForm || req.user != nil
        self.init(language: req.language, user: req.user, csrf: needsToken ? CSRF.token(for: req) : "", path: req.url.path,
                  flash: req.hasSession ? req.session.data["flash"] : nil, today: req.today)
        if req.hasSession && req.session.data["flash"] != nil { req.session.data["flash"] = nil }
    }

    /// What the page's user may see and do, for menus and controls.
    var access: Access { Access(user: user) }

    func t(_ greek: String, _ english: String) -> String { language.t(greek, english) }

    /// The hidden CSRF field every form carries.
    var csrfField: Node<HTML.FormContext> { .input(.type(.hidden), .name(CSRF.field), .value(csrf)) }
}
