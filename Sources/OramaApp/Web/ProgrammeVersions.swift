import Foundation
import OramaDomain
import Synchronization
import Vapor

/// Which version of each programme is current, known without asking the database on every
/// request: the public pages of a published programme are served from bytes rendered once
/// per version, and this board says which version that is.
///
/// A summary read from the database is trusted until a write says otherwise:
/// - a write in this process forgets it when its transaction has committed;
/// - on PostgreSQL a write in another process does the same through `LISTEN/NOTIFY`
///   (`ChangeNotices`), and the summary is re-read at least every `trustFor` in case a
///   notice was lost while the listening connection was down;
/// - on SQLite other processes (the `orama import` command beside the server) send no
///   notices, so `trustFor` is short (one second): a public page is at most that late.
/// Signed-in users always read the summary from the database (one indexed query), so
/// whoever edits sees their edit at once, on any server.
final class ProgrammeVersions: Sendable {
    private struct Entry {
        var summary: ProgrammeSummary
        var checked: ContinuousClock.Instant
    }

    private struct State {
        var entries: [UUID: Entry] = [:]
        /// Moves on with every change notice: a summary read before a notice arrived is
        /// not kept after it.
        var generation: UInt64 = 0
        /// Reads under way, by programme.
        var reading: [UUID: Task<ProgrammeSummary?, any Error>] = [:]
    }

    private let state = Mutex(State())
    private let trustMilliseconds: Atomic<Int64>
    let hits = Atomic<Int>(0)
    let misses = Atomic<Int>(0)

    init(trustFor: Duration) { trustMilliseconds = Atomic(trustFor.components.seconds * 1_000 + trustFor.components.attoseconds / 1_000_000_000_000_000) }

    /// How long a summary read from the database is trusted without a notice.
    var trustFor: Duration { .milliseconds(trustMilliseconds.load(ordering: .relaxed)) }

    /// Tests that measure the board under load set a long trust, so that a slow machine does
    /// not turn a hit into a miss.
    func trust(for duration: Duration) {
        trustMilliseconds.store(duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000, ordering: .relaxed)
    }

    /// The programme's summary, from the board if it was read within `trustFor` and no
    /// change has been noticed since, otherwise from `read` (and kept).
    func summary(_ id: UUID, read: @escaping @Sendable () async throws -> ProgrammeSummary?) async throws -> ProgrammeSummary? {
        let now = ContinuousClock.now
        let trust = trustFor
        let (kept, generation): (ProgrammeSummary?, UInt64) = state.withLock { s in
            guard let entry = s.entries[id], now - entry.checked < trust else { return (nil, s.generation) }
            return (entry.summary, s.generation)
        }
        if let kept {
            hits.add(1, ordering: .relaxed)
            return kept
        }
        misses.add(1, ordering: .relaxed)
        // Requests that find the same programme expired at the same moment share one read.
        let (task, leader): (Task<ProgrammeSummary?, any Error>, Bool) = state.withLock { s in
            if let running = s.reading[id] { return (running, false) }
            let started = Task { try await read() }
            s.reading[id] = started
            return (started, true)
        }
        let result: Result<ProgrammeSummary?, any Error> = await { do { return .success(try await task.value) } catch { return .failure(error) } }()
        if leader { state.withLock { s in s.reading[id] = nil } }
        guard let summary = try result.get() else { return nil }
        state.withLock { s in
            guard s.generation == generation else { return }
            if s.entries.count > 100_000 { s.entries.removeAll(keepingCapacity: true) }
            s.entries[id] = Entry(summary: summary, checked: now)
        }
        return summary
    }

    /// The summary if the board trusts it now; nil otherwise (nothing is read).
    func peek(_ id: UUID) -> ProgrammeSummary? {
        let now = ContinuousClock.now
        let trust = trustFor
        let found: ProgrammeSummary? = state.withLock { s in
            guard let entry = s.entries[id], now - entry.checked < trust else { return nil }
            return entry.summary
        }
        if found != nil { hits.add(1, ordering: .relaxed) }
        return found
    }

    /// A programme changed: its next request reads the summary again.
    func changed(programme id: UUID) {
        state.withLock { s in
            s.generation &+= 1
            s.entries[id] = nil
        }
    }

    func apply(_ change: ProgrammeChange) {
        switch change {
        case .programme(let id): changed(programme: id)
        // Rare (a unit renamed, a funding source added): simpler to read everything again
        // than to know which programmes are the organisation's.
        case .organisation: changedAll()
        }
    }

    /// Reference data of an organisation changed (every programme of it moved on), or a
    /// notice may have been missed: everything is read again.
    func changedAll() {
        state.withLock { s in
            s.generation &+= 1
            s.entries.removeAll(keepingCapacity: true)
        }
    }
}

extension Application {
    private struct ProgrammeVersionsKey: StorageKey {
        typealias Value = ProgrammeVersions
    }

    /// Set once in `configure`, before any request can ask for it.
    var programmeVersions: ProgrammeVersions {
        get { storage[ProgrammeVersionsKey.self]! }
        set { storage[ProgrammeVersionsKey.self] = newValue }
    }
}
