"""Session 37 (issue 12, task fix37): the review of chat47's reading of reported words, negated kinds and insurance
paid for others — facts people say about themselves are read again (the confirm card lets them say no)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.core import Dialogue

TODAY = date(2026, 12, 6)


def _read(dialogue: Dialogue, text: str) -> dict[str, Any]:
    return dialogue.describer.describe(text, TODAY).facts


def _some(facts: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    return {fact: facts.get(fact) for fact in expected}


# -- 1. reported words end where the speaker becomes their subject; one's own quote is one's own ---------------------

OWN_THROUGH_OTHERS = [
    ("我收到通知：我被裁员了", {"employment_status": "unemployed"}),
    ("公司通知：我们厂今年3月倒闭了", {"employment_status": "unemployed"}),
    ("我上面说了：我下岗了", {"employment_status": "unemployed"}),
    ('我说："我是退伍军人，在家待业一年了"', {"veteran": "soldier", "employment_status": "unemployed"}),
    ("我说：“我是退伍军人，在家待业一年了”", {"veteran": "soldier", "unemployed_months": 12}),
    # (去年 alone is 11 to 23 months, across 连续失业1年以上: not guessed but asked — session 43; was 17)
    ("我原话是“我去年下岗了一直没找到工作”", {"employment_status": "unemployed", "unemployed_months": None}),
    ("朋友说我下岗了能领", {"employment_status": "unemployed"}),
    ("群里说我这种残疾人能领", {"disabled": True}),
    ("社区说我是就业困难人员，已经认定了", {"hard_to_employ": True}),
    # (others' opinion of the speaker, told by the speaker: read, and the person confirms or corrects the card)
    ("人家都说我是就业困难人员", {"hard_to_employ": True}),
    ("我看通知：今年3月厂子倒闭了，我也失业了", {"employment_status": "unemployed", "unemployed_months": 8}),
    ("我在村上说我是建档立卡贫困户", {"household": ["poverty_registered"]}),
]


@pytest.mark.parametrize(("message", "expected"), OWN_THROUGH_OTHERS)
def test_what_others_say_with_the_speaker_as_subject_and_ones_own_quote_are_the_speakers_facts(
    dialogue: Dialogue, message: str, expected: dict[str, Any]
) -> None:
    facts = _read(dialogue, message)
    assert _some(facts, expected) == expected, facts


PASTED_POLICY = [
    ("文件上说：下岗职工可以领", {"employment_status": None}),
    ("政策上说：下岗职工可以领，我去年下岗了", {"employment_status": "unemployed", "unemployed_months": None}),
    ("网上说：退伍军人有补贴 我在恩阳", {"veteran": None}),
    ("文件上写着“对登记失业半年以上的人员，给予一次性补贴”", {"registered_unemployed": None}),
    ("朋友说残疾人能领", {"disabled": None}),
]


@pytest.mark.parametrize(("message", "expected"), PASTED_POLICY)
def test_a_written_policys_words_and_others_words_not_about_the_speaker_stay_unread(
    dialogue: Dialogue, message: str, expected: dict[str, Any]
) -> None:
    facts = _read(dialogue, message)
    assert _some(facts, expected) == expected, facts


# -- 2. a 不是 crosses only the words of a kind's own name, never a 的-modifier ------------------------------------

NOT_A_KIND = [
    ("我不是本地的下岗职工", {"employment_status": "unemployed"}),
    ("我不是本地户口的下岗失业人员", {"employment_status": "unemployed"}),
    ("我不是下岗失业人员", {"employment_status": None}),
]


@pytest.mark.parametrize(("message", "expected"), NOT_A_KIND)
def test_a_no_before_a_kind_reaches_its_name_but_not_past_a_modifier_with_de(
    dialogue: Dialogue, message: str, expected: dict[str, Any]
) -> None:
    facts = _read(dialogue, message)
    assert _some(facts, expected) == expected, facts


# -- 3. insurance an employer pays others must be named, and 大家/我们 include the speaker --------------------------

INSURANCE = [
    ("公司给大家交了社保", {"social_insurance_paid": True}),
    ("单位给员工交社保，我没交", {"social_insurance_paid": False}),
    ("我们公司没给员工交社保，我自己也没交", {"social_insurance_paid": False}),
    ("老板给工人买了社保", {"social_insurance_paid": None}),
]


@pytest.mark.parametrize(("message", "expected"), INSURANCE)
def test_insurance_paid_for_others_is_named_and_the_speakers_own_no_beside_it_is_read(
    dialogue: Dialogue, message: str, expected: dict[str, Any]
) -> None:
    facts = _read(dialogue, message)
    assert _some(facts, expected) == expected, facts
