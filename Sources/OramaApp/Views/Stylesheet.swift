import Vapor

/// The site's plain CSS, served from memory so the binary needs no files beside it.
struct StylesheetMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.url.path == SiteURL.stylesheet.path else { return try await next.respond(to: request) }
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}

enum Stylesheet {
    static let css = """
    :root { --ink: #1b1f24; --muted: #4a5563; --line: #c9d1db; --accent: #0b4f8a; --accent-ink: #ffffff; --band: #eef3f8; --warn: #7a4b00; --warn-bg: #fff4d6; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
    header.site { display: flex; gap: 1rem; align-items: baseline; padding: .75rem 1.5rem; background: var(--accent); color: var(--accent-ink); }
    header.site .brand { color: var(--accent-ink); font-weight: 700; font-size: 1.25rem; text-decoration: none; }
    .breadcrumbs ol { list-style: none; display: flex; gap: .5rem; margin: 0; padding: .5rem 1.5rem; }
    .breadcrumbs li + li::before { content: "›"; margin-right: .5rem; color: var(--muted); }
    main { padding: 1rem 1.5rem 2rem; max-width: 80rem; }
    footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: .5rem 1.5rem; font-size: .875rem; }
    .notice { background: var(--warn-bg); color: var(--warn); border-left: 4px solid var(--warn); padding: .5rem .75rem; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
    .facts dt { font-weight: 600; } .facts dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
    caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.axis { background: var(--accent); color: var(--accent-ink); font-weight: 700; }
    tr.measure { background: var(--band); font-weight: 600; }
    tr.objective { font-style: italic; }
    tr.action th { font-weight: 400; color: var(--muted); }
    .hint { color: var(--muted); }
    @media print {
      header.site, .breadcrumbs, .skip, footer.site { display: none; }
      body { font-size: 10pt; } main { padding: 0; max-width: none; }
      tr.axis { background: none; color: #000; border-top: 2px solid #000; }
      thead { display: table-header-group; } tr { page-break-inside: avoid; }
      a { color: #000; text-decoration: none; }
    }
    """
}
