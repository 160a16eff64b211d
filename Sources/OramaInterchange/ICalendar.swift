import Foundation
import OramaDomain

/// An iCalendar (RFC 5545) feed of a programme: the actions' milestones, each reporting
/// period's deadline, the consultation and the council session, as all-day events that any
/// calendar (Outlook, Google, Thunderbird) can subscribe to.
public enum ICalendar {
    public struct Event: Sendable, Hashable {
        public var uid: String
        public var start: CalendarDate
        /// Inclusive last day; the same as `start` for a one-day event.
        public var end: CalendarDate
        public var summary: String
        public var description: String
        public var category: String
    }

    public static func events(_ p: Programme, reference r: ReferenceData) -> [Event] {
        var events: [Event] = []
        let id = p.id.uuidString.lowercased()
        if let start = p.keyDates.consultationStart {
            let end = max(start, p.keyDates.consultationEnd ?? start)
            events.append(Event(uid: "consultation-\(id)", start: start, end: end, summary: "Δημόσια διαβούλευση: \(p.title)",
                                description: "Διαβούλευση του Επιχειρησιακού Προγράμματος \(p.startYear)–\(p.endYear) του \(r.organisation.name).",
                                category: "Διαβούλευση"))
        }
        if let council = p.keyDates.councilSession {
            events.append(Event(uid: "council-\(id)", start: council, end: council, summary: "Δημοτικό Συμβούλιο: \(p.title)",
                                description: "Συνεδρίαση του Δημοτικού Συμβουλίου για το Επιχειρησιακό Πρόγραμμα.", category: "Δημοτικό Συμβούλιο"))
        }
        for period in p.reportingCalendar.periods(in: p.years) {
            let due = p.reportingCalendar.due(period)
            events.append(Event(uid: "report-\(period.code)-\(id)", start: due, end: due, summary: "Προθεσμία αναφοράς προόδου: \(period.greek)",
                                description: "Οι υπηρεσίες καταχωρίζουν την πρόοδο των δράσεων και τις τιμές των δεικτών για την περίοδο \(period.greek).",
                                category: "Προθεσμία"))
        }
        for path in p.actionPaths {
            for m in path.action.milestones {
                events.append(Event(uid: "milestone-\(m.id.uuidString.lowercased())", start: m.date, end: m.date,
                                    summary: "\(path.action.code) \(m.title)",
                                    description: "Ορόσημο της δράσης \(path.action.code) «\(path.action.title)»\(m.isDone ? " (ολοκληρώθηκε)" : "").",
                                    category: "Ορόσημο"))
            }
        }
        return events.sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
    }

    public static func feed(_ p: Programme, reference r: ReferenceData, stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Orama//Operational Programme//EL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + text("\(r.organisation.name) · \(p.title)"), "X-WR-TIMEZONE:Europe/Athens"]
        let dtstamp = timestamp(stamp)
        for e in events(p, reference: r) {
            lines += ["BEGIN:VEVENT", "UID:\(e.uid)@orama", "DTSTAMP:\(dtstamp)", "DTSTART;VALUE=DATE:\(compact(e.start))",
                      "DTEND;VALUE=DATE:\(compact(e.end.adding(days: 1)))", "SUMMARY:" + text(e.summary), "DESCRIPTION:" + text(e.description),
                      "CATEGORIES:" + text(e.category), "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ d: CalendarDate) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 1970)\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
    }

    /// TEXT values escape `\`, `;`, `,` and line ends (RFC 5545 §3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default:
                if let a = ch.asciiValue, a < 0x20 { continue }
                out.append(ch)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a
    /// UTF-8 sequence (Greek letters are two octets each).
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > (out.isEmpty ? 75 : 74) && count > 0 {
                out += "\r\n "
                count = 0
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
