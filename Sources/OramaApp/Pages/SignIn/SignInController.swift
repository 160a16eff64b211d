import Foundation
import Plot
import Vapor

enum SignInController {
    struct SignInForm: Content {
        var email: String?
        var password: String?
        var back: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        Respond.html(SignInPage(context: PageContext(req, withForm: true), email: "", back: safeBack(req.query[String.self, at: "back"]), error: nil).render())
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = Accounts.normalised(email: form.email ?? "")
        let back = safeBack(form.back)
        // Keyed on the pair, so one address guessing cannot lock a user out everywhere, nor one
        // proxy's shared address lock out everyone.
        let keys = ["\(email)|\(req.clientAddress)"]
        let throttle = req.signInThrottle
        // And the address alone, with a higher bound: many accounts tried from one place.
        let address = throttle.addressKey(req.clientAddress)
        if let wait = try await throttle.wait(for: keys + [address]) {
            let message = req.language.t("Πολλές αποτυχημένες προσπάθειες. Δοκιμάστε ξανά σε \(Plural.count(wait, ("δευτερόλεπτο", "δευτερόλεπτα"), ("second", "seconds"), .el)).",
                                         "Too many failed attempts. Try again in \(wait) seconds.")
            return Respond.html(SignInPage(context: PageContext(req, withForm: true), email: email, back: back, error: message).render(), status: .tooManyRequests)
        }
        guard let id = try await req.repositories.accounts.verify(email: email, password: form.password ?? ""),
              let account = try await req.repositories.accounts.account(id) else {
            try await throttle.failed(keys)
            try await throttle.failed([address], freeAttempts: SignInThrottle.addressFreeAttempts)
            let message = req.language.t("Λάθος e-mail ή κωδικός.", "Wrong e-mail or password.")
            return Respond.html(SignInPage(context: PageContext(req, withForm: true), email: email, back: back, error: message).render(), status: .unauthorized)
        }
        try await throttle.succeeded(keys)
        // A new session id on sign-in, so a session id planted before it cannot be taken over:
        // with no id, the sessions middleware stores the data under a fresh one.
        let language = req.session.data["lang"]
        if let old = req.session.id { try await req.application.sessions.driver.deleteSession(old, for: req).get() }
        req.session.id = nil
        req.session.data = SessionData()
        SessionLimits.open(req.session, for: account, at: req.application.sessionClock.now())
        req.session.data["lang"] = language
        return req.redirect(to: back, redirectType: .normal)
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        // «Everywhere» ends every session of the account (the other browsers' at their next request).
        if let user = req.user, (try? req.content.get(String.self, at: "everywhere")) == "on" {
            try await req.repositories.accounts.endSessions(user.id, actor: user.actor)
        }
        req.session.destroy()
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    @Sendable static func language(req: Request) async throws -> Response {
        let code = req.parameters.get("code") ?? "el"
        req.session.data["lang"] = Language(rawValue: code)?.rawValue ?? Language.el.rawValue
        return req.redirect(to: safeBack(req.query[String.self, at: "back"]), redirectType: .normal)
    }

    /// Only paths on this site, never another host.
    static func safeBack(_ back: String?) -> String {
        // Browsers drop tabs and line breaks and read "\\" as "/", so "/\t/evil.example" would
        // become "//evil.example": any control character or backslash sends people home.
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"),
              !back.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else { return SiteURL.home.path }
        return back
    }
}
