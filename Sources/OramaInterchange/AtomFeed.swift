import Foundation

/// An Atom feed (RFC 4287) written by hand: the programme's decisions, steps and progress
/// reports for citizens' feed readers. Text is escaped; dates are RFC 3339 in UTC.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        public var updated: Date
        public var link: String
        public var summary: String

        public init(id: String, title: String, updated: Date, link: String, summary: String) {
            self.id = id
            self.title = title
            self.updated = updated
            self.link = link
            self.summary = summary
        }
    }

    public var id: String
    public var title: String
    /// Who publishes it: the municipality (never a member of its staff).
    public var author: String
    /// The feed's own address and the page it accompanies.
    public var selfLink: String
    public var pageLink: String
    public var entries: [Entry]

    public init(id: String, title: String, author: String, selfLink: String, pageLink: String, entries: [Entry]) {
        self.id = id
        self.title = title
        self.author = author
        self.selfLink = selfLink
        self.pageLink = pageLink
        self.entries = entries
    }

    public static let mediaType = "application/atom+xml; charset=utf-8"

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 allows tab, line feed and carriage return of the control characters, nothing else.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            case "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// The feed's XML, newest entry first.
    public var xml: String {
        let sorted = entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"el\">\n"
        x += "<id>\(Self.escape(id))</id>\n<title>\(Self.escape(title))</title>\n"
        x += "<updated>\(Self.timestamp(sorted.first?.updated ?? Date(timeIntervalSince1970: 0)))</updated>\n"
        x += "<author><name>\(Self.escape(author))</name></author>\n"
        x += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.escape(selfLink))\"/>\n"
        x += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(pageLink))\"/>\n"
        for e in sorted {
            x += "<entry>\n<id>\(Self.escape(e.id))</id>\n<title>\(Self.escape(e.title))</title>\n"
            x += "<updated>\(Self.timestamp(e.updated))</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(e.link))\"/>\n"
            x += "<summary>\(Self.escape(e.summary))</summary>\n</entry>\n"
        }
        return x + "</feed>\n"
    }
}
