import Foundation
import NIOCore
import NIOPosix

/// Just enough SMTP (RFC 5321) to hand plain-text messages to the municipality's mail relay:
/// EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. No TLS and no authentication —
/// it is meant for a relay on the local network that accepts the server's address.
struct SMTPClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var host: String
    var port: Int
    var from: String

    /// From `ORAMA_SMTP_HOST` (and `ORAMA_SMTP_PORT`, `ORAMA_SMTP_FROM`), or nil when not set.
    static func fromEnvironment() -> SMTPClient? {
        let env = ProcessInfo.processInfo.environment
        guard let host = env["ORAMA_SMTP_HOST"], !host.isEmpty else { return nil }
        return SMTPClient(host: host, port: Int(env["ORAMA_SMTP_PORT"] ?? "") ?? 25, from: env["ORAMA_SMTP_FROM"] ?? "orama@localhost")
    }

    /// Sends one message; `message` holds its headers and body with CRLF line ends.
    func send(to recipient: String, message: String, group: any EventLoopGroup) async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = LineReader(inbound.makeAsyncIterator())
            func expect(_ code: Int) async throws {
                // Replies may run over several lines ("250-…"); the last has a space after the code.
                while true {
                    guard let line = try await lines.next() else { throw Failure(description: "Ο διακομιστής αλληλογραφίας έκλεισε τη σύνδεση.") }
                    guard line.count >= 3, let got = Int(line.prefix(3)) else { throw Failure(description: "Άκυρη απάντηση SMTP: \(line)") }
                    guard got == code else { throw Failure(description: "Ο διακομιστής αλληλογραφίας απάντησε: \(line)") }
                    if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return }
                }
            }
            func say(_ text: String) async throws { try await outbound.write(ByteBuffer(string: text + "\r\n")) }
            try await expect(220)
            try await say("EHLO orama")
            try await expect(250)
            try await say("MAIL FROM:<\(from)>")
            try await expect(250)
            try await say("RCPT TO:<\(recipient)>")
            try await expect(250)
            try await say("DATA")
            try await expect(354)
            let stuffed = message.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
            try await outbound.write(ByteBuffer(string: "From: <\(from)>\r\n" + stuffed + (stuffed.hasSuffix("\r\n") ? "" : "\r\n") + ".\r\n"))
            try await expect(250)
            try await say("QUIT")
            try? await expect(221)
        }
    }

    /// Splits the incoming bytes into CRLF- or LF-terminated lines.
    struct LineReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

        mutating func next() async throws -> String? {
            while true {
                // In Swift "\r\n" is one Character, so look for either ending.
                if let end = pending.firstIndex(where: { $0 == "\r\n" || $0 == "\n" }) {
                    let line = String(pending[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    pending = String(pending[pending.index(after: end)...])
                    return line
                }
                guard var buffer = try await iterator.next() else { return pending.isEmpty ? nil : pending }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }
    }
}
