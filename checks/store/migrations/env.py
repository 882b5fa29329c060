"""Alembic environment: the store passes its own connection (in its write transaction).

From the command line (`alembic -c checks/store/migrations/alembic.ini upgrade head`) the URL
is `CHECKS_STORE_URL`, else the config's `sqlalchemy.url`.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=None, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = os.environ.get("CHECKS_STORE_URL") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("Set CHECKS_STORE_URL (or sqlalchemy.url) to the store to migrate")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
