#!/usr/bin/env python3
"""Writes the corpus of bad files scripts/hardening sends to every importer of a running demo:
Orama's own actions and indicators files (the import page), an office's own table (the API's
import) and the budget execution file (the execution page). Each file is wrong in one place;
expected.json says which importer takes it and the row and column its refusal must name
("column": null where the whole file is refused, e.g. a file that is not a spreadsheet).
Every file must be refused whole: nothing written, the database identical.

The files are committed; run this only to change them (needs openpyxl; the XLSX files
come out with the time of writing inside, so keep those that did not change)."""
import io
import json
import pathlib

from openpyxl import Workbook

HERE = pathlib.Path(__file__).resolve().parent

ACTION_HEADER = ["Αναγνωριστικό", "Κωδικός", "Στόχος", "Τίτλος", "Είδος", "Φύση", "Υπεύθυνη υπηρεσία", "Προτεραιότητα",
                 "Ωριμότητα", "Κόστος", "Έναρξη", "Λήξη", "Βάρος", "Χρηματοδότηση", "Περιοχές"]
UNIT = "Τμήμα Μελετών και Κατασκευής Έργων"


def action(**changes):
    """A new action of the demo programme, right in every column unless changed."""
    row = {"Αναγνωριστικό": "", "Κωδικός": "", "Στόχος": "1.1.1", "Τίτλος": "Ανάπλαση πλατείας Μελίσσης",
           "Είδος": "Κατηγορία έργων", "Φύση": "Έργο", "Υπεύθυνη υπηρεσία": UNIT, "Προτεραιότητα": "Υψηλή",
           "Ωριμότητα": "Ιδέα", "Κόστος": "10.000,00", "Έναρξη": "Αʹ τρίμ. 2026", "Λήξη": "Δʹ τρίμ. 2026", "Βάρος": "1",
           "Χρηματοδότηση": "ΣΑΤΑ 2026: 10.000,00", "Περιοχές": "Μέλισσα"}
    row.update(changes)
    return row


INDICATOR_HEADER = ["Αναγνωριστικό", "Κωδικός", "Όνομα", "Είδος", "Μονάδα μέτρησης", "Κατεύθυνση", "Συνδέεται με", "Τιμή βάσης",
                    "Έτος βάσης", "Στόχος 2026", "Συχνότητα", "Υπεύθυνη υπηρεσία", "Τιμές"]


def indicator(**changes):
    row = {"Αναγνωριστικό": "", "Κωδικός": "Δ90", "Όνομα": "Νέες θέσεις στάθμευσης", "Είδος": "Εκροών", "Μονάδα μέτρησης": "θέσεις",
           "Κατεύθυνση": "Όσο μεγαλύτερο τόσο καλύτερα", "Συνδέεται με": "1.1.1", "Τιμή βάσης": "0", "Έτος βάσης": "2023",
           "Στόχος 2026": "40", "Συχνότητα": "Ετήσια", "Υπεύθυνη υπηρεσία": UNIT, "Τιμές": ""}
    row.update(changes)
    return row


OFFICE_HEADER = ["Άξονας", "Μέτρο", "Στόχος", "Τίτλος Δράσης", "Αρμόδια Υπηρεσία", "Πηγή Χρηματοδότησης", "2025", "2026", "Έναρξη", "Λήξη"]


def office(**changes):
    row = {"Άξονας": "1. Περιβάλλον και Ποιότητα Ζωής", "Μέτρο": "1.1 Ύδρευση και αποχέτευση", "Στόχος": "1.1.1 Επάρκεια νερού",
           "Τίτλος Δράσης": "Αντικατάσταση δικτύου ύδρευσης", "Αρμόδια Υπηρεσία": UNIT, "Πηγή Χρηματοδότησης": "ΣΑΤΑ",
           "2025": "10.000,00", "2026": "", "Έναρξη": "01/03/2025", "Λήξη": "31/12/2025"}
    row.update(changes)
    return row


EXECUTION_HEADER = ["ΚΑΕ", "Περιγραφή", "Προϋπολογισθέντα", "Δεσμευθέντα", "Πληρωθέντα"]


def execution(**changes):
    row = {"ΚΑΕ": "25.7323.0011", "Περιγραφή": "Δίκτυο ύδρευσης", "Προϋπολογισθέντα": "1.000,00", "Δεσμευθέντα": "500,00", "Πληρωθέντα": "100,00"}
    row.update(changes)
    return row


def csv(header, rows, separator=";", encoding="utf-8-sig"):
    def cell(text):
        text = str(text)
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in (separator, '"', "\n")) else text
    lines = [separator.join(cell(h) for h in header)]
    for row in rows:
        lines.append(separator.join(cell(row.get(h, "")) for h in header) if isinstance(row, dict) else separator.join(cell(c) for c in row))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx(header, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Δράσεις"
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h, "") for h in header] if isinstance(row, dict) else row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


corpus = []


def case(name, importer, data, row, column, why):
    corpus.append((name, importer, data, {"importer": importer, "row": row, "column": column, "why": why}))


