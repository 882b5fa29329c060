"""The review store: round trips, durability, audit trail and concurrent writers."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql_text

from checks.models import ArticleMeta, Claim, Evidence, Verdict
from checks.store import (
    SCHEMA_VERSION,
    ClaimNotFound,
    EditConflict,
    InvalidStatus,
    ReviewNotFound,
    ReviewStore,
    StoreError,
)
from checks.store.engine import engine_for

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "On Friday the Security Council voted 2-2 with 11 abstentions on draft S/2020/797. "
    "Resolution 2231 (2015) endorsed the nuclear deal."
)


def _claim(cid: str, fragment: str, ctype: str = "number") -> Claim:
    start = TEXT.index(fragment)
    return Claim(cid, ctype, start, start + len(fragment), fragment, TEXT, {"raw": fragment})


def _claims() -> list[Claim]:
    return [
        _claim("c1", "2-2 with 11 abstentions", "vote"),
        _claim("c2", "S/2020/797", "resolution"),
        _claim("c3", "Resolution 2231 (2015)", "resolution"),
    ]


def _verdict(label: str = "contradicted") -> Verdict:
    evidence = Evidence(
        "undl", "Vote record", "https://example.org/r", "2 for", "2020-08-14T00:00Z"
    )
    return Verdict(label, "The record says otherwise.", [evidence], rule="vote", rule_version="1")


META = ArticleMeta(date="2020-10-18", title="Council vote", source="Wire", url="https://x.test/a")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'reviews.sqlite'}"


_DATABASES = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[str]:
    """Every store test runs on a SQLite file and on a fresh database of a live PostgreSQL."""
    if request.param == "sqlite":
        yield sqlite_url
        return
    server = request.getfixturevalue("pg_server")
    pg_url = server.create_database(f"store_{next(_DATABASES)}")
    yield pg_url
    engine_for(pg_url).dispose()  # give the server its connections back


def _raw(url: str, sql: str) -> list[tuple]:
    """Run SQL through an engine that shares nothing with the store's."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(sql_text(sql))
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


@pytest.fixture
def store(url: str) -> ReviewStore:
    return ReviewStore(url)


def test_round_trip_and_summary(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims(), {"c1": _verdict()}, name="Friday vote")
    bundle = store.load(rid)
    assert bundle.text == TEXT
    assert bundle.meta == META
    assert bundle.name == "Friday vote"
    assert bundle.claims == _claims()
    assert bundle.verdicts == {"c1": _verdict()}
    assert bundle.verdicts["c1"].evidence[0].url == "https://example.org/r"
    assert bundle.marks == {} and bundle.dismissed == set()
    [summary] = store.list_reviews()
    assert (summary.id, summary.name, summary.title) == (rid, "Friday vote", "Council vote")
    assert (summary.claim_count, summary.reviewed_count) == (3, 0)
    assert datetime.fromisoformat(summary.created_at).utcoffset().total_seconds() == 0


def test_sqlite_file_in_new_directory_with_wal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    ReviewStore("sqlite:///~/deep/er/reviews.sqlite")
    path = tmp_path / "deep" / "er" / "reviews.sqlite"
    assert path.is_file()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT version FROM checks_schema").fetchone()[0] == SCHEMA_VERSION


def test_in_memory_store_is_refused() -> None:
    with pytest.raises(StoreError, match="in-memory"):
        ReviewStore("sqlite://")


