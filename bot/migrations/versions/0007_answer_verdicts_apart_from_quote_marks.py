"""answer verdicts apart from quote marks: citation_marks.scope (session 27)

A staff mark was always a mark on the quote, in force wherever that quote appeared: flagging one
answer flagged every answer citing the same sentence. Marks now have a scope: `quote` (the quote is
verbatim and correct, or not) or `answer` (how one answer used it: apt, misapplied, wrong).

Every row is kept, and kept meaning what it meant when staff made it: every existing mark stays a
mark on the quote (`scope` = `quote`). A `flagged` mark made on an answer's page may have been about
the quote (引文截断) or about that answer — the old form could not say which — so turning it into a
verdict on one answer would bring an older 核实无误 of the same quote back into force and show users
原文已核实 on a quote staff had taken back (review, session 27). New marks carry their own scope.

Revision ID: 0007
Revises: 0006
Created: 2026-12-05 08:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("citation_marks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=8), server_default="quote", nullable=False))
        batch_op.create_index(batch_op.f("ix_citation_marks_citation_id"), ["citation_id"], unique=False)


def downgrade() -> None:
    """Answer verdicts become quote marks again (their status kept: `apt`/`misapplied` are shown by
    older code as unknown marks, nothing is deleted)."""
    with op.batch_alter_table("citation_marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citation_marks_citation_id"))
        batch_op.drop_column("scope")
