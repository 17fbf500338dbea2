"""Session 37 (issue 12, task next37b): a waiting card and the questions asked beside it — classes of a newcomer's walk
(walk36) and of chats set 28, in our own wording (written from the source texts, not the sets')."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import cited, press, say

TODAY = date(2026, 12, 6)


def _cards(replies: tuple[Reply, ...]) -> list[Reply]:
    return [r for r in replies if r.kind == "confirm"]


def _in_full(reply: Reply) -> bool:
    """The whole card (one line per fact), not the one line pointing to it."""
    return reply.text.count("\n") > 1


# -- (1) what one can get, asked while the first card waits, is answered of the card's situation -----------------

CARD_THEN_ASKED = [
    ("柞水县 58岁 男 失业", "那还有啥我能享受的不", "shangluo-2012-03"),
    ("我在平顶山宝丰县，下岗了", "我能领什么补贴？", "pingdingshan-"),
]


@pytest.mark.parametrize(("told", "asked", "clause"), CARD_THEN_ASKED)
def test_what_one_can_get_asked_while_the_first_card_waits_is_answered_and_the_card_waits(
    dialogue: Dialogue, told: str, asked: str, clause: str
) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert _cards(replies) and state.pending, [r.text for r in replies]
    pending = dict(state.pending)
    state, replies = say(dialogue, state, asked, TODAY)
    assert prose().dialogue.notices.confirm_first not in [r.text for r in replies]
    assert any(c.startswith(clause) for c in cited(replies)), [r.text for r in replies]
    assert replies[-1].kind == "confirm" and dict(state.pending) == pending and not state.profile, state


# -- (2) one rule for a waiting card: in full when new or changed, else one line after whatever was said ----------

QUESTIONS_PAST_THE_CARD = [
    ("我在资阳安岳县，38岁，想创业", ["创业补贴有多少钱", "创业担保贷款能贷多少", "培训有补贴吗"]),
    ("柞水县 58岁 男 失业", ["商洛这边对我们下岗的有啥帮扶", "失业登记在哪办", "失业保险金能领多久"]),
]


@pytest.mark.parametrize(("told", "asked"), QUESTIONS_PAST_THE_CARD)
def test_a_waiting_card_is_pointed_to_in_one_line_after_every_message_that_does_not_answer_it(
    dialogue: Dialogue, told: str, asked: list[str]
) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert len(_cards(replies)) == 1 and _in_full(_cards(replies)[0]), [r.text for r in replies]
    for message in asked:
        state, replies = say(dialogue, state, message, TODAY)
        cards = _cards(replies)
        assert len(cards) == 1 and not _in_full(cards[0]), (message, [r.text for r in replies])
        assert cards[0].actions, cards[0]


def test_a_card_changed_by_a_message_is_shown_in_full_again(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "柞水县 58岁 男 失业", TODAY)
    state, replies = say(dialogue, state, "商洛这边对我们下岗的有啥帮扶", TODAY)
    assert not _in_full(_cards(replies)[0]), [r.text for r in replies]
    state, replies = say(dialogue, state, "年纪打错了 是48", TODAY)
    cards = _cards(replies)
    assert len(cards) == 1 and _in_full(cards[0]) and "48" in cards[0].text, [r.text for r in replies]


@pytest.mark.parametrize("courtesy", ["好的明白", "唉 行吧 明白了"])
def test_words_taking_in_an_answer_beside_the_pointed_card_do_not_confirm_it(dialogue: Dialogue, courtesy: str) -> None:
    state, _ = say(dialogue, SessionState(), "柞水县 58岁 男 失业", TODAY)
    state, _ = say(dialogue, state, "商洛这边对我们下岗的有啥帮扶", TODAY)
    assert state.last_answer == "answered", state
    state, replies = say(dialogue, state, courtesy, TODAY)
    assert state.pending and not state.profile, [r.text for r in replies]


def test_a_yes_beside_the_pointed_card_still_confirms_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "柞水县 58岁 男 失业", TODAY)
    state, _ = say(dialogue, state, "商洛这边对我们下岗的有啥帮扶", TODAY)
    state, replies = say(dialogue, state, "对", TODAY)
    assert not state.pending and state.profile.get("region") == "柞水县", [r.text for r in replies]


# -- (3) 第三条 right after the check's numbered results is the list's third item -----------------------------------

_BASIS = re.compile(r"依据：[^（(\n]*([（(][一二三四五六七八九十]+[）)])")


def _to_results(dialogue: Dialogue, told: str) -> tuple[SessionState, Reply]:
    """A check run to its results: the card confirmed, each question answered by "none of these" or its first
    option."""
    state, replies = say(dialogue, SessionState(), told, TODAY)
    state, replies = press(dialogue, state, "ok", TODAY)
    for _ in range(20):
        if replies[-1].kind != "question":
            break
        actions = replies[-1].actions
        action = next((a for a in actions if a.startswith("none:")), actions[0])
        state, replies = press(dialogue, state, action, TODAY)
    assert replies[-1].kind == "results", [r.text for r in replies]
    return state, replies[-1]


def _item(results: Reply, number: int) -> str:
    """The lines of the results' item `number` (from "3. " to the next numbered line)."""
    found = re.search(rf"^{number}\. .*?(?=^\d+\. |\Z)", results.text, re.M | re.S)
    assert found is not None, results.text
    return found.group()


