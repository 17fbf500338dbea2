"""Session 36 (issue 11, task next37c): the leftovers of people sets 28, 27 and 26.

- 吉林（十九） 新型学徒制: the pilot firm's training subsidy, never an apprentice's.
- 吉林（十八） 技能大师（首席技师）工作室: the support is the firm's that sets the studio up, never the master's.
- 公益性岗位 / 就业援助 for people not in stable work: 在家务农 is to confirm, not a miss (definitions.yaml
  `not_in_stable_work`).
- A founder who plans a hire and has none yet: 巴中（十） 大学生创办企业并吸纳就业 opens once the hire is made.
- The runner: a planned shop is a wish to start a business; 非下岗失业人员 is no registration; a planned hire beside
  hires that say nobody is the hire the unit's measures are read on."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

APPRENTICESHIP = "jilin.apprenticeship_training_subsidy"
STUDIO = "jilin.skill_master_studio_support"
LIAOYUAN_MECHANIC: dict[str, Any] = {
    "region": "吉林省辽源市龙山区",
    "age": 33,
    "employment_status": "employed",
    "ui_insured": True,
}
HOME_SERVICE_OWNER: dict[str, Any] = {
    "region": "吉林省吉林市船营区",
    "age": 48,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
}


def test_an_apprentice_is_told_the_apprenticeship_training_subsidy_is_the_pilot_firms(engine: Engine) -> None:
    """吉林（十九）: 对开展新型学徒制培训的试点企业给予职业培训补贴 — the firm's (hp28-21, hp27-11 read it so)."""
    found = benefit_of(check(engine, LIAOYUAN_MECHANIC, date(2019, 6, 20)), APPRENTICESHIP)
    assert (found.status, found.beneficiary) == ("employer_only", "employer")


@pytest.mark.parametrize(
    ("pilot", "status"),
    [
        pytest.param(True, "as_employer", id="a pilot firm that trains apprentices is sure (its staff implied)"),
        # Session 43 (elig43): the text pays 试点企业 — a firm that is no pilot is ruled out (was: to confirm).
        pytest.param(False, "ineligible", id="a firm that is no pilot does not meet it"),
    ],
)
def test_the_head_of_a_firm_is_judged_on_whether_it_is_an_apprenticeship_pilot(
    engine: Engine, pilot: bool, status: str
) -> None:
    facts = {**HOME_SERVICE_OWNER, "unit_apprenticeship_pilot": pilot}
    if not pilot:
        facts["business_has_employees"] = True
    found = benefit_of(check(engine, facts, date(2022, 8, 16)), APPRENTICESHIP)
    assert found.status == status
    assert "to_confirm" not in [r.kind for r in found.reasons]
    assert found.missing_facts == ()


def test_the_master_a_studio_is_named_after_is_told_the_support_is_the_firms(engine: Engine) -> None:
    """吉林（十八）: 支持重点技工院校和企业建立…技能大师（首席技师）工作室 — the firm's (hp28-12), even in 2026."""
    master = {**LIAOYUAN_MECHANIC, "region": "吉林省通化市东昌区", "age": 45}
    found = benefit_of(check(engine, master, date(2026, 4, 20)), STUDIO)
    assert found.status == "employer_only"


WELFARE_JOBS = {
    "ziyang.public_welfare_job": "四川省资阳市安岳县",
    "bazhong.public_welfare_job": "四川省巴中市平昌县",
}
# The walk's father (session 36): 58, farming at home, a 残疾证, a 残疾人家庭.
FARMER: dict[str, Any] = {
    "age": 58,
    "employment_status": "farming",
    "disabled": True,
    "household": ["disabled_family"],
    "education": "below_high_school",
}


@pytest.mark.parametrize("benefit", sorted(WELFARE_JOBS))
def test_a_disabled_farmer_at_home_may_be_placed_in_a_public_welfare_job_to_confirm(
    engine: Engine, benefit: str
) -> None:
    """巴中（二十一）/资阳（十五）: 确保…残疾人家庭…至少有1人稳定就业 — whether farming at home is 稳定就业 the texts do
    not say: open, never the flat no it was."""
    found = benefit_of(check(engine, {"region": WELFARE_JOBS[benefit], **FARMER}, date(2026, 12, 6)), benefit)
    assert found.status == "possibly_eligible"
    assert any("务农" in (r.requirement.text or "") for r in found.reasons if r.requirement is not None)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        pytest.param("employed", "ineligible", id="a job with a unit is stable work"),
        pytest.param("unemployed", "possibly_eligible", id="out of work, as before"),
    ],
)
def test_only_farming_is_left_open_among_kinds_of_work(engine: Engine, status: str, expected: str) -> None:
    facts = {"region": WELFARE_JOBS["ziyang.public_welfare_job"], **FARMER, "employment_status": status}
    found = benefit_of(check(engine, facts, date(2026, 12, 6)), "ziyang.public_welfare_job")
    assert found.status == expected
    assert not any("务农" in (r.requirement.text or "") for r in found.reasons if r.requirement is not None)


