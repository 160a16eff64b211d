"""The workspace in a real browser: sign in as the printed admin, build a programme from
nothing, add a unit head, and check that the unit head cannot edit another unit's action;
then bring an office's own Excel table in through the import wizard and find its actions
in the Phase B DOCX (python-docx), printing the time of each step."""
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
import zoneinfo

import docx
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, LOG, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
AXE = open(sys.argv[4], encoding="utf-8").read() if len(sys.argv) > 4 else None
# The SMTP listener's log (the server sends the consultation's confirmations there) and the
# file whose number of days the server's clock runs ahead by (ORAMA_CLOCK_DAYS_FILE).
SMTP_LOG = sys.argv[5] if len(sys.argv) > 5 else None
CLOCK_FILE = sys.argv[6] if len(sys.argv) > 6 else None
shot_number = 0
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok     {what}")
    else:
        failed += 1
        print(f"FAILED {what}")


def shot(driver, name):
    global shot_number
    shot_number += 1
    driver.save_screenshot(f"{OUT}/{shot_number:02d}-{name}.png")


def field(driver, name):
    return driver.find_element(By.NAME, name)


def fill(driver, name, value):
    element = field(driver, name)
    element.clear()
    element.send_keys(value)


def wait_for_next_page(driver, action):
    """Runs `action` (a click that navigates) and waits until the next page has loaded:
    the marker set on the old page's window is gone and the new document is complete."""
    driver.execute_script("window.__oramaOldPage = true;")
    action()

    def loaded(d):
        try:
            return d.execute_script("return window.__oramaOldPage === undefined && document.readyState === 'complete';")
        except WebDriverException:
            return False  # the old document went away while we asked

    WebDriverWait(driver, 20).until(loaded)


def submit(driver):
    """Presses the form's main button and waits for the next page."""
    button = driver.find_element(By.CSS_SELECTOR, "main form button.primary")
    wait_for_next_page(driver, button.click)


def flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return found[0].text if found else ""


def sign_in(driver, email, password):
    driver.get(BASE + "/signin")
    fill(driver, "email", email)
    fill(driver, "password", password)
    shot(driver, "signin")
    submit(driver)