@pytest.mark.parametrize(
    ("told", "asked", "number"),
    [
        ("我在安岳县 25岁 2025年大学毕业 想创业 没有工作", "第三条说的是什么", 3),
        ("我在安岳县 25岁 2025年大学毕业 想创业 没有工作", "第2条呢", 2),
    ],
)
def test_an_article_number_right_after_the_results_is_that_item_of_the_list(
    dialogue: Dialogue, told: str, asked: str, number: int
) -> None:
    state, results = _to_results(dialogue, told)
    basis = _BASIS.search(_item(results, number))
    assert basis is not None, _item(results, number)
    state, replies = say(dialogue, state, asked, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert f"第{basis.group(1)}条" in answer.text.split("\n")[0], (basis.group(1), answer.text[:200])


def test_a_document_named_with_the_number_after_the_results_is_its_article(dialogue: Dialogue) -> None:
    state, _ = _to_results(dialogue, "我在安岳县 25岁 2025年大学毕业 想创业 没有工作")
    state, replies = say(dialogue, state, "资阳文件的第三条", TODAY)
    assert cited(replies) == {"ziyang-2017-03"}, [r.text for r in replies]


# -- (4) whom to go to is answered from the cited clause's own note of answerable offices ------------------------

OFFICES_ASKED = [
    # (what was asked first, the follow-up, the lead office the clause's closing note names)
    ("资阳的创业补贴有啥条件", "找谁办", "市人力资源社会保障局"),
    ("资阳创业担保贷款能贷多少", "找谁办", "人行资阳市中心支行"),
    ("巴中创业担保贷款能贷多少", "这个归哪个部门管", "市财政局"),
]


@pytest.mark.parametrize(("asked", "follow_up", "office"), OFFICES_ASKED)
def test_whom_to_go_to_is_answered_by_the_offices_the_cited_clause_names(
    dialogue: Dialogue, asked: str, follow_up: str, office: str
) -> None:
    state, replies = say(dialogue, SessionState(), asked, TODAY)
    assert cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, follow_up, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert answer.answer_status == "answered" and "没有写明" not in answer.text, answer.text
    assert f"牵头部门：{office}" in answer.text, answer.text


@pytest.mark.parametrize(
    ("asked", "office"), [("资阳创业担保贷款利息谁出", "人行资阳市中心支行"), ("巴中创业担保贷款利息谁出", "市财政局")]
)
def test_who_pays_unsaid_is_said_so_beside_the_offices_answerable_for_the_measure(
    dialogue: Dialogue, asked: str, office: str
) -> None:
    _, replies = say(dialogue, SessionState(), asked, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    lines = answer.text.split("\n")
    assert lines[0] == prose().payer_missing.beside.format(name="利息"), lines[:3]
    assert f"牵头部门：{office}" in lines[1] and lines[1].endswith("具体可向这些部门咨询。"), lines[:3]
