import Foundation
import OramaDomain
import Plot

extension Node where Context == HTML.FormContext {
    /// The same node where body content is expected (table cells inside a form).
    var asBody: Node<HTML.BodyContext> { .component(NodeComponent(node: self)) }
}

/// A node of one context placed where Plot expects another (body nodes inside a form,
/// form nodes inside table cells).
struct NodeComponent<Context>: Component {
    var node: Node<Context>
    var body: Component { node }
}
