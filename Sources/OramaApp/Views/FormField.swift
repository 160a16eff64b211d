import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

/// Messages about the fields of a form, keyed by field name.
struct FieldErrors: Sendable {
    private(set) var messages: [String: String] = [:]

    var isEmpty: Bool { messages.isEmpty }
    subscript(_ field: String) -> String? { messages[field] }
    mutating func add(_ field: String, _ message: String) { if messages[field] == nil { messages[field] = message } }

    /// Runs one of the domain's field rules; a refusal is noted beside `field` (the rule's own
    /// field unless told otherwise) in the page's language, and the value is nil.
    mutating func check<T>(_ language: Language, as field: String? = nil, _ rule: () throws(FieldError) -> T) -> T? {
        do throws(FieldError) { return try rule() } catch {
            add(field ?? error.field, language.t(error.description, error.english))
            return nil
        }
    }
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
