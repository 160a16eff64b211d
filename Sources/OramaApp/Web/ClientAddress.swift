import Vapor

extension Application {
    private struct BehindProxyKey: StorageKey { typealias Value = Bool }

    /// Whether the server runs behind a reverse proxy that sets `X-Forwarded-For`
    /// (`ORAMA_BEHIND_PROXY=1`): then every connection comes from the proxy, and the client's
    /// own address is the one the proxy appended.
    var behindProxy: Bool {
        get { storage[BehindProxyKey.self] ?? false }
        set { storage[BehindProxyKey.self] = newValue }
    }
}

extension Request {
    /// The client's network address, for the throttles: behind a proxy the last address in
    /// `X-Forwarded-For` (the one the proxy saw; those before it are the client's own claims),
    /// otherwise the connection's.
    var clientAddress: String {
        if application.behindProxy,
           let last = headers[.xForwardedFor].last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return String(last.prefix(64))
        }
        return remoteAddress?.ipAddress ?? "?"
    }
}
