"""Unit tests of checks.workbench: the UI's decisions, without Streamlit."""

from __future__ import annotations

import ast
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from checks.config import Settings
from checks.errors import InputError
from checks.extract import extract_claims
from checks.models import ArticleMeta, Claim, Verdict
from checks.nlp import load_pipeline
from checks.store import ReviewStore
from checks.workbench import (
    PASTE,
    SENTENCE_REACH,
    UNCHECKED,
    UPLOAD,
    CheckJobs,
    Message,
    Upload,
    apply_details,
    build_added_claim,
    chosen_input,
    filter_claims,
    find_occurrences,
    flat_secrets,
    guess_date,
    history_frame,
    label_escape,
    last_change,
    make_meta,
    meta_line,
    panel_label,
    parse_review_id,
    plain,
    plan_details,
    read_article,
    report_basename,
    report_files,
    review_option,
    run_check,
    sentence_bounds,
    sentence_html,
    settings_from,
    source_credit,
    source_name,
    start_review,
    summary_frame,
    text_html,
    unchecked_ids,
    with_page_metadata,
    with_parse,
)
from tests.fakeserver import FakeServer

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "eval" / "articles" / "00-presstv-iran-arms-embargo-2020.txt"
TEXT = (
    "The Council adopted Resolution 2231 on 20 July 2015.\n"
    "Fifteen members voted for it. Resolution 2231 endorsed the deal."
)


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline()


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    return ReviewStore(f"sqlite:///{tmp_path / 'reviews.sqlite'}")


def claim(cid: str, ctype: str, start: int, end: int, text: str = TEXT) -> Claim:
    return Claim(cid, ctype, start, end, text[start:end], text[:52])


def stored(store: ReviewStore, claims: list[Claim], verdicts: dict | None = None):
    rid = store.create_review(TEXT, ArticleMeta(date="2020-10-18"), claims, verdicts)
    return store.load(rid)


# -- configuration and input -----------------------------------------------------------------


def test_secrets_override_env_and_tables_are_ignored() -> None:
    secrets = {"CHECKS_CONTACT": "desk@example.org", "auth": {"client_id": "x"}}
    assert flat_secrets(secrets) == {"CHECKS_CONTACT": "desk@example.org"}
    assert flat_secrets(None) == {}
    settings = settings_from(
        {"CHECKS_CONTACT": "env@example.org", "CHECKS_MAX_CHARS": "99"}, secrets
    )
    assert settings.contact == "desk@example.org" and settings.max_chars == 99


def test_upload_wins_over_pasted_text_and_refusals_are_messages() -> None:
    got = read_article("pasted text here", Upload("a.md", b"uploaded article text"), max_chars=100)
    assert got.text == "uploaded article text"
    assert read_article("pasted", None, max_chars=100).text == "pasted"
    with pytest.raises(InputError, match="empty"):
        read_article("   ", None, max_chars=100)
    with pytest.raises(InputError, match="limit is 10"):
        read_article("x" * 11, None, max_chars=10)
    with pytest.raises(InputError, match="not text"):
        read_article("", Upload("a.txt", b"\x00\x01\x02PK" * 50), max_chars=1000)


@pytest.mark.needs_shared
def test_dateline_guess_and_meta() -> None:
    assert guess_date("UNITED NATIONS, Aug 14, 2020 (AP) — The Council voted.") == date(2020, 8, 14)
    assert guess_date(ARTICLE.read_text(encoding="utf-8")) is None
    assert guess_date(b"\x00\x00binary") is None
    meta = make_meta(date(2020, 10, 18), " Title ", "Press TV", "https://example.org/a")
    assert (meta.date, meta.title, meta.url) == ("2020-10-18", "Title", "https://example.org/a")
    with pytest.raises(InputError, match="http"):
        make_meta(None, "", "", "javascript:alert(1)")


