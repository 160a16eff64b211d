import Foundation
import NIOCore
import OramaDomain
import OramaInterchange
import Synchronization
import Vapor

/// Bytes rendered once per programme version (the ETag names the version) and sent to
/// every visitor: the plain body and its gzip beside it. Bounded by bytes; the least
/// recently used go first.
final class RenderCache: Sendable {
    struct Rendered: Sendable {
        /// The headers of the response the bytes came from (content type, disposition, tag).
        var headers: HTTPHeaders = [:]
        var plain: ByteBuffer
        /// nil when gzip would not be smaller.
        var gzip: ByteBuffer?
        var bytes: Int { plain.readableBytes + (gzip?.readableBytes ?? 0) }
    }

    private let state: Mutex<ByteBoundedLRU<String, Rendered>>
    let capacityBytes: Int
    let hits = Atomic<Int>(0)
    let misses = Atomic<Int>(0)

    init(capacityBytes: Int = 32 * 1_048_576) {
        self.capacityBytes = capacityBytes
        self.state = Mutex(ByteBoundedLRU(capacity: capacityBytes))
    }

    func rendered(for key: String, render: @Sendable () async throws -> Data) async throws -> Rendered {
        if let found = lookup(key) { return found }
        let rendered = try Self.prepare(ByteBuffer(data: try await render()), compress: true)
        store(rendered, for: key)
        return rendered
    }

    /// Kept bytes. A hit is counted here; a miss where bytes are then rendered and stored.
    func lookup(_ key: String) -> Rendered? {
        let found: Rendered? = state.withLock { $0.use(key) }
        if found != nil { hits.add(1, ordering: .relaxed) }
        return found
    }

    /// The body with its gzip beside it when `compress` and gzip is smaller.
    static func prepare(_ body: ByteBuffer, headers: HTTPHeaders = [:], compress: Bool) throws -> Rendered {
        guard compress else { return Rendered(headers: headers, plain: body, gzip: nil) }
        let packed = try Gzip.compress(Data(buffer: body))
        return Rendered(headers: headers, plain: body, gzip: packed.count < body.readableBytes ? ByteBuffer(data: packed) : nil)
    }

    func store(_ rendered: Rendered, for key: String) {
        misses.add(1, ordering: .relaxed)
        state.withLock { lru in
            // The first bytes of a version stay: every later render of it is the same.
            guard lru.peek(key) == nil else { return }
            lru.insert(rendered, bytes: rendered.bytes, for: key)
        }
    }

    var usage: (count: Int, bytes: Int) { state.withLock { ($0.count, $0.bytes) } }
}

extension Application {
    private struct RenderCacheKey: StorageKey {
        typealias Value = RenderCache
    }

    /// Set once in `configure`, before any request can ask for it.
    var renderCache: RenderCache {
        get { storage[RenderCacheKey.self]! }
        set { storage[RenderCacheKey.self] = newValue }
    }
}
