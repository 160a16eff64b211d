import Foundation
import OramaDomain
import Plot

/// SVG charts drawn on the server. Text goes through `Escape.attribute`, which escapes for
/// element content too; nothing else in the markup comes from users.
enum Charts {
    static func esc(_ s: String) -> String { Escape.attribute(s) }

    /// Colours that stay apart in grey print and for common colour blindness; each bar also
    /// carries its source in a title and in the legend, so colour is never the only cue.
    static let palette = ["#0b4f8a", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6b7785", "#f0e442", "#1b1f24", "#a4161a", "#7fb3d5", "#b2df8a", "#fb9a99"]

    struct GanttRow {
        var label: String
        var group: String
        var schedule: Schedule?
        var milestones: [Milestone]
        var status: String
    }

    /// A timeline, quarter by quarter over the programme's years, with milestones as
    /// diamonds and today's date as a line.
    static func gantt(rows: [GanttRow], years: ClosedRange<Int>, today: CalendarDate, title: String) -> String {
        let labelWidth = 360.0, quarterWidth = 26.0, rowHeight = 22.0, top = 40.0
        let quarters = years.count * 4
        let width = labelWidth + Double(quarters) * quarterWidth + 10
        var groups: [String] = []
        for row in rows where !groups.contains(row.group) { groups.append(row.group) }
        let height = top + Double(rows.count + groups.count) * rowHeight + 10
        func x(_ q: YearQuarter) -> Double { labelWidth + Double(q.ordinal - YearQuarter(year: years.lowerBound, quarter: 1).ordinal) * quarterWidth }
        func xDate(_ d: CalendarDate) -> Double {
            let q = d.quarter
            let within = Double((d.month - 1) % 3) / 3 + Double(d.day - 1) / 93
            return x(q) + within * quarterWidth
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart gantt\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
        svg += "<title>\(esc(title))</title>"
        for (i, year) in years.enumerated() {
            let x0 = labelWidth + Double(i * 4) * quarterWidth
            svg += "<rect x=\"\(x0)\" y=\"0\" width=\"\(4 * quarterWidth)\" height=\"\(height)\" fill=\"\(i % 2 == 0 ? "#f4f6f9" : "#ffffff")\"/>"
            svg += "<text x=\"\(x0 + 2 * quarterWidth)\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">\(year)</text>"
            for q in 0..<4 {
                svg += "<text x=\"\(x0 + (Double(q) + 0.5) * quarterWidth)\" y=\"32\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5563\">\(["Α", "Β", "Γ", "Δ"][q])</text>"
            }
        }
        var y = top
        for group in groups {
            svg += "<text x=\"4\" y=\"\(y + 15)\" font-size=\"12\" font-weight=\"bold\">\(esc(group))</text>"
            y += rowHeight
            for row in rows where row.group == group {
                svg += "<text x=\"12\" y=\"\(y + 15)\" font-size=\"12\">\(esc(row.label.count > 49 ? String(row.label.prefix(48)) + "…" : row.label))</text>"
                if let s = row.schedule, s.isOrdered {
                    let start = max(s.start, YearQuarter(year: years.lowerBound, quarter: 1))
                    let end = min(s.end, YearQuarter(year: years.upperBound, quarter: 4))
                    if start <= end {
                        let x0 = x(start), x1 = x(end) + quarterWidth
                        svg += "<rect x=\"\(x0)\" y=\"\(y + 4)\" width=\"\(x1 - x0)\" height=\"\(rowHeight - 8)\" rx=\"3\" fill=\"#0b4f8a\" opacity=\"0.85\"><title>\(esc("\(row.label): \(s.start.greek) – \(s.end.greek) · \(row.status)"))</title></rect>"
                    }
                }
                for m in row.milestones where years.contains(m.date.year) {
                    let mx = xDate(m.date), my = y + rowHeight / 2
                    svg += "<path d=\"M\(mx) \(my - 7) L\(mx + 7) \(my) L\(mx) \(my + 7) L\(mx - 7) \(my) Z\" fill=\"\(m.isDone ? "#009e73" : "#ffffff")\" stroke=\"#1b1f24\" stroke-width=\"1.2\"><title>\(esc("\(m.date.formatted) · \(m.title) · \(m.isDone ? "ολοκληρώθηκε" : "εκκρεμεί")"))</title></path>"
                }
                y += rowHeight
            }
        }
        if years.contains(today.year) {
            let tx = xDate(today)
            svg += "<line x1=\"\(tx)\" y1=\"20\" x2=\"\(tx)\" y2=\"\(height)\" stroke=\"#a4161a\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(tx + 3)\" y=\"\(height - 4)\" font-size=\"12\" fill=\"#a4161a\">\(esc("Σήμερα \(today.formatted)"))</text>"
        }
        return svg + "</svg>"
    }

    /// The two layouts of a chart: for a screen (`wide`) and for a phone (`narrow`, 340 units,
    /// shown under 40rem instead, never scaled below its size), so that text stays at least
    /// 12 px wherever it is read.
    enum Layout: Sendable {
        case wide, narrow
    }

    /// Both layouts of a chart; CSS shows the one that fits.
    static func responsive(_ draw: (Layout) -> String) -> String {
        "<div class=\"chart-wide\">\(draw(.wide))</div><div class=\"chart-narrow\">\(draw(.narrow))</div>"
    }

    /// Round tick values from `low` to at least `high`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them.
    static func ticks(low: Double, high: Double, count: Int = 4) -> [Double] {
        guard low.isFinite, high.isFinite, high > low, count > 0 else { return [low] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (low / step).rounded(.down) * step
        var values: [Double] = []
        var v = first
        while v < high + step * 0.001, values.count < 50 {
            values.append(v)
            v += step
        }
        if let last = values.last, last < high { values.append(last + step) }
        return values
    }

    /// A tick's value said briefly: `2,5 εκ. €`, `800 χιλ. €`, `0 €`.
    static func shortEuros(_ euros: Double) -> String {
        if abs(euros) >= 1_000_000 { return "\(Format.number((euros / 100_000).rounded() / 10)) εκ. €" }
        if abs(euros) >= 1_000 { return "\(Format.number((euros / 100).rounded() / 10)) χιλ. €" }
        return "\(Format.number(euros.rounded())) €"
    }

    /// An indicator's yearly values as a line with points, its targets as a dashed line and
    /// its baseline as a thin rule; every point also says its value in a title.
    static func trend(indicator i: Indicator, years: ClosedRange<Int>, title: String, layout: Layout = .wide) -> String {
        let narrow = layout == .narrow
        let width = narrow ? 340.0 : 640.0, height = narrow ? 240.0 : 260.0, right = 16.0, top = 20.0, bottom = 44.0
        let values = years.compactMap { y in i.actual(in: y).map { (y, $0) } }
        let targets = years.compactMap { y in i.targets[y].map { (y, $0) } }
        let all = values.map(\.1) + targets.map(\.1) + (i.baseline.map { [$0] } ?? [])
        let scale = ticks(low: min(0, all.min() ?? 0), high: max(1, all.max() ?? 1), count: narrow ? 4 : 5)
        let low = scale.first ?? 0, high = max(scale.last ?? 1, low + 1)
        let labels = scale.map { Format.number($0) }
        let left = 14 + 7.2 * Double(labels.map(\.count).max() ?? 3)
        func x(_ year: Int) -> Double { left + 10 + (width - left - 10 - right) * Double(year - years.lowerBound) / Double(max(1, years.count - 1)) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - low) / (high - low)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart trend\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
        svg += "<title>\(esc(title))</title>"
        for (v, label) in zip(scale, labels) {
            svg += "<line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(width - right)\" y2=\"\(y(v))\" stroke=\"#e1e6ec\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(v) + 4)\" text-anchor=\"end\" font-size=\"12\">\(esc(label))</text>"
        }
        for year in years where !narrow || years.count <= 6 || (year - years.lowerBound) % 2 == 0 {
            svg += "<text x=\"\(x(year))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\" font-size=\"12\">\(year)</text>"
        }
        if let b = i.baseline {
            svg += "<line x1=\"\(left)\" y1=\"\(y(b))\" x2=\"\(width - right)\" y2=\"\(y(b))\" stroke=\"#6b7785\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(width - right)\" y=\"\(y(b) - 4)\" text-anchor=\"end\" font-size=\"12\" fill=\"#4a5563\">\(esc("βάση \(Format.number(b))"))</text>"
        }
        if targets.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#e69f00\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"\(targets.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " "))\"/>"
        }
        for (year, target) in targets {
            svg += "<rect x=\"\(x(year) - 4)\" y=\"\(y(target) - 4)\" width=\"8\" height=\"8\" fill=\"#e69f00\"><title>\(esc("Στόχος \(year): \(Format.number(target)) \(i.unit)"))</title></rect>"
        }
        if values.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\" points=\"\(values.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " "))\"/>"
        }
        for (year, value) in values {
            svg += "<circle cx=\"\(x(year))\" cy=\"\(y(value))\" r=\"5\" fill=\"#0b4f8a\"><title>\(esc("Τιμή \(year): \(Format.number(value)) \(i.unit)"))</title></circle>"
        }
        let legendY = height - 8
        svg += "<circle cx=\"\(left)\" cy=\"\(legendY - 4)\" r=\"4\" fill=\"#0b4f8a\"/><text x=\"\(left + 8)\" y=\"\(legendY)\" font-size=\"12\">\(esc("τιμές"))</text>"
        svg += "<rect x=\"\(left + 64)\" y=\"\(legendY - 8)\" width=\"8\" height=\"8\" fill=\"#e69f00\"/><text x=\"\(left + 76)\" y=\"\(legendY)\" font-size=\"12\">\(esc("στόχοι (διακεκομμένη)"))</text>"
        return svg + "</svg>"
    }

    /// Stacked bars: one bar per year, one segment per funding source, with a legend (beside
    /// the bars on a screen, below them on a phone).
    static func stackedBars(table: FundingTable, title: String, layout: Layout = .wide) -> String {
        let narrow = layout == .narrow
        let years = table.years
        let sources = table.sources
        let totals = years.map { table.total(year: $0).cents }
        let scale = ticks(low: 0, high: Double(max(100, totals.max() ?? 100)) / 100, count: 4)
        let maxEuros = max(1, scale.last ?? 1)
        let labels = scale.map(shortEuros)
        let chartHeight = narrow ? 200.0 : 240.0, top = 20.0
        let left = 14 + 7.2 * Double(labels.map(\.count).max() ?? 6)
        let slot = narrow ? max(36, (340 - left - 8) / Double(max(1, years.count))) : 90.0
        let barWidth = slot * 0.6, gap = slot - barWidth
        let legendRow = 18.0
        let width = narrow ? max(340, left + Double(years.count) * slot + 8) : left + Double(years.count) * slot + 240
        let height = top + chartHeight + (narrow ? 30 + Double(sources.count) * legendRow + 8 : max(44, Double(sources.count) * legendRow - chartHeight + 20))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
        svg += "<title>\(esc(title))</title>"
        for (value, label) in zip(scale, labels) {
            let yy = top + chartHeight - chartHeight * value / maxEuros
            svg += "<line x1=\"\(left - 4)\" y1=\"\(yy)\" x2=\"\(left + Double(years.count) * slot)\" y2=\"\(yy)\" stroke=\"#c9d1db\"/>"
            svg += "<text x=\"\(left - 8)\" y=\"\(yy + 4)\" text-anchor=\"end\" font-size=\"12\">\(esc(label))</text>"
        }
        for (i, year) in years.enumerated() {
            let x0 = left + Double(i) * slot + gap / 2
            var base = top + chartHeight
            for (s, source) in sources.enumerated() {
                let amount = table.total(source: source.id, year: year)
                guard amount.cents > 0 else { continue }
                let h = chartHeight * Double(amount.cents) / 100 / maxEuros
                base -= h
                svg += "<rect x=\"\(x0)\" y=\"\(base)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"\(palette[s % palette.count])\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>\(esc("\(year) · \(source.code): \(amount.formatted)"))</title></rect>"
            }
            svg += "<text x=\"\(x0 + barWidth / 2)\" y=\"\(top + chartHeight + 16)\" text-anchor=\"middle\" font-size=\"12\">\(year)</text>"
            if !narrow {
                svg += "<text x=\"\(x0 + barWidth / 2)\" y=\"\(top + chartHeight + 32)\" text-anchor=\"middle\" font-size=\"12\">\(esc(shortEuros(Double(table.total(year: year).cents) / 100)))</text>"
            }
        }
        let legendX = narrow ? left : left + Double(years.count) * slot + 20
        let legendTop = narrow ? top + chartHeight + 30 : top
        for (s, source) in sources.enumerated() {
            let yy = legendTop + Double(s) * legendRow
            svg += "<rect x=\"\(legendX)\" y=\"\(yy)\" width=\"12\" height=\"12\" fill=\"\(palette[s % palette.count])\"/>"
            svg += "<text x=\"\(legendX + 18)\" y=\"\(yy + 10)\" font-size=\"12\">\(esc("\(source.code) · \(table.total(source: source.id).formatted)"))</text>"
        }
        return svg + "</svg>"
    }
}

enum Bars {
    /// A progress bar that also says its value in text (colour never carries meaning alone).
    static func progress(_ value: Double?, label: String) -> Node<HTML.BodyContext> {
        // Drawn in SVG: the content policy forbids inline styles, and an SVG width is no style.
        let width = min(100, max(0, value ?? 0))
        let svg = "<svg class=\"bar-svg\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"100\" height=\"6\" fill=\"#e1e6ec\"/><rect width=\"\(width)\" height=\"6\" fill=\"#0b4f8a\"/></svg>"
        return .div(.class("bar"), .attribute(named: "role", value: "img"), .attribute(named: "aria-label", value: Escape.attribute("\(label): \(Format.percent(value))")),
                    .raw(svg), .span(.class("value"), .text(Format.percent(value))))
    }
}
