"""Sign-in for a team in real Chromium: a local OpenID Connect provider (oidc-provider-mock on
127.0.0.1), Streamlit's st.login, the workbench page itself (app.py, with ui/signin.py wired in)
and the store on a live PostgreSQL. Two members of the desk sign in and work on one review
(identities in the audit trail, a stale mark refused and the stored one shown); a member of
another team cannot open it; someone outside every team is refused. Debian's
/usr/bin/chromium through Playwright (never `playwright install`).
"""

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
from tests.servers import free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
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


def wait_for_app_run(page: Page, initial_ms: int = 250) -> None:
    page.wait_for_timeout(initial_ms)
    app = page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    app.wait_for(state="attached", timeout=30_000)
    idle = page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
    idle.wait_for(state="attached", timeout=60_000)


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


@pytest.fixture(scope="module")
def served_app(
    provider: str, pg_server: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The workbench itself (app.py) with [auth] and teams, its sources on a fake server."""
    from tests.fakeserver import FakeServer
    from tests.test_app import quiet_sources

    tmp = tmp_path_factory.mktemp("team_app")
    store_url = pg_server.create_database("team_app")  # type: ignore[attr-defined]
    port = free_port()
    app_url = f"http://localhost:{port}"
    (tmp / ".streamlit").mkdir()
    (tmp / ".streamlit" / "secrets.toml").write_text(
        f'CHECKS_STORE_URL = "{store_url}"\n'
        'CHECKS_TEAMS = "desk: example.org; data: data.example.org"\n'
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        'cookie_secret = "test-cookie-secret-0123456789abcdef0123456789"\n'
        'client_id = "workbench"\n'
        'client_secret = "workbench-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    with FakeServer() as fake:
        quiet_sources(fake)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKS_")}
        env |= fake.settings_env() | {
            "CHECKS_CACHE_PATH": str(tmp / "http.sqlite"),
            "CHECKS_READ_TIMEOUT": "2",
            "CHECKS_EXTRACT_SECONDS": "180",  # a loaded test machine is no pathological paste
        }
        log = (tmp / "streamlit.log").open("w")
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]
        cmd += ["--server.headless", "true", "--server.port", str(port)]
        cmd += ["--server.address", "localhost", "--browser.gatherUsageStats", "false"]
        cmd += ["--server.fileWatcherType", "none"]
        proc = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 40
            while True:
                try:
                    with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=1) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline or proc.poll() is not None:
                    log.flush()
                    pytest.fail("streamlit did not start:\n" + (tmp / "streamlit.log").read_text())
                time.sleep(0.2)
            yield app_url, store_url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
            from checks.store.engine import engine_for

            engine_for(store_url).dispose()


def _first_panel(page: Page):
    return page.locator("[class*='st-key-panel-']").first


def _set_status(page: Page, value: str) -> None:
    target = _first_panel(page)
    status = target.get_by_test_id("stSelectbox").locator("input")
    status.focus()
    status.fill(value)
    page.get_by_role("option", name=value, exact=True).click()
    wait_for_app_run(page)


def test_the_workbench_page_signs_in_and_refuses_a_stale_mark(
    browser: Browser, served_app: tuple[str, str]
) -> None:
    app_url, store_url = served_app
    anonymous = browser.new_context().new_page()
    anonymous.goto(app_url)
    wait_for_app_run(anonymous)
    expect(anonymous.get_by_role("button", name="Sign in")).to_be_visible()
    expect(anonymous.get_by_label("Article text", exact=True)).to_have_count(0)

    ann = sign_in(browser, app_url, "ann")
    expect(ann.get_by_text("Signed in as Ann Lee <ann@example.org>")).to_be_visible()
    expect(ann.get_by_label("Your name", exact=True)).to_have_count(0)  # the identity instead
    ann.get_by_label("Article text", exact=True).fill(TEXT)
    ann.get_by_label("Title", exact=True).fill("Mali mission vote")
    wait_for_app_run(ann)
    ann.get_by_role("button", name="Check claims").click()
    _first_panel(ann).wait_for(timeout=120_000)
    wait_for_app_run(ann)
    assert "review=1" in ann.url

    ben = sign_in(browser, app_url, "ben", "/?review=1")
    expect(ben.get_by_role("heading", name="Mali mission vote")).to_be_visible()
    expect(ben.get_by_role("button", name=re.compile("Mali mission vote"))).to_be_visible()
    for page in (ann, ben):  # both have the claim open at the same version
        _first_panel(page).locator("summary").click()
        wait_for_app_run(page)
    _set_status(ann, "Verified")
    expect(_first_panel(ann).locator("summary")).to_contain_text("Verified")
    _set_status(ben, "False")
    refused = re.compile(r"Not saved: Ann Lee\W+ann@example\.org\W+changed claim")
    expect(_first_panel(ben).get_by_text(refused)).to_be_visible()
    stored = _first_panel(ben).get_by_role("combobox", name="Review status")
    expect(stored).to_have_value("Verified")  # what is stored, not Ben's refused choice

    dana = sign_in(browser, app_url, "dana", "/?review=1")
    expect(dana.get_by_text("does not exist or is not shared with your team")).to_be_visible()
    expect(dana.get_by_text("Mali mission vote")).to_have_count(0)  # nor in her list

    eve = sign_in(browser, app_url, "eve", "/?review=1")
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
        ("Ben Okoro <ben@example.org>", "status", "False", "conflict"),
    ]
    assert store.review_access(1) == ("ann@example.org", "desk")
