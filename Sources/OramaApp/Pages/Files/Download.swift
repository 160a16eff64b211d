import Foundation
import Vapor

/// A file as the browser saves it: its type, its name, and whether shared caches may keep it
/// (public programmes only).
enum Download {
    static func file(_ data: Data, mediaType: String, fileName: String, public isPublic: Bool) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: mediaType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: isPublic ? "public, max-age=60" : "private, no-store")
        return response
    }
}
