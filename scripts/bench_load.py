"""A cold load of a programme beside sqlite3 reading the same rows, in one run.

Called by scripts/bench with the SQLite file `orama bench` filled and the median load it
printed. sqlite3 reads every row the load reads — the programme, each table of its tree,
funding, indicators and reports, and its organisation's reference data — with the rows
written to /dev/null; the figure is the median of seven runs, less the median of the same
command reading nothing (the process's start)."""
import statistics
import subprocess
import sys
import time

DB, OURS_MS = sys.argv[1], float(sys.argv[2].replace(",", "."))


def sqlite(script):
    start = time.perf_counter()
    subprocess.run(["sqlite3", DB], input=script, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


tables = subprocess.run(["sqlite3", DB, "SELECT name, sql FROM sqlite_master WHERE type='table'"], capture_output=True, text=True, check=True).stdout
by_programme = [name for name, sql in (line.split("|", 1) for line in tables.splitlines() if "|" in line)
                if "programme_id" in sql and name not in ("audit_log", "comments", "annual_approvals", "import_uploads", "api_tokens")]
reference = ["org_units", "legal_entities", "localities", "funding_sources"]
pid, org = subprocess.run(["sqlite3", DB, "SELECT p.id, p.organisation_id FROM programmes p JOIN actions a ON a.programme_id = p.id "
                           "GROUP BY p.id ORDER BY count(*) DESC LIMIT 1"], capture_output=True, text=True, check=True).stdout.strip().split("|")
rows = int(subprocess.run(["sqlite3", DB, " + ".join(f"(SELECT count(*) FROM {t} WHERE programme_id = '{pid}')" for t in by_programme).join(["SELECT ", ""])],
                          capture_output=True, text=True, check=True).stdout.strip())
statements = [f"SELECT * FROM programmes WHERE id = '{pid}';", f"SELECT * FROM organisations WHERE id = '{org}';"]
statements += [f"SELECT * FROM {t} WHERE programme_id = '{pid}';" for t in by_programme]
statements += [f"SELECT * FROM {t} WHERE organisation_id = '{org}';" for t in reference if t in tables]
script = ".output /dev/null\n" + "\n".join(statements) + "\n"
reads = statistics.median(sqlite(script) for _ in range(7))
start = statistics.median(sqlite(".output /dev/null\nSELECT 1;\n") for _ in range(7))
theirs_ms = max(reads - start, 1e-6) * 1000
ratio = OURS_MS / theirs_ms
print(f"ψυχρή φόρτωση: orama {OURS_MS:.1f} ms · sqlite3 για τις ίδιες γραμμές ({rows} γραμμές, {len(statements)} ερωτήματα) {theirs_ms:.1f} ms".replace(".", ","))
print(f"λόγος orama προς sqlite3: {ratio:.2f} (στόχος ≤ 2): {'ναι' if ratio <= 2 else 'ΟΧΙ'}".replace(".", ","))
