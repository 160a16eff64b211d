import Foundation
import OramaDomain
import Vapor

/// Absolute links, for e-mails and feeds: the address the server is configured with
/// (`ORAMA_PUBLIC_URL`), never the Host a request claims.
enum AbsoluteURL {
    static func of(_ req: Request, _ path: String) -> String {
        if let base = Environment.get("ORAMA_PUBLIC_URL"), !base.isEmpty {
            return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
        }
        let server = req.application.http.server.configuration
        return "http://\(server.hostname):\(server.port)" + path
    }
}

extension CalendarDate {
    /// Noon of the day in Athens: the instant a day's event (a decision, a step) is dated at in a feed.
    var noonInAthens: Date {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour) = (year, month, day, 12)
        c.timeZone = CalendarDate.athens
        return Calendar(identifier: .gregorian).date(from: c) ?? Date(timeIntervalSince1970: 0)
    }
}
