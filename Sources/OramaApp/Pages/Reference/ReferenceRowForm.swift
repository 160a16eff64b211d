import Foundation
import OramaDomain
import Vapor

/// The four kinds of reference data, each a section of the page and a path segment.
enum ReferenceKind: String, CaseIterable {
    case units, entities, localities, sources
}

/// One row of a reference-data section, as the form posts it.
struct ReferenceRowForm: Content {
    var id: String?
    var code: String?
    var name: String?
    var kind: String?
    var parent: String?
    var phone: String?
    var email: String?
    var ceiling: String?
    var genitive: String?
    var latitude: String?
    var longitude: String?
    var delete: String?
    var organisation: String?
}
