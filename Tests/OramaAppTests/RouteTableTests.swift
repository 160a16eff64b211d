import Foundation
@testable import OramaApp
import OramaDomain
import Testing
import Vapor

@Suite("Διαδρομές από το SiteURL", .serialized)
struct RouteTableTests {
    /// Every kind of `SiteURL` has its registered route, and every registered route is a
    /// `SiteURL`: links and routes come from one definition.
    @Test func everySiteURLIsARouteAndEveryRouteASiteURL() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            func key(_ components: [PathComponent]) -> String { "/" + components.map(\.description).joined(separator: "/") }
            let registered = Set(app.routes.all.map { key($0.path) })
            var fromSiteURL = Set<String>()
            for name in SiteURL.Name.allCases {
                let url = SiteURL.example(name)
                #expect(url.name == name, "example(\(name)) is a \(url.name)")
                let path = key(url.pathComponents)
                fromSiteURL.insert(path)
                #expect(registered.contains(path), "SiteURL.\(name) (\(path)) has no route")
                // The link fills in exactly the route's parameters.
                let linked = url.path.split(separator: "?").first.map(String.init) ?? url.path
                #expect(linked.split(separator: "/").count == url.pathComponents.count, "\(name): \(linked)")
            }
            for path in registered.sorted() {
                #expect(fromSiteURL.contains(path), "the route \(path) is not a SiteURL")
            }
        }
    }

    @Test func linksKeepTheirQueries() {
        let p = UUID(uuidString: "11111111-2222-4333-8444-555555555555")!
        #expect(SiteURL.document(p, kind: "annual", format: "docx", year: 2025).path == "/programmes/11111111-2222-4333-8444-555555555555/documents/annual?format=docx&year=2025")
        #expect(SiteURL.search(p, query: "νερό & ρεύμα").path == "/programmes/11111111-2222-4333-8444-555555555555/search?q=%CE%BD%CE%B5%CF%81%CF%8C%20%26%20%CF%81%CE%B5%CF%8D%CE%BC%CE%B1")
        #expect(SiteURL.language("en", back: "/a?b=c").path == "/language/en?back=/a%3Fb%3Dc")
        #expect(SiteURL.apiAnnual(p, year: 2026).template == "/api/v1/programmes/{programmeID}/annual/{year}")
    }
}
