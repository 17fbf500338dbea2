"""Session 36 (issue 11, task next36a): the measures the rules had left out, encoded where their texts decide them.

- 资阳（十四）/巴中（十三） 稳岗补贴 of a 去产能 firm that lays off no one: judged on the firm's own facts
  (unit_overcapacity, unit_kept_staff).
- 吉林（十八） 职业技能竞赛优胜者: the winner's own, open on which contests count.
- 平顶山（一） 小规模纳税人增值税: the business's; its 2020年3月至5月 was over before the draft was dated.
- 平顶山（九） 定额税收减免: the hiring firm's, open on the 重点群体 and the standard."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

STABILIZATION = ("ziyang.overcapacity_job_stabilization_subsidy", "bazhong.overcapacity_job_stabilization_subsidy")
# hp26-38: the head of a cement works on the 去产能 list that has laid off no one (资阳高新区, 2018-06).
CEMENT_WORKS_HEAD: dict[str, Any] = {
    "age": 54,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "business_has_employees": True,
    "unit_overcapacity": True,
    "unit_kept_staff": True,
}
REGIONS = {"ziyang": "四川省资阳市雁江区", "bazhong": "四川省巴中市巴州区"}
AS_OF = date(2018, 6, 5)


@pytest.mark.parametrize("benefit", STABILIZATION)
def test_a_firm_on_the_overcapacity_list_that_laid_off_no_one_is_sure_of_its_job_stabilization_subsidy(
    engine: Engine, benefit: str
) -> None:
    region = REGIONS[benefit.split(".", maxsplit=1)[0]]
    found = benefit_of(check(engine, {"region": region, **CEMENT_WORKS_HEAD}, AS_OF), benefit)
    assert (found.status, found.missing_facts) == ("as_employer", ())
    assert "to_confirm" not in [r.kind for r in found.reasons]


@pytest.mark.parametrize("benefit", STABILIZATION)
@pytest.mark.parametrize(
    ("changes", "status", "missing"),
    [
        pytest.param({"unit_overcapacity": False}, "ineligible", (), id="not an overcapacity firm"),
        pytest.param({"unit_kept_staff": False}, "ineligible", (), id="a firm that laid off many"),
        pytest.param({"unit_kept_staff": None}, "as_employer", ("unit_kept_staff",), id="layoffs not said"),
    ],
)
def test_the_firms_own_facts_decide_whether_its_job_stabilization_subsidy_is_open(
    engine: Engine, benefit: str, changes: dict[str, Any], status: str, missing: tuple[str, ...]
) -> None:
    region = REGIONS[benefit.split(".", maxsplit=1)[0]]
    facts = {k: v for k, v in {**CEMENT_WORKS_HEAD, **changes}.items() if v is not None}
    found = benefit_of(check(engine, {"region": region, **facts}, AS_OF), benefit)
    assert (found.status, found.missing_facts) == (status, missing)


def test_a_worker_of_an_overcapacity_firm_is_never_paid_the_firms_subsidy(engine: Engine) -> None:
    worker = {"region": REGIONS["ziyang"], "age": 40, "employment_status": "employed", "overcapacity_worker": True}
    assert benefit_of(check(engine, worker, AS_OF), STABILIZATION[0]).status == "employer_only"


CONTEST = "jilin.skill_contest_winner_reward"
ELECTRICIAN = {"region": "吉林省长春市朝阳区", "age": 33, "employment_status": "employed"}


@pytest.mark.parametrize(
    ("won", "status"),
    [
        pytest.param(True, "possibly_eligible", id="a winner: which contests count is open"),
        pytest.param(False, "ineligible", id="no place won"),
    ],
)
def test_a_skills_contest_winner_may_be_promoted_out_of_turn_in_jilin(engine: Engine, won: bool, status: str) -> None:
    """吉林（十八）: 对优胜者通过破格晋级职业资格、授予…称号等方面给予鼓励 — the winner's own; no level stated."""
    found = benefit_of(check(engine, {**ELECTRICIAN, "skill_contest_winner": won}, date(2018, 3, 2)), CONTEST)
    assert (found.status, found.beneficiary) == (status, "applicant")
    if won:
        assert [r.kind for r in found.reasons] == ["to_confirm"]
        assert "优胜者" in (found.reasons[0].requirement.text if found.reasons[0].requirement else "")


