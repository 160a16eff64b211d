#!/usr/bin/env python3
"""Writes the corpus of office tables the import is tested with: the shapes, wordings and
encodings Greek planning offices keep their programmes in, each with what it should import
(expected.json). The files are committed; run this only to change them (needs openpyxl)."""
import json, pathlib, datetime
from openpyxl import Workbook
from openpyxl.styles import Font

HERE = pathlib.Path(__file__).resolve().parent
YEARS = [2024, 2025, 2026, 2027, 2028]

# The actions: axis, measure, objective, title, unit, place, source, amounts per year (euros), start, end, priority
ACTIONS = [
    ("Περιβάλλον και Ποιότητα Ζωής", "Ύδρευση και αποχέτευση", "Επάρκεια και ποιότητα νερού", "Αντικατάσταση εσωτερικού δικτύου ύδρευσης Μέλισσας", "ΔΕΥΑ Κιλελέρ", "Νίκαιας", "ΠΕΠ Θεσσαλίας", [0, 120000, 180000.5, 0, 0], "01/03/2025", "31/12/2026", "Υψηλή"),
    ("Περιβάλλον και Ποιότητα Ζωής", "Ύδρευση και αποχέτευση", "Επάρκεια και ποιότητα νερού", "Νέα γεώτρηση και δεξαμενή Αρμενίου", "ΔΕΥΑ Κιλελέρ", "Αρμενίου", "ΣΑΤΑ", [85844.15, 0, 0, 0, 0], "01/02/2024", "30/11/2024", "Υψηλή"),
    ("Περιβάλλον και Ποιότητα Ζωής", "Ύδρευση και αποχέτευση", "Αποχέτευση οικισμών", "Μελέτη αποχέτευσης Κραννώνα", "Τεχνική Υπηρεσία", "Κραννώνος", "Ίδιοι πόροι", [0, 35000, 0, 0, 0], "01/04/2025", "31/12/2025", "Μεσαία"),
    ("Περιβάλλον και Ποιότητα Ζωής", "Καθαριότητα και ανακύκλωση", "Μείωση των αποβλήτων", "Προμήθεια κάδων ανακύκλωσης", "Τμήμα Καθαριότητας και Ανακύκλωσης", "Πλατυκάμπου", "Ανταποδοτικά τέλη", [40000, 40000, 0, 0, 0], "01/01/2024", "31/12/2025", "Μεσαία"),
    ("Περιβάλλον και Ποιότητα Ζωής", "Καθαριότητα και ανακύκλωση", "Μείωση των αποβλήτων", "Αποκατάσταση εστιών ρύπανσης και παλαιών χωματερών", "Τεχνική Υπηρεσία", "Κιλελέρ", "ΣΑΤΑ", [0, 0, 95000, 95000, 0], "01/01/2026", "31/12/2027", "Χαμηλή"),
    ("Κοινωνική Πολιτική, Παιδεία, Πολιτισμός, Αθλητισμός", "Κοινωνική προστασία", "Στήριξη ευάλωτων ομάδων", "Λειτουργία Κέντρου Κοινότητας", "Κέντρο Κοινότητας", "Νίκαιας", "ΕΣΠΑ", [60000, 60000, 60000, 60000, 60000], "01/01/2024", "31/12/2028", "Υψηλή"),
    ("Κοινωνική Πολιτική, Παιδεία, Πολιτισμός, Αθλητισμός", "Κοινωνική προστασία", "Στήριξη ευάλωτων ομάδων", "Κοινωνικό παντοπωλείο", "Κέντρο Κοινότητας", "Νίκαιας", "Ίδιοι πόροι", [15000, 15000, 15000, 15000, 15000], "01/01/2024", "31/12/2028", "Μεσαία"),
    ("Κοινωνική Πολιτική, Παιδεία, Πολιτισμός, Αθλητισμός", "Αθλητισμός", "Σύγχρονες αθλητικές υποδομές", "Ανακαίνιση γηπέδου Μεγάλου Μοναστηρίου", "Τεχνική Υπηρεσία", "Αρμενίου", "Φιλόδημος ΙΙ", [0, 0, 210000, 0, 0], "01/01/2026", "31/12/2026", "Μεσαία"),
    ("Τοπική Οικονομία και Απασχόληση", "Αγροδιατροφή", "Στήριξη των παραγωγών", "Αγροτική οδοποιία Κιλελέρ – Χαράς", "Τεχνική Υπηρεσία", "Κιλελέρ", "ΠΑΑ", [0, 250000, 250000, 0, 0], "01/06/2025", "30/06/2026", "Υψηλή"),
    ("Διοικητική Ικανότητα και Οικονομικά", "Ψηφιακός μετασχηματισμός", "Ταχύτερο διαδίκτυο για τις υπηρεσίες", "Αναβάθμιση δικτύου δημοτικών κτιρίων", "Τμήμα Προγραμματισμού, Οργάνωσης και Πληροφορικής", "Νίκαιας", "Ταμείο Ανάκαμψης", [0, 78000, 0, 0, 0], "01/01/2025", "31/12/2025", "Υψηλή"),
    ("Διοικητική Ικανότητα και Οικονομικά", "Ψηφιακός μετασχηματισμός", "Ταχύτερο διαδίκτυο για τις υπηρεσίες", "Αποτύπωση κτιριακού αποθέματος", "Τμήμα Προγραμματισμού, Οργάνωσης και Πληροφορικής", "Κιλελέρ", "Ίδιοι πόροι", [0, 0, 0, 24000, 24000], "01/01/2027", "31/12/2028", "Χαμηλή"),
]

