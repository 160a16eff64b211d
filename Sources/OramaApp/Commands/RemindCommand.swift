import Foundation
import OramaDomain
import Vapor

/// `orama remind [--outbox DIR]`: a digest per unit of the reports due and late, for cron.
/// With `ORAMA_SMTP_HOST` set the messages go to that mail relay; otherwise (or when sending
/// fails) they are written as e-mail files (RFC 5322, UTF-8) to the outbox folder.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "outbox", help: "Φάκελος εξερχομένων (προεπιλογή ./outbox)")
        var outbox: String?

        @Flag(name: "again", help: "Και αν οι υπενθυμίσεις της ημέρας έχουν ήδη σταλεί")
        var again: Bool
    }

    var help: String { "Υπενθυμίσεις εκκρεμών αναφορών ανά υπηρεσία" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let repositories = context.application.repositories
        let today = context.application.clock.today
        // Every server's cron may start this: the day's run is claimed in the database, and
        // only the one that gets the claim sends.
        let claims = repositories.jobClaims
        let owner = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        if signature.again { try await claims.release(job: "remind", period: today.iso) }
        guard try await claims.claim(job: "remind", period: today.iso, by: owner, at: context.application.clock.now().timeIntervalSince1970) else {
            let holder = try await claims.holder(job: "remind", period: today.iso) ?? "άλλον διακομιστή"
            context.console.print("Οι υπενθυμίσεις της \(today.formatted) έχουν ήδη σταλεί από \(holder). Με --again στέλνονται ξανά.")
            return
        }
        do {
            try await send(context, repositories: repositories, today: today, outbox: signature.outbox)
        } catch {
            // A failed run gives the day back, so that the next cron run tries again.
            try? await claims.release(job: "remind", period: today.iso)
            throw error
        }
    }

    private func send(_ context: CommandContext, repositories: Repositories, today: CalendarDate, outbox: String?) async throws {
        let folder = URL(fileURLWithPath: outbox ?? "outbox").appendingPathComponent(today.iso)
        let written = try await Reminders.write(from: repositories, today: today, to: folder)
        guard let smtp = SMTPClient.fromEnvironment() else {
            context.console.print("Γράφτηκαν \(written.count) υπενθυμίσεις στο \(folder.path) (δεν ορίστηκε ORAMA_SMTP_HOST).")
            return
        }
        var sent = 0
        for file in written {
            let message = try String(contentsOf: file, encoding: .utf8)
            guard let recipient = message.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("To: ") })?.dropFirst(4) else { continue }
            do {
                try await smtp.send(to: String(recipient), message: message, group: context.application.eventLoopGroup)
                try FileManager.default.removeItem(at: file)
                sent += 1
            } catch {
                context.console.warning("Η αποστολή προς \(recipient) απέτυχε (\(error)); το μήνυμα μένει στο \(file.path).")
            }
        }
        context.console.print("Στάλθηκαν \(sent) από \(written.count) υπενθυμίσεις μέσω \(smtp.host):\(smtp.port).")
    }
}

enum Reminders {
    /// One message per unit with something due, across the programmes being carried out.
    static func write(from repositories: Repositories, today: CalendarDate, to folder: URL) async throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        // The programmes in force (published): a draft, a revision on its way through the council
        // and a superseded version owe no reports.
        for summary in try await repositories.programmes.list(organisationID: nil) where summary.status == .published {
            guard let programme = try await repositories.programmes.load(summary.id),
                  let reference = try await repositories.reference.load(organisationID: summary.organisationID) else { continue }
            for unit in reference.units {
                let items = programme.dueItems(units: [unit.id], calendar: programme.reportingCalendar, today: today)
                guard !items.isEmpty, !unit.email.isEmpty, Mail.isSafe(address: unit.email) else { continue }
                let late = items.filter(\.isLate)
                var body = "Προς: \(unit.name)\n\nΕκκρεμείς αναφορές για το «\(programme.title)» στις \(today.formatted): \(items.count), εκπρόθεσμες: \(late.count).\n\n"
                for item in items {
                    let what: String
                    switch item.kind {
                    case .progress: what = "Πρόοδος δράσης"
                    case .measurement: what = "Τιμή δείκτη"
                    }
                    body += "\(item.isLate ? "[ΕΚΠΡΟΘΕΣΜΗ] " : "")\(what) \(item.code) «\(item.title)» · \(item.period.greek) · προθεσμία \(item.dueDate.formatted)\n"
                }
                body += "\nΚαταχώριση: \(SiteURL.due(programme.id).path)\n"
                let subject = "Orama: \(items.count) εκκρεμείς αναφορές (\(late.count) εκπρόθεσμες)"
                let name = "\(summary.id.uuidString.prefix(8))-\(unit.code.unicodeScalars.map { $0.isASCII && CharacterSet.alphanumerics.contains($0) ? String($0) : "_" }.joined())-\(unit.id.uuidString.prefix(8))"
                let file = try Mail(to: unit.email, subject: subject, body: body).write(named: name, in: folder)
                written.append(file)
            }
        }
        return written
    }
}
