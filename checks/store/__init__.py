"""The review store: articles, claims, verdicts and reviewers' marks, kept in SQL.

SQLite by default (one file per laptop), any SQLAlchemy URL for a team (e.g. PostgreSQL). Every
call opens a short transaction and closes it, so one `ReviewStore` can be shared by the
Streamlit sessions of a process; engines are cached per URL, one per process. Every write takes
the write lock up front (SQLite `BEGIN IMMEDIATE`, `SELECT ... FOR UPDATE` on the review row
elsewhere) so that read-modify-write of a mark and its audit row never interleave, and a mark is
committed the moment it is set. Marks carry a version: an edit that names the version it
started from is refused (`EditConflict`, logged as a conflict) if someone saved in between. The
tables are created and upgraded by Alembic (`checks/store/migrations`).
"""

from __future__ import annotations

from checks.store.records import (
    SCHEMA_VERSION,
    UNREVIEWED,
    ClaimNotFound,
    EditConflict,
    InvalidStatus,
    ReviewBundle,
    ReviewNotFound,
    ReviewSummary,
    StoreError,
)
from checks.store.review_store import ReviewStore

__all__ = [
    "SCHEMA_VERSION",
    "UNREVIEWED",
    "ClaimNotFound",
    "EditConflict",
    "InvalidStatus",
    "ReviewBundle",
    "ReviewNotFound",
    "ReviewStore",
    "ReviewSummary",
    "StoreError",
]
