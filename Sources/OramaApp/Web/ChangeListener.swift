import FluentPostgresDriver
import Foundation
import Logging
import Synchronization
import Vapor

/// On PostgreSQL, listens for the change notices every server's writes send
/// (`ChangeNotices`) and makes this server's board of versions forget what they name. Runs
/// on its own connection, outside the pool; reconnects after a second if the connection
/// drops, and forgets everything on each (re)connection, since notices sent meanwhile are
/// lost.
final class ChangeListener: LifecycleHandler, Sendable {
    private let url: String
    private let versions: ProgrammeVersions
    private let task = Mutex<Task<Void, Never>?>(nil)
    private let connection = Mutex<PostgresConnection?>(nil)
    /// Notices received, for `/metrics`.
    let received = Atomic<Int>(0)

    init(url: String, versions: ProgrammeVersions) {
        self.url = url
        self.versions = versions
    }

    func didBootAsync(_ app: Application) async throws {
        let logger = app.logger
        let running = Task { [self] in await listen(logger: logger) }
        task.withLock { $0 = running }
    }

    func shutdownAsync(_ app: Application) async {
        task.withLock { $0?.cancel() }
        if let open = connection.withLock({ $0 }) { try? await open.close() }
    }

    private func listen(logger: Logger) async {
        while !Task.isCancelled {
            do {
                let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
                let open = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                connection.withLock { $0 = open }
                try await open.listen(on: ChangeNotices.channel) { notices in
                    versions.changedAll()
                    for try await notice in notices {
                        received.add(1, ordering: .relaxed)
                        if let change = ProgrammeChange(payload: notice.payload) { versions.apply(change) } else { versions.changedAll() }
                    }
                }
                try? await open.close()
            } catch {
                if Task.isCancelled { return }
                logger.warning("Οι ειδοποιήσεις αλλαγών της PostgreSQL διακόπηκαν: \(String(describing: error)). Νέα σύνδεση σε 1 s.")
            }
            versions.changedAll()
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
