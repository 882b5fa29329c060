"""The workbench in real Chromium, walked as a fact-checker would.

Upload and check; "New article" by paste (the old file is gone); edit the publication date after
the check; mark a claim with a note and download at once (the note is in the file); reload with
a note still in its box (kept); a 62-claim check during which another review is opened (the
check finishes); a phone-width page (the first claim before any chart). Uses Debian's
/usr/bin/chromium through Playwright (never `playwright install`); a missing browser is a
failure, not a skip. Timings are written to tests/artifacts/browser_timings.json and printed
(reported, not asserted).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from checks.reports import RATING_VALUES, validate_claimreview
from tests.browsing import ARGS, CHROMIUM, type_status, wait_for_app_run
from tests.fakeserver import FakeServer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "eval" / "articles"
ARTICLE = ARTICLES / "00-presstv-iran-arms-embargo-2020.txt"
SECOND = ARTICLES / "01-press-un-iran-arms-embargo-vote-2020.txt"
#: Three articles in one (57 claims), none checked before in this run, so nothing is cached.
LONG = [
    ARTICLES / "e1-20-deccanchronicle-afp-crimea-veto-2014.txt",
    ARTICLES / "e2-08-aleppo-veto-2016-abc.txt",
    ARTICLES / "e2-19-mali-sanctions-veto-republicworld.txt",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
# Written on every run to the ignored artifacts folder; copy it to docs/screenshot.png (shown
# in the README) when the page changes.
SCREENSHOT = ROOT / "tests" / "artifacts" / "screenshot.png"
#: A supported resolution claim ("United Nations Security Council Resolution 2231").
TARGET = re.compile(r"Supported\s*resolution\s*United Nations Security Council Resolution 2231")
NOTE = "Matches S/RES/2231 <b>(2015)</b> & the DHL table"
LATE_NOTE = "Typed, then the page was reloaded without leaving the box"
#: Base URL of the fact-check pages, so each ClaimReview has its required `url`.
PUBLISHER_URL = "https://factcheck.example.org/reviews"
TIMINGS: dict[str, object] = {}


def quiet_sources(fake: FakeServer) -> None:
    """Wikidata, Wikipedia, GDELT and Fact Check answer "nothing found" (real empty payloads)."""
    fixtures = ROOT / "tests" / "fixtures"
    fake.route("/wikidata/api.php", (fixtures / "wikidata" / "search_empty.json").read_bytes())
    fake.route("/gdelt/", (fixtures / "gdelt" / "empty.json").read_bytes())
    fake.route("/factcheck/", (fixtures / "factcheck" / "empty.json").read_bytes())
    fake.route("/wikipedia/api.php", (fixtures / "wikipedia" / "search_nothing.json").read_bytes())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, FakeServer, Path]]:
    """`streamlit run app.py` on a free port, its sources pointed at a fake server."""
    tmp = tmp_path_factory.mktemp("browser")
    port = _free_port()
    with FakeServer() as fake:
        quiet_sources(fake)
        env = {
            **os.environ,
            **fake.settings_env(),
            "CHECKS_STORE_URL": f"sqlite:///{tmp / 'reviews.sqlite'}",
            "CHECKS_CACHE_PATH": str(tmp / "http.sqlite"),
            "CHECKS_READ_TIMEOUT": "2",
            "CHECKS_UI_TIMINGS": str(tmp / "ui_timings.jsonl"),
            "CHECKS_EXTRACT_SECONDS": "180",  # a loaded test machine is no pathological paste
            "CHECKS_PUBLISHER_URL": PUBLISHER_URL,
        }
        log = (tmp / "streamlit.log").open("w")
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
        cmd += ["--server.port", str(port), "--server.address", "127.0.0.1"]
        cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline or proc.poll() is not None:
                    log.flush()
                    pytest.fail("streamlit did not start:\n" + (tmp / "streamlit.log").read_text())
                time.sleep(0.2)
            yield url, fake, tmp / "ui_timings.jsonl"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(accept_downloads=True, viewport={"width": 1440, "height": 1150})
    yield page
    page.close()


def panel(page: Page, text: str | re.Pattern[str]):
    """The verdict panel whose title shows `text` (panels are keyed "panel-<review>-<claim>")."""
    titled = page.locator("summary", has_text=text)
    return page.locator("[class*='st-key-panel-']").filter(has=titled).first


@pytest.fixture(scope="module")
def app_url(served: tuple[str, FakeServer, Path]) -> str:
    return served[0]


IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
RUNNING = "[data-testid='stApp'][data-test-script-state='running']"


def server_seconds(log: Path, since: float) -> float:
    """Server time spent after `since` (wall clock): full runs plus callbacks, or else the
    fragment runs and callbacks (a full run's fragments are inside its own figure)."""
    if not log.exists():
        return 0.0
    rows = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r["at"] >= since]
    pages = [r for r in rows if r["part"] == "page"]
    callbacks = [r for r in rows if r["part"].startswith("on_")]
    parts = pages + callbacks if pages else rows
    return sum(r["seconds"] for r in parts)


