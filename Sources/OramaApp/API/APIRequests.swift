import Foundation
import OramaDomain
import Vapor

/// What every API handler shares: the JSON body read with a Greek refusal, the opening of a
/// write (token, programme, the item the path names, the right to change it, the body), and
/// the save with the programme's change counter.
enum APIRequests {
    /// Foundation's decoder says only «not valid JSON» when a number does not fit its property
    /// (1.5, or 2⁶³, where a whole number goes). When the body is JSON after all, the property
    /// is found through the type's schema: the first whole-number one holding something else.
    static func misfitInteger<T: Decodable>(_ body: ByteBuffer?, _ type: T.Type) -> String? {
        guard let body, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else { return nil }
        let reader = SchemaReader()
        var schema = reader.schema(of: type)
        if let reference = schema["$ref"] as? String, let name = reference.split(separator: "/").last {
            schema = reader.components[String(name)] ?? [:]
        }
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        return object.keys.sorted().first { key in
            guard properties[key]?["type"] as? String == "integer", !(object[key] is Bool), let number = object[key] as? NSNumber else { return false }
            let value = number.doubleValue
            return value.rounded() != value || !(-9.223372036854775808e18 ..< 9.223372036854775808e18).contains(value)
        }
    }

    static func body<T: Decodable>(_ req: Request, _ type: T.Type) throws -> T {
        guard req.headers.contentType == .json else {
            throw UserFacingError(status: .unsupportedMediaType, code: "json_required", reason: "Το σώμα του αιτήματος πρέπει να είναι JSON (Content-Type: application/json).")
        }
        do { return try req.content.decode(T.self) } catch let DecodingError.keyNotFound(key, _) {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Λείπει το πεδίο «\(key.stringValue)».", pointer: "/" + key.stringValue)
        } catch let DecodingError.typeMismatch(_, context) {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Λάθος τύπος στο πεδίο «\(context.codingPath.map(\.stringValue).joined(separator: "."))».",
                                  pointer: "/" + context.codingPath.map(\.stringValue).joined(separator: "/"))
        } catch let DecodingError.valueNotFound(_, context) {
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Κενό πεδίο «\(context.codingPath.map(\.stringValue).joined(separator: "."))».",
                                  pointer: "/" + context.codingPath.map(\.stringValue).joined(separator: "/"))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            // A malformed id or date, or a number that does not fit, where the decoder says where.
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw UserFacingError(status: .badRequest, code: "invalid_body",
                                  reason: "Η τιμή του πεδίου «\(field)» δεν ταιριάζει στον τύπο του.",
                                  pointer: "/" + context.codingPath.map(\.stringValue).joined(separator: "/"))
        } catch {
            if let key = misfitInteger(req.body.data, T.self) {
                throw UserFacingError(status: .badRequest, code: "invalid_body",
                                      reason: "Το πεδίο «\(key)» δέχεται ακέραιο αριθμό· η τιμή που δόθηκε έχει δεκαδικά ή ξεπερνά τα όρια ακεραίου.",
                                      pointer: "/" + key)
            }
            throw UserFacingError(status: .badRequest, code: "invalid_body", reason: "Το σώμα του αιτήματος δεν είναι έγκυρο JSON για αυτή τη λειτουργία.")
        }
    }

    /// A write through the API, opened: who writes (by API token only: the API takes no CSRF
    /// token, so a cookie is not enough), in which programme, to which item, with what body.
    struct Write<Target: Sendable, Body: Decodable & Sendable>: Sendable {
        var user: UserAccount
        var loaded: LoadedProgramme
        var target: Target
        var body: Body
    }

    /// Opens a write to the action the path names; 403 naming the account and the action
    /// unless `Access` lets the user change it.
    static func actionWrite<Body>(_ req: Request, _ body: Body.Type, refused: String) async throws -> Write<ActionPath, Body> {
        try await open(req, body, find: { loaded in
            let action = try loaded.action(req)
            return loaded.programme.actionPaths.first { $0.action.id == action.id }!
        }, allowed: { access, path, summary in access.canEdit(path.action, in: summary) }, code: \.action.code, refused: refused)
    }

    /// Opens a write to the indicator the path names, under the same rule.
    static func indicatorWrite<Body>(_ req: Request, _ body: Body.Type, refused: String) async throws -> Write<Indicator, Body> {
        try await open(req, body, find: { loaded in try loaded.indicator(req) },
                       allowed: { access, indicator, summary in access.canEdit(indicator, in: summary) }, code: \.code, refused: refused)
    }

    private static func open<Target, Body>(_ req: Request, _ body: Body.Type, find: (LoadedProgramme) throws -> Target,
                                           allowed: (Access, Target, ProgrammeSummary) -> Bool, code: (Target) -> String,
                                           refused: String) async throws -> Write<Target, Body> {
        let user = try req.requireTokenUser()
        let loaded = try await ProgrammeContext.load(req)
        let target = try find(loaded)
        guard allowed(req.access, target, loaded.summary) else {
            throw UserFacingError(status: .forbidden, code: "forbidden", reason: "Ο λογαριασμός \(user.email) \(refused) \(code(target)).")
        }
        return Write(user: user, loaded: loaded, target: target, body: try self.body(req, Body.self))
    }

    /// How many times a write is applied again to a programme someone else saved meanwhile.
    static let reapplications = 25

    /// Applies `change` to the programme and saves it. If someone else's save lands in between
    /// (another action's report, another field), the change is applied again to the programme
    /// as it now is, under the same domain rules: writes to different parts never conflict;
    /// `change` itself refuses (409) when its own part changed. Returns the programme as saved.
    /// A save that loses the race waits for its turn among this server's saves of the same
    /// programme (`ProgrammeSaveQueue`), then applies its change to the programme as the save
    /// before it left it (or as read again).
    static func save(_ req: Request, _ loaded: LoadedProgramme, applying change: (inout Programme) async throws -> Void) async throws -> Programme {
        if let saved = try await attempt(req, over: loaded.programme, change) { return saved }
        let queue = req.application.programmeSaveQueue
        return try await queue.inTurn(loaded.id) {
            var base = queue.handedOver(loaded.id)
            for _ in 1..<reapplications {
                if base == nil { base = try await req.repositories.programmes.load(loaded.id) }
                guard let current = base else {
                    throw UserFacingError.notFound(req.language.t("το πρόγραμμα", "the programme"), req.language)
                }
                if let saved = try await attempt(req, over: current, change) {
                    queue.handOver(saved)
                    return saved
                }
                base = nil
            }
            throw UserFacingError(status: .conflict, code: "conflict", reason: "Το πρόγραμμα αλλάζει συνεχώς από άλλους χρήστες· ξαναδιαβάστε το και δοκιμάστε πάλι.")
        }
    }

    /// `change` applied to `base` and saved over it; nil when someone else's save landed first.
    private static func attempt(_ req: Request, over base: Programme, _ change: (inout Programme) async throws -> Void) async throws -> Programme? {
        var programme = base
        try await change(&programme)
        if programme == base { return programme }
        do {
            programme.changeCounter = try await req.repositories.programmes.save(programme, over: base, actor: req.user!.actor)
            return programme
        } catch StorageError.conflict {
            return nil
        }
    }

    /// A report the domain refused (a locked or future period, a correction without a reason …),
    /// as a 422 with the body's property at fault.
    static func refused(_ error: EntryError) -> UserFacingError {
        let property: String
        switch error.field {
        case "spent": property = "spentCents"
        default: property = error.field
        }
        return UserFacingError(status: .unprocessableEntity, code: "invalid_\(property)", reason: error.description, pointer: "/" + property)
    }
}
