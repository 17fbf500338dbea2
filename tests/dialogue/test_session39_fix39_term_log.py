"""Session 39 (fix39): the terminal's answer is shown even when writing it to the staff answer log fails — a
read-only or locked database is the log's trouble, never the person's (the error is logged, not said)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.chat_cli import chat
from bot.live import LiveConversations, LiveServices
from bot.present.prose import prose
from bot.services import Services
from bot.settings import Settings
from bot.web.feedback import open_answer_book
from knowledge.kb import KnowledgeBase


def test_a_failed_answer_log_write_still_shows_the_answer_and_logs_the_error(
    kb: KnowledgeBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    services = Services(Settings(), knowledge=kb)
    conversations = LiveConversations(LiveServices(services, 0))
    answers = open_answer_book("terminal", f"sqlite:///{tmp_path / 'log.sqlite3'}")
    lines = iter(["我是长春的，失业了能领什么补贴", "/forget", "1"])
    shown: list[str] = []

    def read(_prompt: str) -> str:
        line = next(lines)
        if line == "1":
            # The log's table gone: forgetting the conversation's logged answers fails in the database.
            answers.answer_log.flush()
            with answers.answer_log.engine.begin() as connection:
                connection.execute(text("ALTER TABLE answer_log RENAME TO answer_log_gone"))
        return line

    def end(_prompt: str) -> str:
        try:
            return read(_prompt)
        except StopIteration:
            raise EOFError from None

    try:
        with caplog.at_level(logging.ERROR):
            chat(conversations, conversations.key_of("terminal", "t"), end, shown.append, answers)
    finally:
        answers.close()
    said = "\n".join(shown)
    assert prose().telegram.sorry not in said
    assert said.count("\n") > 3  # the answer and the forgetting were shown
    assert any("log" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
