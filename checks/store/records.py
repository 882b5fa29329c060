"""Records, errors, tables and row conversions of the review store (no I/O here)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)

from checks.errors import CheckError
from checks.models import ArticleMeta, Claim, Evidence, Review, Verdict

#: Bump with an Alembic revision (checks/store/migrations/versions) whenever the tables change;
#: the revision also writes this number into `checks_schema`.
SCHEMA_VERSION = 3
#: The status of a claim nobody has looked at; always accepted, so a mark can be reset.
UNREVIEWED = "Unreviewed"


class StoreError(CheckError):
    """The review store cannot do what was asked; the message says why."""


class ReviewNotFound(StoreError, LookupError):
    """No review with that id (deleted, or another store)."""


class ClaimNotFound(StoreError, LookupError):
    """The review has no claim with that id."""


class InvalidStatus(StoreError, ValueError):
    """A status outside the configured list; the message lists the allowed ones."""


class EditConflict(StoreError):
    """Someone saved this mark after the version the editor started from; nothing was saved.

    `current` is their saved mark (who, status, note, when), `version` its version, and
    `attempted` the fields this edit tried to change. The refused attempt is in the audit trail
    (outcome "conflict"), so neither change is lost."""

    def __init__(
        self, review_id: int, claim_id: str, current: Review, version: int, attempted: dict
    ) -> None:
        self.review_id, self.claim_id = review_id, claim_id
        self.current, self.version, self.attempted = current, version, attempted
        who = current.reviewer or "someone"
        when = current.updated_at or "an unknown time"
        theirs = "; ".join(f"{name} {getattr(current, name)!r}" for name in attempted)
        super().__init__(
            f"{who} changed claim {claim_id} at {when} ({theirs}) after you opened it, so your "
            "edit was not saved (it is kept in the history); look at their change and apply "
            "yours again if it still holds."
        )


@dataclass(frozen=True)
class ReviewSummary:
    """One line of the review list. Counts leave out dismissed claims."""

    id: int
    name: str
    title: str
    created_at: str
    updated_at: str
    claim_count: int
    reviewed_count: int
    owner: str = ""
    team: str = ""


@dataclass
class ReviewBundle:
    """Everything about one review, as the UI and the reports need it."""

    id: int
    name: str
    text: str
    meta: ArticleMeta
    claims: list[Claim]
    verdicts: dict[str, Verdict]
    marks: dict[str, Review]
    dismissed: set[str]
    history: list[dict[str, Any]]
    created_at: str
    updated_at: str
    versions: dict[str, int] = field(default_factory=dict)  # mark version per claim (0: none)
    owner: str = ""
    team: str = ""
    model: str | None = None  # the language model that extracted the claims (if recorded)
    warnings: list[str] = field(default_factory=list)  # what the reviewer was told then


metadata = MetaData()
schema_table = Table(
    "checks_schema", metadata, Column("id", Integer, primary_key=True), Column("version", Integer)
)
reviews_table = Table(
    "checks_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("meta_json", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("owner", Text, nullable=False, server_default=""),  # the creator's identity
    Column("team", Text, nullable=False, server_default=""),  # who may open it (checks.auth)
    Column("archived_at", Text),  # set instead of deleting: the audit trail stays
    # {"model": ..., "warnings": [...]} of the extraction, for the reports (schema 3)
    Column("extraction_json", Text, nullable=False, server_default="{}"),
)
claims_table = Table(
    "checks_claims",
    metadata,
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
verdicts_table = Table(
    "checks_verdicts",
    metadata,
    Column("review_id", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("verdict_json", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("review_id", "claim_id"),
)
marks_table = Table(
    "checks_marks",
    metadata,
    Column("review_id", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("dismissed", Boolean, nullable=False),
    Column("updated_at", Text, nullable=False),
    # Optimistic concurrency: every saved change adds one; a save names the version it edited.
    Column("version", Integer, nullable=False, server_default="1"),
    PrimaryKeyConstraint("review_id", "claim_id"),
)
audit_table = Table(
    "checks_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, nullable=False, index=True),
    Column("claim_id", Text),
    Column("who", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("at", Text, nullable=False),
    Column("outcome", Text, nullable=False, server_default="saved"),  # or "conflict"
)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text the database can store: a lone surrogate (from a broken paste or a buggy client)
    cannot be encoded as UTF-8, so it becomes U+FFFD instead of making the save fail."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def clean_meta(meta: ArticleMeta) -> ArticleMeta:
    return ArticleMeta(
        date=meta.date,
        title=clean_text(meta.title),
        source=clean_text(meta.source),
        url=clean_text(meta.url),
    )


def clean_claim(claim: Claim) -> Claim:
    return replace(claim, text=clean_text(claim.text), sentence=clean_text(claim.sentence))


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def verdict_json(verdict: Verdict) -> str:
    data = verdict.to_dict()
    data["retryable"] = verdict.retryable
    for item, evidence in zip(data["evidence"], verdict.evidence, strict=True):
        try:  # keep the payload excerpt for audit when it can be stored as JSON
            item["raw"] = json.loads(json.dumps(evidence.raw))
        except (TypeError, ValueError):
            item["raw"] = None
    return dump_json(data)


def verdict_from_json(raw: str) -> Verdict:
    data = json.loads(raw)
    evidence = [Evidence(**item) for item in data.pop("evidence", [])]
    return Verdict(evidence=evidence, **data)


def claim_row(review_id: int, position: int, claim: Claim) -> dict[str, Any]:
    return {
        "review_id": review_id,
        "claim_id": claim.id,
        "position": position,
        "type": claim.type,
        "start_offset": claim.start,
        "end_offset": claim.end,
        "text": claim.text,
        "sentence": claim.sentence,
        "value_json": dump_json(claim.value),
        "sentence_start": claim.sentence_start,
        "origin": claim.origin,
    }


def row_claim(row: Any) -> Claim:
    return Claim(
        id=row.claim_id,
        type=row.type,
        start=row.start_offset,
        end=row.end_offset,
        text=row.text,
        sentence=row.sentence,
        value=json.loads(row.value_json),
        sentence_start=row.sentence_start,
        origin=row.origin,
    )


def row_review(row: Any) -> Review:
    return Review(
        claim_id=row.claim_id,
        status=row.status,
        note=row.note,
        reviewer=row.reviewer,
        updated_at=row.updated_at,
        dismissed=bool(row.dismissed),
    )
