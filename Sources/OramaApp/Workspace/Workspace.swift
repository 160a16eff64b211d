import Crypto
import Fluent
import Foundation
import OramaDomain
import Plot
import Vapor

/// A programme loaded for a request, already checked as readable by the user.
struct LoadedProgramme: Sendable {
    var summary: ProgrammeSummary
    var programme: Programme
    var reference: ReferenceData

    var id: UUID { summary.id }
}

enum Workspace {
    static func programmeID(_ req: Request) throws -> UUID {
        let text = req.parameters.get("programmeID") ?? ""
        guard let id = UUID(uuidString: text) else { throw UserFacingError.badID(text) }
        return id
    }

    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        let text = req.parameters.get(name) ?? req.query[String.self, at: name] ?? ""
        guard let id = UUID(uuidString: text) else {
            throw UserFacingError(status: .badRequest, code: "invalid_id",
                                  reason: req.language.t("Μη έγκυρος κωδικός στη διεύθυνση: «\(text.prefix(60))».", "Invalid id in the address: “\(text.prefix(60))”."))
        }
        return id
    }

    /// The summary row only (one query), 404 unless the user may read the programme.
    static func summary(_ req: Request) async throws -> ProgrammeSummary {
        let id = try programmeID(req)
        guard let summary = try await ProgrammeRepository(db: req.db).summary(id), req.access.canRead(summary) else {
            throw UserFacingError.programmeNotFound
        }
        return summary
    }

    static func load(_ req: Request) async throws -> LoadedProgramme {
        let summary = try await summary(req)
        guard let programme = try await ProgrammeRepository(db: req.db).load(summary.id),
              let reference = try await ReferenceRepository(db: req.db).load(organisationID: summary.organisationID) else {
            throw UserFacingError.programmeNotFound
        }
        return LoadedProgramme(summary: summary, programme: programme, reference: reference)
    }

    static func notFound(_ req: Request, _ what: String) -> UserFacingError {
        UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Δεν βρέθηκε: \(what).", "Not found: \(what)."))
    }

    /// Saves a change made to a freshly loaded programme. `base` is the fingerprint of the
    /// entity as the user's form showed it, `current` its fingerprint now: if they differ,
    /// someone else changed the same thing meanwhile and nothing is written. A change made
    /// elsewhere in the programme is not a conflict; the change counter still guarantees
    /// that nothing saved in between this load and this save is overwritten.
    static func commit(_ req: Request, _ loaded: LoadedProgramme, base: String?, current: String?,
                       _ change: (inout Programme) throws -> Void) async throws -> Outcome {
        if let current, base != current { return .conflict }
        var programme = loaded.programme
        try change(&programme)
        do {
            try await ProgrammeRepository(db: req.db).save(programme, expecting: loaded.programme.changeCounter, actor: req.user!.actor)
        } catch StorageError.conflict {
            return .conflict
        }
        return .saved(programme)
    }

    enum Outcome {
        case saved(Programme)
        case conflict
    }

    static func redirect(_ req: Request, to path: String, flash: String? = nil) -> Response {
        if let flash { req.session.data["flash"] = flash }
        return req.redirect(to: path, redirectType: .normal)
    }

    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Plot escapes text nodes but writes attribute values as they are, so every value that
/// may carry user input goes through here before it becomes an attribute.
enum Escape {
    static func attribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// A short, stable digest of a value as the user saw it, for conflict checks.
enum Fingerprint {
    static func of<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data()
        return SHA256.hash(data: data).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}

/// Messages about the fields of a form, keyed by field name.
struct FieldErrors: Sendable {
    private(set) var messages: [String: String] = [:]

    var isEmpty: Bool { messages.isEmpty }
    subscript(_ field: String) -> String? { messages[field] }
    mutating func add(_ field: String, _ message: String) { if messages[field] == nil { messages[field] = message } }
}

/// Form controls with a label, the user's value kept, and the error beside the field.
enum FormField {
    /// `key` names the field for its id and its error when several forms on a page post the
    /// same `name` (one form per row); it defaults to the name.
    static func text(_ name: String, _ label: String, _ value: String, errors: FieldErrors, required: Bool = false,
                     type: HTMLInputType = .text, hint: String? = nil, extra: [Attribute<HTML.InputContext>] = [], key: String? = nil) -> Node<HTML.FormContext> {
        let posted = name
        let name = key ?? name
        let error = errors[name]
        var attributes: [Attribute<HTML.InputContext>] = [.type(type), .id(fieldID(name)), .name(posted), .value(Escape.attribute(value))]
        if required { attributes.append(.required(true)) }
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        if error != nil || hint != nil { attributes.append(.attribute(named: "aria-describedby", value: fieldID(name) + "-note")) }
        attributes += extra
        return .div(.class(error == nil ? "field" : "field invalid"),
                    .label(.for(fieldID(name)), .text(label + (required ? " *" : ""))),
                    .selfClosedElement(named: "input", attributes: attributes),
                    note(name, error: error, hint: hint))
    }

