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
        guard tags.contains(etag) || tags.contains("*") else { return nil }
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
}