def accessible(driver, name):
    """axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it is."""
    if AXE is None:
        return
    driver.execute_script(AXE)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
           .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length + ' (' + v.nodes[0].target.join(' ') + ')')))
           .catch(e => done(['axe failed: ' + e]));
    """)
    check(not result, f"axe-core: {name} has no WCAG 2.1 A/AA violation {result if result else ''}")


def fits_phone(driver, name, wide_too=False):
    """At 390 px the page scrolls down, not sideways (wide tables scroll in their own box);
    axe-core at 390 px, and at 1366 px too when asked."""
    if wide_too:
        driver.set_window_size(1366, 1000)
        time.sleep(0.2)
        accessible(driver, name + " at 1366 px")
    driver.set_window_size(390, 1000)
    time.sleep(0.3)
    wide = driver.execute_script("return document.documentElement.scrollWidth;")
    shot(driver, name + "-390px")
    check(wide <= 392, f"{name} fits a 390 px phone ({wide} px wide)")
    accessible(driver, name + " at 390 px")
    driver.set_window_size(1280, 1600)


def office_table(driver):
    """The office's own XLSX (title rows, a two-row year header, merged axis cells, a totals
    row) into a new programme through the wizard, then the Phase B DOCX it makes."""
    table = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "office", "05-two-row-header.xlsx"))
    times = []
    started = time.monotonic()

    def step(name):
        nonlocal started
        now = time.monotonic()
        times.append((name, now - started))
        started = now

    def untimed(check_page, *arguments):
        """A check of the page that is not part of the user's step."""
        nonlocal started
        check_page(driver, *arguments)
        started = time.monotonic()

    driver.get(BASE + "/programmes/new")
    Select(field(driver, "organisation")).select_by_visible_text("Δήμος Κιλελέρ")
    fill(driver, "title", "Πρόγραμμα από τον πίνακα του γραφείου 2024–2028")
    fill(driver, "startYear", "2024")
    fill(driver, "endYear", "2028")
    submit(driver)
    programme_url = driver.current_url
    check("Το πρόγραμμα δημιουργήθηκε" in flash(driver), "an empty programme for the office's table")
    step("new programme")

    driver.get(programme_url + "/import")
    untimed(accessible, "the import page")
    driver.find_element(By.ID, "f-office-file").send_keys(table)
    shot(driver, "office-file")
    wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "#office-table button.primary").click)
    page = driver.page_source
    check("Βήμα 2 από 4" in page and "φύλλο «Δράσεις»" in page, "the file is read and the columns are proposed")
    step("file → columns")
    untimed(accessible, "the columns step")

    # One script call reads every select (Selenium's Select asks the browser once per option).
    pairs = driver.execute_script("return Array.from(document.querySelectorAll(\"select[name^='field-']\")).map(s => [s.value, s.name]);")
    proposed = {value: name for value, name in pairs}
    check(proposed.keys() >= {"axis", "measure", "objective", "title", "unit", "source", "year:2024", "year:2028", "total"},
          f"the proposal covers the tree, the title, the service, the source and the years ({len(pairs)} columns)")
    Select(field(driver, proposed["total"])).select_by_value("ignore")
    shot(driver, "office-columns")
    submit(driver)
    check("Βήμα 3 από 4" in driver.page_source, "one proposed column changed, on to the values")
    step("columns → values")
    untimed(accessible, "the values step")

    unknown = driver.find_element(By.XPATH, "//tr[th[contains(., 'Κέντρο Κοινότητας')]]//select")
    check(unknown.get_attribute("value") == "new", "an unknown service is proposed as a new record")
    social = driver.execute_script("return Array.from(arguments[0].options).filter(o => o.text.endsWith('(ΤΚΠ)')).map(o => o.value);", unknown)
    check(len(social) == 1, "the existing services are offered")
    Select(unknown).select_by_value(social[0])
    shot(driver, "office-values")
    submit(driver)
    step("values → preview")

    page = driver.page_source
    check("Θα εισαχθούν 11 δράσεις σε 4 άξονες" in page, "the preview shows the actions and the axes")
    check("Κέντρο Κοινότητας" not in driver.find_element(By.ID, "new-records").text, "the mapped service is not a new record")
    check("Παρατηρήσεις" in page, "the preview says what it noticed (the totals row set aside)")
    shot(driver, "office-preview")
    untimed(accessible, "the preview")
    untimed(fits_phone, "the preview")
    submit(driver)
    check("Εισαγωγή από «05-two-row-header.xlsx»: 11 δράσεις" in flash(driver), "the import lands every row")
    step("preview → import")

    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(programme_url + "/documents/phase-b?format=docx", headers={"Cookie": cookie})
    document = docx.Document(io.BytesIO(urllib.request.urlopen(request).read()))
    text = "\n".join([p.text for p in document.paragraphs] + [cell.text for t in document.tables for row in t.rows for cell in row.cells])
    titles = ["Αντικατάσταση εσωτερικού δικτύου ύδρευσης Μέλισσας", "Λειτουργία Κέντρου Κοινότητας", "Αποτύπωση κτιριακού αποθέματος"]
    check(all(t in text for t in titles), "the Phase B DOCX has the imported actions")
    step("Phase B DOCX")
    for name, seconds in times:
        print(f"time   {name}: {seconds:.2f} s".replace(".", ","))
    print(f"time   total: {sum(s for _, s in times):.2f} s".replace(".", ","))


def athens_day(offset=0):
    day = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Athens")).date() + datetime.timedelta(days=offset)
    return day.strftime("%d/%m/%Y")


def move_clock(days):
    with open(CLOCK_FILE, "w") as f:
        f.write(str(days))


def download(driver, url):
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie})).read()


def docx_tables(data, name):
    """The DOCX's tables as python-docx reads them; opened in LibreOffice too when it is installed."""
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        f.write(data)
    if shutil.which("soffice"):
        result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", OUT, path],
                                capture_output=True, timeout=180)
        pdf = path[:-5] + ".pdf"
        check(result.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 1000, f"LibreOffice opens {name} (converted to PDF)")
    else:
        print(f"note   LibreOffice is not installed here: {name} checked with python-docx only")
    return docx.Document(io.BytesIO(data)).tables