def test_a_founder_who_plans_to_hire_sees_the_hiring_reward_open_once_he_hires(engine: Engine) -> None:
    """巴中（十）: 大学生创办企业并吸纳就业的，按规定给予创业吸纳就业奖励 — no hire yet is a near miss (hp28-05)."""
    founder = {
        "region": "四川省巴中市恩阳区",
        "age": 24,
        "employment_status": "self_employed",
        "education": "college",
        "business_form": "micro_enterprise",
        "hiring_staff": True,
        "business_has_employees": False,
    }
    found = benefit_of(check(engine, founder, date(2019, 4, 12)), "bazhong.startup_hiring_reward")
    assert (found.status, found.opens_with) == ("ineligible", ("business_has_employees",))
    not_hiring = benefit_of(
        check(engine, {**founder, "hiring_staff": False}, date(2019, 4, 12)), "bazhong.startup_hiring_reward"
    )
    assert not_hiring.opens_with == ()


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        pytest.param("企业为新型学徒制培训试点企业并开展学徒制培训", True, id="a pilot (hp21-36)"),
        pytest.param("企业尚不是新型学徒制试点企业", False, id="not yet a pilot (hp24-36)"),
        pytest.param("企业拟开展新型学徒制培训, 是否为试点企业不清楚", None, id="not known (hp20-38)"),
    ],
)
def test_the_holdout_runner_reads_an_owners_apprenticeship_pilot_as_the_firms(
    rulebook: Rulebook, other: str, expected: bool | None
) -> None:
    runner = load_runner()
    facts = {
        "place": "吉林省长春市朝阳区",
        "age": 45,
        "employment": "self_employed",
        "other": "家政服务企业负责人; " + other,
    }
    profile = runner.profile_of(facts, date(2022, 3, 15), rulebook)
    assert profile.get("unit_apprenticeship_pilot") is expected
    assert profile.get("business_has_employees") is True
    worker = runner.profile_of({**facts, "employment": "employed"}, date(2022, 3, 15), rulebook)
    assert "unit_apprenticeship_pilot" not in worker


def test_the_holdout_runner_reads_a_planned_shop_and_a_denied_unemployment_of_an_employee(rulebook: Rulebook) -> None:
    """hp28-11: 现于县城超市就业; 非下岗失业人员; 计划开网店 — the chat reads 想在家开个网店 as a wish too."""
    runner = load_runner()
    facts = {
        "place": "陕西省商洛市洛南县",
        "age": 31,
        "employment": "employed",
        "other": "女; 2024-12从深圳返乡; 现于县城超市就业; 非下岗失业人员, 非就业困难人员; 计划开网店, 尚未办照",
    }
    profile = runner.profile_of(facts, date(2025, 3, 14), rulebook)
    assert (profile.get("wants_business"), profile.get("registered_unemployed")) == (True, False)
    unsure = runner.profile_of({**facts, "other": "不想开店"}, date(2025, 3, 14), rulebook)
    assert "wants_business" not in unsure


@pytest.mark.parametrize(
    ("other", "planned"),
    [
        pytest.param(
            "小微企业负责人, 现有职工15人, 当年新招用2人; 计划招用2名2023届高校毕业生, 尚未招用",
            True,
            id="hires made say nobody, the planned one is described (hp28-37)",
        ),
        pytest.param(
            "小微企业负责人, 2022-03招用2名2021届高校毕业生; 计划再招用1人",
            False,
            id="the hires made are the described ones",
        ),
    ],
)
def test_the_holdout_runner_reads_a_described_planned_hire_beside_hires_made(other: str, planned: bool) -> None:
    runner = load_runner()
    facts = {"place": "河南省平顶山市鲁山县", "age": 34, "employment": "business_owner", "other": other}
    assert runner.hire_described_planned(facts) is planned