def test_parse_review_id() -> None:
    assert parse_review_id("12") == 12
    assert parse_review_id(" 3 ") == 3
    for junk in (None, "", "abc", "-1", "0", "1.5"):
        assert parse_review_id(junk) is None


# -- checking against the fake server --------------------------------------------------------


@pytest.mark.needs_shared
def test_start_and_run_check_save_every_verdict(
    store: ReviewStore, fake_settings: Settings, fake_server: FakeServer, pipeline
) -> None:
    article = read_article(ARTICLE.read_text(encoding="utf-8"), None, max_chars=200_000)
    rid, extraction = start_review(
        store, article, ArticleMeta(date="2020-10-18"), pipeline=pipeline, reviewer="Ann"
    )
    assert len(extraction.claims) >= 20 and store.load(rid).verdicts == {}
    seen: list[str] = []
    bundle = store.load(rid)
    verdicts = run_check(
        store,
        bundle,
        settings=fake_settings,
        pipeline=pipeline,
        on_verdict=lambda c, v: seen.append(c.id),
        extracted=extraction.claims,
    )
    saved = store.load(rid)
    assert sorted(seen) == sorted(verdicts) == sorted(saved.verdicts)
    assert any(v.label == "supported" for v in saved.verdicts.values())
    assert unchecked_ids(saved) == set()

    again = run_check(store, saved, settings=fake_settings, pipeline=pipeline, only={"c6"})
    assert "c6" in again


def test_start_review_takes_the_dateline_when_no_date_given(store: ReviewStore, pipeline) -> None:
    article = read_article(
        "WASHINGTON, Aug 14, 2020 (AP) — The Council met on Friday.", None, max_chars=999
    )
    rid, _ = start_review(store, article, ArticleMeta(), pipeline=pipeline)
    assert store.load(rid).meta.date == "2020-08-14"


def test_with_parse_copies_parse_details() -> None:
    plain = claim("c1", "resolution", 20, 35)
    parsed = Claim(
        "x", "resolution", 20, 35, "Resolution 2231", "", root=4, heads=(1, 2), governor="adopted"
    )
    other = claim("c2", "date", 39, 51)
    out = with_parse([plain, other], [parsed])
    assert (out[0].id, out[0].root, out[0].heads, out[0].governor) == ("c1", 4, (1, 2), "adopted")
    assert out[1] == other and out[1].root == -1


# -- summary and filters ---------------------------------------------------------------------


def test_summary_and_filters(store: ReviewStore) -> None:
    claims = [
        claim("c1", "resolution", 20, 35),
        claim("c2", "date", 39, 51),
        claim("c3", "number", 53, 60),
    ]
    supported = Verdict("supported", "ok")
    bundle = stored(store, claims, {"c1": supported, "c2": Verdict("contradicted", "no")})
    store.set_mark(bundle.id, "c1", status="Verified", reviewer="Ann")
    store.dismiss_claim(bundle.id, "c3", "Ann")
    bundle = store.load(bundle.id)

    frame = summary_frame(bundle, Settings().review_statuses)
    by_verdict = frame[frame.group == "Verdict"].set_index("label")["claims"]
    assert by_verdict["Supported"] == 1 and by_verdict["Contradicted"] == 1
    assert "Not checked" not in by_verdict  # c3 is dismissed, so nothing is unchecked
    by_status = frame[frame.group == "Review status"].set_index("label")["claims"]
    assert by_status["Verified"] == 1 and by_status["Unreviewed"] == 1 and by_status["False"] == 0
    assert list(frame.columns) == ["group", "label", "claims", "colour"]

    assert [c.id for c in filter_claims(bundle)] == ["c1", "c2"]
    assert [c.id for c in filter_claims(bundle, show_dismissed=True)] == ["c1", "c2", "c3"]
    assert [c.id for c in filter_claims(bundle, types=["date"])] == ["c2"]
    assert [c.id for c in filter_claims(bundle, verdicts=["supported"])] == ["c1"]
    assert [c.id for c in filter_claims(bundle, statuses=["Unreviewed"])] == ["c2"]
    assert [c.id for c in filter_claims(bundle, show_dismissed=True, verdicts=[UNCHECKED])] == [
        "c3"
    ]
    assert unchecked_ids(bundle) == set()  # c3 has no verdict but is dismissed


