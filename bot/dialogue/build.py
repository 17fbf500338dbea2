"""Wiring: the knowledge base, the rulebook and a store into one `Conversations` (entry points only)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Clock, Conversations
from bot.dialogue.store import SqlSessionStore
from bot.settings import Settings
from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from knowledge.kb import KnowledgeBase


def build_dialogue(kb: KnowledgeBase) -> Dialogue:
    rulebook = default_rulebook()
    engine = Engine(rulebook, kb.gazetteer)
    return Dialogue(kb.answerer, engine, kb.registry, kb.gazetteer)


def build_conversations(settings: Settings, clock: Clock = date.today) -> Conversations:
    kb = KnowledgeBase.open(
        settings.resolved_data_dir(), embedding_model=settings.embedding_model, chroma_url=settings.chroma_url
    )
    return Conversations(build_dialogue(kb), SqlSessionStore(settings.resolved_database_url()), clock)
