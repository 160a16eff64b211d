import Fluent
import Foundation
import OramaDomain
import Plot
import Vapor

/// A service's action plan (Σχέδιο Δράσης): its actions per axis and measure with cost per
/// year and source, and its indicators. Printable as it stands.
enum ActionPlanController {
    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        let unitID = try Workspace.uuid(req, "unitID")
        guard let unit = loaded.reference.unit(unitID) else { throw Workspace.notFound(req, req.language.t("η υπηρεσία", "the unit")) }
        return Workspace.html(ActionPlanPage(context: PageContext(req), loaded: loaded, unit: unit).render())
    }
}

struct ActionPlanPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var unit: OrgUnit

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let paths = p.actionPaths.filter { $0.action.responsibleUnitID == unit.id }
        let years = Array(p.years)
        let measures = paths.reduce(into: [(Axis, Measure)]()) { list, path in
            if !list.contains(where: { $0.1.id == path.measure.id }) { list.append((path.axis, path.measure)) }
        }
        let indicators = p.indicators.filter { $0.responsibleUnitID == unit.id }
        let title = c.t("Σχέδιο Δράσης: \(unit.name)", "Action plan: \(unit.name)")
        return Layout(title: title, context: c, breadcrumbs: Layout.trail(c, p),
                      notice: p.note.isEmpty ? nil : p.note).render(.group(
            .h1(.text(title)),
            .p(.text("\(p.title) · \(unit.phone) · \(unit.email)")),
            .p(.class("hint"), .text(c.t("\(paths.count) δράσεις · σύνολο \(paths.map(\.action.cost).sum().formatted)", "\(paths.count) actions · total \(paths.map(\.action.cost).sum().formatted)"))),
            .forEach(measures) { axis, measure in
                .section(.class("plan-measure"),
                    .h2(.text(GreekText.heading("\(c.t("Άξονας", "Axis")) \(axis.code): \(axis.title)"))),
                    .h3(.text(GreekText.heading("\(c.t("Μέτρο", "Measure")) \(measure.code): \(measure.title)"))),
                    .p(.text("\(c.t("Αρμόδια Υπηρεσία", "Responsible unit")): \(unit.name)")),
                    .table(.class("money"),
                           .caption(.text(c.t("Δράσεις, κόστος ανά έτος (€) και πηγές", "Actions, cost per year (€) and sources"))),
                           .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δράση", "Action"))), .forEach(years) { .th(.class("num"), .text(String($0))) },
                                      .th(.class("num"), .text(c.t("Σύνολο", "Total"))), .th(.text(c.t("Πηγές", "Sources"))), .th(.text(c.t("Προτερ.", "Priority"))))),
                           .tbody(.forEach(paths.filter { $0.measure.id == measure.id }) { path in
                               let a = path.action
                               return .tr(.td(.text(a.code)), .td(.a(.href(SiteURL.action(p.id, a.id).path), .text(a.title))),
                                          .forEach(years) { .td(.class("num"), .text(a.funding(in: $0).formattedNumber)) },
                                          .td(.class("num"), .text(a.fundedAmount.formattedNumber)),
                                          .td(.text(Array(Set(a.fundingLines.compactMap { r.source($0.sourceID)?.code })).sorted().joined(separator: ", "))),
                                          .td(.text(a.priority.greek)))
                           })))
            },
            .section(.h2(.text(c.t("Δείκτες της υπηρεσίας", "The unit's indicators"))),
                     .if(indicators.isEmpty, .p(.text("—")), else: .table(.class("list"),
                        .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δείκτης", "Indicator"))), .th(.text(c.t("Μονάδα", "Unit"))),
                                   .th(.class("num"), .text(c.t("Βάση", "Baseline"))), .forEach(years) { .th(.class("num"), .text(String($0))) })),
                        .tbody(.forEach(indicators) { i in
                            .tr(.td(.text(i.code)), .td(.text(i.name)), .td(.text(i.unit)), .td(.class("num"), .text(i.baseline.map(Format.number) ?? "—")),
                                .forEach(years) { y in .td(.class("num"), .text(i.targets[y].map(Format.number) ?? "—")) })
                        }))))
        ))
    }
}

/// Search over titles, descriptions and codes, whatever the accents and case.
enum SearchController {
    struct Hit: Sendable {
        var level: TreeLevel?
        var code: String
        var title: String
        var link: String
    }

    static func search(_ query: String, in p: Programme) -> [Hit] {
        let words = GreekText.searchKey(query).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        func matches(_ text: String) -> Bool {
            let key = GreekText.searchKey(text)
            return words.allSatisfy { key.contains($0) }
        }
        var hits: [Hit] = []
        for axis in p.axes {
            if matches("\(axis.code) \(axis.title) \(axis.description)") { hits.append(Hit(level: .axis, code: axis.code, title: axis.title, link: SiteURL.programme(p.id).path)) }
            for measure in axis.measures {
                if matches("\(measure.code) \(measure.title) \(measure.description)") { hits.append(Hit(level: .measure, code: measure.code, title: measure.title, link: SiteURL.programme(p.id).path)) }
                for objective in measure.objectives {
                    if matches("\(objective.code) \(objective.title) \(objective.description)") { hits.append(Hit(level: .objective, code: objective.code, title: objective.title, link: SiteURL.programme(p.id).path)) }
                    for action in objective.actions where matches("\(action.code) \(action.title) \(action.description)") {
                        hits.append(Hit(level: .action, code: action.code, title: action.title, link: SiteURL.action(p.id, action.id).path))
                    }
                }
            }
        }
        for indicator in p.indicators where matches("\(indicator.code) \(indicator.name)") {
            hits.append(Hit(level: nil, code: indicator.code, title: indicator.name, link: SiteURL.programme(p.id).path))
        }
        return hits
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        let query = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        let hits = search(query, in: loaded.programme)
        return Workspace.html(SearchPage(context: PageContext(req), loaded: loaded, query: query, hits: hits).render())
    }
}

