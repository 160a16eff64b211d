import Fluent
import Foundation
import OramaDomain
import Vapor

/// `orama remind [--outbox DIR]`: a digest per unit of the reports due and late, written as
/// e-mail messages (RFC 5322, UTF-8) to the outbox folder, for cron. Sending them by SMTP is
/// not built yet; a mail relay can pick the files up.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "outbox", help: "Φάκελος εξερχομένων (προεπιλογή ./outbox)")
        var outbox: String?
    }

    var help: String { "Υπενθυμίσεις εκκρεμών αναφορών ανά υπηρεσία" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let today = PlanningController.today()
        let folder = URL(fileURLWithPath: signature.outbox ?? "outbox").appendingPathComponent(today.iso)
        let written = try await Reminders.write(on: db, today: today, to: folder)
        context.console.print("Γράφτηκαν \(written.count) υπενθυμίσεις στο \(folder.path).")
    }
}

enum Reminders {
    /// One message per unit with something due, across the published and approved programmes.
    static func write(on db: any Database, today: CalendarDate, to folder: URL) async throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        for summary in try await ProgrammeRepository(db: db).list(organisationID: nil) where summary.status != .superseded {
            guard let programme = try await ProgrammeRepository(db: db).load(summary.id),
                  let reference = try await ReferenceRepository(db: db).load(organisationID: summary.organisationID) else { continue }
            for unit in reference.units {
                let items = programme.dueItems(units: [unit.id], calendar: programme.reportingCalendar, today: today)
                guard !items.isEmpty, !unit.email.isEmpty else { continue }
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
                let message = """
                To: \(unit.email)\r
                Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: 8bit\r
                \r
                \(body.replacingOccurrences(of: "\n", with: "\r\n"))
                """
                let file = folder.appendingPathComponent("\(summary.id.uuidString.prefix(8))-\(unit.code.unicodeScalars.map { $0.isASCII && CharacterSet.alphanumerics.contains($0) ? String($0) : "_" }.joined())-\(unit.id.uuidString.prefix(8)).eml")
                try message.write(to: file, atomically: true, encoding: .utf8)
                written.append(file)
            }
        }
        return written
    }
}
