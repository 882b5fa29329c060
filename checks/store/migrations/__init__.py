"""Alembic migrations of the review store, run by the store itself when it opens a database.

The Alembic config is built here (script location = this folder), so migrations work from any
working directory, for SQLite and PostgreSQL alike. Stores made before Alembic (schema version 1,
no `alembic_version` table) are stamped with revision 0001 first, then upgraded: nothing in them
is rewritten except by the migrations themselves.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Connection

from checks.store.records import SCHEMA_VERSION, StoreError, schema_table

HERE = Path(__file__).resolve().parent
#: The revision of schema version 1 (the tables as they were before Alembic).
FIRST_REVISION = "0001"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision this program knows."""
    revision = _scripts().get_current_head()
    assert revision is not None
    return revision


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sql_text("SELECT version_num FROM alembic_version")).scalar()


def is_current(conn: Connection) -> bool:
    """True when the store is at this program's newest revision and schema number."""
    if current_revision(conn) != head():
        return False
    return conn.execute(select(schema_table.c.version)).scalar() == SCHEMA_VERSION


def upgrade(conn: Connection) -> None:
    """Bring the database on `conn` to the newest schema, inside the caller's transaction.

    Refuses a store written by a newer program (an unknown revision or a higher schema number)
    rather than guessing at tables it does not know."""
    revision = current_revision(conn)
    tables = inspect(conn).get_table_names()
    if "checks_schema" in tables:
        version = conn.execute(select(schema_table.c.version)).scalar()
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"The store at {conn.engine.url!r} has schema version {version}, newer than "
                f"this program's {SCHEMA_VERSION}; upgrade the workbench."
            )
    if revision is not None:
        try:
            _scripts().get_revision(revision)
        except Exception:  # alembic raises several kinds for an unknown id
            raise StoreError(
                f"The store at {conn.engine.url!r} is at migration {revision!r}, which this "
                "program does not know (made by a newer version?); upgrade the workbench."
            ) from None
    if revision == head():
        return
    config = alembic_config(conn)
    if revision is None and "checks_reviews" in tables:
        command.stamp(config, FIRST_REVISION)  # a store from before migrations: schema 1
    command.upgrade(config, "head")
