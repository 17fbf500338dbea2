"""Published means live (issue 13): every process answers from the documents published now.

A process asks the database for the published-documents version at most every `interval` seconds,
in a background thread (a request never waits for it). When the version moved, the same thread
builds the whole product again on the new documents (`Services.renewed`) and swaps it in with one
assignment; requests keep the old one until then. A build that fails is logged and the old one
stays, so a broken document never takes a replica down; the next check tries again.

A question does not wait for the next check (`checked`): it reads the version itself — one row — and,
when it moved, starts the rebuild on the background thread and waits for it a few seconds at most
(`QUESTION_WAIT`), whoever changed them (the staff console, `policybot documents publish/retire` in
another process, another replica). A rebuild that takes longer — a slow machine, another process holding
the ingest lock — never holds questions: they are answered from the last product until it is done, and
only the first question of a version waits for it. A version that failed to build is not tried again.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bot.dialogue.service import Handled, WithTheTurn
from bot.dialogue.types import Reply, Turn
from bot.services import Services

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 2.0
# How long a question waits for the rebuild on documents published a moment ago before it is answered
# from the last product (the request thread is never held longer by a rebuild).
QUESTION_WAIT = 5.0
INGEST_LOCK = "ingest.lock"


@contextlib.contextmanager
def ingest_lock(data_dir: Path) -> Iterator[None]:
    """One process at a time (re)writes the shared index under data_dir; the others then find it
    current and only attach to it."""
    index_dir = data_dir / "index"
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / INGEST_LOCK).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class LiveServices:
    """The product built on the published documents, renewed when they change."""

    def __init__(
        self,
        services: Services,
        interval: float = DEFAULT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        question_wait: float = QUESTION_WAIT,
    ) -> None:
        self._current = services
        self.version = services.documents_version
        self.interval = interval
        self.clock = clock
        self.question_wait = question_wait
        self._next_check = clock() + interval
        self._lock = threading.Lock()
        # One rebuild at a time (the background thread's and `renew_now`'s).
        self._renewing = threading.Lock()
        self._worker: threading.Thread | None = None
        self._failed_version: int | None = None
        # The published version a question already waited for in vain: the next ones do not wait for it.
        self._waited_out: int | None = None
        self.failures = 0

    def current(self) -> Services:
        """The newest complete product; starts a check in the background when one is due."""
        now = self.clock()
        if now >= self._next_check and self.version is not None:
            with self._lock:
                if now >= self._next_check and not self._busy():
                    self._next_check = now + self.interval
                    self._start()
        return self._current

    def checked(self) -> Services:
        """The product on the documents published at this moment, as far as a few seconds allow: when the
        version moved since the last build, the rebuild runs on the background thread (started if none
        runs) and this waits for it `question_wait` seconds at most, then answers from what is built. Only
        the first question of a version waits; a version that failed to build is not tried again here."""
        if self.version is None:
            return self._current
        try:
            published = self._current.library.version()
        except Exception:
            log.exception("could not read the published-documents version; answering from the last build")
            return self._current
        if published in (self.version, self._failed_version):
            return self._current
        if published == self._waited_out:
            self._rebuilding()
            return self._current
        deadline = time.monotonic() + self.question_wait
        # A check that started before the change may end without it: then one more rebuild, the same deadline.
        for _ in range(2):
            worker = self._rebuilding()
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive() or published in (self.version, self._failed_version):
                break
        if published not in (self.version, self._failed_version):
            self._waited_out = published
            log.warning(
                "documents version %s is still being built after %.0f s; answering from version %s meanwhile",
                published,
                self.question_wait,
                self.version,
            )
        return self._current

    def _busy(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def _start(self) -> threading.Thread:
        worker = threading.Thread(target=self._renew, name="documents-refresh", daemon=True)
        self._worker = worker
        worker.start()
        return worker

    def _rebuilding(self) -> threading.Thread:
        """The background rebuild running now, or one started now."""
        with self._lock:
            worker = self._worker
            if worker is not None and worker.is_alive():
                return worker
            self._next_check = self.clock() + self.interval
            return self._start()

    def wait(self, timeout: float | None = None) -> None:
        """Until the running check (if any) is done: for tests and orderly shutdown."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)

    def renew_now(self) -> bool:
        """Check and rebuild in this thread (tests, tools; never a request); True when a new product was
        swapped in."""
        return self._renew()

    def _renew(self) -> bool:
        with self._renewing:
            return self._renew_now()

    def _renew_now(self) -> bool:
        from knowledge.kb import saved_clauses_dir

        services = self._current
        try:
            version = services.library.version()
            if version in (self.version, self._failed_version):
                return False
            started = time.perf_counter()
            version, registry = services.library.registry(saved_clauses_dir(services.settings.resolved_data_dir()))
            with ingest_lock(services.settings.resolved_data_dir()):
                fresh = services.renewed(version, registry)
        except Exception:
            self.failures += 1
            self._failed_version = version if "version" in locals() else None
            log.exception(
                "published documents changed but the knowledge base could not be rebuilt; keeping the old one"
            )
            return False
        self._current, self.version = fresh, version
        log.info(
            "documents version %s: answering from %d documents (%d clauses), rebuilt in %.1f s",
            version,
            len(registry.documents),
            len(registry.clauses),
            time.perf_counter() - started,
        )
        return True


class LiveConversations:
    """The conversations of the documents published now, for channels that hold one object for their
    whole life (Telegram, the terminal chat): each turn goes to the product on the documents published
    when it comes (`LiveServices.checked`), so a publish or retire is answered from there too, without a restart."""

    def __init__(self, live: LiveServices) -> None:
        self.live = live

    def key_of(self, channel: str, identity: str | int) -> str:
        return self.live.current().conversations.key_of(channel, identity)

    def handle(self, key: str, turn: Turn) -> tuple[Reply, ...]:
        return self.live.checked().conversations.handle(key, turn)

    def handle_turn(self, key: str, turn: Turn, also: WithTheTurn | None = None) -> Handled:
        return self.live.checked().conversations.handle_turn(key, turn, also)