def record_decision(driver, url, body, act, number, date, ada=""):
    driver.get(url + "/decisions")
    Select(field(driver, "body")).select_by_value(body)
    Select(field(driver, "act")).select_by_value(act)
    fill(driver, "number", number)
    fill(driver, "date", date)
    fill(driver, "subject", f"Απόφαση {number} για το πρόγραμμα")
    fill(driver, "ada", ada)
    submit(driver)
    check(f"Καταχωρίστηκε η απόφαση {number}" in flash(driver), f"decision {number} is recorded")


def take_step(driver, url, name, shot_name):
    driver.get(url + "/path")
    shot(driver, shot_name)
    submit(driver)
    check("Καταχωρίστηκε" in flash(driver), f"the step «{name}» is taken ({flash(driver)[:90]})")


def walk_the_path(driver, url, start, password, tag, comment=True):
    """A programme from draft to published: the council's Phase A decision, the consultation
    (a citizen's comment confirmed through the e-mail, published and answered), its close, the
    committee's opinion and the council's Phase B decision, publication. `start` is the day
    (as days ahead of today) the walk begins on."""
    move_clock(start)
    record_decision(driver, url, "council", "phaseA", f"{150 + start}/2026", athens_day(start), "ΨΔ44ΩΕΝ-Ο7Ω")
    take_step(driver, url, "Αʹ Φάση", f"{tag}-path-phase-a")
    driver.get(url + "/path")
    fill(driver, "consultationStart", athens_day(start))
    fill(driver, "consultationEnd", athens_day(start + 7))
    shot(driver, f"{tag}-path-consultation")
    submit(driver)
    check("Σε διαβούλευση" in flash(driver), f"{tag}: the public consultation opens")

    if comment:
        driver.delete_all_cookies()
        driver.get(url + "/consultation")
        shot(driver, f"{tag}-consultation-public")
        accessible(driver, "the public consultation page")
        fits_phone(driver, "the public consultation page")
        Select(field(driver, "part")).select_by_index(2)
        fill(driver, "name", "Μαρία Παπαδοπούλου")
        fill(driver, "email", "maria@example.gr")
        fill(driver, "text", "Προτείνω να προστεθεί πεζόδρομος στην κεντρική πλατεία της Νίκαιας.")
        shot(driver, f"{tag}-consultation-comment")
        submit(driver)
        check("Σας στείλαμε e-mail" in flash(driver), "the citizen is told to confirm through the e-mail")
        check("πεζόδρομος" not in driver.page_source, "the unconfirmed comment is not shown publicly")
        link = None
        for _ in range(20):
            found = re.findall(r"(http://[^\s'\"]+/consultation/confirm/[A-Za-z0-9_-]+)", open(SMTP_LOG, encoding="utf-8", errors="replace").read())
            if found:
                link = found[-1]
                break
            time.sleep(0.5)
        check(link is not None, f"the SMTP listener received the confirmation e-mail ({link})")
        driver.get(link)
        shot(driver, f"{tag}-confirm")
        submit(driver)
        check("επιβεβαιώθηκε" in driver.page_source, "the citizen confirms the comment through the link")
        driver.get(url + "/consultation")
        check("πεζόδρομος" not in driver.page_source.split("comment-form")[0], "the confirmed comment waits for the office before it is shown")

        sign_in(driver, "admin@orama.local", password)
        driver.get(url + "/consultation/comments")
        Select(field(driver, "moderation")).select_by_value("published")
        fill(driver, "answer", "Η πρόταση προστέθηκε στη δράση της ανάπλασης της πλατείας.")
        Select(field(driver, "outcome")).select_by_value("accepted")
        shot(driver, f"{tag}-moderation")
        submit(driver)
        check("Αποθηκεύτηκε" in flash(driver), "the planner publishes and answers the comment")
        driver.delete_all_cookies()
        driver.get(url + "/consultation")
        page = driver.page_source
        check("πεζόδρομος" in page and "Η πρόταση προστέθηκε" in page and "maria@example.gr" not in page,
              "the public sees the comment with the answer, never the address")
        shot(driver, f"{tag}-consultation-answered")
        sign_in(driver, "admin@orama.local", password)

    # The consultation closes: nothing more is accepted.
    move_clock(start + 8)
    driver.delete_all_cookies()
    driver.get(url + "/consultation")
    check("Έληξε" in driver.page_source and not driver.find_elements(By.ID, "comment-form"), f"{tag}: after the last day the form is gone")
    sign_in(driver, "admin@orama.local", password)
    if comment:
        report = docx_tables(download(driver, url + "/consultation/report/docx"), f"{tag}-consultation-report.docx")
        check(len(report) == 2 and len(report[1].rows) == 2 and "πεζόδρομος" in report[1].rows[1].cells[3].text,
              f"python-docx finds the report's tables: outcomes and 1 comment with its answer ({[len(t.rows) for t in report]} rows)")
    record_decision(driver, url, "consultationCommittee", "committeeOpinion", f"{3 + start}/2026", athens_day(start + 8))
    record_decision(driver, url, "council", "phaseB", f"{170 + start}/2026", athens_day(start + 8), "Ω6Η2ΟΡΡ9-Β9Ω")
    take_step(driver, url, "Βʹ Φάση", f"{tag}-path-phase-b")
    take_step(driver, url, "Δημοσίευση", f"{tag}-path-publish")
    driver.get(url + "/path")
    shot(driver, f"{tag}-path-done")
    check("Δημοσιευμένο" in driver.page_source, f"{tag}: the programme is published")


