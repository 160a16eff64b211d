import Fluent
import Foundation
@testable import OramaApp
@testable import OramaDomain
import Testing
import VaporTesting

@Suite("Χώρος εργασίας: δικαιώματα, CSRF, συγκρούσεις", .serialized)
struct WorkspaceRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    /// Who may read each screen: the public sees only published programmes; members of the
    /// municipality see drafts too; management screens need their role.
    @Test func whoMayReadEachScreen() async throws {
        try await withWorkspace { f in
            let p = f.programme.id, d = f.draft.id
            let action = f.technicalAction.id
            let indicator = f.programme.indicators[0].id
            // (path, anonymous, reviewer, unit head, planner)
            let matrix: [(String, HTTPStatus, HTTPStatus, HTTPStatus, HTTPStatus)] = [
                (SiteURL.programme(p).path, .ok, .ok, .ok, .ok),
                (SiteURL.programme(d).path, .notFound, .ok, .ok, .ok),
                (SiteURL.strategy(p).path, .ok, .ok, .ok, .ok),
                (SiteURL.action(p, action).path, .ok, .ok, .ok, .ok),
                (SiteURL.search(p, query: "νερό").path, .ok, .ok, .ok, .ok),
                (SiteURL.actionPlan(p, unit: f.technical.id).path, .ok, .ok, .ok, .ok),
                (SiteURL.history(p).path, .unauthorized, .ok, .ok, .ok),
                (SiteURL.actionHistory(p, action).path, .unauthorized, .ok, .ok, .ok),
                (SiteURL.settings(p).path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.newNode(p, level: "axis", parent: nil).path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.editNode(p, level: "axis", id: f.programme.axes[0].id).path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.editAction(p, action).path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.editAction(p, f.socialAction.id).path, .unauthorized, .forbidden, .ok, .ok),
                (SiteURL.editIndicator(p, indicator).path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.newProgramme.path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.reference().path, .unauthorized, .forbidden, .forbidden, .ok),
                (SiteURL.users.path, .unauthorized, .forbidden, .forbidden, .forbidden),
            ]
            let browsers = [try await f.browser(as: nil), try await f.browser(as: "reviewer@test.gr"),
                            try await f.browser(as: "social@test.gr"), try await f.browser(as: "planner@test.gr")]
            for row in matrix {
                let expected = [row.1, row.2, row.3, row.4]
                for (who, browser) in browsers.enumerated() {
                    let status = try await browser.get(row.0).status
                    #expect(status == expected[who], "\(["κοινό", "αξιολογητής", "προϊστάμενος", "προγραμματισμός"][who]) GET \(row.0)")
                }
            }
            let admin = try await f.browser(as: "orgadmin@test.gr")
            #expect(try await admin.get(SiteURL.users.path).status == .ok)
        }
    }

    @Test func unitHeadCannotWriteAnotherUnitsActionButCanWriteTheirOwn() async throws {
        try await withWorkspace { f in
            let head = try await f.browser(as: "social@test.gr")
            let other = f.technicalAction
            let refused = try await head.post(SiteURL.editAction(f.programme.id, other.id).path, Self.actionFields(other, f, title: "Αλλαγή από λάθος υπηρεσία"))
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("Δεν έχετε δικαίωμα"))
            #expect(try await f.stored().action(other.id)?.title == other.title)

            let own = f.socialAction
            try await head.get(SiteURL.editAction(f.programme.id, own.id).path)
            let saved = try await head.post(SiteURL.editAction(f.programme.id, own.id).path, Self.actionFields(own, f, title: "Νέος τίτλος από την υπηρεσία"))
            #expect(saved.status == .seeOther)
            #expect(try await f.stored().action(own.id)?.title == "Νέος τίτλος από την υπηρεσία")

            // Nor may they hand their own action to another unit.
            try await head.get(SiteURL.editAction(f.programme.id, own.id).path)
            var fields = Self.actionFields(try #require(try await f.stored().action(own.id)), f, title: "Μεταφορά")
            fields.removeAll { $0.0 == "responsibleUnit" }
            fields.append(("responsibleUnit", f.technical.id.uuidString))
            let handOver = try await head.post(SiteURL.editAction(f.programme.id, own.id).path, fields)
            #expect(handOver.status == .unprocessableEntity)
            #expect(try await f.stored().action(own.id)?.responsibleUnitID == f.social.id)
        }
    }

    @Test func formPostsWithoutAValidCSRFTokenAreRefused() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let axis = f.programme.axes[0]
            try await planner.get(SiteURL.editNode(f.programme.id, level: "axis", id: axis.id).path)
            let path = SiteURL.editNode(f.programme.id, level: "axis", id: axis.id).path
            let missing = try await planner.post(path, [("title", "Χωρίς διακριτικό")], csrf: .some(nil))
            #expect(missing.status == .forbidden)
            let forged = try await planner.post(path, [("title", "Πλαστό διακριτικό")], csrf: "forged-token")
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("Η φόρμα έληξε"))
            #expect(try await f.stored().axes[0].title == axis.title)
            // Signing in needs the token too.
            let stranger = TestBrowser(f.app)
            #expect(try await stranger.post("/signin", [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)]).status == .forbidden)
        }
    }

    @Test func aStaleEditShowsBothVersionsAndChangesNothing() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let head = try await f.browser(as: "social@test.gr")
            let action = f.socialAction
            let path = SiteURL.editAction(f.programme.id, action.id).path
            // Both open the form; the head saves first.
            try await planner.get(path)
            let plannerBase = try #require(Self.hiddenValue("base", in: try await planner.get(path).body.string))
            try await head.get(path)
            #expect(try await head.post(path, Self.actionFields(action, f, title: "Η εκδοχή της υπηρεσίας")).status == .seeOther)

            var stale = Self.actionFields(action, f, title: "Η εκδοχή του προγραμματισμού")
            stale.removeAll { $0.0 == "base" }
            stale.append(("base", plannerBase))
            let conflict = try await planner.post(path, stale)
            #expect(conflict.status == .conflict)
            let html = conflict.body.string
            #expect(html.contains("Σύγκρουση αλλαγών"))
            #expect(html.contains("Η εκδοχή της υπηρεσίας") && html.contains("Η εκδοχή του προγραμματισμού"))
            #expect(try await f.stored().action(action.id)?.title == "Η εκδοχή της υπηρεσίας")

            // Saving again from the conflict page is a conscious overwrite, and works.
            let again = try await planner.post(path, Self.fields(from: html, overriding: [:]))
            #expect(again.status == .seeOther)
            #expect(try await f.stored().action(action.id)?.title == "Η εκδοχή του προγραμματισμού")
        }
    }

    @Test func invalidFormsComeBackWithValuesAndGreekMessages() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let action = f.technicalAction
            let path = SiteURL.editAction(f.programme.id, action.id).path
            try await planner.get(path)
            var fields = Self.actionFields(action, f, title: "Τίτλος που πρέπει να μείνει")
            fields.removeAll { $0.0 == "cost" || $0.0 == "scheduleEnd" || $0.0 == "ms[0][date]" }
            fields += [("cost", "πολλά"), ("scheduleEnd", "2024-Q1"), ("ms[0][date]", "31/02/2025")]
            let response = try await planner.post(path, fields)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("value=\"Τίτλος που πρέπει να μείνει\""))
            #expect(html.contains("value=\"πολλά\""))
            #expect(html.contains("Το κόστος πρέπει να είναι ποσό σε ευρώ"))
            #expect(html.contains("Ορόσημο 1: η ημερομηνία γράφεται ηη/μμ/εεεε"))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(try await f.stored().action(action.id)?.title == action.title)
        }
    }

    @Test func treeEditingRenumbersAndRefusesDeletingParents() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let p = f.programme
            try await planner.get(SiteURL.programme(p.id).path)
            let second = p.axes[1]
            #expect(try await planner.post(SiteURL.moveNode(p.id, level: "axis", id: second.id).path, [("direction", "up")]).status == .seeOther)
            var stored = try await f.stored()
            #expect(stored.axes[0].id == second.id && stored.axis(second.id)?.code == "1")
            #expect(stored.action(p.axes[0].measures[0].objectives[0].actions[0].id)?.code == "2.1.1.01")

            let confirm = try await planner.get(SiteURL.deleteNode(p.id, level: "measure", id: p.measures[0].id).path)
            #expect(confirm.body.string.contains("υποστοιχεία"))
            let refused = try await planner.post(SiteURL.deleteNode(p.id, level: "measure", id: p.measures[0].id).path, [])
            #expect(refused.status == .conflict)

            try await planner.get(SiteURL.newNode(p.id, level: "axis", parent: nil).path)
            #expect(try await planner.post(SiteURL.newNode(p.id, level: "axis", parent: nil).path, [("title", "Νέος άξονας δοκιμής")]).status == .seeOther)
            stored = try await f.stored()
            let added = try #require(stored.axes.last)
            #expect(added.code == "5" && added.title == "Νέος άξονας δοκιμής")
            try await planner.get(SiteURL.programme(p.id).path)
            #expect(try await planner.post(SiteURL.deleteNode(p.id, level: "axis", id: added.id).path, []).status == .seeOther)
            #expect(try await f.stored().axes.count == 4)
            let history = try await planner.get(SiteURL.history(p.id).path).body.string
            #expect(history.contains("Νέος άξονας δοκιμής") && history.contains("Σχεδιαστής"))
        }
    }

    @Test func searchIsAccentAndCaseInsensitive() async throws {
        try await withWorkspace { f in
            let visitor = try await f.browser(as: nil)
            var results: [[String]] = []
            for query in ["κιλελερ", "ΚΙΛΕΛΕΡ", "Κιλελέρ"] {
                let html = try await visitor.get(SiteURL.search(f.programme.id, query: query).path).body.string
                results.append(Self.resultLinks(html))
            }
            #expect(!results[0].isEmpty)
            #expect(results[0] == results[1] && results[1] == results[2])
            let expected = f.programme.actions.filter { GreekText.matches("\($0.code) \($0.title) \($0.description)", query: "κιλελερ") }
            #expect(results[0].filter { $0.contains("/actions/") }.count == expected.count)
        }
    }

    @Test func signInIsSlowedAfterRepeatedFailures() async throws {
        try await withWorkspace { f in
            // The clock stands still: on a slow machine five bcrypt checks outlast the first
            // pause (2 s), and the fifth attempt would find it over.
            f.app.clock = .fixed(Date())
            let browser = TestBrowser(f.app)
            var statuses: [HTTPStatus] = []
            for _ in 0..<5 {
                try await browser.get("/signin")
                statuses.append(try await browser.post("/signin", [("email", "planner@test.gr"), ("password", "λάθος")]).status)
            }
            #expect(statuses.prefix(4).allSatisfy { $0 == .unauthorized })
            #expect(statuses.last == .tooManyRequests)
            try await browser.get("/signin")
            // Even the right password waits until the pause is over.
            #expect(try await browser.post("/signin", [("email", "planner@test.gr"), ("password", WorkspaceFixture.password)]).status == .tooManyRequests)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSite() async throws {
        try await withWorkspace { f in
            let response = try await f.app.testing().sendRequest(.GET, "/signin")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("orama_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
        }
    }

    @Test func userInputIsEscapedInTextAndAttributes() async throws {
        try await withWorkspace { f in
            let planner = try await f.browser(as: "planner@test.gr")
            let action = f.technicalAction
            let path = SiteURL.editAction(f.programme.id, action.id).path
            try await planner.get(path)
            let nasty = "\"><script>alert(1)</script>"
            #expect(try await planner.post(path, Self.actionFields(action, f, title: nasty)).status == .seeOther)
            let form = try await planner.get(path).body.string
            #expect(!form.contains("<script>alert(1)"))
            #expect(form.contains("&quot;&gt;&lt;script&gt;"))
            let page = try await planner.get(SiteURL.action(f.programme.id, action.id).path).body.string
            #expect(!page.contains("<script>alert(1)"))
        }
    }

    // MARK: helpers

    static func actionFields(_ a: Action, _ f: WorkspaceFixture, title: String) -> [(String, String)] {
        let objective = f.programme.objectives.first { $0.actions.contains { $0.id == a.id } }!.id
        let form = ActionForm(a, objective: objective, base: Fingerprint.of(a))
        var fields: [(String, String)] = [
            ("objective", form.objective ?? ""), ("title", title), ("description", form.description ?? ""), ("kind", form.kind ?? ""),
            ("nature", form.nature ?? ""), ("responsibleUnit", form.responsibleUnit ?? ""), ("implementing", form.implementing ?? ""),
            ("partnerName", form.partnerName ?? ""), ("partnerContract", form.partnerContract ?? ""), ("partners", form.partners ?? ""),
            ("priority", form.priority ?? ""), ("rank", form.rank ?? ""), ("maturity", form.maturity ?? ""), ("preconditions", form.preconditions ?? ""),
            ("cost", form.cost ?? ""), ("scheduleStart", form.scheduleStart ?? ""), ("scheduleEnd", form.scheduleEnd ?? ""),
            ("budgetLines", form.budgetLines ?? ""), ("weight", form.weight ?? ""), ("base", form.base ?? ""),
        ]
        if form.supraLocal == "on" { fields.append(("supraLocal", "on")) }
        fields += (form.coUnits ?? []).map { ("coUnits[]", $0) } + (form.localities ?? []).map { ("localities[]", $0) }
        for (source, years) in form.fund ?? [:] { for (year, amount) in years { fields.append(("fund[\(source)][\(year)]", amount)) } }
        for (key, row) in form.ms ?? [:] {
            fields += [("ms[\(key)][id]", row.id ?? ""), ("ms[\(key)][date]", row.date ?? ""), ("ms[\(key)][title]", row.title ?? "")]
            if row.done == "on" { fields.append(("ms[\(key)][done]", "on")) }
        }
        return fields
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Every input and textarea of the action form as the page shows them, as a browser would post it.
    static func fields(from html: String, overriding: [String: String]) -> [(String, String)] {
        var fields: [(String, String)] = []
        let inputs = try! NSRegularExpression(pattern: #"<input([^>]*)/?>"#)
        let attribute = { (tag: String, name: String) -> String? in
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[r.upperBound...]
            return rest.firstIndex(of: "\"").map { unescape(String(rest[..<$0])) }
        }
        for match in inputs.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let tag = String(html[Range(match.range(at: 1), in: html)!])
            guard let name = attribute(tag, "name") else { continue }
            let type = attribute(tag, "type") ?? "text"
            if type == "checkbox" && !tag.contains(" checked") { continue }
            fields.append((name, overriding[name] ?? attribute(tag, "value") ?? ""))
        }
        let textareas = try! NSRegularExpression(pattern: #"<textarea[^>]* name="([^"]+)"[^>]*>(.*?)</textarea>"#, options: .dotMatchesLineSeparators)
        for match in textareas.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!])
            fields.append((name, unescape(String(html[Range(match.range(at: 2), in: html)!]))))
        }
        let selects = try! NSRegularExpression(pattern: #"<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>"#, options: .dotMatchesLineSeparators)
        for match in selects.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let body = String(html[Range(match.range(at: 2), in: html)!])
            if let selected = try! NSRegularExpression(pattern: #"<option value="([^"]*)" selected"#).firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) {
                fields.append((name, String(body[Range(selected.range(at: 1), in: body)!])))
            }
        }
        return fields
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func resultLinks(_ html: String) -> [String] {
        guard let start = html.range(of: "<ul class=\"results\">") else { return [] }
        let rest = html[start.upperBound...]
        let list = rest[..<(rest.range(of: "</ul>")?.lowerBound ?? rest.endIndex)]
        return list.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}
