"""Bad input, load and faults against a real server (started by scripts/hardening), on
loopback only. Prints one line per check with its figures; exits non-zero if any fails.

  python3 scripts/hardening_test.py sqlite|postgres BIN WORKDIR PORT ADMIN_PASSWORD

BIN is the orama executable; the demo is already in the database (ORAMA_SQLITE_PATH is
WORKDIR/orama.sqlite, or DATABASE_URL for PostgreSQL). The server is started here on PORT and
killed with SIGKILL and started again in the middle. On PostgreSQL, HARDENING_PG_RESTART is
the command that restarts the database server."""
import atexit
import base64
import concurrent.futures
import hashlib
import html
import http.client
import http.cookiejar
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser

BACKEND, BIN, WORK, PORT, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
SQLITE = BACKEND == "sqlite"
BASE = f"http://127.0.0.1:{PORT}"
DB = os.path.join(WORK, "orama.sqlite")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "bad")
SOAK_SECONDS = int(os.environ.get("HARDENING_SOAK_SECONDS", "20"))
results = []


CHECK_STARTED = [time.perf_counter()]


def report(ok, name, figures):
    results.append(ok)
    print(f"{'ok    ' if ok else 'FAILED'} {name} ({BACKEND}): {figures} [{time.perf_counter() - CHECK_STARTED[0]:.0f} s]", flush=True)
    CHECK_STARTED[0] = time.perf_counter()


def tally(statuses):
    return ", ".join(f"{statuses.count(s)} × {s}" for s in sorted(set(statuses))) or "none"


# ---------------------------------------------------------------- the server and its clients

def raw(method, path, body=None, headers=None, timeout=60):
    """One request on its own connection: (status, headers, body, milliseconds); status 0 when
    the connection failed."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data, (time.perf_counter() - started) * 1000
    except (ConnectionError, http.client.HTTPException, OSError) as error:
        return 0, {}, str(error).encode(), (time.perf_counter() - started) * 1000
    finally:
        connection.close()


def alive():
    return raw("GET", "/health/live", timeout=10)[0] == 200


class Browser:
    """A signed-in browser: a cookie jar and the CSRF token of the page it read last."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, request):
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def get(self, path):
        return self.open(BASE + path)[1]

    def post(self, path, fields, page=None):
        token = re.search(r'name="_csrf" value="([^"]*)"', self.get(page or path)).group(1)
        data = urllib.parse.urlencode(list(fields) + [("_csrf", token)]).encode()
        return self.open(urllib.request.Request(BASE + path, data=data))

    def multipart(self, path, fields, files):
        boundary = "----orama" + uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields]
        for name, filename, data in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.open(urllib.request.Request(BASE + path, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}))


SERVERS = []


def stop_servers():
    """Whatever happens, no server of this suite outlives it."""
    for process in SERVERS:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


atexit.register(stop_servers)


def start_server():
    """Starts the server and waits for it; a server left on the port by someone else makes
    this one fail to bind, which is an error here, never a server to test instead."""
    env = dict(os.environ)
    if SQLITE:
        env["ORAMA_SQLITE_PATH"] = DB
    with open(os.path.join(WORK, "server.log"), "ab") as log:
        process = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", str(PORT)], stdout=log, stderr=log, env=env)
    SERVERS.append(process)
    with open(os.path.join(WORK, "server.pid"), "w") as f:
        f.write(str(process.pid))
    deadline = time.time() + 90
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped at start (exit {process.returncode}); see {WORK}/server.log")
        if alive():
            return process
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def server_pid():
    with open(os.path.join(WORK, "server.pid")) as f:
        return int(f.read())


def kill_server():
    os.kill(server_pid(), signal.SIGKILL)
    for process in SERVERS:
        if process.pid == server_pid():
            process.wait()


server = start_server()
admin = Browser()
admin.post("/signin", [("email", "admin@orama.local"), ("password", PASSWORD)], page="/signin")
TOKEN = re.search(r"orama_[A-Za-z0-9_-]+", admin.post("/account/tokens", [("name", "hardening")])[1]).group(0)


