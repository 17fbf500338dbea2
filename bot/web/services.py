"""Everything the web app needs, built once at the entry point from the Settings.

One knowledge base serves /api/ask, the eligibility checker (/api/check) and the dialogue core
(/api/chat). One database (the dialogue sessions' URL) holds the sessions and the web's tables.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from sqlalchemy.engine import Engine

from bot.checker import Checker
from bot.db import checkpoint, open_database, writing
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.live import LiveServices
from bot.present.answers import AnswerResult, answer_result
from bot.services import Services
from bot.settings import Settings
from bot.web.accounts import StaffAccounts
from bot.web.answer_log import AnswerLog
from bot.web.audit import AuditTrail
from bot.web.feedback import FeedbackDesk
from bot.web.next_turn import warm as next_turn_warm
from bot.web.retention import Purged
from bot.web.sites import SiteRegistry
from bot.web.throttle import RateLimiter
from bot.web.transcript import Transcripts
from bot.web.turn_read import TurnReads
from eligibility.rulebook import Rulebook
from knowledge.kb import KnowledgeBase
from knowledge.numerals import preload as preload_numerals
from knowledge.regions import Gazetteer

Clock = Callable[[], date]


ACCOUNT_FAILURES = "5/minute;30/hour"
PASSWORD_CHECKS = 2


@dataclass
class WebServices:
    settings: Settings
    kb: KnowledgeBase
    rulebook: Rulebook
    checker: Checker
    conversations: Conversations
    engine: Engine
    audit: AuditTrail
    accounts: StaffAccounts
    answer_log: AnswerLog
    sites: SiteRegistry
    api_limiter: RateLimiter
    login_limiter: RateLimiter
    transcripts: Transcripts
    feedback: FeedbackDesk
    clock: Clock = date.today
    # Failed logins per account name, whatever address they come from (a flood from many addresses).
    account_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(ACCOUNT_FAILURES, "login-account"))
    # argon2id takes 64 MiB and ~50 ms per check: at most this many at once, the rest are told to retry.
    password_checks: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(PASSWORD_CHECKS)
    )
    clause_benefits: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # The product on the published documents, renewed when staff publish or retire one (bot/live.py).
    live: LiveServices | None = None
    # What a chat turn reads before it (glance, session, last answer), in one statement.
    turn_reads: TurnReads = field(init=False)

    def __post_init__(self) -> None:
        self.turn_reads = TurnReads(self.engine)
        size = self.settings.web_answer_cache_size
        self._ask = lru_cache(maxsize=size)(self._answer) if size else self._answer
        self._core = self.live.current() if self.live else None
        self._index_benefits()

    def refresh(self, now: bool = False) -> None:
        """Take the newest product when the published documents changed (checked in the background
        at most every POLICYBOT_DOCUMENTS_REFRESH_SECONDS, or `now`: before a question, which waits a few seconds
        at most for a rebuild on documents published a moment ago); cached answers of the old one are dropped."""
        if self.live is None:
            return
        core = self.live.checked() if now else self.live.current()
        if core is self._core:
            return
        size = self.settings.web_answer_cache_size
        self.kb, self.checker, self.conversations = core.knowledge, core.checker, core.conversations
        self.rulebook = core.rulebook
        self._ask = lru_cache(maxsize=size)(self._answer) if size else self._answer
        self._core = core
        self._index_benefits()

    def _index_benefits(self) -> None:
        """Which benefits cite each clause (the console's clause pages), for the rulebook in use."""
        index: dict[str, list[tuple[str, str]]] = {}
        for benefit in sorted(self.rulebook.benefits.values(), key=lambda b: b.id):
            for cited in benefit.citations:
                index.setdefault(cited.cite, []).append((benefit.id, benefit.name))
        self.clause_benefits = index

    def ask(self, question: str, region: str | None, as_of: date) -> AnswerResult:
        """The knowledge core's answer, worded; identical questions on the same day come from a bounded cache."""
        return self._ask(question, region, as_of)

    def _answer(self, question: str, region: str | None, as_of: date) -> AnswerResult:
        return answer_result(self.kb.answerer.answer(question, region, as_of))

    def forget_person(self, key: str, session_deleted: bool = False) -> tuple[bool, int]:
        """Delete everything kept about one conversation — its session, its transcript and every answer
        logged for it — from the database all replicas share; returns (had a session, answers deleted).
        `session_deleted`: the person's /forget turn deleted the session in its own transaction already."""
        had_session = session_deleted or self.conversations.forget(key)
        self.answer_log.flush()  # answers still queued for this conversation are stored, then deleted
        # The transcript and the logged answers go in one transaction.
        with writing(self.engine), self.engine.begin() as connection:
            had_session = self.transcripts.forget_on(connection, key) > 0 or had_session
            answers = self.answer_log.forget_session_on(connection, key)
        checkpoint(self.engine)  # the deleted text leaves SQLite's write-ahead log too
        return had_session, answers

    def person_data(self, key: str) -> dict[str, int]:
        """How much is kept about one conversation (shown before staff delete it)."""
        return {
            "session": int(self.conversations.state(key) is not None),
            "messages": self.transcripts.count(key),
            "answers": self.answer_log.count_session(key),
        }

    def purge_expired(self) -> Purged:
        """The retention limits (bot/web/retention.py): sessions and web transcripts idle longer than
        POLICYBOT_SESSION_TTL_DAYS, logged answers older than POLICYBOT_ANSWER_LOG_DAYS."""
        now = datetime.now(UTC)
        idle_since = now - timedelta(days=self.settings.session_ttl_days)
        store = self.conversations.store
        purged = Purged(
            sessions=store.prune(idle_since) if isinstance(store, SqlSessionStore) else 0,
            messages=self.transcripts.prune(idle_since),
            answers=self.answer_log.prune(now - timedelta(days=self.settings.answer_log_days)),
        )
        if any(purged):
            checkpoint(self.engine)
        return purged

    def close(self) -> None:
        self.answer_log.close()
        self.engine.dispose()
        store = self.conversations.store
        if isinstance(store, SqlSessionStore):
            store.close()


def build_services(settings: Settings, kb: KnowledgeBase | None = None, clock: Clock = date.today) -> WebServices:
    """The web's parts: the product's core from the composition root, plus the web's own tables."""
    core = Services(settings, clock=clock, knowledge=kb)
    preload_numerals()
    core.warm()
    next_turn_warm()
    live = LiveServices(core, settings.documents_refresh_seconds) if kb is None else None
    engine = open_database(settings.resolved_database_url(), core.session_key_secret)
    audit = AuditTrail(engine)
    answer_log = AnswerLog(engine, audit)
    current: list[WebServices] = []  # the services below: their knowledge base is renewed on publish
    web = WebServices(
        settings=settings,
        kb=core.knowledge,
        rulebook=core.rulebook,
        checker=core.checker,
        conversations=core.conversations,
        engine=engine,
        audit=audit,
        accounts=StaffAccounts(engine, audit, settings.staff_session_hours),
        answer_log=answer_log,
        sites=SiteRegistry(engine, audit, settings.web_sites, demo=settings.web_demo_site),
        api_limiter=RateLimiter(settings.web_rate_limit, "api"),
        login_limiter=RateLimiter(settings.web_login_rate_limit, "login"),
        transcripts=Transcripts(engine),
        feedback=FeedbackDesk(
            engine, answer_log, lambda question: _covered_place_asked(current[0].kb.gazetteer, question)
        ),
        clock=clock,
        live=live,
    )
    current.append(web)
    return web


@lru_cache(maxsize=8192)
def _covered_place_asked(gazetteer: Gazetteer, question: str) -> str | None:
    """The covered jurisdiction a logged question asks about, as the gazetteer reads where the person
    is and asks about (per gazetteer: a publish that covers a new place makes a new one)."""
    resolved = gazetteer.resolve(question)
    return resolved.jurisdiction if resolved.covered else None
