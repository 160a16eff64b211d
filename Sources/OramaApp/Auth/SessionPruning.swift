import Foundation
import Synchronization
import Vapor

/// While the server runs, every ten minutes: the sessions past `SessionLimits` are deleted
/// (`SessionRows.prune`). Several servers on one database may all do it; a delete twice is
/// the same delete.
final class SessionPruning: LifecycleHandler, Sendable {
    static let every: Duration = .seconds(600)
    private let task = Mutex<Task<Void, Never>?>(nil)

    func didBootAsync(_ app: Application) async throws {
        let running = Task { [app] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.every)
                if Task.isCancelled { return }
                do {
                    try await Self.run(app)
                } catch {
                    app.logger.warning("Ο καθαρισμός των ληγμένων συνεδριών απέτυχε: \(String(describing: error))")
                }
            }
        }
        task.withLock { $0 = running }
    }

    func shutdownAsync(_ app: Application) async {
        task.withLock { $0?.cancel() }
    }

    /// One pass, at the session clock's now; the sessions that remain.
    @discardableResult
    static func run(_ app: Application) async throws -> Int {
        try await app.repositories.sessions.prune(now: app.sessionClock.now().timeIntervalSince1970,
                                              idle: SessionLimits.idle, absolute: SessionLimits.absolute)
    }
}
