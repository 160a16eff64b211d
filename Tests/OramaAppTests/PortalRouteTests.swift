import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import OramaApp
import OramaDomain
import Fluent
import Testing
import VaporTesting

/// The citizens' portal over HTTP: the municipality's programme in words, each place's
/// planned actions, the Atom feed; no staff names, no drafts.
@Suite("Η πύλη των πολιτών", .serialized)
struct PortalRouteTests {
    func withWorkspace(_ body: (WorkspaceFixture) async throws -> Void) async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in try await body(try await WorkspaceFixture.make(app)) }
    }

    /// The names of the people who recorded anything in the demo: none may appear publicly.
    static func staffNames(_ p: Programme) -> Set<String> {
        Set(p.progressUpdates.map(\.recordedBy) + p.indicators.flatMap { $0.measurements.map(\.recordedBy) }).subtracting([""])
    }

    @Test func thePortalSaysWhereTheProgrammeStandsInWords() async throws {
        try await withWorkspace { f in
            let anonymous = try await f.browser(as: nil)
            let org = f.reference.organisation.id
            let page = try await anonymous.get(SiteURL.portal(org).path)
            #expect(page.status == .ok)
            let html = page.body.string
            let words = ProgressInWords(f.programme.actions, latest: f.programme.latestProgressByAction())
            #expect(html.contains(words.greek), "\(words.greek)")
            #expect(html.contains("καθυστερ") && html.contains("Γιατί καθυστερούν"))
            #expect(html.contains("18/2024") && html.contains("Δημοτική Ενότητα Αρμενίου") && html.contains("Κοινότητα Κραννώνος"))
            for name in Self.staffNames(f.programme) { #expect(!html.contains(name), "\(name) on the public portal") }

            let melissa = try #require(f.reference.localities.first { $0.name == "Μέλισσα" })
            let place = try await anonymous.get(SiteURL.portalPlace(org, melissa.id).path)
            #expect(place.status == .ok && place.body.string.contains("Τι σχεδιάζεται: Κοινότητα Μέλισσας")
                    && place.body.string.contains("Για όλη τη Δημοτική Ενότητα Νίκαιας"))
            let planned = f.programme.planned(in: melissa, localities: f.reference.localities)
            for a in planned.here + planned.unit { #expect(place.body.string.contains(a.title), "\(a.title)") }
            #expect(try await anonymous.get(SiteURL.portalPlace(org, UUID()).path).status == .notFound)
            #expect(try await anonymous.get(SiteURL.portal(UUID()).path).status == .notFound)
        }
    }

    /// The map is drawn from the localities' own coordinates (no tiles from elsewhere), each
    /// point a link to its place; the office fills coordinates in on the reference page, with
    /// a comma or a point, and a wrong one is refused beside its field with nothing saved.
    @Test func theMapShowsThePlacesWithCoordinatesAndTheOfficeAddsMore() async throws {
        try await withWorkspace { f in
            let anonymous = try await f.browser(as: nil)
            let org = f.reference.organisation.id
            let located = f.reference.localities.filter { $0.location != nil }
            #expect(located.count >= 3 && located.count < f.reference.localities.count)
            let html = try await anonymous.get(SiteURL.portal(org).path).body.string
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\""))
            #expect(!html.contains("tile") && !html.contains("<img"), "nothing fetched from elsewhere")
            let link = { (l: Locality) in "<a href=\"\(SiteURL.portalPlace(org, l.id).path)\" aria-label=" }
            for l in located { #expect(html.components(separatedBy: link(l)).count - 1 == 2, "\(l.name): once in each layout") }
            let melissa = try #require(f.reference.localities.first { $0.name == "Μέλισσα" })
            #expect(melissa.location == nil && !html.contains(link(melissa)))
            #expect(html.contains("Στον χάρτη φαίνονται \(located.count) από τους \(f.reference.localities.count) τόπους"))

            let admin = try await f.browser(as: "orgadmin@test.gr")
            try await admin.get(SiteURL.reference().path)
            let row: [(String, String)] = [("id", melissa.id.uuidString), ("name", melissa.name), ("kind", melissa.kind.rawValue),
                                           ("parent", melissa.parentID?.uuidString ?? ""), ("genitive", melissa.genitive)]
            let wrong = try await admin.post(SiteURL.referenceRow("localities").path, row + [("latitude", "39°33′"), ("longitude", "22,45")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Το γεωγραφικό πλάτος «39°33′» δεν είναι δεκαδικός αριθμός μοιρών (π.χ. 39,5672)."))
            #expect(wrong.body.string.contains("value=\"22,45\""), "what was typed is kept")
            let half = try await admin.post(SiteURL.referenceRow("localities").path, row + [("latitude", "39,55"), ("longitude", "")])
            #expect(half.status == .unprocessableEntity && half.body.string.contains("Δώστε και το γεωγραφικό μήκος"))
            var stored = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: org))
            #expect(stored.localities.first { $0.id == melissa.id }?.location == nil, "nothing saved")

            let saved = try await admin.post(SiteURL.referenceRow("localities").path, row + [("latitude", "39,5501"), ("longitude", "22.4502")])
            #expect(saved.status == .seeOther)
            stored = try #require(try await ReferenceRepository(db: f.app.db).load(organisationID: org))
            #expect(stored.localities.first { $0.id == melissa.id }?.location == GeoPoint(latitude: 39.5501, longitude: 22.4502))
            #expect(try await admin.get(SiteURL.reference().path).body.string.contains("value=\"39,5501\""), "shown back with the Greek comma")
            let after = try await anonymous.get(SiteURL.portal(org).path).body.string
            #expect(after.components(separatedBy: link(melissa)).count - 1 == 2)
            #expect(after.contains("Κοινότητα Μέλισσας: "))
            let audited = try await AuditEntryModel.query(on: f.app.db).filter(\.$entity == "locality").filter(\.$entityID == melissa.id).all()
            #expect(audited.contains { $0.changes.contains("39.5501") }, "the change is in the audit log")
        }
    }

    @Test func theFeedCarriesDecisionsStepsAndProgressWithoutStaffNames() async throws {
        try await withWorkspace { f in
            let anonymous = try await f.browser(as: nil)
            let feed = try await anonymous.get(SiteURL.feed(f.programme.id).path)
            #expect(feed.status == .ok && feed.headers.contentType?.description.hasPrefix("application/atom+xml") == true)
            let xml = feed.body.string
            #expect(XMLParser(data: Data(xml.utf8)).parse())
            let path = KilelerDemo.approvalPath(of: f.programme)
            let expected = path.decisions.count + path.steps.count + min(100, f.programme.progressUpdates.count)
            #expect(xml.components(separatedBy: "<entry>").count - 1 == expected)
            #expect(xml.contains("<author><name>\(f.reference.organisation.name)</name></author>"))
            for name in Self.staffNames(f.programme) { #expect(!xml.contains(name), "\(name) in the feed") }
            #expect(try await anonymous.get(SiteURL.feed(f.draft.id).path).status == .notFound, "a draft has no public feed")
        }
    }
}
