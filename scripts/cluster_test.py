"""Interleaved edits and reads across two servers on one PostgreSQL (started by
scripts/cluster): each edit is made through one server, and once it is acknowledged the
other server, the balancer and a visitor are asked for the same thing.

A signed-in read (an API token) that shows anything older than the acknowledged edit is a
stale read, and the run fails on the first. A visitor's read (no cookie, no token) comes
from bytes kept per version, which the other server forgets when PostgreSQL's notice of
the commit arrives: such a read is counted as late if it is behind, and the run fails if
one stays behind for a second."""
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

A, B, LB, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
EDITS = int(sys.argv[5]) if len(sys.argv) > 5 else 1000

jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def csrf(html):
    return re.search(r'name="_csrf" value="([^"]*)"', html).group(1)


def form(url, fields):
    data = urllib.parse.urlencode(fields).encode()
    return browser.open(urllib.request.Request(url, data=data)).read().decode()


# Signed in through the balancer: the session lives in the database, so whichever server
# answers the next request knows it.
form(LB + "/signin", {"email": "admin@orama.local", "password": PASSWORD, "_csrf": csrf(browser.open(LB + "/signin").read().decode())})
page = form(LB + "/account/tokens", {"name": "cluster", "_csrf": csrf(browser.open(LB + "/account/tokens").read().decode())})
TOKEN = re.search(r"orama_[A-Za-z0-9_-]+", page).group(0)


def call(base, method, path, body=None, token=True):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {TOKEN}"
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, headers=headers, method=method)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


programmes = call(LB, "GET", "/api/v1/programmes", token=False)
pid = next(p["id"] for p in programmes if p["status"] == "published")
actions = call(LB, "GET", f"/api/v1/programmes/{pid}/actions")
ids = [a["action"]["id"] for a in actions[:5]]

stale = late = 0
slowest_catch_up = 0.0
reads = 0
started = time.perf_counter()
for n in range(EDITS):
    writer, reader = (A, B) if n % 2 == 0 else (B, A)
    action = ids[n % len(ids)]
    title = f"Δράση σε δύο διακομιστές · έκδοση {n}"
    call(writer, "PATCH", f"/api/v1/programmes/{pid}/actions/{action}", {"title": title})
    # Acknowledged: from now on nobody signed in may see anything older.
    for base in (reader, LB, writer):
        got = call(base, "GET", f"/api/v1/programmes/{pid}/actions/{action}")
        reads += 1
        if got["action"]["title"] != title:
            stale += 1
            print(f"STALE read {n} through {base}: «{got['action']['title']}» after «{title}» was acknowledged")
    # A visitor through the other server: the public copy follows the notice.
    first = time.perf_counter()
    while True:
        programme = call(reader, "GET", f"/api/v1/programmes/{pid}", token=False)
        reads += 1
        current = next(a["title"] for ax in programme["axes"] for m in ax["measures"] for o in m["objectives"] for a in o["actions"] if a["id"] == action)
        if current == title:
            break
        late += 1
        if time.perf_counter() - first > 1:
            print(f"FAILED a visitor's copy on {reader} still shows «{current}» a second after edit {n}")
            sys.exit(1)
        time.sleep(0.005)
    slowest_catch_up = max(slowest_catch_up, time.perf_counter() - first)
    if stale:
        sys.exit(1)

elapsed = time.perf_counter() - started
print(f"{EDITS} edits through two servers in turn, {reads} reads ({elapsed:.1f} s): "
      f"{stale} stale signed-in reads, {late} visitor reads behind for a moment (longest {slowest_catch_up * 1000:.0f} ms)")

# An address of 240 KB: the server's own HTTP parser closes the connection past 80 KB of
# header; in front of it nginx answers 414 (large_client_header_buffers, 8 KB by default).
try:
    urllib.request.urlopen(LB + "/search?q=" + "a" * 240_000, timeout=30)
    long_status = 200
except urllib.error.HTTPError as error:
    long_status = error.code
except OSError:
    long_status = 0
print(f"{'ok    ' if long_status == 414 else 'FAILED'} an address of 240 KB through nginx: {long_status}")
sys.exit(1 if stale or long_status != 414 else 0)