# -- reviewer-added claims -------------------------------------------------------------------


def test_find_occurrences_and_sentence_bounds() -> None:
    assert find_occurrences(TEXT, "Resolution 2231") == [20, 83]
    assert find_occurrences(TEXT, "") == [] and find_occurrences("aaa", "aa") == [0, 1]
    start = TEXT.index("Fifteen")
    lo, hi = sentence_bounds(TEXT, start, start + 7)
    assert TEXT[lo:hi] == "Fifteen members voted for it."


def test_build_added_claim(pipeline) -> None:
    added = build_added_claim(
        TEXT, " Resolution 2231 ", "resolution", occurrence=2, pipeline=pipeline
    )
    assert (added.start, added.end, added.text) == (83, 98, "Resolution 2231")
    assert added.sentence == "Resolution 2231 endorsed the deal." and added.sentence_start == 83
    assert added.value["number"] == 2231 and added.origin == "reviewer"
    bare = build_added_claim(TEXT, "Fifteen members", "number")
    assert bare.value == {} and bare.sentence == "Fifteen members voted for it."
    with pytest.raises(InputError, match="not in the article"):
        build_added_claim(TEXT, "Resolution 9999", "resolution")
    with pytest.raises(InputError, match="2 time"):
        build_added_claim(TEXT, "Resolution 2231", "resolution", occurrence=3)
    with pytest.raises(InputError, match="Unknown claim type"):
        build_added_claim(TEXT, "Resolution 2231", "rumour")
    with pytest.raises(InputError, match="exact text"):
        build_added_claim(TEXT, "  ", "number")


def test_added_claim_is_accepted_by_the_store(store: ReviewStore, pipeline) -> None:
    bundle = stored(store, [claim("c1", "resolution", 20, 35)])
    added = store.add_claim(
        bundle.id, build_added_claim(TEXT, "20 July 2015", "date", pipeline=pipeline)
    )
    assert added.id == "r1" and store.load(bundle.id).claims[-1].text == "20 July 2015"


# -- display ---------------------------------------------------------------------------------


def test_labels_and_html_escape_untrusted_text() -> None:
    assert label_escape("[x](javascript:y) *b* $x$") == "\\[x\\](javascript\\:y) \\*b\\* \\$x\\$"
    nasty = Claim(
        "c1", "quote", 4, 21, "<img src=x> [a]", "Say <img src=x> [a] now", sentence_start=0
    )
    label = panel_label(nasty, "contradicted", "Verified")
    assert (
        label.startswith(":red-badge[Contradicted]")
        and "\\[a\\]" in label
        and "**Verified**" in label
    )
    assert "dismissed" in panel_label(nasty, UNCHECKED, "Unreviewed", dismissed=True)
    html = sentence_html(nasty, "supported")
    assert "<img" not in html and "&lt;img src=x&gt; [a]</mark>" in html and html.startswith("Say ")


# -- history and reports ---------------------------------------------------------------------


def test_history_and_last_change(store: ReviewStore) -> None:
    bundle = stored(store, [claim("c1", "resolution", 20, 35)])
    assert last_change(bundle, "c1") == ""
    store.set_mark(bundle.id, "c1", status="Verified", reviewer="Ann")
    store.set_mark(bundle.id, "c1", note="checked", reviewer="Bo")
    bundle = store.load(bundle.id)
    frame = history_frame(bundle, "c1")
    assert list(frame["change"]) == ["note", "status"] and list(frame["who"]) == ["Bo", "Ann"]
    assert len(history_frame(bundle)) == 3  # plus "created review"
    assert last_change(bundle, "c1").startswith("Last change: note edited by Bo, ")