    static func textarea(_ name: String, _ label: String, _ value: String, errors: FieldErrors, rows: Int = 4, hint: String? = nil) -> Node<HTML.FormContext> {
        let error = errors[name]
        return .div(.class(error == nil ? "field" : "field invalid"),
                    .label(.for(fieldID(name)), .text(label)),
                    .textarea(.id(fieldID(name)), .name(name), .rows(rows),
                              .if(error != nil || hint != nil, .attribute(named: "aria-describedby", value: fieldID(name) + "-note")),
                              // Plot keeps "&lt;" as an entity; escape fully so what was typed comes back.
                              .raw(Escape.attribute(value))),
                    note(name, error: error, hint: hint))
    }

    static func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String, errors: FieldErrors,
                       required: Bool = false, hint: String? = nil, key: String? = nil) -> Node<HTML.FormContext> {
        let posted = name
        let name = key ?? name
        let error = errors[name]
        let described: Node<HTML.SelectContext> = .if(error != nil || hint != nil, .attribute(named: "aria-describedby", value: fieldID(name) + "-note"))
        let choices: [Node<HTML.SelectContext>] = options.map { value, text in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: Escape.attribute(value), ignoreIfValueIsEmpty: false),
                .if(value == selected, .attribute(named: "selected", value: "selected")),
                .text(text),
            ])
        }
        let control: Node<HTML.FormContext> = .select(.id(fieldID(name)), .attribute(named: "name", value: posted), described, .group(choices))
        return .div(.class(error == nil ? "field" : "field invalid"),
                    .label(.for(fieldID(name)), .text(label + (required ? " *" : ""))),
                    control,
                    note(name, error: error, hint: hint))
    }

    static func checkboxes(_ name: String, _ legend: String, _ options: [(String, String)], checked: Set<String>, errors: FieldErrors) -> Node<HTML.FormContext> {
        .fieldset(.class(errors[name] == nil ? "checks" : "checks invalid"),
                  .element(named: "legend", text: legend),
                  .forEach(Array(options.enumerated())) { index, option in
                      .div(.class("check"),
                           .input(.type(.checkbox), .id("\(fieldID(name))-\(index)"), .name("\(name)[]"), .value(Escape.attribute(option.0)), .checked(checked.contains(option.0))),
                           .label(.for("\(fieldID(name))-\(index)"), .text(option.1)))
                  },
                  note(name, error: errors[name], hint: nil))
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool, key: String? = nil) -> Node<HTML.FormContext> {
        .div(.class("check"),
             .input(.type(.checkbox), .id(fieldID(key ?? name)), .name(name), .value("on"), .checked(checked)),
             .label(.for(fieldID(key ?? name)), .text(label)))
    }

    static func note(_ name: String, error: String?, hint: String?) -> Node<HTML.FormContext> {
        .unwrap(error ?? hint) { text in
            .p(.id(fieldID(name) + "-note"), .class(error != nil ? "error" : "hint"), .text(text))
        }
    }

    static func fieldID(_ name: String) -> String {
        "f-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    static func submit(_ label: String) -> Node<HTML.FormContext> {
        .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(label)))
    }

    static func errorSummary(_ errors: FieldErrors, _ c: PageContext) -> Node<HTML.FormContext> {
        .if(!errors.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                  .p(.text(c.t("Η φόρμα έχει λάθη· διορθώστε τα πεδία που σημειώνονται.", "The form has errors; correct the marked fields."))),
                                  .ul(.forEach(errors.messages.sorted { $0.key < $1.key }) { field, message in
                                      .li(.a(.href("#" + fieldID(field)), .text(message)))
                                  })))
    }
}

/// Shown above a form sent back because someone else saved the same thing first.
struct ConflictNotice {
    var rows: [(label: String, theirs: String, yours: String)]

    func node(_ c: PageContext) -> Node<HTML.FormContext> {
        .div(.class("conflict"), .attribute(named: "role", value: "alert"),
             .h2(.text(c.t("Σύγκρουση αλλαγών", "Edit conflict"))),
             .p(.text(c.t("Κάποιος άλλος αποθήκευσε αλλαγές σε αυτό το στοιχείο αφότου ανοίξατε τη φόρμα. Δεν αποθηκεύτηκε τίποτα. Συγκρίνετε τις δύο εκδοχές· αν πατήσετε ξανά «Αποθήκευση», θα ισχύσουν οι δικές σας τιμές.",
                          "Someone else saved changes to this item after you opened the form. Nothing was saved. Compare the two versions; if you press “Save” again, your values will apply."))),
             .table(.caption(.text(c.t("Πεδία που διαφέρουν", "Fields that differ"))),
                    .thead(.tr(.th(.text(c.t("Πεδίο", "Field"))), .th(.text(c.t("Αποθηκευμένη εκδοχή", "Saved version"))), .th(.text(c.t("Η δική σας εκδοχή", "Your version"))))),
                    .tbody(.forEach(rows) { row in .tr(.td(.text(row.label)), .td(.text(row.theirs)), .td(.text(row.yours))) })))
    }

    static func diff(_ theirs: [(String, String)], _ yours: [(String, String)]) -> ConflictNotice {
        var rows: [(String, String, String)] = []
        for (index, pair) in theirs.enumerated() where index < yours.count && yours[index].1 != pair.1 {
            rows.append((pair.0, pair.1, yours[index].1))
        }
        return ConflictNotice(rows: rows.map { (label: $0.0, theirs: $0.1, yours: $0.2) })
    }
}