def test_newer_schema_is_refused(url: str, store: ReviewStore) -> None:
    _raw(url, "UPDATE checks_schema SET version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        ReviewStore(url)


def test_unknown_migration_is_refused(url: str, store: ReviewStore) -> None:
    _raw(url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match=r"migration .9999.*newer"):
        ReviewStore(url)


def test_marks_survive_reopening(url: str, store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    store.set_mark(rid, "c1", status="False", note="Record says 2-2-11.", reviewer="ana")
    store.dismiss_claim(rid, "c2", "ana")
    store.close()

    again = ReviewStore(url).load(rid)
    assert again.marks["c1"].status == "False"
    assert again.marks["c1"].note == "Record says 2-2-11."
    assert again.marks["c1"].reviewer == "ana"
    assert again.dismissed == {"c2"}
    # ... and on disk, seen by a connection that shares nothing with the store's engine,
    rows = _raw(url, "SELECT status, note, version FROM checks_marks WHERE claim_id='c1'")
    assert rows == [("False", "Record says 2-2-11.", 1)]
    # ... and by another process.
    code = f"from checks.store import ReviewStore; print(ReviewStore({url!r}).load({rid}).marks)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "status='False'" in out.stdout


def test_every_change_is_audited(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims(), created_by="ana")
    store.set_mark(rid, "c1", status="Verified", note="", reviewer="ana")
    store.set_mark(rid, "c1", status="False", note="Wrong count", reviewer="ben")
    store.set_mark(rid, "c1", status="False", note="Wrong count", reviewer="ben")  # no change
    store.rename(rid, "Renamed", who="ben")
    rows = store.history(rid)
    changes = [(r["claim_id"], r["who"], r["field"], r["old_value"], r["new_value"]) for r in rows]
    assert changes == [
        (None, "ana", "review", None, "Council vote"),
        ("c1", "ana", "status", "Unreviewed", "Verified"),
        ("c1", "ben", "status", "Verified", "False"),
        ("c1", "ben", "note", "", "Wrong count"),
        (None, "ben", "name", "Council vote", "Renamed"),
    ]
    for row in rows:
        assert datetime.fromisoformat(row["at"]).utcoffset().total_seconds() == 0
    assert store.load(rid).history == rows
    assert store.load(rid).marks["c1"].reviewer == "ben"


def test_set_mark_returns_saved_review_and_keeps_unset_fields(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    store.set_mark(rid, "c3", status="Verified", note="UN doc", reviewer="ana")
    mark = store.set_mark(rid, "c3", note="UN doc, checked twice", reviewer="ana")
    assert (mark.status, mark.note, mark.claim_id) == ("Verified", "UN doc, checked twice", "c3")
    assert store.load(rid).marks["c3"] == mark
    assert store.list_reviews()[0].reviewed_count == 1


def test_invalid_status_is_rejected_clearly(url: str, store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    with pytest.raises(InvalidStatus, match=r"'Probably true'.*allowed: 'Unreviewed', 'Verified'"):
        store.set_mark(rid, "c1", status="Probably true", note="x", reviewer="ana")
    assert store.load(rid).marks == {}
    assert [r["field"] for r in store.history(rid)] == ["review"]
    custom = ReviewStore(url, statuses=("Unreviewed", "Checked"))
    assert custom.set_mark(rid, "c1", status="Checked", reviewer="ana").status == "Checked"
    with pytest.raises(InvalidStatus):
        custom.set_mark(rid, "c1", status="Verified", reviewer="ana")


def test_unknown_review_and_claim(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    with pytest.raises(ReviewNotFound):
        store.load(rid + 1)
    with pytest.raises(ReviewNotFound):
        store.set_mark(rid + 1, "c1", status="Verified", reviewer="ana")
    with pytest.raises(ClaimNotFound):
        store.set_mark(rid, "c9", status="Verified", reviewer="ana")
    with pytest.raises(ClaimNotFound):
        store.save_verdicts(rid, {"c9": _verdict()})


def test_rename_and_delete(store: ReviewStore) -> None:
    first = store.create_review(TEXT, META, _claims(), name="one")
    second = store.create_review(TEXT, META, _claims(), name="two")
    store.set_mark(first, "c1", status="Verified", reviewer="ana")
    store.rename(first, "  first review  ")
    assert store.load(first).name == "first review"
    with pytest.raises(StoreError, match="empty"):
        store.rename(first, "  ")
    store.delete(first, who="ana")
    assert [s.id for s in store.list_reviews()] == [second]
    with pytest.raises(ReviewNotFound):
        store.load(first)
    with pytest.raises(ReviewNotFound):
        store.set_mark(first, "c1", status="False", reviewer="ben")
    with pytest.raises(ReviewNotFound):
        store.review_access(first)
    # Archived, not deleted: the audit trail stays, ending with who archived it.
    trail = store.history(first)
    assert [r["field"] for r in trail] == ["review", "status", "name", "archived"]
    assert trail[-1]["who"] == "ana" and trail[-1]["old_value"] == "first review"
    assert _raw(store.url, f"SELECT count(*) FROM checks_claims WHERE review_id = {first}") == [
        (3,)
    ]
    assert store.load(second).claims == _claims()


def test_verdicts_saved_later_and_replaced(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    assert store.load(rid).verdicts == {}
    store.save_verdicts(rid, {"c1": _verdict("not_found"), "c2": _verdict("supported")})
    store.save_verdicts(rid, {"c1": _verdict("contradicted")})
    before = store.list_reviews()[0].updated_at
    store.save_verdicts(rid, {"c1": _verdict("contradicted")})  # same again: nothing to record
    assert store.list_reviews()[0].updated_at == before
    verdicts = store.load(rid).verdicts
    assert verdicts["c1"] == _verdict("contradicted")
    assert verdicts["c2"].evidence[0].title == "Vote record"
    audit = [(r["claim_id"], r["old_value"], r["new_value"]) for r in store.history(rid)[1:]]
    assert audit == [
        ("c1", None, "not_found"),
        ("c2", None, "supported"),
        ("c1", "not_found", "contradicted"),
    ]


def test_reviewer_added_claims(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    start = TEXT.index("On Friday")
    added = store.add_claim(rid, Claim("", "date", start, start + 9, "", ""), reviewer="ana")
    second = store.add_claim(rid, _claim("ignored", "nuclear deal", "quote"), reviewer="ben")
    assert (added.id, added.origin, added.text) == ("r1", "reviewer", "On Friday")
    assert (second.id, second.origin) == ("r2", "reviewer")
    bundle = store.load(rid)
    assert [c.id for c in bundle.claims] == ["c1", "c2", "c3", "r1", "r2"]
    assert bundle.claims[-1] == second
    assert bundle.history[-1]["field"] == "claim" and bundle.history[-1]["who"] == "ben"
    store.set_mark(rid, "r1", status="Verified", reviewer="ana")
    assert store.list_reviews()[0].claim_count == 5
    with pytest.raises(StoreError, match="outside the article"):
        store.add_claim(rid, Claim("", "date", 5, len(TEXT) + 1, "", ""))
    with pytest.raises(StoreError, match="is not the article's text"):
        store.add_claim(rid, Claim("", "date", 0, 2, "Hello", ""))


def test_dismiss_and_restore(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    store.set_mark(rid, "c2", status="Verified", reviewer="ana")
    store.dismiss_claim(rid, "c2", "ana")
    assert store.load(rid).dismissed == {"c2"}
    assert (store.list_reviews()[0].claim_count, store.list_reviews()[0].reviewed_count) == (2, 0)
    mark = store.dismiss_claim(rid, "c2", "ben", dismissed=False)
    assert not mark.dismissed and mark.status == "Verified"
    assert store.load(rid).dismissed == set()
    fields = [(r["field"], r["old_value"], r["new_value"]) for r in store.history(rid)[-2:]]
    assert fields == [("dismissed", "false", "true"), ("dismissed", "true", "false")]


def test_concurrent_marks_from_threads(url: str, store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    errors: list[BaseException] = []
    rounds = 25

    def session(name: str, own_claim: str) -> None:
        local = ReviewStore(url)  # a second Streamlit session in the same process
        try:
            for i in range(rounds):
                local.set_mark(rid, own_claim, note=f"{name} {i}", reviewer=name)
                store.set_mark(rid, "c3", note=f"{name} shared {i}", reviewer=name)
        except BaseException as exc:  # surfaced below; a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=session, args=a) for a in (("ana", "c1"), ("ben", "c2"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    bundle = store.load(rid)
    assert bundle.marks["c1"].note == f"ana {rounds - 1}"
    assert bundle.marks["c2"].note == f"ben {rounds - 1}"
    shared = [r for r in bundle.history if r["claim_id"] == "c3"]
    assert len(shared) == 2 * rounds
    # Serialised writes: each change starts from the value the previous one left.
    for before, after in itertools.pairwise(shared):
        assert after["old_value"] == before["new_value"]
    assert bundle.marks["c3"].note == shared[-1]["new_value"]


def test_concurrent_marks_from_two_processes(url: str, store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    code = (
        "from checks.store import ReviewStore\n"
        f"s = ReviewStore({url!r})\n"
        f"for i in range(20): s.set_mark({rid}, 'c2', note=f'child {{i}}', reviewer='child')\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE)
    for i in range(20):
        store.set_mark(rid, "c1", note=f"parent {i}", reviewer="parent")
    assert child.wait(timeout=60) == 0, child.stderr.read() if child.stderr else ""
    marks = store.load(rid).marks
    assert (marks["c1"].note, marks["c2"].note) == ("parent 19", "child 19")
    assert len([r for r in store.history(rid) if r["field"] == "note"]) == 40


def test_lone_surrogates_are_replaced_not_lost(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    saved = store.set_mark(rid, "c1", note="see \ud800 table", reviewer="Ann\udfff")
    assert saved.note == "see \ufffd table"
    mark = store.load(rid).marks["c1"]
    assert (mark.note, mark.reviewer) == ("see \ufffd table", "Ann\ufffd")
    store.rename(rid, "Vote \ud83d")
    assert store.load(rid).name == "Vote \ufffd"
    broken = ArticleMeta(date="2020-10-18", title="T\ud800", source="W", url="")
    other = store.create_review("Text \udc00 here.", broken, [])
    assert (
        store.load(other).meta.title == "T\ufffd" and store.load(other).text == "Text \ufffd here."
    )


def test_update_meta_is_audited_and_renames_an_automatic_name(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    new = ArticleMeta(date="2020-10-17", title="Council vote, Friday", source="Wire", url="")
    store.update_meta(rid, new, who="Ann")
    bundle = store.load(rid)
    assert bundle.meta == new and bundle.name == "Council vote, Friday"
    changes = {(h["field"], h["old_value"], h["new_value"], h["who"]) for h in bundle.history}
    assert ("date", "2020-10-18", "2020-10-17", "Ann") in changes
    assert ("url", "https://x.test/a", "", "Ann") in changes
    assert not any(h["field"] == "source" for h in bundle.history)
    store.rename(rid, "My name")
    store.update_meta(rid, ArticleMeta(date="2020-10-17", title="Another"), who="Bo")
    assert store.load(rid).name == "My name"  # a chosen name is kept


def test_update_claim_values(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    store.update_claim_values(rid, {"c2": {"symbol": "S/2020/797", "raw": "x"}})
    assert store.load(rid).claims[1].value == {"symbol": "S/2020/797", "raw": "x"}
    with pytest.raises(ClaimNotFound):
        store.update_claim_values(rid, {"c9": {}})


# -- versions and conflicts: no edit lost ------------------------------------------------------


def test_marks_carry_versions(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    assert store.load(rid).versions == {"c1": 0, "c2": 0, "c3": 0}
    store.set_mark(rid, "c1", status="Verified", reviewer="ana", expected_version=0)
    store.set_mark(rid, "c1", note="checked", reviewer="ana", expected_version=1)
    store.set_mark(rid, "c1", note="checked", reviewer="ana", expected_version=0)  # no change
    store.dismiss_claim(rid, "c2", "ana", expected_version=0)
    assert store.load(rid).versions == {"c1": 2, "c2": 1, "c3": 0}
    assert store.mark_version(rid, "c1") == 2 and store.mark_version(rid, "c3") == 0


def test_stale_edit_is_refused_with_their_change_and_both_audited(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    seen = store.load(rid).versions["c1"]  # both open the review at version 0
    store.set_mark(
        rid,
        "c1",
        status="False",
        note="2-2-11 per record",
        reviewer="Ann <a@x.org>",
        expected_version=seen,
    )
    with pytest.raises(EditConflict) as refused:
        store.set_mark(
            rid, "c1", status="Verified", reviewer="Ben <b@x.org>", expected_version=seen
        )
    conflict = refused.value
    assert conflict.current.status == "False" and conflict.current.reviewer == "Ann <a@x.org>"
    assert conflict.version == 1 and conflict.attempted == {"status": "Verified"}
    assert "Ann <a@x.org> changed claim c1" in str(conflict) and "'False'" in str(conflict)
    bundle = store.load(rid)
    assert bundle.marks["c1"].status == "False"  # theirs is kept
    assert bundle.versions["c1"] == 1
    trail = [
        (r["who"], r["field"], r["old_value"], r["new_value"], r["outcome"])
        for r in bundle.history
        if r["claim_id"] == "c1"
    ]
    assert trail == [
        ("Ann <a@x.org>", "status", "Unreviewed", "False", "saved"),
        ("Ann <a@x.org>", "note", "", "2-2-11 per record", "saved"),
        ("Ben <b@x.org>", "status", "False", "Verified", "conflict"),
    ]
    # Having seen their change, Ben can save over it on purpose.
    store.set_mark(rid, "c1", status="Verified", reviewer="Ben <b@x.org>", expected_version=1)
    assert store.load(rid).marks["c1"].status == "Verified"


def test_an_edit_that_matches_the_saved_value_is_no_conflict(store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    store.set_mark(rid, "c2", status="Verified", reviewer="ana", expected_version=0)
    same = store.set_mark(rid, "c2", status="Verified", reviewer="ben", expected_version=0)
    assert same.reviewer == "ana"
    with pytest.raises(EditConflict):
        store.dismiss_claim(rid, "c2", "ben", expected_version=0)
    assert store.load(rid).dismissed == set()


def test_racing_processes_lose_no_edit(url: str, store: ReviewStore) -> None:
    rid = store.create_review(TEXT, META, _claims())
    code = (
        "import sys\n"
        "from checks.store import ReviewStore, EditConflict\n"
        f"s = ReviewStore({url!r}); saved = conflicts = 0\n"
        "for i in range(10):\n"
        f"    v = s.mark_version({rid}, 'c1')\n"
        "    try:\n"
        f"        s.set_mark({rid}, 'c1', note=f'{{sys.argv[1]}} {{i}}', reviewer=sys.argv[1],"
        " expected_version=v); saved += 1\n"
        "    except EditConflict:\n"
        "        conflicts += 1\n"
        "print(saved, conflicts)\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, who],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("ana", "ben")
    ]
    counts = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        counts.append(tuple(int(x) for x in out.split()))
    saved = sum(c[0] for c in counts)
    trail = [r for r in store.history(rid) if r["claim_id"] == "c1"]
    assert len(trail) == 20  # every attempt is in the trail, saved or refused
    kept = [r for r in trail if r["outcome"] == "saved"]
    assert len(kept) == saved == store.mark_version(rid, "c1")
    for before, after in itertools.pairwise(kept):  # each save started from the one before
        assert after["old_value"] == before["new_value"]
    assert store.load(rid).marks["c1"].note == kept[-1]["new_value"]


# -- owners and teams ---------------------------------------------------------------------------


def test_owner_team_and_team_filter(store: ReviewStore) -> None:
    desk = store.create_review(
        TEXT, META, _claims(), owner="ann@x.org", team="desk", created_by="Ann <ann@x.org>"
    )
    data = store.create_review(TEXT, META, [], owner="dev@y.org", team="data")
    assert store.review_access(desk) == ("ann@x.org", "desk")
    assert [s.id for s in store.list_reviews(teams=["desk"])] == [desk]
    assert {s.id for s in store.list_reviews(teams=["desk", "data"])} == {desk, data}
    assert store.list_reviews(teams=[]) == []
    assert [(s.owner, s.team) for s in store.list_reviews(teams=["data"])] == [
        ("dev@y.org", "data")
    ]
    bundle = store.load(desk)
    assert (bundle.owner, bundle.team) == ("ann@x.org", "desk")
    assert bundle.history[0]["who"] == "Ann <ann@x.org>"
