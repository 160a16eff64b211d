import Fluent
import Foundation

/// The field values of a row as text, for comparing two versions of it and for the audit log.
enum RowSnapshot {
    static func of(_ model: some Model) -> [String: String] {
        let input = Collector()
        model.input(to: input)
        return input.values
    }

    private final class Collector: DatabaseInput {
        var values: [String: String] = [:]
        var wantsUnmodifiedKeys: Bool { true }

        func set(_ value: DatabaseQuery.Value, at key: FieldKey) {
            values[key.description] = Self.text(value)
        }

        static func text(_ value: DatabaseQuery.Value) -> String {
            switch value {
            case .bind(let encodable):
                switch encodable {
                // Databases differ in how finely they keep time; milliseconds are what we promise.
                case let date as Date: return String(Int64((date.timeIntervalSince1970 * 1000).rounded()))
                case let optional as Date?: return optional.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? "null"
                default: return String(describing: encodable)
                }
            case .null: return "null"
            case .default: return ""
            case .array(let items): return "[" + items.map(text).joined(separator: ",") + "]"
            case .dictionary(let items): return "{" + items.map { "\($0.key)=\(text($0.value))" }.sorted().joined(separator: ",") + "}"
            case .enumCase(let name): return name
            case .custom(let any): return String(describing: any)
            }
        }
    }
}

/// The audit entries of one write, saved in the same transaction as the write itself.
struct AuditTrail {
    enum Operation: String {
        case create
        case update
        case delete
    }

    let organisationID: UUID
    let programmeID: UUID?
    let actor: Actor
    let at = Date().roundedToMilliseconds
    private(set) var entries: [AuditEntryModel] = []

    init(organisationID: UUID, programmeID: UUID?, actor: Actor) {
        self.organisationID = organisationID
        self.programmeID = programmeID
        self.actor = actor
    }

    /// Columns that say nothing about the plan: the row's id, an action's change counter.
    static let bookkeeping: Set<String> = ["id", "changed_counter"]

    /// Records which fields changed: for an update only those that differ, for a create or
    /// delete every field.
    mutating func record(entity: String, id: UUID, operation: Operation, before: [String: String], after: [String: String]) {
        var changes: [String: [String?]] = [:]
        for key in Set(before.keys).union(after.keys) where !Self.bookkeeping.contains(key) && before[key] != after[key] {
            changes[key] = [before[key], after[key]]
        }
        let entry = AuditEntryModel()
        entry.id = UUID()
        entry.organisationID = organisationID
        entry.programmeID = programmeID
        entry.at = at
        entry.actor = actor.name
        entry.entity = entity
        entry.entityID = id
        entry.operation = operation.rawValue
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        entry.changes = (try? String(decoding: encoder.encode(changes), as: UTF8.self)) ?? "{}"
        entries.append(entry)
    }

    func save(on db: any Database) async throws {
        var start = 0
        while start < entries.count {
            let end = min(start + 500, entries.count)
            try await Array(entries[start..<end]).create(on: db)
            start = end
        }
    }
}
