"""Connections, schema version, whole reviews and the audit trail of the review store."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Self

from sqlalchemy import case, func, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from checks.config import DEFAULT_REVIEW_STATUSES, Settings
from checks.models import ArticleMeta, Claim, Verdict
from checks.store import migrations
from checks.store.engine import engine_for
from checks.store.records import (
    UNREVIEWED,
    ClaimNotFound,
    InvalidStatus,
    ReviewBundle,
    ReviewNotFound,
    ReviewSummary,
    StoreError,
    audit_table,
    claim_row,
    claims_table,
    clean_claim,
    clean_meta,
    clean_text,
    dump_json,
    marks_table,
    now_iso,
    reviews_table,
    row_claim,
    row_review,
    verdict_from_json,
    verdict_json,
    verdicts_table,
)

#: Arbitrary constant naming the PostgreSQL advisory lock held while the schema is checked.
_SCHEMA_LOCK = 0x636865636B73


class StoreBase:
    """Connections, schema, whole reviews and the audit trail; `ReviewStore` adds the marks."""

    def __init__(self, url: str | None = None, *, statuses: Sequence[str] | None = None) -> None:
        self.url = url or Settings().store_url
        self.statuses: tuple[str, ...] = tuple(statuses or DEFAULT_REVIEW_STATUSES)
        self._engine = engine_for(self.url)
        self._writer = self._engine.execution_options(checks_begin="IMMEDIATE")
        # A load reads several tables: on PostgreSQL take one snapshot for all of them (SQLite's
        # read transaction is a snapshot already).
        self._reader = (
            self._engine.execution_options(isolation_level="REPEATABLE READ")
            if self._engine.dialect.name == "postgresql"
            else self._engine
        )
        with self._read() as conn:  # the common case: one cheap read, no write lock
            if migrations.is_current(conn):
                return
        self._upgrade_schema()

    def _upgrade_schema(self) -> None:
        """Create or migrate the tables (Alembic), once per database per process; writers of
        other processes wait (SQLite write lock, PostgreSQL advisory lock) so one migrates."""
        with self._write() as conn:
            if conn.dialect.name == "postgresql":  # two servers starting at once: one migrates
                conn.execute(sql_text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
            migrations.upgrade(conn)

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls(settings.store_url, statuses=settings.review_statuses)

    def close(self) -> None:
        """Close pooled connections; the store (and engine) stays usable and reconnects."""
        self._engine.dispose()

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._writer.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"The review store could not save: {exc}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self._reader.begin() as conn:  # one snapshot for the whole read
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"The review store could not be read: {exc}") from exc

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _lock_review(conn: Connection, review_id: int) -> Any:
        row = conn.execute(
            select(reviews_table)
            .where((reviews_table.c.id == review_id) & reviews_table.c.archived_at.is_(None))
            .with_for_update()
        ).first()
        if row is None:
            raise ReviewNotFound(f"No review with id {review_id}")
        return row

    @staticmethod
    def _claim_ids(conn: Connection, review_id: int) -> set[str]:
        rows = conn.execute(
            select(claims_table.c.claim_id).where(claims_table.c.review_id == review_id)
        )
        return {r.claim_id for r in rows}

    @staticmethod
    def _audit_row(
        conn: Connection,
        review_id: int,
        claim_id: str | None,
        who: str,
        field_name: str,
        old: str | None,
        new: str | None,
        at: str,
        outcome: str = "saved",
    ) -> None:
        conn.execute(
            insert(audit_table).values(
                review_id=review_id,
                claim_id=claim_id,
                who=clean_text(who),
                field=field_name,
                old_value=None if old is None else clean_text(old),
                new_value=None if new is None else clean_text(new),
                at=at,
                outcome=outcome,
            )
        )

    @staticmethod
    def _touch(conn: Connection, review_id: int, at: str) -> None:
        conn.execute(
            update(reviews_table).where(reviews_table.c.id == review_id).values(updated_at=at)
        )

    def _check_status(self, status: str) -> None:
        if status != UNREVIEWED and status not in self.statuses:
            allowed = ", ".join(repr(s) for s in self.statuses)
            raise InvalidStatus(f"Unknown review status {status!r}; allowed: {allowed}")

    # -- reviews ------------------------------------------------------------------------------

    def create_review(
        self,
        text: str,
        meta: ArticleMeta,
        claims: Sequence[Claim],
        verdicts: Mapping[str, Verdict] | None = None,
        name: str | None = None,
        *,
        created_by: str = "",
        owner: str = "",
        team: str = "",
        model: str | None = None,
        warnings: Sequence[str] = (),
    ) -> int:
        """Save a new review of `text` and return its id; `owner` and `team` decide who may open
        it when sign-in is configured (checks.auth). `model` and `warnings` say how the claims
        were extracted; the reports carry them."""
        ids = [c.id for c in claims]
        if len(set(ids)) != len(ids):
            raise StoreError(f"Duplicate claim ids: {sorted({i for i in ids if ids.count(i) > 1})}")
        unknown = set(verdicts or {}) - set(ids)
        if unknown:
            raise ClaimNotFound(f"Verdicts for unknown claims: {sorted(unknown)}")
        now = now_iso()
        text, meta = clean_text(text), clean_meta(meta)  # same length: offsets stay valid
        claims = [clean_claim(c) for c in claims]
        label = clean_text(name or meta.title or " ".join(text.split()[:8]) or "Untitled review")
        with self._write() as conn:
            result = conn.execute(
                insert(reviews_table).values(
                    name=label,
                    text=text,
                    meta_json=dump_json(meta.to_dict()),
                    created_at=now,
                    updated_at=now,
                    owner=clean_text(owner),
                    team=clean_text(team),
                    extraction_json=dump_json(
                        {
                            "model": clean_text(model) if model else None,
                            "warnings": [clean_text(str(w)) for w in warnings],
                        }
                    ),
                )
            )
            review_id = int(result.inserted_primary_key[0])
            if claims:
                rows = [claim_row(review_id, i, c) for i, c in enumerate(claims)]
                conn.execute(insert(claims_table), rows)
            if verdicts:
                rows = [
                    {"review_id": review_id, "claim_id": k, "verdict_json": verdict_json(v)}
                    for k, v in verdicts.items()
                ]
                conn.execute(insert(verdicts_table), [dict(r, updated_at=now) for r in rows])
            self._audit_row(conn, review_id, None, created_by, "review", None, label, now)
        return review_id

    def list_reviews(self, teams: Sequence[str] | None = None) -> list[ReviewSummary]:
        """Reviews not archived, most recently changed first; only those of `teams` if given."""
        dismissed = func.coalesce(marks_table.c.dismissed, False)
        reviewed = case((func.coalesce(marks_table.c.status, UNREVIEWED) != UNREVIEWED, 1), else_=0)
        counts = (
            select(
                claims_table.c.review_id,
                func.count().label("claims"),
                func.coalesce(func.sum(reviewed), 0).label("reviewed"),
            )
            .select_from(
                claims_table.outerjoin(
                    marks_table,
                    (marks_table.c.review_id == claims_table.c.review_id)
                    & (marks_table.c.claim_id == claims_table.c.claim_id),
                )
            )
            .where(dismissed.is_(False))
            .group_by(claims_table.c.review_id)
        )
        with self._read() as conn:
            tally = {r.review_id: (r.claims, r.reviewed) for r in conn.execute(counts)}
            query = select(reviews_table).where(reviews_table.c.archived_at.is_(None))
            if teams is not None:
                query = query.where(reviews_table.c.team.in_(list(teams)))
            rows = conn.execute(
                query.order_by(reviews_table.c.updated_at.desc(), reviews_table.c.id.desc())
            ).all()
        return [
            ReviewSummary(
                id=r.id,
                name=r.name,
                title=json.loads(r.meta_json).get("title", ""),
                created_at=r.created_at,
                updated_at=r.updated_at,
                claim_count=int(tally.get(r.id, (0, 0))[0]),
                reviewed_count=int(tally.get(r.id, (0, 0))[1]),
                owner=r.owner,
                team=r.team,
            )
            for r in rows
        ]

    def load(self, review_id: int) -> ReviewBundle:
        """Everything about one review, read from one consistent snapshot."""
        with self._read() as conn:
            row = conn.execute(
                select(reviews_table).where(
                    (reviews_table.c.id == review_id) & reviews_table.c.archived_at.is_(None)
                )
            ).first()
            if row is None:
                raise ReviewNotFound(f"No review with id {review_id}")
            where = claims_table.c.review_id == review_id
            claims = [
                row_claim(r)
                for r in conn.execute(
                    select(claims_table).where(where).order_by(claims_table.c.position)
                )
            ]
            verdicts = {
                r.claim_id: verdict_from_json(r.verdict_json)
                for r in conn.execute(
                    select(verdicts_table).where(verdicts_table.c.review_id == review_id)
                )
            }
            mark_rows = conn.execute(
                select(marks_table).where(marks_table.c.review_id == review_id)
            ).all()
            marks = {r.claim_id: row_review(r) for r in mark_rows}
            history = self._history(conn, review_id)
        return ReviewBundle(
            id=row.id,
            name=row.name,
            text=row.text,
            meta=ArticleMeta(**json.loads(row.meta_json)),
            claims=claims,
            verdicts=verdicts,
            marks=marks,
            dismissed={k for k, m in marks.items() if m.dismissed},
            history=history,
            created_at=row.created_at,
            updated_at=row.updated_at,
            versions={c.id: 0 for c in claims} | {r.claim_id: r.version for r in mark_rows},
            owner=row.owner,
            team=row.team,
            **_extraction(row.extraction_json),
        )

    def review_access(self, review_id: int) -> tuple[str, str]:
        """(owner, team) of a review not archived, to decide who may open it before loading."""
        with self._read() as conn:
            row = conn.execute(
                select(reviews_table.c.owner, reviews_table.c.team).where(
                    (reviews_table.c.id == review_id) & reviews_table.c.archived_at.is_(None)
                )
            ).first()
        if row is None:
            raise ReviewNotFound(f"No review with id {review_id}")
        return row.owner, row.team

    def rename(self, review_id: int, name: str, *, who: str = "") -> None:
        name = clean_text(name).strip()
        if not name:
            raise StoreError("A review name cannot be empty")
        now = now_iso()
        with self._write() as conn:
            old = self._lock_review(conn, review_id).name
            if old == name:
                return
            conn.execute(
                update(reviews_table).where(reviews_table.c.id == review_id).values(name=name)
            )
            self._audit_row(conn, review_id, None, who, "name", old, name, now)
            self._touch(conn, review_id, now)

    def update_meta(self, review_id: int, meta: ArticleMeta, *, who: str = "") -> ArticleMeta:
        """Change the article's title, outlet, URL or date; each changed field is audited.

        A review still named after its old title takes the new one (a name the reviewer chose
        is kept)."""
        meta = clean_meta(meta)
        now = now_iso()
        with self._write() as conn:
            row = self._lock_review(conn, review_id)
            old = ArticleMeta(**json.loads(row.meta_json))
            changed = {
                k: v
                for k, v in meta.to_dict().items()
                if (old.to_dict().get(k) or None) != (v or None)
            }
            if not changed:
                return old
            for name, value in changed.items():
                before = old.to_dict().get(name)
                self._audit_row(conn, review_id, None, who, name, before, value, now)
            values: dict[str, Any] = {"meta_json": dump_json(meta.to_dict())}
            automatic = old.title or " ".join(row.text.split()[:8])  # what create_review chose
            if "title" in changed and meta.title and row.name == automatic:
                values["name"] = meta.title
            conn.execute(
                update(reviews_table).where(reviews_table.c.id == review_id).values(**values)
            )
            self._touch(conn, review_id, now)
        return meta

    def update_claim_values(self, review_id: int, values: Mapping[str, dict[str, Any]]) -> None:
        """Replace the parsed values of claims (e.g. relative dates re-read from a new date)."""
        if not values:
            return
        with self._write() as conn:
            self._lock_review(conn, review_id)
            unknown = set(values) - self._claim_ids(conn, review_id)
            if unknown:
                raise ClaimNotFound(f"Review {review_id} has no claims {sorted(unknown)}")
            for claim_id, value in values.items():
                conn.execute(
                    update(claims_table)
                    .where(
                        (claims_table.c.review_id == review_id)
                        & (claims_table.c.claim_id == claim_id)
                    )
                    .values(value_json=dump_json(value))
                )

    def delete(self, review_id: int, *, who: str = "") -> None:
        """Archive the review: it leaves the list and cannot be opened or changed, but nothing
        is removed, and its audit trail (ending with who archived it) stays readable."""
        now = now_iso()
        with self._write() as conn:
            name = self._lock_review(conn, review_id).name
            conn.execute(
                update(reviews_table)
                .where(reviews_table.c.id == review_id)
                .values(archived_at=now, updated_at=now)
            )
            self._audit_row(conn, review_id, None, who, "archived", name, now, now)

    archive = delete

    # -- audit --------------------------------------------------------------------------------

    @staticmethod
    def _history(conn: Connection, review_id: int) -> list[dict[str, Any]]:
        rows = conn.execute(
            select(audit_table)
            .where(audit_table.c.review_id == review_id)
            .order_by(audit_table.c.id)
        )
        return [
            {
                "id": r.id,
                "claim_id": r.claim_id,
                "who": r.who,
                "field": r.field,
                "old_value": r.old_value,
                "new_value": r.new_value,
                "at": r.at,
                "outcome": r.outcome,
            }
            for r in rows
        ]

    def history(self, review_id: int) -> list[dict[str, Any]]:
        """Every change to the review, oldest first: who, field, old and new value, when (UTC),
        and the outcome ("saved", or "conflict" for a refused edit). Archived reviews too."""
        with self._read() as conn:
            if (
                conn.execute(
                    select(reviews_table.c.id).where(reviews_table.c.id == review_id)
                ).first()
                is None
            ):
                raise ReviewNotFound(f"No review with id {review_id}")
            return self._history(conn, review_id)


def _extraction(raw: str | None) -> dict[str, Any]:
    """`model` and `warnings` of a review row (none recorded before schema 3)."""
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        found = {}
    found = found if isinstance(found, dict) else {}
    warnings = found.get("warnings")
    return {
        "model": str(found["model"]) if found.get("model") else None,
        "warnings": [str(w) for w in warnings] if isinstance(warnings, list) else [],
    }
