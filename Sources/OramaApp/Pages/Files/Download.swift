import Foundation
import Vapor

/// A file as the browser saves it: its type, its name, and whether shared caches may keep it
/// (public programmes only).
enum Download {
    static func file(_ data: Data, mediaType: String, fileName: String, public isPublic: Bool) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: mediaType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: disposition(fileName))
        response.headers.replaceOrAdd(name: .cacheControl, value: isPublic ? "public, max-age=60" : "private, no-store")
        return response
    }

    /// `attachment; filename="…"`: a name beyond printable ASCII (a decision's Greek name) goes
    /// in `filename*` (RFC 6266, 5987), with an ASCII stand-in for old clients.
    static func disposition(_ fileName: String) -> String {
        let printable = fileName.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
        guard !printable else { return "attachment; filename=\"\(fileName)\"" }
        let stem = fileName.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        var fallback = String(String.UnicodeScalarView(stem))
        if fallback.trimmingCharacters(in: CharacterSet(charactersIn: ".")).isEmpty { fallback = "file" }
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
