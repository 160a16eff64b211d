import Foundation
import OramaDomain
import Synchronization
import Vapor

/// Saves of one programme that have lost a race, run one at a time in this process.
///
/// Saves run side by side and the change counter decides (`ProgrammeRepository.save`): one of
/// several saves started from the same copy lands, the rest find the counter moved on, read
/// the programme again and apply their change once more. Let twenty clients save at one
/// moment and every landing save sends all the others under way back to read again: about
/// n²/2 reads of the whole programme for n saves. A save that has lost once waits here for
/// its turn instead, and then applies and saves with nobody of this process racing it.
///
/// Each save in the line hands the programme as it saved it to the next
/// (`handOver`/`handedOver`), which saves over that without reading: the rows a save writes
/// are built from that very value, so it is the programme as stored for as long as the
/// counter has not moved — and if a save from elsewhere has moved it, the save over it is
/// refused and the programme read again. The first try of every save takes no turn, so a
/// save that meets nobody waits for nothing. Saves from other servers meet only the counter,
/// which is what keeps them correct; this queue only saves work.
///
/// A save waits for its turn at most `waitLimit`: if the one before it never finishes (a
/// statement that never answers), those behind it get 503 with Retry-After, nothing saved,
/// instead of waiting with it for good.
final class ProgrammeSaveQueue: Sendable {
    private struct Waiting {
        let ticket: UUID
        let turn: CheckedContinuation<Bool, Never>
    }

    private struct Line {
        var waiting: [Waiting] = []
        var saved: Programme?
    }

    /// How long a save waits for its turn before it is answered 503.
    static let waitLimit: Duration = .seconds(30)

    /// Per programme someone holds the turn of: who waits, first come first served.
    private let lines = Mutex<[UUID: Line]>([:])

    /// Runs `body` when no other body for `programmeID` runs in this process; throws
    /// `Busy.Exhausted` (503) without running it if the turn has not come within `limit`.
    func inTurn<T>(_ programmeID: UUID, waitingAtMost limit: Duration = ProgrammeSaveQueue.waitLimit,
                   _ body: () async throws -> T) async throws -> T {
        let ticket = UUID()
        let timer = Mutex<Task<Void, Never>?>(nil)
        let given = await withCheckedContinuation { (turn: CheckedContinuation<Bool, Never>) in
            let now = lines.withLock { lines -> Bool in
                guard lines[programmeID] != nil else {
                    lines[programmeID] = Line()
                    return true
                }
                lines[programmeID]!.waiting.append(Waiting(ticket: ticket, turn: turn))
                return false
            }
            if now {
                turn.resume(returning: true)
                return
            }
            timer.withLock {
                $0 = Task { [self] in
                    guard (try? await Task.sleep(for: limit)) != nil else { return }
                    giveUp(ticket, programmeID)
                }
            }
        }
        timer.withLock { $0?.cancel() }
        guard given else { throw Busy.Exhausted() }
        defer { done(programmeID) }
        return try await body()
    }

    /// The waiting save `ticket` leaves the line unserved, if its turn has not come yet.
    private func giveUp(_ ticket: UUID, _ programmeID: UUID) {
        let turn = lines.withLock { lines -> CheckedContinuation<Bool, Never>? in
            guard let index = lines[programmeID]?.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
            return lines[programmeID]!.waiting.remove(at: index).turn
        }
        turn?.resume(returning: false)
    }

    /// Called by the holder of the turn: the programme as it has just been saved.
    func handOver(_ programme: Programme) {
        lines.withLock { lines in
            if lines[programme.id] != nil { lines[programme.id]!.saved = programme }
        }
    }

    /// Called by the holder of the turn: what the one before it saved, if it saved.
    func handedOver(_ programmeID: UUID) -> Programme? {
        lines.withLock { $0[programmeID]?.saved }
    }

    /// Hands the turn to the next in line, or frees it (and forgets the programme).
    private func done(_ programmeID: UUID) {
        let next = lines.withLock { lines -> CheckedContinuation<Bool, Never>? in
            guard var line = lines[programmeID], !line.waiting.isEmpty else {
                lines[programmeID] = nil
                return nil
            }
            let first = line.waiting.removeFirst()
            lines[programmeID] = line
            return first.turn
        }
        next?.resume(returning: true)
    }

    /// How many programmes someone holds the turn of (for tests).
    var held: Int { lines.withLock { $0.count } }
}

extension Application {
    private struct ProgrammeSaveQueueKey: StorageKey {
        typealias Value = ProgrammeSaveQueue
    }

    /// Set once in `configure`, before any request can ask for it.
    var programmeSaveQueue: ProgrammeSaveQueue {
        get { storage[ProgrammeSaveQueueKey.self]! }
        set { storage[ProgrammeSaveQueueKey.self] = newValue }
    }
}
