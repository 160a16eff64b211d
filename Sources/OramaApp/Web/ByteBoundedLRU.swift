/// Values kept up to a bound on their total bytes; when one more would go over it, the least
/// recently used leave first. A plain value: each cache keeps one inside its own lock
/// (`ProgrammeSnapshots`, `RenderCache`).
struct ByteBoundedLRU<Key: Hashable, Value> {
    private struct Entry {
        var value: Value
        var bytes: Int
        var lastUse: UInt64
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]
    private(set) var bytes = 0
    private var tick: UInt64 = 0

    init(capacity: Int) { self.capacity = max(0, capacity) }

    var count: Int { entries.count }

    /// The value, marked as just used.
    mutating func use(_ key: Key) -> Value? {
        guard entries[key] != nil else { return nil }
        tick += 1
        entries[key]?.lastUse = tick
        return entries[key]?.value
    }

    /// The value, leaving the order of use as it is.
    func peek(_ key: Key) -> Value? { entries[key]?.value }

    mutating func remove(_ key: Key) {
        guard let old = entries.removeValue(forKey: key) else { return }
        bytes -= old.bytes
    }

    /// Keeps the value (replacing any under the same key), evicting the least recently used
    /// until the total fits. A value larger than the whole bound is not kept: false.
    @discardableResult
    mutating func insert(_ value: Value, bytes size: Int, for key: Key) -> Bool {
        remove(key)
        guard size >= 0, size <= capacity else { return false }
        // A scan per eviction: the caches hold tens to a few thousand entries.
        while bytes + size > capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            remove(oldest.key)
        }
        tick += 1
        entries[key] = Entry(value: value, bytes: size, lastUse: tick)
        bytes += size
        return true
    }
}
