"""Checks the demo programme's files as Word, LibreOffice, Excel readers and calendar apps
see them. Expected counts come from the JSON API of the same server, not from constants."""
import io
import json
import subprocess
import sys
import urllib.request
import zipfile

import docx
import icalendar
import openpyxl
from openapi_spec_validator import validate

BASE, WORK, CLI_DOCX = sys.argv[1], sys.argv[2], sys.argv[3]
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok     {what}")
    else:
        failed += 1
        print(f"FAILED {what}")


def get(path):
    with urllib.request.urlopen(BASE + path) as response:
        return response.read(), response.headers.get("Content-Type", "")


programmes = json.loads(get("/api/v1/programmes")[0])
pid = next(p["id"] for p in programmes if p["status"] == "published")
programme = json.loads(get(f"/api/v1/programmes/{pid}")[0])
actions = [a for ax in programme["axes"] for m in ax["measures"] for o in m["objectives"] for a in o["actions"]]
indicators = json.loads(get(f"/api/v1/programmes/{pid}/indicators")[0])
milestones = sum(len(a["milestones"]) for a in actions)
year = programme["startYear"] + 1
annual = json.loads(get(f"/api/v1/programmes/{pid}/annual/{year}")[0])
print(f"demo: {len(actions)} actions, {len(indicators)} indicators, {milestones} milestones, funding {programme['totals']['fundingCents']} cents")

expected_headings = {
    "phase-a": ["1. Περιγραφή και ανάλυση της υφιστάμενης κατάστασης", "2. Ανάλυση SWOT", "3. Κρίσιμα ζητήματα", "4. Όραμα του Δήμου",
                "5. Γενικές αρχές", "6. Άξονες και στρατηγικοί στόχοι"],
    "phase-b": ["1. Άξονες, μέτρα και στόχοι", "2. Σχέδια δράσης των υπηρεσιών", "3. Ιεράρχηση των δράσεων", "4. Χρονικός προγραμματισμός",
                "5. Οικονομικός προγραμματισμός", "6. Δείκτες παρακολούθησης και αξιολόγησης"],
    "annual": [f"1. Δράσεις του έτους {year}", f"2. Τεχνικό Πρόγραμμα {year}"],
    "evaluation": ["1. Σύνοψη", "2. Πρόοδος ανά άξονα και μέτρο", f"3. Δείκτες έναντι στόχων {year}"],
}

