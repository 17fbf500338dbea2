"""Session 34 (issues 12 and 13): what the staff console's 答复没对上 counts as an answer that missed.

A miss: the same question asked again in other words right after, an explicit 不对 / 没回答我的问题 about the
answer, a 👎 (the person's last 👍/👎 on it). Not a miss: the person telling or correcting something of
themselves (说错了，我是资阳的; 不对 我是大学生…) — the dialogue's own reading of the message (`Outcome.told`) —,
asking again with new facts, another aspect or another figure of the same measure (能贷多少 then 利息怎么算),
thanks. Each conversation goes through the real app (`POST /api/chat`) on a real database; what the console
shows is read from its queue page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.dialogue.types import Thread
from bot.web.app import create_app
from bot.web.next_turn import asks_the_same, next_turn
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .chatting import logged_answer, say
from .conftest import login, make_services

STAFF = ("queue34", "a long enough secret")

# (first question, the next message, what the next message says of the answer to the first)
NEXT_MESSAGES = [
    # corrections of what the person said: a 不对 / 说错了 before new facts corrects the facts
    ("巴中返乡创业能贷多少", "说错了，我是资阳的", "quiet"),
    ("长春创业补贴多少钱", "不对，我在资阳", "quiet"),
    ("巴中返乡创业能贷多少", "不对 我是大学生不是返乡的", "quiet"),
    ("长春创业补贴多少钱", "搞错了 我今年35岁", "quiet"),
    # the same question again with new facts of the person: asked for their case, not re-asked
    ("巴中创业担保贷款能贷多少", "我是大学生，能贷多少", "quiet"),
    ("巴中创业担保贷款能贷多少", "我在巴中开了个小饭馆，能贷多少", "quiet"),
    # another figure or aspect of the same measure
    ("巴中创业担保贷款能贷多少", "利息怎么算", "quiet"),
    ("巴中创业担保贷款能贷多少", "贴息多少", "quiet"),
    ("巴中创业担保贷款能贷多少", "能贷几年", "quiet"),
    ("长春创业补贴多少钱", "利率多少", "quiet"),
    ("长春创业补贴多少钱", "好的谢谢", "quiet"),
    # misses: the same question in other words, a complaint about the answer (with facts or without)
    ("巴中创业担保贷款能贷多少", "巴中创业担保贷款最多贷几万", "reasked"),
    ("长春创业补贴多少钱", "长春创业补贴标准是多少", "reasked"),
    ("巴中创业担保贷款能贷多少", "没回答我的问题", "rebuffed"),
    ("长春创业补贴多少钱", "不对，我问的是合伙创业的", "rebuffed"),
    ("长春创业补贴多少钱", "我是大学生，你没回答我的问题", "rebuffed"),
]


@pytest.fixture(scope="module")
def missed_services(kb: KnowledgeBase, databases: Databases) -> Iterator[WebServices]:
    built = make_services(kb, databases.new_url())
    built.accounts.add(*STAFF)
    yield built
    built.close()


@pytest.fixture(scope="module")
def app_client(missed_services: WebServices) -> Iterator[TestClient]:
    with TestClient(create_app(missed_services), base_url="http://testserver") as client:
        yield client


def _missed_ids(services: WebServices) -> set[int]:
    return {row.entry.id for row in services.feedback.queue("missed", limit=500)}


@pytest.mark.parametrize(("first", "then", "expected"), NEXT_MESSAGES, ids=[f"{f}→{t}" for f, t, _ in NEXT_MESSAGES])
def test_what_the_next_message_says_of_an_answer_is_read_by_design(
    app_client: TestClient, missed_services: WebServices, first: str, then: str, expected: str
) -> None:
    chat = say(app_client, None, message=first)
    assert any(r["kind"] == "answer" for r in chat["replies"])
    say(app_client, chat["session_id"], message=then)
    entry = logged_answer(missed_services, first, chat["session_id"])
    assert entry.next_turn == expected
    assert (entry.id in _missed_ids(missed_services)) is (expected != "quiet")
    assert (entry.next_said == then) is (expected != "quiet")  # nothing of the person kept when it did not miss


def test_an_answer_rated_down_is_a_miss_until_the_person_rates_it_up(
    app_client: TestClient, missed_services: WebServices
) -> None:
    question = "四平市灵活就业社保补贴能补几年"
    chat = say(app_client, None, message=question)
    ref = next(r["feedback_ref"] for r in chat["replies"] if r["kind"] == "answer")
    entry = logged_answer(missed_services, question, chat["session_id"])
    assert entry.id not in _missed_ids(missed_services)

    def rate(rating: str) -> None:
        sent = app_client.post("/api/feedback", json={"session_id": chat["session_id"], "ref": ref, "rating": rating})
        assert sent.status_code == 200

    rate("down")
    assert entry.id in _missed_ids(missed_services)
    with TestClient(create_app(missed_services), base_url="http://testserver") as staff:
        login(staff, *STAFF)
        page = staff.get("/staff/queue", params={"show": "missed"}).text
        assert question in page and "👎 没用" in page
        exported = staff.get("/staff/export/queue.csv", params={"show": "missed"}).text
        assert "用户点了“没用”" in next(line for line in exported.splitlines() if question in line)
    rate("up")  # the last press stands
    assert entry.id not in _missed_ids(missed_services)
    rate("report")  # a report is no verdict on whether it answered what was asked: 差评与报告 holds it
    assert entry.id not in _missed_ids(missed_services)
    assert entry.id in {row.entry.id for row in missed_services.feedback.queue("low_rated")}


def test_a_re_ask_the_person_rated_up_is_no_miss(app_client: TestClient, missed_services: WebServices) -> None:
    question, again = "巴中创业担保贷款能贷多少", "巴中创业担保贷款最多贷几万"
    chat = say(app_client, None, message=question)
    ref = next(r["feedback_ref"] for r in chat["replies"] if r["kind"] == "answer")
    sent = app_client.post("/api/feedback", json={"session_id": chat["session_id"], "ref": ref, "rating": "up"})
    assert sent.status_code == 200
    say(app_client, chat["session_id"], message=again)
    entry = logged_answer(missed_services, question, chat["session_id"])
    assert entry.next_turn == "reasked" and entry.id not in _missed_ids(missed_services)


def test_the_asked_key_names_the_kind_of_figure_asked_so_another_figure_is_another_question() -> None:
    amount = Thread(topic=("创业担保贷款",), region="巴中市", intent="amount")
    interest = amount.model_copy(update={"figure": "interest"})
    assert amount.asked_key == "amount|巴中市|创业担保贷款"
    assert interest.asked_key == "amount+interest|巴中市|创业担保贷款"
    assert not asks_the_same(amount.asked_key, interest.asked_key)
    assert asks_the_same(interest.asked_key, interest.asked_key)
    # told: a leading 不对 corrects what the person said; a phrase about the answer still says it missed
    assert next_turn("不对，我在资阳", amount.asked_key, None, told=True) == "quiet"
    assert next_turn("不对，我在资阳", amount.asked_key, None) == "rebuffed"
    assert next_turn("我是大学生，我问的是利息", amount.asked_key, interest.asked_key, told=True) == "rebuffed"
    assert next_turn("我是大学生，能贷多少", amount.asked_key, amount.asked_key, told=True) == "quiet"
