"""The import of an office's table of 10.000 actions beside sqlite3's `.import` of the same
rows into a plain table, and the dry run of that file, each as the whole command a user runs.
Called by scripts/bench with the orama binary and a scratch folder."""
import os
import subprocess
import sys
import time

BIN, WORK = sys.argv[1], sys.argv[2]
ACTIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
YEARS = [2024, 2025, 2026, 2027, 2028]
AXES = ["Περιβάλλον και Ποιότητα Ζωής", "Κοινωνική Πολιτική", "Τοπική Οικονομία", "Υποδομές και Μεταφορές", "Διοικητική Ικανότητα"]
UNITS = ["Τεχνική Υπηρεσία", "Τμήμα Καθαριότητας", "Κέντρο Κοινότητας", "Τμήμα Προγραμματισμού", "Διεύθυνση Οικονομικών Υπηρεσιών",
         "Τμήμα Πολιτισμού", "Τμήμα Αθλητισμού", "Τμήμα Πρασίνου", "Τμήμα Ηλεκτροφωτισμού", "ΔΕΥΑ Κιλελέρ"]
PLACES = ["ΔΕ Νίκαιας", "ΔΕ Κιλελέρ", "ΔΕ Αρμενίου", "ΔΕ Κραννώνος", "ΔΕ Πλατυκάμπου"]
SOURCES = ["ΣΑΤΑ", "Ίδιοι πόροι", "ΠΕΠ Θεσσαλίας", "ΕΣΠΑ", "Ταμείο Ανάκαμψης", "Φιλόδημος ΙΙ"]


def euro(cents):
    whole, rest = divmod(cents, 100)
    return f"{whole:,}".replace(",", ".") + f",{rest:02d}"


def write_table(path):
    """An office-style table: the tree by name, the service, the place in the genitive, the
    source, one amount per year and a total."""
    header = ["Α/Α", "Άξονας", "Μέτρο", "Στόχος", "Τίτλος Δράσης", "Αρμόδια Υπηρεσία", "Δημοτική Ενότητα", "Πηγή Χρηματοδότησης"] + [str(y) for y in YEARS] + ["Σύνολο"]
    lines = [";".join(header)]
    for n in range(ACTIONS):
        axis = AXES[n * len(AXES) // ACTIONS]
        measure = f"Μέτρο {n * 20 // ACTIONS + 1} του άξονα"
        objective = f"Στόχος {n * 100 // ACTIONS + 1}"
        amounts = [((n * 7919 + y * 104729) % 90_000 + 10_000) * 100 + (n % 100) if (n + y) % 3 else 0 for y in YEARS]
        row = [str(n + 1), axis, measure, objective, f"Δράση αριθμός {n + 1} για την ανάπτυξη του Δήμου", UNITS[n % len(UNITS)],
               PLACES[n % len(PLACES)], SOURCES[n % len(SOURCES)]] + [euro(a) if a else "" for a in amounts] + [euro(sum(amounts))]
        lines.append(";".join(row))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
    return len(lines) - 1


def timed(command, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        raise SystemExit(f"failed: {' '.join(command[:3])}")
    return elapsed, result.stdout


def comma(x, digits=2):
    return f"{x:.{digits}f}".replace(".", ",")


def main():
    table = os.path.join(WORK, f"office-{ACTIONS}.csv")
    rows = write_table(table)
    size = os.path.getsize(table) // 1024

    plain = os.path.join(WORK, "plain.sqlite")
    sqlite_time, _ = timed(["sqlite3", plain, "-cmd", ".mode csv", "-cmd", ".separator ;", f".import {table} office_rows"])
    imported = subprocess.run(["sqlite3", plain, "select count(*) from office_rows"], capture_output=True, text=True).stdout.strip()
    assert int(imported) == rows, imported

    env = dict(os.environ, ORAMA_SQLITE_PATH=os.path.join(WORK, "import.sqlite"), LOG_LEVEL="error")
    timed([BIN, "programme", "create", "--organisation", "Δήμος Κιλελέρ", "--title", "Μέτρηση", "--start", "2024", "--end", "2028"], env)  # migrations, first admin
    # A command that does nothing but start, connect and stop: what every command pays.
    start_time, _ = timed([BIN, "programme", "create", "--organisation", "Δήμος Κιλελέρ", "--title", "Μέτρηση κενή", "--start", "2024", "--end", "2028"], env)
    _, out = timed([BIN, "programme", "create", "--organisation", "Δήμος Κιλελέρ", "--title", "Μέτρηση εισαγωγής", "--start", "2024", "--end", "2028"], env)
    programme = out.strip().splitlines()[-1]
    database = env["ORAMA_SQLITE_PATH"]
    tables = ["axes", "measures", "objectives", "actions", "funding_lines", "action_links", "org_units", "localities", "funding_sources", "audit_log"]

    def rows_written():
        query = " + ".join(f"(select count(*) from {t})" for t in tables)
        return int(subprocess.run(["sqlite3", database, f"select {query}"], capture_output=True, text=True).stdout.strip())

    before = rows_written()
    dry_time, dry = timed([BIN, "import", "--programme", programme, table, "--dry-run"], env)
    assert f"Δράσεις που εισάγονται: {rows}" in dry, dry[-2000:]
    import_time, done = timed([BIN, "import", "--programme", programme, table, "--yes"], env)
    assert f"Εισήχθη: {rows} δράσεις" in done, done[-2000:]
    written = rows_written() - before

    print(f"πίνακας γραφείου: {rows} δράσεις, {size} KB CSV (δέντρο με ονόματα, υπηρεσία, περιοχή, πηγή, 5 έτη και σύνολο)")
    print(f"sqlite3 .import των ίδιων γραμμών σε απλό πίνακα:   {comma(sqlite_time * 1000, 1):>9} ms")
    print(f"orama import --yes (έλεγχοι, δέντρο, αναφορά, ιστορικό): {comma(import_time * 1000, 1):>9} ms")
    print(f"orama import --dry-run:                               {comma(dry_time * 1000, 1):>9} ms (στόχος < 2.000 ms)")
    print(f"  (εκκίνηση και τερματισμός μιας εντολής orama:         {comma(start_time * 1000, 1):>9} ms, μέσα στους χρόνους)")
    print(f"λόγος sqlite3 προς orama import: {comma(sqlite_time / import_time, 4)} (στόχος ≥ 0,3)")
    thousands = f"{written:,}".replace(",", ".")
    print(f"  (το sqlite3 γράφει {rows} γραμμές σε έναν πίνακα· το orama {thousands} γραμμές: δέντρο, δράσεις, χρηματοδοτήσεις, περιοχές, ιστορικό αλλαγών —")
    print(f"   ανά γραμμή βάσης {comma(rows / sqlite_time / 1000, 0)} χιλ./s το sqlite3, {comma(written / import_time / 1000, 1)} χιλ./s το orama, λόγος {comma((written / import_time) / (rows / sqlite_time), 3)})")


if __name__ == "__main__":
    main()
