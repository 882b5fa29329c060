"""Schema migrations: a store made by the code before Alembic opens with nothing lost, and the
migrated tables are exactly the ones the code defines, on SQLite and on a live PostgreSQL."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    create_engine,
    inspect,
)
from sqlalchemy import text as sql_text

from checks.store import SCHEMA_VERSION, ReviewStore, migrations
from checks.store.engine import engine_for
from checks.store.records import metadata as current_metadata

ROOT = Path(__file__).resolve().parents[1]
_DATABASES = itertools.count()

# The tables exactly as committed before migrations existed (schema version 1), copied here so
# that later changes to checks/store/records.py cannot change what "an old store" means.
OLD = MetaData()
Table("checks_schema", OLD, Column("id", Integer, primary_key=True), Column("version", Integer))
Table(
    "checks_reviews",
    OLD,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("meta_json", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)
Table(
    "checks_claims",
    OLD,
    Column("review_id", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("value_json", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("origin", Text, nullable=False),
    PrimaryKeyConstraint("review_id", "claim_id"),
)
Table(
    "checks_verdicts",
    OLD,
    Column("review_id", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("verdict_json", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("review_id", "claim_id"),
)
Table(
    "checks_marks",
    OLD,
    Column("review_id", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("dismissed", Boolean, nullable=False),
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("review_id", "claim_id"),
)
Table(
    "checks_audit",
    OLD,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, nullable=False, index=True),
    Column("claim_id", Text),
    Column("who", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("at", Text, nullable=False),
)

TEXT = "The Council adopted resolution 2231 (2015) on 20 July by 15 votes to none."
T0 = "2025-03-01T09:00:00.000000+00:00"
VERDICT = {
    "label": "supported",
    "explanation": "UN record",
    "evidence": [],
    "rule": "resolution",
    "rule_version": "1",
    "retryable": False,
}


def _claim(review_id: int, cid: str, fragment: str, position: int) -> dict:
    start = TEXT.index(fragment)
    return {
        "review_id": review_id,
        "claim_id": cid,
        "position": position,
        "type": "resolution",
        "start_offset": start,
        "end_offset": start + len(fragment),
        "text": fragment,
        "sentence": TEXT,
        "value_json": json.dumps({"raw": fragment}),
        "sentence_start": 0,
        "origin": "extractor",
    }


def _fill_old_store(url: str) -> None:
    """A store as the old code left it: two reviews, marks, a dismissal, notes, audit rows.

    Ids come from the database (as the old code let them), so reviews are 1 and 2."""
    engine = create_engine(url)
    t = OLD.tables
    with engine.begin() as conn:
        OLD.create_all(conn)
        conn.execute(t["checks_schema"].insert().values(id=1, version=1))
        for rid, name in ((1, "Iran deal"), (2, "Second article")):
            meta = {"date": "2015-07-20", "title": name, "source": "Wire", "url": ""}
            conn.execute(
                t["checks_reviews"]
                .insert()
                .values(
                    name=name,
                    text=TEXT,
                    meta_json=json.dumps(meta),
                    created_at=T0,
                    updated_at=T0,
                )
            )
            conn.execute(
                t["checks_claims"].insert(),
                [_claim(rid, "c1", "resolution 2231 (2015)", 0), _claim(rid, "c2", "15 votes", 1)],
            )
        conn.execute(
            t["checks_verdicts"]
            .insert()
            .values(review_id=1, claim_id="c1", verdict_json=json.dumps(VERDICT), updated_at=T0)
        )
        marks = [
            ("c1", "Verified", "Checked S/RES/2231", "ana", False),
            ("c2", "Unreviewed", "", "ben", True),
        ]
        conn.execute(
            t["checks_marks"].insert(),
            [
                dict(
                    review_id=1,
                    claim_id=c,
                    status=s,
                    note=n,
                    reviewer=r,
                    dismissed=d,
                    updated_at=T0,
                )
                for c, s, n, r, d in marks
            ],
        )
        audit = [
            (1, None, "ana", "review", None, "Iran deal"),
            (1, "c1", "ana", "status", "Unreviewed", "Verified"),
            (1, "c1", "ana", "note", "", "Checked S/RES/2231"),
            (1, "c2", "ben", "dismissed", "false", "true"),
            (2, None, "ben", "review", None, "Second article"),
        ]
        conn.execute(
            t["checks_audit"].insert(),
            [
                dict(review_id=r, claim_id=c, who=w, field=f, old_value=o, new_value=n, at=T0)
                for r, c, w, f, o, n in audit
            ],
        )
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'reviews.sqlite'}"
        return
    pg_url = request.getfixturevalue("pg_server").create_database(f"mig_{next(_DATABASES)}")
    yield pg_url
    engine_for(pg_url).dispose()


def test_old_store_upgrades_without_losing_anything(url: str) -> None:
    _fill_old_store(url)
    store = ReviewStore(url)  # migrates
    first = store.load(1)
    assert first.name == "Iran deal" and first.text == TEXT
    assert [c.id for c in first.claims] == ["c1", "c2"]
    assert first.claims[0].text == "resolution 2231 (2015)"
    assert first.verdicts["c1"].label == "supported"
    assert first.marks["c1"].status == "Verified"
    assert first.marks["c1"].note == "Checked S/RES/2231"
    assert first.marks["c1"].reviewer == "ana"
    assert first.dismissed == {"c2"}
    assert first.versions == {"c1": 1, "c2": 1}  # old marks count as saved once
    assert (first.owner, first.team) == ("", "")
    trail = [
        (h["claim_id"], h["who"], h["field"], h["new_value"], h["outcome"]) for h in first.history
    ]
    assert trail == [
        (None, "ana", "review", "Iran deal", "saved"),
        ("c1", "ana", "status", "Verified", "saved"),
        ("c1", "ana", "note", "Checked S/RES/2231", "saved"),
        ("c2", "ben", "dismissed", "true", "saved"),
    ]
    assert [h["field"] for h in store.history(2)] == ["review"]
    assert {s.id for s in store.list_reviews()} == {1, 2}
    # The upgraded store works on: an edit against the migrated version, new reviews get new ids.
    store.set_mark(1, "c1", note="Checked twice", reviewer="ana", expected_version=1)
    assert store.load(1).versions["c1"] == 2
    assert store.create_review(TEXT, first.meta, []) == 3
    with engine_for(url).connect() as conn:
        assert migrations.current_revision(conn) == migrations.head()
        assert (
            conn.execute(sql_text("SELECT version FROM checks_schema")).scalar() == SCHEMA_VERSION
        )


def test_migrated_tables_match_the_code(url: str) -> None:
    ReviewStore(url)
    with engine_for(url).connect() as conn:
        found = inspect(conn)
        for table in current_metadata.sorted_tables:
            columns = {c["name"] for c in found.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name


def test_fresh_stores_opened_by_two_processes_at_once(url: str) -> None:
    code = f"from checks.store import ReviewStore; ReviewStore({url!r}); print('ok')"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "ok", err
    with engine_for(url).connect() as conn:
        assert migrations.current_revision(conn) == migrations.head()


def test_alembic_command_line_works_from_another_directory(tmp_path: Path, url: str) -> None:
    ReviewStore(url)
    ini = ROOT / "checks" / "store" / "migrations" / "alembic.ini"
    out = subprocess.run(
        [sys.executable, "-m", "alembic", "-c", str(ini), "current"],
        cwd=tmp_path,
        env={**__import__("os").environ, "CHECKS_STORE_URL": url, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert migrations.head() in out.stdout
