import Foundation
import OramaDomain
@testable import OramaInterchange
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Έγγραφα: DOCX, HTML εκτύπωσης, iCalendar, ανοιχτά δεδομένα")
struct DocumentTests {
    let p = Fixture.programme()
    let r = Fixture.reference

    func part(_ data: Data, _ path: String) throws -> String {
        String(decoding: try #require(try ZipPackage.read(data)[path]), as: UTF8.self)
    }

    @Test func phaseBHasTheStructureOfTheMinisterialDecision() {
        let d = ProgrammeDocuments.phaseB(p, r)
        #expect(d.headings.filter { $0.level == 1 }.map(\.text) == [
            "1. Άξονες, μέτρα και στόχοι", "2. Σχέδια δράσης των υπηρεσιών", "3. Ιεράρχηση των δράσεων",
            "4. Χρονικός προγραμματισμός", "5. Οικονομικός προγραμματισμός", "6. Δείκτες παρακολούθησης και αξιολόγησης"])
        let captions = d.tables.map(\.caption)
        let ranking = d.tables[captions.firstIndex(of: "Ιεράρχηση δράσεων")!]
        #expect(ranking.rows.count == p.actions.count)
        let byAxis = d.tables[captions.firstIndex(of: "Πίνακας χρηματοδότησης ανά άξονα και έτος")!]
        #expect(byAxis.total?.last == p.totalFunding.formatted)
        #expect(d.tables.last?.rows.count == p.indicators.count)
        // Each unit's action plan lists exactly its actions.
        let plans = d.tables.filter { $0.caption.hasPrefix("Σχέδιο δράσης") }
        #expect(plans.map(\.rows.count).reduce(0, +) == p.actions.count)
    }

    @Test func theDocxHasRealHeadingsRepeatedHeaderRowsPageNumbersAndTheMunicipality() throws {
        let data = try DocxWriter.data(ProgrammeDocuments.phaseB(p, r))
        let files = try ZipPackage.read(data)
        #expect(Set(files.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/document.xml",
                                    "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml"])
        let body = try part(data, "word/document.xml")
        let styles = try part(data, "word/styles.xml")
        #expect(styles.contains(#"<w:name w:val="heading 1"/>"#) && styles.contains(#"<w:outlineLvl w:val="0"/>"#))
        #expect(body.components(separatedBy: #"<w:pStyle w:val="Heading1"/>"#).count - 1 == 6)
        #expect(body.components(separatedBy: "<w:tbl>").count == body.components(separatedBy: "<w:tblHeader/>").count, "every table repeats its header row")
        #expect(body.contains(#"TOC \o "1-3""#))
        // The field's current result already lists every heading, for readers that do not update fields.
        let document = ProgrammeDocuments.phaseB(p, r)
        let entries = (1...3).map { body.components(separatedBy: #"<w:pStyle w:val="TOC\#($0)"/>"#).count - 1 }.reduce(0, +)
        #expect(entries == document.headings.count)
        #expect(body.components(separatedBy: #"w:fldCharType="begin""#).count == body.components(separatedBy: #"w:fldCharType="end""#).count)
        #expect(try part(data, "word/header1.xml").contains("Δήμος Δοκιμής"))
        #expect(try part(data, "word/footer1.xml").contains(#"w:instr=" PAGE ""#))
        // Text is escaped, and a line break inside a cell is a real break.
        #expect(body.contains("Δίκτυο ύδρευσης; Μέλισσα"))
        #expect(!body.contains("<ύδρευσης>"))
        let xmlOK = XMLParser(data: Data(body.utf8)).parse()
        #expect(xmlOK)
    }

    @Test func everyDocumentIsWellFormedXMLAndPrintHTMLEscapes() throws {
        var hostile = p
        hostile.title = "<script>alert(1)</script> & \u{1}"
        for kind in ProgrammeDocuments.Kind.allCases {
            let d = ProgrammeDocuments.build(kind, hostile, reference: r, year: 2025)
            let data = try DocxWriter.data(d)
            for path in ["word/document.xml", "word/header1.xml", "docProps/core.xml"] {
                #expect(XMLParser(data: Data(try part(data, path).utf8)).parse(), "\(kind) \(path)")
            }
            let html = PrintHTML.render(d)
            #expect(!html.contains("<script>"), "\(kind)")
            #expect(html.contains("&lt;script&gt;"))
            #expect(html.contains("<thead>"))
        }
    }

    @Test func annualAndEvaluationAreOfTheirYear() {
        let annual = ProgrammeDocuments.annual(p, r, year: 2025)
        #expect(annual.title == "Ετήσιο Πρόγραμμα Δράσης 2025")
        #expect(annual.tables[0].rows.count == p.actionsScheduled(in: 2025).count)
        let evaluation = ProgrammeDocuments.evaluation(p, r, year: 2025)
        let indicators = evaluation.tables.last!
        #expect(indicators.rows.first { $0[0] == "Δ1" } == ["Δ1", "Νοικοκυριά με νέο δίκτυο", "νοικοκυριά", "100", "120", "120,0 %"])
    }

    @Test func theCalendarFeedFoldsEscapesAndCarriesEveryDate() throws {
        let feed = ICalendar.feed(p, reference: r, stamp: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        for line in feed.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        // Unfolded, the milestone's summary is whole and its comma escaped.
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        let milestone = p.actions[0].milestones[0]
        #expect(unfolded.contains("SUMMARY:\(p.actions[0].code) Δημοπράτηση\\, «Α» φάση"))
        #expect(unfolded.contains("UID:milestone-\(milestone.id.uuidString.lowercased())@orama"))
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20250203\r\nDTEND;VALUE=DATE:20250218"), "the consultation spans its days")
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20250312"))
        #expect(unfolded.contains("DTSTAMP:20260101T000000Z"))
        let events = ICalendar.events(p, reference: r)
        #expect(events.filter { $0.category == "Προθεσμία" }.count == 16, "four years of quarterly reports")
        #expect(ICalendar.fold(String(repeating: "α", count: 100)).components(separatedBy: "\r\n ").allSatisfy { $0.utf8.count <= 75 && $0.utf8.count % 2 == 0 })
    }

    @Test func openDataHasEveryFileAndAReadme() throws {
        let data = try OpenData.package(p, reference: r, programmeJSON: Data("{}".utf8))
        let files = try ZipPackage.read(data)
        #expect(Set(files.keys) == ["README.md", "tree.csv", "actions.csv", "funding.csv", "indicators.csv", "targets.csv", "measurements.csv",
                                    "localities.csv", "action_localities.csv", "milestones.csv", "programme.json"])
        let readme = String(decoding: files["README.md"]!, as: UTF8.self)
        #expect(readme.contains("## actions.csv (3 γραμμές)"))
        let funding = CSV.rows(String(decoding: files["funding.csv"]!.dropFirst(3), as: UTF8.self))
        #expect(funding[0] == ["action_code", "source_code", "source_name", "year", "amount_eur"])
        #expect(funding.dropFirst().map { $0[4] } .contains("220000.50"))
    }

    @Test func openDataPlacesTheLocalitiesWithTheirCoordinates() throws {
        var r = r
        r.localities[0].location = GeoPoint(latitude: 39.5194, longitude: 22.3189)
        let unplaced = Locality(organisationID: Fixture.org.id, name: "Χαρά", kind: .community, genitive: "Χαράς")
        r.localities.append(unplaced)
        let files = try ZipPackage.read(try OpenData.package(p, reference: r, programmeJSON: Data("{}".utf8)))
        let localities = CSV.rows(String(decoding: try #require(files["localities.csv"]).dropFirst(3), as: UTF8.self))
        #expect(localities[0] == ["id", "kind", "name", "genitive", "parent_id", "latitude", "longitude"])
        #expect(localities[1] == [Fixture.village.id.uuidString.lowercased(), "community", "Κοινότητα Μελίσσης", "", "", "39.5194", "22.3189"])
        #expect(localities[2].suffix(2) == ["", ""], "no coordinates is empty, never 0")
        let placed = CSV.rows(String(decoding: try #require(files["action_localities.csv"]).dropFirst(3), as: UTF8.self))
        #expect(Array(placed.dropFirst()) == [[p.actions.first { !$0.localityIDs.isEmpty }!.code, Fixture.village.id.uuidString.lowercased()]])
    }
}
