"""Session 24 (issue 12, task chat20): the classes of chats set 16's failed turns and the open items of the last
walkthrough — through the dialogue core, in our own wording (written from the source texts, not from the set's
phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


def _recorded(dialogue: Dialogue, told: str) -> SessionState:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    assert outcome.state is not None and outcome.state.profile, outcome
    return outcome.state


# -- (a) a measure ruled out says the fact the person told, never an empty option (（没有）) ----------------


def test_a_measure_ruled_out_by_an_implied_fact_names_the_fact_told(dialogue: Dialogue) -> None:
    # 资阳（八）: 首次创办小微企业或从事个体经营…的就业困难人员 — out of work, no business of one's own (implied by
    # 失业), so the subsidy is marked; the mark says what the person told, not "（没有）".
    state = _recorded(dialogue, "我在资阳安岳，下岗半年了，今年48")
    _, replies = say(dialogue, state, "那有创业补贴吗", TODAY)
    marked = [line for r in replies if r.kind == "answer" for line in r.text.splitlines() if "按您说的情况" in line]
    assert marked, [r.text for r in replies]
    assert all("（没有）" not in line for line in marked), marked
    assert any("失业" in line for line in marked), marked


# -- (b) other help asked while a card waits is answered, not only the card again -------------------------


@pytest.mark.parametrize("told", ["我媳妇在巴中，去年单位倒闭下岗了，今年47", "我在巴中平昌，下岗一年多了，今年45"])
def test_other_help_asked_while_the_card_waits_is_answered_not_only_the_card_again(
    dialogue: Dialogue, told: str
) -> None:
    # A card waits; 那巴中还有啥其他补助 asks what else there is. Either the documents answer it for the situation
    # on the card, or the reply says the check lists it once the card is confirmed — never the card alone.
    state, _ = say(dialogue, SessionState(), told, TODAY)
    assert state.pending, state
    after, replies = say(dialogue, state, "那巴中还有啥其他补助", TODAY)
    first = replies[0]
    assert first.kind == "answer" or (first.kind == "notice" and "确认" in first.text and "巴中" in first.text), [
        r.text for r in replies
    ]
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    assert after.pending == state.pending and after.profile == state.profile


# -- (c) 妈 of a kin word or a role is no oath (当妈的, 姨妈的), while 他妈的 still is ---------------------------


@pytest.mark.parametrize(
    "told",
    [
        "孩子初中读完就不上了，今年15，我们在郏县乡下，当妈的想让他学点技术",
        "我姨妈的儿子在巴中平昌，去年退伍回来了",
        "做妈的着急 闺女在安岳 大专毕业半年了还没上班",
    ],
)
def test_a_mother_named_in_a_kin_word_or_a_role_is_told_not_calmed(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    assert state.pending.get("region"), state


@pytest.mark.parametrize("said", ["他妈的什么破系统", "你妈的 会不会回答"])
def test_an_oath_is_still_calmed(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert [r.kind for r in replies] == ["notice"] and not state.pending, [r.text for r in replies]


# -- (d) an English follow-up naming only another place asks the last question there ------------------------


@pytest.mark.parametrize(
    ("then", "place"), [("how about Shangluo?", "商洛"), ("and in Ping Ding Shan", "平顶山"), ("Bazhong?", "巴中")]
)
def test_an_english_follow_up_naming_a_place_asks_the_last_question_there(
    dialogue: Dialogue, then: str, place: str
) -> None:
    state, _ = say(dialogue, SessionState(), "延吉的创业担保贷款最多贷多少", TODAY)
    _, replies = say(dialogue, state, then, TODAY)
    answer = next((r for r in replies if r.kind == "answer"), None)
    assert answer is not None, [r.text for r in replies]
    assert "接着刚才的问题" in answer.text and place in answer.text.split("\n")[0], answer.text
    assert "吉林省" not in answer.text.split("\n")[0], answer.text


def test_an_english_question_of_its_own_is_still_the_answerers_to_read(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "延吉的创业担保贷款最多贷多少", TODAY)
    _, replies = say(dialogue, state, "what about you?", TODAY)
    assert not any("接着刚才的问题" in r.text for r in replies), [r.text for r in replies]


# -- (e) a registration still to come is a plan, never 失业登记：是 -----------------------------------------------


@pytest.mark.parametrize("said", ["打算过两天去人社局办失业登记，要准备什么材料", "下个星期去登记失业 得带身份证吗"])
def test_a_registration_planned_records_no_registration(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert "registered_unemployed" not in {**state.pending, **state.profile}, [r.text for r in replies]


def test_a_registration_done_is_still_read(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "上个月已经在社区做了失业登记，人在资阳乐至", TODAY)
    assert state.pending.get("registered_unemployed") is True, state


# -- (f) let go, said with the spoken passive 让 / 叫 / 给, is out of work --------------------------------------


@pytest.mark.parametrize("told", ["上个月叫老板给炒了，人在资阳", "大前天让公司辞了 在丹凤"])
def test_let_go_said_with_a_spoken_passive_is_out_of_work(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("employment_status") == "unemployed", [r.text for r in replies]
    assert state.pending.get("region"), state


def test_cutting_cloth_for_a_child_is_no_lay_off(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "在巴中 平时给孩子裁衣服", TODAY)
    assert "employment_status" not in state.pending, state
