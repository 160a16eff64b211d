"""Bad input, load and faults against a real server (started by scripts/hardening), on
loopback only. Prints one line per check with its figures; exits non-zero if any fails.

  python3 scripts/hardening_test.py BIN WORKDIR PORT ADMIN_PASSWORD

BIN is the orama executable, WORKDIR holds the demo's SQLite database; the server is started
here on PORT (and killed with SIGKILL and started again in the middle)."""
import concurrent.futures
import http.client
import http.cookiejar
import json
import os
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

BIN, WORK, PORT, PASSWORD = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
BASE = f"http://127.0.0.1:{PORT}"
DB = os.path.join(WORK, "orama.sqlite")
results = []


def report(ok, name, figures):
    results.append(ok)
    print(f"{'ok    ' if ok else 'FAILED'} {name}: {figures}", flush=True)


def raw(method, path, body=None, headers=None, timeout=30):
    """One request on its own connection: (status, headers, body, milliseconds)."""
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


class Browser:
    """A signed-in browser: a cookie jar and the last page's CSRF token."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        return self.opener.open(BASE + path).read().decode()

    def post(self, path, fields, page=None):
        token = re.search(r'name="_csrf" value="([^"]*)"', self.get(page or path)).group(1)
        data = urllib.parse.urlencode(list(fields) + [("_csrf", token)]).encode()
        try:
            with self.opener.open(urllib.request.Request(BASE + path, data=data)) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def wait_until_up(seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if raw("GET", "/health/live", timeout=2)[0] == 200:
            return True
        time.sleep(0.2)
    return False


def start_server():
    log = open(os.path.join(WORK, "server.log"), "ab")
    env = dict(os.environ, ORAMA_SQLITE_PATH=DB)
    process = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", str(PORT)], stdout=log, stderr=log, env=env)
    with open(os.path.join(WORK, "server.pid"), "w") as f:
        f.write(str(process.pid))
    if not wait_until_up():
        raise SystemExit("the server did not start")
    return process


def server_pid():
    with open(os.path.join(WORK, "server.pid")) as f:
        return int(f.read())


start_server()
admin = Browser()
status, _ = admin.post("/signin", [("email", "admin@orama.local"), ("password", PASSWORD)], page="/signin")
page = admin.post("/account/tokens", [("name", "hardening")])[1]
TOKEN = re.search(r"orama_[A-Za-z0-9_-]+", page).group(0)


def api(method, path, body=None):
    status, _, data, _ = raw(method, path, json.dumps(body).encode() if body is not None else None,
                             {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    return status, (json.loads(data) if data[:1] in (b"{", b"[") else data)


programmes = api("GET", "/api/v1/programmes")[1]
published = next(p for p in programmes if p["status"] == "published")
PID = published["id"]
ACTIONS = [a["action"]["id"] for a in api("GET", f"/api/v1/programmes/{PID}/actions")[1]]


def counter():
    return next(p for p in api("GET", "/api/v1/programmes")[1] if p["id"] == PID)["changeCounter"]


# 1. Methods and addresses.
methods = {m: raw(m, "/") for m in ("TRACE", "CONNECT", "PROPFIND")}
report(all(r[0] == 405 and "GET" in r[1].get("allow", "") for r in methods.values()), "methods outside the site's",
       ", ".join(f"{m} {r[0]}" for m, r in methods.items()))
long = raw("GET", "/search?q=" + "a" * 20_000)
report(long[0] == 414, "a 20 KB address", f"{long[0]} in {long[3]:.0f} ms")

# 2. Bounded work before authentication: 20,000 nested keys, alone and 16 at once.
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

# 3. The sign-in throttle keys the account as the lookup does.
visitor = Browser()
for _ in range(5):
    visitor.post("/signin", [("email", "admin@orama.local"), ("password", "wrong-password")], page="/signin")
spellings = ["admin@orama.local\n", "admin@orama.local\n\n\n", " ADMIN@orama.local\r\n", "\tadmin@orama.local"]
throttled = [visitor.post("/signin", [("email", s), ("password", PASSWORD)], page="/signin")[0] for s in spellings]
report(all(s == 429 for s in throttled), "the sign-in throttle against spellings of one address", " ".join(map(str, throttled)))

# 4. Numbers that could trap: every one refused with a message, the server up.
extremes = ["9223372036854775807", "-9223372036854775808", "1e308", "NaN", "-0", "9" * 40, "2024.5", ""]
answers = [admin.post("/programmes/new", [("title", "Ακραίο"), ("startYear", v), ("endYear", "2028")]) for v in extremes]
refused = [status if "έτος έναρξης" in html else f"{status}?" for status, html in answers]
alive = raw("GET", "/health/live")[0]
report(all(s == 422 for s in refused) and alive == 200, "extreme years on the new programme form", f"{len(extremes)} values: {' '.join(map(str, refused))}; server {alive}")

# 5. Concurrent edits: 20 actions at once, then one action 20 times, with one counter each.
def patch_all(targets, read, label):
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(api, "PATCH", f"/api/v1/programmes/{PID}/actions/{a}", {"title": f"{label} {n}", "changeCounter": read})
                   for n, a in enumerate(targets)]
        return [f.result()[0] for f in futures]


def tally(statuses):
    return ", ".join(f"{statuses.count(s)} × {s}" for s in sorted(set(statuses)))


different = patch_all(ACTIONS[:20], counter(), "Παράλληλη")
report(different.count(200) == 20, "20 concurrent edits of 20 different actions", tally(different))
same = patch_all([ACTIONS[0]] * 20, counter(), "Η ίδια")
report(same.count(200) == 1 and same.count(409) == 19, "20 concurrent edits of one action", tally(same))


# 6. kill -9 during a burst of edits, and a backup during another: nothing acknowledged lost.
def burst_of_edits(label, stop, acknowledged):
    n = 0
    while not stop.is_set():
        action = ACTIONS[n % 20]
        status, _ = api("PATCH", f"/api/v1/programmes/{PID}/actions/{action}", {"title": f"{label} {n}"})
        if status == 200:
            acknowledged[action] = n
        elif status == 0:
            return
        n += 1


def titles_in(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        rows = dict(connection.execute("SELECT id, title FROM actions").fetchall())
    finally:
        connection.close()
    return integrity, {k.lower(): v for k, v in rows.items()}


def lost(acknowledged, titles, label):
    missing = 0
    for action, n in acknowledged.items():
        got = titles.get(action.lower(), "")
        if not got.startswith(label + " ") or int(got.split()[-1]) < n:
            missing += 1
    return missing


stop, acknowledged = threading.Event(), {}
writer = threading.Thread(target=burst_of_edits, args=("Πριν από το kill", stop, acknowledged))
writer.start()
while len(acknowledged) < 15:
    time.sleep(0.05)
os.kill(server_pid(), signal.SIGKILL)
stop.set()
writer.join()
before = dict(acknowledged)
start_server()
integrity, titles = titles_in(DB)
missing = lost(before, titles, "Πριν από το kill")
report(integrity == "ok" and missing == 0, "kill -9 during a burst of edits (SQLite)",
       f"integrity_check {integrity}; {len(before)} actions with acknowledged edits, {missing} lost; restarted")

stop, acknowledged = threading.Event(), {}
writer = threading.Thread(target=burst_of_edits, args=("Αντίγραφο", stop, acknowledged))
writer.start()
while len(acknowledged) < 10:
    time.sleep(0.05)
before = dict(acknowledged)
backup = os.path.join(WORK, "backup.sqlite")
taken = subprocess.run([BIN, "backup", backup], env=dict(os.environ, ORAMA_SQLITE_PATH=DB), capture_output=True, text=True)
stop.set()
writer.join()
integrity, titles = titles_in(backup)
missing = lost(before, titles, "Αντίγραφο")
report(taken.returncode == 0 and integrity == "ok" and missing == 0, "orama backup during a burst of edits",
       f"exit {taken.returncode}; integrity_check {integrity}; {len(before)} actions acknowledged before it began, {missing} missing from it; "
       f"{sum(1 for _ in acknowledged)} edited meanwhile")

print(f"{results.count(True)} passed, {results.count(False)} failed")
sys.exit(0 if all(results) else 1)
