@testable import OramaApp
import Testing

@Suite("Κρυφή μνήμη με όριο σε bytes")
struct ByteBoundedLRUTests {
    @Test("φεύγει πρώτο ό,τι χρησιμοποιήθηκε λιγότερο πρόσφατα· το σύνολο δεν ξεπερνά ποτέ το όριο")
    func leastRecentlyUsedLeavesFirst() {
        var lru = ByteBoundedLRU<String, Int>(capacity: 100)
        let keptA = lru.insert(1, bytes: 40, for: "a"), keptB = lru.insert(2, bytes: 40, for: "b")
        #expect(keptA && keptB)
        let usedA = lru.use("a")
        #expect(usedA == 1)
        let keptC = lru.insert(3, bytes: 40, for: "c")
        #expect(keptC)
        #expect(lru.peek("b") == nil, "b was used least recently")
        #expect(lru.peek("a") == 1 && lru.peek("c") == 3)
        #expect(lru.bytes == 80 && lru.count == 2)

        let keptHuge = lru.insert(4, bytes: 101, for: "huge")
        #expect(!keptHuge, "larger than the whole bound: not kept")
        #expect(lru.peek("huge") == nil && lru.bytes == 80)

        let replaced = lru.insert(5, bytes: 10, for: "a")
        #expect(replaced && lru.peek("a") == 5 && lru.bytes == 50, "a replaced under its key, its bytes with it")
        lru.remove("c")
        #expect(lru.bytes == 10 && lru.count == 1)

        // Many values through a small bound: the total stays within it throughout.
        var within = true
        for i in 0..<1_000 {
            lru.insert(i, bytes: i % 37, for: "k\(i)")
            within = within && lru.bytes <= 100
        }
        #expect(within)
        #expect(lru.peek("k999") == 999)
    }
}
