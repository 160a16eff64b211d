import Foundation
import OramaDomain
import Vapor

struct ProgrammeListItemDTO: Content {
    var id: UUID
    var title: String
    var startYear: Int
    var endYear: Int
    var status: String
    var version: Int
    var changeCounter: Int64
    var url: String
}

extension ProgrammeListItemDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["status": .oneOf(Programme.Status.self)] }
}
