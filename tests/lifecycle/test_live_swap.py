"""The live product in one process (bot/live.py), on a real SQLite file: it checks the documents
version no more often than asked, swaps in a complete new knowledge base when the version moved,
and keeps answering from the old one when the new documents cannot be built."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.library import DocumentLibrary
from bot.live import LiveServices
from bot.services import Services
from bot.settings import Settings
from bot.tables import PolicyDocument

QUESTION = "商洛市小额担保贷款有多少"
TODAY = date(2026, 6, 1)


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def services(tmp_path: Path) -> Services:
    return Services(Settings(data_dir=tmp_path, database_url=SecretStr(f"sqlite:///{tmp_path / 'policybot.sqlite3'}")))


def cites_shangluo(core: Services) -> bool:
    answer = core.knowledge.answerer.answer(QUESTION, as_of=TODAY)
    return any(c.clause_id.startswith("shangluo-2012") for c in answer.citations)


def test_a_retire_is_taken_up_at_the_next_check_and_not_before(tmp_path: Path) -> None:
    ticks = Ticks()
    first = services(tmp_path)
    live = LiveServices(first, interval=5, clock=ticks)
    assert live.version == 1 and cites_shangluo(live.current())

    DocumentLibrary(first.library.engine).retire("shangluo-2012", "tester")
    ticks.now = 4.9
    assert live.current() is first, "no check before the interval"
    live.wait()
    assert live.current() is first
    ticks.now = 5.0
    live.current()
    live.wait(120)
    renewed = live.current()
    assert renewed is not first and live.version == 2
    assert not cites_shangluo(renewed)
    assert renewed.rulebook is first.rulebook and renewed.session_store is first.session_store


def test_documents_that_cannot_be_built_leave_the_previous_knowledge_base_answering(tmp_path: Path) -> None:
    first = services(tmp_path)
    live = LiveServices(first, interval=1)
    with Session(first.library.engine) as session, session.begin():
        # A row for a place no division table knows (written by hand, or by a broken release).
        session.execute(update(PolicyDocument).where(PolicyDocument.id == "jilin-2017").values(city="不存在市"))
        first.library._bump(session)
    assert live.renew_now() is False
    assert live.failures == 1 and live.version == 1
    assert live.current() is first and cites_shangluo(first)
    assert live.renew_now() is False and live.failures == 1, "the same broken version is not rebuilt again"


def test_the_terminal_chat_and_telegram_turns_go_to_the_current_product(tmp_path: Path) -> None:
    """LiveConversations (Telegram, the terminal chat) hands each turn to the product of the documents
    published now: after a retire, the same object answers without the retired document."""
    from bot.dialogue.types import Turn
    from bot.live import LiveConversations

    ticks = Ticks()
    first = services(tmp_path)
    live = LiveServices(first, interval=5, clock=ticks)
    chat = LiveConversations(live)
    before = "\n".join(r.text for r in chat.handle("terminal:one", Turn(text=QUESTION)))
    assert "商洛" in before and "小额担保贷款" in before

    DocumentLibrary(first.library.engine).retire("shangluo-2012", "tester")
    ticks.now = 5.0
    live.current()
    live.wait(120)
    after = "\n".join(r.text for r in chat.handle("terminal:two", Turn(text=QUESTION)))
    assert "没有收录商洛市" in after or "暂未收录" in after or "还没有收录" in after, after
