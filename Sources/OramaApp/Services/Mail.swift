import Foundation
import NIOCore
import Vapor

/// A plain-text e-mail in UTF-8 (RFC 5322 headers, the subject in RFC 2047's B encoding), and
/// its delivery: through the mail relay of `ORAMA_SMTP_HOST` when there is one, else — or when
/// the relay fails — as a `.eml` file in the outbox folder, for the office to send or inspect.
struct Mail: Sendable {
    var to: String
    var subject: String
    var body: String

    /// The message as sent: headers and body with CRLF line ends.
    var message: String {
        """
        To: \(to)\r
        Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=UTF-8\r
        Content-Transfer-Encoding: 8bit\r
        \r
        \(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        """
    }

    enum Delivery: Equatable {
        case sent(String)
        case outbox(URL)
    }

    /// The folder of messages not sent: `ORAMA_OUTBOX`, or `./outbox`.
    static var outbox: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["ORAMA_OUTBOX"].flatMap { $0.isEmpty ? nil : $0 } ?? "outbox")
    }

    /// Sends the message, or keeps it in `folder` (named `name`.eml) when it cannot be sent.
    func deliver(named name: String, in folder: URL = Mail.outbox, group: any EventLoopGroup, smtp: SMTPClient? = .fromEnvironment()) async throws -> Delivery {
        if let smtp {
            do {
                try await smtp.send(to: to, message: message, group: group)
                return .sent("\(smtp.host):\(smtp.port)")
            } catch {
                // Kept in the outbox below.
            }
        }
        return .outbox(try write(named: name, in: folder))
    }

    func write(named name: String, in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name + ".eml")
        try message.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}

extension Application {
    private struct OutboxKey: StorageKey { typealias Value = URL }

    /// Where this server keeps the e-mails it could not send (`Mail.outbox` unless set; tests set their own).
    var mailOutbox: URL {
        get { storage[OutboxKey.self] ?? Mail.outbox }
        set { storage[OutboxKey.self] = newValue }
    }
}
