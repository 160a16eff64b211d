import Foundation

/// What a DTO adds to the schema its Swift type gives: the values a string or number takes,
/// a format, a description, examples, bounds.
struct SchemaNote: Sendable {
    var values: [String]? = nil
    var numbers: [Int]? = nil
    var format: String? = nil
    var description: String? = nil
    var examples: [String]? = nil
    var minimum: Int? = nil
    var maximum: Int? = nil
    var maxLength: Int? = nil
    /// A regular expression the text must match somewhere (`\\S`: not blank).
    var pattern: String? = nil

    static func oneOf(_ values: [String]) -> SchemaNote { SchemaNote(values: values) }
    static func oneOf<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> SchemaNote where T.RawValue == String { SchemaNote(values: T.allCases.map(\.rawValue)) }
    static func format(_ format: String) -> SchemaNote { SchemaNote(format: format) }
    static func about(_ text: String) -> SchemaNote { SchemaNote(description: text) }
}

/// A DTO that says more about its properties than their Swift types do.
protocol SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { get }
}

/// Reads a JSON Schema off a `Decodable` type: it decodes the type with a decoder that answers
/// every question with a placeholder and records what it was asked — each key, whether it is
/// required (`decode`) or optional (`decodeIfPresent`), and the type decoded there. The schema
/// therefore follows the type's own `Codable` shape and cannot drift from it. Types whose name
/// ends in `DTO` become named components (`ActionDTO` → `#/components/schemas/Action`).
final class SchemaReader {
    private(set) var components: [String: [String: Any]] = [:]
    /// Types the reader could not read whole (a property decoded through a single-value
    /// container, a dictionary not keyed by text): their schemas would miss properties, so a
    /// test requires this to stay empty.
    private(set) var failures: [String] = []

    /// The schema of `type` (a `$ref` for a DTO), registering the components it uses.
    func schema(of type: any Decodable.Type) -> [String: Any] {
        switch type {
        case is String.Type: return ["type": "string"]
        case is UUID.Type: return ["type": "string", "format": "uuid"]
        case is Date.Type: return ["type": "string", "format": "date-time"]
        case is Bool.Type: return ["type": "boolean"]
        case is any BinaryInteger.Type: return ["type": "integer"]
        case is any BinaryFloatingPoint.Type: return ["type": "number"]
        default: break
        }
        if let array = type as? any SchemaArray.Type { return ["type": "array", "items": schema(of: array.elementType)] }
        if let map = type as? any SchemaDictionary.Type { return ["type": "object", "additionalProperties": schema(of: map.valueType)] }
        if let optional = type as? any SchemaOptional.Type { return schema(of: optional.wrappedType) }
        let name = Self.name(of: type)
        guard let name else { return object(type) }
        if components[name] == nil {
            components[name] = [:]  // placeholder against recursion
            components[name] = object(type)
        }
        return ["$ref": "#/components/schemas/\(name)"]
    }

    static func name(of type: any Decodable.Type) -> String? {
        let full = String(describing: type)
        guard full.hasSuffix("DTO"), !full.contains(".") else { return nil }
        return String(full.dropLast(3))
    }

    /// The object a keyed type decodes: its properties in declaration order, the required ones listed.
    private func object(_ type: any Decodable.Type) -> [String: Any] {
        let recorder = Recorder(reader: self)
        do { _ = try type.init(from: RecordingDecoder(recorder: recorder)) } catch {
            failures.append("\(type): read up to «\(recorder.fields.last?.key ?? "")», then \(error)")
        }
        let notes = (type as? any SchemaNotes.Type)?.schemaNotes ?? [:]
        var properties: [String: Any] = [:]
        for (key, var schema, _) in recorder.fields {
            if let note = notes[key] { Self.apply(note, to: &schema) }
            properties[key] = schema
        }
        var object: [String: Any] = ["type": "object", "properties": properties, "required": recorder.fields.filter(\.required).map(\.key)]
        if properties.isEmpty { object["additionalProperties"] = false }
        return object
    }

