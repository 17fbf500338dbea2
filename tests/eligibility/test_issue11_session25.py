"""Issue 11, session 25 (set 17 read): what a caseworker would sign, each checked from the clause texts.

- The held-out runner reads what a file's header says its statuses mean where writers differ: one header calls
  if_hired only the asker's own unit's prospective hire ("employer_only means the money goes to an
  employer/organisation other than the asker"), another a future employer's subsidy for hiring this person; one says
  a measure past its own window (平顶山（二十三）「2020年度内…」) is a text not met, another calls it
  expired_or_uncertain. Our statuses stay as they are; only their translation follows the header.
- The runner reads a business's age from the date it was registered where a place or 新 stands between
  (2018-05在汝州注册…, 2019-01新注册…), and from 开业约2年4个月.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

BOOK = default_rulebook()

OWNERS_HEADER = """# Statuses: eligible, possibly_eligible, not_eligible, employer_only, if_hired, …
#   - When the asker is himself the owner, an employer-side measure is judged as his own, or if_hired when it
#     depends on a hire he has not made yet;
#     employer_only means the money goes to an employer/organisation other than the asker.
#   - as_of 2025–2026 against old texts -> expired_or_uncertain (not_eligible still wins when the
#     text itself is not met).
- id: x
"""
FUTURE_EMPLOYER_HEADER = """# - if_hired: employer-side subsidy a FUTURE employer of this job-seeker would get.
# - employer_only: employer / service-provider / park-operator benefit that is never this person's.
- id: x
"""


def test_the_runner_reads_whose_if_hired_is_from_the_header() -> None:
    runner = load_runner()
    owners, future = runner.Conventions.of(OWNERS_HEADER), runner.Conventions.of(FUTURE_EMPLOYER_HEADER)
    assert owners.owners_hire and owners.window_unmet
    assert not future.owners_hire and not future.window_unmet


def test_a_job_seekers_future_employers_subsidy_is_employer_only_where_if_hired_is_the_owners(engine: Engine) -> None:
    runner = load_runner()
    seeker = {
        "region": "四川省巴中市平昌县",
        "age": 40,
        "employment_status": "unemployed",
        "job_seeking": True,
        "hard_to_employ": True,
    }
    result = check(engine, seeker, date(2018, 9, 1))
    benefit = BOOK.benefits["bazhong.hard_to_employ_hiring_subsidy"]
    found = benefit_of(result, benefit.id)
    assert found.status == "if_hired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(FUTURE_EMPLOYER_HEADER)) == "if_hired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(OWNERS_HEADER)) == "employer_only"


def test_a_measure_past_its_own_window_is_a_text_not_met_where_the_header_says_so(engine: Engine) -> None:
    runner = load_runner()
    # 平顶山（二十三）「2020年度内可按当地最低生活保障标准发放不超过6个月的一次性临时生活补助」, asked in 2026.
    person = {"region": "河南省平顶山市鲁山县", "age": 45, "employment_status": "unemployed", "living_difficulty": True}
    result = check(engine, person, date(2026, 2, 1))
    benefit = BOOK.benefits["pingdingshan.temporary_living_allowance"]
    found = benefit_of(result, benefit.id)
    assert found.status == "expired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(FUTURE_EMPLOYER_HEADER)) == (
        "expired_or_uncertain"
    )
    assert runner.their_status(result, benefit, found, runner.Conventions.of(OWNERS_HEADER)) == "not_eligible"


def test_the_runner_reads_a_business_age_from_its_registration_with_words_between() -> None:
    runner = load_runner()
    second = {
        "place": "吉林省白山市浑江区",
        "age": 30,
        "employment": "self_employed",
        "other": "2016-12首次领取个体营业执照开花店; 2018转让; 2019-01新注册小微企业",
    }
    assert runner.profile_of(second, date(2019, 3, 14), BOOK)["business_months"] == 2
    placed = {
        "place": "河南省平顶山市汝州市",
        "age": 38,
        "employment": "self_employed",
        "other": "2018-05在汝州注册小微企业",
    }
    assert runner.profile_of(placed, date(2020, 9, 28), BOOK)["business_months"] == 28
    spoken = {
        "place": "河南省平顶山市汝州市",
        "age": 38,
        "employment": "self_employed",
        "other": "开个体店, 开业约2年4个月",
    }
    assert runner.profile_of(spoken, date(2020, 9, 28), BOOK)["business_months"] == 28
