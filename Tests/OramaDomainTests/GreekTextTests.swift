import Testing
@testable import OramaDomain

@Suite struct GreekTextTests {
    @Test func accentAndCaseInsensitive() {
        let keys = ["κιλελερ", "ΚΙΛΕΛΕΡ", "Κιλελέρ"].map(GreekText.searchKey)
        #expect(Set(keys).count == 1)
        #expect(keys[0] == "κιλελερ")
    }

    @Test func dialytikaAndFinalSigma() {
        #expect(GreekText.searchKey("Προϋπολογισμός") == GreekText.searchKey("ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ"))
        #expect(GreekText.searchKey("Προϋπολογισμός") == "προυπολογισμοσ")
        #expect(GreekText.searchKey("ΐ ΰ") == "ι υ")
    }

    @Test func matchesEveryWord() {
        #expect(GreekText.matches("Ύδρευση Μέλισσας από γεωτρήσεις", query: "υδρευση μελισσα"))
        #expect(!GreekText.matches("Ύδρευση Μέλισσας", query: "αποχέτευση"))
        #expect(!GreekText.matches("κάτι", query: "   "))
    }

    @Test func headingsDropTonos() {
        #expect(GreekText.heading("Άξονας 1: Περιβάλλον και Ποιότητα Ζωής") == "ΑΞΟΝΑΣ 1: ΠΕΡΙΒΑΛΛΟΝ ΚΑΙ ΠΟΙΟΤΗΤΑ ΖΩΗΣ")
    }

    @Test func datesTheGreekWay() {
        #expect(CalendarDate(year: 2025, month: 12, day: 31).formatted == "31/12/2025")
        #expect(CalendarDate(parsing: "31/12/2025") == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(CalendarDate(parsing: "2025-03-01") == CalendarDate(year: 2025, month: 3, day: 1))
        #expect(CalendarDate(parsing: "29/02/2025") == nil)
        #expect(CalendarDate(parsing: "29/02/2024") != nil)
        #expect(CalendarDate(parsing: "31/04/2025") == nil)
        #expect(CalendarDate(parsing: "αύριο") == nil)
    }

    @Test func quarters() {
        #expect(YearQuarter(parsing: "2025-Q3") == YearQuarter(year: 2025, quarter: 3))
        #expect(YearQuarter(parsing: "Γ' 2025") == YearQuarter(year: 2025, quarter: 3))
        #expect(YearQuarter(parsing: "2025-Q5") == nil)
        #expect(YearQuarter(year: 2025, quarter: 4).advanced(by: 1) == YearQuarter(year: 2026, quarter: 1))
        let schedule = Schedule(start: .init(year: 2024, quarter: 3), end: .init(year: 2025, quarter: 2))
        #expect(schedule.quarters.count == 4)
        #expect(schedule.runs(in: 2025) && !schedule.runs(in: 2026))
    }
}

import Foundation

@Suite struct TextCodedTests {
    struct Box: Codable, Equatable {
        var date: CalendarDate
        var quarter: YearQuarter
        var period: ReportingPeriod
    }

    @Test func encodesAsShortTextAndReadsItBack() throws {
        let box = Box(date: .init(year: 2025, month: 12, day: 31), quarter: .init(year: 2026, quarter: 2), period: .init(year: 2025))
        let json = String(decoding: try JSONEncoder().encode(box), as: UTF8.self)
        #expect(json.contains("\"2025-12-31\"") && json.contains("\"2026-Q2\"") && json.contains("\"2025\""))
        #expect(try JSONDecoder().decode(Box.self, from: Data(json.utf8)) == box)
    }

    @Test func badTextIsADecodingErrorNamingTheValue() {
        let json = #"{"date":"31/02/2025","quarter":"2026-Q2","period":"2025"}"#
        #expect {
            _ = try JSONDecoder().decode(Box.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("Μη έγκυρη ημερομηνία: 31/02/2025")
        }
    }
}

@Suite("Αποθηκευμένοι κωδικοί")
struct StoredCodeTests {
    @Test("οι μορφές που γράφει το Orama διαβάζονται όπως πριν, οι άκυρες απορρίπτονται όπως πριν")
    func storedFormsAgreeWithTheLenientParsers() {
        #expect(CalendarDate(parsing: "2025-12-31") == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(CalendarDate(parsing: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(parsing: "2025-02-29") == nil)
        #expect(CalendarDate(parsing: "2025-13-01") == nil)
        #expect(CalendarDate(parsing: "1899-12-31") == nil)
        #expect(CalendarDate(parsing: "31/12/2025") == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(CalendarDate(parsing: " 2025-12-31 ") == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(YearQuarter(parsing: "2025-Q3") == YearQuarter(year: 2025, quarter: 3))
        #expect(YearQuarter(parsing: "2025-Q5") == nil)
        #expect(YearQuarter(parsing: "2025-Q0") == nil)
        #expect(YearQuarter(parsing: "1800-Q1") == nil)
        #expect(YearQuarter(parsing: "2025-q3") == YearQuarter(year: 2025, quarter: 3))
        #expect(YearQuarter(parsing: "Γ' 2025") == YearQuarter(year: 2025, quarter: 3))
        #expect(ReportingPeriod(parsing: "2025") == ReportingPeriod(year: 2025))
        #expect(ReportingPeriod(parsing: "2025-Q2") == ReportingPeriod(year: 2025, quarter: 2))
        #expect(ReportingPeriod(parsing: "3000") == nil)
        #expect(ReportingPeriod(parsing: "20a5") == nil)
        // Every date of four years and every quarter read back from the code written for it.
        var day = CalendarDate(year: 2024, month: 1, day: 1)
        for _ in 0..<1461 {
            #expect(CalendarDate(parsing: day.iso) == day)
            day = day.adding(days: 1)
        }
        for year in [1900, 2025, 2200] {
            for quarter in 1...4 {
                let q = YearQuarter(year: year, quarter: quarter)
                #expect(YearQuarter(parsing: q.code) == q)
                #expect(ReportingPeriod(parsing: ReportingPeriod(year: year, quarter: quarter).code) == ReportingPeriod(year: year, quarter: quarter))
            }
        }
    }
}
