"""Published means live (issue 13): every process answers from the documents published now.

A process asks the database for the published-documents version at most every `interval` seconds,
in a background thread (a request never waits for it). When the version moved, the same thread
builds the whole product again on the new documents (`Services.renewed`) and swaps it in with one
assignment; requests keep the old one until then. A build that fails is logged and the old one
stays, so a broken document never takes a replica down; the next check tries again.

A question does not wait for the next check (`checked`): it reads the version itself — one row — and,
when it moved, is answered from the product rebuilt on the new documents, whoever changed them (the
staff console, `policybot documents publish/retire` in another process, another replica).
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
    ) -> None:
        self._current = services
        self.version = services.documents_version
        self.interval = interval
        self.clock = clock
        self._next_check = clock() + interval
        self._lock = threading.Lock()
        # One rebuild at a time: a question waiting for the new documents and the background check.
        self._renewing = threading.Lock()
        self._worker: threading.Thread | None = None
        self._failed_version: int | None = None
        self.failures = 0

    def current(self) -> Services:
        """The newest complete product; starts a check in the background when one is due."""
        now = self.clock()
        if now >= self._next_check and self.version is not None:
            with self._lock:
                idle = self._worker is None or not self._worker.is_alive()
                if idle and now >= self._next_check:
                    self._next_check = now + self.interval
                    self._worker = threading.Thread(target=self._renew, name="documents-refresh", daemon=True)
                    self._worker.start()
        return self._current

    def checked(self) -> Services:
        """The product on the documents published at this moment: when the version moved since the last
        build, it is rebuilt (or the running rebuild awaited) before this returns. A version that failed
        to build is not tried again here; the background check retries it."""
        if self.version is None:
            return self._current
        try:
            moved = self._current.library.version() not in (self.version, self._failed_version)
        except Exception:
            log.exception("could not read the published-documents version; answering from the last build")
            return self._current
        if moved:
            self._renew()
        return self._current

    def wait(self, timeout: float | None = None) -> None:
        """Until the running check (if any) is done: for tests and orderly shutdown."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)

    def renew_now(self) -> bool:
        """Check and rebuild in this thread; True when a new product was swapped in."""
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
