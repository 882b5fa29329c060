"""The reviewer's side of the store: verdicts arriving late, added claims, marks, dismissals."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import func, insert, select, update

from checks.models import Claim, Review, Verdict
from checks.store.core import StoreBase
from checks.store.records import (
    ClaimNotFound,
    EditConflict,
    StoreError,
    claim_row,
    claims_table,
    clean_text,
    marks_table,
    now_iso,
    row_review,
    verdict_json,
    verdicts_table,
)


class ReviewStore(StoreBase):
    """Reviews kept in the database at `url`; safe to share between threads and sessions.

    Every call is one short transaction, committed before it returns: a mark is never held in
    memory only. Writes are audited (who, field, old value, new value, UTC time).
    """

    # -- claims and verdicts ------------------------------------------------------------------

    def save_verdicts(
        self, review_id: int, verdicts: Mapping[str, Verdict], *, who: str = "checker"
    ) -> None:
        """Store (or replace) verdicts; they arrive after the claims, one batch at a time."""
        now = now_iso()
        with self._write() as conn:
            self._lock_review(conn, review_id)
            unknown = set(verdicts) - self._claim_ids(conn, review_id)
            if unknown:
                raise ClaimNotFound(f"Review {review_id} has no claims {sorted(unknown)}")
            changed = False
            for claim_id, verdict in verdicts.items():
                key = (verdicts_table.c.review_id == review_id) & (
                    verdicts_table.c.claim_id == claim_id
                )
                old = conn.execute(select(verdicts_table.c.verdict_json).where(key)).scalar()
                new = verdict_json(verdict)
                if old == new:
                    continue
                if old is None:
                    conn.execute(
                        insert(verdicts_table).values(
                            review_id=review_id, claim_id=claim_id, verdict_json=new, updated_at=now
                        )
                    )
                    old_label = None
                else:
                    conn.execute(
                        update(verdicts_table).where(key).values(verdict_json=new, updated_at=now)
                    )
                    old_label = json.loads(old)["label"]
                self._audit_row(
                    conn, review_id, claim_id, who, "verdict", old_label, verdict.label, now
                )
                changed = True
            if changed:
                self._touch(conn, review_id, now)

    def add_claim(self, review_id: int, claim: Claim, *, reviewer: str = "") -> Claim:
        """Add a claim the extractor missed; returns it with its new id ("r1", "r2", ...)."""
        now = now_iso()
        with self._write() as conn:
            text = self._lock_review(conn, review_id).text
            if not 0 <= claim.start <= claim.end <= len(text):
                raise StoreError(
                    f"Claim offsets {claim.start}..{claim.end} are outside the article "
                    f"(0..{len(text)})"
                )
            located = text[claim.start : claim.end]
            if claim.text and claim.text != located:
                raise StoreError(
                    f"Claim text {claim.text!r} is not the article's text at "
                    f"{claim.start}..{claim.end} ({located!r})"
                )
            existing = self._claim_ids(conn, review_id)
            numbers = [int(i[1:]) for i in existing if i[:1] == "r" and i[1:].isdigit()]
            new_id = f"r{max(numbers, default=0) + 1}"
            position = conn.execute(
                select(func.coalesce(func.max(claims_table.c.position), -1)).where(
                    claims_table.c.review_id == review_id
                )
            ).scalar_one()
            added = replace(
                claim,
                id=new_id,
                origin="reviewer",
                text=located,
                sentence=claim.sentence or located,
            )
            conn.execute(insert(claims_table).values(**claim_row(review_id, position + 1, added)))
            self._audit_row(conn, review_id, new_id, reviewer, "claim", None, located, now)
            self._touch(conn, review_id, now)
        return added

    # -- marks --------------------------------------------------------------------------------

    def _change_mark(
        self,
        review_id: int,
        claim_id: str,
        reviewer: str,
        changes: dict[str, Any],
        expected_version: int | None,
    ) -> Review:
        now = now_iso()
        conflict: EditConflict | None = None
        with self._write() as conn:
            self._lock_review(conn, review_id)
            if claim_id not in self._claim_ids(conn, review_id):
                raise ClaimNotFound(f"Review {review_id} has no claim {claim_id!r}")
            key = (marks_table.c.review_id == review_id) & (marks_table.c.claim_id == claim_id)
            row = conn.execute(select(marks_table).where(key)).first()
            current = row_review(row) if row else Review(claim_id=claim_id)
            version = row.version if row else 0
            changed = {k: v for k, v in changes.items() if getattr(current, k) != v}
            if not changed:
                return current
            stale = expected_version is not None and expected_version != version
            for name, value in changed.items():
                old, new = getattr(current, name), value
                if isinstance(value, bool):  # audit values are text: "true" / "false"
                    old, new = str(old).lower(), str(value).lower()
                outcome = "conflict" if stale else "saved"
                self._audit_row(conn, review_id, claim_id, reviewer, name, old, new, now, outcome)
            if stale:  # logged (committed below), not saved: theirs stays, the caller is told
                conflict = EditConflict(review_id, claim_id, current, version, changed)
            else:
                mark = replace(current, **changed, reviewer=reviewer, updated_at=now)
                values = {
                    "status": mark.status,
                    "note": mark.note,
                    "reviewer": mark.reviewer,
                    "dismissed": mark.dismissed,
                    "updated_at": now,
                    "version": version + 1,
                }
                if row is None:
                    conn.execute(
                        insert(marks_table).values(review_id=review_id, claim_id=claim_id, **values)
                    )
                else:
                    # The row lock above already serialises writers; the version condition
                    # makes the rule hold even where FOR UPDATE is a no-op.
                    done = conn.execute(
                        update(marks_table)
                        .where(key & (marks_table.c.version == version))
                        .values(**values)
                    )
                    if done.rowcount != 1:
                        raise StoreError(f"Claim {claim_id} changed during the save; try again")
                self._touch(conn, review_id, now)
        if conflict is not None:
            raise conflict
        return mark

    def mark_version(self, review_id: int, claim_id: str) -> int:
        """The version of a claim's mark (0 before the first save): what an edit starts from."""
        with self._read() as conn:
            version = conn.execute(
                select(marks_table.c.version).where(
                    (marks_table.c.review_id == review_id) & (marks_table.c.claim_id == claim_id)
                )
            ).scalar()
        return int(version or 0)

    def set_mark(
        self,
        review_id: int,
        claim_id: str,
        *,
        status: str | None = None,
        note: str | None = None,
        reviewer: str,
        expected_version: int | None = None,
    ) -> Review:
        """Save a reviewer's status and/or note now (None leaves a field as it is).

        With `expected_version` (the version the reviewer saw, `ReviewBundle.versions`), a mark
        someone else saved since is not overwritten: `EditConflict` is raised with their change
        and the refused edit is logged. Without it, the last save wins (one-person use)."""
        changes: dict[str, Any] = {}
        if status is not None:
            self._check_status(status)
            changes["status"] = status
        if note is not None:
            changes["note"] = clean_text(note)
        return self._change_mark(
            review_id, claim_id, clean_text(reviewer), changes, expected_version
        )

    def dismiss_claim(
        self,
        review_id: int,
        claim_id: str,
        reviewer: str,
        dismissed: bool = True,
        *,
        expected_version: int | None = None,
    ) -> Review:
        """Hide a claim the reviewer judges not a claim (kept, and undoable, not deleted)."""
        return self._change_mark(
            review_id,
            claim_id,
            clean_text(reviewer),
            {"dismissed": bool(dismissed)},
            expected_version,
        )
