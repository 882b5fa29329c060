"""Sign-in for a team in real Chromium: a local OpenID Connect provider (oidc-provider-mock on
127.0.0.1), Streamlit's st.login, the workbench page itself (app.py, with ui/signin.py wired in)
and the store on one live PostgreSQL database shared by TWO app processes on two ports (each
with its own redirect_uri; the mock provider accepts any redirect_uri for its client). Ann
works on process one and Ben on process two, in separate browser profiles: each sees the
other's mark after a reload, and Ben's edit from a page drawn before Ann's newer save is
refused with Ann's change shown (both in the audit trail). A member of another team cannot
open the review; someone outside every team is refused. Debian's /usr/bin/chromium through
Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from checks.store import ReviewStore
from tests.browsing import ARGS, CHROMIUM, type_status, wait_for_app_run
from tests.servers import free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
USERS = {
    "ann": ("Ann Lee", "ann@example.org"),
    "ben": ("Ben Okoro", "ben@example.org"),
    "dana": ("Dana Ruiz", "dana@data.example.org"),
    "eve": ("Eve Stone", "eve@elsewhere.example.com"),
}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    import oidc_provider_mock as mock  # in requirements-dev.txt: missing is a failure

    users = [
        mock.User(sub=sub, claims={"email": email, "email_verified": True, "name": name})
        for sub, (name, email) in USERS.items()
    ]
    with mock.run_server_in_thread(port=free_port(), user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def sign_in(browser: Browser, app_url: str, sub: str, path: str = "") -> Page:
    """A fresh browser profile signs in as `sub` at the provider's page, then opens `path`."""
    page = browser.new_context().new_page()
    page.goto(app_url + path)
    wait_for_app_run(page)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=sub, exact=True).click()  # the provider's user button
    page.wait_for_url(f"{app_url}/**", timeout=30_000)
    wait_for_app_run(page)
    if path:
        page.goto(app_url + path)
        wait_for_app_run(page)
    return page


TEXT = (
    "UNITED NATIONS (AP) - The Security Council voted 12-0 with 3 abstentions on Tuesday "
    "to extend the peacekeeping mission in Mali for another year.\n"
)


def _start_app(
    folder: Path, port: int, provider: str, store_url: str, env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], object]:
    """`streamlit run app.py` in `folder` (its own secrets: [auth] with this port's
    redirect_uri, the shared store and teams); returns once /_stcore/health answers."""
    app_url = f"http://localhost:{port}"
    (folder / ".streamlit").mkdir(parents=True)
    (folder / ".streamlit" / "secrets.toml").write_text(
        f'CHECKS_STORE_URL = "{store_url}"\n'
        'CHECKS_TEAMS = "desk: example.org; data: data.example.org"\n'
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        'cookie_secret = "test-cookie-secret-0123456789abcdef0123456789"\n'
        'client_id = "workbench"\n'
        'client_secret = "workbench-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    log = (folder / "streamlit.log").open("w")
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]
    cmd += ["--server.headless", "true", "--server.port", str(port)]
    cmd += ["--server.address", "localhost", "--browser.gatherUsageStats", "false"]
    cmd += ["--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 40
    while True:
        try:
            with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return proc, log
        except OSError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            log.flush()
            _stop(proc, log)
            pytest.fail("streamlit did not start:\n" + (folder / "streamlit.log").read_text())
        time.sleep(0.2)


def _stop(proc: subprocess.Popen[bytes], log: object) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def served_app(
    provider: str, pg_server: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, str]]:
    """Two processes of the workbench itself (app.py) on two ports, one PostgreSQL database,
    the same [auth] and teams; their sources on one fake server."""
    from tests.fakeserver import FakeServer
    from tests.test_app import quiet_sources

    tmp = tmp_path_factory.mktemp("team_app")
    store_url = pg_server.create_database("team_app")  # type: ignore[attr-defined]
    with FakeServer() as fake:
        quiet_sources(fake)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKS_")}
        env |= fake.settings_env() | {
            "CHECKS_CACHE_PATH": str(tmp / "http.sqlite"),
            "CHECKS_READ_TIMEOUT": "2",
            "CHECKS_EXTRACT_SECONDS": "180",  # a loaded test machine is no pathological paste
        }
        started = []
        try:
            urls = []
            for name in ("one", "two"):
                port = free_port()
                started.append(_start_app(tmp / name, port, provider, store_url, env))
                urls.append(f"http://localhost:{port}")
            yield urls[0], urls[1], store_url
        finally:
            for proc, log in started:
                _stop(proc, log)
            from checks.store.engine import engine_for

            engine_for(store_url).dispose()


def _first_panel(page: Page):
    return page.locator("[class*='st-key-panel-']").first


