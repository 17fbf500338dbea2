"""Session 38 (issue 11, task rules35): set 30 read. A subsidy paid for a hire for a stated longest term
(巴中（十） 给予最长1年的社会保险补贴, 平顶山（九） 补贴期限最长不超过1年) is not renewed for the same hire once the
unit had the whole term; and the runner's readings of set 30 (the sentence the writer quotes names the measure;
the term said as had)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

# The head of a small firm that hired a graduate of the year on a 2-year contract with insurance.
GRADUATE_HIRED: dict[str, Any] = {
    "age": 39,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "hire_contract": True,
    "hire_insured": True,
    "hire_rewarded": False,
    "hire_education": "college",
    "received_before": [],
    # One hire (records.py): a benefit he fails is not left open for another.
    "more_hires": False,
}

TERMS = [
    pytest.param(
        "bazhong.graduate_hiring_social_insurance",
        {"region": "四川省巴中市巴州区", "hire_graduation_date": "2018-06-30", "hire_date": "2018-07-01"},
        date(2019, 8, 1),
        id="巴中（十） 给予最长1年的社会保险补贴",
    ),
    pytest.param(
        "pingdingshan.sme_hiring_social_insurance",
        {"region": "河南省平顶山市新华区", "hire_graduation_date": "2020-06-30", "hire_date": "2020-07-01"},
        date(2020, 8, 1),
        id="平顶山（九） 补贴期限最长不超过1年",
    ),
]


@pytest.mark.parametrize(("benefit_id", "place", "as_of"), TERMS)
def test_a_unit_that_had_the_whole_term_for_a_hire_is_not_paid_it_again_for_that_hire(
    engine: Engine, benefit_id: str, place: dict[str, Any], as_of: date
) -> None:
    had = benefit_of(check(engine, {**GRADUATE_HIRED, **place, "hire_term_used": True}, as_of), benefit_id)
    assert had.status == "ineligible"
    assert any("最长1年" in (r.requirement.text or "") for r in had.reasons if r.requirement)


@pytest.mark.parametrize(("benefit_id", "place", "as_of"), TERMS)
def test_a_term_not_used_up_leaves_the_units_subsidy_as_it_was(
    engine: Engine, benefit_id: str, place: dict[str, Any], as_of: date
) -> None:
    fresh = benefit_of(check(engine, {**GRADUATE_HIRED, **place, "hire_term_used": False}, as_of), benefit_id)
    assert fresh.status != "ineligible"
    assert "hire_term_used" not in fresh.missing_facts


def test_whether_the_term_was_had_is_ticked_with_the_hires_terms_not_asked_alone(
    engine: Engine, rulebook: Rulebook
) -> None:
    place = {"region": "四川省巴中市巴州区", "hire_graduation_date": "2018-06-30", "hire_date": "2018-07-01"}
    found = benefit_of(check(engine, {**GRADUATE_HIRED, **place}, date(2019, 8, 1)), TERMS[0].values[0])
    assert "hire_term_used" in found.missing_facts
    assert "hire_term_used" in rulebook.facts.groups["hire_terms"].facts


@pytest.mark.parametrize(
    ("other", "used"),
    [
        pytest.param("公司已领取该生2018-07至2019-06共12个月社会保险补贴", True, id="the whole year had"),
        pytest.param("2018-07招用1名2018届大专毕业生, 签2年劳动合同并缴社保", False, id="nothing said of it"),
    ],
)
def test_the_runner_reads_a_hires_subsidy_term_said_as_had(rulebook: Rulebook, other: str, used: bool) -> None:
    facts = {
        "place": "四川省巴中市巴州区",
        "age": 39,
        "employment": "business_owner",
        "other": f"装修小微企业老板; {other}",
    }
    profile = load_runner().profile_of(facts, date(2019, 8, 1), rulebook)
    assert profile.get("hire_term_used") is used, profile


@pytest.mark.parametrize(
    ("clause", "measure", "why", "figures", "meant"),
    [
        pytest.param(
            "bazhong-2018-12",
            "企业吸纳贫困家庭劳动力签订1年以上劳动合同按人数奖补",
            "「对签订1年以上劳动合同并参加社会保险的，按吸纳人数给予企业一定的奖补」；问的是他自己公司的奖补",
            ("1年以上",),
            "bazhong.poor_labor_hiring_reward",
            id="the enterprise's reward, not the broker's subsidy that states the same 1年以上",
        ),
        pytest.param(
            "shangluo-2012-03",
            "未就业高校毕业生比照就业困难人员政策扶持（小额贷款、社保补贴等）",
            "「对未就业的高校毕业生，要与其他就业困难人员一样给予职业培训、职业介绍、小额贷款、税费减免、社保补贴等相关政策扶持」",
            (),
            "shangluo.graduate_training_and_placement",
            id="the graduates' parity, not the hiring firm's tax relief and loans",
        ),
        pytest.param(
            "jilin-2017-15",
            "自主就业退役士兵就业创业优惠政策",
            "「对自主就业的退役士兵，加强就业创业服务，落实相关优惠政策，开展职业技能培训，定期组织专场招聘会」",
            (),
            "jilin.veteran_preferential_policies",
            id="a sentence two benefits cite (one in part) leaves the choice to the name",
        ),
    ],
)
def test_the_runner_takes_the_sentence_the_writer_quotes_as_naming_the_measure(
    rulebook: Rulebook, clause: str, measure: str, why: str, figures: tuple[str, ...], meant: str
) -> None:
    found = load_runner().benefit_for(clause, measure, rulebook, figures, why)
    assert found is not None and found.id == meant
