import Foundation
import NIOCore
import Vapor

/// What a request may ask of the server before anyone has checked who sent it: the methods
/// the site answers, the length of its address, and a form's number of fields and their
/// nesting, counted in the raw bytes before any decoder runs.
enum RequestLimits {
    /// The methods any route uses; anything else (TRACE, CONNECT, WebDAV's) is a 405.
    static let methods: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]
    /// The longest address: a search or a filtered list stays far below.
    static let maxURL = 8 * 1024
    /// The most fields in one form. The largest the site sends (a unit's report on every
    /// action, the action form's grids) has a few hundred.
    static let maxFields = 4_000
    /// The deepest key: `lines[0][amount]` is two levels.
    static let maxDepth = 3

    enum FormProblem: Equatable {
        case tooManyFields(Int)
        case tooDeep(String)
    }

    /// Checks an `application/x-www-form-urlencoded` body (or a multipart one, by its parts)
    /// in one pass over its bytes; nil when it is within the limits.
    static func problem(in body: ByteBuffer, contentType: HTTPMediaType?) -> FormProblem? {
        let bytes = body.readableBytesView
        if contentType == .formData, let boundary = contentType?.parameters["boundary"], !boundary.isEmpty {
            let parts = occurrences(of: Array("--\(boundary)".utf8), in: bytes)
            return parts > maxFields + 1 ? .tooManyFields(maxFields) : nil
        }
        guard contentType == .urlEncodedForm else { return nil }
        var fields = 0
        var depth = 0
        var inKey = true
        var keyStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                fields += 1
                if fields > maxFields { return .tooManyFields(maxFields) }
                (inKey, depth, keyStart) = (true, 0, bytes.index(after: index))
            case UInt8(ascii: "="):
                inKey = false
            case UInt8(ascii: "[") where inKey:
                depth += 1
            case UInt8(ascii: "%") where inKey:
                // A percent-encoded "[" (%5B), as browsers send it.
                let next = bytes.index(index, offsetBy: 2, limitedBy: bytes.endIndex) ?? bytes.endIndex
                if next < bytes.endIndex, bytes[bytes.index(after: index)] == UInt8(ascii: "5"), bytes[next] | 0x20 == UInt8(ascii: "b") { depth += 1 }
            default:
                break
            }
            if depth > maxDepth {
                let key = String(decoding: bytes[keyStart..<min(bytes.endIndex, bytes.index(keyStart, offsetBy: 40, limitedBy: bytes.endIndex) ?? bytes.endIndex)], as: UTF8.self)
                return .tooDeep(key)
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// One field of an `application/x-www-form-urlencoded` body, read without decoding the
    /// rest (the CSRF token, before the route's own decoder runs on a trusted request).
    static func field(_ name: String, in body: ByteBuffer) -> String? {
        let text = String(decoding: body.readableBytesView, as: UTF8.self)
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, decode(parts[0]) == name else { continue }
            return decode(parts[1])
        }
        return nil
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func occurrences(of needle: [UInt8], in bytes: ByteBufferView) -> Int {
        guard let first = needle.first else { return 0 }
        var count = 0
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            guard let end = bytes.index(found, offsetBy: needle.count, limitedBy: bytes.endIndex) else { break }
            if bytes[found..<end].elementsEqual(needle) {
                count += 1
                index = end
            } else {
                index = bytes.index(after: found)
            }
        }
        return count
    }
}

/// Answers an unsupported method with 405 and the methods allowed, and an over-long address
/// with 414, before routing, sessions or anything else reads the request.
/// Future-based, as `SecurityHeadersMiddleware`: it is the first of every request, a public
/// page's kept copy included, and an async middleware would start a task for each.
struct RequestLimitsMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard RequestLimits.methods.contains(request.method) else {
            let response = Response(status: .methodNotAllowed, body: .init(string: "405 – Η μέθοδος \(request.method.rawValue.prefix(20)) δεν υποστηρίζεται.\n"))
            response.headers.replaceOrAdd(name: .allow, value: RequestLimits.methods.map(\.rawValue).joined(separator: ", "))
            response.headers.contentType = .plainText
            return request.eventLoop.makeSucceededFuture(response)
        }
        guard request.url.string.utf8.count <= RequestLimits.maxURL else {
            let response = Response(status: .uriTooLong, body: .init(string: "414 – Η διεύθυνση είναι πολύ μεγάλη (έως \(RequestLimits.maxURL / 1024) KB).\n"))
            response.headers.contentType = .plainText
            return request.eventLoop.makeSucceededFuture(response)
        }
        return next.respond(to: request)
    }
}