def timed(page: Page, log: Path, name: str, action, result) -> None:
    """Record an interaction: browser time from the action to its visible `result`, and the
    server time the interaction cost (from the app's timing log)."""
    page.wait_for_timeout(300)  # let earlier runs finish and log
    since = time.time()
    started = time.perf_counter()
    action()
    expect(result).to_be_visible(timeout=30_000)
    browser = time.perf_counter() - started
    wait_for_app_run(page, 300)
    TIMINGS[name] = {
        "browser_s": round(browser, 3),
        "server_s": round(server_seconds(log, since), 3),
    }


def wait_for_check(page: Page, timeout: float = 120) -> float:
    """Wait until the background check has ended and the page shows its verdicts."""
    started = time.perf_counter()
    bar = page.get_by_test_id("stProgress")
    panels = page.locator("[class*='st-key-panel-']")
    while time.perf_counter() - started < timeout:
        if page.locator(IDLE).count() and panels.count() and not bar.count():
            return time.perf_counter() - started
        page.wait_for_timeout(50)
    raise AssertionError("the check never finished on the page")


def set_date(page: Page, label: str, digits: str, scope=None) -> None:
    """st.date_input is a segmented field (year / month / day spin buttons): type each part
    into its own segment, and try again if a busy page dropped a keystroke."""
    box = (scope or page).get_by_label(label, exact=True)
    want = f"{digits[:4]}/{digits[4:6]}/{digits[6:]}"
    for _ in range(3):
        for i, part in enumerate((digits[:4], digits[4:6], digits[6:])):
            box.get_by_role("spinbutton").nth(i).click()
            page.keyboard.type(part, delay=80)
        if want in box.inner_text():
            break
    expect(box).to_contain_text(want)
    page.keyboard.press("Tab")


@pytest.mark.needs_shared
def test_upload_then_new_article_by_paste(app_url: str, page: Page) -> None:
    page.goto(app_url)
    wait_for_app_run(page)
    name = page.get_by_label("Your name", exact=True)
    name.fill("Ann Reviewer")
    name.press("Enter")
    wait_for_app_run(page)

    # Upload: the paste box is not there, so it is clear which input is checked.
    page.get_by_text("Upload a file", exact=True).click()
    wait_for_app_run(page)
    expect(page.get_by_label("Article text", exact=True)).to_have_count(0)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "presstv.txt", "mimeType": "text/plain", "buffer": ARTICLE.read_bytes()}]
    )
    wait_for_app_run(page)
    expect(page.get_by_text("This file will be checked")).to_be_visible()
    set_date(page, "Publication date", "20201018")
    page.get_by_label("Title", exact=True).fill("Russia to continue arms cooperation with Iran")
    page.get_by_label("Source (outlet)", exact=True).fill("Press TV")
    wait_for_app_run(page)
    started = time.perf_counter()
    page.get_by_role("button", name="Check claims").click()
    page.get_by_test_id("stProgress").or_(page.locator("[class*='st-key-panel-']")).first.wait_for(
        timeout=60_000
    )
    TIMINGS["click_to_claims_s"] = round(time.perf_counter() - started, 3)
    wait_for_check(page)
    TIMINGS["click_to_all_verdicts_s"] = round(time.perf_counter() - started, 3)
    expect(page.get_by_text("published 2020-10-18")).to_be_visible()
    expect(panel(page, TARGET)).to_be_visible()
    # After the check, the keyboard focus is on the first claim.
    page.wait_for_function(
        "() => !!document.activeElement && !!document.activeElement.closest(\"[class*='st-key-panel-']\")",
        timeout=10_000,
    )

    # "New article": the form is empty and in paste mode; the uploaded file is gone.
    page.get_by_role("button", name="New article").click()
    wait_for_app_run(page)
    expect(page.locator("summary", has_text="Edit article details")).to_have_count(0)
    expect(page.get_by_label("Article text", exact=True)).to_have_value("")
    expect(page.get_by_label("Title", exact=True)).to_have_value("")
    expect(page.get_by_test_id("stFileUploaderDropzoneInput")).to_have_count(0)
    page.get_by_label("Article text", exact=True).fill(SECOND.read_text(encoding="utf-8"))
    page.get_by_label("Title", exact=True).fill("Council rejects US arms embargo text")
    wait_for_app_run(page)
    page.get_by_role("button", name="Check claims").click()
    wait_for_check(page)
    expect(page.get_by_role("heading", name="Council rejects US arms embargo text")).to_be_visible()
    view = page.locator(".article-view")
    expect(view).to_contain_text(SECOND.read_text(encoding="utf-8").split()[0])
    expect(view).not_to_contain_text("Ryabkov")  # a sentence of the uploaded file


