import Fluent
import Foundation
import OramaDomain
import Vapor

/// Errors a visitor can cause, with the Greek message they see.
struct UserFacingError: AbortError {
    var status: HTTPResponseStatus
    var code: String
    var reason: String

    static func badID(_ text: String) -> UserFacingError {
        UserFacingError(status: .badRequest, code: "invalid_id", reason: "Το «\(text.prefix(60))» δεν είναι έγκυρος κωδικός προγράμματος.")
    }

    static let programmeNotFound = UserFacingError(status: .notFound, code: "not_found", reason: "Το πρόγραμμα δεν βρέθηκε ή δεν είναι δημοσιευμένο.")
}

/// What the public may see: programmes whose status is public. Sign-in (which lets staff
/// see drafts) comes with the workspace; until then drafts are simply not found.
enum PublicProgrammes {
    static func visibleSummaries(on db: any Database) async throws -> [ProgrammeSummary] {
        try await ProgrammeRepository(db: db).list(organisationID: nil).filter { $0.status.isPublic }
    }

    static func summary(_ req: Request) async throws -> ProgrammeSummary {
        let text = req.parameters.get("programmeID") ?? ""
        guard let id = UUID(uuidString: text) else { throw UserFacingError.badID(text) }
        guard let summary = try await ProgrammeRepository(db: req.db).summary(id), summary.status.isPublic else {
            throw UserFacingError.programmeNotFound
        }
        return summary
    }

    /// The programme and its organisation's reference data, or 404.
    static func load(_ summary: ProgrammeSummary, on db: any Database) async throws -> (Programme, ReferenceData) {
        guard let programme = try await ProgrammeRepository(db: db).load(summary.id),
              let reference = try await ReferenceRepository(db: db).load(organisationID: summary.organisationID) else {
            throw UserFacingError.programmeNotFound
        }
        return (programme, reference)
    }
}

enum ProgrammeController {
    @Sendable static func home(req: Request) async throws -> Response {
        let summaries = try await PublicProgrammes.visibleSummaries(on: req.db)
        let etag = ETag.forList(summaries)
        if let notModified = ETag.notModified(req, etag) { return notModified }
        let organisations = Dictionary(uniqueKeysWithValues: try await ReferenceRepository(db: req.db).organisations().map { ($0.id, $0) })
        let html = HomePage(programmes: summaries.map { ($0, organisations[$0.organisationID]?.name ?? "") }).render()
        return ETag.response(html, contentType: .html, etag: etag)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let summary = try await PublicProgrammes.summary(req)
        let etag = ETag.forProgramme(summary, variant: "html")
        if let notModified = ETag.notModified(req, etag) { return notModified }
        let body = try await req.application.renderCache.bytes(for: etag) {
            let (programme, reference) = try await PublicProgrammes.load(summary, on: req.db)
            return Data(ProgrammePage(programme: programme, reference: reference).render().utf8)
        }
        return ETag.response(body, contentType: .html, etag: etag)
    }
}

enum ProgrammeAPIController {
    @Sendable static func index(req: Request) async throws -> Response {
        let summaries = try await PublicProgrammes.visibleSummaries(on: req.db)
        let etag = ETag.forList(summaries)
        if let notModified = ETag.notModified(req, etag) { return notModified }
        let items = summaries.map {
            ProgrammeListItemDTO(id: $0.id, title: $0.title, startYear: $0.startYear, endYear: $0.endYear, status: $0.status.rawValue,
                                 version: $0.version, changeCounter: $0.changeCounter, url: SiteURL.apiProgramme($0.id).path)
        }
        return ETag.response(try JSONCoding.encoder.encode(items), contentType: .json, etag: etag)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let summary = try await PublicProgrammes.summary(req)
        let etag = ETag.forProgramme(summary, variant: "json")
        if let notModified = ETag.notModified(req, etag) { return notModified }
        let body = try await req.application.renderCache.bytes(for: etag) {
            let (programme, reference) = try await PublicProgrammes.load(summary, on: req.db)
            return try JSONCoding.encoder.encode(ProgrammeDTO(programme, reference: reference))
        }
        return ETag.response(body, contentType: .json, etag: etag)
    }
}

enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}

/// Entity tags from the change counter: a programme's representation changes only when its
/// counter moves, so the tag is known before anything is loaded.
enum ETag {
    static func forProgramme(_ s: ProgrammeSummary, variant: String) -> String {
        "\"\(variant)-\(s.id.uuidString.lowercased())-\(s.changeCounter)\""
    }

    static func forList(_ summaries: [ProgrammeSummary]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for s in summaries {
            for byte in "\(s.id)|\(s.changeCounter)|\(s.status.rawValue);".utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        }
        return "\"list-\(String(hash, radix: 16))\""
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

/// Rendered bytes kept per programme version (the ETag names the version), so a page or a
/// JSON document is built once per change, not once per request.
actor RenderCache {
    private var entries: [String: Data] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func bytes(for key: String, render: @Sendable () async throws -> Data) async throws -> Data {
        if let hit = entries[key] { return hit }
        let data = try await render()
        entries[key] = data
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return data
    }
}

extension Application {
    private struct RenderCacheKey: StorageKey {
        typealias Value = RenderCache
    }

    /// Set once in `configure`, before any request can ask for it.
    var renderCache: RenderCache {
        get { storage[RenderCacheKey.self]! }
        set { storage[RenderCacheKey.self] = newValue }
    }
}
