import Testing
@testable import OramaDomain

@Suite struct MoneyTests {
    @Test(arguments: [
        (Int64(0), "0,00 €"),
        (5, "0,05 €"),
        (123_456_789, "1.234.567,89 €"),
        (100_000, "1.000,00 €"),
        (99_999, "999,99 €"),
        (-123_456, "-1.234,56 €"),
        (8_584_415, "85.844,15 €"),
    ])
    func formatsTheGreekWay(cents: Int64, expected: String) {
        #expect(Money(cents: cents).formatted == expected)
    }

    @Test(arguments: [
        ("1.234,56", Int64(123_456)),
        ("1.234.567,89 €", 123_456_789),
        ("1234,5", 123_450),
        ("1234.56", 123_456),
        ("1.234", 123_400),
        ("€ 12", 1_200),
        ("-12,01", -1_201),
        ("1 234,56", 123_456),
        ("0,5", 50),
    ])
    func parsesWhatPeopleType(text: String, cents: Int64) {
        #expect(Money(parsing: text) == Money(cents: cents))
    }

    @Test(arguments: ["", "abc", "1,2,3", "1,234", "12.34.5", "1.23,4", "--1", "1,2a"])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test func formattingRoundTrips() {
        for cents: Int64 in [0, 1, 10, 999, 1000, 123_456_789_012, -50] {
            let money = Money(cents: cents)
            #expect(Money(parsing: money.formatted) == money)
        }
    }

    @Test func splitAddsUpExactly() {
        let parts = Money(cents: 100).split(into: 3)
        #expect(parts == [Money(cents: 34), Money(cents: 33), Money(cents: 33)])
        #expect(Money(cents: -100).split(into: 3).sum() == Money(cents: -100))
        #expect(Money(cents: 7).split(into: 1) == [Money(cents: 7)])
    }
}

@Suite struct GreekNumberTests {
    @Test(arguments: [("1.234,5", 1234.5), ("12,75", 12.75), ("-3", -3.0), ("1234.5", 1234.5), ("1.234", 1234.0), ("0,001", 0.001), ("98", 98.0)])
    func parses(text: String, value: Double) {
        #expect(GreekNumber.parse(text) == value)
    }

    @Test(arguments: ["", "abc", "1,2,3", "12.34.5", "1.23,4", "5%"])
    func refuses(text: String) {
        #expect(GreekNumber.parse(text) == nil)
    }
}