def test_report_files_are_built_from_the_store_when_downloaded(store: ReviewStore) -> None:
    rid = store.create_review(
        TEXT, ArticleMeta(title="Iran & the UN: arms (2020)"), [claim("c1", "resolution", 20, 35)]
    )
    bundle = store.load(rid)
    assert report_basename(bundle) == f"factcheck-{rid}-iran-the-un-arms-2020"
    files = report_files(bundle, load=lambda: store.load(rid))
    assert [f.file_name.split(".", 1)[1] for f in files] == [
        "md",
        "html",
        "pdf",
        "csv",
        "json",
        "claimreview.jsonld",
    ]
    assert [f.mime for f in files][:3] == ["text/markdown", "text/html", "application/pdf"]
    store.set_mark(rid, "c1", status="Verified", note="after drawing", reviewer="Ann")
    csv_bytes = next(f for f in files if f.label == "CSV").build()
    assert b"after drawing" in csv_bytes and b"Verified" in csv_bytes
    assert all(isinstance(f.build(), bytes) for f in files)


def test_nothing_in_checks_imports_streamlit() -> None:
    for path in (ROOT / "checks").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "streamlit" for n in names), path


# -- issue 10: inputs, background checks, details, words -------------------------------------


def test_one_input_is_chosen_by_the_mode() -> None:
    upload = Upload("a.txt", b"uploaded")
    assert chosen_input(PASTE, "pasted", upload) == ("pasted", None)
    assert chosen_input(UPLOAD, "pasted", upload) == ("", upload)
    assert chosen_input(None, "pasted", None) == ("pasted", None)


def test_background_check_progress_and_failure() -> None:
    jobs = CheckJobs(workers=1)
    release = threading.Event()
    a, b = claim("c1", "resolution", 20, 35), claim("c2", "date", 39, 51)

    def work(on_verdict) -> None:
        on_verdict(a, Verdict("supported", "ok"))
        release.wait(5)
        on_verdict(b, Verdict("not_found", "no"))
        on_verdict(a, Verdict("partly_supported", "cross-claim"))  # reported again: counted once

    first = jobs.start(7, {"c1", "c2"}, work)
    again = jobs.start(7, {"c1"}, work)  # one check per review at a time: the running one
    assert again.claim_ids == first.claim_ids == {"c1", "c2"} and again.started == first.started
    for _ in range(100):
        if jobs.progress(7).done == 1:
            break
        time.sleep(0.01)
    running = jobs.progress(7)
    assert (running.done, running.total, running.running) == (1, 2, True)
    assert running.text == "1 of 2 claims checked" and running.fraction == 0.5
    assert 7 in jobs.running()
    release.set()
    assert jobs.wait(7, 5)
    done = jobs.progress(7)
    assert (done.state, done.done, done.text) == ("done", 2, "All 2 claims checked")
    jobs.forget(7)
    assert jobs.progress(7) is None

    def broken(on_verdict) -> None:
        on_verdict(a, Verdict("supported", "ok"))
        raise RuntimeError("store is gone")

    jobs.start(8, {"c1", "c2"}, broken)
    assert jobs.wait(8, 5)
    failed = jobs.progress(8)
    assert failed.state == "failed" and "store is gone" in failed.text and failed.done == 1


def test_a_new_date_rereads_relative_dates(store: ReviewStore, pipeline) -> None:
    text = (
        "UNITED NATIONS (AP) — The Security Council on Sunday adopted resolution 2231.\n"
        "The vote was held at the Council's request."
    )
    extraction = extract_claims(text, article_date=date(2020, 10, 18), pipeline=pipeline)
    rid = store.create_review(text, ArticleMeta(date="2020-10-18"), extraction.claims)
    bundle = store.load(rid)
    sunday = next(c for c in bundle.claims if c.type == "date")
    assert sunday.value["date"] == "2020-10-18"
    same = plan_details(bundle, replace(bundle.meta, title="New title"), pipeline=pipeline)
    assert not same.date_changed and not same.recheck and not same.values
    change = apply_details(
        store, bundle, replace(bundle.meta, date="2020-10-25"), pipeline=pipeline, who="Ann"
    )
    assert change.values[sunday.id]["date"] == "2020-10-25"
    assert sunday.id in change.recheck
    after = store.load(rid)
    assert after.meta.date == "2020-10-25"
    assert next(c for c in after.claims if c.id == sunday.id).value["date"] == "2020-10-25"


