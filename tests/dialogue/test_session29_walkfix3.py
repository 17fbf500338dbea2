"""Session 29 (issues 11/12, task walkfix3): a newcomer's walkthrough, each a class, in our own wording.

- a family member's facts are not the speaker's: a relative's disability is the household's (残疾人家庭), which
  the household question offers and 公益性岗位 reads; a correction naming whom a fact is of moves that fact,
  never the check to that person;
- natural answers during the interview are taken: the place restated while a card waits, 都不是 followed by
  what someone else does, a no closing the message (…，应该不算); a 可多选 question has 确定 and 都不是 of
  its own; a question's hint cites the person's own place's clause;
- a plan given up in other words (奶茶店还是不搞了) clears the wish;
- a first message telling one's situation and asking what there is gets the check, never "no clause"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from bot.services import Services
from bot.settings import Settings
from tests.dialogue.speaking import confirmed, last_question, press, say

TODAY = date(2026, 12, 5)


def _press(dialogue: Dialogue, state: SessionState, action: str) -> tuple[SessionState, tuple[Reply, ...]]:
    return press(dialogue, state, action, TODAY)


def _confirmed(dialogue: Dialogue, told: str) -> tuple[SessionState, tuple[Reply, ...]]:
    return confirmed(dialogue, told, TODAY)


_question = last_question


def _until_asked(
    dialogue: Dialogue, told: str, wanted: str, unsure_of: str = ""
) -> tuple[SessionState, Reply, list[Reply]]:
    """Tells `told`, confirms, and answers (都不是 / the first option; 不清楚 to `unsure_of`) until the question
    about `wanted` waits; every question asked on the way is returned too."""
    state, replies = _confirmed(dialogue, told)
    asked: list[Reply] = []
    for _ in range(16):
        question = _question(replies)
        assert question is not None, [r.text for r in replies]
        asked.append(question)
        if question.asks == wanted:
            return state, question, asked
        actions = question.actions
        if question.asks == unsure_of:
            action = next(a for a in actions if a.startswith("ans:"))
        else:
            action = next((a for a in actions if a.startswith("none:")), actions[0])
        state, replies = _press(dialogue, state, action)
    raise AssertionError(f"{wanted} was never asked")


def _walk(dialogue: Dialogue, told: str, unsure_of: str = "") -> list[Reply]:
    """Every question asked until the results, answering as `_until_asked` does."""
    state, replies = _confirmed(dialogue, told)
    asked: list[Reply] = []
    for _ in range(20):
        question = _question(replies)
        if question is None:
            return asked
        asked.append(question)
        actions = question.actions
        if question.asks == unsure_of:
            action = next(a for a in actions if a.startswith("ans:"))
        else:
            action = next((a for a in actions if a.startswith("none:")), actions[0])
        state, replies = _press(dialogue, state, action)
    return asked


# -- (1) a family member's facts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "我是资阳乐至的 50岁 下岗了 我屋里幺儿有残疾证",
        "我是雁江区的 45岁 失业在家 我家里老伴是残疾人",
        "我在安岳县 39岁 没工作，我家闺女是残疾的 办了证",
    ],
)
def test_a_relatives_disability_is_the_households(dialogue: Dialogue, message: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert state.pending.get("disabled") is not True, state.pending
    assert "disabled_family" in (state.pending.get("household") or []), (state.pending, [r.text for r in replies])
    assert not state.for_someone_else
    assert isinstance(state.pending.get("age"), int) and state.pending["age"] >= 39


def test_a_workmates_disability_is_nobodys_household(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我是资阳雁江的 40岁 失业了，我工友有残疾证", TODAY)
    assert state.pending.get("disabled") is not True, state.pending
    assert "disabled_family" not in (state.pending.get("household") or []), state.pending


def test_a_correction_naming_whose_moves_the_fact_not_the_check(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在乐至县 47岁 失业了 有残疾证", TODAY)
    assert state.pending.get("disabled") is True, state.pending
    state, replies = say(dialogue, state, "有残疾证的不是我 是我闺女 她12岁", TODAY)
    texts = [r.text for r in replies]
    assert not state.for_someone_else, texts
    held = {**state.profile, **state.pending}
    assert held.get("age") == 47 and held.get("employment_status") == "unemployed", (held, texts)
    assert held.get("disabled") is not True, (held, texts)
    assert "disabled_family" in (held.get("household") or []), (held, texts)


def test_not_mine_said_after_a_fact_the_card_never_held(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我是乐至的 44岁 没工作了，我屋头幺儿有残疾证", TODAY)
    state, replies = say(dialogue, state, "残疾的不是我 是我幺儿 他九岁 我身体好好的", TODAY)
    held = {**state.profile, **state.pending}
    assert not state.for_someone_else and held.get("age") == 44, (held, [r.text for r in replies])
    assert held.get("disabled") is not True and "disabled_family" in (held.get("household") or []), held


@pytest.mark.parametrize(
    ("message", "kind"),
    [("我们家算残疾人家庭", "disabled_family"), ("俺家是贫困残疾人家庭", "poor_disabled")],
)
def test_the_household_named_by_whom_it_has(dialogue: Dialogue, message: str, kind: str) -> None:
    facts = dialogue.describer.describe(message, TODAY).facts
    assert facts.get("household") == [kind], facts
    assert facts.get("disabled") is not True, facts


def test_the_disabled_family_opens_the_public_job(kb: object) -> None:
    checker = Services(Settings(), knowledge=kb).checker  # type: ignore[arg-type]
    profile = {"region": "雁江区", "age": 43, "employment_status": "unemployed", "hard_to_employ": False}
    for household, expected in (([], "ineligible"), (["disabled_family"], "possibly_eligible")):
        result = checker.check({**profile, "household": household, "disabled": False}, TODAY)
        (job,) = [b for b in result["benefits"] if b["id"] == "ziyang.public_welfare_job"]
        assert job["status"] == expected, (household, job)


def test_the_household_question_offers_the_disabled_family(dialogue: Dialogue) -> None:
    _, question, _ = _until_asked(dialogue, "资阳安岳的 44岁 失业了", "household", unsure_of="situation")
    labels = " ".join(b.label for row in question.buttons for b in row)
    assert "残疾人家庭（" in labels and "贫困残疾人家庭" in labels, labels


# -- (2) natural answers during the interview -------------------------------------------------------------


def test_the_place_restated_while_the_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我52了 厂子倒了没活干", TODAY)
    state, _ = say(dialogue, state, "创业担保贷款能贷多少", TODAY)
    state, replies = say(dialogue, state, "地方还是资阳安岳县哈", TODAY)
    assert all(r.kind != "answer" for r in replies), [r.text for r in replies]
    assert state.pending.get("region") == "安岳县", state.pending


def test_none_of_them_before_what_someone_else_does(dialogue: Dialogue) -> None:
    state, _, _ = _until_asked(dialogue, "资阳雁江的 41岁 失业了", "situation")
    state, replies = say(dialogue, state, "都不是吧 我媳妇在超市上班 有工资", TODAY)
    assert replies[0].kind == "acknowledge", [r.text for r in replies]
    assert state.profile.get("disabled") is False and state.profile.get("household") == [], state.profile
    assert "employment_status" in state.profile and state.profile["employment_status"] == "unemployed"


@pytest.mark.parametrize("answer", ["我们那厂子做鞋的，应该不算", "做服装的 估计不是"])
def test_a_no_closing_the_message(dialogue: Dialogue, answer: str) -> None:
    state, _, _ = _until_asked(dialogue, "资阳雁江的 46岁 失业了", "overcapacity_worker", unsure_of="situation")
    state, replies = say(dialogue, state, answer, TODAY)
    assert replies[0].kind == "acknowledge", [r.text for r in replies]
    assert state.profile.get("overcapacity_worker") is False, state.profile


def test_a_question_closing_is_no_answer(dialogue: Dialogue) -> None:
    assert dialogue.words.closing_verdict("做鞋的，算吗") == (False, None)
    assert dialogue.words.closing_verdict("鞋厂 算不算？") == (False, None)
    assert dialogue.words.closing_verdict("应该不算") == (False, None)  # nothing said of the matter before it


def test_a_list_asked_alone_is_ticked_then_submitted(dialogue: Dialogue) -> None:
    state, question, _ = _until_asked(dialogue, "资阳安岳的 44岁 失业了", "household", unsure_of="situation")
    assert question.multi_select, question
    actions = question.actions
    assert "done:household" in actions and "none:household" in actions, actions
    ticks = [a for a in actions if a.startswith("tick:household:")]
    assert len(ticks) >= 6, actions
    # one press ticks, it does not answer
    ticked, replies = _press(dialogue, state, ticks[0])
    ticked, replies = _press(dialogue, ticked, ticks[1])
    assert "household" not in ticked.profile or ticked.profile["household"] is None, ticked.profile
    ticked, replies = _press(dialogue, ticked, "done:household")
    assert replies[0].kind == "acknowledge", [r.text for r in replies]
    assert len(ticked.profile["household"]) == 2, ticked.profile
    # 都不是, whatever was ticked before
    state, _ = _press(dialogue, state, ticks[0])
    state, replies = _press(dialogue, state, "none:household")
    assert state.profile["household"] == [], state.profile


def test_hints_cite_the_persons_own_place(dialogue: Dialogue) -> None:
    # Session 41: after 不清楚 to the list its members are ranked like any other question — the walk's yes to 残疾人
    # would settle 资阳（十五）'s measure before 就业困难人员 is asked, so the person says it is not their case.
    asked = _walk(dialogue, "资阳雁江的 43岁 失业了 没有残疾", unsure_of="situation")
    hints = [r.text for r in asked]
    assert any("资阳（十五）" in r.text for r in asked if r.asks == "hard_to_employ"), hints
    for other in ("巴中（", "吉林（", "平顶山（", "商洛（"):
        assert all(other not in h for h in hints), (other, hints)
    asked = _walk(dialogue, "巴中通江的 43岁 失业了", unsure_of="situation")
    hints = [r.text for r in asked]
    assert any("巴中（十一）" in r.text for r in asked if r.asks == "hard_to_employ"), hints
    assert all("资阳（" not in h for h in hints), hints


# -- (3) a plan given up in other words --------------------------------------------------------------------


@pytest.mark.parametrize("message", ["奶茶店还是不搞了，想进厂", "想来想去 小吃摊就不开了 还是找个班上", "不开超市了"])
def test_a_business_named_and_given_up(dialogue: Dialogue, message: str) -> None:
    assert dialogue.describer.describe(message, TODAY).facts.get("wants_business") is False


def test_a_job_left_is_no_plan_given_up(dialogue: Dialogue) -> None:
    assert "wants_business" not in dialogue.describer.describe("厂里的活不干了", TODAY).facts


def test_the_wish_is_cleared_in_the_record(dialogue: Dialogue) -> None:
    state, _ = _confirmed(dialogue, "资阳乐至的 38岁 失业了 打算开个小吃店")
    assert state.profile.get("wants_business") is True, state.profile
    state, replies = say(dialogue, state, "想了想 小吃店还是不开了 本钱不够，想找个班上", TODAY)
    assert state.pending.get("wants_business") is False, (state.pending, [r.text for r in replies])


# -- (4) a first message: one's situation and what there is ------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "资阳安岳人 50岁 厂子关门了 有啥子扶持没得",
        "雁江区的，41，被裁员了，有啥政策没得",
        "乐至县 36岁 刚失业 有啥补贴没得",
    ],
)
def test_a_first_message_asking_what_there_is(dialogue: Dialogue, message: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    texts = [r.text for r in replies]
    assert all(r.answer_status != "no_answer" for r in replies), texts
    assert any(r.kind in ("confirm", "question") for r in replies), texts
    assert state.pending.get("region") or state.profile.get("region"), state
