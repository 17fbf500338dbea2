"""session keys stored as keyed hashes (issue 14): `<channel>:<HMAC-SHA256, hex>`

Every stored session key — sessions, web transcripts, the answer log — is rewritten from the
channel key (`telegram:<chat id>`, `web:<session id>`) to its keyed hash (bot/dialogue/keys.py),
with the deploy secret the starting process passes in `config.attributes["session_key_secret"]`.
A database with keys to rewrite and no secret given is refused (nothing is changed); a database
without any key needs none.

Revision ID: 0005
Revises: 0004
Created: 2026-12-02 03:00:00
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column) of every stored session key; the answer log's is empty for /api/ask answers.
KEY_COLUMNS = (("dialogue_sessions", "key"), ("chat_transcripts", "session_key"), ("answer_log", "session_key"))


def stored_key(secret: bytes, key: str) -> str:
    """bot/dialogue/keys.py `stored_key` as it was at this revision (a migration keeps its own copy)."""
    digest = hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{key.split(':', 1)[0]}:{digest}"


def upgrade() -> None:
    bind = op.get_bind()
    found = {
        (table, column): list(
            bind.execute(sa.text(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")).scalars()
        )
        for table, column in KEY_COLUMNS
    }
    if not any(found.values()):
        return
    secret = context.config.attributes.get("session_key_secret")
    if not isinstance(secret, bytes) or not secret:
        raise RuntimeError(
            "revision 0005 rewrites the stored session keys as keyed hashes and needs the session key "
            "secret: start `policybot serve`, `policybot telegram` or `policybot chat`, which pass it"
        )
    for (table, column), keys in found.items():
        update = sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old")
        pairs = [{"old": key, "new": stored_key(secret, key)} for key in keys]
        if pairs:
            bind.execute(update, pairs)


def downgrade() -> None:
    """Nothing to undo in the schema. A keyed hash cannot be turned back into its key, so the rows keep
    their hashed keys: code from before 0005 finds none of those conversations and starts afresh, as
    after a lost secret (restore the backup taken before the upgrade to keep them). Raising here would
    instead block every later downgrade through this revision."""
