import Foundation
import OramaDomain
import Synchronization
import Vapor

/// A programme as loaded for one change counter — the domain value, its organisation's
/// reference data and whatever has been derived from them — shared by every page and the
/// API until the counter moves. Immutable but for the memo of derived figures, which each
/// page fills at most once.
final class ProgrammeSnapshot: Sendable {
    let summary: ProgrammeSummary
    let programme: Programme
    let reference: ReferenceData
    /// What the snapshot holds, roughly, in bytes: what the cache's bound counts.
    let bytes: Int
    private let memo = Mutex<[String: any Sendable]>([:])

    init(summary: ProgrammeSummary, programme: Programme, reference: ReferenceData) {
        self.summary = summary
        self.programme = programme
        self.reference = reference
        self.bytes = Self.estimate(programme, reference)
    }

    /// A figure derived from the snapshot, computed on the first call and kept with it.
    /// `key` names the figure and every argument it depends on.
    func derived<T: Sendable>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let hit = memo.withLock({ $0[key] }) as? T { return hit }
        // Computed outside the lock: two requests may both compute a figure the first time,
        // and both results are equal; neither waits for the other.
        let value = try make()
        memo.withLock { $0[key] = value }
        return value
    }

    var loaded: LoadedProgramme { LoadedProgramme(summary: summary, programme: programme, reference: reference, snapshot: self) }

    /// Text counted by its UTF-8 length, every element by a fixed overhead of its stored
    /// fields. Within a factor of two of what the heap holds, which is what a bound needs.
    static func estimate(_ p: Programme, _ r: ReferenceData) -> Int {
        var bytes = 2_048 + p.title.utf8.count + p.note.utf8.count + p.strategicPlan.vision.utf8.count
        for axis in p.axes {
            bytes += 256 + axis.title.utf8.count
            for measure in axis.measures {
                bytes += 256 + measure.title.utf8.count
                for objective in measure.objectives {
                    bytes += 256 + objective.title.utf8.count
                    for a in objective.actions {
                        bytes += 640 + a.title.utf8.count + a.description.utf8.count + a.preconditions.utf8.count
                        bytes += 48 * (a.fundingLines.count + a.localityIDs.count + a.coResponsibleUnitIDs.count + a.budgetLines.count)
                        bytes += a.milestones.reduce(0) { $0 + 96 + $1.title.utf8.count }
                    }
                }
            }
        }
        bytes += p.indicators.count * 512 + p.progressUpdates.count * 192
        bytes += 256 * (r.localities.count + r.units.count + r.legalEntities.count + r.fundingSources.count)
        return bytes
    }
}

/// The snapshots of the programmes in use, bounded by their bytes: when a new one would go
/// over the bound, the least recently used go first. A snapshot is found by the programme
/// and its change counter, so a write (which moves the counter) makes the old one
/// unreachable at once; it is dropped when the next one for that programme is stored.
final class ProgrammeSnapshots: Sendable {
    private let state: Mutex<ByteBoundedLRU<UUID, ProgrammeSnapshot>>
    let capacityBytes: Int
    let hits = Atomic<Int>(0)
    let misses = Atomic<Int>(0)

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
        self.state = Mutex(ByteBoundedLRU(capacity: capacityBytes))
    }

    /// `ORAMA_SNAPSHOT_MB` megabytes, 64 unless set.
    static func fromEnvironment() -> ProgrammeSnapshots {
        let megabytes = Environment.get("ORAMA_SNAPSHOT_MB").flatMap(Int.init).map { min(max($0, 1), 65_536) } ?? 64
        return ProgrammeSnapshots(capacityBytes: megabytes * 1_048_576)
    }

    /// The snapshot for this programme at this change counter, if one is kept.
    func snapshot(for summary: ProgrammeSummary) -> ProgrammeSnapshot? {
        let found: ProgrammeSnapshot? = state.withLock { lru in
            guard lru.peek(summary.id)?.summary.changeCounter == summary.changeCounter else { return nil }
            return lru.use(summary.id)
        }
        if found != nil { hits.add(1, ordering: .relaxed) } else { misses.add(1, ordering: .relaxed) }
        return found
    }

    /// Keeps a snapshot, replacing any older one of the same programme, and evicts the least
    /// recently used until the total is within the bound. A snapshot larger than the whole
    /// bound is not kept.
    func store(_ snapshot: ProgrammeSnapshot) {
        state.withLock { lru in
            // A slower load of an older counter must not replace a newer snapshot.
            if let kept = lru.peek(snapshot.summary.id), kept.summary.changeCounter > snapshot.summary.changeCounter { return }
            lru.insert(snapshot, bytes: snapshot.bytes, for: snapshot.summary.id)
        }
    }

    /// How many snapshots are kept and their bytes, for `/metrics`.
    var usage: (count: Int, bytes: Int) { state.withLock { ($0.count, $0.bytes) } }
}

extension Application {
    private struct ProgrammeSnapshotsKey: StorageKey {
        typealias Value = ProgrammeSnapshots
    }

    /// Set once in `configure`, before any request can ask for it.
    var programmeSnapshots: ProgrammeSnapshots {
        get { storage[ProgrammeSnapshotsKey.self]! }
        set { storage[ProgrammeSnapshotsKey.self] = newValue }
    }
}
