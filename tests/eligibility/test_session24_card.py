"""Session 24 (task card21, issue 11): the result card read as a caseworker would, after a newcomer's walk through
the widget — people of our own, checked from the clause texts.

- “差一点符合” is one open, reachable condition: a registration or a document the person can get (an action),
  a date time alone will bring, or an amount of their own they are still short of (参保满3年 with 2). A person
  with 初中 education is not “nearly” eligible for a graduates' 就业见习 (巴中（十） “将离校1年内未就业的中职（技校）
  毕业生纳入就业见习范围”) — the digit in 离校1年内 made it look like a figure missed; nor is a 2018 graduate in 2019
  for 吉林（八）'s 毕业年度 measure (a window already passed).
- An open condition is to be confirmed with the office that decides it, as the condition says:
  巴中（二十一）/资阳（十五） “在核算其家庭收入时可扣减必要的就业成本” is the 民政 accounting
  (由民政部门核算家庭收入时确定), 巴中（十四）/资阳（十六）'s 医保 for soldiers awaiting placement the 安置地民政部门;
  a condition naming none goes to the 人社部门. An item says what to confirm once: one line per office, never
  “需向人社部门确认” twice.
- The possibly-eligible items come surest first (fewest conditions still open).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.prose import prose
from bot.present.reasons import reason_texts
from bot.present.results import is_near_miss, result_json, results_message
from eligibility.engine import Engine
from eligibility.results import BenefitResult, CheckResult
from knowledge.registry import Registry
from tests.eligibility.checking import benefit_of, check

TODAY = date(2026, 11, 20)
# Who one is: a group, a kind of schooling, a status — never within reach by doing something or waiting.
WHO_ONE_IS = {"education", "household", "veteran", "disabled", "graduation_date", "employment_status"}


def _items(text: str, title: str) -> dict[str, list[str]]:
    """The items of one section of the chat card (by name), each with its lines."""
    if title not in text:
        return {}
    section = text.split(title, 1)[1].split("\n\n", 1)[0]
    items: dict[str, list[str]] = {}
    current: list[str] = []
    for line in section.splitlines()[1:]:
        head = line.split(". ", 1)
        if head[0].isdigit():
            current = items.setdefault(head[1], [])
        else:
            current.append(line.strip())
    return items


def _near(result: CheckResult, engine: Engine) -> list[BenefitResult]:
    return [b for b in result.benefits if is_near_miss(b, engine.rulebook.facts)]


# -- near misses: one reachable condition, never who one is ---------------------------------------------------

PEOPLE_WHO_CANNOT_JOIN = [
    # A 44-year-old in 恩阳区 with 初中, out of work half a year, no group of any kind.
    ({"region": "巴中市恩阳区", "age": 44, "education": "below_high_school", "employment_status": "unemployed"}, TODAY),
    # A 38-year-old in 乐至县 with 普通高中, out of work, wants training.
    (
        {
            "region": "资阳市乐至县",
            "age": 38,
            "education": "high_school",
            "employment_status": "unemployed",
            "wants_training": True,
        },
        TODAY,
    ),
    # A 大专 graduate of 2018 in 吉林市, still looking for work in May 2019: 毕业年度 is over.
    (
        {
            "region": "吉林市",
            "age": 23,
            "education": "college",
            "graduation_date": "2018-07-01",
            "employment_status": "unemployed",
        },
        date(2019, 5, 6),
    ),
]


@pytest.mark.parametrize(("profile", "day"), PEOPLE_WHO_CANNOT_JOIN)
def test_a_near_miss_is_never_a_group_the_person_cannot_join(
    engine: Engine, profile: dict[str, Any], day: date
) -> None:
    result = check(engine, profile, day)
    for benefit in _near(result, engine):
        reachable = benefit.opens_with or benefit.eligible_from is not None
        if reachable:
            continue
        # Short of a figure: one failed requirement, on one amount of the person's own, never on who one is.
        (reason,) = benefit.reasons
        assert reason.requirement is not None and reason.requirement.fact not in WHO_ONE_IS, (benefit.id, reason)
        assert reason.requirement.comparison in {"gte", "gt"}, (benefit.id, reason)


def test_a_person_with_junior_school_is_not_nearly_eligible_for_a_graduates_internship(engine: Engine) -> None:
    result = check(engine, PEOPLE_WHO_CANNOT_JOIN[0][0], TODAY)
    internship = benefit_of(result, "bazhong.employment_internship")
    assert internship.status == "ineligible"
    assert not is_near_miss(internship, engine.rulebook.facts)
    text = results_message(result, engine.rulebook).text
    assert (
        prose().dialogue.results.near_miss not in text
        or "见习" not in text.split(prose().dialogue.results.near_miss)[1]
    )


def test_a_graduation_year_already_over_is_not_nearly_met(engine: Engine) -> None:
    profile, day = PEOPLE_WHO_CANNOT_JOIN[2]
    result = check(engine, profile, day)
    subsidy = benefit_of(result, "jilin.job_search_subsidy")
    assert subsidy.status == "ineligible" and not is_near_miss(subsidy, engine.rulebook.facts)


def test_insurance_years_still_short_stay_a_near_miss_even_when_no_date_can_be_named(engine: Engine) -> None:
    # 吉林（二十）: 参保满3年 and a certificate of the last 12 months. With 2.2 years in September 2020 the third year
    # comes after the March 2020 certificate is 12 months old — no date, yet more insurance is within reach.
    profile = {
        "region": "四平市",
        "age": 31,
        "employment_status": "employed",
        "ui_insured": True,
        "ui_years": 2.2,
        "certificate_level": "senior",
        "certificate_date": "2020-03-15",
    }
    upgrade = benefit_of(check(engine, profile, date(2020, 9, 1)), "jilin.skill_upgrade_subsidy")
    assert upgrade.status == "ineligible" and upgrade.eligible_from is None
    assert is_near_miss(upgrade, engine.rulebook.facts)


# -- open conditions: the office that decides them, each said once ---------------------------------------------

DIBAO = {"age": 33, "household": ["dibao"], "employment_status": "unemployed", "education": "high_school"}
DEDUCTIONS = {
    "巴中市通江县": "bazhong.dibao_employment_cost_deduction",
    "资阳市乐至县": "ziyang.dibao_employment_cost_deduction",
}


@pytest.mark.parametrize("place", sorted(DEDUCTIONS))
def test_the_dibao_deduction_is_confirmed_once_with_the_civil_affairs_office(
    engine: Engine, registry: Registry, place: str
) -> None:
    result = check(engine, {"region": place, **DIBAO}, TODAY)
    deduction = benefit_of(result, DEDUCTIONS[place])
    assert deduction.status == "possibly_eligible"
    item = _items(results_message(result, engine.rulebook).text, prose().dialogue.results.possible)[deduction.name]
    asks = [line for line in item if "确认：" in line]
    assert len(asks) == 1 and asks[0].startswith("需向民政部门确认："), item
    assert "实现就业后" in asks[0] and "扣减哪些就业成本" in asks[0], item
    # The JSON contract names the same office for each of its open conditions.
    (out,) = [b for b in result_json(result, engine.rulebook, registry)["benefits"] if b["id"] == deduction.id]
    assert out["to_confirm"] and all(t.startswith("需向民政部门确认：") for t in out["to_confirm"]), out["to_confirm"]


def test_a_condition_that_names_no_office_is_confirmed_with_the_employment_office(engine: Engine) -> None:
    result = check(engine, {"region": "资阳市乐至县", **DIBAO}, TODAY)
    loan = benefit_of(result, "ziyang.startup_guarantee_loan")
    assert loan.status == "possibly_eligible"
    asks = [t for t in reason_texts(loan, engine.rulebook) if t.startswith("需向")]
    assert asks and all(t.startswith("需向人社部门确认：") for t in asks), asks


@pytest.mark.parametrize(
    ("place", "benefit"),
    [("巴中市平昌县", "bazhong.veteran_medical_insurance"), ("资阳市雁江区", "ziyang.veteran_medical_insurance")],
)
def test_a_soldiers_medical_insurance_is_confirmed_with_the_civil_affairs_office_of_his_placement(
    engine: Engine, place: str, benefit: str
) -> None:
    profile = {"region": place, "age": 24, "veteran": "soldier_awaiting_placement", "employment_status": "unemployed"}
    found = benefit_of(check(engine, profile, TODAY), benefit)
    assert found.status == "possibly_eligible", found
    assert any(t.startswith("需向安置地民政部门确认：") for t in reason_texts(found, engine.rulebook))
    assert not any(t.startswith("需向人社部门确认：") for t in reason_texts(found, engine.rulebook))


CARDS = [
    {"region": "资阳市安岳县", **DIBAO, "wants_business": True, "wants_training": True},
    {"region": "巴中市南江县", **DIBAO, "disabled": True},
    {"region": "平顶山市郏县", "age": 50, "employment_status": "unemployed", "hard_to_employ": True},
    {"region": "商洛市镇安县", "age": 27, "education": "college", "employment_status": "flexible"},
]


@pytest.mark.parametrize("profile", CARDS)
def test_no_item_of_the_card_asks_to_confirm_with_the_same_office_twice(
    engine: Engine, profile: dict[str, Any]
) -> None:
    text = results_message(check(engine, profile, TODAY), engine.rulebook).text
    for title in (prose().dialogue.results.eligible, prose().dialogue.results.possible):
        for name, lines in _items(text, title).items():
            offices = [line.split("确认：", 1)[0] for line in lines if line.startswith("需向") and "确认：" in line]
            assert len(offices) == len(set(offices)), (name, lines)
            assert not any(offices and "还需人社部门确认" in line for line in lines), (name, lines)


@pytest.mark.parametrize("profile", CARDS)
def test_the_possible_items_come_surest_first(engine: Engine, profile: dict[str, Any]) -> None:
    result = check(engine, profile, TODAY)
    listed = results_message(result, engine.rulebook).listed
    possible = [b for b in listed if b.status == "possibly_eligible" and b.beneficiary == "applicant"]
    still_open = [len(b.missing_facts) + sum(r.kind == "to_confirm" for r in b.reasons) for b in possible]
    assert still_open == sorted(still_open), [(b.id, n) for b, n in zip(possible, still_open, strict=True)]


def test_what_opens_an_item_that_already_says_what_to_confirm_does_not_ask_to_confirm_again(engine: Engine) -> None:
    # The loan of 资阳（九） is open on the text (to confirm with the 人社部门); were it also open on a registration
    # the person has not made, the item would say so once: the action, without a second “还需人社部门确认”.
    result = check(engine, {"region": "资阳市乐至县", **DIBAO}, TODAY)
    loan = benefit_of(result, "ziyang.startup_guarantee_loan")
    opened = loan.model_copy(update={"opens_with": ("registered_unemployed",), "opens_to": "possibly_eligible"})
    text = results_message(result.model_copy(update={"benefits": (opened,)}), engine.rulebook).text
    (lines,) = _items(text, prose().dialogue.results.possible).values()
    assert any(line.startswith("需向人社部门确认：") for line in lines), lines
    assert any(line.startswith("👉") for line in lines) and "还需人社部门确认" not in "".join(lines), lines