@pytest.mark.needs_shared
def test_edit_the_date_after_a_check(page: Page) -> None:
    page.locator("summary", has_text="Edit article details").click()
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Save details"))
    expect(form.get_by_role("button", name="Save details")).to_be_visible()
    set_date(page, "Publication date", "20200815", scope=form)
    expect(form.get_by_label("Publication date", exact=True)).to_contain_text("2020/08/15")
    form.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Publication date set to 2020-08-15")).to_be_visible(timeout=20_000)
    wait_for_check(page)
    expect(page.get_by_text("published 2020-08-15")).to_be_visible()
    expect(page.get_by_text("No publication date")).to_have_count(0)


@pytest.mark.needs_shared
def test_mark_with_note_download_at_once_and_reload(
    served: tuple[str, FakeServer, Path], page: Page, tmp_path: Path
) -> None:
    log = served[2]
    page.get_by_role("button", name=re.compile(r"^Russia to continue arms cooperation")).click()
    wait_for_app_run(page)
    target = panel(page, TARGET)
    note = target.get_by_label("Note", exact=True)
    timed(page, log, "open_panel", lambda: target.locator("summary").click(), note)
    option = type_status(page, target, "Verified")
    marked = panel(page, TARGET).locator("summary").filter(has_text="Verified")
    timed(page, log, "mark_status", option.click, marked)
    target = panel(page, TARGET)
    expect(target.locator("summary")).to_contain_text("Verified")
    note = target.get_by_label("Note", exact=True)
    note.fill(NOTE)  # no blur, no Ctrl+Enter: the download click is what leaves the box
    button = page.get_by_test_id("stDownloadButton").filter(has_text="CSV").locator("button")
    with page.expect_download() as info:
        button.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    marked = [r for r in rows if r["status"] == "Verified"]
    assert len(marked) == 1 and marked[0]["note"] == NOTE, "the first report lacks the note"
    assert marked[0]["reviewer"] == "Ann Reviewer"
    wait_for_app_run(page)

    # A note still in its box when the page is reloaded is kept.
    target = panel(page, TARGET)
    note = target.get_by_label("Note", exact=True)
    note.fill(LATE_NOTE)
    page.reload()
    wait_for_app_run(page)
    target = panel(page, TARGET)
    expect(target.locator("summary")).to_contain_text("Verified")
    target.locator("summary").click()
    expect(target.get_by_label("Note", exact=True)).to_have_value(LATE_NOTE)
    expect(page.get_by_label("Your name", exact=True)).to_have_value("Ann Reviewer")

    files = {}
    for label in ("HTML", "ClaimReview"):
        button = page.get_by_test_id("stDownloadButton").filter(has_text=label).locator("button")
        with page.expect_download() as info:
            button.click()
        files[label] = tmp_path / info.value.suggested_filename
        info.value.save_as(files[label])
    html_text = files["HTML"].read_text(encoding="utf-8")
    assert "Verified" in html_text and "reloaded without leaving the box" in html_text

    # ClaimReview validated: the downloaded JSON-LD passes the offline schema check, and the
    # one marked claim is rated as the reviewer marked it, on the publisher's review page.
    docs = json.loads(files["ClaimReview"].read_text(encoding="utf-8"))
    assert isinstance(docs, list) and len(docs) == 1, docs  # only the marked claim is published
    for doc in docs:
        errors = [f for f in validate_claimreview(doc) if f.level == "error"]
        assert errors == [], errors
    doc = docs[0]
    assert doc["reviewRating"]["alternateName"] == "Verified"
    assert doc["reviewRating"]["ratingValue"] == RATING_VALUES["Verified"]
    assert "2231" in doc["claimReviewed"]
    assert doc["url"].startswith(PUBLISHER_URL + "?review=")
    assert doc["author"]["name"] == "Ann Reviewer"


