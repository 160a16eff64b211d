import Foundation
import Prometheus
import Synchronization
import Vapor

/// What `/metrics` says, in Prometheus's text format: requests by route and status, their
/// latency, and the caches' hits, misses and bytes. One registry per application (tests make
/// many in one process), not the process-wide `MetricsSystem`.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                      .milliseconds(2_500), .seconds(5), .seconds(10)]
    let inFlight = Atomic<Int>(0)

    func finished(method: String, route: String, status: UInt, after duration: Duration) {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "orama", metricName: "http_requests", unitName: "total",
                                                              helpText: "Αιτήματα ανά διαδρομή και κατάσταση."),
                             labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: MetricNameDescriptor(namespace: "orama", metricName: "http_request_duration", unitName: "seconds",
                                                                        helpText: "Χρόνος απόκρισης ανά διαδρομή."),
                                       labels: [("method", method), ("route", route)], buckets: Self.buckets).record(duration)
    }

    /// The registry's metrics and, after them, the figures kept elsewhere (caches, pool).
    func exposition(_ app: Application, ping: Duration?) -> String {
        var text = registry.emitToString()
        func add(_ name: String, _ type: String, _ help: String, _ value: Int) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        let snapshots = app.programmeSnapshots
        let usage = snapshots.usage
        add("orama_snapshot_hits_total", "counter", "Φορτώσεις προγράμματος από στιγμιότυπο.", snapshots.hits.load(ordering: .relaxed))
        add("orama_snapshot_misses_total", "counter", "Φορτώσεις προγράμματος από τη βάση.", snapshots.misses.load(ordering: .relaxed))
        add("orama_snapshot_entries", "gauge", "Στιγμιότυπα στη μνήμη.", usage.count)
        add("orama_snapshot_bytes", "gauge", "Εκτιμώμενα bytes των στιγμιοτύπων.", usage.bytes)
        add("orama_snapshot_capacity_bytes", "gauge", "Όριο bytes των στιγμιοτύπων.", snapshots.capacityBytes)
        let cache = app.renderCache
        let cached = cache.usage
        add("orama_render_cache_hits_total", "counter", "Δημόσιες σελίδες από έτοιμα bytes.", cache.hits.load(ordering: .relaxed))
        add("orama_render_cache_misses_total", "counter", "Δημόσιες σελίδες που αποδόθηκαν.", cache.misses.load(ordering: .relaxed))
        add("orama_render_cache_entries", "gauge", "Αποδόσεις στη μνήμη.", cached.count)
        add("orama_render_cache_bytes", "gauge", "Bytes των αποδόσεων (απλές και gzip).", cached.bytes)
        let versions = app.programmeVersions
        add("orama_version_board_hits_total", "counter", "Εκδόσεις γνωστές χωρίς ερώτημα στη βάση.", versions.hits.load(ordering: .relaxed))
        add("orama_version_board_misses_total", "counter", "Εκδόσεις που διαβάστηκαν από τη βάση.", versions.misses.load(ordering: .relaxed))
        add("orama_http_requests_in_flight", "gauge", "Αιτήματα σε εξέλιξη.", inFlight.load(ordering: .relaxed))
        let pool = app.databasePool
        add("orama_database_pool_connections_max", "gauge", "Μέγιστες συνδέσεις με τη βάση (ανά νήμα × νήματα).", pool.maximum)
        let seconds = ping.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        text += "# HELP orama_database_ping_seconds Χρόνος για σύνδεση από τη δεξαμενή και SELECT 1 (−1 αν απέτυχε).\n"
        text += "# TYPE orama_database_ping_seconds gauge\norama_database_ping_seconds \(seconds.map { String(format: "%.6f", $0) } ?? "-1")\n"
        return text
    }
}

/// How many connections the pool may open (its connections per event loop × the loops).
/// The pool keeps its count of open connections to itself; `/metrics` times a `SELECT 1`
/// through it instead, which grows when the pool is exhausted.
struct DatabasePoolFigures: Sendable {
    let maximum: Int
}

/// Times every request and counts it by its route pattern (`/programmes/:programmeID`), so
/// the labels stay few whatever the ids.
/// Future-based, like the other middleware every request passes: an async one would start a
/// task per request.
struct MetricsMiddleware: Middleware {
    let metrics: ServerMetrics

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        metrics.inFlight.add(1, ordering: .relaxed)
        return next.respond(to: request).always { result in
            metrics.inFlight.subtract(1, ordering: .relaxed)
            let status: UInt = switch result {
            case .success(let response): response.status.code
            case .failure(let error): (error as? any AbortError)?.status.code ?? 500
            }
            metrics.finished(method: request.method.rawValue, route: Self.route(request), status: status, after: .now - start)
        }
    }

    static func route(_ request: Request) -> String {
        // Answered from the kept public bytes before routing: named by the address's shape.
        guard let route = request.route else { return PublicPageCache.programmeID(in: request.url.path) != nil ? "public-cache" : "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}

enum MetricsController {
    /// `ORAMA_METRICS_TOKEN`, when set, must come as a bearer token; a reverse proxy should
    /// not pass `/metrics` from outside in any case (`scripts/cluster` shows how).
    @Sendable static func show(req: Request) async throws -> Response {
        if let token = Environment.get("ORAMA_METRICS_TOKEN"), !token.isEmpty, req.headers.bearerAuthorization?.token != token {
            throw Abort(.unauthorized)
        }
        let ping = await HealthController.ping(req)
        let response = Response(status: .ok, body: .init(string: req.application.serverMetrics.exposition(req.application, ping: ping)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

extension Application {
    private struct ServerMetricsKey: StorageKey {
        typealias Value = ServerMetrics
    }

    private struct DatabasePoolKey: StorageKey {
        typealias Value = DatabasePoolFigures
    }

    var serverMetrics: ServerMetrics {
        get { storage[ServerMetricsKey.self]! }
        set { storage[ServerMetricsKey.self] = newValue }
    }

    var databasePool: DatabasePoolFigures {
        get { storage[DatabasePoolKey.self]! }
        set { storage[DatabasePoolKey.self] = newValue }
    }
}
