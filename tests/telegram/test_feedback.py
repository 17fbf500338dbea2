"""Telegram answers reach the staff answer log and its queues, with 👍/👎/报告问题 buttons handled
by the adapter (issue 12 item 5): the real Application against the fake Bot API, the real answer
log on an SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.telegram.bot import build_application
from bot.web.feedback import ChannelAnswerBook, open_answer_book

from .conftest import TOKEN, RunningBot
from .fake_bot_api import FakeBotApi

CHAT = 5151


@pytest.fixture
def answers(tmp_path: Path) -> Iterator[ChannelAnswerBook]:
    book = open_answer_book("telegram", f"sqlite:///{tmp_path / 'policybot.sqlite3'}")
    yield book
    book.close()


@pytest.fixture
def logged_bot(api: FakeBotApi, dialogue: Dialogue, answers: ChannelAnswerBook, tmp_path: Path) -> Iterator[RunningBot]:
    store = SqlSessionStore(f"sqlite:///{tmp_path / 'policybot.sqlite3'}")
    conversations = Conversations(dialogue, store, clock=lambda: date(2020, 6, 1))
    with RunningBot(build_application(TOKEN, conversations, base_url=api.url, answers=answers)) as running:
        yield running
    store.close()


def test_telegram_answers_are_logged_and_rated_and_reported_into_the_staff_queue(
    api: FakeBotApi, logged_bot: RunningBot, answers: ChannelAnswerBook
) -> None:
    api.send_text(CHAT, "北京有创业补贴吗")
    api.wait_for(lambda calls: any(c.method == "sendMessage" and "👎" in str(c.labels) for c in calls))
    answer = next(c for c in api.calls if c.method == "sendMessage" and "👎 没用" in c.labels)
    assert [b["callback_data"].split(":")[1] for b in answer.buttons[-3:]] == ["up", "down", "report"]

    before = len(api.calls)
    api.press(CHAT, answer, "👎 没用")
    api.wait_for(lambda calls: any(c.method == "answerCallbackQuery" for c in calls[before:]))
    thanked = next(c for c in api.calls[before:] if c.method == "answerCallbackQuery")
    assert "谢谢" in thanked.params.get("text", "")

    before = len(api.calls)
    api.press(CHAT, answer, "报告问题")
    api.wait_for(lambda calls: any(c.method == "sendMessage" for c in calls[before:]))
    assert "哪里有问题" in api.replies_after(before)[0].text
    before = len(api.calls)
    api.send_text(CHAT, "没有收录北京，但没告诉我去哪问")
    api.wait_for(lambda calls: any(c.method == "sendMessage" for c in calls[before:]))
    assert "谢谢您报告问题" in api.replies_after(before)[0].text

    rows = answers.desk.queue("low_rated")
    assert [r.entry.channel for r in rows] == ["telegram"]
    assert rows[0].entry.question == "北京有创业补贴吗"
    assert rows[0].ratings == (("report", "没有收录北京，但没告诉我去哪问"), ("down", ""))
    assert [r.entry.question for r in answers.desk.queue("refused")] == ["北京有创业补贴吗"]
    # Staff filter the queues by channel (session 38): Telegram's questions are under Telegram only.
    assert [r.entry.question for r in answers.desk.queue("refused", channel="telegram")] == ["北京有创业补贴吗"]
    assert answers.desk.queue("refused", channel="web") == [] and answers.desk.totals("terminal")["refused"] == 0

    before = len(api.calls)
    api.send_text(CHAT, "/forget")
    asked = api.wait_for(lambda calls: any(any("确认删除" in label for label in c.labels) for c in calls[before:]))
    assert answers.desk.queue("refused"), "/forget only asks"
    confirm = next(c for c in reversed(asked) if any("确认删除" in label for label in c.labels))
    before = len(api.calls)
    api.press(CHAT, confirm, "确认删除")
    api.wait_for(lambda calls: any("已删除" in c.text for c in calls[before:]))
    assert answers.desk.queue("low_rated") == [] and answers.desk.queue("refused") == []
