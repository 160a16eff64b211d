import Foundation
@testable import OramaApp
import Synchronization
import Testing

@Suite("Σειρά αποθηκεύσεων ανά πρόγραμμα")
struct ProgrammeSaveQueueTests {
    /// How many bodies run at once, and the most seen.
    final class Gauge: Sendable {
        let state = Mutex((now: 0, most: 0, done: 0))
        func enter() { state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { state.withLock { $0.now -= 1; $0.done += 1 } }
    }

    final class Flag: Sendable {
        let value = Mutex(false)
    }

    @Test("Οι αποθηκεύσεις ενός προγράμματος τρέχουν μία μία, και όλες ολοκληρώνονται")
    func oneAtATime() async throws {
        let queue = ProgrammeSaveQueue(), gauge = Gauge(), id = UUID()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    try await queue.inTurn(id) {
                        gauge.enter()
                        try await Task.sleep(for: .milliseconds(2))
                        gauge.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        let seen = gauge.state.withLock { $0 }
        #expect(seen.most == 1)
        #expect(seen.done == 30)
        #expect(queue.held == 0)
    }

    @Test("Διαφορετικά προγράμματα δεν περιμένουν το ένα το άλλο")
    func programmesApart() async throws {
        let queue = ProgrammeSaveQueue(), gauge = Gauge()
        let (first, second) = (UUID(), UUID())
        // The first holds its turn until the second has run: if they shared one, this would wait forever.
        let secondRan = Flag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await queue.inTurn(first) {
                    gauge.enter()
                    while !secondRan.value.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
                    gauge.leave()
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(5))
                try await queue.inTurn(second) { gauge.enter(); secondRan.value.withLock { $0 = true }; gauge.leave() }
            }
            try await group.waitForAll()
        }
        #expect(gauge.state.withLock { $0.most } == 2)
        #expect(queue.held == 0)
    }

    @Test("Μια αποθήκευση που αποτυγχάνει αφήνει τη σειρά στην επόμενη")
    func failureFreesTheTurn() async throws {
        struct Refused: Error {}
        let queue = ProgrammeSaveQueue(), id = UUID()
        await #expect(throws: Refused.self) { try await queue.inTurn(id) { throw Refused() } }
        #expect(queue.held == 0)
        #expect(try await queue.inTurn(id) { 7 } == 7)
    }

    @Test("Όποιος περιμένει πέρα από το όριο παίρνει 503 χωρίς να αποθηκεύσει, και η σειρά συνεχίζει")
    func aWaitHasALimit() async throws {
        let queue = ProgrammeSaveQueue(), id = UUID()
        let release = Flag(), lateRan = Flag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The first holds the turn until the late one has given up.
            group.addTask {
                try await queue.inTurn(id) {
                    while !release.value.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
                }
            }
            try await Task.sleep(for: .milliseconds(20))
            await #expect(throws: Busy.Exhausted.self) {
                try await queue.inTurn(id, waitingAtMost: .milliseconds(50)) { lateRan.value.withLock { $0 = true } }
            }
            release.value.withLock { $0 = true }
            try await group.waitForAll()
        }
        #expect(!lateRan.value.withLock { $0 })
        #expect(queue.held == 0)
        // One whose turn comes in time is not given up by its timer afterwards.
        #expect(try await queue.inTurn(id, waitingAtMost: .milliseconds(50)) { 7 } == 7)
        #expect(queue.held == 0)
    }
}
