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
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.checker import Checker
    from bot.dialogue.core import Dialogue
    from bot.dialogue.service import Conversations
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
        use (one-shot commands); servers keep the default and verify (and repair) it at start."""
        self.settings = settings
        self.progress = progress
        self.clock = clock
        self.verify_vectors = verify_vectors
        if knowledge is not None:
            self.__dict__["knowledge"] = knowledge

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
        )

    @cached_property
    def registry(self) -> Registry:
        """The clause registry; taken from the knowledge base when one is open (no index needed)."""
        if "knowledge" in self.__dict__:
            return self.knowledge.registry
        from knowledge.registry import load_registry

        return load_registry()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        if "knowledge" in self.__dict__:
            return self.knowledge.gazetteer
        from knowledge.regions import Gazetteer

        return Gazetteer(self.registry.jurisdictions)

    @cached_property
    def rulebook(self) -> Rulebook:
        from eligibility.rulebook import default_rulebook

        return default_rulebook()

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
        from bot.dialogue.service import Conversations
        from bot.dialogue.store import SqlSessionStore

        return Conversations(self.dialogue, SqlSessionStore(self.settings.resolved_database_url()), self.clock)
