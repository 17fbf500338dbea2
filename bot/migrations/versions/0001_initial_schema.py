"""Initial schema: the tables of the release before migrations, exactly as its `create_all` made them.

A database of that release with all of them is stamped at this revision instead (bot/db.py). One
with only some — a process of that release creates only its own tables (the Telegram worker: the
sessions; `policybot staff add`: the web's) — keeps those, and this creates the missing ones.

Revision ID: 0001
Revises:
Created: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def create_table(present: set[str], name: str, *elements: sa.schema.SchemaItem, indexed: Sequence[str] = ()) -> None:
    """Create `name` with an index on each column in `indexed`, unless the database has that table."""
    if name in present:
        return
    op.create_table(name, *elements)
    for column in indexed:
        op.create_index(op.f(f"ix_{name}_{column}"), name, [column], unique=False)


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    create_table(
        present,
        "dialogue_sessions",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
        indexed=["updated_at"],
    )
    create_table(
        present,
        "staff_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    create_table(
        present,
        "answer_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("session_key", sa.String(length=200), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=True),
        sa.Column("region", sa.String(length=32), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        indexed=["session_key", "created_at"],
    )
    create_table(
        present,
        "citation_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_key", sa.String(length=32), nullable=False),
        sa.Column("clause_id", sa.String(length=64), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("staff_name", sa.String(length=64), nullable=False),
        sa.Column("citation_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        indexed=["quote_key", "clause_id", "created_at"],
    )
    create_table(
        present,
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        indexed=["at"],
    )
    create_table(
        present,
        "widget_sites",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("origins", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    create_table(
        present,
        "staff_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
        indexed=["expires_at", "staff_id"],
    )
    create_table(
        present,
        "answer_citations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("clause_id", sa.String(length=64), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("quote_key", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["answer_log.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        indexed=["answer_id", "clause_id", "quote_key"],
    )


def downgrade() -> None:
    for name in (
        "answer_citations",
        "staff_sessions",
        "widget_sites",
        "audit_events",
        "citation_marks",
        "answer_log",
        "staff_accounts",
        "dialogue_sessions",
    ):
        op.drop_table(name)