def test_plain_words_for_people() -> None:
    said = plain(
        "A source could not be reached: gdelt: the API answered 404 Not Found; check "
        "CHECKS_GDELT_URL. This says nothing about the claim; check again later."
    )
    assert "CHECKS_" not in said.text and "gdelt:" not in said.text
    assert "GDELT" in said.text and "setting CHECKS_GDELT_URL" in said.details
    timed_out = plain("A source could not be reached (dhl): timed out at http://10.0.0.1/x.htm.")
    assert timed_out.text == (
        "A source could not be reached (UN Dag Hammarskjöld Library): timed out."
    )
    assert "http://10.0.0.1/x.htm" in timed_out.details
    cli = plain("No article date given. Pass --date YYYY-MM-DD.")
    assert "--date" not in cli.text and "Edit article details" in cli.text
    ordinary = "The calendar says 18 October 2020 was a Sunday."
    assert plain(ordinary) == Message(ordinary)  # an ordinary word is not a source id
    for source_id in ("dhl", "votesdb", "un-charter", "calendar"):
        assert source_name(source_id) != source_id
    assert source_name("votesdb") == "UNSC votes database (Sciences Po)"
    assert "CC BY" in source_credit("votesdb") and source_credit("dhl") == ""


def test_review_names_and_history_show_text_not_markup_or_ids(store: ReviewStore) -> None:
    bundle = stored(store, [claim("c1", "resolution", 20, 35)])
    store.set_mark(bundle.id, "c1", status="Verified", reviewer="![a](http://x.test/a.png)")
    bundle = store.load(bundle.id)
    assert history_frame(bundle)["claim"].iloc[0] == "Resolution 2231"
    assert "by ![a](http://x.test/a.png)," in last_change(bundle, "c1")  # plain; shown escaped
    assert text_html("<b>![a](u)</b>") == "<span>&lt;b&gt;![a](u)&lt;/b&gt;</span>"
    [summary] = [s for s in store.list_reviews() if s.id == bundle.id]
    option = review_option(replace(summary, name="![x](http://x.test/p.png)"), "checking 1/3")
    assert option.startswith("!\\[x\\](http\\://x.test/p.png)") and option.endswith("checking 1/3")
    assert meta_line(3, "2020-10-18", "*Wire*") == "Review #3 · published 2020-10-18 · *Wire*"


def test_page_outlet_and_address_fill_empty_fields() -> None:
    """Outlet and URL come from the page (og:site_name, og:url or the canonical link) only when
    the reviewer left them empty; a non-web address is never taken."""
    wire = (
        '<html><head><meta property="og:site_name" content="Reuters">'
        '<meta property="og:url" content="https://www.reuters.com/world/un-vote-2020-08-14/">'
        "</head><body><p>UNITED NATIONS (Reuters) - The Security Council adopted resolution "
        "2532 on Friday.</p></body></html>"
    )
    paper = (
        '<html><head><meta property="og:site_name" content="The Daily Star">'
        '<link rel="canonical" href="https://www.thedailystar.net/world/council-vote">'
        "</head><body><p>Members of the Security Council voted 13-0 with two abstentions, "
        "diplomats said.</p></body></html>"
    )
    filled = with_page_metadata(ArticleMeta(), read_article(wire, None, max_chars=10_000))
    assert (filled.source, filled.url) == (
        "Reuters",
        "https://www.reuters.com/world/un-vote-2020-08-14/",
    )
    article = read_article(paper, None, max_chars=10_000)
    assert with_page_metadata(ArticleMeta(), article).url.startswith("https://www.thedailystar")
    typed = with_page_metadata(ArticleMeta(source="Star", url="https://example.org/a"), article)
    assert (typed.source, typed.url) == ("Star", "https://example.org/a")
    odd = read_article(paper, None, max_chars=10_000)
    odd.metadata["url"] = "javascript:alert(1)"
    assert with_page_metadata(ArticleMeta(), odd).url == ""


