import Foundation
@testable import OramaApp
@testable import OramaDomain
import Testing

@Suite("Ανάγνωση προγράμματος")
struct ProgrammeReaderTests {
    @Test("τα αναγνωριστικά ως κείμενο διαβάζονται όπως τα διαβάζει το Foundation, και τα άκυρα απορρίπτονται")
    func idsParse() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(Cells.uuid(parsing: id.uuidString) == id)
            #expect(Cells.uuid(parsing: id.uuidString.lowercased()) == id)
        }
        for bad in ["", "123", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
                    "E621E1F8xC36C-495A-93FC-0C247A3E6E5F", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F",
                    "E621E1F8-C36C-495A-93FC-0C247A3E6E5Ω", "E621E1F8-C36C-495A-93FC0-C247A3E6E5F"] {
            #expect(Cells.uuid(parsing: bad) == nil, "«\(bad)»")
            #expect(UUID(uuidString: bad) == nil, "«\(bad)»")
        }
    }

    @Test("αναφορές της ίδιας στιγμής ταξινομούνται πάντα με την ίδια σειρά")
    func reportsOrderIsTotal() {
        let date = CalendarDate(year: 2025, month: 3, day: 31), at = Date(timeIntervalSince1970: 1_743_400_000)
        let reports = (0..<50).map { _ in
            ProgressUpdate(id: UUID(), actionID: UUID(), date: date, status: .onTrack, physicalProgress: 10,
                           spentToDate: Money(cents: 0), comment: "", recordedBy: "", recordedAt: at)
        }
        let once = reports.sorted(by: ProgressUpdate.inOrderMade)
        #expect(reports.shuffled().sorted(by: ProgressUpdate.inOrderMade) == once)
        #expect(reports.reversed().sorted(by: ProgressUpdate.inOrderMade) == once)
    }
}
