"""Issue 11, session 14: an owner's hires judged one by one, the hire day asked when it decides, and
packages whose parts are each for one path.

- Per hire (facts.yaml `hires`, `more_hires`; eligibility/units.py): 巴中（十一） pays a unit that
  takes on a 就业困难人员 on a contract with insurance; 巴中（十） pays a unit that takes on a graduate of
  the 毕业年度 on a 1-year contract *and* pays the graduate's insurance. A hot-pot restaurant that
  took on an older worker recognised as 就业困难 (contract, insurance) and a fresh graduate (contract,
  no insurance) gets the first and not the second — one merged set of hire facts said both.
- The hire day (`hire_date`): 巴中（十）'s 毕业年度 is judged on the day of hiring. Asked only when that
  day decides: a unit asked about in 2019 for a 2018 graduate it hired; never for a hire whose
  conditions have no date in them.
- Packages (巴中（十三）, 资阳（十四）): 去产能 workers get 交通补贴 for 有组织劳务输出, a 公益性岗位 if
  确实难以就业, 创业扶持 if they start a business; the cases are in the benefits' cases files.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from bot.dialogue.render import fact_value
from bot.present.check import check_text
from bot.present.results import result_json, results_message
from eligibility.engine import Engine
from eligibility.errors import ProfileError
from eligibility.interview import run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.questions import GROUP_TYPE
from eligibility.records import MAX_ASKED_RECORDS
from eligibility.results import NextQuestion
from knowledge.registry import Registry, load_registry
from tests.eligibility.checking import benefit_of, check

AUTUMN = date(2018, 10, 15)
# A hot-pot restaurant in 恩阳 (a small company), hiring; the owner's own situation is not what is judged.
RESTAURANT = {
    "region": "巴中市恩阳区",
    "age": 41,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "received_before": [],
}
# 老李: recognised 就业困难, 1-year contract, insured. 小王: 2018届 大专, contract signed, not insured yet.
OLDER_WORKER = {"hard_to_employ": True, "education": "below_high_school", "contract": True, "insured": True}
# Session 38: the graduate's 最长1年 of 社会保险补贴 not had yet (`term_used`).
GRADUATE = {
    "hard_to_employ": False,
    "education": "college",
    "graduation_date": "2018-07-01",
    "contract": True,
    "term_used": False,
}
HIRING_DIFFICULT = "bazhong.hard_to_employ_hiring_subsidy"
HIRING_GRADUATES = "bazhong.graduate_hiring_social_insurance"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_each_hire_opens_its_own_employer_benefit(engine: Engine) -> None:
    result = check(engine, {**RESTAURANT, "hires": [OLDER_WORKER, {**GRADUATE, "insured": False}]}, AUTUMN)
    difficult = benefit_of(result, HIRING_DIFFICULT)
    assert difficult.status == "as_employer" and difficult.missing_facts == () and difficult.hires_meeting == (1,)
    # Neither hire brings the graduates' subsidy: 老李 is no graduate, 小王 is not insured.
    graduates = benefit_of(result, HIRING_GRADUATES)
    assert graduates.status == "ineligible" and graduates.hires_meeting == ()
    assert graduates.opens_with == ("hire_insured",)


def test_insuring_the_graduate_opens_the_second_benefit_for_the_second_hire(engine: Engine) -> None:
    result = check(engine, {**RESTAURANT, "hires": [OLDER_WORKER, {**GRADUATE, "insured": True}]}, AUTUMN)
    graduates = benefit_of(result, HIRING_GRADUATES)
    assert graduates.status == "as_employer" and graduates.hires_meeting == (2,)
    assert benefit_of(result, HIRING_DIFFICULT).hires_meeting == (1,)


def test_one_hire_in_the_plain_facts_is_judged_as_before(engine: Engine) -> None:
    """Backwards compatible: the hire_* facts are one hire; `more_hires: false` says there is no other."""
    plain = {f"hire_{key}": value for key, value in OLDER_WORKER.items()}
    result = check(engine, {**RESTAURANT, **plain, "more_hires": False}, AUTUMN)
    assert benefit_of(result, HIRING_DIFFICULT).status == "as_employer"
    assert benefit_of(result, HIRING_GRADUATES).status == "ineligible"
    # Until it is said whether there is another hire, a benefit this one fails is still open.
    open_result = check(engine, {**RESTAURANT, **plain}, AUTUMN)
    graduates = benefit_of(open_result, HIRING_GRADUATES)
    assert graduates.status == "as_employer" and graduates.missing_facts == ("more_hires",)


def test_the_results_say_which_hire_brings_which_benefit(engine: Engine, registry: Registry) -> None:
    result = check(engine, {**RESTAURANT, "hires": [OLDER_WORKER, {**GRADUATE, "insured": True}]}, AUTUMN)
    chat = results_message(result, engine.rulebook).text
    assert "按所招人员逐人判断：您说的第1位人员符合条件" in chat
    assert "按所招人员逐人判断：您说的第2位人员符合条件" in chat
    assert "您说的第2位人员符合条件" in check_text(result, registry, engine.rulebook)
    listed = {b["id"]: b for b in result_json(result, engine.rulebook, registry)["benefits"]}
    assert listed[HIRING_DIFFICULT]["hires_meeting"] == [1]
    assert listed[HIRING_GRADUATES]["hires_meeting"] == [2]
    # One hire: nothing to tell apart.
    single = check(engine, {**RESTAURANT, "hires": [OLDER_WORKER]}, AUTUMN)
    assert benefit_of(single, HIRING_DIFFICULT).hires_meeting == ()


def _owner_with_hires(engine: Engine, owner: Mapping[str, Any], hires: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """Answers as an owner who describes his hires one at a time, then says there is no other."""
    plain = [{f"hire_{key}": value for key, value in hire.items()} for hire in hires]

    def answer(question: NextQuestion, profile: Profile) -> Any:
        described = len([r for r in (profile.values.get("hires") or ()) if r])
        current = plain[min(described, len(plain) - 1)]
        known = {**owner, **current, "more_hires": described + 1 < len(plain)}
        if question.type == GROUP_TYPE:
            unticked = {f: engine.rulebook.facts[f].unticked for f in question.facts}
            return {f: known.get(f, unticked[f]) for f in question.facts}
        return known.get(question.fact)

    return answer


def test_the_interview_asks_for_the_next_hire_and_judges_each(engine: Engine) -> None:
    start = parse_profile({"region": "恩阳"}, engine.rulebook.facts, AUTUMN)
    owner = {**RESTAURANT, "education": "college", "household": [], "business_first": True, "business_months": 30}
    hires = [OLDER_WORKER, {**GRADUATE, "insured": False}]
    interview = run_interview(engine, start, _owner_with_hires(engine, owner, hires))
    asked = [q.fact for q in interview.asked]
    assert asked.count("more_hires") == 2  # yes after the first, no after the second
    second = [q for q in interview.asked[asked.index("more_hires") + 1 :] if set(q.facts) & {"hire_education"}]
    assert second and second[0].text.startswith("关于您招用的第2位人员：")
    assert benefit_of(interview.result, HIRING_DIFFICULT).hires_meeting == (1,)
    assert benefit_of(interview.result, HIRING_GRADUATES).status == "ineligible"


def test_the_hire_day_is_asked_when_it_decides(engine: Engine) -> None:
    """巴中（十）: a 2018 graduate, asked about in April 2019 — hired in 2018 (her 毕业年度) or not."""
    april = date(2019, 4, 2)
    start = parse_profile({"region": "恩阳"}, engine.rulebook.facts, april)
    owner = {**RESTAURANT, "education": "college", "household": [], "business_first": True, "business_months": 30}
    hired = {**GRADUATE, "insured": True, "graduation_date": "2018-06-30", "date": "2018-09-10"}
    interview = run_interview(engine, start, _owner_with_hires(engine, owner, [hired]))
    assert "hire_date" in [q.fact for q in interview.asked]
    graduates = benefit_of(interview.result, HIRING_GRADUATES)
    assert graduates.status == "as_employer" and graduates.missing_facts == ()
    # Hired this year: the day is asked too, and the 毕业年度 is missed.
    late = run_interview(engine, start, _owner_with_hires(engine, owner, [{**hired, "date": "2019-02-01"}]))
    assert benefit_of(late.result, HIRING_GRADUATES).status == "ineligible"


def test_the_hire_day_is_not_asked_when_nothing_depends_on_it(engine: Engine) -> None:
    start = parse_profile({"region": "恩阳"}, engine.rulebook.facts, AUTUMN)
    owner = {**RESTAURANT, "education": "college", "household": [], "business_first": True, "business_months": 30}
    # A 就业困难人员 hired on the 巴中（十一） terms: no date in them, so the day is never asked.
    interview = run_interview(engine, start, _owner_with_hires(engine, owner, [OLDER_WORKER]))
    assert "hire_date" not in [q.fact for q in interview.asked]
    assert benefit_of(interview.result, HIRING_DIFFICULT).status == "as_employer"
    # A fresh graduate hired in her 毕业年度, judged today: already met, the day is not asked.
    fresh = run_interview(engine, start, _owner_with_hires(engine, owner, [{**GRADUATE, "insured": True}]))
    assert "hire_date" not in [q.fact for q in fresh.asked]


@pytest.mark.parametrize(
    "hires",
    [
        [{"hard_to_employ": True, "salary": 3000}],  # a key no hire record has
        [{"contract": "是"}],  # not a yes/no
        [OLDER_WORKER] * 21,  # more hires than the list holds
        {"hard_to_employ": True},  # not a list
    ],
    ids=["unknown key", "wrong type", "too many", "not a list"],
)
def test_a_bad_hires_list_is_refused_with_a_clear_error(engine: Engine, hires: Any) -> None:
    with pytest.raises(ProfileError) as refused:
        parse_profile({**RESTAURANT, "hires": hires}, engine.rulebook.facts, AUTUMN)
    assert "hire" in str(refused.value)


def test_the_hires_read_back_as_said_of_each(engine: Engine) -> None:
    """The chat reads the facts back before using them: each hire in the facts' own phrases, nothing
    said as 不清楚 that was simply not given."""
    facts = engine.rulebook.facts
    shown = fact_value(facts, "hires", [OLDER_WORKER, {**GRADUATE, "insured": False, "household": ["dibao"]}])
    assert shown.startswith(
        "已认定的就业困难人员，所招人员的学历：初中及以下，签订了1年以上劳动合同，为其缴纳了社会保险费；"
    )
    assert "所招人员的家庭情况：低保家庭" in shown and "未为招用的人员缴纳社会保险费" in shown
    assert "不清楚" not in shown


def test_the_interview_stops_asking_for_another_hire_after_three(engine: Engine) -> None:
    """An owner who answers 是 to 还招用了其他人员吗 every time, each hire bringing nothing, would never
    reach the results: after three hires described one by one, no fourth is asked."""
    start = parse_profile({"region": "恩阳"}, engine.rulebook.facts, AUTUMN)
    owner = {**RESTAURANT, "education": "college", "household": [], "business_first": True, "business_months": 30}
    neither = {f"hire_{k}": v for k, v in {**GRADUATE, "insured": False}.items()}

    def answer(question: NextQuestion, profile: Profile) -> Any:
        known = {**owner, **neither, "more_hires": True}
        if question.type == GROUP_TYPE:
            unticked = {f: engine.rulebook.facts[f].unticked for f in question.facts}
            return {f: known.get(f, unticked[f]) for f in question.facts}
        return known.get(question.fact)

    interview = run_interview(engine, start, answer)
    assert interview.finished
    assert [q.fact for q in interview.asked].count("more_hires") == MAX_ASKED_RECORDS - 1