struct SearchPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var query: String
    var hits: [SearchController.Hit]

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
                    .li(.a(.href(hit.link), .text("\(hit.level?.label(c.language) ?? c.t("Δείκτης", "Indicator")) \(hit.code): \(hit.title)")))
                })))
        ))
    }
}

/// The audit log of a programme, or of one action.
enum HistoryController {
    @Sendable static func programme(req: Request) async throws -> Response {
        let summary = try await Workspace.summary(req)
        try req.access.require(req.access.canSeeHistory(summary), req.language)
        let entries = try await AuditLog(db: req.db).entries(programmeID: summary.id, limit: 300)
        return Workspace.html(HistoryPage(context: PageContext(req), summary: summary, subject: nil, entries: entries).render())
    }

    @Sendable static func action(req: Request) async throws -> Response {
        let loaded = try await Workspace.load(req)
        try req.access.require(req.access.canSeeHistory(loaded.summary), req.language)
        let action = try ActionController.action(req, loaded)
        let ids = [action.id] + action.fundingLines.indices.map { DerivedID.make(action.id, "funding", $0) } + action.milestones.map(\.id)
        var entries: [AuditEntry] = []
        for id in ids { entries += try await AuditLog(db: req.db).entries(programmeID: loaded.id, entityID: id, limit: 100) }
        entries.sort { $0.at > $1.at }
        return Workspace.html(HistoryPage(context: PageContext(req), summary: loaded.summary, subject: "\(action.code) \(action.title)", entries: entries).render())
    }
}

struct HistoryPage {
    var context: PageContext
    var summary: ProgrammeSummary
    var subject: String?
    var entries: [AuditEntry]

    func render() -> String {
        let c = context
        let title = subject.map { c.t("Ιστορικό: \($0)", "History: \($0)") } ?? c.t("Ιστορικό αλλαγών", "Change history")
        return Layout(title: title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path), (summary.title, SiteURL.programme(summary.id).path)]).render(.group(
            .h1(.text(title)),
            .if(entries.isEmpty, .p(.text(c.t("Δεν υπάρχουν καταγεγραμμένες αλλαγές.", "No recorded changes.")))),
            .table(.class("list history"),
                   .caption(.text(c.t("Οι πιο πρόσφατες αλλαγές πρώτες", "Most recent first"))),
                   .thead(.tr(.th(.text(c.t("Πότε", "When"))), .th(.text(c.t("Ποιος", "Who"))), .th(.text(c.t("Τι", "What"))), .th(.text(c.t("Αλλαγές", "Changes"))))),
                   .tbody(.forEach(entries) { entry in
                       .tr(.td(.text(Format.dateTime(entry.at))), .td(.text(entry.actor)),
                           .td(.text("\(AuditWords.operation(entry.operation, c.language)) · \(AuditWords.entity(entry.entity, c.language))")),
                           .td(.ul(.class("changes"), .forEach(AuditWords.changes(entry.changes)) { field, before, after in
                               .li(.strong(.text(field)), .text(": "), .del(.text(before)), .text(" → "), .ins(.text(after)))
                           })))
                   }))
        ))
    }
}

enum AuditWords {
    static func operation(_ code: String, _ l: Language) -> String {
        switch code {
        case "create": l.t("Δημιουργία", "Created")
        case "update": l.t("Αλλαγή", "Changed")
        case "delete": l.t("Διαγραφή", "Deleted")
        default: code
        }
    }

    static func entity(_ code: String, _ l: Language) -> String {
        let names: [String: (String, String)] = [
            "programme": ("πρόγραμμα", "programme"), "axis": ("άξονας", "axis"), "measure": ("μέτρο", "measure"), "objective": ("στόχος", "objective"),
            "action": ("δράση", "action"), "fundingLine": ("γραμμή χρηματοδότησης", "funding line"), "milestone": ("ορόσημο", "milestone"),
            "actionLink": ("σύνδεση δράσης", "action link"), "indicator": ("δείκτης", "indicator"), "indicatorTarget": ("τιμή-στόχος", "target"),
            "measurement": ("μέτρηση", "measurement"), "progressUpdate": ("αναφορά προόδου", "progress update"), "profileSection": ("ενότητα προφίλ", "profile section"),
            "keyFigure": ("βασικό μέγεθος", "key figure"), "planStatement": ("στοιχείο στρατηγικής", "strategy item"), "comment": ("σχόλιο", "comment"), "periodLock": ("κλείδωμα περιόδου", "period lock"), "annualApproval": ("έγκριση ετήσιου προγράμματος", "annual approval"),
        ]
        return names[code].map { l.t($0.0, $0.1) } ?? code
    }

    /// The audit record's `{field: [before, after]}` as rows, fields in a stable order.
    static func changes(_ json: String) -> [(String, String, String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [Any]] else { return [] }
        return object.keys.sorted().map { key in
            let pair = object[key]!
            func text(_ any: Any?) -> String { (any as? String).map { $0 == "null" ? "—" : $0 } ?? "—" }
            return (key, text(pair.first), text(pair.count > 1 ? pair[1] : nil))
        }
    }
}
