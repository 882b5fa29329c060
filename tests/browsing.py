"""What the two browser tests share: Debian's Chromium, and waiting on a Streamlit page."""

from __future__ import annotations

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright never downloads a browser here
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


def wait_for_app_run(page: Page, initial_ms: int = 250) -> None:
    """Wait until the script has finished (Streamlit's own e2e helper does the same)."""
    page.wait_for_timeout(initial_ms)
    app = page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    app.wait_for(state="attached", timeout=30_000)
    idle = page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
    idle.wait_for(state="attached", timeout=60_000)


def type_status(page: Page, panel_box, value: str):
    """Type `value` into a panel's status box and return its option (not yet clicked). A
    panel redrawn just then can swallow the typing (no option list opens): type again, up to
    three times."""
    option = page.get_by_role("option", name=value, exact=True)
    for attempt in range(3):
        wait_for_app_run(page)
        status = panel_box.get_by_test_id("stSelectbox").locator("input")
        status.focus()
        status.fill(value)
        try:
            option.wait_for(timeout=5_000)
            return option
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    return option
