import Foundation
@testable import OramaApp
import OramaDomain
import Testing

@Suite("Ιστορικό αλλαγών σε λέξεις")
struct HistoryWordsTests {
    @Test func fieldsAreNamedAndMoneyTimesAndYesNoAreWrittenOut() {
        let json = #"{"cost_cents":["12000000","123456789"],"supra_local":["false","true"],"recorded_at":["null","1780000000000"],"budget_lines":["","02.7311"]}"#
        let rows = AuditWords.changes(json, .el)
        #expect(rows.contains { $0 == ("Κόστος", "120.000,00 €", "1.234.567,89 €") }, "\(rows)")
        #expect(rows.contains { $0 == ("Υπερτοπική", "Όχι", "Ναι") })
        #expect(rows.contains { $0 == ("Χρόνος καταχώρισης", "—", Format.dateTime(Date(timeIntervalSince1970: 1_780_000_000))) }, "\(rows)")
        #expect(rows.contains { $0 == ("ΚΑΕ", "—", "02.7311") })
        #expect(!rows.contains { $0.0.contains("_") }, "no column names reach the page")
        #expect(AuditWords.changes(json, .en).contains { $0.0 == "Cost" })
    }
}
