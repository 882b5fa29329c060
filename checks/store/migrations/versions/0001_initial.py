"""The first schema (store schema version 1), as committed before migrations existed.

Stores made before Alembic already have these tables and are stamped with this revision.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema = op.create_table(
        "checks_schema",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer),
    )
    op.bulk_insert(schema, [{"id": 1, "version": 1}])
    op.create_table(
        "checks_reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meta_json", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
    )
    op.create_table(
        "checks_claims",
        sa.Column("review_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("value_json", sa.Text, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("review_id", "claim_id"),
    )
    op.create_table(
        "checks_verdicts",
        sa.Column("review_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("verdict_json", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("review_id", "claim_id"),
    )
    op.create_table(
        "checks_marks",
        sa.Column("review_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("dismissed", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("review_id", "claim_id"),
    )
    op.create_table(
        "checks_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("review_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Text),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("at", sa.Text, nullable=False),
    )
    op.create_index("ix_checks_audit_review_id", "checks_audit", ["review_id"])


def downgrade() -> None:
    for table in ("checks_audit", "checks_marks", "checks_verdicts", "checks_claims"):
        op.drop_table(table)
    op.drop_table("checks_reviews")
    op.drop_table("checks_schema")