def test_page_metadata_fills_what_the_reviewer_left_empty(store: ReviewStore, pipeline) -> None:
    page = (
        "<html><head><title>Council extends mission</title>"
        '<meta property="article:published_time" content="2020-08-14T10:00:00Z"></head>'
        "<body><p>The Security Council on Friday adopted resolution 2532 by 15 votes.</p>"
        "</body></html>"
    )
    article = read_article(page, None, max_chars=10_000)
    assert article.title == "Council extends mission" and article.date == date(2020, 8, 14)
    filled = with_page_metadata(ArticleMeta(), article)
    assert (filled.title, filled.date) == ("Council extends mission", "2020-08-14")
    typed = with_page_metadata(ArticleMeta(date="2020-08-15", title="Mine"), article)
    assert (typed.title, typed.date) == ("Mine", "2020-08-15")
    # With a budget the claims come from a worker process, the same as in this one.
    budget = Settings(extract_seconds=60)
    rid, guarded = start_review(store, article, ArticleMeta(), pipeline=pipeline, budget=budget)
    _, local = start_review(store, article, ArticleMeta(), pipeline=pipeline)
    assert [(c.type, c.start, c.end) for c in guarded.claims] == [
        (c.type, c.start, c.end) for c in local.claims
    ]
    saved = store.load(rid)
    assert saved.meta.date == "2020-08-14" and saved.name == "Council extends mission"


def test_the_review_keeps_how_its_claims_were_extracted(store: ReviewStore, pipeline) -> None:
    """The model and the warnings the reviewer was given are stored with the review, so the
    JSON report made later from the store carries them as the command line's does."""
    import json

    from checks.reports import to_json

    page = (
        "<html><body><p>The General Assembly adopted resolution 75/1 by 184 votes on Monday."
        "</p></body></html>"
    )
    article = read_article(page, None, max_chars=10_000)
    assert article.warnings  # converted from HTML: the reviewer was told
    rid, extraction = start_review(store, article, ArticleMeta(), pipeline=pipeline)
    bundle = store.load(rid)
    assert bundle.model == extraction.model and bundle.model
    assert bundle.warnings == [*article.warnings, *extraction.warnings]
    report = json.loads(to_json(bundle))
    assert report["article"]["model"] == extraction.model
    assert report["warnings"] == bundle.warnings
    plain = store.load(store.create_review("No claims here.", ArticleMeta(), []))
    assert (plain.model, plain.warnings) == (None, [])  # nothing recorded: nothing claimed


def test_an_added_claim_in_text_without_sentence_ends_reads_a_bounded_window() -> None:
    """A paste with no full stops (a wire list, a transcript) must not make the whole article
    the claim's sentence: it is stored and re-read, so it stays within reach of the claim."""
    wire = "members backed the text 13 to 2 and " * 2_000
    paper = "the vote was 13-2 with no abstentions said the envoy " * 2_000
    for text in (wire, paper):
        middle = len(text) // 2
        start = text.index("13", middle)
        claim = build_added_claim(text, text[start : start + 7], "vote", occurrence=1)
        lo, hi = sentence_bounds(text, start, start + 7)
        assert hi - lo <= 2 * SENTENCE_REACH + 7 and lo <= start < start + 7 <= hi
        assert len(claim.sentence) <= 2 * SENTENCE_REACH + 7
    short = "The Council met on Friday. It voted 13-2. Two members abstained."
    at = short.index("13-2")
    assert short[slice(*sentence_bounds(short, at, at + 4))].strip() == "It voted 13-2."
