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

    struct UnsafeAddress: Error, CustomStringConvertible {
        var description: String { "Η διεύθυνση παραλήπτη περιέχει χαρακτήρες ελέγχου ή κενά· το μήνυμα δεν στάλθηκε." }
    }

    /// An address that can go in a header and an SMTP command as it is: no control
    /// characters, spaces or angle brackets, one `@`.
    static func isSafe(address: String) -> Bool {
        address.count <= 254 && address.split(separator: "@", omittingEmptySubsequences: false).count == 2
            && address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"<>,;\"".unicodeScalars.contains($0) }
    }

    /// The body's lines with CRLF ends whatever they came with (a lone CR or LF included),
    /// none longer than 900 bytes (RFC 5321 allows 998), split at a space where one is near.
    static func lines(_ body: String) -> String {
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            while rest.utf8.count > 900 {
                var cut = rest.startIndex
                var bytes = 0
                for i in rest.indices {
                    let n = rest[i].utf8.count
                    if bytes + n > 900 { break }
                    bytes += n
                    cut = rest.index(after: i)
                }
                if let space = rest[..<cut].lastIndex(of: " "), rest.distance(from: rest.startIndex, to: space) > 600 { cut = rest.index(after: space) }
                out.append(String(rest[..<cut]))
                rest = rest[cut...]
            }
            out.append(String(rest))
        }
        return out.joined(separator: "\r\n")
    }

    /// The message as sent: headers and body with CRLF line ends.
    var message: String {
        """
        To: \(to)\r
        Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=UTF-8\r
        Content-Transfer-Encoding: 8bit\r
        \r
        \(Self.lines(body))
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
    func deliver(named name: String, in folder: URL = Mail.outbox, group: any EventLoopGroup, smtp: SMTPClient? = .fromEnvironment(),
                 within seconds: Int64 = 20) async throws -> Delivery {
        guard Self.isSafe(address: to) else { throw UnsafeAddress() }
        if let smtp {
            do {
                // A relay that accepts the connection and then stalls must not hold the sender's request.
                try await withThrowingTaskGroup(of: Void.self) { group2 in
                    group2.addTask { try await smtp.send(to: to, message: message, group: group) }
                    group2.addTask {
                        try await Task.sleep(for: .seconds(seconds))
                        throw SMTPClient.Failure(description: "Ο διακομιστής αλληλογραφίας δεν απάντησε σε \(seconds) δευτερόλεπτα.")
                    }
                    try await group2.next()
                    group2.cancelAll()
                }
                return .sent("\(smtp.host):\(smtp.port)")
            } catch {
                // Kept in the outbox below.
            }
        }
        return .outbox(try write(named: name, in: folder))
    }

    func write(named name: String, in folder: URL) throws -> URL {
        guard Self.isSafe(address: to) else { throw UnsafeAddress() }
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
