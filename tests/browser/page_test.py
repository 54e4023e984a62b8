#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The search page in a real browser: Debian's chromium, headless, driven by
Selenium through chromium-driver, against dateline-serve on the sample
archive (data/sample) plus one hostile article. Each check prints "ok" or
"FAILED" with what it saw; the exit status is the number of failures.

Usage: tests/browser/page_test.py BUILD_DIR [--screenshot FILE]
(--screenshot: a picture of the results page, for docs/)."""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import unquote_plus

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
failures = 0


def check(name, ok, saw=""):
    global failures
    print(("ok      " if ok else "FAILED  ") + name + ("" if ok else "  (saw: " + str(saw) + ")"), flush=True)
    failures += 0 if ok else 1


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_database(build, work):
    hostile = os.path.join(work, "hostile.jsonl")
    with open(hostile, "w", encoding="utf-8") as f:
        f.write(json.dumps({"title": HOSTILE_TITLE, "outlet": "Test Wire", "date": "2024-03-01",
                            "url": "https://example.org/hostile",
                            "text": "A harbour story whose title is markup. " * 5}) + "\n")
    db = os.path.join(work, "db")
    subprocess.run([os.path.join(build, "indexer", "dateline-index"), "rebuild", "-q", "--db", db,
                    "--manifest", "data/sample/manifest.jsonl", "data/sample/articles", hostile], check=True)
    return db


def start_server(build, db):
    port = free_port()
    server = subprocess.Popen([os.path.join(build, "searcher", "dateline-serve"), "--db", db,
                               "--listen", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/api/health", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("dateline-serve did not answer on " + base)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def total(driver):
    """The count the summary line shows ("1,234 articles · 1–10")."""
    text = driver.find_element(By.CSS_SELECTOR, "#results .summary").text
    return int(text.split(" ")[0].replace(",", ""))


def wait_for(driver, condition, what):
    # The page replaces its results when an answer comes: an element found
    # a moment before may be gone when read. That is not yet, so try again.
    try:
        return WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: condition(d))
    except TimeoutException:
        return None


def summary_changes(driver, before):
    return wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#results .summary")
                    and d.find_element(By.CSS_SELECTOR, "#results .summary").text != before, "a new summary")


def run(driver, base, screenshot):
    if screenshot:
        driver.get(base + "/?q=strike")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#facets .facet"), "facets")
        driver.save_screenshot(screenshot)
    driver.get(base + "/")
    # Keyboard: "/" goes to the box, Enter searches.
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    box = driver.switch_to.active_element
    check("'/' puts the cursor in the search box", box.get_attribute("id") == "q", box.get_attribute("id"))
    box.send_keys("harbour", Keys.ENTER)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"), "hits")
    hits = driver.find_elements(By.CSS_SELECTOR, ".hit")
    marks = driver.find_elements(By.CSS_SELECTOR, ".hit mark")
    check("a query shows hits", len(hits) > 0, len(hits))
    check("the snippets mark the matched words", any(m.text.lower().startswith("harbour") for m in marks),
          [m.text for m in marks][:5])
    check("the address holds the query", "q=harbour" in driver.current_url, driver.current_url)
    all_harbour = total(driver)

    # A person facet narrows the query and the counts.
    people = driver.find_elements(By.CSS_SELECTOR, "#facets .facet a.entry")
    person = next((a for a in people if "person:" in unquote_plus(a.get_attribute("href"))), None)
    check("a person facet is shown", person is not None, [a.text for a in people][:5])
    if person is not None:
        count = int(person.find_element(By.CSS_SELECTOR, ".count").text)
        before = driver.find_element(By.CSS_SELECTOR, "#results .summary").text
        person.click()
        summary_changes(driver, before)
        q = driver.find_element(By.ID, "q").get_attribute("value")
        check("clicking a person adds it to the query", "person:" in q, q)
        check("the total narrows to the person's count", total(driver) == count, (total(driver), count))
        filters = driver.find_elements(By.CSS_SELECTOR, ".filters a.filter")
        check("the filter shows and can be taken out", len(filters) == 1, len(filters))
        if filters:
            before = driver.find_element(By.CSS_SELECTOR, "#results .summary").text
            filters[0].click()
            summary_changes(driver, before)
            check("taking the filter out widens again", total(driver) == all_harbour, (total(driver), all_harbour))

    # A date bar narrows to its period.
    bars = driver.find_elements(By.CSS_SELECTOR, "#facets .bars button")
    check("the date facet is drawn as bars", len(bars) > 1, len(bars))
    if bars:
        before = driver.find_element(By.CSS_SELECTOR, "#results .summary").text
        bars[0].click()
        summary_changes(driver, before)
        q = driver.find_element(By.ID, "q").get_attribute("value")
        check("clicking a date bar narrows to its period", "date:" in q and total(driver) < all_harbour,
              (q, total(driver)))
        driver.back()
        wait_for(driver, lambda d: "date%3A" not in d.current_url and "date:" not in d.current_url, "back")
        summary_changes(driver, before)

    # Paging: a broad query, then the next page.
    driver.get(base + "/?q=the")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"), "hits")
    first_page = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".hit h2")]
    nexts = driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=next]")
    check("a query with more than ten hits has a next page", len(nexts) == 1 and total(driver) > 10, total(driver))
    if nexts:
        before = driver.find_element(By.CSS_SELECTOR, "#results .summary").text
        nexts[0].click()
        summary_changes(driver, before)
        second_page = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".hit h2")]
        check("the next page shows other hits", second_page and not set(second_page) & set(first_page), second_page)
        check("the address holds the page", "offset=10" in driver.current_url, driver.current_url)

    # An article, by keyboard: Tab to the first hit's title, Enter.
    driver.get(base + "/?q=Haddad")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit h2 a"), "hits")
    first = driver.find_element(By.CSS_SELECTOR, ".hit h2 a")
    title = first.text
    for _ in range(12):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element == first:
            break
    check("Tab reaches the first hit's title", driver.switch_to.active_element == first,
          driver.switch_to.active_element.text)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "article.full"), "the article")
    shown = driver.find_elements(By.CSS_SELECTOR, "#results h2")
    check("the article opens with its title", shown and shown[0].text == title, [s.text for s in shown])
    check("the article shows its text", len(driver.find_element(By.CSS_SELECTOR, "article.full").text) > 100, "")
    entity_links = driver.find_elements(By.CSS_SELECTOR, ".entities a")
    check("the article's entities are links", len(entity_links) > 0, len(entity_links))
    driver.back()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"), "hits again")
    check("back returns to the results", len(driver.find_elements(By.CSS_SELECTOR, ".hit")) > 0
          and "q=Haddad" in driver.current_url and "article=" not in driver.current_url, driver.current_url)
    if entity_links:
        driver.forward()
        link = wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".entities a"), "entities")
        name = link[0].text
        link[0].click()
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"), "hits")
        q = driver.find_element(By.ID, "q").get_attribute("value")
        check("an entity link searches for it", ":" in q and name.split(" ")[-1] in q, q)

    # The hostile article: its title is text, no script ran.
    driver.get(base + "/?q=markup")
    found = wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit h2 a"), "the hostile hit")
    try:
        driver.switch_to.alert.dismiss()
        alerted = True
    except NoAlertPresentException:
        alerted = False
    check("a title of markup shows as text", bool(found) and found[0].text == HOSTILE_TITLE,
          found[0].text if found else None)
    check("no script in an article runs", not alerted and not driver.find_elements(By.CSS_SELECTOR, "#results img"),
          "an alert" if alerted else "an img element")

    # A phone-width window: nothing wider than the screen.
    driver.set_window_size(390, 844)
    driver.get(base + "/?q=harbour")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"), "hits")
    widths = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check("a phone-width window needs no sideways scrolling", widths[0] <= widths[1], widths)
    facets_below = driver.execute_script(
        "return document.getElementById('facets').getBoundingClientRect().top >="
        " document.getElementById('results').getBoundingClientRect().bottom - 1")
    check("on a phone the facets come below the hits", facets_below, facets_below)

    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"] if hasattr(driver, "get_log") else []
    check("the browser logged no errors (CSP, script)", not errors, [e.get("message") for e in errors][:3])


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    build = sys.argv[1]
    screenshot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
    with tempfile.TemporaryDirectory() as work:
        db = build_database(build, work)
        server, base = start_server(build, db)
        driver = None
        try:
            driver = browser()
            run(driver, base, screenshot)
        finally:
            if driver is not None:
                driver.quit()
            server.terminate()
            server.wait(timeout=10)
    print(f"browser test: {failures} failed")
    return min(failures, 100)


if __name__ == "__main__":
    sys.exit(main())
