"""answers missed or partly answered: answer_log.asked, unanswered_parts, next_turn, next_said (session 29)

The staff queue showed questions left unanswered, declined or rated down, but never an answer that was
given and missed: the person's next message says so (不对, 我问的是…) or asks the same again in other
words, or a message asking two things got one answered. Each answer row now keeps what was asked (the
dialogue's reading), the parts it left unanswered, and what the next typed message said of it.
Existing rows keep NULL in all four: nothing is known of them.

Revision ID: 0008
Revises: 0007
Created: 2026-12-05 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("answer_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("asked", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("unanswered_parts", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("next_turn", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("next_said", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answer_log", schema=None) as batch_op:
        batch_op.drop_column("next_said")
        batch_op.drop_column("next_turn")
        batch_op.drop_column("unanswered_parts")
        batch_op.drop_column("asked")
