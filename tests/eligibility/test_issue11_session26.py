"""Issue 11, session 26 (rules22): whose misses the terminal check counts, and 就业困难人员 recognition as
something a person can do.

- `policybot check` (bot/present/check.py) said "另有 N 项不符合条件" counting every failed measure, the
  employers' and service providers' among them: a job-seeker who is not 就业困难 was told she failed
  巴中（十一）'s subsidy for units that take on 就业困难人员. A unit's measure is never the person's miss
  (the chat counts them apart since session 25); the terminal text now counts them the same way.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.present.check import check_text
from bot.present.results import is_near_miss, own_misses
from eligibility.engine import Engine
from knowledge.registry import Registry, load_registry
from tests.eligibility.checking import check

WINTER = date(2018, 11, 5)
# A 30-year-old in 通江 out of work, registered, not recognised as 就业困难, no hardship in the family.
JOB_SEEKER = {
    "region": "巴中市通江县",
    "age": 30,
    "employment_status": "unemployed",
    "education": "high_school",
    "hard_to_employ": False,
    "household": [],
    "registered_unemployed": True,
    "disabled": False,
    "received_before": [],
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_terminal_summary_counts_only_the_persons_own_misses(engine: Engine, registry: Registry) -> None:
    result = check(engine, JOB_SEEKER, WINTER)
    facts = engine.rulebook.facts
    units_failed = [b for b in result.benefits if b.status == "ineligible" and b.beneficiary != "applicant"]
    assert units_failed, "the example needs an employer's measure this person fails"
    own = [b for b in own_misses(result) if not is_near_miss(b, facts)]
    text = check_text(result, registry, engine.rulebook)
    said = re.search(r"另有 (\d+) 项不符合条件", text)
    assert said is not None and int(said[1]) == len(own)
    units = re.search(r"另有 (\d+) 项是用人单位或服务机构的补贴", text)
    employer_only = [b for b in result.benefits if b.status == "employer_only"]
    assert units is not None and int(units[1]) == len(employer_only) + len(units_failed)
