import SQLKit
import Vapor

/// Liveness (`/health/live`: the process answers; restart it if not) and readiness
/// (`/health/ready`, and `/health` as before: the database answers within two seconds; take
/// the server out of the balancer if not, but do not restart it).
enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
        var organisations: Int?
        var detail: String?
    }

    @Sendable static func live(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: #"{"status":"ok"}"#))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func ready(req: Request) async throws -> Response {
        let name = req.application.databases.ids().map(\.string).sorted().joined(separator: ",")
        var health = Health(status: "ok", database: name)
        var status = HTTPStatus.ok
        do {
            health.organisations = try await withTimeout(.seconds(2)) { try await req.repositories.reference.organisationCount() }
        } catch {
            status = .serviceUnavailable
            health.status = "unavailable"
            health.detail = "Η βάση δεδομένων δεν απάντησε: \(String(describing: error))"
        }
        let response = Response(status: status)
        try response.content.encode(health)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A connection from the pool and `SELECT 1`, timed; nil if it failed or took over two seconds.
    static func ping(_ req: Request) async -> Duration? {
        guard let sql = req.db as? any SQLDatabase else { return nil }
        let start = ContinuousClock.now
        do {
            try await withTimeout(.seconds(2)) { try await sql.raw("SELECT 1").run() }
            return .now - start
        } catch { return nil }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var description: String { "χρονικό όριο" }
    }

    static func withTimeout<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw TimedOut()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TimedOut() }
            return first
        }
    }
}
