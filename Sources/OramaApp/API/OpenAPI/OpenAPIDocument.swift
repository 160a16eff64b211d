import Foundation
import OramaDomain
import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, served at `/openapi.json`. It is built in Swift
/// from one definition: each operation's path comes from `SiteURL` (as its route does), its
/// request and response schemas are read off the DTO types themselves (`SchemaReader`), so
/// the document cannot drift from the routes or from the JSON the API writes.
enum OpenAPIDocument {
    @Sendable static func serve(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// The document, built once.
    static let json: String = {
        let data = (try? JSONSerialization.data(withJSONObject: build().document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()

    enum Body {
        case object(any Decodable.Type)
        case array(any Decodable.Type)
    }

    /// One operation of the API.
    struct Operation {
        var method: String
        var url: SiteURL.Name
        var id: String
        var summary: String
        var response: Body
        var status = "200"
        var statusText = "Επιτυχία"
        var request: (any Decodable.Type)? = nil
        var query: [[String: Any]] = []
        var errors: [Int] = [400, 404]
        var links: [String: [String: String]] = [:]
        /// A 422 that answers with the operation's own body (its `problems`), not the error.
        var refusal: String? = nil
        /// Writes need an API token; reads work without one for published programmes.
        var needsToken: Bool { request != nil }
    }

    static let writeErrors = [400, 401, 403, 404, 409, 413, 415, 422]

    static var operations: [Operation] {
        let pp = "$request.path.programmeID"
        return [
            Operation(method: "get", url: .apiProgrammes, id: "listProgrammes", summary: "Τα δημοσιευμένα προγράμματα (και, με κλειδί, του Δήμου σας)",
                      response: .array(ProgrammeListItemDTO.self), errors: [],
                      links: ["GetProgramme": ["operationId": "getProgramme", "programmeID": "$response.body#/0/id"]]),
            Operation(method: "get", url: .apiProgramme, id: "getProgramme", summary: "Ολόκληρο το πρόγραμμα: άξονες, μέτρα, στόχοι, δράσεις, δείκτες, σύνολα",
                      response: .object(ProgrammeDTO.self),
                      links: ["GetStrategy": ["operationId": "getStrategy", "programmeID": "$response.body#/id"],
                              "ListActions": ["operationId": "listActions", "programmeID": "$response.body#/id"],
                              "ListIndicators": ["operationId": "listIndicators", "programmeID": "$response.body#/id"],
                              "GetChecks": ["operationId": "getChecks", "programmeID": "$response.body#/id"],
                              "GetFinance": ["operationId": "getFinance", "programmeID": "$response.body#/id"],
                              "GetAnnual": ["operationId": "getAnnual", "programmeID": "$response.body#/id", "year": "$response.body#/startYear"]]),
            Operation(method: "get", url: .apiStrategy, id: "getStrategy",
                      summary: "Στρατηγικό Σχέδιο (Αʹ Φάση): προφίλ, SWOT, κρίσιμα ζητήματα, όραμα, αρχές, στρατηγικοί στόχοι, ημερομηνίες διαβούλευσης και συμβουλίου",
                      response: .object(StrategyDTO.self)),
            Operation(method: "post", url: .apiProgrammes, id: "createProgramme", summary: "Νέο, κενό σχέδιο προγράμματος (όπως το «orama programme create»)",
                      response: .object(ProgrammeCreatedDTO.self), status: "201", statusText: "Δημιουργήθηκε", request: ProgrammeCreateDTO.self,
                      errors: [400, 401, 403, 415, 422],
                      links: ["ImportTable": ["operationId": "importTable", "programmeID": "$response.body#/id"]]),
            Operation(method: "post", url: .apiImport, id: "importTable",
                      summary: "Εισαγωγή του πίνακα του γραφείου (CSV ή XLSX) στο πρόγραμμα: δοκιμή ή εισαγωγή (όπως το «orama import»)",
                      response: .object(OfficeImportResultDTO.self), request: OfficeImportRequestDTO.self,
                      errors: [400, 401, 403, 404, 409, 413, 415], refusal: "Απορρίφθηκε· κάθε πρόβλημα με γραμμή και στήλη στο problems, δεν εισήχθη τίποτα"),
            Operation(method: "get", url: .apiChecks, id: "getChecks", summary: "Έλεγχοι πληρότητας και συνέπειας (χρήστες του Δήμου)",
                      response: .array(FindingDTO.self), errors: [400, 401, 403, 404]),
            Operation(method: "get", url: .apiFinance, id: "getFinance", summary: "Οικονομικός πίνακας ανά πηγή και έτος", response: .object(FinanceDTO.self),
                      query: [["name": "by", "in": "query", "required": false,
                               "schema": ["type": "string", "enum": FundingGrouping.allCases.map(\.rawValue), "default": "axis"]]]),
            Operation(method: "get", url: .apiAnnual, id: "getAnnual", summary: "Ετήσιο Πρόγραμμα Δράσης και Τεχνικό Πρόγραμμα ενός έτους", response: .object(AnnualDTO.self)),
            Operation(method: "get", url: .apiActions, id: "listActions", summary: "Όλες οι δράσεις με τη θέση τους στο δέντρο", response: .array(ActionItemDTO.self),
                      links: ["GetAction": ["operationId": "getAction", "programmeID": pp, "actionID": "$response.body#/0/action/id"],
                              "PatchAction": ["operationId": "patchAction", "programmeID": pp, "actionID": "$response.body#/0/action/id"],
                              "RecordProgress": ["operationId": "recordProgress", "programmeID": pp, "actionID": "$response.body#/0/action/id"]]),
            Operation(method: "get", url: .apiAction, id: "getAction", summary: "Μία δράση", response: .object(ActionItemDTO.self)),
            Operation(method: "patch", url: .apiAction, id: "patchAction",
                      summary: "Αλλαγή περιγραφικών στοιχείων δράσης (τίτλος, περιγραφή, προαπαιτούμενα, ωριμότητα, ΚΑΕ)",
                      response: .object(ActionItemDTO.self), request: ActionPatchDTO.self, errors: writeErrors),
            Operation(method: "post", url: .apiProgress, id: "recordProgress", summary: "Αναφορά προόδου δράσης για ένα τρίμηνο",
                      response: .object(ProgressDTO.self), status: "201", statusText: "Καταχωρίστηκε", request: ProgressInputDTO.self, errors: writeErrors),
            Operation(method: "get", url: .apiIndicators, id: "listIndicators", summary: "Όλοι οι δείκτες με στόχους και τιμές", response: .array(IndicatorDTO.self),
                      links: ["GetIndicator": ["operationId": "getIndicator", "programmeID": pp, "indicatorID": "$response.body#/0/id"],
                              "RecordMeasurement": ["operationId": "recordMeasurement", "programmeID": pp, "indicatorID": "$response.body#/0/id"]]),
            Operation(method: "get", url: .apiIndicator, id: "getIndicator", summary: "Ένας δείκτης", response: .object(IndicatorDTO.self)),
            Operation(method: "get", url: .apiOverview, id: "getOverview",
                      summary: "Επισκόπηση δήμων μιας Περιφέρειας ή όλης της χώρας: στάδιο, πρόοδος, δαπάνη, χρηματοδότηση ανά άξονα και πηγή, κοινοί δείκτες (αναλυτές)",
                      response: .object(OverviewDTO.self),
                      query: [["name": "region", "in": "query", "required": false, "description": "Η Περιφέρεια· χωρίς αυτήν, όλη η χώρα (ή η Περιφέρεια του αναλυτή)",
                               "schema": ["type": "string", "enum": Geography.regions.map(\.name)]]],
                      errors: [401, 403, 404],
                      links: ["GetProgramme": ["operationId": "getProgramme", "programmeID": "$response.body#/municipalities/0/programmeID"]]),
            Operation(method: "post", url: .apiMeasurements, id: "recordMeasurement", summary: "Τιμή δείκτη για μια περίοδο",
                      response: .object(MeasurementRecordDTO.self), status: "201", statusText: "Καταχωρίστηκε", request: MeasurementInputDTO.self, errors: writeErrors),
        ]
    }

    static let parameterDescriptions = [
        "programmeID": "Αναγνωριστικό προγράμματος", "actionID": "Αναγνωριστικό δράσης", "indicatorID": "Αναγνωριστικό δείκτη",
        "year": "Έτος της περιόδου του προγράμματος",
    ]

    /// The document, and the types whose schemas could not be read whole (none, a test says).
    static func build() -> (document: [String: Any], failures: [String]) {
        let reader = SchemaReader()
        let error: [String: Any] = ["$ref": "#/components/responses/Error"]
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            let url = SiteURL.example(op.url)
            let parameters: [[String: Any]] = url.segments.compactMap { segment in
                guard case .value(let name, _) = segment else { return nil }
                let schema: [String: Any] = name == "year" ? ["type": "integer"] : ["type": "string", "format": "uuid"]
                return ["name": name, "in": "path", "required": true, "schema": schema, "description": parameterDescriptions[name] ?? name]
            } + op.query
            let schema: [String: Any]
            switch op.response {
            case .object(let type): schema = reader.schema(of: type)
            case .array(let type): schema = ["type": "array", "items": reader.schema(of: type)]
            }
            var success: [String: Any] = ["description": op.statusText, "content": ["application/json": ["schema": schema]]]
            if !op.links.isEmpty {
                success["links"] = op.links.mapValues { link -> [String: Any] in
                    ["operationId": link["operationId"]!, "parameters": link.filter { $0.key != "operationId" }]
                }
            }
            var responses: [String: Any] = [op.status: success, "default": error]
            for code in op.errors { responses[String(code)] = error }
            if let refusal = op.refusal { responses["422"] = ["description": refusal, "content": ["application/json": ["schema": schema]]] }
            var operation: [String: Any] = [
                "operationId": op.id, "summary": op.summary, "responses": responses,
                "security": op.needsToken ? [["bearerAuth": [String]()]] : [[String: [String]](), ["bearerAuth": [String]()]],
            ]
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let request = op.request {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": reader.schema(of: request)]]]
            }
            paths[url.template, default: [:]][op.method] = operation
        }
        let errorSchema = reader.schema(of: APIErrorDTO.self)
        return ([
            "openapi": "3.1.0",
            "info": [
                "title": "Orama API", "version": "1.1.0",
                "description": "Το API του Orama για τα Επιχειρησιακά Προγράμματα των Δήμων (ΥΑ 41179/2014). Τα δημοσιευμένα προγράμματα διαβάζονται χωρίς σύνδεση· οι αλλαγές και τα σχέδια χρειάζονται προσωπικό κλειδί API (Authorization: Bearer), που δημιουργείται στη σελίδα /account/tokens, με τα δικαιώματα ρόλου και υπηρεσίας του χρήστη. Τα ποσά δίνονται σε λεπτά του ευρώ (…Cents). Τα σφάλματα έχουν πάντα τη μορφή {\"error\": {status, code, message, pointer}}· το pointer δείχνει το πεδίο του σώματος που απορρίφθηκε.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": reader.components,
                "responses": ["Error": ["description": "Σφάλμα με σταθερή μορφή", "content": ["application/json": ["schema": errorSchema]]]],
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "description": "Προσωπικό κλειδί API (orama_…)"]],
            ],
        ], reader.failures)
    }
}