def test_a_contest_win_is_ticked_with_the_persons_other_kinds_not_asked_on_its_own(engine: Engine) -> None:
    question = check(engine, ELECTRICIAN, date(2018, 3, 2)).next_question
    assert question is not None and question.fact == "situation"
    assert "skill_contest_winner" in (question.facts or ())
    assert "职业技能竞赛优胜者" in [o.label for o in question.options]


VAT = "pingdingshan.small_taxpayer_vat_cut"
MASK_WORKS_OWNER = {
    "region": "河南省平顶山市汝州市",
    "age": 45,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "business_has_employees": True,
}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(date(2020, 5, 31), "not_yet_in_force", id="the day before the draft (hp22-29)"),
        pytest.param(date(2020, 7, 30), "expired", id="after May 2020 (hp26-40)"),
    ],
)
def test_the_small_taxpayer_vat_cut_of_march_to_may_2020_is_never_in_force_under_a_draft_of_june(
    engine: Engine, as_of: date, status: str
) -> None:
    found = benefit_of(check(engine, MASK_WORKS_OWNER, as_of), VAT)
    assert found.status == status


def test_a_worker_is_told_the_vat_cut_is_the_businesss(engine: Engine) -> None:
    worker = {"region": "河南省平顶山市汝州市", "age": 30, "employment_status": "employed"}
    assert benefit_of(check(engine, worker, date(2020, 7, 30)), VAT).status == "employer_only"


TAX_RELIEF = "pingdingshan.key_group_hiring_tax_relief"


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        pytest.param({"employment_status": "unemployed", "job_seeking": True}, "if_hired", id="a job seeker"),
        pytest.param({"employment_status": "employed"}, "employer_only", id="an employee"),
        pytest.param(
            {"employment_status": "self_employed", "business_form": "individual", "hiring_staff": True},
            "as_employer",
            id="a shop owner who hires (hp24-04)",
        ),
    ],
)
def test_the_fixed_tax_relief_for_hiring_key_groups_is_the_hiring_firms_and_open(
    engine: Engine, facts: dict[str, Any], status: str
) -> None:
    """平顶山（九）: 落实企业吸纳重点群体就业的定额税收减免 — neither the 重点群体 nor the standard is written."""
    found = benefit_of(
        check(engine, {"region": "河南省平顶山市新华区", "age": 40, **facts}, date(2020, 8, 14)), TAX_RELIEF
    )
    assert found.status == status
    if status != "employer_only":
        assert "to_confirm" in [r.kind for r in found.reasons]


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        pytest.param(
            "列入去产能的企业负责人; 企业未裁员, 按时足额缴纳失业保险费",
            {"unit_overcapacity": True, "unit_kept_staff": True},
            id="hp26-38",
        ),
        pytest.param("小微企业主, 企业未裁员", {"unit_kept_staff": True}, id="layoffs only"),
    ],
)
def test_the_holdout_runner_reads_an_owners_overcapacity_and_layoffs_as_the_firms(
    rulebook: Rulebook, other: str, expected: dict[str, Any]
) -> None:
    runner = load_runner()
    facts = {"place": "四川省资阳市", "age": 54, "employment": "business_owner", "other": other}
    profile = runner.profile_of(facts, AS_OF, rulebook)
    assert {k: profile.get(k) for k in ("unit_overcapacity", "unit_kept_staff") if k in profile} == expected
    worker = {**facts, "employment": "employed"}
    assert "unit_overcapacity" not in runner.profile_of(worker, AS_OF, rulebook)


def test_the_holdout_runner_reads_a_place_won_in_a_skills_contest(rulebook: Rulebook) -> None:
    runner = load_runner()
    facts = {"place": "吉林省松原市", "age": 33, "employment": "employed", "other": "2025年获市级电工技能竞赛第一名"}
    assert runner.profile_of(facts, date(2026, 3, 2), rulebook).get("skill_contest_winner") is True
