"""Issue 11, session 15 (task rules10): leftovers judged against the clause texts.

- An employee's employer-side benefit is judged on the day they were hired, not today. 巴中（十）:
  “各类企业、社会组织吸纳毕业年度高校毕业生，与其签订1年以上劳动合同，并为其缴纳社会保险费的，给予最长1年的
  社会保险补贴” — a 2018届 graduate taken on in 2018 and asking in March 2019 is no longer in the 毕业年度,
  but the unit took her on when she was; the subsidy is the unit's (`employer_only`), not `ineligible`.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from tests.eligibility.checking import benefit_of, check

GRADUATES = "bazhong.graduate_hiring_social_insurance"
# A 2018届 大专 graduate who took a job with a 巴州区 firm after graduating and is not looking for another.
CLERK = {
    "region": "巴中市巴州区",
    "age": 22,
    "employment_status": "employed",
    "education": "college",
    "graduation_date": "2018-06-30",
}


def test_an_employees_graduate_subsidy_is_the_units_after_the_graduation_year(engine: Engine) -> None:
    during = benefit_of(check(engine, CLERK, date(2018, 9, 1)), GRADUATES)
    after = benefit_of(check(engine, CLERK, date(2019, 3, 1)), GRADUATES)
    assert during.status == "employer_only"
    assert after.status == "employer_only", after.reasons
    assert any(r.requirement is not None and "毕业年度" in (r.requirement.text or "") for r in after.reasons)


def test_a_graduate_of_long_ago_in_a_job_brings_no_graduates_subsidy(engine: Engine) -> None:
    """Hired within the last year or so: no day of the 毕业年度 of a 2015 graduate falls in it."""
    result = benefit_of(check(engine, {**CLERK, "graduation_date": "2015-06-30"}, date(2019, 3, 1)), GRADUATES)
    assert result.status == "ineligible"


def test_an_employee_looking_for_another_job_is_judged_on_a_hire_made_now(engine: Engine) -> None:
    """Looking for a new job: the hire that would bring the unit the subsidy is still to come, today."""
    seeking = {**CLERK, "job_seeking": True}
    assert benefit_of(check(engine, seeking, date(2019, 3, 1)), GRADUATES).status == "ineligible"
    assert benefit_of(check(engine, seeking, date(2018, 9, 1)), GRADUATES).status == "if_hired"


def test_the_day_an_employee_started_decides_the_units_graduate_subsidy(engine: Engine) -> None:
    """at/over — 巴中（十） 吸纳毕业年度高校毕业生: taken on 2018-12-31 (in the 毕业年度 of a 2018届 graduate)
    the unit's; taken on 2019-01-01, no longer, whatever today is."""
    last_day = {**CLERK, "job_start_date": "2018-12-31"}
    next_day = {**CLERK, "job_start_date": "2019-01-01"}
    assert benefit_of(check(engine, last_day, date(2019, 3, 1)), GRADUATES).status == "employer_only"
    late = benefit_of(check(engine, next_day, date(2019, 3, 1)), GRADUATES)
    assert late.status == "ineligible"
    assert any(r.requirement is not None and "毕业年度" in (r.requirement.text or "") for r in late.reasons)


def test_the_start_day_unknown_is_said_as_what_decides(engine: Engine) -> None:
    result = benefit_of(check(engine, CLERK, date(2019, 3, 1)), GRADUATES)
    assert result.missing_facts == ("job_start_date",)
    assert check(engine, CLERK, date(2019, 3, 1)).next_question is None or (
        check(engine, CLERK, date(2019, 3, 1)).next_question.fact != "job_start_date"
    )
