"""The workbench in real Chromium: paste, check, mark, reload, download, screenshot.

Uses Debian's /usr/bin/chromium through Playwright (never `playwright install`). A missing
browser is a failure, not a skip: CI installs it. Timings of the check are written to
tests/artifacts/browser_timings.json (reported, not asserted).
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
from playwright.sync_api import Page, expect, sync_playwright

from tests.fakeserver import FakeServer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARTICLE = ROOT.parent / "shared" / "eval" / "articles" / "00-presstv-iran-arms-embargo-2020.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
# Written on every run to the ignored artifacts folder; copy it to docs/screenshot.png (shown
# in the README) when the page changes.
SCREENSHOT = ROOT / "tests" / "artifacts" / "screenshot.png"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: The first "Resolution 2231" claim (c6), not the longer "United Nations Security Council ..."
TARGET = re.compile(r"resolution\s*Resolution 2231")
NOTE = "Matches S/RES/2231 <b>(2015)</b> & the DHL table"


def quiet_sources(fake: FakeServer) -> None:
    """Wikidata, GDELT and Fact Check answer "nothing found" (real empty payloads)."""
    fixtures = ROOT / "tests" / "fixtures"
    fake.route("/wikidata/api.php", (fixtures / "wikidata" / "search_empty.json").read_bytes())
    fake.route("/gdelt/", (fixtures / "gdelt" / "empty.json").read_bytes())
    fake.route("/factcheck/", (fixtures / "factcheck" / "empty.json").read_bytes())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
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
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(accept_downloads=True, viewport={"width": 1440, "height": 1150})
        yield page
        browser.close()


def wait_for_app_run(page: Page, initial_ms: int = 250) -> None:
    """Wait until the script has finished (Streamlit's own e2e helper does the same)."""
    page.wait_for_timeout(initial_ms)
    app = page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    app.wait_for(state="attached", timeout=30_000)
    idle = page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
    idle.wait_for(state="attached", timeout=60_000)


def panel(page: Page, text: str | re.Pattern[str]):
    """The verdict panel whose title shows `text` (panels are keyed "panel-<review>-<claim>")."""
    titled = page.locator("summary", has_text=text)
    return page.locator("[class*='st-key-panel-']").filter(has=titled).first


def test_check_mark_reload_download(app_url: str, page: Page, tmp_path: Path) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    page.goto(app_url)
    wait_for_app_run(page)
    name = page.get_by_label("Your name", exact=True)
    name.fill("Ann Reviewer")
    name.press("Enter")
    wait_for_app_run(page)

    page.get_by_label("Article text", exact=True).fill(article)
    # st.date_input is a segmented date field (year / month / day spin buttons): type digits.
    date_box = page.get_by_label("Publication date", exact=True)
    date_box.get_by_role("spinbutton").first.click()
    page.keyboard.type("20201018")
    expect(date_box).to_contain_text("2020/10/18")
    page.keyboard.press("Tab")
    page.get_by_label("Title", exact=True).fill("Russia to continue arms cooperation with Iran")
    page.get_by_label("Source (outlet)", exact=True).fill("Press TV")
    wait_for_app_run(page)

    # Click Check, then poll: claims on screen (progress list or panels), then every verdict.
    found = page.get_by_text(re.compile(r"Found \d+ claims"))
    panels = page.locator("[class*='st-key-panel-']")
    started = time.perf_counter()
    page.get_by_role("button", name="Check claims").click()
    t_claims = t_all = None
    while time.perf_counter() - started < 60:
        if t_claims is None and (found.count() or page.get_by_text("checking…").count()):
            t_claims = time.perf_counter() - started
        # Panels are drawn only once every verdict is stored (the progress list has none).
        idle = page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
        if idle.count() and panels.count() and not page.get_by_text("checking…").count():
            t_all = time.perf_counter() - started
            t_claims = t_claims or t_all
            break
        page.wait_for_timeout(20)
    assert t_all is not None, "the verdict panels never appeared"
    wait_for_app_run(page)
    expect(page.get_by_text("published 2020-10-18")).to_be_visible()
    target = panel(page, TARGET)
    expect(target).to_contain_text("Supported")
    assert panels.count() >= 20

    # Mark the claim Verified with a note (HTML in it must stay text everywhere).
    target.locator("summary").click()
    wait_for_app_run(page, 500)
    # The selectbox is a searchable combobox: typing opens its list of options.
    status = target.get_by_test_id("stSelectbox").locator("input")
    status.focus()
    status.fill("Verified")
    page.get_by_role("option", name="Verified", exact=True).click()
    wait_for_app_run(page)
    target = panel(page, TARGET)
    note = target.get_by_label("Note", exact=True)
    note.fill(NOTE)
    note.press("Control+Enter")
    wait_for_app_run(page)
    expect(target).to_contain_text("Last change")
    expect(target).to_contain_text("Ann Reviewer")
    assert "review=" in page.url and "reviewer=Ann" in page.url

    # A reload is a new session: the mark must come back from the store.
    page.reload()
    wait_for_app_run(page)
    target = panel(page, TARGET)
    expect(target.locator("summary")).to_contain_text("Verified")
    target.locator("summary").click()
    expect(target.get_by_label("Note", exact=True)).to_have_value(NOTE)
    expect(page.get_by_label("Your name", exact=True)).to_have_value("Ann Reviewer")

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.get_by_role("heading", name="Fact-checking workbench").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOT), full_page=False)

    # Downloads: the files hold the mark and the note, the HTML escapes it.
    files = {}
    for label in ("HTML", "CSV"):
        button = page.get_by_test_id("stDownloadButton").filter(has_text=label).locator("button")
        with page.expect_download() as info:
            button.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        files[label] = path
    assert files["HTML"].name.endswith(".html") and files["CSV"].name.endswith(".csv")
    html_text = files["HTML"].read_text(encoding="utf-8")
    assert "Verified" in html_text
    assert "&lt;b&gt;(2015)&lt;/b&gt; &amp; the DHL table" in html_text
    assert "<b>(2015)</b>" not in html_text
    rows = list(csv.DictReader(io.StringIO(files["CSV"].read_text(encoding="utf-8-sig"))))
    marked = [r for r in rows if r["status"] == "Verified"]
    assert len(marked) == 1 and marked[0]["note"] == NOTE
    assert marked[0]["reviewer"] == "Ann Reviewer"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    timings = {
        "article": ARTICLE.name,
        "claims": panels.count(),
        "click_to_claims_s": round(t_claims, 3),
        "click_to_all_verdicts_s": round(t_all, 3),
    }
    (ARTIFACTS / "browser_timings.json").write_text(json.dumps(timings, indent=2) + "\n")
    print("browser timings:", timings)
