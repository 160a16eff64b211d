import Vapor

/// Live totals of the funding grid. The form works without it; this only spares a reload.
enum Script {
    static let js = #"""
    (function () {
      function parse(text) {
        text = (text || "").replace(/[\s\u00a0€]/g, "");
        if (!text) return 0;
        if (text.indexOf(",") >= 0) text = text.replace(/\./g, "").replace(",", ".");
        else if (/^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
        var n = Number(text);
        return isFinite(n) ? Math.round(n * 100) : NaN;
      }
      function format(cents) {
        if (isNaN(cents)) return "—";
        var negative = cents < 0; cents = Math.abs(cents);
        var euros = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        var rest = (cents % 100).toString().padStart(2, "0");
        return (negative ? "-" : "") + euros + "," + rest;
      }
      function update(grid) {
        var columns = {}, grand = 0;
        grid.querySelectorAll("tbody tr").forEach(function (row) {
          var sum = 0;
          row.querySelectorAll("input").forEach(function (input) {
            var v = parse(input.value);
            sum += v;
            var year = input.getAttribute("data-year");
            columns[year] = (columns[year] || 0) + v;
          });
          row.querySelector(".row-total").textContent = format(sum);
          grand += sum;
        });
        grid.querySelectorAll(".col-total").forEach(function (cell) { cell.textContent = format(columns[cell.getAttribute("data-year")] || 0); });
        grid.querySelector(".grand-total").textContent = format(grand);
      }
      document.addEventListener("DOMContentLoaded", function () {
        var grid = document.getElementById("funding-grid");
        if (!grid) return;
        grid.addEventListener("input", function () { update(grid); });
        update(grid);
      });
    })();
    """#
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
    fieldset { min-width: 0; }
    select, input, textarea { max-width: 100%; }
    .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    article.public-comment { border-top: 1px solid #c8cdd3; padding: .5rem 0 .8rem; }
    article.public-comment h2, article.public-comment h3 { font-size: 1.05rem; margin: .2rem 0; }
    article.public-comment p { overflow-wrap: anywhere; white-space: pre-line; }
    .answer { border-left: 3px solid #1d6b3a; padding-left: .8rem; margin-left: .2rem; }
    ol.path { list-style: none; padding: 0; margin: 0 0 1.5rem; border-left: 3px solid #c8cdd3; }
    ol.path > li { padding: .1rem 0 .6rem 1rem; position: relative; }
    ol.path > li::before { content: ""; position: absolute; left: -.55rem; top: .45rem; width: .8rem; height: .8rem; border-radius: 50%; background: #fff; border: 2px solid #6b7480; }
    ol.path > li.done::before { background: #1d6b3a; border-color: #1d6b3a; }
    ol.path > li.next::before { border-color: #0b4f8a; border-width: 3px; }
    ol.path h3 { margin: 0 0 .2rem; font-size: 1.05rem; }
    ol.path p { margin: .1rem 0; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
    caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.axis { background: var(--accent); color: var(--accent-ink); font-weight: 700; }
    tr.measure { background: var(--band); font-weight: 600; }
    tr.axis a, tr.axis button { color: var(--accent-ink); }
    tr.objective { font-style: italic; }
    tr.action th { font-weight: 400; color: var(--muted); }
    .hint { color: var(--muted); font-size: .9rem; }
    header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; align-items: baseline; }
    header.site nav a, header.site .who { color: var(--accent-ink); }
    header.site { flex-wrap: wrap; justify-content: space-between; }
    button.link { background: none; border: none; color: var(--accent-ink); text-decoration: underline; cursor: pointer; font: inherit; padding: 0 0 0 .5rem; }
    form.inline { display: inline; }
    .subnav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }
    .flash { background: #e6f4ea; border-left: 4px solid #1e7b34; padding: .5rem .75rem; }
    .button, button.primary { display: inline-block; background: var(--accent); color: var(--accent-ink); border: 0; padding: .45rem .9rem; border-radius: 3px; text-decoration: none; font: inherit; cursor: pointer; }
    .button.secondary, button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0; }
    button { font: inherit; padding: .35rem .7rem; }
    button.danger { background: #a4161a; color: #fff; border: 0; padding: .45rem .9rem; }
    button.icon { padding: 0 .3rem; }
    .field { margin: .75rem 0; display: flex; flex-direction: column; max-width: 48rem; }
    .field label { font-weight: 600; margin-bottom: .2rem; }
    input[type=text], input[type=email], input[type=password], input[type=number], input[type=search], input[type=tel], select, textarea { font: inherit; padding: .35rem .45rem; border: 1px solid #6b7785; border-radius: 3px; max-width: 100%; }
    .field.invalid input, .field.invalid select, .field.invalid textarea, td.invalid input { border: 2px solid #a4161a; }
    .error { color: #a4161a; font-weight: 600; margin: .2rem 0; }
    .error-summary, .conflict { border: 2px solid #a4161a; padding: .5rem 1rem; margin: 1rem 0; background: #fdf0f0; }
    .warning { color: var(--warn); background: var(--warn-bg); padding: .35rem .5rem; }
    fieldset { border: 1px solid var(--line); margin: 1rem 0; padding: .5rem 1rem; }
    legend { font-weight: 700; padding: 0 .35rem; }
    fieldset.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .2rem 1rem; }
    .check { display: flex; gap: .4rem; align-items: baseline; }
    table.grid input { width: 8rem; text-align: right; }
    table.grid td, table.grid th { padding: .2rem .3rem; }
    td.controls a, td.controls form { margin-right: .4rem; white-space: nowrap; }
    .narrow { max-width: 48rem; }
    form.row { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; border-bottom: 1px solid var(--line); padding: .25rem 0; }
    form.row .field { margin: .25rem 0; }
    .swot { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }
    ul.columns { columns: 2; }
    .comment { border-left: 3px solid var(--line); padding-left: .75rem; margin: .5rem 0; }
    ul.changes { margin: 0; padding-left: 1rem; font-size: .9rem; }
    .chart-scroll { overflow-x: auto; max-width: 100%; }
    .chart-narrow { display: none; }
    table.money tr.group th { font-weight: 700; } table.money tr.sub th { font-weight: 400; padding-left: 1.5rem; }
    svg.chart.bars, svg.chart.trend, svg.chart.map { max-width: 100%; height: auto; }
    .place-map { margin: .5rem 0 1rem; } .place-map p { font-size: .9rem; color: var(--muted); max-width: 40rem; }
    svg.chart.map a:focus-visible circle.unit, svg.chart.map a:focus-visible circle.community { stroke: #e69f00; stroke-width: 4; }
    svg.chart text { font-family: inherit; fill: #1b1f24; }
    tr.error td:first-child { color: #a4161a; font-weight: 700; } tr.warning td:first-child { color: var(--warn); font-weight: 700; }
    td.q, th.q { text-align: center; width: 1.6rem; }
    table.annual td { font-size: .9rem; }
    [aria-current=page] { font-weight: 700; text-decoration: none; }
    tr.late td:first-child { color: #a4161a; font-weight: 700; }
    td.incomplete { background: var(--warn-bg); font-weight: 700; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
    .card { border: 1px solid var(--line); border-radius: 4px; padding: .5rem 1rem; }
    .card h2, .card h3 { font-size: 1.05rem; margin: .3rem 0; }
    .bar { position: relative; height: 1.4rem; border-radius: 3px; overflow: hidden; }
    .bar .bar-svg { display: block; width: 100%; height: 100%; }
    .bar .value { position: absolute; right: .4rem; top: 0; line-height: 1.4rem; font-weight: 700; color: #1b1f24; background: rgba(255,255,255,.85); padding: 0 .25rem; }
    del { color: #a4161a; } ins { color: #1e7b34; text-decoration: none; }
    ol.steps { display: flex; flex-wrap: wrap; gap: .25rem 1.75rem; padding-left: 1.25rem; margin: .5rem 0 1rem; }
    ol.steps [aria-current=step] { font-weight: 700; }
    .table-scroll { overflow-x: auto; max-width: 100%; }
    .table-scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    dd { overflow-wrap: anywhere; }
    @media (max-width: 40rem) {
      main { padding: .75rem .75rem 2rem; }
      .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: .4rem; }
      .chart-wide { display: none; } .chart-narrow { display: block; }
    }
    .table-scroll select { max-width: 22rem; }
    @media print {
      header.site, .breadcrumbs, .skip, footer.site, .noprint, .subnav, form button { display: none; }
      .plan-measure, .year-table { page-break-before: always; } .chart-scroll { overflow: visible; }
      .plan-measure .plan-measure:first-of-type { page-break-before: auto; }
      body { font-size: 10pt; } main { padding: 0; max-width: none; }
      tr.axis { background: none; color: #000; border-top: 2px solid #000; }
      thead { display: table-header-group; } tr { page-break-inside: avoid; }
      a { color: #000; text-decoration: none; }
    }
    """
}