def approval_path(driver, password, demo_url):
    """The whole path of issue 13 on the demo's revision in preparation, then a revision of it
    whose changes page lists exactly what was changed; each publication supersedes the
    version before."""
    driver.get(BASE + "/")
    wait_for_next_page(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "(σε προετοιμασία)").click)
    revision_url = driver.current_url
    # Out of order: publishing a draft is refused with the reason.
    driver.get(revision_url + "/path")
    check("Επόμενο βήμα" in driver.page_source, "the path page shows the next step")
    walk_the_path(driver, revision_url, 0, password, "v2")
    driver.get(demo_url + "/path")
    check("Αντικατεστάθη" in driver.page_source, "version 1 is marked superseded once its revision is published")
    shot(driver, "v1-superseded")

    # A revision of version 2: one action's title changed.
    driver.get(revision_url + "/path")
    submit(driver)
    check("Δημιουργήθηκε η αναθεώρηση" in flash(driver), "a new revision (version 3) is made")
    v3 = driver.current_url
    action = next(a for a in driver.find_elements(By.CSS_SELECTOR, "table.tree a")
                  if re.search(r"/actions/[0-9a-fA-F-]{36}$", a.get_attribute("href") or ""))
    old_title = action.text
    wait_for_next_page(driver, action.click)
    driver.get(driver.current_url + "/edit")
    fill(driver, "title", old_title + " και φωτισμός")
    submit(driver)
    driver.get(v3 + "/changes")
    shot(driver, "v3-changes")
    page = driver.page_source
    rows = driver.find_elements(By.CSS_SELECTOR, "table.changes tbody tr")
    check("0 νέες δράσεις, 0 διαγραφές, 0 μετακινήσεις, 1 τροποποίηση, 0 μεταβολές δεικτών" in page and len(rows) == 1
          and old_title + " και φωτισμός" in rows[0].text, f"the changes page lists exactly the one change ({len(rows)} rows)")
    fits_phone(driver, "the changes page")
    annex = docx_tables(download(driver, v3 + "/changes/docx"), "v3-changes-annex.docx")
    check(len(annex) == 4 and len(annex[0].rows) == 2 and old_title + " και φωτισμός" in annex[0].rows[1].cells[6].text,
          f"python-docx finds the annex's tables: 1 changed field, money by axis, source and year ({[len(t.rows) for t in annex]} rows)")
    walk_the_path(driver, v3, 16, password, "v3", comment=False)
    driver.get(revision_url + "/path")
    check("Αντικατεστάθη" in driver.page_source, "version 2 is superseded by version 3")
    driver.delete_all_cookies()
    for url, name in [(v3 + "/path", "the approval path"), (v3 + "/changes", "the changes page"), (v3 + "/decisions", "the decisions")]:
        driver.get(url)
        check(driver.find_elements(By.TAG_NAME, "h1") and "Αποσύνδεση" not in driver.page_source, f"{name} is public once published")
        accessible(driver, name + " (public)")
    sign_in(driver, "admin@orama.local", password)
    return v3


