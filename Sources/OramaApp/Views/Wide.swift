import Plot

/// A table wider than a phone: it scrolls sideways inside its own box, which the keyboard
/// can reach and a screen reader names, so the page itself never scrolls sideways.
enum Wide {
    static func region<C: HTMLDividableContext>(_ label: String, _ content: Node<C>) -> Node<C> {
        .div(.class("table-scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
             .attribute(named: "aria-label", value: Escape.attribute(label)), content)
    }
}
