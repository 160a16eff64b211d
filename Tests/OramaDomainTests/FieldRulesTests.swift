import Foundation
import OramaDomain
import Testing

@Suite("Κανόνες πεδίων")
struct FieldRulesTests {
    func message(_ rule: () throws(FieldError) -> Any) -> String? {
        do throws(FieldError) { _ = try rule(); return nil } catch { return error.description }
    }

    @Test func titlesAreRequiredAndAtMost300Characters() throws {
        #expect(try FieldRules.title("  Ύδρευση Μελίσσης \n") == "Ύδρευση Μελίσσης")
        #expect(message { () throws(FieldError) -> Any in try FieldRules.title("   ") } == "Ο τίτλος είναι υποχρεωτικός.")
        #expect(message { () throws(FieldError) -> Any in try FieldRules.title(String(repeating: "ά", count: 300)) } == nil)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.title(String(repeating: "ά", count: 301)) } == "Ο τίτλος ξεπερνά τους 300 χαρακτήρες (έχει 301).")
    }

    @Test func yearsAreBoundedBeforeAnyArithmetic() throws {
        #expect(try FieldRules.startYear("2024") == 2024)
        for bad in ["9223372036854775807", "-1", "1999", "2101", "20x4", "", "+202", "-202"] {
            #expect(message { () throws(FieldError) -> Any in try FieldRules.startYear(bad) } != nil, "\(bad)")
        }
        #expect(try FieldRules.endYear("", start: 2024) == 2028)
        #expect(try FieldRules.endYear("2033", start: 2024) == 2033)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.endYear("2034", start: 2024) } != nil)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.endYear("9223372036854775807", start: 2024) } != nil)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.endYear("2023", start: 2024) } != nil)
    }

    @Test func aYearOfTheProgrammeIsToldApartFromTextThatIsNoYear() {
        let p = Programme(organisationID: UUID(), title: "Π", startYear: 2024, endYear: 2028)
        #expect(throws: FieldRules.YearError.notAYear("20x5")) { try FieldRules.year("20x5", in: p) }
        #expect(throws: FieldRules.YearError.outsidePeriod(2031, 2024, 2028)) { try FieldRules.year("2031", in: p) }
        #expect(throws: FieldRules.YearError.notAYear("9223372036")) { try FieldRules.year("9223372036854775807", in: p) }
        #expect((try? FieldRules.year("2026", in: p)) == 2026)
        #expect(throws: FieldRules.YearError.notAYear("-202")) { try FieldRules.year("-202", in: p) }
        #expect(throws: FieldRules.YearError.notAYear("+202")) { try FieldRules.year("+202", in: p) }
        #expect(message { () throws(FieldError) -> Any in try FieldRules.baselineYear("1960", upTo: 1900) } != nil, "a period before 1950 does not trap")
    }

    @Test func moneyIsNeverNegativeNorAboveTheMaximum() throws {
        #expect(try FieldRules.cost("1.234,56") == Money(cents: 123_456))
        #expect(message { () throws(FieldError) -> Any in try FieldRules.cost("-5") } == "Το κόστος δεν μπορεί να είναι αρνητικό.")
        #expect(message { () throws(FieldError) -> Any in try FieldRules.cost("12,34,5") }?.contains("δεν είναι ποσό") == true)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.amount(Money(cents: Money.maximum.cents + 1), field: "x") } != nil)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.amount("1.000.000.000.000,00", field: "x") } != nil)
    }

    /// A target or baseline fits the indicator's unit as its measurements must: 150 % was accepted.
    @Test func targetsAndBaselinesFitTheUnit() throws {
        func fits(_ value: Double, _ unit: String) -> String? {
            message { () throws(FieldError) -> Any in try FieldRules.fits(value, unit: unit, field: "target", subject: "Ο στόχος", english: "The target") }
        }
        #expect(fits(150, "%")?.contains("πρέπει να είναι από 0 έως 100") == true)
        #expect(fits(-1, "% νοικοκυριών") != nil)
        #expect(fits(100, "%") == nil && fits(0, "%") == nil)
        #expect(fits(-3, "θέσεις")?.contains("δεν δέχεται αρνητικές τιμές") == true)
        #expect(fits(-3, "μεταβολή πληθυσμού") == nil, "a change may be negative")
        #expect(fits(-20, "% μεταβολής") == nil && fits(140, "±%") == nil, "a percentage change too")
        #expect(fits(.nan, "θέσεις") != nil)
    }

    @Test func choicesTakeTheGreekNameOrTheCodeAndListBoth() throws {
        #expect(try FieldRules.maturity("ΑΔΕΙΟΔΟΤΗΜΕΝΟ") == .licensed)
        #expect(try FieldRules.maturity("studyReady") == .studyReady)
        #expect(try FieldRules.priority("1") == .high)
        let refusal = try #require(message { () throws(FieldError) -> Any in try FieldRules.maturity("ώριμη") })
        #expect(refusal.hasPrefix("Άγνωστη ωριμότητα «ώριμη»· δεκτές τιμές: Ιδέα (idea), "))
        #expect(try FieldRules.maturity("  tendered ") == .tendered, "spaces around do not matter")
        #expect(message { () throws(FieldError) -> Any in try FieldRules.maturity("") }?.hasPrefix("Επιλέξτε ωριμότητα· δεκτές τιμές:") == true)
    }

    @Test func numbersWeightsRanksAndBudgetLines() throws {
        #expect(try FieldRules.weight("2,5") == 2.5)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.weight("1001") } != nil)
        #expect(try FieldRules.rank("") == nil)
        #expect(try FieldRules.rank("3") == 3)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.rank("0") } != nil)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.rank("99999999999999999999") } != nil)
        #expect(try FieldRules.value("1.234,5") == 1234.5)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.value(.nan) } != nil)
        #expect(message { () throws(FieldError) -> Any in try FieldRules.value(1e308) } != nil)
        #expect(try FieldRules.budgetLines("02.7311, 02.7312;\n30.7323") == ["02.7311", "02.7312", "30.7323"])
        #expect(message { () throws(FieldError) -> Any in try FieldRules.budgetLines(Array(repeating: "1", count: 51)) } != nil)
    }
}
