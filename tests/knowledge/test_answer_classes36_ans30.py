"""Classes of answer failure fixed in session 36 (issue 10, ans30), read from answers_holdout33 and the
leftovers the lead named. Every case is worded apart from the golden and chat sets:
- a yes/no question (…吗, …不, 有没有) asks whether: a 几 inside it is "a few", not a number asked
  (招几个退伍兵有补贴吗 asks about the subsidy, not how many veterans)."""

from __future__ import annotations

import pytest

from knowledge.intent import Intent, asked_units, classify


@pytest.mark.parametrize(
    "question", ["央企招几个退伍兵有补贴吗", "我们厂招几个残疾人有没有奖励", "带了几户贫困户进厂 能给补贴不"]
)
def test_a_few_inside_a_yes_no_question_asks_no_count(question: str) -> None:
    assert "count" not in asked_units(question)
    assert classify(question).primary is not Intent.AMOUNT


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("企业要招几个人才能拿补贴", "count"),
        ("失业保险金能领几个月吗", "duration"),
        ("吸纳就业补贴能给几个钱", "money"),
        ("商洛有没有见习基地 每个县要建几个", "count"),
        ("有没有稳岗补贴 一个人补几个钱", "money"),
    ],
)
def test_a_number_asked_outside_a_yes_no_question_or_of_time_is_still_asked(question: str, unit: str) -> None:
    assert unit in asked_units(question)
