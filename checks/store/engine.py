"""One SQLAlchemy engine per database per process, tuned so sessions queue instead of failing."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError

from checks.store.records import StoreError

#: Seconds a writer waits for another session's lock before giving up (SQLite).
BUSY_TIMEOUT_SECONDS = 30

_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def resolve_url(url: str) -> URL:
    """Parse the URL; for SQLite expand `~` and create the parent directory."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"Invalid store URL {url!r}: {exc}") from None
    if parsed.get_backend_name() != "sqlite":
        return parsed
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise StoreError(
            "An in-memory SQLite store cannot be shared between sessions and loses every mark "
            "on exit; use a file, e.g. sqlite:///~/.cache/checks/reviews.sqlite"
        )
    path = Path(database).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return parsed.set(database=str(path))


def _wal(cursor: Any) -> None:
    """Switch to WAL. Two processes opening a fresh store at once race for the file: SQLite
    answers "database is locked" at once here, without its busy handler, so wait and retry
    for as long as a writer would wait."""
    waited = 0.0
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or waited >= BUSY_TIMEOUT_SECONDS:
                raise
            time.sleep(0.05)
            waited += 0.05


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, emits BEGIN (see _on_begin); WAL lets readers
        # carry on while one session writes, the busy timeout makes writers queue, not fail.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        _wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("checks_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def engine_for(url: str) -> Engine:
    """One engine (and pool) per database per process, shared by every store and session."""
    resolved = resolve_url(url)
    key = resolved.render_as_string(hide_password=False)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = _make_engine(resolved)
        return engine