good = action(Τίτλος="Ανακατασκευή πεζοδρομίων Κιλελέρ")
# Orama's own actions file: each wrong in one cell of row 3 (row 2 is right).
case("a01-unknown-column.csv", "actions", csv(ACTION_HEADER + ["Κόστος 2"], [good, action()]), 1, "Κόστος 2", "a column no one knows")
case("a02-money-two-commas.csv", "actions", csv(ACTION_HEADER, [good, action(Κόστος="12,34,5")]), 3, "Κόστος", "not an amount")
case("a03-negative-cost.csv", "actions", csv(ACTION_HEADER, [good, action(Κόστος="-500,00")]), 3, "Κόστος", "negative money")
case("a04-cost-40-digits.csv", "actions", csv(ACTION_HEADER, [good, action(Κόστος="9" * 40)]), 3, "Κόστος", "a 40-digit amount")
case("a05-cost-nan.csv", "actions", csv(ACTION_HEADER, [good, action(Κόστος="NaN")]), 3, "Κόστος", "NaN")
case("a06-cost-int64-max.csv", "actions", csv(ACTION_HEADER, [good, action(Κόστος="9223372036854775807")]), 3, "Κόστος", "Int64.max cents would overflow")
case("a07-end-before-start.csv", "actions", csv(ACTION_HEADER, [good, action(Έναρξη="Γʹ τρίμ. 2026", Λήξη="Αʹ τρίμ. 2025")]), 3, "Λήξη", "ends before it starts")
case("a08-quarter-five.csv", "actions", csv(ACTION_HEADER, [good, action(Έναρξη="2025-Q5")]), 3, "Έναρξη", "a fifth quarter")
case("a09-unknown-objective.csv", "actions", csv(ACTION_HEADER, [good, action(Στόχος="9.9.9")]), 3, "Στόχος", "an objective that does not exist")
case("a10-unknown-unit.csv", "actions", csv(ACTION_HEADER, [good, action(**{"Υπεύθυνη υπηρεσία": "Υπηρεσία Διαστημικών Πτήσεων"})]), 3, "Υπεύθυνη υπηρεσία", "a service not in the organisation chart")
case("a11-title-too-long.csv", "actions", csv(ACTION_HEADER, [good, action(Τίτλος="Α" * 301)]), 3, "Τίτλος", "a title over 300 characters")
case("a12-priority-word.csv", "actions", csv(ACTION_HEADER, [good, action(Προτεραιότητα="Επείγουσα")]), 3, "Προτεραιότητα", "a priority not in the list")
case("a13-funding-year-outside.csv", "actions", csv(ACTION_HEADER, [good, action(Χρηματοδότηση="ΣΑΤΑ 2035: 1.000,00")]), 3, "Χρηματοδότηση", "funding in a year outside the period")
case("a14-funding-unknown-source.csv", "actions", csv(ACTION_HEADER, [good, action(Χρηματοδότηση="Λαχείο 2026: 1.000,00")]), 3, "Χρηματοδότηση", "a funding source that does not exist")
case("a15-weight-out-of-range.csv", "actions", csv(ACTION_HEADER, [good, action(Βάρος="5000")]), 3, "Βάρος", "a weight over 1000")
case("a16-repeated-row.csv", "actions", csv(ACTION_HEADER, [action(Κωδικός="1.1.1.01", Τίτλος="Α"), action(Κωδικός="1.1.1.01", Τίτλος="Β")]), 3, "Κωδικός", "the same action twice")
case("a17-row-too-long.csv", "actions", csv(ACTION_HEADER, [good, list(action().values()) + ["περισσευούμενο"]]), 3, "P", "a cell beyond the header")
case("a18-row-too-short.csv", "actions", csv(ACTION_HEADER, [good, list(action().values())[:5]]), 3, "Φύση", "a row cut short: five cells of fifteen, from «Φύση» on missing")
case("a19-new-without-title.csv", "actions", csv(ACTION_HEADER, [good, action(Τίτλος="")]), 3, "Τίτλος", "a new action without a title")
case("a20-unknown-locality.csv", "actions", csv(ACTION_HEADER, [good, action(Περιοχές="Ατλαντίδα")]), 3, "Περιοχές", "a place that does not exist")
case("a21-repeated-column.csv", "actions", csv(ACTION_HEADER + ["Κόστος"], [list(good.values()) + ["1,00"]]), 1, "Κόστος", "a column twice")
case("a22-header-only.csv", "actions", csv(ACTION_HEADER, []), 2, "A", "no data rows")
case("a23-damaged-utf8.csv", "actions", csv(ACTION_HEADER, [good]).replace("Ανακατασκευή".encode(), "Ανακατασκευή".encode()[:5] + b"\xff" + "Ανακατασκευή".encode()[6:]), 2, None, "one invalid byte in UTF-8 Greek")
case("a24-utf16.csv", "actions", csv(ACTION_HEADER, [good], encoding="utf-16"), 1, "A", "UTF-16, which Excel's «Unicode text» writes")
case("a25-not-a-spreadsheet.xlsx", "actions", b"PK\x03\x04" + b"\x00" * 200, 1, "A", "a ZIP header and nothing behind it")
case("a26-xlsx-money-two-commas.xlsx", "actions", xlsx(ACTION_HEADER, [good, action(Κόστος="12,34,5")]), 3, "Κόστος", "the same bad amount in XLSX")
case("a27-xlsx-negative-number.xlsx", "actions", xlsx(ACTION_HEADER, [good, action(Κόστος=-1000.5)]), 3, "Κόστος", "a negative number cell in XLSX")
# Orama's own indicators file.
case("i01-unknown-attachment.csv", "indicators", csv(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(**{"Συνδέεται με": "7.7"})]), 3, "Συνδέεται με", "a measure that does not exist")
case("i02-target-year-outside.csv", "indicators", csv(INDICATOR_HEADER + ["Στόχος 2040"], [indicator()]), 1, "Στόχος 2040", "a target year outside the period")
case("i03-percent-over-100.csv", "indicators", csv(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(**{"Μονάδα μέτρησης": "%", "Στόχος 2026": "150"})]), 3, "Στόχος 2026", "150 %")
case("i04-value-period-nine.csv", "indicators", csv(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(Τιμές="2025-Q9: 3")]), 3, "Τιμές", "a ninth quarter")
case("i05-baseline-words.csv", "indicators", csv(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(**{"Τιμή βάσης": "πολύ"})]), 3, "Τιμή βάσης", "a baseline in words")
case("i06-repeated-code.csv", "indicators", csv(INDICATOR_HEADER, [indicator(), indicator()]), 3, "Κωδικός", "the same indicator twice")
case("i08-negative-count.csv", "indicators", csv(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(**{"Τιμή βάσης": "-4"})]), 3, "Τιμή βάσης", "a negative baseline of a count")
case("i07-target-1e308.csv", "indicators", csv(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(**{"Στόχος 2026": "1e308"})]), 3, "Στόχος 2026", "a target of 1e308 as text")
case("i09-xlsx-target-1e300.xlsx", "indicators", xlsx(INDICATOR_HEADER, [indicator(Κωδικός="Δ91"), indicator(**{"Στόχος 2026": 1e300})]), 3, "Στόχος 2026", "a target of 1e300 as a number cell: past the 10¹⁵ bound")
# An office's own table, through the API's import.
case("o01-row-too-long.csv", "office", csv(OFFICE_HEADER, [office(), list(office().values()) + ["x", "y"]]), 3, "K", "cells beyond the header")
case("o02-money-words.csv", "office", csv(OFFICE_HEADER, [office(), office(**{"2025": "δέκα χιλιάδες"})]), 3, "2025", "an amount in words")
case("o03-negative-amount.csv", "office", csv(OFFICE_HEADER, [office(), office(**{"2026": "-100,00"})]), 3, "2026", "a negative amount")
case("o04-end-before-start.csv", "office", csv(OFFICE_HEADER, [office(), office(Έναρξη="01/01/2026", Λήξη="31/12/2025")]), 3, "Λήξη", "ends before it starts")
case("o05-date-words.csv", "office", csv(OFFICE_HEADER, [office(), office(Έναρξη="κάποτε")]), 3, "Έναρξη", "a date in words")
case("o06-title-too-long.xlsx", "office", xlsx(OFFICE_HEADER, [office(), office(**{"Τίτλος Δράσης": "Β" * 301})]), 3, "Τίτλος Δράσης", "a title over 300 characters")
case("o07-year-outside.csv", "office", csv(OFFICE_HEADER + ["2035"], [dict(office(), **{"2035": "1,00"})]), 1, "2035", "a year column outside the period")
case("o08-amount-huge.xlsx", "office", xlsx(OFFICE_HEADER, [office(), office(**{"2025": 1e300})]), 3, "2025", "an amount of 1e300 as a number cell")
# The budget execution file.
case("e01-amount-words.csv", "execution", csv(EXECUTION_HEADER, [execution(), execution(ΚΑΕ="10.6011", Δεσμευθέντα="abc")]), 3, "Δεσμευθέντα", "an amount in words")
case("e02-missing-column.csv", "execution", csv(EXECUTION_HEADER[:2] + EXECUTION_HEADER[3:], [execution()]), 1, "Προϋπολογισθέντα", "the budgeted column missing")
case("e03-amount-40-digits.csv", "execution", csv(EXECUTION_HEADER, [execution(), execution(ΚΑΕ="10.6011", Πληρωθέντα="9" * 40)]), 3, "Πληρωθέντα", "a 40-digit payment")

if __name__ == "__main__":
    for old in HERE.iterdir():
        if old.suffix in (".csv", ".xlsx") or old.name == "expected.json":
            old.unlink()
    expected = {}
    for name, importer, data, what in corpus:
        (HERE / name).write_bytes(data)
        expected[name] = what
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(corpus)} files")
