"""The composition root: every entry point (CLI, web, Telegram, terminal chat, bench) builds the
product's parts here, from one Settings object, and nowhere else.

Parts are built on first use and then shared, so `policybot check` never builds the retrieval index
and the web app builds one knowledge base for /api/ask, /api/check and /api/chat. Heavy modules are
imported inside the builders: `policybot ask` pays only for what it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine as DatabaseEngine

    from bot.checker import Checker
    from bot.dialogue.core import Dialogue
    from bot.dialogue.service import Conversations
    from bot.dialogue.store import SqlSessionStore
    from bot.library import DocumentLibrary
    from eligibility.engine import Engine
    from eligibility.rulebook import Rulebook
    from knowledge.kb import KnowledgeBase
    from knowledge.regions import Gazetteer
    from knowledge.registry import Registry

Clock = Callable[[], date]
Progress = Callable[[str], None]


class Services:
    """The parts of the product, wired once per process."""

    def __init__(
        self,
        settings: Settings,
        *,
        progress: Progress | None = None,
        clock: Clock = date.today,
        knowledge: KnowledgeBase | None = None,
        verify_vectors: bool = True,
    ) -> None:
        """`verify_vectors=False`: trust a current index marker and connect the vector store on first
        use, and read the published documents without the database stack (one-shot commands);
        servers keep the default and verify (and repair) it at start."""
        self.settings = settings
        self.progress = progress
        self.clock = clock
        self.verify_vectors = verify_vectors
        from knowledge import jieba_dictionary

        # Before anything cuts words (parsing documents does): jieba's dictionary loads from beside the index.
        jieba_dictionary.keep_in(settings.resolved_data_dir() / "index")
        self.is_given_knowledge = knowledge is not None
        if knowledge is not None:
            self.__dict__["knowledge"] = knowledge
            self.__dict__["registry"] = knowledge.registry

    @cached_property
    def library(self) -> DocumentLibrary:
        """The policy documents in the database (the seeds are loaded on first use)."""
        from bot.db import open_database
        from bot.library import DocumentLibrary

        return DocumentLibrary(open_database(self.settings.resolved_database_url(), self.session_key_secret))

    @cached_property
    def published(self) -> tuple[int, Registry]:
        """The published documents' version and clause registry, read together. One-shot commands
        (`verify_vectors=False`: `policybot ask`) read the embedded SQLite file without the database
        stack when they can (bot/published.py); servers and the rest go through the library."""
        from knowledge.kb import saved_clauses_dir

        url = self.settings.resolved_database_url()
        saved = saved_clauses_dir(self.settings.resolved_data_dir())
        one_shot = not self.verify_vectors and "library" not in self.__dict__
        if one_shot and url.startswith("sqlite:///") and "?" not in url:
            from bot.published import read_sqlite
            from knowledge.registry import load_registry, registry_of

            path = Path(url.removeprefix("sqlite:///"))
            if not path.exists():
                return 0, load_registry()  # no database yet, so no staff change yet: the seeds
            snapshot = read_sqlite(path)
            if snapshot is not None:
                return snapshot[0], registry_of(snapshot[1], saved)
        return self.library.registry(saved)

    @property
    def documents_version(self) -> int | None:
        """The version of the published documents answered from (None: a knowledge base given)."""
        return None if self.is_given_knowledge else self.published[0]

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        """The clause registry, index and answerer (the index is built on first use)."""
        from knowledge.kb import KnowledgeBase

        return KnowledgeBase.open(
            self.settings.resolved_data_dir(),
            embedding_model=self.settings.embedding_model,
            chroma_url=self.settings.chroma_url,
            progress=self.progress,
            verify_vectors=self.verify_vectors,
            registry=self.registry,
            lexical_database=self.lexical_database,
        )

    @property
    def lexical_database(self) -> DatabaseEngine | None:
        """The database the lexical index is kept in (`POLICYBOT_LEXICAL_INDEX=database`), else None."""
        return self.library.engine if self.settings.lexical_index == "database" else None

    @cached_property
    def registry(self) -> Registry:
        """The clause registry of the published documents (the seeds until staff change them)."""
        return self.published[1]

    @cached_property
    def session_store(self) -> SqlSessionStore:
        from bot.dialogue.store import SqlSessionStore

        return SqlSessionStore(self.settings.resolved_database_url(), self.session_key_secret)

    @cached_property
    def session_key_secret(self) -> bytes:
        return self.settings.resolved_session_key_secret()

    def renewed(self, version: int, registry: Registry) -> Services:
        """The same product on other published documents: a new knowledge base, rulebook (the packaged
        rules with those staff added for the published documents), checker and dialogue around the
        parts that do not depend on them (database, sessions), built eagerly."""
        fresh = Services(self.settings, progress=self.progress, clock=self.clock, verify_vectors=self.verify_vectors)
        fresh.__dict__.update(
            library=self.library, session_store=self.session_store, session_key_secret=self.session_key_secret
        )
        fresh.__dict__["published"] = (version, registry)
        _ = fresh.knowledge, fresh.checker, fresh.conversations
        fresh.warm()  # swapped in by a running server (bot/live.py), before its next question
        return fresh

    def warm(self) -> None:
        """What a long-running process (the web app, the Telegram bot, a renewed product) makes once
        before its first turn instead of in it: the knowledge base's and the dialogue's tables that
        are otherwise made on first use (one-shot commands skip this: they answer one question)."""
        self.knowledge.warm()
        self.dialogue.warm()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        if "knowledge" in self.__dict__:
            return self.knowledge.gazetteer
        from knowledge.regions import Gazetteer

        return Gazetteer(self.registry.jurisdictions)

    @cached_property
    def rulebook(self) -> Rulebook:
        """The packaged rules, with the rules staff added in the console for published documents
        (the same object as the packaged rulebook while there are none)."""
        from eligibility.rulebook import default_rulebook

        packaged = default_rulebook()
        if self.is_given_knowledge:
            return packaged
        added = self.library.published_rules()
        if not added:
            return packaged
        from eligibility.added_rules import rulebook_with

        return rulebook_with(packaged, self.registry, added)

    @cached_property
    def eligibility(self) -> Engine:
        from eligibility.engine import Engine

        return Engine(self.rulebook, self.gazetteer, self.registry)

    @cached_property
    def checker(self) -> Checker:
        from bot.checker import Checker

        return Checker(self.eligibility, self.registry)

    @cached_property
    def dialogue(self) -> Dialogue:
        from bot.dialogue.core import Dialogue

        kb = self.knowledge
        return Dialogue(kb.answerer, self.eligibility, kb.registry, kb.gazetteer)

    @cached_property
    def conversations(self) -> Conversations:
        """The dialogue core with its session store in the configured database."""
        from bot.dialogue.keys import SessionKeys
        from bot.dialogue.service import Conversations

        return Conversations(self.dialogue, self.session_store, self.clock, SessionKeys(self.session_key_secret))