    private static func apply(_ note: SchemaNote, to schema: inout [String: Any]) {
        if schema["type"] as? String == "array", var items = schema["items"] as? [String: Any] {
            // The description is the list's; values, formats and bounds are its items'.
            if let description = note.description { schema["description"] = description }
            var itemNote = note
            itemNote.description = nil
            apply(itemNote, to: &items)
            schema["items"] = items
            return
        }
        if let values = note.values { schema["enum"] = values }
        if let numbers = note.numbers { schema["enum"] = numbers }
        if let format = note.format { schema["format"] = format }
        if let description = note.description { schema["description"] = description }
        if let examples = note.examples { schema["examples"] = examples }
        if let minimum = note.minimum { schema["minimum"] = minimum }
        if let maximum = note.maximum { schema["maximum"] = maximum }
        if let maxLength = note.maxLength { schema["maxLength"] = maxLength }
        if let pattern = note.pattern { schema["pattern"] = pattern }
    }

    final class Recorder {
        let reader: SchemaReader
        var fields: [(key: String, schema: [String: Any], required: Bool)] = []
        init(reader: SchemaReader) { self.reader = reader }

        func record(_ key: String, _ type: any Decodable.Type, required: Bool) {
            guard !fields.contains(where: { $0.key == key }) else { return }
            fields.append((key, reader.schema(of: type), required))
        }
    }
}

protocol SchemaArray { static var elementType: any Decodable.Type { get }; static var empty: Any { get } }
extension Array: SchemaArray where Element: Decodable {
    static var elementType: any Decodable.Type { Element.self }
    static var empty: Any { [Element]() }
}

protocol SchemaDictionary { static var valueType: any Decodable.Type { get }; static var empty: Any { get } }
extension Dictionary: SchemaDictionary where Key == String, Value: Decodable {
    static var valueType: any Decodable.Type { Value.self }
    static var empty: Any { [String: Value]() }
}

protocol SchemaOptional { static var wrappedType: any Decodable.Type { get }; static var nothing: Any { get } }
extension Optional: SchemaOptional where Wrapped: Decodable {
    static var wrappedType: any Decodable.Type { Wrapped.self }
    /// `nil` of this type (named so as not to shadow the case `none`, which recursed).
    static var nothing: Any { Wrapped?.none as Any }
}

/// Answers a type's `init(from:)` with placeholders, recording each key it asks for.
private struct RecordingDecoder: Decoder {
    let recorder: SchemaReader.Recorder
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedRecorder<Key>(recorder: recorder))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Unsupported() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Unsupported() }

    struct Unsupported: Error {}
}

/// A placeholder value of a type, made without decoding anything.
private func placeholder<T: Decodable>(_ type: T.Type) throws -> T {
    let value: Any
    switch type {
    case is String.Type: value = ""
    case is UUID.Type: value = UUID()
    case is Date.Type: value = Date(timeIntervalSince1970: 0)
    case is Bool.Type: value = false
    case is Int.Type: value = 0
    case is Int64.Type: value = Int64(0)
    case is Int32.Type: value = Int32(0)
    case is Double.Type: value = 0.0
    case is Float.Type: value = Float(0)
    default:
        if let array = type as? any SchemaArray.Type { value = array.empty }
        else if let map = type as? any SchemaDictionary.Type { value = map.empty }
        else if let optional = type as? any SchemaOptional.Type { value = optional.nothing }
        else { throw RecordingDecoder.Unsupported() }
    }
    guard let typed = value as? T else { throw RecordingDecoder.Unsupported() }
    return typed
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: SchemaReader.Recorder
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    // The primitives each have their own requirement; all record their key the same way.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { recorder.record(key.stringValue, type, required: true); return false }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { recorder.record(key.stringValue, type, required: true); return "" }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { recorder.record(key.stringValue, type, required: false); return nil }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { recorder.record(key.stringValue, type, required: true); return 0 }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { recorder.record(key.stringValue, type, required: false); return nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        recorder.record(key.stringValue, type, required: true)
        return try value(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        recorder.record(key.stringValue, type, required: false)
        return nil
    }

    /// A nested DTO is made by decoding it with a decoder that records into a throw-away recorder.
    private func value<T: Decodable>(_ type: T.Type) throws -> T {
        if let simple = try? placeholder(type) { return simple }
        return try T(from: RecordingDecoder(recorder: SchemaReader.Recorder(reader: SchemaReader())))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw RecordingDecoder.Unsupported()
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw RecordingDecoder.Unsupported() }
    func superDecoder() throws -> any Decoder { throw RecordingDecoder.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw RecordingDecoder.Unsupported() }
}
