"""The page with the team rules wired in, driven through AppTest.

Without an `[auth]` section in secrets.toml the workbench is the one-person tool it always was
(a typed name on every mark, every review listed); a save made over someone else's newer change
is refused through the page's own callbacks, and the page says whose change stopped it and
shows what is stored. (Signing in itself is the browser test's: tests/test_team_browser.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.config import Settings
from checks.models import ArticleMeta, Claim
from checks.store import ReviewStore
from tests.fakeserver import FakeServer
from tests.test_app import make_env, new_app, open_panel

TEXT = (
    "UNITED NATIONS (AP) - The Security Council voted 12-0 with 3 abstentions on Tuesday to "
    "extend the mission.\n"
)
FRAGMENT = "12-0 with 3 abstentions"


@pytest.fixture
def env(
    fake_server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    yield from make_env(fake_server, tmp_path, monkeypatch)


def _review(store: ReviewStore, title: str = "Mission extended") -> int:
    start = TEXT.index(FRAGMENT)
    claim = Claim("c1", "vote", start, start + len(FRAGMENT), FRAGMENT, TEXT)
    return store.create_review(TEXT, ArticleMeta(title=title), [claim], created_by="Ann")


def test_without_auth_the_page_is_the_one_person_tool(env: Settings) -> None:
    store = ReviewStore.from_settings(env)
    first, second = _review(store), _review(store, "Another desk's story")
    at = new_app({"reviewer": "Ann", "review": str(first)})
    assert not at.exception
    labels = [b.label for b in at.button]
    assert "Sign in" not in labels and "Sign out" not in labels
    assert at.text_input(key="reviewer").value == "Ann"  # the typed name, as before
    reviews = " ".join(b.label for b in at.button)
    assert "Mission extended" in reviews and "Another desk" in reviews  # no team filter
    open_panel(at, first, "c1")
    at.selectbox(key=f"status:{first}:c1").set_value("Verified").run()
    assert not at.exception
    mark = store.load(first).marks["c1"]
    assert (mark.status, mark.reviewer) == ("Verified", "Ann")
    assert store.load(first).owner == "" and store.load(second).team == ""

    at.text_area(key=f"note:{first}:c1").input("Two sources agree").run()
    assert store.load(first).marks["c1"].note == "Two sources agree"  # her own save: no conflict
    assert not at.warning

    ben = new_app({"reviewer": "Ben", "review": str(first)})
    open_panel(ben, first, "c1")
    ben.selectbox(key=f"status:{first}:c1").set_value("False").run()
    assert store.load(first).marks["c1"].reviewer == "Ben"  # whoever typed their name

    missing = new_app({"review": "999"})
    assert any("Review #999 does not exist" in e.value for e in missing.error)


def test_a_stale_status_is_refused_and_the_stored_one_shown(env: Settings) -> None:
    store = ReviewStore.from_settings(env)
    rid = _review(store)
    at = new_app({"reviewer": "Ann", "review": str(rid)})
    open_panel(at, rid, "c1")  # Ann's page has the claim at version 0
    store.set_mark(rid, "c1", status="False", note="Vote was 13-0", reviewer="Ben")

    at.selectbox(key=f"status:{rid}:c1").set_value("Verified").run()
    assert not at.exception
    mark = store.load(rid).marks["c1"]
    assert (mark.status, mark.note, mark.reviewer) == ("False", "Vote was 13-0", "Ben")
    told = " ".join(w.value for w in at.warning)
    assert "Not saved" in told and "Ben changed claim c1" in told and "'False'" in told
    assert at.selectbox(key=f"status:{rid}:c1").value == "False"  # what is stored, not Ann's
    assert at.text_area(key=f"note:{rid}:c1").value == "Vote was 13-0"
    conflicts = [h for h in store.history(rid) if h["outcome"] == "conflict"]
    assert [(h["who"], h["new_value"]) for h in conflicts] == [("Ann", "Verified")]

    # Having seen Ben's change, Ann can now save over it.
    at.selectbox(key=f"status:{rid}:c1").set_value("Verified").run()
    assert store.load(rid).marks["c1"].status == "Verified"
    at.session_state["history_open"] = True
    history = at.run().dataframe[0].value
    assert any("(not saved: conflict)" in change for change in history["change"])


def test_a_stale_note_is_refused_through_the_page(env: Settings) -> None:
    store = ReviewStore.from_settings(env)
    rid = _review(store)
    at = new_app({"reviewer": "Ann", "review": str(rid)})
    open_panel(at, rid, "c1")
    store.set_mark(rid, "c1", note="Checked with the UN press office", reviewer="Ben")
    at.text_area(key=f"note:{rid}:c1").input("Wrong tally").run()
    assert not at.exception
    assert store.load(rid).marks["c1"].note == "Checked with the UN press office"
    assert any("Ben changed claim c1" in w.value for w in at.warning)
    assert at.text_area(key=f"note:{rid}:c1").value == "Checked with the UN press office"
