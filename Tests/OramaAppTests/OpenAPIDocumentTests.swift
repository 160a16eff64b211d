import Foundation
@testable import OramaApp
import OramaDomain
import Testing
import VaporTesting

/// The OpenAPI document is built from the DTO types; these tests check that what the API
/// actually answers is what the document says, property by property.
@Suite("Το έγγραφο OpenAPI και οι απαντήσεις του API", .serialized)
struct OpenAPIDocumentTests {
    typealias Schema = [String: Any]

    /// A JSON value as it was written: booleans, whole and fractional numbers told apart.
    indirect enum JSON: Decodable {
        case object([String: JSON]), array([JSON]), string(String), integer(Int64), number(Double), bool(Bool), null

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let v = try? c.decode(Bool.self) { self = .bool(v) }
            else if let v = try? c.decode(Int64.self) { self = .integer(v) }
            else if let v = try? c.decode(Double.self) { self = .number(v) }
            else if let v = try? c.decode(String.self) { self = .string(v) }
            else if let v = try? c.decode([JSON].self) { self = .array(v) }
            else { self = .object(try c.decode([String: JSON].self)) }
        }

        static func read(_ data: Data) throws -> JSON { try JSONDecoder().decode(JSON.self, from: data) }

        var text: String {
            switch self {
            case .string(let s): s
            case .integer(let i): String(i)
            case .number(let d): String(d)
            case .bool(let b): String(b)
            default: "…"
            }
        }
    }

    /// Every difference between a JSON value and a schema: a missing required property, a
    /// property the schema does not name, a wrong type, a value outside an `enum`.
    static func problems(_ value: JSON, _ schema: Schema, _ components: [String: Schema], at path: String = "") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = components[String(ref.split(separator: "/").last ?? "")] else { return ["\(path): unknown \(ref)"] }
            return problems(value, target, components, at: path)
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { "\($0)" == value.text }) { return ["\(path): \(value.text) not in \(values)"] }
        switch (schema["type"] as? String, value) {
        case ("object", .object(let object)):
            var out: [String] = []
            let properties = schema["properties"] as? [String: Schema] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path)/\(key): required but missing") }
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] { out += problems(item, property, components, at: "\(path)/\(key)") }
                else if let extra = schema["additionalProperties"] as? Schema { out += problems(item, extra, components, at: "\(path)/\(key)") }
                else { out.append("\(path)/\(key): not named by the schema") }
            }
            return out
        case ("array", .array(let array)):
            let items = schema["items"] as? Schema ?? [:]
            return array.prefix(40).enumerated().flatMap { problems($0.element, items, components, at: "\(path)/\($0.offset)") }
        case ("string", .string), ("integer", .integer), ("number", .integer), ("number", .number), ("boolean", .bool), (nil, _): return []
        case (let type?, _): return ["\(path): not \(type == "integer" ? "an" : "a") \(type)"]
        }
    }

    static func document(_ app: Application) async throws -> (Schema, [String: Schema]) {
        let response = try await app.testing().sendRequest(.GET, SiteURL.openAPI.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? Schema)
        let components = try #require((document["components"] as? Schema)?["schemas"] as? [String: Schema])
        return (document, components)
    }

    @Test func everySchemaNamesItsProperties() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let (_, components) = try await Self.document(app)
            #expect(components.count >= 25)
            for (name, schema) in components {
                #expect(schema["type"] as? String == "object", "\(name)")
                #expect(!((schema["properties"] as? Schema) ?? [:]).isEmpty, "\(name) names its properties")
            }
            #expect((components["Action"]?["required"] as? [String])?.contains("costCents") == true)
            #expect((components["Action"]?["required"] as? [String])?.contains("rank") == false, "optional properties are not required")
            // Finding 9 of issue 14: an empty title was allowed by the document and refused (422) by the server.
            let title = (components["ActionPatch"]?["properties"] as? Schema)?["title"] as? Schema
            #expect(title?["pattern"] as? String == "\\S" && title?["maxLength"] as? Int == FieldRules.titleLimit)
            // The same for a new programme's title, and the bounds of what the reports take.
            func property(_ schema: String, _ name: String) -> Schema? { (components[schema]?["properties"] as? Schema)?[name] as? Schema }
            #expect(property("ProgrammeCreate", "title")?["pattern"] as? String == "\\S")
            #expect(property("ProgressInput", "reason")?["maxLength"] as? Int == FieldRules.reasonLimit)
            #expect(property("ProgressInput", "spentCents")?["maximum"] as? Int == Int(Money.maximum.cents))
            #expect(property("MeasurementInput", "reason")?["maxLength"] as? Int == FieldRules.reasonLimit)
            #expect(property("MeasurementInput", "value")?["maximum"] as? Int == 999_999_999_999_999)
        }
    }

    @Test func whatTheAPIAnswersIsWhatTheDocumentSays() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let f = try await WorkspaceFixture.make(app)
            let planner = try await f.browser(as: "planner@test.gr")
            let token = try await InterchangeRouteTests.token(planner, name: "schema")
            let (document, components) = try await Self.document(app)
            let paths = try #require(document["paths"] as? [String: [String: Schema]])
            let p = f.programme.id, a = f.programme.actions[0].id, i = f.programme.indicators[0].id
            var urls: [SiteURL] = [.apiProgrammes, .apiProgramme(p), .apiStrategy(p), .apiActions(p), .apiAction(p, a), .apiIndicators(p),
                                   .apiIndicator(p, i), .apiChecks(p), .apiAnnual(p, year: 2025)]
            urls += FundingGrouping.allCases.map { .apiFinance(p, by: $0.rawValue) }
            for url in urls {
                let response = try await InterchangeRouteTests.send(app, .GET, url.path, token: token, json: "")
                #expect(response.status == .ok, "\(url.path)")
                let schema = try #require(((paths[url.template]?["get"]?["responses"] as? Schema)?["200"] as? Schema).flatMap {
                    (($0["content"] as? Schema)?["application/json"] as? Schema)?["schema"] as? Schema
                }, "\(url.template)")
                let body = try JSON.read(Data(response.body.readableBytesView))
                let found = Self.problems(body, schema, components)
                #expect(found.isEmpty, "\(url.template): \(found.prefix(5))")
            }
            // A write and an error, too.
            let patch = try await InterchangeRouteTests.send(app, .PATCH, SiteURL.apiAction(p, a).path, token: token, json: #"{"title": "Νέος τίτλος από το API"}"#)
            #expect(patch.status == .ok)
            let patchSchema = try #require(components["ActionItem"])
            #expect(Self.problems(try JSON.read(Data(patch.body.readableBytesView)), patchSchema, components).isEmpty)
            let refused = try await InterchangeRouteTests.send(app, .PATCH, SiteURL.apiAction(p, a).path, token: token, json: #"{"maturity": "ώριμη"}"#)
            #expect(refused.status == .unprocessableEntity)
            let errorSchema = try #require(components["APIError"])
            #expect(Self.problems(try JSON.read(Data(refused.body.readableBytesView)), errorSchema, components).isEmpty)
        }
    }

    /// The check itself: a value the schema does not describe is caught.
    @Test func theCheckFindsWhatTheSchemaDoesNotSay() {
        let schema: Schema = ["type": "object", "required": ["a"], "properties": ["a": ["type": "integer"], "b": ["type": "string", "enum": ["x"]]]]
        func check(_ json: String) -> [String] { Self.problems(try! JSON.read(Data(json.utf8)), schema, [:]) }
        #expect(check(#"{"a": 1}"#).isEmpty)
        #expect(check(#"{"b": "x"}"#) == ["/a: required but missing"])
        #expect(check(#"{"a": 1, "c": true}"#) == ["/c: not named by the schema"])
        #expect(check(#"{"a": "1"}"#) == ["/a: not an integer"])
        #expect(check(#"{"a": true}"#) == ["/a: not an integer"])
        #expect(check(#"{"a": 1, "b": "y"}"#).count == 1)
    }

    enum Colour: String, Decodable { case red }
    struct HalfReadableDTO: Decodable { var first: String; var colour: Colour; var last: Int }
    struct ReadableDTO: Decodable { var name: String; var count: Int?; var tags: [String]; var byYear: [String: Int64]; var when: Date? }

    /// Every DTO is read whole; a property the reader cannot follow is reported, not dropped.
    @Test func everyDTOIsReadWholeAndAnUnreadableOneIsReported() throws {
        #expect(OpenAPIDocument.build().failures.isEmpty, "\(OpenAPIDocument.build().failures)")
        let reader = SchemaReader()
        _ = reader.schema(of: HalfReadableDTO.self)
        #expect(reader.failures.contains { $0.contains("HalfReadableDTO") && $0.contains("«colour»") }, "\(reader.failures)")
        let before = reader.failures.count
        _ = reader.schema(of: ReadableDTO.self)
        let readable = try #require(reader.components["Readable"])
        #expect(Set(readable["required"] as? [String] ?? []) == ["name", "tags", "byYear"])
        #expect(((readable["properties"] as? Schema)?["when"] as? Schema)?["format"] as? String == "date-time")
        #expect(reader.failures.count == before, "a readable DTO adds no failure")
    }
}
