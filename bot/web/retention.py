"""Retention as a feature (issue 14, M5): what is kept about people is deleted by age while
`policybot serve` runs — at start and then every POLICYBOT_RETENTION_INTERVAL_MINUTES.

- sessions idle longer than POLICYBOT_SESSION_TTL_DAYS, with their web transcripts;
- the answer log (the questions people typed, with citations and feedback) older than
  POLICYBOT_ANSWER_LOG_DAYS.

Every worker and replica runs the purge; the deletes are idempotent, so running it twice deletes
nothing more. After a deletion the SQLite write-ahead log is checkpointed (bot/db.py), so deleted
text does not linger there.
"""

from __future__ import annotations

import asyncio
import logging
from typing import NamedTuple, Protocol

from bot.db import DATABASE_DOWN

log = logging.getLogger(__name__)


class Purged(NamedTuple):
    sessions: int
    messages: int
    answers: int


class Purging(Protocol):
    def purge_expired(self) -> Purged: ...


def purge_now(services: Purging) -> Purged:
    """One purge, logged; a database error is logged and tried again at the next interval."""
    try:
        purged = services.purge_expired()
    except DATABASE_DOWN as exc:
        # Down, read-only or full: /readyz says so; one line, not a traceback, each interval.
        log.warning(
            "retention: the database cannot be written (%s); trying again at the next interval",
            getattr(exc, "orig", exc),
        )
        return Purged(0, 0, 0)
    except Exception:
        log.exception("retention: the purge failed; trying again at the next interval")
        return Purged(0, 0, 0)
    if any(purged):
        log.info(
            "retention: deleted %d idle sessions, %d transcript messages, %d logged answers",
            purged.sessions, purged.messages, purged.answers,
        )  # fmt: skip
    return purged


async def keep_purging(services: Purging, every_seconds: float) -> None:
    """Purge every `every_seconds` until cancelled (the server stopping); the work runs on a thread,
    so requests are not held up."""
    while True:
        await asyncio.sleep(every_seconds)
        await asyncio.to_thread(purge_now, services)