def euro(x):
    """Greek money text: 1.234,56"""
    cents = round(x * 100)
    whole, rest = divmod(cents, 100)
    s = f"{whole:,}".replace(",", ".")
    return f"{s},{rest:02d}"

def cents(x): return round(x * 100)

expected = {}

def expect(name, rows, years, axes, newRecords=None, sheet=None, mapping=None):
    totals = {}
    for r in rows:
        for y, a in zip(YEARS, r[7]):
            if y in years and a:
                totals[str(y)] = totals.get(str(y), 0) + cents(a)
    expected[name] = {"actions": len(rows), "axes": axes, "centsByYear": totals}
    if sheet: expected[name]["sheet"] = sheet
    if mapping: expected[name]["mapping"] = mapping

def write_csv(name, lines, encoding, sep=";"):
    text = "\r\n".join(sep.join(cells) for cells in lines) + "\r\n"
    if encoding == "utf-8-sig":
        data = text.encode("utf-8-sig")
    elif encoding == "cp1253":
        data = text.encode("cp1253")
    elif encoding == "iso8859_7":
        data = text.encode("iso8859_7")
    else:
        data = text.encode("utf-8")
    (HERE / name).write_bytes(data)

def q(s): return '"' + s.replace('"', '""') + '"'

# 1. UTF-8 with BOM, two title rows, axis written once, genitive places, a totals row.
rows = ACTIONS
lines = [["ΔΗΜΟΣ ΚΙΛΕΛΕΡ — ΕΠΙΧΕΙΡΗΣΙΑΚΟ ΠΡΟΓΡΑΜΜΑ 2024-2028"], ["Πίνακας δράσεων (προσχέδιο Υπηρεσίας Προγραμματισμού)"], [""],
         ["Α/Α", "Άξονας", "Μέτρο", "Στόχος", "Τίτλος Δράσης", "Αρμόδια Υπηρεσία", "Δημοτική Ενότητα", "Πηγή Χρηματοδότησης"] + [str(y) for y in YEARS] + ["Σύνολο", "Έναρξη", "Λήξη", "Προτεραιότητα"]]
previous = None
for n, a in enumerate(rows, 1):
    axis = a[0] if a[0] != previous else ""
    previous = a[0]
    lines.append([str(n), axis, a[1], a[2], q(a[3]), a[4], "ΔΕ " + a[5], a[6]] + [euro(x) if x else "" for x in a[7]] + [euro(sum(a[7])), a[8], a[9], a[10]])
totals = [sum(a[7][i] for a in rows) for i in range(5)]
lines.append(["", "ΓΕΝΙΚΟ ΣΥΝΟΛΟ", "", "", "", "", "", ""] + [euro(t) for t in totals] + [euro(sum(totals)), "", "", ""])
write_csv("01-programme-utf8-bom.csv", lines, "utf-8-sig")
expect("01-programme-utf8-bom.csv", rows, YEARS, 4)

# 2. Windows-1253: the office's own wording, a legal entity as the implementing body, no total column.
rows = ACTIONS[:6]
lines = [["Άξονας Προτεραιότητας", "Μέτρο", "Ειδικός Στόχος", "Τίτλος Έργου", "Υπεύθυνη Διεύθυνση", "Φορέας Υλοποίησης", "Πηγή", "Ποσό 2024", "Ποσό 2025", "Ποσό 2026", "Ημερομηνία Έναρξης", "Ημερομηνία Λήξης"]]
for a in rows:
    unit = "Τεχνική Υπηρεσία" if a[4] == "ΔΕΥΑ Κιλελέρ" else a[4]
    body = a[4] if a[4] == "ΔΕΥΑ Κιλελέρ" else ""
    lines.append([a[0], a[1], a[2], q(a[3]), unit, body, a[6]] + [euro(x) if x else "0,00" for x in a[7][:3]] + [a[8], a[9]])
write_csv("02-windows-1253.csv", lines, "cp1253")
expect("02-windows-1253.csv", rows, [2024, 2025, 2026], 2)

