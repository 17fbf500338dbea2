"""Session 37 (issue 11, task next38r): walk37's R1 — a laid-off miner who plans a shop and says he will hire two
helpers is the employer-to-be: an employer's measure for hiring is his shop's (`as_employer`), with the shop's opening
left to confirm — never a unit's "that would hire you" (`if_hired`). And his 去产能 status in 平顶山: the draft
names 去产能职工安置 only as a duty (（十五） 切实做好去产能职工安置工作, no measure); its measure for 下岗失业人员
is （二十三）'s."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.results import results_message
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

TODAY = date(2026, 12, 6)
# 平顶山（九）: 对当年新招用登记失业半年以上人员…的中小微企业，给予一次性吸纳就业补贴…社会保险补贴.
HIRING_MEASURES = (
    "pingdingshan.sme_hiring_social_insurance",
    "pingdingshan.key_group_hiring_tax_relief",
    "pingdingshan.new_hire_pre_job_training",
)
MINER: dict[str, Any] = {
    "region": "河南省平顶山市舞钢市",
    "age": 46,
    "employment_status": "unemployed",
    "overcapacity_worker": True,
    "registered_unemployed": True,
    "wants_business": True,
}


@pytest.mark.parametrize("measure", HIRING_MEASURES)
def test_who_plans_a_shop_that_will_hire_is_told_an_employers_measure_as_his_shops(
    engine: Engine, measure: str
) -> None:
    found = benefit_of(check(engine, {**MINER, "hiring_staff": True}, TODAY), measure)
    assert found.status == "as_employer"
    assert found.reasons[0].kind == "to_confirm"
    assert "您的店还没有开办" in (found.reasons[0].requirement.text or "")


@pytest.mark.parametrize("measure", HIRING_MEASURES)
def test_who_plans_a_shop_and_says_nothing_of_hiring_is_still_one_a_unit_may_hire(engine: Engine, measure: str) -> None:
    assert benefit_of(check(engine, MINER, TODAY), measure).status == "if_hired"


def test_an_employee_whose_employer_hires_is_never_told_its_measure_as_his(engine: Engine) -> None:
    employee = {**MINER, "employment_status": "employed", "wants_business": False, "hiring_staff": True}
    found = benefit_of(check(engine, employee, TODAY), "pingdingshan.sme_hiring_social_insurance")
    assert found.status != "as_employer"


def test_the_planned_shops_hires_are_not_asked_before_it_is_opened(engine: Engine) -> None:
    result = check(engine, {**MINER, "hiring_staff": True}, TODAY)
    asked = result.next_question.fact if result.next_question is not None else None
    assert not (asked or "").startswith("hire_")


def test_the_results_tell_the_planned_shops_measures_as_his_shops_not_a_hiring_units(
    engine: Engine, rulebook: Rulebook
) -> None:
    text = results_message(check(engine, {**MINER, "hiring_staff": True}, TODAY), rulebook).text
    assert "招用您的单位" not in text
    assert "由您的企业或个体户申领" in text
    assert "您的店还没有开办" in text


def test_a_laid_off_miner_in_2020_pingdingshan_has_its_measure_for_laid_off_workers(engine: Engine) -> None:
    # 平顶山（二十三）: 对符合条件的生活困难下岗失业人员，2020年度内…发放不超过6个月的一次性临时生活补助.
    found = benefit_of(
        check(engine, {**MINER, "living_difficulty": True}, date(2020, 8, 1)), "pingdingshan.temporary_living_allowance"
    )
    assert found.status == "possibly_eligible"


# -- the runner (bench/holdout_eligibility.py): set 29's leftovers -----------------------------------------------


def test_the_runner_maps_a_short_name_in_a_packages_own_words_to_the_clauses_one_package(rulebook: Rulebook) -> None:
    # 商洛（四）: 重点鼓励、引导和支持高校毕业生、失业人员、返乡农民工、退伍军人等群体自主创业 — one package cites it.
    found = load_runner().benefit_for("shangluo-2012-04", "退伍军人自主创业支持", rulebook)
    assert found is not None and found.id == "shangluo.entrepreneurship_support"


def test_the_runner_maps_no_name_foreign_to_the_packages_words(rulebook: Rulebook) -> None:
    assert load_runner().benefit_for("shangluo-2012-04", "见习单位岗位补贴", rulebook) is None


OWNER: dict[str, Any] = {
    "place": "四川省巴中市巴州区",
    "age": 30,
    "employment": "business_owner",
    "education": "bachelor",
    "other": "2016年开办小微企业; 2017-05招用1名2017届毕业生, 签合同并缴社保; 计划2018-09招用1名2018届毕业生",
}


def test_the_runner_judges_a_measure_named_by_the_planned_hire_on_that_hire_alone(
    engine: Engine, rulebook: Rulebook
) -> None:
    runner = load_runner()
    alone = runner.planned_hire_facts(OWNER, "吸纳毕业年度高校毕业生社会保险补贴（拟招2018届毕业生）")
    assert alone is not None and "2017届" not in alone["other"]
    profile = runner.profile_of(alone, date(2018, 8, 20), rulebook)
    assert profile["hire_graduation_date"] == date(2018, 6, 30)
    found = benefit_of(check(engine, profile, date(2018, 8, 20)), "bazhong.graduate_hiring_social_insurance")
    assert found.status == "as_employer"


def test_the_runner_judges_a_measure_not_named_by_a_planned_hire_on_the_whole_description() -> None:
    runner = load_runner()
    assert runner.planned_hire_facts(OWNER, "吸纳毕业年度高校毕业生社会保险补贴") is None


def test_a_day_planned_for_a_hire_is_no_hire_made() -> None:
    runner = load_runner()
    assert not runner._made_hire("计划2018-09招用1名2018届毕业生")
    assert runner._made_hire("2017-05招用1名2017届毕业生")


PLANNING_OWNER: dict[str, Any] = {
    "place": "吉林省长春市朝阳区",
    "age": 45,
    "employment": "self_employed",
    "education": "senior_high",
    "other": (
        "家政公司负责人; 2018-02公司被评为省级家庭服务职业培训示范基地; 计划2018-08招用1名2018届大专毕业生, 尚未招用"
    ),
}


@pytest.mark.parametrize(
    ("measure", "if_hired"),
    [
        pytest.param("jilin.graduate_hiring_social_insurance", True, id="a measure for hiring hangs on the hire"),
        pytest.param("jilin.family_service_training_base_grant", False, id="the unit's own grant does not"),
    ],
)
def test_the_runner_tells_a_planned_hires_owner_if_hired_only_of_measures_for_hiring(
    engine: Engine, rulebook: Rulebook, measure: str, if_hired: bool
) -> None:
    runner = load_runner()
    as_of = date(2018, 5, 10)
    assert runner.hires_planned_only(PLANNING_OWNER)
    found = benefit_of(check(engine, runner.profile_of(PLANNING_OWNER, as_of, rulebook), as_of), measure)
    assert found.status == "as_employer"
    ours = runner.if_he_hires("possibly_eligible", rulebook.benefits[measure], found)
    assert (ours == "if_hired") is if_hired
