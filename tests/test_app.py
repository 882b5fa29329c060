"""The app driven through Streamlit's AppTest, with every source on a local fake server.

Covers the main flow (paste, date, check, panels, mark, note, reopen with ?review=ID), the
corrections (add, dismiss, check again), the sidebar (rename, delete), every download's bytes,
and the refusals (empty, too long, binary upload) and warnings (HTML).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from checks.config import Settings
from checks.store import ReviewStore
from tests.fakeserver import FakeServer

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
ARTICLE = ROOT.parent / "shared" / "eval" / "articles" / "00-presstv-iran-arms-embargo-2020.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def quiet_sources(fake: FakeServer) -> None:
    """Wikidata, Wikipedia, GDELT and Fact Check answer "nothing found" (real empty payloads)."""
    fake.route("/wikidata/api.php", (FIXTURES / "wikidata" / "search_empty.json").read_bytes())
    fake.route("/gdelt/", (FIXTURES / "gdelt" / "empty.json").read_bytes())
    fake.route("/factcheck/", (FIXTURES / "factcheck" / "empty.json").read_bytes())
    fake.route("/wikipedia/api.php", (FIXTURES / "wikipedia" / "search_nothing.json").read_bytes())


def make_env(
    fake_server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    """Sources on the fake server, store and cache in tmp_path, fresh app resources."""
    quiet_sources(fake_server)
    values = {
        **fake_server.settings_env(),
        "CHECKS_STORE_URL": f"sqlite:///{tmp_path / 'reviews.sqlite'}",
        "CHECKS_CACHE_PATH": str(tmp_path / "http.sqlite"),
        "CHECKS_READ_TIMEOUT": "2",
        "CHECKS_RETRIES": "1",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    st.cache_resource.clear()  # settings and store are per process; each test has its own
    yield Settings.from_mapping(values)
    st.cache_resource.clear()


@pytest.fixture
def env(
    fake_server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    yield from make_env(fake_server, tmp_path, monkeypatch)


def settle(at: AppTest) -> AppTest:
    """Wait for the background check to finish, then redraw (as the progress bar does)."""
    from ui.resources import get_jobs

    assert get_jobs().wait_all(60), "the background check did not finish"
    at.run()
    return at.run()


def open_panel(at: AppTest, rid: int, cid: str) -> AppTest:
    """Open a claim's panel (its body is drawn only while open)."""
    at.session_state[f"panel-{rid}-{cid}"] = True
    at.session_state[f"open:{rid}:{cid}"] = True  # what the toggle callback records
    return at.run()


def new_app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def check_article(
    text: str, when: date | None = date(2020, 10, 18), *, wait: bool = True
) -> AppTest:
    at = new_app({"reviewer": "Ann"})
    assert not at.exception
    at.text_area(key="article_text").input(text)
    if when is not None:
        at.date_input(key="article_date").set_value(when)
    at.text_input(key="article_title").input("Russia to continue arms cooperation with Iran")
    at.button(key="check").click().run()
    assert not at.exception
    return settle(at) if wait else at


@pytest.fixture
def checked(env: Settings) -> AppTest:
    return check_article(ARTICLE.read_text(encoding="utf-8"))


def supported_resolution(bundle) -> str:
    """A resolution claim the records support (which one depends on the rules of the day)."""
    return next(
        c.id
        for c in bundle.claims
        if c.type == "resolution" and bundle.verdicts[c.id].label == "supported"
    )


def review_id(at: AppTest) -> int:
    value = at.query_params["review"]
    return int(value[0] if isinstance(value, list) else value)


@pytest.mark.needs_shared
def test_check_shows_claims_verdicts_and_summary(checked: AppTest, env: Settings) -> None:
    at = checked
    rid = review_id(at)
    bundle = ReviewStore.from_settings(env).load(rid)
    n = len(bundle.claims)
    assert n >= 20 and set(bundle.verdicts) == {c.id for c in bundle.claims}
    assert bundle.meta.date == "2020-10-18"
    cid = supported_resolution(bundle)
    titles = [e.label for e in at.expander]
    assert any("Supported" in t and "Resolution 2231" in t for t in titles)
    assert sum(1 for t in titles if "-badge[" in t) == n
    assert [m.value for m in at.metric][:2] == [str(n), str(n)]
    assert not at.get("vega_lite_chart")  # charts folded away, not even built
    at.session_state["charts_open"] = True
    assert len(at.run().get("vega_lite_chart")) == 2
    article = next(m.value for m in at.markdown if "article-view" in m.value)
    assert article.count("<mark") >= 20 and "Resolution 2231</mark>" in article
    assert not any(s.key == f"status:{rid}:{cid}" for s in at.selectbox)  # closed: no body
    open_panel(at, rid, cid)
    assert at.selectbox(key=f"status:{rid}:{cid}").value == "Unreviewed"
    # "Not found" says plainly that it is not "false" (it is no alarm).
    missing = next(k for k, v in bundle.verdicts.items() if v.label == "not_found")
    open_panel(at, rid, missing)
    assert any("not evidence that the claim is false" in c.value for c in at.caption)


