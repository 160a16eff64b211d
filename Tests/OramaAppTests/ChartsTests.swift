import Foundation
@testable import OramaApp
import OramaDomain
import Testing

/// The server's SVG charts: round tick values, and on a phone a layout of its own whose text
/// is never under 12 px (it is drawn at its size, not scaled down).
@Suite("Γραφήματα")
struct ChartsTests {
    @Test("οι τιμές των αξόνων είναι στρογγυλές και καλύπτουν το εύρος")
    func roundTicks() {
        #expect(Charts.ticks(low: 0, high: 90.8, count: 4) == [0, 50, 100])
        #expect(Charts.ticks(low: 0, high: 3_712_345, count: 4) == [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000])
        #expect(Charts.ticks(low: 0, high: 1, count: 4) == [0, 0.5, 1])
        #expect(Charts.ticks(low: -12, high: 37, count: 5) == [-20, -10, 0, 10, 20, 30, 40])
        #expect(Charts.ticks(low: 5, high: 5, count: 4) == [5], "an empty range is one value, not a loop")
        #expect(Charts.ticks(low: 0, high: .infinity, count: 4) == [0])
        #expect(Charts.shortEuros(2_500_000) == "2,5 εκ. €" && Charts.shortEuros(800_000) == "800 χιλ. €" && Charts.shortEuros(0) == "0 €")
    }

    static func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    static func width(_ svg: String) -> Double? {
        svg.components(separatedBy: " width=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) }
    }

    @Test("σε κινητό το γράφημα χωρά σε 340 μονάδες και κανένα κείμενο δεν είναι κάτω από 12 px", arguments: [Charts.Layout.wide, .narrow])
    func legible(layout: Charts.Layout) throws {
        let demo = KilelerDemo.build()
        let p = demo.programme
        let indicator = try #require(p.indicators.first { !$0.measurements.isEmpty })
        let trend = Charts.trend(indicator: indicator, years: p.years, title: "Δείκτης", layout: layout)
        let table = p.fundingTable(by: .axis, reference: demo.reference)
        let bars = Charts.stackedBars(table: table, title: "Χρηματοδότηση", layout: layout)
        let gantt = Charts.gantt(rows: p.actionPaths.prefix(5).map { Charts.GanttRow(label: $0.action.title, group: $0.axis.title, schedule: $0.action.schedule,
                                                                                       milestones: $0.action.milestones, status: "") },
                                 years: p.years, today: CalendarDate(year: 2026, month: 6, day: 1), title: "Χρονοδιάγραμμα")
        for (name, svg) in [("trend", trend), ("bars", bars), ("gantt", gantt)] {
            let sizes = Self.fontSizes(svg)
            #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 12 }, "\(name): \(sizes.filter { $0 < 12 })")
        }
        if layout == .narrow {
            #expect(Self.width(trend) == 340 && Self.width(bars) == 340, "trend \(Self.width(trend) ?? 0), bars \(Self.width(bars) ?? 0)")
        }
        // Every source in the legend, whatever the layout.
        for source in table.sources { #expect(bars.contains(Charts.esc(source.code) + " · "), "\(source.code)") }
    }

    @Test("η σελίδα δίνει και τις δύο μορφές· το CSS δείχνει αυτή που χωρά")
    func bothLayouts() {
        let html = Charts.responsive { $0 == .wide ? "<svg id=\"w\"></svg>" : "<svg id=\"n\"></svg>" }
        #expect(html == "<div class=\"chart-wide\"><svg id=\"w\"></svg></div><div class=\"chart-narrow\"><svg id=\"n\"></svg></div>")
        #expect(Stylesheet.css.contains(".chart-narrow { display: none; }") && Stylesheet.css.contains(".chart-wide { display: none; } .chart-narrow { display: block; }"))
    }
}