def api(method, path, body=None, raw_body=None):
    data = raw_body if raw_body is not None else (json.dumps(body).encode() if body is not None else None)
    status, _, answer, _ = raw(method, path, data, {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        return status, json.loads(answer) if answer[:1] in (b"{", b"[") else answer
    except ValueError:
        return status, answer


programmes = api("GET", "/api/v1/programmes")[1]
PID = next(p for p in programmes if p["status"] == "published")["id"]
DRAFT = next(p for p in programmes if p["status"] == "draft")["id"]
MUNICIPALITY = api("GET", f"/api/v1/programmes/{PID}")[1]["organisation"]
ACTIONS = [a["action"]["id"] for a in api("GET", f"/api/v1/programmes/{PID}/actions")[1]]
INDICATORS = [i["id"] for i in api("GET", f"/api/v1/programmes/{PID}/indicators")[1]]


def counter():
    return next(p for p in api("GET", "/api/v1/programmes")[1] if p["id"] == PID)["changeCounter"]


# ---------------------------------------------------------------- the database, read directly

def query(sql):
    """Rows of a statement, read past the server: sqlite3 or psql."""
    if SQLITE:
        connection = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
        try:
            return [tuple(r) for r in connection.execute(sql).fetchall()]
        finally:
            connection.close()
    out = subprocess.run(["psql", os.environ["DATABASE_URL"].split("?")[0], "-At", "-F", "\x1f", "-c", sql],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\x1f")) for line in out.splitlines() if line]


def integrity():
    """SQLite's own check of every page and index; PostgreSQL keeps its own (and is not killed here)."""
    return query("PRAGMA integrity_check")[0][0] if SQLITE else "ok (PostgreSQL not killed)"


def titles():
    return {str(k).lower(): v for k, v in query("SELECT id, title FROM actions")}


def actions_of(programme):
    return int(query(f"SELECT count(*) FROM actions WHERE lower(CAST(programme_id AS TEXT)) = '{programme.lower()}'")[0][0])


def digest():
    """A digest of every table but the bookkeeping that a request may touch (sessions,
    throttles, the import wizard's uploads): 'the database identical' is these being equal."""
    skip = {"_fluent_sessions", "sign_in_throttle", "job_claims", "import_uploads"}
    if SQLITE:
        tables = [r[0] for r in query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    else:
        tables = [r[0] for r in query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
    found = {}
    for table in tables:
        if table in skip:
            continue
        rows = sorted(repr(r) for r in query(f'SELECT * FROM "{table}"'))
        found[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return found


# ---------------------------------------------------------------- the checks

def methods_and_addresses():
    methods = {m: raw(m, "/") for m in ("TRACE", "CONNECT", "PROPFIND")}
    report(all(r[0] == 405 and "GET" in r[1].get("allow", "") for r in methods.values()), "methods outside the site's",
           ", ".join(f"{m} {r[0]}" for m, r in methods.items()))
    long = raw("GET", "/search?q=" + "a" * 20_000)
    report(long[0] == 414, "a 20 KB address", f"{long[0]} in {long[3]:.0f} ms")


def nested_keys():
    body = "&".join(f"a%5B{n}%5D=1" for n in range(20_000)).encode()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    alone = raw("POST", "/signin", body, form)
    with concurrent.futures.ThreadPoolExecutor(max_workers=17) as pool:
        burst = [pool.submit(raw, "POST", "/signin", body, form) for _ in range(16)]
        health = [raw("GET", "/health/live") for _ in range(5)]
        answers = [f.result() for f in burst]
    report(alone[0] == 413 and all(a[0] == 413 for a in answers) and all(h[0] == 200 for h in health),
           "20.000 nested form keys, anonymous", f"{alone[0]} in {alone[3]:.0f} ms; 16 at once: slowest {max(a[3] for a in answers):.0f} ms, "
           f"/health/live meanwhile ≤ {max(h[3] for h in health):.0f} ms")


def throttle():
    visitor = Browser()
    for _ in range(5):
        visitor.post("/signin", [("email", "admin@orama.local"), ("password", "wrong-password")], page="/signin")
    spellings = ["admin@orama.local\n", "admin@orama.local\n\n\n", " ADMIN@orama.local\r\n", "\tadmin@orama.local"]
    throttled = [visitor.post("/signin", [("email", s), ("password", PASSWORD)], page="/signin")[0] for s in spellings]
    report(all(s == 429 for s in throttled), "the sign-in throttle against spellings of one address", " ".join(map(str, throttled)))


# Extreme values: what a number field must refuse, and what no field may answer with a 5xx.
MUST_REFUSE = ["9223372036854775807", "-9223372036854775808", "1e308", "NaN", "9" * 40]
ALSO_TRIED = ["-0", "-1", "-5.000,00", "2024.5", "", "−5", "1,5e400"]
# Money is never negative: these fields must refuse "-1" and "-5.000,00" as well.
MONEY = re.compile(r"(cost|ceiling|spent|fund|amount)")
NUMERIC = re.compile(r"(year|Year|cost|ceiling|spent|physicalProgress|^value$|baseline|target|weight|rank|fund|amount|latitude|longitude|DueDays|period|date|consultation)")


class Forms(HTMLParser):
    """The POST forms of a page with every control's name, kind and value as the page has it."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self.form, self.select, self.textarea = [], set(), None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.add(a["href"].split("#")[0])
        elif tag == "form" and (a.get("method") or "get").lower() == "post":
            self.form = {"action": a.get("action") or "", "multipart": "multipart" in (a.get("enctype") or ""), "controls": []}
            self.forms.append(self.form)
        elif self.form is not None and tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                self.form["controls"].append({"name": a["name"], "kind": kind, "value": None, "inputmode": a.get("inputmode")})
            elif kind not in ("submit", "button", "reset", "image"):
                self.form["controls"].append({"name": a["name"], "kind": kind, "value": a.get("value", ""), "inputmode": a.get("inputmode")})
        elif self.form is not None and tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "kind": "select", "value": None, "first": None}
            self.form["controls"].append(self.select)
        elif self.select is not None and tag == "option":
            if self.select["first"] is None:
                self.select["first"] = a.get("value", "")
            if "selected" in a:
                self.select["value"] = a.get("value", "")
        elif self.form is not None and tag == "textarea" and a.get("name"):
            self.textarea = {"name": a["name"], "kind": "textarea", "value": ""}
            self.form["controls"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None:
            if self.select["value"] is None:
                self.select["value"] = self.select["first"] or ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def shape(text):
    """A path or field name with its ids and numbers made general: one example of each is enough."""
    text = re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}", text)
    return re.sub(r"\d+", "N", text)


def crawl_forms(browser, starts, limit=260):
    """Every POST form of the workspace, one example of each: pages are followed once per shape
    of address (each programme apart), forms kept once per shape of their action."""
    seen_shapes, forms, todo = set(), {}, list(starts)
    skip = ("/signout", "/export", "/download", "/documents/", "format=", ".ics", ".zip", ".pdf", "/feed", "/openapi", "/metrics", "/api/", "/language/", "/print")
    pages = 0
    while todo and pages < limit:
        path = todo.pop(0)
        programme = re.search(r"/programmes/([0-9a-f-]{36})", path)
        key = (programme.group(1) if programme else "") + shape(re.sub(r"=[^&]*", "=", path))
        if key in seen_shapes or any(s in path for s in skip):
            continue
        seen_shapes.add(key)
        status, page = browser.open(BASE + path)
        pages += 1
        if status != 200:
            continue
        parser = Forms()
        parser.feed(page)
        todo += sorted(parser.links)
        for form in parser.forms:
            forms.setdefault(shape(form["action"] or path), (path, form))
    return pages, forms


TOKENS = {}


def marks(page, name):
    """Whether the answer puts a message on this very control: the control itself marked
    aria-invalid, or its own note (FormField.note's id) shown as an error."""
    quoted = f'name="{html.escape(name, quote=True)}"'
    if any(quoted in tag and 'aria-invalid="true"' in tag for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", page)):
        return True
    note = "f-" + "".join(c if c.isalnum() else "-" for c in name) + "-note"
    return f'id="{note}" class="error"' in page


def submit(browser, path, form, name, value):
    fields = []
    for control in form["controls"]:
        if control["value"] is None and control["name"] != name:
            continue
        fields.append((control["name"], value if control["name"] == name else control["value"]))
    # The session's token as the last page gave it (a page is read again when none did).
    if path not in TOKENS:
        found = re.search(r'name="_csrf" value="([^"]*)"', browser.open(BASE + path)[1])
        TOKENS[path] = found.group(1) if found else ""
    fields = [(k, v) for k, v in fields if k != "_csrf"] + [("_csrf", TOKENS[path])]
    target = BASE + (form["action"] or path)
    if form["multipart"]:
        files = [(c["name"], "", b"") for c in form["controls"] if c["kind"] == "file"]
        fields = [(k, v) for k, v in fields if not any(c["name"] == k and c["kind"] == "file" for c in form["controls"])]
        boundary = "----orama" + uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields]
        parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{n}"; filename="{f}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode() + d + b"\r\n"
                  for n, f, d in files]
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        answer = browser.open(urllib.request.Request(target, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}))
    else:
        answer = browser.open(urllib.request.Request(target, data=urllib.parse.urlencode(fields).encode()))
    found = re.search(r'name="_csrf" value="([^"]*)"', answer[1])
    if found:
        TOKENS[path] = found.group(1)
    else:
        TOKENS.pop(path, None)
    return answer


def extreme_values_in_forms():
    pages, forms = crawl_forms(admin, ["/", f"/programmes/{DRAFT}", f"/programmes/{PID}", "/admin/users", "/reference/units"])
    sent, failures, refused_numbers, fields_tried, fivexx = 0, [], 0, 0, 0
    for action, (path, form) in sorted(forms.items()):
        tried = set()
        for control in form["controls"]:
            if control["kind"] in ("hidden", "file", "checkbox", "radio") or control["name"] == "_csrf":
                continue
            if shape(control["name"]) in tried:
                continue
            tried.add(shape(control["name"]))
            fields_tried += 1
            numeric = control["kind"] in ("number", "date") or control.get("inputmode") in ("numeric", "decimal") or NUMERIC.search(control["name"])
            money = MONEY.search(control["name"])
            for value in MUST_REFUSE + (ALSO_TRIED if numeric or money else ["", "-1"]):
                status, page = submit(admin, path, form, control["name"], value)
                sent += 1
                where = f"{action} «{control['name']}» = {value[:24]!r}"
                if status >= 500 or status == 0:
                    fivexx += 1
                    failures.append(f"{where}: {status}")
                elif (numeric and value in MUST_REFUSE) or (money and value in ("-1", "-5.000,00")):
                    told = marks(page, control["name"])
                    if 400 <= status < 500 and told:
                        refused_numbers += 1
                    else:
                        failures.append(f"{where}: {status}{'' if told else ' with no message on the field'}")
        if not alive():
            failures.append(f"{action}: the server stopped")
            break
    report(not failures and alive() and fields_tried >= 60, "extreme values in every form field",
           f"{pages} pages read, {len(forms)} forms, {fields_tried} fields, {sent} submissions: {fivexx} × 5xx, "
           f"{refused_numbers} numbers and negative amounts refused with a message on their field; {len(failures)} failures{': ' + '; '.join(failures[:8]) if failures else ''}; "
           f"server {'up' if alive() else 'DOWN'}")


def extreme_values_in_the_api():
    spec = json.loads(raw("GET", "/openapi.json")[2])
    schemas = spec["components"]["schemas"]
    office = "Άξονας;Μέτρο;Στόχος;Τίτλος Δράσης;Πηγή Χρηματοδότησης;2026\r\nΑ;Β;Γ;Δοκιμή;ΣΑΤΑ;1,00\r\n".encode("utf-8")
    bases = {
        ("post", "/api/v1/programmes"): ({"title": "Ακραίο", "startYear": 2031, "endYear": 2035, "organisation": MUNICIPALITY}, {}),
        ("patch", "/api/v1/programmes/{programmeID}/actions/{actionID}"): ({"title": "Ακραία τιμή"}, {"actionID": ACTIONS[-1]}),
        ("post", "/api/v1/programmes/{programmeID}/actions/{actionID}/progress"):
            ({"period": "2026-Q1", "status": "onTrack", "physicalProgress": 10, "spentCents": 0, "reason": "δοκιμή"}, {"actionID": ACTIONS[-1]}),
        ("post", "/api/v1/programmes/{programmeID}/indicators/{indicatorID}/measurements"):
            ({"period": "2025", "value": 1, "reason": "δοκιμή"}, {"indicatorID": INDICATORS[-1]}),
        ("post", "/api/v1/programmes/{programmeID}/import"):
            ({"fileName": "a.csv", "contentBase64": base64.b64encode(office).decode(), "mode": "dry-run"}, {}),
    }
    extremes = [2**63 - 1, -2**63, 2**63, 10**40, 1e308, -1e308, float("nan"), float("inf"), -0.0, -1, 1.5, "9" * 40, "", None, [], {}]
    sent, failures, refused, fivexx, accepted_bases = 0, [], 0, 0, 0
    operations = 0
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            body = operation.get("requestBody") if isinstance(operation, dict) else None
            if not body:
                continue
            operations += 1
            base, ids = bases.get((method, path), (None, None))
            if base is None:
                failures.append(f"{method.upper()} {path}: no base body in this suite")
                continue
            schema = schemas[body["content"]["application/json"]["schema"]["$ref"].split("/")[-1]]
            url = path.replace("{programmeID}", PID)
            for name, value in ids.items():
                url = url.replace("{" + name + "}", value)
            # The base alone is accepted, so that a refusal below is the property's.
            status, answer = api(method.upper(), url, base)
            if 200 <= status < 300:
                accepted_bases += 1
            else:
                failures.append(f"{method.upper()} {path}: the base body itself answered {status} {str(answer)[:120]}")
            for prop, definition in schema["properties"].items():
                for value in extremes:
                    request = dict(base, **{prop: value})
                    text = json.dumps(request, allow_nan=True)  # NaN and Infinity as a careless client writes them
                    status, answer = api(method.upper(), url, raw_body=text.encode())
                    sent += 1
                    where = f"{method.upper()} {path} {prop}={str(value)[:20]}"
                    if status >= 500 or status == 0:
                        fivexx += 1
                        failures.append(f"{where}: {status}")
                        continue
                    kind = definition.get("type")
                    out_of_bounds = isinstance(value, (int, float)) and not isinstance(value, bool) and kind in ("integer", "number") and (
                        value != value or value in (float("inf"),) or
                        (kind == "integer" and (not float(value).is_integer() or not -2**63 <= value < 2**63)) or
                        ("maximum" in definition and value > definition["maximum"]) or ("minimum" in definition and value < definition["minimum"]))
                    if out_of_bounds:
                        error = answer.get("error") if isinstance(answer, dict) and isinstance(answer.get("error"), dict) else {}
                        # A number JSON can carry is refused by the rule of its property, named by its
                        # pointer; NaN, Infinity and numbers past 64 bits are not JSON a decoder takes (400).
                        representable = value == value and abs(value) != float("inf") and -2**63 <= value < 2**63
                        named = error.get("pointer") == "/" + prop if representable else True
                        if 400 <= status < 500 and error.get("message") and named:
                            refused += 1
                        else:
                            failures.append(f"{where}: {status} {error or str(answer)[:80]}")
    report(not failures and alive() and operations >= 5 and accepted_bases == operations, "extreme values in every API property",
           f"{operations} operations with a body, each base body accepted alone ({accepted_bases}), {sent} requests: {fivexx} × 5xx, "
           f"{refused} out-of-bounds numbers refused with a message (and the property's pointer); "
           f"{len(failures)} failures{': ' + '; '.join(failures[:8]) if failures else ''}; server {'up' if alive() else 'DOWN'}")


def patch_all(targets, read, label):
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(api, "PATCH", f"/api/v1/programmes/{PID}/actions/{a}", {"title": f"{label} {n}", "changeCounter": read})
                   for n, a in enumerate(targets)]
        return [f.result()[0] for f in futures]


def concurrent_edits():
    different = patch_all(ACTIONS[:20], counter(), "Παράλληλη")
    report(different.count(200) == 20, "20 concurrent edits of 20 different actions", tally(different))
    same = patch_all([ACTIONS[0]] * 20, counter(), "Η ίδια")
    report(same.count(200) == 1 and same.count(409) == 19, "20 concurrent edits of one action", tally(same))


def problems_in(page):
    """The refusals a page lists in its alert box, as plain text."""
    box = re.search(r'class="error-summary"[^>]*>(.*?)</div>', page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li>(.*?)</li>", box.group(1), re.S)] if box else []


def bad_input_corpus():
    expected = json.load(open(os.path.join(CORPUS, "expected.json"), encoding="utf-8"))
    before = digest()
    failures, placed, whole = [], 0, 0
    for name, want in sorted(expected.items()):
        data = open(os.path.join(CORPUS, name), "rb").read()
        importer = want["importer"]
        if importer in ("actions", "indicators"):
            token = re.search(r'name="_csrf" value="([^"]*)"', admin.get(f"/programmes/{DRAFT}/import")).group(1)
            status, page = admin.multipart(f"/programmes/{DRAFT}/import", [("_csrf", token), ("kind", importer), ("mode", "apply")], [("file", name, data)])
            problems = problems_in(page)
        elif importer == "execution":
            token = re.search(r'name="_csrf" value="([^"]*)"', admin.get(f"/programmes/{DRAFT}/execution")).group(1)
            status, page = admin.multipart(f"/programmes/{DRAFT}/execution", [("_csrf", token)], [("file", name, data)])
            problems = problems_in(page)
        else:
            status, answer = api("POST", f"/api/v1/programmes/{DRAFT}/import",
                                 {"fileName": name, "contentBase64": base64.b64encode(data).decode(), "mapping": "auto", "mode": "import"})
            problems = [(f"Γραμμή {p['row']}, στήλη «{p['column']}»: " if p.get("column") else f"Γραμμή {p.get('row')}: ") + p["message"]
                        for p in (answer.get("problems", []) if isinstance(answer, dict) else [])]
        where = f"Γραμμή {want['row']}, στήλη «{want['column']}»:" if want["column"] else f"Γραμμή {want['row']}:"
        if status != 422 or not any(p.startswith(where) for p in problems):
            failures.append(f"{name}: {status} {problems[:1]}")
        elif want["column"]:
            placed += 1
        else:
            whole += 1
    after = digest()
    changed = [t for t in before if before[t] != after.get(t)]
    report(not failures and not changed and len(expected) >= 30, "the bad-input corpus",
           f"{len(expected)} files: {placed} refused with row and column, {whole} whole files refused with the row and reason; "
           f"{len(failures)} not as expected{': ' + '; '.join(failures[:5]) if failures else ''}; "
           f"database {'identical' if not changed else 'CHANGED in ' + ', '.join(changed)} ({len(after)} tables compared)")


def office_table(rows, title):
    lines = ["Άξονας;Μέτρο;Στόχος;Τίτλος Δράσης;Αρμόδια Υπηρεσία;Πηγή Χρηματοδότησης;2026;2027"]
    for n in range(rows):
        lines.append(f"{1 + n % 4}. Άξονας {1 + n % 4};{1 + n % 4}.{1 + n % 3} Μέτρο;{1 + n % 4}.{1 + n % 3}.{1 + n % 2} Στόχος;{title} {n};"
                     f"Τμήμα Μελετών και Κατασκευής Έργων;ΣΑΤΑ;{1000 + n},00;")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def kill_during_an_import(rows=2000):
    """A programme for each try; an import of `rows` actions, acknowledged once, then killed
    at three points of its run: after each restart the database is whole and each programme
    holds all its rows or none."""
    global server
    def new_programme(n):
        status, answer = api("POST", "/api/v1/programmes", {"title": f"Εισαγωγή υπό kill {n} {BACKEND}", "startYear": 2026, "endYear": 2030,
                                                             "organisation": MUNICIPALITY})
        if status != 201:
            raise RuntimeError(f"a new programme: {status} {answer}")
        return answer["id"]

    def import_into(programme, results):
        body = {"fileName": "programme.csv", "contentBase64": base64.b64encode(office_table(rows, "Δράση")).decode(), "mapping": "auto", "mode": "import"}
        started = time.perf_counter()
        results.append((api("POST", f"/api/v1/programmes/{programme}/import", body)[0], time.perf_counter() - started))

    first = new_programme(0)
    done = []
    import_into(first, done)
    status, seconds = done[0]
    outcomes, problems = [], []
    for n, fraction in enumerate((0.25, 0.5, 0.9), start=1):
        programme = new_programme(n)
        answers = []
        worker = threading.Thread(target=import_into, args=(programme, answers))
        worker.start()
        time.sleep(seconds * fraction)
        kill_server()
        worker.join()
        server = start_server()
        count = actions_of(programme)
        acknowledged = answers and answers[0][0] == 200
        outcomes.append(f"{int(fraction * 100)} %: {'acknowledged' if acknowledged else 'cut'}, {count} rows")
        if count not in (0, rows) or (acknowledged and count != rows):
            problems.append(f"try {n}: {count} of {rows} rows")
    check = integrity()
    kept = actions_of(first)
    report(status == 200 and kept == rows and not problems and check == "ok" if SQLITE else status == 200 and kept == rows and not problems,
           f"kill -9 during an import of {rows} rows", f"the acknowledged import ({seconds:.1f} s) kept {kept} rows; killed at "
           f"{'; '.join(outcomes)}; integrity_check {check}{'; ' + '; '.join(problems) if problems else ''}")


def burst_of_edits(label, stop, acknowledged, statuses=None, actions=None):
    actions = actions or ACTIONS[:20]
    n = 0
    while not stop.is_set():
        action = actions[n % len(actions)]
        status, _ = api("PATCH", f"/api/v1/programmes/{PID}/actions/{action}", {"title": f"{label} {n}"})
        if statuses is not None:
            statuses.append((time.perf_counter(), status))
        if status == 200:
            acknowledged[action] = n
        elif status == 0 and statuses is None:
            return
        n += 1


def wait_for(acknowledged, count, writers, seconds=60):
    """Until `count` edits are acknowledged; an error if the writers stop or the time runs out."""
    deadline = time.time() + seconds
    while len(acknowledged) < count:
        if time.time() > deadline or not any(w.is_alive() for w in writers):
            raise RuntimeError(f"only {len(acknowledged)} edits acknowledged in {seconds} s")
        time.sleep(0.05)


def lost(acknowledged, found, label):
    missing = 0
    for action, n in acknowledged.items():
        got = found.get(action.lower(), "")
        if not got.startswith(label + " ") or int(got.split()[-1]) < n:
            missing += 1
    return missing


def kill_during_edits():
    global server
    stop, acknowledged = threading.Event(), {}
    writer = threading.Thread(target=burst_of_edits, args=("Πριν από το kill", stop, acknowledged))
    writer.start()
    try:
        wait_for(acknowledged, 15, [writer])
    finally:
        if not acknowledged:
            stop.set()
    kill_server()
    stop.set()
    writer.join()
    before = dict(acknowledged)
    server = start_server()
    check = integrity()
    missing = lost(before, titles(), "Πριν από το kill")
    report((check == "ok" or not SQLITE) and missing == 0, "kill -9 during a burst of edits",
           f"integrity_check {check}; {len(before)} actions with acknowledged edits, {missing} lost; restarted")


def backup_during_edits():
    stop, acknowledged = threading.Event(), {}
    writer = threading.Thread(target=burst_of_edits, args=("Αντίγραφο", stop, acknowledged))
    writer.start()
    try:
        wait_for(acknowledged, 10, [writer])
    except RuntimeError:
        stop.set()
        raise
    before = dict(acknowledged)
    backup = os.path.join(WORK, "backup.sqlite")
    taken = subprocess.run([BIN, "backup", backup], env=dict(os.environ, ORAMA_SQLITE_PATH=DB), capture_output=True, text=True)
    stop.set()
    writer.join()
    # Restored as an office would, into a database of its own: that database is what is checked.
    restored = os.path.join(WORK, "restored.sqlite")
    put_back = subprocess.run([BIN, "restore", backup], env=dict(os.environ, ORAMA_SQLITE_PATH=restored), capture_output=True, text=True)
    check, found = "not restored", {}
    if put_back.returncode == 0:
        connection = sqlite3.connect(f"file:{restored}?mode=ro", uri=True)
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        found = {k.lower(): v for k, v in connection.execute("SELECT id, title FROM actions").fetchall()}
        connection.close()
    missing = lost(before, found, "Αντίγραφο")
    report(taken.returncode == 0 and put_back.returncode == 0 and check == "ok" and missing == 0, "orama backup during a burst of edits, restored",
           f"backup exit {taken.returncode}, restore exit {put_back.returncode}; the restored database: integrity_check {check}; "
           f"{len(before)} actions acknowledged before the backup began, {missing} missing from it; {len(acknowledged)} edited meanwhile"
           + ("" if put_back.returncode == 0 else f"; {put_back.stderr.strip()[-300:]}"))


def postgres_restarted_during_edits():
    """Two writers, each on ten actions of its own; PostgreSQL restarted under them. Every
    answer is 200, or 503 while the database is away (never 500, never a dropped connection),
    edits go on after it without restarting Orama, and no acknowledged edit is lost."""
    stop, statuses = threading.Event(), []
    acknowledged = [{}, {}]
    writers = [threading.Thread(target=burst_of_edits, args=(f"Επανεκκίνηση{w}", stop, acknowledged[w], statuses, ACTIONS[10 * w:10 * w + 10]))
               for w in range(2)]
    for w in writers:
        w.start()
    try:
        wait_for(acknowledged[0], 5, writers)
        wait_for(acknowledged[1], 5, writers)
    except RuntimeError:
        stop.set()
        raise
    began = time.perf_counter()
    restarted = subprocess.run(os.environ["HARDENING_PG_RESTART"], shell=True, capture_output=True, text=True)
    back = time.perf_counter()
    deadline = back + 30
    while time.perf_counter() < deadline and not any(t > back and s == 200 for t, s in list(statuses)):
        time.sleep(0.1)
    time.sleep(2)
    stop.set()
    for w in writers:
        w.join()
    during = [s for t, s in statuses if began <= t <= back + 0.5]
    after = [s for t, s in statuses if t > back]
    everything = [s for _, s in statuses]
    found = titles()
    missing = lost(acknowledged[0], found, "Επανεκκίνηση0") + lost(acknowledged[1], found, "Επανεκκίνηση1")
    unexpected = [s for s in everything if s not in (200, 503)]
    report(restarted.returncode == 0 and not unexpected and after.count(200) > 0 and missing == 0,
           "PostgreSQL restarted while edits run",
           f"restart took {back - began:.1f} s; during it {tally(during)}; after it {tally(after)}; in all {tally(everything)}; "
           f"the server reconnected by itself: {'yes' if after.count(200) else 'NO'}; "
           f"{len(acknowledged[0]) + len(acknowledged[1])} actions with acknowledged edits, {missing} lost")


def schemathesis():
    programme = PID
    action, indicator = ACTIONS[0], INDICATORS[0]
    config = os.path.join(WORK, "demo-ids.toml")
    with open(config, "w") as f:
        f.write(f'[parameters]\n"path.programmeID" = "{programme}"\n"path.actionID" = "{action}"\n"path.indicatorID" = "{indicator}"\n')
    checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance"
    total, errors, failed, lines = 0, 0, [], []
    for run, examples, extra in (("generated", 40, []), ("demo", 20, ["--config-file", config])):
        har = os.path.join(WORK, f"{run}.har")
        done = subprocess.run(["st", *extra, "run", f"{BASE}/openapi.json", "--url", BASE, "-H", f"Authorization: Bearer {TOKEN}",
                               "--checks", checks, "--max-examples", str(examples), "--seed", "20261127",
                               "--report", "har", "--report-har-path", har], capture_output=True, text=True)
        entries = json.load(open(har))["log"]["entries"] if os.path.exists(har) else []
        total += len(entries)
        errors += sum(1 for e in entries if e["response"]["status"] >= 500)
        if done.returncode != 0:
            failed.append(run)
            lines.append(done.stdout[-1500:])
    report(not failed and total >= 1000 and errors == 0, "schemathesis with an API token",
           f"{total} requests in two runs (generated ids, the demo's ids): {errors} × 5xx; "
           f"schema, status and header checks: {'all passed' if not failed else 'FAILED in ' + ', '.join(failed)}")
    for line in lines:
        print(line)


def soak(seconds=SOAK_SECONDS):
    """A steady mix of reads and writes, bounded: 0 × 5xx, and the server's memory after the
    first tenth against the end."""
    def rss():
        with open(f"/proc/{server_pid()}/status") as f:
            return int(next(l for l in f if l.startswith("VmRSS")).split()[1])
    reads = [f"/programmes/{PID}", f"/programmes/{PID}/finance?by=axis", f"/programmes/{PID}/actions/{ACTIONS[3]}", "/",
             f"/api/v1/programmes/{PID}/actions", f"/programmes/{PID}/schedule", f"/programmes/{PID}/indicators/{INDICATORS[1]}"]
    statuses, stop = [], threading.Event()

    def reader(n):
        k = n
        while not stop.is_set():
            statuses.append(raw("GET", reads[k % len(reads)])[0])
            k += 1
            time.sleep(0.02)

    def writer():
        k = 0
        while not stop.is_set():
            statuses.append(api("PATCH", f"/api/v1/programmes/{PID}/actions/{ACTIONS[(20 + k % 10) % len(ACTIONS)]}", {"title": f"Αντοχή {k}"})[0])
            k += 1
            time.sleep(0.2)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(3)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    time.sleep(seconds / 10)
    early = rss()
    time.sleep(seconds * 9 / 10)
    late = rss()
    stop.set()
    for t in threads:
        t.join()
    growth = (late - early) / early * 100
    fivexx = sum(1 for s in statuses if s >= 500 or s == 0)
    report(fivexx == 0 and (growth < 10 or seconds < 300), f"a {seconds}-second soak of reads and writes",
           f"{len(statuses)} requests ({len(statuses) / seconds:.0f}/s), {fivexx} × 5xx or refused connections; "
           f"RSS {early / 1024:.0f} MB after a tenth, {late / 1024:.0f} MB at the end ({growth:+.1f} %)"
           f"{'' if seconds >= 300 else '; the 10 % bound is judged on a run of 5 minutes or more'}")


if SQLITE:
    checks = [methods_and_addresses, nested_keys, throttle, concurrent_edits, bad_input_corpus, extreme_values_in_the_api,
              extreme_values_in_forms, kill_during_an_import, kill_during_edits, backup_during_edits, schemathesis, soak]
else:
    checks = [concurrent_edits, kill_during_an_import, kill_during_edits, postgres_restarted_during_edits]
only = os.environ.get("HARDENING_ONLY", "").split(",")
try:
    for check in checks:
        if only == [""] or check.__name__ in only:
            CHECK_STARTED[0] = time.perf_counter()
            try:
                check()
            except Exception as error:  # a check that cannot finish fails, and the rest still run
                report(False, check.__name__, f"stopped: {type(error).__name__}: {str(error)[:300]}")
                if not alive():
                    server = start_server()
finally:
    stop_servers()

print(f"{results.count(True)} passed, {results.count(False)} failed ({BACKEND})")
sys.exit(0 if all(results) else 1)