@pytest.mark.needs_shared
def test_mark_and_note_are_saved_and_reopen(checked: AppTest, env: Settings) -> None:
    at = checked
    rid = review_id(at)
    cid = supported_resolution(ReviewStore.from_settings(env).load(rid))
    open_panel(at, rid, cid)
    at.selectbox(key=f"status:{rid}:{cid}").set_value("Verified").run()
    at.text_area(key=f"note:{rid}:{cid}").input("Matches <b>S/RES/2231</b>").run()
    assert not at.exception
    mark = ReviewStore.from_settings(env).load(rid).marks[cid]
    assert (mark.status, mark.note, mark.reviewer) == (
        "Verified",
        "Matches <b>S/RES/2231</b>",
        "Ann",
    )
    assert any("note edited by Ann" in m.value for m in at.markdown)

    again = new_app({"review": str(rid)})  # a reload, or a server restart: a new session
    assert not again.exception
    open_panel(again, rid, cid)
    assert again.selectbox(key=f"status:{rid}:{cid}").value == "Verified"
    assert again.text_area(key=f"note:{rid}:{cid}").value == "Matches <b>S/RES/2231</b>"
    assert any("Verified" in e.label for e in again.expander)
    again.session_state["history_open"] = True
    again.run()
    history = again.dataframe[0].value
    assert {"status", "note"} <= set(history["change"])


@pytest.mark.needs_shared
def test_filters_hide_and_show_panels(checked: AppTest, env: Settings) -> None:
    at = checked
    bundle = ReviewStore.from_settings(env).load(review_id(at))
    resolutions = sum(1 for c in bundle.claims if c.type == "resolution")
    supported = sum(1 for v in bundle.verdicts.values() if v.label == "supported")
    at.multiselect(key="f_types").set_value(["resolution"]).run()
    titles = [e.label for e in at.expander if "-badge[" in e.label]
    assert len(titles) == resolutions >= 2 and all("`resolution`" in t for t in titles)
    at.multiselect(key="f_types").set_value([]).run()
    at.multiselect(key="f_verdicts").set_value(["supported"]).run()
    titles = [e.label for e in at.expander if "-badge[" in e.label]
    assert len(titles) == supported >= 1 and all("[Supported]" in t for t in titles)


@pytest.mark.needs_shared
def test_add_dismiss_and_check_again(
    checked: AppTest, env: Settings, fake_server: FakeServer
) -> None:
    at = checked
    rid = review_id(at)
    at.text_input(key="add_text").input("Resolution 2231")
    at.selectbox(key="add_type").set_value("resolution")
    at.number_input(key="add_occurrence").set_value(1)
    at.button[[b.label for b in at.button].index("Add and check")].click().run()
    settle(at)
    assert not at.exception
    store = ReviewStore.from_settings(env)
    bundle = store.load(rid)
    added = next(c for c in bundle.claims if c.origin == "reviewer")
    assert added.id == "r1" and added.value.get("number") == 2231
    twin = next(c.id for c in bundle.claims if c.start == added.start and c.id != "r1")
    assert bundle.verdicts["r1"].label == bundle.verdicts[twin].label  # read as the extractor did

    at.text_input(key="add_text").input("Resolution 9999 of nowhere")
    at.button[[b.label for b in at.button].index("Add and check")].click().run()
    assert any("not in the article" in e.value for e in at.error)

    open_panel(at, rid, "c4")
    at.button(key=f"dismiss:{rid}:c4").click().run()
    assert "c4" in store.load(rid).dismissed
    assert not any("`date` 2015" in e.label for e in at.expander)


@pytest.mark.needs_shared
def test_check_again_after_a_source_failure(env: Settings, fake_server: FakeServer) -> None:
    wikidata = fake_server.routes.pop("/wikidata/api.php")  # Wikidata down: 404 for a while
    at = check_article(ARTICLE.read_text(encoding="utf-8"))
    rid = review_id(at)
    open_panel(at, rid, "c2")
    store = ReviewStore.from_settings(env)
    first = store.load(rid).verdicts
    assert first["c2"].label == "source_unavailable" and first["c2"].retryable
    assert at.button(key=f"again:{rid}:c2").proto.type == "primary"  # offered prominently

    fake_server.routes["/wikidata/api.php"] = wikidata
    undl_before = fake_server.count("/undl/")
    at.button(key=f"again:{rid}:c2").click().run()
    settle(at)
    assert not at.exception
    after = store.load(rid)
    assert after.verdicts["c2"].label == "not_found" and not after.verdicts["c2"].retryable
    assert any(h["claim_id"] == "c2" and h["field"] == "verdict" for h in after.history)
    assert sum(1 for h in after.history if h["field"] == "verdict") == len(first) + 1
    assert fake_server.count("/undl/") == undl_before