files = {}
for kind in expected_headings:
    data, content_type = get(f"/programmes/{pid}/documents/{kind}?format=docx&year={year}")
    path = f"{WORK}/{kind}.docx"
    open(path, "wb").write(data)
    files[kind] = path
    check(content_type.startswith("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), f"{kind}: served as DOCX")
    document = docx.Document(path)
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    check(level1 == expected_headings[kind], f"{kind}: Heading 1 paragraphs are the sections of ΥΑ 41179/2014")
    check(all(t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None for t in document.tables),
          f"{kind}: every table ({len(document.tables)}) repeats its header row")
    header_text = " ".join(p.text for p in document.sections[0].header.paragraphs)
    check(programme["organisation"] in header_text, f"{kind}: the municipality's name in the page header")
    footer_xml = document.sections[0].footer._element.xml
    check("PAGE" in footer_xml and "NUMPAGES" in footer_xml, f"{kind}: page numbers in the footer")
    tables = document.tables
    if kind == "phase-b":
        ranking = next(t for t in tables if t.rows[0].cells[0].text == "Α/Α" and t.rows[0].cells[4].text == "Ωριμότητα")
        check(len(ranking.rows) == len(actions) + 1, f"phase-b: the prioritisation table has {len(actions)} actions + header")
        plans = [t for t in tables if [c.text for c in t.rows[0].cells][:2] == ["Κωδ.", "Δράση"] and t.rows[0].cells[-1].text == "Προϋπολογισμός"]
        check(sum(len(t.rows) - 2 for t in plans) == len(actions), f"phase-b: the units' action plans ({len(plans)}) list every action once")
        check(len(tables[-1].rows) == len(indicators) + 1, f"phase-b: the indicator table has {len(indicators)} indicators + header")
        money = f"{programme['totals']['fundingCents'] // 100:,}".replace(",", ".") + f",{programme['totals']['fundingCents'] % 100:02d} €"
        check(any(t.rows[-1].cells[-1].text == money for t in tables), f"phase-b: a financial table totals {money}")
    if kind == "annual":
        check(len(tables[0].rows) == len(annual["actions"]) + 2, f"annual: {len(annual['actions'])} actions of {year} + header + total")
    if kind == "evaluation":
        check(len(tables[-1].rows) == len(indicators) + 1, f"evaluation: {len(indicators)} indicators against their targets")

cli = docx.Document(CLI_DOCX)
check([p.text for p in cli.paragraphs if p.style.name == "Heading 1"] == expected_headings["phase-b"], "orama export wrote the Phase B document")
files["cli-phase-b"] = CLI_DOCX

for kind, path in files.items():
    result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", WORK, path],
                            capture_output=True, text=True, timeout=300)
    pdf = path[:-5] + ".pdf"
    try:
        ok = result.returncode == 0 and open(pdf, "rb").read(5) == b"%PDF-"
    except OSError:
        ok = False
    check(ok, f"{kind}: LibreOffice converts it to PDF")

# Spreadsheets
data, _ = get(f"/programmes/{pid}/export/finance.xlsx")
finance = openpyxl.load_workbook(io.BytesIO(data))
total = programme["totals"]["fundingCents"] / 100
for name in finance.sheetnames:
    sheet = finance[name]
    last = [c.value for c in sheet[sheet.max_row]]
    check(abs(last[-1] - total) < 0.005, f"finance.xlsx «{name}»: total {last[-1]} = the programme's funding")
    check(sheet.freeze_panes == "A2", f"finance.xlsx «{name}»: header frozen")
data, _ = get(f"/programmes/{pid}/export/actions.xlsx")
sheet = openpyxl.load_workbook(io.BytesIO(data)).active
check(sheet.max_row == len(actions) + 1, "actions.xlsx: one row per action")
cost = sheet.cell(row=2, column=11)
check(isinstance(cost.value, (int, float)) and "€" in cost.number_format, "actions.xlsx: cost is a number in euro format")
check(abs(sum(sheet.cell(row=r, column=17).value or 0 for r in range(2, sheet.max_row + 1)) - total) < 0.005, "actions.xlsx: funding adds up to the programme's")
data, _ = get(f"/programmes/{pid}/export/indicators.xlsx")
check(openpyxl.load_workbook(io.BytesIO(data)).active.max_row == len(indicators) + 1, "indicators.xlsx: one row per indicator")
data, content_type = get(f"/programmes/{pid}/export/actions.csv")
check(data.startswith(b"\xef\xbb\xbf") and "charset=utf-8" in content_type, "actions.csv: UTF-8 with BOM")
check(len(data.decode("utf-8-sig").strip().split("\r\n")) >= len(actions) + 1, "actions.csv: every action")

# Calendar
data, content_type = get(f"/programmes/{pid}/calendar.ics")
calendar = icalendar.Calendar.from_ical(data)
events = list(calendar.walk("VEVENT"))
check(content_type.startswith("text/calendar"), "calendar.ics: text/calendar")
check(sum(1 for e in events if str(e.get("uid")).startswith("milestone-")) == milestones, f"calendar.ics: the {milestones} milestones")
check(any(str(e.get("categories").cats[0]) == "Διαβούλευση" for e in events if e.get("categories")), "calendar.ics: the consultation")
check(any(str(e.get("summary")).startswith("Προθεσμία αναφοράς") for e in events), "calendar.ics: reporting deadlines")

# Open data
data, _ = get(f"/programmes/{pid}/open-data.zip")
archive = zipfile.ZipFile(io.BytesIO(data))
check({"README.md", "actions.csv", "funding.csv", "indicators.csv", "programme.json"} <= set(archive.namelist()), "open-data.zip: CSV, JSON and README")
check(json.loads(archive.read("programme.json"))["id"] == pid, "open-data.zip: programme.json is the API's programme")

# OpenAPI
spec = json.loads(get("/openapi.json")[0])
try:
    validate(spec)
    check(True, "openapi-spec-validator accepts /openapi.json (OpenAPI 3.1)")
except Exception as error:  # noqa: BLE001
    check(False, f"openapi-spec-validator: {error}")

# Observability: /metrics in Prometheus's text format, read by the official client's parser.
from prometheus_client.parser import text_string_to_metric_families  # noqa: E402

families = {f.name: f for f in text_string_to_metric_families(get("/metrics")[0].decode("utf-8"))}
requests = families.get("orama_http_requests")
check(requests is not None and requests.type == "counter", "/metrics: orama_http_requests_total is a counter")
routes = {s.labels.get("route") for s in requests.samples} if requests else set()
check("/api/v1/programmes/:programmeID" in routes and all(s.labels.get("status") for s in requests.samples),
      f"/metrics: requests by route pattern and status ({len(routes)} routes)")
latency = families.get("orama_http_request_duration_seconds")
check(latency is not None and latency.type == "histogram" and any(s.name.endswith("_bucket") for s in latency.samples),
      "/metrics: a latency histogram with buckets")
for name in ["orama_snapshot_hits", "orama_snapshot_misses", "orama_snapshot_bytes", "orama_render_cache_bytes",
             "orama_database_pool_connections_max", "orama_database_ping_seconds"]:
    check(name in families, f"/metrics: {name}")
check(families["orama_snapshot_misses"].samples[0].value >= 1, "/metrics: the snapshot was built (a miss counted)")
live = json.loads(get("/health/live")[0])
ready = json.loads(get("/health/ready")[0])
check(live["status"] == "ok" and ready["status"] == "ok" and ready["organisations"] >= 1, "/health/live and /health/ready answer")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
