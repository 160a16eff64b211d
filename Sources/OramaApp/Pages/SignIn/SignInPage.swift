import Foundation
import Plot
import Vapor

struct SignInPage {
    var context: PageContext
    var email: String
    var back: String
    var error: String?

    func render() -> String {
        let c = context
        var errors = FieldErrors()
        if let error { errors.add("password", error) }
        return Layout(title: c.t("Σύνδεση", "Sign in"), context: c).render(.group(
            .h1(.text(c.t("Σύνδεση", "Sign in"))),
            .form(.method(.post), .action(SiteURL.signIn().path), .class("narrow"),
                  c.csrfField,
                  .input(.type(.hidden), .name("back"), .value(Escape.attribute(back))),
                  FormField.text("email", "E-mail", email, errors: FieldErrors(), required: true, type: .email, extra: [.attribute(named: "autocomplete", value: "username")]),
                  FormField.text("password", c.t("Κωδικός", "Password"), "", errors: errors, required: true, type: .password, extra: [.attribute(named: "autocomplete", value: "current-password")]),
                  FormField.submit(c.t("Σύνδεση", "Sign in")))
        ))
    }
}
