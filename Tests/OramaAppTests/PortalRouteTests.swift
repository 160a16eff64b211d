import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import OramaApp
import OramaDomain
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
