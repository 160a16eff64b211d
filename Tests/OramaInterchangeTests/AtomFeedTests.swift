import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OramaInterchange
import Testing

@Suite("Ροή Atom")
struct AtomFeedTests {
    final class Reader: NSObject, XMLParserDelegate {
        var entries = 0, titles: [String] = [], text = "", inTitle = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "entry" { entries += 1 }
            if name == "title" { inTitle = true; text = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { titles.append(text); inTitle = false }
        }
    }

    @Test("έγκυρο XML, νεότερη εγγραφή πρώτη, κείμενο με <, & και χαρακτήρες ελέγχου που δεν σπάει τίποτα")
    func wellFormed() throws {
        let feed = AtomFeed(id: "urn:uuid:1", title: "Πρόγραμμα <Κιλελέρ> & πρόοδος", author: "Δήμος Κιλελέρ", selfLink: "http://x/feed.atom?a=1&b=2",
                            pageLink: "http://x/", entries: [
                                .init(id: "urn:uuid:a", title: "Παλιά", updated: Date(timeIntervalSince1970: 1_700_000_000), link: "http://x/a", summary: "α"),
                                .init(id: "urn:uuid:b", title: "Νέα \u{0007}«δράση» <b>", updated: Date(timeIntervalSince1970: 1_800_000_000), link: "http://x/b", summary: "β & γ"),
                            ])
        let xml = feed.xml
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.entries == 2)
        #expect(reader.titles == ["Πρόγραμμα <Κιλελέρ> & πρόοδος", "Νέα «δράση» <b>", "Παλιά"])
        #expect(xml.contains("<updated>2027-01-15T08:00:00Z</updated>"))
        #expect(xml.contains("xmlns=\"http://www.w3.org/2005/Atom\"") && xml.contains("href=\"http://x/feed.atom?a=1&amp;b=2\""))
    }
}
