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


def test_the_runner_keeps_a_colleague_and_a_planned_hire_apart_from_the_person() -> None:
    from eligibility.rulebook import default_rulebook
    from tests.eligibility.holdout_runner import load_runner

    runner, book = load_runner(), default_rulebook()
    # hp15-29: 同事（班长）'s 高级 certificate is the colleague's; the expectation about him is about another person.
    worker = {
        "place": "吉林省长春市双阳区",
        "employment": "employed",
        "other": "企业职工, 依法参加失业保险3年2个月; 本人初级（五级）证书颁发于2017-03-10; "
        "同事（班长）为同厂企业职工, 2018-02取得高级（三级）证书, 参加失业保险2年11个月",
    }
    levels = [c["level"] for c in runner.profile_of(worker, date(2018, 5, 15), book)["certificates"]]
    assert levels == ["junior"]
    assert runner.ABOUT_ANOTHER.search("高级（三级）证书技能提升补贴2000元（班长）")
    # hp15-01: a hire counted in words (一名) or denied is the hire's; 非贫困家庭 is the owner's own.
    owner = {
        "place": "四川省资阳市雁江区",
        "employment": "self_employed",
        "other": "个体工商户; 本人非就业困难人员、非贫困家庭; "
        "目前没有雇用贫困家庭劳动力, 打算招用一名建档立卡贫困家庭劳动力",
    }
    assert runner.profile_of(owner, date(2018, 9, 20), book)["household"] == []
