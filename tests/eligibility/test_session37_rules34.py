"""Session 37 (issue 11, task rules34): set 29 read. Who already works on a 公益性岗位 is whom its subsidies are
for (巴中（十一） 通过公益性岗位予以托底安置，并按规定给予社会保险补贴和岗位补贴) — not someone "in a job" the
measure passes over; and the runner's readings of set 29 (a gloss in brackets, a licence taken out again, a place
in labelled parts)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

# 巴中（十一）: 对通过市场渠道确实难以实现就业的…可通过开发公益性岗位予以托底安置，并按规定给予社会保险补贴和岗位补贴.
STREET_SWEEPER: dict[str, Any] = {
    "region": "四川省巴中市平昌县",
    "age": 56,
    "employment_status": "employed",
    "hard_to_employ": True,
    "household": ["dibao"],
}


def test_a_hard_to_employ_man_on_a_public_welfare_post_is_whom_its_subsidies_are_for(engine: Engine) -> None:
    found = benefit_of(
        check(engine, {**STREET_SWEEPER, "on_public_welfare_job": True}, date(2020, 2, 3)), "bazhong.public_welfare_job"
    )
    assert found.status == "possibly_eligible"
    assert [r.kind for r in found.reasons] == ["to_confirm"]
    assert "还能享受多久" in (found.reasons[0].requirement.text or "")


def test_a_job_not_said_to_be_a_public_welfare_post_is_asked_not_refused(engine: Engine) -> None:
    found = benefit_of(check(engine, STREET_SWEEPER, date(2020, 2, 3)), "bazhong.public_welfare_job")
    assert found.status == "possibly_eligible"
    assert "on_public_welfare_job" in found.missing_facts


def test_a_job_that_is_no_public_welfare_post_still_needs_no_placement(engine: Engine) -> None:
    found = benefit_of(
        check(engine, {**STREET_SWEEPER, "on_public_welfare_job": False}, date(2020, 2, 3)),
        "bazhong.public_welfare_job",
    )
    assert found.status == "ineligible"


@pytest.mark.parametrize(
    "employment",
    [
        pytest.param("unemployed", id="out of work"),
        pytest.param("self_employed", id="running a business"),
        pytest.param("student", id="at school"),
    ],
)
def test_whoever_has_no_job_is_never_asked_about_a_post(engine: Engine, employment: str) -> None:
    facts = {**STREET_SWEEPER, "employment_status": employment}
    result = check(engine, facts, date(2020, 2, 3))
    assert all("on_public_welfare_job" not in b.missing_facts for b in result.benefits)


@pytest.mark.parametrize(
    ("place", "other", "read"),
    [
        pytest.param(
            "四川省巴中市平昌县",
            "2019年认定为就业困难人员; 2019年起在公益性岗位（环卫）就业",
            {"on_public_welfare_job": True},
            id="working on a post now is read",
        ),
        pytest.param(
            "陕西省商洛市商州区",
            "下岗失业人员; 夫妻均未就业（零就业家庭）",
            {"household": ["zero_employment"]},
            id="a bracket names what stands before it; the 未 before it negates no name inside",
        ),
        pytest.param(
            "吉林省通化市集安市",
            "2015年曾办个体小饭馆, 约1年后关闭; 2018-03再次办理个体执照经营民宿",
            {"business_first": False},
            id="a licence taken out again is no first business",
        ),
        pytest.param(
            "广东省东莞市（工作、参保地）; 户籍四川省巴中市平昌县",
            "建档立卡贫困家庭劳动力",
            {"region": "广东省东莞市", "household_region": "四川省巴中市平昌县"},
            id="a place in labelled parts: the work place covers, the 户籍 part is the 户籍",
        ),
        pytest.param(
            "四川省资阳市雁江区（户籍、居住）; 工作和参保地成都市高新区",
            "企业职工",
            {"region": "成都市高新区", "household_region": "四川省资阳市雁江区"},
            id="the insured place named after the home one still covers",
        ),
    ],
)
def test_the_runner_reads_set_29s_posts_glosses_licences_and_places(
    rulebook: Rulebook, place: str, other: str, read: dict[str, Any]
) -> None:
    runner = load_runner()
    facts = {"place": place, "age": 40, "employment": "employed", "other": other}
    profile = runner.profile_of(facts, date(2019, 4, 9), rulebook)
    for fact, value in read.items():
        assert profile.get(fact) == value, (fact, profile)


def test_the_runner_maps_a_units_internship_subsidy_without_a_second_de_to_the_units_benefit(
    rulebook: Rulebook,
) -> None:
    runner = load_runner()
    found = runner.benefit_for("jilin-2017-08", "吸纳高校毕业生就业见习的单位见习补贴", rulebook)
    assert found is not None and found.id == "jilin.employment_internship"
