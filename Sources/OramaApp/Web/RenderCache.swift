import Foundation
import OramaDomain
import Vapor

/// Rendered bytes kept per programme version (the ETag names the version), so a page or a
/// JSON document is built once per change, not once per request.
actor RenderCache {
    private var entries: [String: Data] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func bytes(for key: String, render: @Sendable () async throws -> Data) async throws -> Data {
        if let hit = entries[key] { return hit }
        let data = try await render()
        entries[key] = data
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return data
    }
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
