"""Session 28 (issues 11/12, task walkfix1): a newcomer's walkthrough, each a class. Coming back from work elsewhere
is a 返乡人员 whether or not a business is started (starting is the business's own facts), and a planned business is
a near miss of 返乡下乡创业扶持 that opens once it is registered; a plan (打算 养…, 想去…进厂) is no state of now;
a plan given up (不搞创业了) clears the wish; what is said of someone else proposes nothing for the speaker. In our
own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.services import Services
from bot.settings import Settings
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)


def _facts(dialogue: Dialogue, text: str) -> dict[str, object]:
    return dialogue.describer.describe(text, TODAY).facts


# -- (1) the return and the business are two facts -------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["在苏州电子厂打了八年工 前年回老家了 还没创业", "在宁波打了几年工回来了，暂时没有开始创业"],
)
def test_not_started_keeps_the_return(dialogue: Dialogue, message: str) -> None:
    facts = _facts(dialogue, message)
    assert facts.get("returning_migrant") is True, facts


def test_the_return_is_kept_when_the_start_is_denied_later(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我通江县的 41岁 在深圳工地上打了十来年工 去年回来了", TODAY)
    assert state.pending.get("returning_migrant") is True, state.pending
    state, replies = say(dialogue, state, "店还没开 还没正式创业呢", TODAY)
    assert state.pending.get("returning_migrant") is True, (state.pending, [r.text for r in replies])
    assert all("返乡创业人员" not in r.text for r in replies)


def test_a_planned_business_is_a_near_miss_of_the_return_measure(kb: object) -> None:
    checker = Services(Settings(), knowledge=kb).checker  # type: ignore[arg-type]
    profile = {"region": "南江县", "age": 45, "returning_migrant": True, "employment_status": "unemployed"}
    planned = checker.check({**profile, "wants_business": True}, TODAY)
    (measure,) = [b for b in planned["benefits"] if b["id"] == "bazhong.returning_entrepreneur_support"]
    assert measure["opens_with"] and measure["opens_with"][0]["fact"] == "business_form", measure
    assert all("返乡" not in reason for reason in measure["reasons"]), measure["reasons"]
    # no plan: nothing to open
    unplanned = checker.check({**profile, "wants_business": False}, TODAY)
    (measure,) = [b for b in unplanned["benefits"] if b["id"] == "bazhong.returning_entrepreneur_support"]
    assert not measure["opens_with"], measure


# -- (2) plans and plans given up ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("现在啥也没干 就是打算 养点鸭子搞个农家乐", {"wants_business": True}),
        ("准备着 养几十头猪", {}),
        ("打算去镇上进厂", {"job_seeking": True}),
        ("我想在超市上班", {"job_seeking": True}),
    ],
)
def test_a_plan_is_no_state(dialogue: Dialogue, message: str, expected: dict[str, object]) -> None:
    facts = _facts(dialogue, message)
    assert "employment_status" not in facts, facts
    for fact, value in expected.items():
        assert facts.get(fact) == value, facts


@pytest.mark.parametrize("message", ["想了想还是不开店了", "创业的事算了 打算出去打工", "不打算创业"])
def test_a_plan_given_up_clears_the_wish(dialogue: Dialogue, message: str) -> None:
    assert _facts(dialogue, message).get("wants_business") is False


def test_a_plan_given_up_after_it_was_said(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我恩阳区的 35岁 打算创业", TODAY)
    assert state.pending.get("wants_business") is True
    state, _ = say(dialogue, state, "还是不做生意了 想去城里上班", TODAY)
    assert state.pending.get("wants_business") is False, state.pending
    assert state.pending.get("job_seeking") is True, state.pending


def test_a_correction_naming_the_wish(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我巴州区的 30岁 想自己开个店", TODAY)
    state, _ = say(dialogue, state, "创业意愿那条不对 我不想开店了", TODAY)
    assert state.pending.get("wants_business") is False, state.pending


# -- (3) someone else's situation proposes nothing for the speaker ------------------------------------------


@pytest.mark.parametrize("other", ["我老公 45 想找点活干", "是我媳妇想找工作"])
def test_someone_elses_wish_is_not_the_speakers(dialogue: Dialogue, other: str) -> None:
    state, _ = say(dialogue, SessionState(), "我是平昌县的 38岁", TODAY)
    before = dict(state.pending)
    state, _ = say(dialogue, state, other, TODAY)
    assert state.pending == before and dict(state.profile) == {}, state.pending
