"""Schema version 2: an owner, a team and an archive date per review; a version per mark;
an outcome per audit row ("saved", or "conflict" for a refused edit).

Marks that exist already count as saved once (version 1).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checks_reviews") as batch:
        batch.add_column(sa.Column("owner", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("team", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("archived_at", sa.Text, nullable=True))
    with op.batch_alter_table("checks_marks") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    with op.batch_alter_table("checks_audit") as batch:
        batch.add_column(sa.Column("outcome", sa.Text, nullable=False, server_default="saved"))
    op.execute("UPDATE checks_schema SET version = 2")


def downgrade() -> None:
    with op.batch_alter_table("checks_audit") as batch:
        batch.drop_column("outcome")
    with op.batch_alter_table("checks_marks") as batch:
        batch.drop_column("version")
    with op.batch_alter_table("checks_reviews") as batch:
        batch.drop_column("archived_at")
        batch.drop_column("team")
        batch.drop_column("owner")
    op.execute("UPDATE checks_schema SET version = 1")
