"""Issue 11, session 23 (set 15 read): what a caseworker would sign, each checked from the clause texts.

- 巴中（二十一）/资阳（十五） “对实现就业的低保对象，在核算其家庭收入时可扣减必要的就业成本”: the 民政 accounting
  may deduct (可) costs it calls 必要的 and names neither — a grant at discretion, open as 巴中（六）'s “适当给予”: a
  working 低保对象 is `possibly_eligible` with what to confirm, never `eligible`. It is what a 低保对象 keeps on taking
  work, so one still looking for work (失业、在校) is told it applies once employed — to confirm, not refused; a retired
  one, or a family not on 低保, is not covered by it.
- 巴中（十四）/资阳（十六） “落实扶持就业创业优惠政策”, “按规定落实相关扶持政策” only name policies (session 7's open
  class): a 自主就业 soldier or a 自主择业 officer is `possibly_eligible`, with which policies to confirm.
"""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.engine import Engine
from tests.eligibility.checking import benefit_of, check

DEDUCTIONS = {
    "巴中市南江县": "bazhong.dibao_employment_cost_deduction",
    "资阳市安岳县": "ziyang.dibao_employment_cost_deduction",
}
VETERANS = {"巴中市通江县": "bazhong.veteran_support", "资阳市雁江区": "ziyang.veteran_support"}
DAY = date(2018, 8, 27)


def _to_confirm(result_benefit: object) -> str:
    return " ".join(
        r.requirement.text or "" for r in result_benefit.reasons if r.requirement and r.kind == "to_confirm"
    )  # type: ignore[attr-defined]


@pytest.mark.parametrize("place", sorted(DEDUCTIONS))
@pytest.mark.parametrize("work", ["employed", "flexible", "self_employed"])
def test_a_working_dibao_member_is_told_the_deduction_is_the_civil_affairs_accounting_to_confirm(
    engine: Engine, place: str, work: str
) -> None:
    found = benefit_of(
        check(engine, {"region": place, "age": 40, "household": ["dibao"], "employment_status": work}, DAY),
        DEDUCTIONS[place],
    )
    assert found.status == "possibly_eligible", "“可扣减必要的就业成本” names neither the costs nor how much"
    assert "扣减哪些就业成本" in _to_confirm(found) and "民政部门" in _to_confirm(found)


@pytest.mark.parametrize("place", sorted(DEDUCTIONS))
@pytest.mark.parametrize("now", ["unemployed", "student"])
def test_a_dibao_member_still_looking_for_work_is_told_it_applies_once_employed(
    engine: Engine, place: str, now: str
) -> None:
    # hp15-38: a disabled man of a 低保 family, registered unemployed 8 months, asks whether 低保 ends if he works.
    found = benefit_of(
        check(engine, {"region": place, "age": 45, "household": ["dibao"], "employment_status": now}, DAY),
        DEDUCTIONS[place],
    )
    assert found.status == "possibly_eligible"
    assert "实现就业后" in _to_confirm(found)
    # Still refused outside its group: a retired 低保 member, a family not on 低保.
    retired = check(engine, {"region": place, "age": 62, "household": ["dibao"], "employment_status": "retired"}, DAY)
    assert benefit_of(retired, DEDUCTIONS[place]).status == "ineligible"
    other = check(engine, {"region": place, "age": 40, "household": ["low_income"], "employment_status": now}, DAY)
    assert benefit_of(other, DEDUCTIONS[place]).status == "ineligible"


@pytest.mark.parametrize("place", sorted(VETERANS))
@pytest.mark.parametrize("kind", ["soldier_self_employed", "officer_self_employed"])
def test_a_self_employed_veterans_preferential_policies_are_to_confirm(engine: Engine, place: str, kind: str) -> None:
    # hp15-37: a 安岳 soldier back since 2017-09, 自主就业, farming lemons, asks what support veterans have.
    found = benefit_of(check(engine, {"region": place, "age": 26, "veteran": kind}, date(2018, 6, 19)), VETERANS[place])
    assert found.status == "possibly_eligible", "“落实扶持就业创业优惠政策” names no policy"
    assert "具体可享受哪些就业创业优惠政策" in _to_confirm(found)
    soldier_waiting = {"region": place, "age": 26, "veteran": "soldier_awaiting_placement"}
    assert benefit_of(check(engine, soldier_waiting, date(2018, 6, 19)), VETERANS[place]).status == "ineligible"