def every_page(driver, password, demo_url, v3):
    """Every page a visitor can reach, at 1366 and 390 px with axe-core, and every page of the
    workspace at 390 px: none scrolls sideways."""
    driver.delete_all_cookies()
    driver.get(demo_url)
    hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.CSS_SELECTOR, "main a")]
    action = next(h for h in hrefs if re.search(r"/actions/[0-9a-fA-F-]{36}$", h))
    unit = next(h for h in hrefs if "/units/" in h)
    indicator = next(h for h in hrefs if re.search(r"/indicators/[0-9a-fA-F-]{36}$", h))
    public = [(BASE + "/", "the home page"), (BASE + "/signin", "sign-in")] + [(demo_url + p, n) for p, n in [
        ("", "the programme page"), ("/strategy", "the strategic plan"), ("/path", "the approval path"), ("/decisions", "the decisions"),
        ("/dashboard", "the dashboard"), ("/documents", "the documents page"), ("/evaluation/2025", "the evaluation report"),
        ("/finance?by=axis", "finance by axis"), ("/finance?by=locality", "finance by locality"), ("/finance?by=source", "finance by source"),
        ("/finance?by=unit", "finance by unit"), ("/annual/2025", "the annual programme"), ("/schedule?by=axis", "the schedule"),
        ("/execution", "budget execution"), ("/priorities", "the priorities"), ("/whatif", "the what-if"), ("/search?q=νερό", "search")]] + [
        (action, "an action"), (indicator, "an indicator"), (unit, "a unit's action plan"), (v3 + "/changes", "a revision's changes"),
        (v3 + "/consultation", "a closed consultation")]
    # The citizens' portal of the municipality and what is planned in one of its villages.
    driver.get(demo_url)
    portal = next(a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "nav.subnav a") if "/municipalities/" in (a.get_attribute("href") or ""))
    driver.get(portal)
    check("Από τις" in driver.page_source and "δράσεις:" in driver.page_source, "the portal says the progress in words")
    village = next(a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ul.places a") if "Μέλισσας" in a.text)
    public += [(portal, "the citizens' portal"), (village, "what is planned in a village")]
    for url, name in public:
        driver.get(url)
        fits_phone(driver, name + " (public)", wide_too=True)
    sign_in(driver, "admin@orama.local", password)
    workspace = [demo_url + p for p in ["/checks", "/due", "/reporting", "/history", "/settings", "/import", "/import/office",
                                        "/actions/new", "/nodes/new?level=axis", "/consultation/comments"]] + [
        action + "/edit", action + "/history", action + "/progress", indicator + "/edit", indicator + "/values",
        BASE + "/admin/users", BASE + "/reference", BASE + "/overview", BASE + "/programmes/new", BASE + "/account/tokens"]
    for url in workspace:
        driver.get(url)
        fits_phone(driver, url.replace(BASE, "") + " (signed in)")


def main():
    password = None
    for _ in range(30):
        match = re.search(r"κωδικός: (\S+)", open(LOG, encoding="utf-8").read())
        if match:
            password = match.group(1)
            break
        time.sleep(1)
    check(password is not None, "the server printed a one-time admin password")

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--lang=el"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        sign_in(driver, "admin@orama.local", password)
        check("Αποσύνδεση" in driver.page_source, "the admin is signed in")
        shot(driver, "home")

        # The overview of the municipalities, as the server's administrator (like the ministry's analyst) sees it.
        driver.get(BASE + "/overview")
        page = driver.page_source
        check("Δήμος Κιλελέρ" in page and "Χρηματοδότηση ανά άξονα" in page and "Χρηματοδότηση ανά πηγή και έτος" in page,
              "the overview lists the municipality and its money by axis and by source")
        shot(driver, "overview")
        fits_phone(driver, "the overview")

        # A programme from nothing.
        driver.get(BASE + "/programmes/new")
        Select(field(driver, "organisation")).select_by_visible_text("Δήμος Κιλελέρ")
        fill(driver, "title", "Δοκιμαστικό Πρόγραμμα Selenium 2026–2030")
        fill(driver, "startYear", "2026")
        fill(driver, "endYear", "2030")
        shot(driver, "new-programme")
        submit(driver)
        check("Το πρόγραμμα δημιουργήθηκε" in flash(driver), "the programme is created")
        programme_url = driver.current_url
        shot(driver, "programme-empty")

        # A decision of the council, with its ΑΔΑ on Diavgeia and the signed PDF.
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Αποφάσεις").click)
        pdf = os.path.abspath(f"{OUT}/apofasi-45-2026.pdf")
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        Select(field(driver, "body")).select_by_value("council")
        fill(driver, "number", "45/2026")
        fill(driver, "date", "15/03/2026")
        fill(driver, "subject", "Έγκριση της Αʹ Φάσης του Επιχειρησιακού Προγράμματος")
        fill(driver, "ada", "ψδ44ωεν-ο7ω")
        field(driver, "file").send_keys(pdf)
        shot(driver, "decision-form")
        submit(driver)
        check("Καταχωρίστηκε η απόφαση 45/2026" in flash(driver), "the council's decision is recorded")
        page = driver.page_source
        check("ΨΔ44ΩΕΝ-Ο7Ω" in page and "diavgeia.gov.gr/decision/view/" in page and "PDF" in page,
              "the decision is listed with its ΑΔΑ linked to Diavgeia and its PDF")
        shot(driver, "decisions")
        fits_phone(driver, "the decisions page")
        driver.get(programme_url)

        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Νέος άξονας").click)
        fill(driver, "title", "Περιβάλλον και Ποιότητα Ζωής")
        shot(driver, "new-axis")
        submit(driver)
        check("1" in flash(driver), "axis 1 is added")

        wait_for_next_page(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "+ μέτρο").click)
        fill(driver, "title", "Ύδρευση")
        submit(driver)
        check("1.1" in flash(driver), "measure 1.1 is added")

        wait_for_next_page(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "+ στόχο").click)
        fill(driver, "title", "Καθαρό νερό σε κάθε οικισμό")
        submit(driver)
        check("1.1.1" in flash(driver), "objective 1.1.1 is added")
        shot(driver, "programme-tree")

        wait_for_next_page(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "+ δράση").click)
        fill(driver, "title", "Νέο δίκτυο ύδρευσης Κραννώνα")
        Select(field(driver, "responsibleUnit")).select_by_visible_text("ΤΜΚ · Τμήμα Μελετών και Κατασκευής Έργων")
        fill(driver, "cost", "150.000,00")
        grid = driver.find_element(By.ID, "funding-grid")
        rows = {row.find_element(By.TAG_NAME, "th").text: row for row in grid.find_elements(By.CSS_SELECTOR, "tbody tr")}
        rows["ΣΑΤΑ"].find_element(By.CSS_SELECTOR, "input[data-year='2026']").send_keys("100.000,00")
        rows["ΠΕΠ"].find_element(By.CSS_SELECTOR, "input[data-year='2027']").send_keys("50.000,00")
        grand = driver.find_element(By.CSS_SELECTOR, "#funding-grid .grand-total").text
        check(grand == "150.000,00", f"the funding grid totals live ({grand})")
        Select(field(driver, "scheduleStart")).select_by_value("2026-Q2")
        Select(field(driver, "scheduleEnd")).select_by_value("2027-Q3")
        fill(driver, "ms[0][date]", "30/09/2027")
        fill(driver, "ms[0][title]", "Περάτωση εργασιών")
        shot(driver, "new-action")
        submit(driver)
        check("1.1.1.01" in flash(driver), "action 1.1.1.01 is created")
        page = driver.page_source
        check("100.000,00" in page and "50.000,00" in page and "150.000,00" in page, "the action shows both funding lines and their total")
        check("Βʹ τρίμ. 2026 – Γʹ τρίμ. 2027" in page, "the action shows its quarter schedule")
        shot(driver, "action")

        driver.get(programme_url)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Νέος δείκτης").click)
        fill(driver, "code", "Δ1")
        fill(driver, "name", "Νοικοκυριά με συνεχή παροχή νερού")
        fill(driver, "unit", "%")
        fill(driver, "baseline", "80")
        fill(driver, "baselineYear", "2025")
        for year, value in [(2026, "84"), (2027, "88"), (2028, "92"), (2029, "95"), (2030, "98")]:
            fill(driver, f"target[{year}]", value)
        Select(field(driver, "responsibleUnit")).select_by_visible_text("ΤΜΚ · Τμήμα Μελετών και Κατασκευής Έργων")
        Select(field(driver, "attachTo")).select_by_visible_text("— Στόχος 1.1.1. Καθαρό νερό σε κάθε οικισμό")
        shot(driver, "new-indicator")
        submit(driver)
        check("Δ1" in flash(driver), "the indicator is created")
        check("Νοικοκυριά με συνεχή παροχή νερού" in driver.page_source and "98" in driver.page_source, "the indicator and its final target are listed")
        shot(driver, "programme-with-indicator")

        # A head of the social services, who must not touch technical services' actions.
        driver.get(BASE + "/admin/users")
        fill(driver, "email", "proistamenos@kileler.example.gr")
        fill(driver, "name", "Ελένη Παπαδοπούλου")
        Select(field(driver, "role")).select_by_value("unitHead")
        for box in driver.find_elements(By.CSS_SELECTOR, "input[name='units[]']"):
            label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text
            if label.startswith("ΤΚΠ ·"):
                box.click()
        shot(driver, "new-user")
        submit(driver)
        created = re.search(r"\(εμφανίζεται μόνο τώρα\): (\S+)", flash(driver))
        check(created is not None, "the unit head is created with a one-time password")
        shot(driver, "users")
        wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "header form button").click)

        sign_in(driver, "proistamenos@kileler.example.gr", created.group(1))
        check("Ελένη Παπαδοπούλου" in driver.page_source, "the unit head is signed in")
        driver.get(programme_url)
        shot(driver, "unit-head-programme")
        check(len(driver.find_elements(By.LINK_TEXT, "Επεξεργασία")) == 0, "the unit head sees no edit link on another unit's action")
        action_link = driver.find_element(By.LINK_TEXT, "Νέο δίκτυο ύδρευσης Κραννώνα").get_attribute("href")
        driver.get(action_link + "/edit")
        shot(driver, "unit-head-refused")
        check("Δεν έχετε δικαίωμα" in driver.page_source, "the unit head's edit of another unit's action is refused")

        driver.get(programme_url + "/search?q=" + "ΚΡΑΝΝΩΝΑ")
        shot(driver, "search")
        check("Νέο δίκτυο ύδρευσης Κραννώνα" in driver.page_source, "search finds the action whatever the accents and case")

        # Monitoring: the head of the social services reports on the published demo programme.
        driver.get(BASE + "/")
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Επιχειρησιακό Πρόγραμμα Δήμου Κιλελέρ 2024–2028").click)
        demo_url = driver.current_url
        # The published programme's pages on a phone: no page scrolls sideways, wide tables
        # scroll in their own labelled box, and axe-core finds nothing at 390 px.
        for path, name in [("", "the programme page"), ("/strategy", "the strategic plan"), ("/finance?by=axis", "finance"),
                           ("/annual/2025", "the annual programme"), ("/schedule?by=axis", "the schedule"),
                           ("/evaluation/2025", "the evaluation report"), ("/documents", "the documents page"),
                           ("/execution", "budget execution"), ("/priorities", "the priorities")]:
            driver.get(demo_url + path)
            fits_phone(driver, name)
        driver.get(demo_url)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Εκκρεμείς αναφορές").click)
        shot(driver, "unit-head-due")
        check("Εκκρεμείς αναφορές" in driver.title, "the unit head sees what is due from the unit")

        def delayed_count():
            driver.get(demo_url + "/dashboard")
            cells = driver.find_elements(By.XPATH, "//tr[td[contains(., 'Σε καθυστέρηση')]]/td[2]")
            return int(cells[0].text) if cells else 0

        before = delayed_count()
        shot(driver, "dashboard-before")
        driver.get(demo_url)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Λειτουργία Κέντρου Κοινότητας").click)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Καταχώριση προόδου").click)
        Select(field(driver, "status")).select_by_value("delayed")
        fill(driver, "physicalProgress", "70")
        fill(driver, "spent", "300.000,00")
        fill(driver, "comment", "Καθυστέρηση στην ανανέωση της σύμβασης προσωπικού")
        shot(driver, "progress-form")
        submit(driver)
        check("καταχωρίστηκε" in flash(driver), "the unit head records a progress update")

        driver.get(demo_url)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Ωφελούμενοι του Κέντρου Κοινότητας").click)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Καταχώριση τιμής").click)
        fill(driver, "value", "1.050")
        shot(driver, "value-form")
        submit(driver)
        check("καταχωρίστηκε" in flash(driver), "the unit head records an indicator value")

        after = delayed_count()
        shot(driver, "dashboard-after")
        check(after == before + 1, f"the dashboard counts the newly delayed action ({before} → {after})")
        driver.get(demo_url)
        wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Ωφελούμενοι του Κέντρου Κοινότητας").click)
        shot(driver, "indicator-page")
        check("1.050" in driver.page_source, "the indicator page shows the new value")

        # The planning service takes the actions out to Excel and back in: a dry run first, then the import.
        wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "header form button").click)
        sign_in(driver, "admin@orama.local", password)
        driver.get(demo_url + "/documents")
        shot(driver, "documents")
        check(len(driver.find_elements(By.PARTIAL_LINK_TEXT, "DOCX")) >= 4, "the documents page offers every document as DOCX")
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        request = urllib.request.Request(demo_url + "/export/actions.csv", headers={"Cookie": cookie})
        exported = urllib.request.urlopen(request).read().decode("utf-8-sig")
        lines = exported.split("\r\n")
        cells = lines[1].split(";")
        old_title = cells[3]
        cells[3] = old_title + " (αναθεώρηση)"
        lines[1] = ";".join(cells)
        edited = os.path.join(OUT, "actions-edited.csv")
        open(edited, "w", encoding="utf-8-sig", newline="").write("\r\n".join(lines))
        driver.get(demo_url + "/import")
        Select(field(driver, "kind")).select_by_value("actions")
        driver.find_element(By.ID, "f-file").send_keys(os.path.abspath(edited))
        wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "button[value='dry-run']").click)
        shot(driver, "import-dry-run")
        check("0 νέες εγγραφές, 1 ενημέρωση," in driver.page_source, "the dry run shows one action to update and saves nothing")
        driver.find_element(By.ID, "f-file").send_keys(os.path.abspath(edited))
        wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "button[value='apply']").click)
        shot(driver, "import-done")
        check("1 ενημέρωση," in flash(driver), "the import updates the action")
        driver.get(demo_url)
        check(old_title + " (αναθεώρηση)" in driver.page_source, "the programme shows the imported title")
        driver.get(demo_url + "/documents/phase-b?format=html")
        shot(driver, "phase-b-print")
        check("Βʹ Φάση" in driver.title, "the print version of Phase B opens in the browser")

        office_table(driver)
        if SMTP_LOG and CLOCK_FILE:
            v3 = approval_path(driver, password, demo_url)
            every_page(driver, password, demo_url, v3)
        else:
            check(False, "the approval path needs the SMTP listener's log and the clock file")
    finally:
        driver.quit()

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
