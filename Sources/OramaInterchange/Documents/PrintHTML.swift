import Foundation

/// The same document as one self-contained HTML page for the browser's «Εκτύπωση» or
/// «Αποθήκευση ως PDF»: A4 margins, the municipality's name and the page number in the
/// page margins, table headers repeated on every page, no scripts and nothing fetched.
public enum PrintHTML {
    public static func render(_ d: OfficialDocument) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"el\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>\(escape(d.title)) · \(escape(d.organisation))</title>"
        html += "<style>\(css(organisation: d.organisation))</style></head><body>"
        html += "<header><p class=\"org\">\(escape(d.organisation))</p><h1 class=\"title\">\(escape(d.title))</h1>"
        if !d.subtitle.isEmpty { html += "<p class=\"subtitle\">\(escape(d.subtitle))</p>" }
        html += "</header><main>"
        var anchor = 0
        for block in d.blocks {
            switch block {
            case .heading(let level, let text):
                anchor += 1
                let tag = "h\(min(4, max(2, level + 1)))"
                html += "<\(tag) id=\"s\(anchor)\">\(escape(text))</\(tag)>"
            case .paragraph(let text):
                html += "<p>" + escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
            case .bullets(let items):
                html += "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            case .table(let t):
                html += table(t)
            case .pageBreak:
                html += "<div class=\"page-break\"></div>"
            case .tableOfContents:
                var n = 0
                html += "<nav class=\"toc\"><h2>Περιεχόμενα</h2><ol>"
                for (level, text) in d.headings {
                    n += 1
                    html += "<li class=\"l\(level)\"><a href=\"#s\(n)\">\(escape(text))</a></li>"
                }
                html += "</ol></nav>"
            }
        }
        return html + "</main></body></html>\n"
    }

    static func table(_ t: OfficialDocument.Table) -> String {
        let total = max(1, t.columns.map { max(1, $0.weight) }.reduce(0, +))
        var html = "<table><caption>\(escape(t.caption))</caption><colgroup>"
        for c in t.columns { html += "<col style=\"width:\(max(1, c.weight) * 100 / total)%\">" }
        html += "</colgroup><thead><tr>"
        for c in t.columns { html += "<th scope=\"col\"\(c.numeric ? " class=\"num\"" : "")>\(escape(c.header))</th>" }
        html += "</tr></thead><tbody>"
        func cells(_ row: [String]) -> String {
            t.columns.enumerated().map { n, c in "<td\(c.numeric ? " class=\"num\"" : "")>\(escape(n < row.count ? row[n] : ""))</td>" }.joined()
        }
        for row in t.rows { html += "<tr>\(cells(row))</tr>" }
        if t.rows.isEmpty && t.total == nil { html += "<tr><td colspan=\"\(t.columns.count)\">Καμία εγγραφή.</td></tr>" }
        html += "</tbody>"
        if let total = t.total { html += "<tfoot><tr>\(cells(total))</tr></tfoot>" }
        return html + "</table>"
    }

    static func escape(_ text: String) -> String {
        XMLText.escape(text).replacingOccurrences(of: "'", with: "&#39;")
    }

    /// CSS string literal for `content:` (quotes and backslashes escaped, no line ends).
    static func cssString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "<", with: "\\3C ") + "\""
    }

    static func css(organisation: String) -> String {
        """
        @page { size: A4; margin: 2cm 1.8cm; @top-right { content: \(cssString(organisation)); font: 8pt Arial, sans-serif; color: #44546a; } @bottom-center { content: "Σελίδα " counter(page) " από " counter(pages); font: 8pt Arial, sans-serif; } }
        body { font: 10.5pt/1.45 Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #111; max-width: 60rem; margin: 0 auto; padding: 1rem; }
        header { border-bottom: 2px solid #1f3a5f; margin-bottom: 1rem; }
        .org, .subtitle { color: #44546a; font-size: 12pt; margin: .2rem 0; }
        h1.title { color: #1f3a5f; font-size: 20pt; margin: .3rem 0; }
        h2 { color: #1f3a5f; font-size: 15pt; margin-top: 1.6rem; break-after: avoid; }
        h3 { color: #1f3a5f; font-size: 12.5pt; break-after: avoid; }
        h4 { font-size: 11pt; break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 8.5pt; table-layout: fixed; }
        caption { text-align: left; font-weight: bold; font-style: italic; padding: .3rem 0; caption-side: top; }
        th, td { border: 1px solid #8ea3b8; padding: 2px 4px; vertical-align: top; overflow-wrap: anywhere; }
        thead th { background: #e8eef4; }
        thead { display: table-header-group; }
        tfoot td { font-weight: bold; }
        tr { break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; }
        .toc ol { list-style: none; padding-left: 0; }
        .toc .l2 { padding-left: 1.2rem; } .toc .l3 { padding-left: 2.4rem; }
        .page-break { break-after: page; }
        @media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
        """
    }
}