# 3. ISO-8859-7, comma separated with quoted amounts and €, «Άνω» with its capital Ά.
rows = ACTIONS[2:9]
lines = [["Άξονας", "Μέτρο", "Στόχος", "Τίτλος", "Υπηρεσία", "Περιοχή", "Πηγή Χρηματοδότησης", "2025", "2026", "2027", "Σύνολο"]]
for a in rows:
    # ISO-8859-7 has no en dash: offices on old systems type a hyphen.
    lines.append([q(a[0]), q(a[1]), q(a[2]), q(a[3].replace("–", "-") + " (Άνω τμήμα)"), q(a[4]), q(a[5]), q(a[6])] + [q(euro(x) + " €") for x in a[7][1:4]] + [q(euro(sum(a[7][1:4])) + " €")])
write_csv("03-iso-8859-7.csv", lines, "iso8859_7", sep=",")
expect("03-iso-8859-7.csv", rows, [2025, 2026, 2027], 3)

# 4. Tab separated UTF-8: a cost and a span of years only, priority letters, the nature in «Είδος».
rows = ACTIONS
lines = [["Α/Α", "Άξονας", "Μέτρο", "Στόχος", "Δράση", "Είδος", "Αρμόδιο Τμήμα", "Χρηματοδότηση", "Προϋπολογισμός (€)", "Χρονοδιάγραμμα", "Ιεράρχηση"]]
letters = {"Υψηλή": "Α", "Μεσαία": "Β", "Χαμηλή": "Γ"}
for n, a in enumerate(rows, 1):
    first = next(y for y, x in zip(YEARS, a[7]) if x)
    last = max(y for y, x in zip(YEARS, a[7]) if x)
    lines.append([str(n), a[0], a[1], a[2], a[3], "Μελέτη" if a[3].startswith("Μελέτη") else "Έργο", a[4], a[6], euro(sum(a[7])), f"{first}-{last}", letters[a[10]]])
write_csv("04-tab-separated.tsv", lines, "utf-8", sep="\t")
# A cost with no year columns is funded in the start year.
expected["04-tab-separated.tsv"] = {"actions": len(rows), "axes": 4, "centsByYear": {}}
for a in rows:
    first = next(y for y, x in zip(YEARS, a[7]) if x)
    expected["04-tab-separated.tsv"]["centsByYear"][str(first)] = expected["04-tab-separated.tsv"]["centsByYear"].get(str(first), 0) + cents(sum(a[7]))

def sheet_rows(ws, rows, start_row, merge_tree=True, formulas=True):
    r = start_row
    groups = {}
    for a in rows:
        ws.cell(r, 1, a[0]); ws.cell(r, 2, a[1]); ws.cell(r, 3, a[2]); ws.cell(r, 4, a[3]); ws.cell(r, 5, a[4]); ws.cell(r, 6, a[6])
        for i, x in enumerate(a[7]):
            ws.cell(r, 7 + i, x if x else None)
        ws.cell(r, 12, f"=SUM(G{r}:K{r})" if formulas else sum(a[7]))
        d1 = datetime.datetime.strptime(a[8], "%d/%m/%Y"); d2 = datetime.datetime.strptime(a[9], "%d/%m/%Y")
        c1 = ws.cell(r, 13, d1); c1.number_format = "dd/mm/yyyy"
        c2 = ws.cell(r, 14, d2); c2.number_format = "dd/mm/yyyy"
        groups.setdefault((0, a[0]), []).append(r)
        groups.setdefault((1, a[0], a[1]), []).append(r)
        r += 1
    if merge_tree:
        for key, rs in groups.items():
            col = 1 if key[0] == 0 else 2
            if len(rs) > 1:
                for x in rs[1:]: ws.cell(x, col, None)
                ws.merge_cells(start_row=rs[0], start_column=col, end_row=rs[-1], end_column=col)
    return r

# 5. XLSX with a title, a two-row header (a band over the years), merged axis and measure cells, a totals row of formulas.
rows = ACTIONS
wb = Workbook(); ws = wb.active; ws.title = "Δράσεις"
ws.cell(1, 1, "ΕΠΙΧΕΙΡΗΣΙΑΚΟ ΠΡΟΓΡΑΜΜΑ ΔΗΜΟΥ ΚΙΛΕΛΕΡ 2024-2028").font = Font(bold=True)
for c, h in enumerate(["Άξονας", "Μέτρο", "Στόχος", "Τίτλος Δράσης", "Αρμόδια Υπηρεσία", "Πηγή Χρηματοδότησης"], 1):
    ws.cell(3, c, h); ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
ws.cell(3, 7, "Προϋπολογισμός ανά έτος (€)"); ws.merge_cells(start_row=3, start_column=7, end_row=3, end_column=11)
for i, y in enumerate(YEARS): ws.cell(4, 7 + i, y)
for c, h in [(12, "Σύνολο"), (13, "Έναρξη"), (14, "Λήξη")]:
    ws.cell(3, c, h); ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
