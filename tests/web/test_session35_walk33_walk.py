"""Session 35 (issues 12 and 13, task walk33): a newcomer's walk through the widget — a laid-off worker of 35 in
巴中 asks of his own and his wife's benefits — its classes as our own conversations through `POST /api/chat`:
- 我的资料 asked while a card waits shows what the card holds (not yet kept) and how to keep it — never "I know
  nothing of you" right after the person told their case;
- a message outside the policies' field (刚才说到哪了, 今天天气怎么样) is logged as asking nothing: the staff queue
  never reads two such messages in a row as one question asked again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .chatting import Chat, logged_answer, say, texts
from .conftest import make_services

HIM = "你好，我今年35岁，在巴中，上个月被厂里裁员了"


@pytest.fixture(scope="module")
def walk_services(kb: KnowledgeBase, databases: Databases) -> Iterator[WebServices]:
    built = make_services(kb, databases.new_url())
    yield built
    built.close()


@pytest.fixture(scope="module")
def app_client(walk_services: WebServices) -> Iterator[TestClient]:
    with TestClient(create_app(walk_services), base_url="http://testserver") as client:
        yield client


def _actions(chat: Chat) -> list[str]:
    return [b["action"] for r in chat["replies"] for row in r["buttons"] for b in row]


# How 我的资料 is asked: typed, or its button.
ASKED_FOR_PROFILE = [{"message": "我的资料"}, {"choice": "cmd:profile"}]


@pytest.mark.parametrize("asked", ASKED_FOR_PROFILE, ids=["typed", "button"])
def test_my_profile_asked_while_a_card_waits_shows_what_the_card_holds_and_how_to_keep_it(
    app_client: TestClient, asked: dict[str, str]
) -> None:
    chat = say(app_client, None, message=HIM)
    assert chat["replies"][-1]["kind"] == "confirm", texts(chat)
    session = str(chat["session_id"])
    chat = say(app_client, session, **asked)
    shown = next(r for r in chat["replies"] if r["kind"] == "profile")
    assert "不知道您的任何情况" not in shown["text"], shown["text"]
    assert "巴中市" in shown["text"] and "35岁" in shown["text"], shown["text"]
    assert "确认" in shown["text"], shown["text"]  # not yet kept: said so
    assert "ok" in _actions(chat), _actions(chat)  # and kept from here with one press
    chat = say(app_client, session, choice="ok")
    chat = say(app_client, session, message="我的资料")
    kept = next(r for r in chat["replies"] if r["kind"] == "profile")
    assert "巴中市" in kept["text"] and "还等您确认" not in kept["text"], kept["text"]


def test_my_profile_with_nothing_told_says_so(app_client: TestClient) -> None:
    chat = say(app_client, None, message="我的资料")
    shown = next(r for r in chat["replies"] if r["kind"] == "profile")
    assert "不知道您的任何情况" in shown["text"], shown["text"]


# (a question answered, then two messages outside the policies' field)
OUTSIDE_THE_FIELD = [
    ("她要是在巴中开网店能有补贴吗", "刚才说到哪了", "今天天气怎么样"),
    ("巴中创业担保贷款能贷多少", "今天天气怎么样", "刚才说到哪了"),
    ("长春创业补贴多少钱", "明天会下雨吗", "今天天气怎么样"),
]


@pytest.mark.parametrize(
    ("asked", "first", "second"), OUTSIDE_THE_FIELD, ids=[f"{a}→{b}→{c}" for a, b, c in OUTSIDE_THE_FIELD]
)
def test_a_message_outside_the_field_asks_nothing_so_the_next_is_no_re_ask_of_it(
    app_client: TestClient, walk_services: WebServices, asked: str, first: str, second: str
) -> None:
    chat = say(app_client, None, message=asked)
    assert any(r["kind"] == "answer" and r["citations"] for r in chat["replies"]), texts(chat)
    session = str(chat["session_id"])
    chat = say(app_client, session, message=first)
    assert "不是就业政策方面的问题" in texts(chat)[0], texts(chat)
    say(app_client, session, message=second)
    entry = logged_answer(walk_services, first, session)
    assert entry.asked is None, entry.asked  # it asked nothing the thread holds
    assert entry.next_turn == "quiet"
    assert logged_answer(walk_services, asked, session).next_turn == "quiet"
