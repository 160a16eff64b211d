import Foundation
import NIOCore
import OramaDomain
import Vapor

/// Every public page of a programme, its JSON and its documents, served to visitors from
/// bytes rendered once per version and day.
///
/// A request with no cookie and no `Authorization` header has no session, so no user, no
/// form token, no flash and Greek as its language (see `PageContext`): its answer depends
/// only on the address, the day and the programme's version. The first such request runs
/// the route as usual; a 200 with its body in memory and no cookie set is kept under
/// (programme, change counter, day, address) — the counter the route itself used
/// (`ProgrammeContext.summary` notes it). The next ones are answered here, before any other
/// middleware, without a task, a session or a query, while the board of versions
/// (`ProgrammeVersions`) trusts that counter. Drafts never get here: their routes answer 404
/// to a visitor, and only 200s are kept.
struct PublicPageCache: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .GET,
              !request.headers.contains(name: .cookie), !request.headers.contains(name: .authorization),
              let programmeID = Self.programmeID(in: request.url.path) else {
            return next.respond(to: request)
        }
        let app = request.application
        let today = app.clock.today.iso
        let url = request.url.string
        if let summary = app.programmeVersions.peek(programmeID) {
            if let kept = app.renderCache.lookup(Self.key(summary, today: today, url: url)) {
                return request.eventLoop.makeSucceededFuture(Self.response(request, kept))
            }
            return render(request, programmeID, today: today, url: url, next)
        }
        // The board's trust ran out (or it never knew the programme): read the version again —
        // one small query, shared by the requests waiting for it — before rendering anything.
        let repositories = request.repositories
        return request.eventLoop.makeFutureWithTask {
            try await app.programmeVersions.summary(programmeID) { try await repositories.programmes.summary(programmeID) }
        }.flatMap { summary in
            if let summary, let kept = app.renderCache.lookup(Self.key(summary, today: today, url: url)) {
                return request.eventLoop.makeSucceededFuture(Self.response(request, kept))
            }
            return render(request, programmeID, today: today, url: url, next)
        }
    }

    /// Runs the route and keeps what it answered, if a visitor's copy may be kept.
    private func render(_ request: Request, _ programmeID: UUID, today: String, url: String, _ next: any Responder) -> EventLoopFuture<Response> {
        let app = request.application
        return next.respond(to: request).flatMapThrowing { response in
            guard response.status == .ok, !response.headers.contains(name: .setCookie),
                  let body = response.body.buffer, let used = request.usedSummary, used.id == programmeID else { return response }
            // The route's own headers (type, disposition, tag, a document's stricter policy),
            // not those of this one connection or this one moment.
            let passing: Set<String> = ["content-length", "set-cookie", "date", "connection", "transfer-encoding", "content-encoding", "vary"]
            var headers = HTTPHeaders(response.headers.filter { !passing.contains($0.name.lowercased()) })
            let key = Self.key(used, today: today, url: url)
            if !headers.contains(name: .eTag) { headers.replaceOrAdd(name: .eTag, value: Self.tag(key)) }
            let type = headers.first(name: .contentType) ?? ""
            let textual = ["text/", "application/json", "application/xml", "image/svg"].contains { type.hasPrefix($0) }
            let rendered = try RenderCache.prepare(body, headers: headers, compress: textual)
            app.renderCache.store(rendered, for: key)
            return Self.response(request, rendered)
        }
    }

    /// The programme a public address is about: `/programmes/{id}…` or `/api/v1/programmes/{id}…`.
    static func programmeID(in path: String) -> UUID? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.count >= 2, parts[0] == "programmes" { return UUID(uuidString: String(parts[1])) }
        if parts.count >= 4, parts[0] == "api", parts[1] == "v1", parts[2] == "programmes" { return UUID(uuidString: String(parts[3])) }
        return nil
    }

    static func key(_ summary: ProgrammeSummary, today: String, url: String) -> String {
        "public|\(summary.id.uuidString)|\(summary.changeCounter)|\(today)|\(url)"
    }

    /// A strong tag from the key (FNV-1a): it changes with the version, the day and the address.
    static func tag(_ key: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return "\"p-\(String(hash, radix: 16))\""
    }

    static func response(_ request: Request, _ kept: RenderCache.Rendered) -> Response {
        let etag = kept.headers.first(name: .eTag) ?? ""
        if let notModified = ETag.notModified(request, etag) { return notModified }
        let packed = kept.gzip.flatMap { ETag.acceptsGzip(request.headers) ? $0 : nil }
        var headers = kept.headers
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        if kept.gzip != nil { headers.replaceOrAdd(name: .vary, value: "Accept-Encoding") }
        if packed != nil {
            headers.replaceOrAdd(name: .contentEncoding, value: "gzip")
            headers.replaceOrAdd(name: .eTag, value: ETag.gzipTag(etag))
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: packed ?? kept.plain))
    }
}

extension Request {
    private struct UsedSummaryKey: StorageKey {
        typealias Value = ProgrammeSummary
    }

    /// The programme summary the route read, so that what it rendered is kept under the
    /// version it was rendered from.
    var usedSummary: ProgrammeSummary? {
        get { storage[UsedSummaryKey.self] }
        set { storage[UsedSummaryKey.self] = newValue }
    }
}
