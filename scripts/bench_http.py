"""Pages served by orama beside nginx serving the same bytes, in one run, with wrk on
loopback; and the server's peak resident memory through the load.

Called by scripts/bench with the orama binary and a scratch folder. orama runs the demo on
SQLite; each page is fetched once, its bytes written to a file, and nginx serves that file
with the same content type. wrk then loads each side in turn with the same threads,
connections and duration. The figure is orama's requests per second over nginx's."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

BIN, WORK = sys.argv[1], sys.argv[2]
DURATION = os.environ.get("BENCH_HTTP_SECONDS", "8")
CONNECTIONS = os.environ.get("BENCH_HTTP_CONNECTIONS", "64")
ORAMA_PORT, NGINX_PORT = 18181, 18182


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:  # noqa: BLE001
            time.sleep(0.5)
    raise SystemExit(f"not answering: {url}")


def fetch(url, gzip=False, cookie=None):
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers.get("Content-Type", ""), response.headers.get("Content-Encoding")


def sign_in(base, password):
    """The demo's administrator signed in: the session cookie, for wrk to send."""
    import http.cookiejar
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    token = re.search(r'name="_csrf" value="([^"]*)"', opener.open(base + "/signin").read().decode()).group(1)
    data = urllib.parse.urlencode({"email": "admin@orama.local", "password": password, "_csrf": token}).encode()
    opener.open(urllib.request.Request(base + "/signin", data=data))
    return "; ".join(f"{c.name}={c.value}" for c in jar if c.name == "orama_session")


def wrk(url, gzip=False, cookie=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency"]
    if gzip:
        command += ["-H", "Accept-Encoding: gzip"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else float("nan")
    if errors:
        raise SystemExit(f"wrk saw {errors.group(1)} failed responses from {url}")
    return rate, p99_ms


def rss_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def comma(x, digits=2):
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


env = dict(os.environ, ORAMA_SQLITE_PATH=os.path.join(WORK, "http.sqlite"), LOG_LEVEL="error")
server_log = open(os.path.join(WORK, "http-server.log"), "w")
server = subprocess.Popen([BIN, "demo", "--hostname", "127.0.0.1", "--port", str(ORAMA_PORT)], env=env,
                          stdout=server_log, stderr=subprocess.STDOUT)
nginx_root = os.path.join(WORK, "nginx")
os.makedirs(os.path.join(nginx_root, "www"), exist_ok=True)
# nginx's workers run as an unprivileged user: the folders and files must be readable to them.
for folder in [WORK, nginx_root, os.path.join(nginx_root, "www")]:
    os.chmod(folder, 0o755)
nginx = None
try:
    base = f"http://127.0.0.1:{ORAMA_PORT}"
    wait_for(base + "/health/live")
    wait_for(base + "/health/ready")
    idle_kb = rss_kb(server.pid, "VmRSS")
    programmes = json.loads(fetch(base + "/api/v1/programmes")[0])
    pid = next(p["id"] for p in programmes if p["status"] == "published")
    with open(os.path.join(WORK, "http-server.log")) as f:
        password = re.search(r"κωδικός: ([A-Za-z0-9]+)", f.read()).group(1)
    cookie = sign_in(base, password)
    # (label, path, gzip, signed in, goal): a visitor's pages come from the bytes kept per
    # version; a signed-in user's are rendered for each request from the warm snapshot.
    pages = [
        ("δημόσια σελίδα προγράμματος (HTML)", f"/programmes/{pid}", False, None, 0.5),
        ("το ίδιο σε gzip", f"/programmes/{pid}", True, None, 0.5),
        ("πρόγραμμα σε JSON (API)", f"/api/v1/programmes/{pid}", False, None, 0.5),
        ("πίνακας παρακολούθησης, επισκέπτης", f"/programmes/{pid}/dashboard", False, None, 0.25),
        ("χρηματοδοτικό πρόγραμμα, επισκέπτης", f"/programmes/{pid}/finance", False, None, 0.25),
        ("χρονοδιάγραμμα, επισκέπτης", f"/programmes/{pid}/schedule", False, None, 0.25),
        ("πίνακας παρακολούθησης, συνδεδεμένος", f"/programmes/{pid}/dashboard", False, cookie, 0.25),
        ("χρηματοδοτικό πρόγραμμα, συνδεδεμένος", f"/programmes/{pid}/finance", False, cookie, 0.25),
        ("χρονοδιάγραμμα, συνδεδεμένος", f"/programmes/{pid}/schedule", False, cookie, 0.25),
    ]
    # nginx: each page's bytes as a file, served with the content type orama sent.
    locations = []
    for n, (_, path, gzip, signed_in, _) in enumerate(pages):
        body, content_type, encoding = fetch(base + path, gzip, signed_in)
        with open(os.path.join(nginx_root, "www", f"p{n}"), "wb") as f:
            f.write(body)
        os.chmod(os.path.join(nginx_root, "www", f"p{n}"), 0o644)
        extra = "add_header Content-Encoding gzip;" if encoding == "gzip" else ""
        locations.append(f"location = /p{n} {{ default_type \"{content_type}\"; {extra} }}")
    with open(os.path.join(nginx_root, "nginx.conf"), "w") as f:
        f.write(f"""
worker_processes auto;
pid {nginx_root}/nginx.pid;
error_log {nginx_root}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ }}
  server {{
    listen 127.0.0.1:{NGINX_PORT};
    root {nginx_root}/www;
    {' '.join(locations)}
  }}
}}
""")
    nginx = subprocess.Popen(["nginx", "-p", nginx_root, "-c", os.path.join(nginx_root, "nginx.conf"), "-g", "daemon off;"])
    wait_for(f"http://127.0.0.1:{NGINX_PORT}/p0")

    print(f"wrk -t2 -c{CONNECTIONS} -d{DURATION}s ανά σελίδα· nginx (worker_processes auto) σερβίρει τα ίδια bytes (γραμμένα από την απάντηση του orama)")
    print(f"{'σελίδα':<40}{'KB':>7}{'orama req/s':>13}{'p99 ms':>9}{'nginx req/s':>13}{'λόγος':>8}  στόχος")
    for n, (label, path, gzip, signed_in, goal) in enumerate(pages):
        size = os.path.getsize(os.path.join(nginx_root, "www", f"p{n}"))
        wrk(base + path, gzip, signed_in)  # warm: the snapshot, the rendered bytes, the connections
        ours, p99 = wrk(base + path, gzip, signed_in)
        theirs, _ = wrk(f"http://127.0.0.1:{NGINX_PORT}/p{n}", gzip)
        ratio = ours / theirs
        verdict = "ναι" if ratio >= goal else "ΟΧΙ"
        print(f"{label:<40}{size / 1024:>7.0f}{comma(ours, 0):>13}{comma(p99, 1):>9}{comma(theirs, 0):>13}{comma(ratio):>8}  ≥ {comma(goal)} {verdict}")
    peak_kb = rss_kb(server.pid, "VmHWM")
    print(f"μνήμη του orama: {comma(idle_kb / 1024, 0)} MB σε ηρεμία, μέγιστη {comma(peak_kb / 1024, 0)} MB κατά το φορτίο (στόχος ≤ 100 MB): "
          + ("ναι" if peak_kb <= 100 * 1024 else "ΟΧΙ"))
finally:
    if nginx:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait()
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    if not os.environ.get("BENCH_KEEP"):
        shutil.rmtree(nginx_root, ignore_errors=True)