@pytest.mark.needs_shared
def test_sidebar_rename_open_and_delete(checked: AppTest, env: Settings) -> None:
    at = checked
    rid = review_id(at)
    at.text_input(key="rename").input("Press TV, 18 Oct")
    at.button[[b.label for b in at.button].index("Rename")].click().run()
    assert ReviewStore.from_settings(env).load(rid).name == "Press TV, 18 Oct"
    assert at.button(key=f"open:{rid}").label.startswith("Press TV, 18 Oct")
    at.checkbox(key="delete_sure").check().run()
    at.button(key="delete").click().run()
    assert not at.exception
    assert ReviewStore.from_settings(env).list_reviews() == []
    assert "review" not in at.query_params


def capture_downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    captured: dict[str, Any] = {}
    orig_add, orig_def = MediaFileManager.add, MediaFileManager.add_deferred

    def add(self, data, mimetype, coords, file_name=None, is_for_static_download=False):
        captured[file_name] = (data, mimetype)
        return orig_add(self, data, mimetype, coords, file_name, is_for_static_download)

    def add_deferred(self, fn, mimetype, coords, file_name=None, **kw):
        captured[file_name] = (fn, mimetype)
        return orig_def(self, fn, mimetype, coords, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add", add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return captured


@pytest.mark.needs_shared
def test_downloads_have_names_types_and_content(
    env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured = capture_downloads(monkeypatch)
    at = check_article(ARTICLE.read_text(encoding="utf-8"))
    rid = review_id(at)
    cid = supported_resolution(ReviewStore.from_settings(env).load(rid))
    open_panel(at, rid, cid)
    at.selectbox(key=f"status:{rid}:{cid}").set_value("Verified").run()
    at.text_area(key=f"note:{rid}:{cid}").input("see <script>x</script>").run()
    base = f"factcheck-{rid}-russia-to-continue-arms-cooperation-with-iran"
    expected = {
        f"{base}.md": "text/markdown",
        f"{base}.html": "text/html",
        f"{base}.pdf": "application/pdf",
        f"{base}.csv": "text/csv",
        f"{base}.json": "application/json",
        f"{base}.claimreview.jsonld": "application/ld+json",
    }
    assert {k: v[1] for k, v in captured.items() if k in expected} == expected
    files = {name: captured[name][0]() for name in expected}  # deferred: built when clicked
    assert all(isinstance(b, bytes) and b for b in files.values())
    html_text = files[f"{base}.html"].decode()
    assert "Verified" in html_text and "&lt;script&gt;x&lt;/script&gt;" in html_text
    assert "<script>x" not in html_text
    assert files[f"{base}.pdf"].startswith(b"%PDF")
    rows = list(csv.DictReader(io.StringIO(files[f"{base}.csv"].decode("utf-8-sig"))))
    assert [r["note"] for r in rows if r["status"] == "Verified"] == ["see <script>x</script>"]
    document = json.loads(files[f"{base}.json"])
    assert document["article"]["date"] == "2020-10-18"
    marked = next(c for c in document["claims"] if c["id"] == cid)
    assert marked["verdict"]["label"] == "supported" and marked["review"]["status"] == "Verified"
    assert "Verified" in files[f"{base}.md"].decode()
    assert json.loads(files[f"{base}.claimreview.jsonld"])
    assert at.download_button(key="dl:PDF").proto.deferred_file_id


def test_empty_input_is_refused(env: Settings) -> None:
    at = new_app()
    at.button(key="check").click().run()
    assert not at.exception
    assert "The article is empty" in at.error[0].value
    assert "review" not in at.query_params


@pytest.mark.needs_shared
def test_too_long_input_is_refused(env: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKS_MAX_CHARS", "500")
    st.cache_resource.clear()
    at = check_article(ARTICLE.read_text(encoding="utf-8"), wait=False)
    assert "the limit is 500" in at.error[0].value
    assert not at.expander or all("-badge[" not in e.label for e in at.expander)


def test_binary_upload_is_refused(env: Settings) -> None:
    at = new_app()
    at.radio(key="article_mode").set_value("Upload a file").run()
    at.file_uploader[0].upload("article.txt", b"\x00\x01\x02PK" * 50, "text/plain")
    at.run()
    at.button(key="check").click().run()
    assert not at.exception
    assert "not text" in at.error[0].value


def test_html_input_is_converted_with_a_warning(env: Settings) -> None:
    page = "<html><body><p>The Security Council adopted resolution 2231 (2015) on 20 July 2015."
    page += "</p><script>alert(1)</script></body></html>"
    at = check_article(page, when=date(2015, 7, 21))
    assert not at.exception
    assert any("was HTML" in w.value for w in at.warning)
    article = next(m.value for m in at.markdown if "article-view" in m.value)
    assert "<script>" not in article and "alert(1)" not in article


def test_dateline_prefills_the_date(env: Settings) -> None:
    at = new_app()
    text = "UNITED NATIONS, Aug 14, 2020 (AP) — The Security Council rejected a US resolution.\n"
    at.text_area(key="article_text").input(text).run()
    assert not at.exception
    assert at.date_input(key="article_date").value == date(2020, 8, 14)