end = sheet_rows(ws, rows, 5)
ws.cell(end, 4, "ΓΕΝΙΚΟ ΣΥΝΟΛΟ")
for c in range(7, 13):
    L = "GHIJKL"[c - 7]
    ws.cell(end, c, f"=SUM({L}5:{L}{end - 1})")
wb.save(HERE / "05-two-row-header.xlsx")
expect("05-two-row-header.xlsx", rows, YEARS, 4)

# 6. XLSX whose table is on its second sheet, after a sheet of instructions; merged tree cells, no formulas.
rows = ACTIONS[3:]
wb = Workbook(); first = wb.active; first.title = "Οδηγίες"
first.cell(1, 1, "Συμπληρώστε το φύλλο «Σχέδιο Δράσης».")
ws = wb.create_sheet("Σχέδιο Δράσης")
for c, h in enumerate(["Άξονας", "Μέτρο", "Στόχος", "Ονομασία", "Αρμόδια Διεύθυνση", "Φορέας Χρηματοδότησης"] + [f"Ποσό {y}" for y in YEARS] + ["Συνολικός Προϋπολογισμός", "Έναρξη", "Λήξη"], 1):
    ws.cell(1, c, h)
sheet_rows(ws, rows, 2, formulas=False)
wb.save(HERE / "06-second-sheet.xlsx")
expect("06-second-sheet.xlsx", rows, YEARS, 4, sheet="Σχέδιο Δράσης")

# 7. Codes with names in the tree columns, a total that differs from its years in one row (a finding).
rows = ACTIONS
lines = [["Κωδ. Άξονα - Άξονας", "Μέτρο", "Στόχος", "Τίτλος Πράξης", "Υπηρεσία", "Πηγή", "2024", "2025", "2026", "2027", "2028", "Σύνολο", "Έναρξη", "Λήξη"]]
codes = {}
for a in rows:
    ax = codes.setdefault(a[0], (len({k for k in codes}) + 1, {}))
    m = ax[1].setdefault(a[1], (len(ax[1]) + 1, {}))
    o = m[1].setdefault(a[2], len(m[1]) + 1)
    total = sum(a[7]) + (100 if a[3].startswith("Κοινωνικό") else 0)
    lines.append([f"{ax[0]}. {a[0]}", f"{ax[0]}.{m[0]} {a[1]}", f"{ax[0]}.{m[0]}.{o} {a[2]}", q(a[3]), a[4], a[6]] + [euro(x) if x else "" for x in a[7]] + [euro(total), a[8], a[9]])
write_csv("07-codes-and-names.csv", lines, "utf-8")
expect("07-codes-and-names.csv", rows, YEARS, 4)

# 8. English headers from a consultant's template.
rows = ACTIONS[:8]
lines = [["No", "Priority axis", "Measure", "Objective", "Action title", "Responsible unit", "Funding source", "2024", "2025", "2026", "2027", "2028", "Total", "Start date", "End date", "Priority"]]
for n, a in enumerate(rows, 1):
    lines.append([str(n), a[0], a[1], a[2], q(a[3]), a[4], a[6]] + [euro(x) for x in a[7]] + [euro(sum(a[7])), a[8], a[9], {"Υψηλή": "1", "Μεσαία": "2", "Χαμηλή": "3"}[a[10]]])
write_csv("08-english-headers.csv", lines, "utf-8")
expect("08-english-headers.csv", rows, YEARS, 2)

# 9. Headers no word gives away: imported with a saved mapping file.
rows = ACTIONS[:5]
lines = [["Στ1", "Στ2", "Στ3", "Στ4", "Στ5", "Στ6", "Στ7"]]
for a in rows:
    lines.append([a[0], a[1], a[2], q(a[3]), a[4], euro(a[7][1]), euro(a[7][2])])
write_csv("09-with-mapping-file.csv", lines, "utf-8")
mapping = {"signature": "στ1|στ2|στ3|στ4|στ5|στ6|στ7", "columns": [
    {"header": "Στ1", "field": "axis"}, {"header": "Στ2", "field": "measure"}, {"header": "Στ3", "field": "objective"},
    {"header": "Στ4", "field": "title"}, {"header": "Στ5", "field": "unit"}, {"header": "Στ6", "field": "year:2025"}, {"header": "Στ7", "field": "year:2026"}],
    "defaultSource": "ΣΑΤΑ", "values": []}
(HERE / "09-mapping.json").write_text(json.dumps(mapping, ensure_ascii=False, indent=1) + "\n")
expect("09-with-mapping-file.csv", rows, [2025, 2026], 1, mapping="09-mapping.json")

(HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
print("wrote", len(expected), "tables")
