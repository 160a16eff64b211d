import Foundation
import OramaDomain
import Vapor

/// Entity tags from the change counter: a programme's representation changes only when its
/// counter moves, so the tag is known before anything is loaded.
enum ETag {
    static func forProgramme(_ s: ProgrammeSummary, variant: String) -> String {
        "\"\(variant)-\(s.id.uuidString.lowercased())-\(s.changeCounter)\""
    }

    static func forList(_ summaries: [ProgrammeSummary], variant: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for s in summaries {
            for byte in "\(s.id)|\(s.changeCounter)|\(s.status.rawValue);".utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        }
        return "\"list-\(variant)-\(String(hash, radix: 16))\""
    }

    static func notModified(_ req: Request, _ etag: String) -> Response? {
        guard let header = req.headers.first(name: .ifNoneMatch) else { return nil }
        let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        guard tags.contains(etag) || tags.contains(gzipTag(etag)) || tags.contains("*") else { return nil }
        let response = Response(status: .notModified)
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        return response
    }

    static func response(_ body: String, contentType: HTTPMediaType, etag: String) -> Response {
        response(Data(body.utf8), contentType: contentType, etag: etag)
    }

    static func response(_ body: Data, contentType: HTTPMediaType, etag: String) -> Response {
        let response = Response(status: .ok, body: .init(data: body))
        response.headers.contentType = contentType
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    /// The tag of the gzip variant: a strong tag names one sequence of bytes.
    static func gzipTag(_ etag: String) -> String { String(etag.dropLast()) + "-gz\"" }

    /// Rendered bytes as they are kept: gzip for a client that accepts it, plain otherwise.
    static func response(_ req: Request, _ rendered: RenderCache.Rendered, contentType: HTTPMediaType, etag: String) -> Response {
        let packed = rendered.gzip.flatMap { acceptsGzip(req.headers) ? $0 : nil }
        let response = Response(status: .ok, body: .init(buffer: packed ?? rendered.plain))
        response.headers.contentType = contentType
        response.headers.replaceOrAdd(name: .eTag, value: packed == nil ? etag : gzipTag(etag))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        if packed != nil { response.headers.replaceOrAdd(name: .contentEncoding, value: "gzip") }
        return response
    }

    /// `Accept-Encoding` names gzip (or `*`) with a quality above zero.
    static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        for value in headers[.acceptEncoding] {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let name = parts.first, name == "gzip" || name == "*" else { continue }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                if quality > 0 { return true }
            }
        }
        return false
    }
}
