import Vapor

/// The database session store, minus a write on every request: Vapor saves the session
/// after each response even when nothing in it changed. Here a session is written only when
/// its data differs from what was read, so reading pages (or being refused an import) leaves
/// the database exactly as it was, and a busy server does one write less per request.
/// Sessions past their limits are deleted by `SessionPruning`.
struct QuietSessionDriver: SessionDriver {
    let base: any SessionDriver

    private struct ReadKey: StorageKey { typealias Value = SessionData }

    /// A new session keeps when it was made (a visitor's too: a form token, a language), so
    /// that `SessionPruning` can age it.
    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        var data = data
        if data["since"] == nil { data["since"] = String(Int64(request.application.sessionClock.now().timeIntervalSince1970)) }
        return base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            if let data { request.storage[ReadKey.self] = data }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if let read = request.storage[ReadKey.self], read == data {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        request.storage[ReadKey.self] = data
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
