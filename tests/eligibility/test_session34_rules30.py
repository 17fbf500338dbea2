"""Session 34 (issue 11, task rules30): people set 26's classes — whoever works for themselves or flexibly is not out
of work (平顶山（九） 登记失业半年以上人员 is no branch of theirs), and the runner's readings set 26 showed wrong."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.errors import RulebookError
from eligibility.facts import FactRegistry, Implied
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

SME_HIRING = "pingdingshan.sme_hiring_social_insurance"
# 平顶山（九）: 对当年新招用登记失业半年以上人员、毕业年度或离校1年内未就业高校毕业生且签订1年以上劳动合同并按规定
# 缴纳社会保险费的中小微企业 — a 2019 graduate working flexibly in 2021 is neither (sets 22, 25, 26).
GIG_GRADUATE: dict[str, Any] = {
    "region": "河南省平顶山市宝丰县",
    "age": 23,
    "employment_status": "flexible",
    "education": "college",
    "graduation_date": date(2019, 6, 30),
    "social_insurance_paid": True,
    "received_before": [],
}


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        pytest.param({}, "ineligible", id="working flexibly two years after leaving school: no hire of it"),
        pytest.param({"employment_status": "self_employed", "job_seeking": True}, "ineligible", id="self-employed"),
        # Out of work, the registered branch stays open (失业登记 and 半年 not said yet).
        pytest.param({"employment_status": "unemployed", "social_insurance_paid": False}, "if_hired", id="unemployed"),
    ],
)
def test_a_person_working_for_themselves_or_flexibly_is_no_registered_unemployed_hire(
    engine: Engine, changes: dict[str, Any], status: str
) -> None:
    found = benefit_of(check(engine, {**GIG_GRADUATE, **changes}, date(2021, 3, 15)), SME_HIRING)
    assert found.status == status
    if status == "ineligible":
        assert "unemployed_months" not in found.missing_facts


def test_an_employee_hired_after_half_a_year_registered_out_of_work_leaves_the_measure_to_the_employer(
    engine: Engine,
) -> None:
    """The employer's measure for a hire already made is judged on the months out of work before it: an employee is
    not settled as never out of work (hp23-02, hp26-02)."""
    employee = {
        "region": "河南省平顶山市叶县",
        "age": 46,
        "employment_status": "employed",
        "education": "below_high_school",
        "registered_unemployed": True,
        "received_before": [],
    }
    found = benefit_of(check(engine, employee, date(2020, 8, 15)), SME_HIRING)
    assert found.status == "employer_only"


def test_a_flexible_worker_is_not_asked_how_long_she_has_been_out_of_work(engine: Engine) -> None:
    result = check(engine, {"region": "河南省平顶山市宝丰县", "employment_status": "flexible"}, date(2021, 3, 15))
    assert "unemployed_months" not in {q.fact for q in [result.next_question] if q is not None}
    assert all("unemployed_months" not in b.missing_facts for b in result.benefits)


@pytest.mark.parametrize("value", [-1, 601, True], ids=["below zero", "above the maximum", "a yes/no"])
def test_an_implied_count_must_be_a_whole_number_within_the_facts_bounds(rulebook: Rulebook, value: Any) -> None:
    assert rulebook.facts.with_implied({"employment_status": "flexible"})["unemployed_months"] == 0
    facts = rulebook.facts
    months = facts["unemployed_months"]
    implied = Implied.model_validate({"when": "employment_status", "in": ["flexible"], "value": value})
    specs = {**facts.specs, "unemployed_months": months.model_copy(update={"implied": implied})}
    with pytest.raises(RulebookError, match="implied"):
        FactRegistry(specs, facts.groups, facts.answers, "facts.yaml")


# The runner (bench/holdout_eligibility.py): what set 26's writers said that it read wrongly.
RUNNER_READINGS = [
    pytest.param(
        {"employment": "unemployed", "other": "2018-06普通高中毕业未继续升学; 城镇户籍"},
        {"rural_labor": False},
        ("household_region",),
        id="城镇户籍 is no rural labour and names no place",
    ),
    pytest.param(
        {"employment": "business_owner", "other": "家庭农场主; 计划招用3名贫困家庭劳动力, 尚未招用; 本人家庭非贫困户"},
        {"household": []},
        (),
        id="an owner's own 本人 part is his, not his hires'",
    ),
    pytest.param(
        {"employment": "business_owner", "other": "饭店经营者; 2020年新招4人, 不是生产配送疫情防控物资的企业"},
        {"unit_epidemic_supplies": False},
        (),
        id="不是生产配送 denies the epidemic supplies",
    ),
    pytest.param(
        {
            "employment": "business_owner",
            "other": "创业园区业主; 园区同时认定为就业扶贫基地, 2018年新吸纳贫困家庭劳动力13人",
        },
        {"unit_poverty_base": True, "unit_poor_hires": 13},
        (),
        id="a unit recognised as 就业扶贫基地 and its count after the people",
    ),
    pytest.param(
        {"employment": "unemployed", "other": "原煤矿(化解煤炭过剩产能关闭)职工"},
        {"overcapacity_worker": True},
        (),
        id="化解煤炭过剩产能 is 去产能",
    ),
    pytest.param(
        {"employment": "flexible", "other": "居家网店客服, 以灵活就业人员身份缴养老、医疗保险; 计划开网店, 未办照"},
        {"business_licensed": False, "business_form": "none"},
        (),
        id="a flexible worker who only plans a shop and 未办照 runs no business",
    ),
]


@pytest.mark.parametrize(("facts", "read", "unread"), RUNNER_READINGS)
def test_the_holdout_runner_reads_what_set_26_writes(
    rulebook: Rulebook, facts: dict[str, Any], read: dict[str, Any], unread: tuple[str, ...]
) -> None:
    runner = load_runner()
    profile = runner.profile_of({"place": "四川省巴中市南江县", "age": 40, **facts}, date(2018, 8, 16), rulebook)
    for fact, value in read.items():
        assert profile.get(fact) == value, (fact, profile)
    for fact in unread:
        assert fact not in profile, (fact, profile)


def test_the_runner_reads_sets_25_and_26_planned_hires_as_if_hired_without_the_other_owner_conventions() -> None:
    header = (
        "# Conventions: an owner asking about his own firm's measure is judged as his own (if_hired when the hire is\n"
        "#   not made yet); amounts the clause does not set are 金额文件未写明."
    )
    conventions = load_runner().Conventions.of(header)
    assert conventions.planned_if_hired
    assert not conventions.owners_hire


def test_a_header_taking_the_format_examples_conventions_reads_an_ended_window_as_a_text_not_met() -> None:
    runner = load_runner()
    header = "# Conventions (same as the format example): pingdingshan-2020 is a draft (met text -> not_yet_in_force);"
    assert runner.Conventions.of(header).window_unmet
    assert not runner.Conventions.of("# Conventions: pingdingshan-2020 is a draft.").window_unmet