@pytest.mark.needs_shared
def test_long_review_check_survives_opening_another(
    served: tuple[str, FakeServer, Path], page: Page
) -> None:
    _, fake, log = served
    page.get_by_role("button", name="New article").click()
    wait_for_app_run(page)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in LONG)
    expect(page.locator("summary", has_text="Edit article details")).to_have_count(0)
    box = page.get_by_label("Article text", exact=True)
    expect(box).to_have_value("")
    box.fill(text)
    set_date(page, "Publication date", "20201018")
    page.get_by_label("Title", exact=True).fill("Three articles on vetoes")
    wait_for_app_run(page)
    fake.delay = 0.15  # slow sources: the check takes long enough to leave it
    try:
        page.get_by_role("button", name="Check claims").click()
        bar = page.get_by_test_id("stProgress")
        bar.wait_for(timeout=60_000)
        # The label and the bar say the same thing (read together, in one go).
        label, now = bar.evaluate(
            "e => [e.innerText, e.querySelector('[role=progressbar]').getAttribute('aria-valuenow')]"
        )
        m = re.search(r"(\d+) of (\d+) claims checked", label)
        assert m, label
        done, total = int(m.group(1)), int(m.group(2))
        assert abs(float(now) - 100 * done / total) <= 1, (label, now)
        # The sidebar lists the review being checked.
        sidebar = page.get_by_test_id("stSidebar")
        expect(
            sidebar.get_by_role("button", name=re.compile("Three articles.*checking"))
        ).to_be_visible()
        # Open another review in the middle of the check, then come back.
        long_url = page.url
        sidebar.get_by_role("button", name=re.compile(r"Council rejects US arms")).click()
        expect(
            page.get_by_role("heading", name="Council rejects US arms embargo text")
        ).to_be_visible()
        page.wait_for_timeout(500)
        sidebar.get_by_role("button", name=re.compile(r"Three articles")).click()
        expect(page.get_by_role("heading", name="Three articles on vetoes")).to_be_visible()
        assert page.url.split("review=")[1] == long_url.split("review=")[1]
    finally:
        fake.delay = 0.0
    wait_for_check(page, timeout=180)
    expect(page.get_by_role("heading", name="Three articles on vetoes")).to_be_visible()
    expect(page.locator(".article-view")).to_contain_text("Mali")  # the text pasted here
    expect(page.get_by_text(re.compile(r"have no verdict yet"))).to_have_count(0)
    panels = page.locator("[class*='st-key-panel-']")
    TIMINGS["long_review_claims"] = panels.count()
    alerts = page.get_by_test_id("stAlert").all_inner_texts()
    assert panels.count() >= 50, (panels.count(), alerts)

    # Quick clicks on a 62-claim review: each redraws a part of the page, not all of it.
    total = panels.count()
    first = panels.first
    note = first.get_by_label("Note", exact=True)
    timed(page, log, "long_open_panel", lambda: first.locator("summary").click(), note)
    option = type_status(page, first, "Verified")
    marked = first.locator("summary").filter(has_text="Verified")
    timed(page, log, "long_mark_status", option.click, marked)
    note = first.get_by_label("Note", exact=True)
    note.fill("checked against the DHL table")
    saved = first.get_by_text(re.compile("note edited by"))
    timed(page, log, "long_note", lambda: note.press("Control+Enter"), saved)
    box = page.locator(".st-key-filters").get_by_test_id("stMultiSelect").nth(1).locator("input")
    box.click()
    box.fill("Supported")
    option = page.get_by_role("option", name="Supported", exact=True)
    fewer = page.get_by_text(re.compile(rf"Showing (?!{total} of)\d+ of {total} claims"))
    timed(page, log, "long_filter", option.click, fewer)
    page.keyboard.press("Escape")
    # The selected filter chip is readable (dark text on a light tint, full word).
    chip = page.locator(".st-key-filters [data-tag]").first
    expect(chip).to_contain_text("Supported")
    text = chip.locator("span").first
    colour = text.evaluate("e => getComputedStyle(e).color")
    background = chip.evaluate("e => getComputedStyle(e).backgroundColor")
    assert (colour, background) == ("rgb(26, 26, 26)", "rgb(232, 238, 245)")
    assert text.evaluate("e => e.scrollWidth <= e.clientWidth")  # the word is not cut short
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.get_by_role("heading", name="Fact-checking workbench").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOT), full_page=False)


@pytest.mark.needs_shared
def test_phone_width_puts_the_first_claim_before_any_chart(
    app_url: str, browser: Browser, page: Page
) -> None:
    phone = browser.new_page(viewport={"width": 400, "height": 860})
    try:
        phone.goto(page.url)
        wait_for_app_run(phone)
        first = phone.locator("[class*='st-key-panel-']").first
        first.wait_for()
        charts = phone.get_by_test_id("stVegaLiteChart")
        assert not any(charts.nth(i).is_visible() for i in range(charts.count()))
        first.scroll_into_view_if_needed()
        expect(phone.get_by_text(re.compile(r"Showing \d+ of \d+ claims"))).to_be_visible()
        phone.wait_for_timeout(800)
        phone.screenshot(path=str(ARTIFACTS / "screenshot-400px.png"), full_page=False)
    finally:
        phone.close()


def test_write_timings() -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "browser_timings.json").write_text(json.dumps(TIMINGS, indent=2) + "\n")
    print("browser timings (seconds, click to end of the run, measured in the browser):")
    print(json.dumps(TIMINGS, indent=2))