def _set_status(page: Page, value: str) -> None:
    """Pick `value` in the first claim's status box (typing retried if a redraw swallows it)."""
    type_status(page, _first_panel(page), value).click()
    wait_for_app_run(page)


def _open_first(page: Page) -> None:
    """Open the first claim's panel (a reload draws it closed)."""
    target = _first_panel(page)
    target.wait_for(timeout=60_000)
    box = target.get_by_role("combobox", name="Review status")
    if not (box.count() and box.first.is_visible()):
        target.locator("summary").click()
        wait_for_app_run(page)
    expect(target.get_by_role("combobox", name="Review status")).to_be_visible()


def _reload(page: Page) -> None:
    page.reload()
    wait_for_app_run(page)
    _open_first(page)


def test_two_processes_share_marks_and_refuse_a_stale_one(
    browser: Browser, served_app: tuple[str, str, str]
) -> None:
    one, two, store_url = served_app
    anonymous = browser.new_context().new_page()
    anonymous.goto(one)
    wait_for_app_run(anonymous)
    expect(anonymous.get_by_role("button", name="Sign in")).to_be_visible()
    expect(anonymous.get_by_label("Article text", exact=True)).to_have_count(0)

    # Ann works on process one, Ben on process two (two browser profiles, two ports).
    ann = sign_in(browser, one, "ann")
    expect(ann.get_by_text("Signed in as Ann Lee <ann@example.org>")).to_be_visible()
    expect(ann.get_by_label("Your name", exact=True)).to_have_count(0)  # the identity instead
    ann.get_by_label("Article text", exact=True).fill(TEXT)
    ann.get_by_label("Title", exact=True).fill("Mali mission vote")
    wait_for_app_run(ann)
    ann.get_by_role("button", name="Check claims").click()
    _first_panel(ann).wait_for(timeout=120_000)
    wait_for_app_run(ann)
    assert "review=1" in ann.url

    ben = sign_in(browser, two, "ben", "/?review=1")
    assert ben.url.startswith(two)
    expect(ben.get_by_text("Signed in as Ben Okoro <ben@example.org>")).to_be_visible()
    expect(ben.get_by_role("heading", name="Mali mission vote")).to_be_visible()
    expect(ben.get_by_role("button", name=re.compile("Mali mission vote"))).to_be_visible()
    _open_first(ben)
    expect(_first_panel(ben).get_by_role("combobox", name="Review status")).not_to_have_value(
        "Verified"
    )

    # Each process shows the other's marks after a reload.
    _open_first(ann)
    _set_status(ann, "Verified")
    expect(_first_panel(ann).locator("summary")).to_contain_text("Verified")
    _reload(ben)
    expect(_first_panel(ben).locator("summary")).to_contain_text("Verified")
    expect(_first_panel(ben).get_by_role("combobox", name="Review status")).to_have_value(
        "Verified"
    )
    _set_status(ben, "Misleading")
    expect(_first_panel(ben).locator("summary")).to_contain_text("Misleading")
    _reload(ann)
    expect(_first_panel(ann).locator("summary")).to_contain_text("Misleading")

    # Ann saves on process one after Ben's page was drawn: Ben's edit there is refused and
    # Ann's change is shown on process two.
    _set_status(ann, "Verified")
    expect(_first_panel(ann).locator("summary")).to_contain_text("Verified")
    _set_status(ben, "False")
    refused = re.compile(r"Not saved: Ann Lee\W+ann@example\.org\W+changed claim")
    expect(_first_panel(ben).get_by_text(refused)).to_be_visible()
    stored = _first_panel(ben).get_by_role("combobox", name="Review status")
    expect(stored).to_have_value("Verified")  # what is stored, not Ben's refused choice

    dana = sign_in(browser, two, "dana", "/?review=1")
    expect(dana.get_by_text("does not exist or is not shared with your team")).to_be_visible()
    expect(dana.get_by_text("Mali mission vote")).to_have_count(0)  # nor in her list

    eve = sign_in(browser, one, "eve", "/?review=1")
    expect(eve.get_by_text("is not in any team of this workbench")).to_be_visible()
    expect(eve.get_by_text("Mali mission vote")).to_have_count(0)

    store = ReviewStore(store_url)
    rows = [
        (r["who"], r["field"], r["new_value"], r["outcome"])
        for r in store.history(1)
        if r["field"] in ("review", "status")
    ]
    assert rows == [
        ("Ann Lee <ann@example.org>", "review", "Mali mission vote", "saved"),
        ("Ann Lee <ann@example.org>", "status", "Verified", "saved"),
        ("Ben Okoro <ben@example.org>", "status", "Misleading", "saved"),
        ("Ann Lee <ann@example.org>", "status", "Verified", "saved"),
        ("Ben Okoro <ben@example.org>", "status", "False", "conflict"),
    ]
    assert store.review_access(1) == ("ann@example.org", "desk")
