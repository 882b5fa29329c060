"""Schema version 3: how each review's claims were extracted (the language model, and the
warnings the reviewer was given, e.g. text converted from HTML or a budget that ran out), so a
report made later says so as the command line's does.

Reviews that exist already have none recorded ("{}").

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checks_reviews") as batch:
        batch.add_column(sa.Column("extraction_json", sa.Text, nullable=False, server_default="{}"))
    op.execute("UPDATE checks_schema SET version = 3")


def downgrade() -> None:
    with op.batch_alter_table("checks_reviews") as batch:
        batch.drop_column("extraction_json")
    op.execute("UPDATE checks_schema SET version = 2")
