"""Session 37 (issue 12, task chat47): whose a fact is and how it is read — the classes left by sets 27–29's confirm /
interview turns, in our own wording (written from the source texts, not the sets')."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 13)


def _read(dialogue: Dialogue, text: str) -> dict[str, Any]:
    return dialogue.describer.describe(text, TODAY).facts


# -- (a) a pasted clause or a written source's words are the text's conditions, never the speaker's facts -----------

REPORTED = [
    ("文件上写着“对登记失业半年以上的人员，给予一次性补贴” 我在恩阳 咋个领", {"region": "恩阳区"}),
    ("我在网上看到个通知：零就业家庭成员、就业困难人员可以申请公益性岗位。我在安岳，能去不", {"region": "安岳县"}),
    ("政策原文：毕业两年内的高校毕业生灵活就业的给社保补贴 我在洛南 今年38", {"age": 38, "region": "洛南县"}),
    # what others say (the dialogue's hearsay words): 干保洁 there is what one could do, not what one does
    ("俺在丹凤 一直在家种地 村上说能去镇上干保洁", {"employment_status": "farming", "region": "丹凤县"}),
]


@pytest.mark.parametrize(("message", "facts"), REPORTED)
def test_conditions_quoted_or_introduced_by_a_source_are_not_read_as_the_speakers_facts(
    dialogue: Dialogue, message: str, facts: dict[str, Any]
) -> None:
    assert _read(dialogue, message) == facts


def test_a_quoted_name_of_a_kind_of_people_is_still_the_speakers_own_word(dialogue: Dialogue) -> None:
    assert _read(dialogue, "我是“下岗”职工 在恩阳")["employment_status"] == "unemployed"


# -- (b) a no reaches the phrase it negates across for whom it is done and across a kind's whole name -----------------

NEGATED = [
    ("厂里从来没给俺上社保 我在叶县", {"social_insurance_paid": False}),
    ("老板没帮我们交社保", {"social_insurance_paid": False}),
    ("我不是下岗失业人员 在通化", {"employment_status": None}),
    ("俺不属于城镇登记失业人员", {"employment_status": None, "registered_unemployed": False}),
]


@pytest.mark.parametrize(("message", "expected"), NEGATED)
def test_a_no_before_for_whom_or_before_a_kinds_name_negates_the_fact(
    dialogue: Dialogue, message: str, expected: dict[str, Any]
) -> None:
    facts = _read(dialogue, message)
    assert {fact: facts.get(fact) for fact in expected} == expected, facts


def test_the_kind_said_without_a_no_is_still_the_speakers(dialogue: Dialogue) -> None:
    assert _read(dialogue, "我是下岗失业人员 在通化")["employment_status"] == "unemployed"


# -- (c) a job lost less than a whole month ago gives no duration of 0 months --------------------------------------


def test_a_job_lost_last_month_told_early_this_month_shows_no_zero_month_duration(dialogue: Dialogue) -> None:
    facts = _read(dialogue, "上个月被厂里裁了 我在恩阳 50岁")
    assert facts["employment_status"] == "unemployed" and "unemployed_months" not in facts, facts


def test_a_job_lost_months_ago_still_gives_its_duration(dialogue: Dialogue) -> None:
    assert _read(dialogue, "今年5月被公司辞退了 在恩阳")["unemployed_months"] == 6


# -- (d) a verb of working split by its aspect 着 is a job held now -------------------------------------------------


@pytest.mark.parametrize("message", ["我在镇上饭店上着班 安岳的", "在县城的厂里打着工呢"])
def test_working_said_with_the_aspect_zhe_is_a_job_held_now(dialogue: Dialogue, message: str) -> None:
    assert _read(dialogue, message).get("employment_status") == "employed"


# -- (e) a place that locates what is asked about is no fact of the speaker, and does not stop the interview ---------


def test_a_village_that_places_a_workshop_asked_about_is_no_fact_of_the_speaker(dialogue: Dialogue) -> None:
    assert "rural_labor" not in _read(dialogue, "村里有个扶贫车间 车间招人能有奖补不")


def test_a_question_placed_in_the_speakers_village_mid_interview_keeps_the_interview_going(
    dialogue: Dialogue,
) -> None:
    state, _ = say(dialogue, SessionState(), "查下补贴", TODAY)
    state, _ = say(dialogue, state, "恩阳 31", TODAY)
    # (session 42: the age told beside the place asked is carded, then confirmed)
    assert state.interviewing and state.pending.get("age") == 31, state
    state, _ = say(dialogue, state, "对", TODAY)
    assert state.profile.get("age") == 31 and not state.pending, state
    state, replies = say(dialogue, state, "问一下 我们村里有家合作社 合作社招贫困户能拿钱不", TODAY)
    assert not any(r.kind == "confirm" for r in replies) and not state.pending, [r.text for r in replies]
    state, replies = say(dialogue, state, "我高中毕业", TODAY)
    if replies[-1].kind == "confirm":
        # (session 42: schooling told beside another question waits on the card first)
        state, replies = say(dialogue, state, "对", TODAY)
    assert replies[-1].kind in {"question", "results"} and state.profile.get("education") == "high_school", [
        r.text for r in replies
    ]
