import Foundation
@testable import OramaApp
import Testing
import Vapor

/// What goes out by e-mail: an address that cannot smuggle a header or an SMTP command, and
/// lines that are CRLF-ended and within SMTP's limit whatever the text brought.
@Suite("Αλληλογραφία")
struct MailTests {
    @Test func addressesThatCannotInjectAnything() {
        #expect(Mail.isSafe(address: "maria@example.gr") && Mail.isSafe(address: "μαρία@παράδειγμα.gr"))
        for bad in ["a@b.gr\r\nBcc: x@y.gr", "a@b.gr\n", "a b@c.gr", "<a@b.gr>", "a@b.gr,c@d.gr", "ab.gr", "a@@b.gr", "a@b.gr\u{0}"] {
            #expect(!Mail.isSafe(address: bad), "\(bad.debugDescription)")
        }
    }

    @Test func linesAreCRLFAndShortWhateverTheTextBrings() {
        let message = Mail(to: "m@x.gr", subject: "Θέμα", body: "α\rβ\nγ\r\n.\r\nδ " + String(repeating: "λέξη ", count: 600)).message
        let body = message.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        let lines = body.components(separatedBy: "\r\n")
        #expect(lines.prefix(4) == ["α", "β", "γ", "."], "every line end becomes CRLF: \(lines.prefix(4))")
        #expect(!body.replacingOccurrences(of: "\r\n", with: "").contains("\r") && !body.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 900 }, "\(lines.map(\.utf8.count).max() ?? 0)")
        #expect(lines.joined().replacingOccurrences(of: " ", with: "").count == "αβγ.δ".count + 4 * 600, "nothing lost in the wrapping")
        #expect(message.hasPrefix("To: m@x.gr\r\nSubject: =?UTF-8?B?"))
    }
}

/// The throttles count the client, not the proxy in front of the server.
@Suite("Διεύθυνση πελάτη")
struct ClientAddressTests {
    @Test func behindAProxyTheAddressTheProxySaw() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            var headers = HTTPHeaders()
            headers.add(name: .xForwardedFor, value: "10.9.9.9, 203.0.113.7")
            let req = Request(application: app, method: .GET, url: "/", headers: headers, on: app.eventLoopGroup.next())
            #expect(req.clientAddress == "?", "not behind a proxy: the header is the client's own claim and is ignored")
            app.behindProxy = true
            #expect(req.clientAddress == "203.0.113.7", "the last address is the one the proxy appended")
            let plain = Request(application: app, method: .GET, url: "/", on: app.eventLoopGroup.next())
            #expect(plain.clientAddress == "?")
        }
    }
}
