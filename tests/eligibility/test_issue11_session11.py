"""Issue 11, session 11: dated measures and whose hire it is (set 3 read; the walkthrough's classes).

- A draft (征求意见稿) was never in force as written: none of its measures is a person's `eligible`.
  Meeting its text is `possibly_eligible` with “需向人社部门确认：该文件是征求意见稿…” (documents.yaml
  `draft_to_confirm`) — 平顶山's 失业补助金 in 2026 was `eligible`.
- An explicit time window that has passed ends a measure: 平顶山（九）'s “2020年春节期间” epidemic hiring
  subsidy is `expired` after 2020 (benefit cases: the boundary pair), and an ended unit benefit is not
  listed to a person whose own business does not hire.
- An employee who is not looking for a job is not about to be hired: employers' hiring benefits are
  `employer_only` for them (吉林（八）、巴中（十二）), `if_hired` once they look for a job.
The people behind these are in regressions.yaml (“session 11”).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.check import check_text
from bot.present.results import result_json, results_message
from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.results import CheckResult
from knowledge.registry import Registry, load_registry

from .personas import load_personas

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = yaml.safe_load(Path(__file__).with_name("regressions.yaml").read_text(encoding="utf-8"))["people"]
DRAFT_DOCUMENT = "pingdingshan-2020"
EPIDEMIC = "pingdingshan.epidemic_hiring_subsidy"
# A 平顶山 job-seeker in 2026: the 2020 epidemic subsidy for employers has ended, as have her own 2020 measures.
JOB_SEEKER_2026 = {"region": "平顶山", "age": 33, "employment_status": "unemployed", "job_seeking": True}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _check(engine: Engine, profile: dict[str, Any], as_of: date) -> CheckResult:
    return engine.check(parse_profile(profile, engine.rulebook.facts, as_of))


def _draft_people(engine: Engine) -> list[tuple[dict[str, Any], date]]:
    """Everyone of the draft's place: regression people, personas, and every 平顶山 benefit case's input."""
    people = [(p["profile"], p["as_of"]) for p in PEOPLE] + [(p["profile"], p["as_of"]) for p in load_personas()]
    for path in sorted((ROOT / "eligibility" / "benefits" / "pingdingshan").glob("*.cases.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        people += [({"region": "平顶山", **case["input"]}, case["as_of"]) for case in cases]
    return people


def test_no_measure_of_a_draft_is_ever_a_persons_eligible(engine: Engine) -> None:
    """Over every person of the regressions, the personas and the 平顶山 cases: a draft's measure is at
    best possible, and when it is the person's own it says what the issued text leaves to confirm."""
    said = engine.rulebook.draft_to_confirm
    assert "征求意见稿" in said
    met = 0
    for profile, as_of in _draft_people(engine):
        for benefit in _check(engine, profile, as_of).benefits:
            if benefit.document is None or benefit.document.id != DRAFT_DOCUMENT:
                continue
            assert benefit.status != "eligible", benefit.id
            if benefit.status == "possibly_eligible" and benefit.beneficiary == "applicant":
                texts = [r.requirement.text for r in benefit.reasons if r.kind == "to_confirm" and r.requirement]
                assert said in texts, benefit.id
                met += not benefit.missing_facts
    assert met > 10  # the draft's text was met often: the cap, not a missing fact, kept them possible


def test_an_official_document_still_gives_eligible(engine: Engine) -> None:
    """The cap is the draft's, not every old document's: 巴中's official 2018 text met is `eligible`."""
    result = _check(
        engine,
        {
            "region": "巴中",
            "age": 40,
            "employment_status": "unemployed",
            "overcapacity_worker": True,
            "organized_labor_export": True,  # session 14: the package's 交通补贴 is for 劳务输出
            "received_before": [],  # session 21: the fare, its own benefit, is paid once (to confirm)
        },
        date(2018, 6, 1),
    )
    statuses = {b.id: b.status for b in result.benefits}
    assert statuses["bazhong.overcapacity_transport_subsidy"] == "eligible"  # session 21: its own benefit


def test_the_draft_is_said_in_json_and_in_the_chat(engine: Engine, registry: Registry) -> None:
    """失业补助金 in 2026: possible, with the draft to confirm in `to_confirm` and in the chat's words."""
    profile = {**JOB_SEEKER_2026, "ui_insured": True, "ui_benefit": "exhausted"}
    result = _check(engine, profile, date(2026, 4, 20))
    payload = {b["id"]: b for b in result_json(result, engine.rulebook, registry)["benefits"]}
    allowance = payload["pingdingshan.unemployment_assistance_allowance"]
    assert allowance["status"] == "possibly_eligible"
    assert any("征求意见稿" in text for text in allowance["to_confirm"])
    assert allowance["apply"] is not None  # still what to do next: ask the 人社部门 / 12333
    chat = results_message(result, engine.rulebook).text
    assert "失业补助金" in chat and "征求意见稿" in chat


def test_an_ended_employers_subsidy_is_not_listed_to_a_job_seeker(engine: Engine, registry: Registry) -> None:
    """The walkthrough's 2026 person saw the 2020 epidemic subsidy of employers: it is the unit's
    (`employer_only` since session 12 — whose it is comes before when — its reason saying it ended;
    the JSON keeps every benefit with its `side`), and neither the chat nor the terminal lists it to
    her; her own ended 2020 measures are still named as ended."""
    result = _check(engine, JOB_SEEKER_2026, date(2026, 3, 1))
    statuses = {b.id: b.status for b in result.benefits}
    assert statuses[EPIDEMIC] == "employer_only"
    assert [r.kind for r in next(b for b in result.benefits if b.id == EPIDEMIC).reasons] == ["expired"]
    name = next(b.name for b in result.benefits if b.id == EPIDEMIC)
    own_ended = [b.name for b in result.benefits if b.status == "expired" and b.beneficiary == "applicant"]
    assert own_ended
    for text in (results_message(result, engine.rulebook).text, check_text(result, registry, engine.rulebook)):
        assert name not in text
        assert own_ended[0] in text
    payload = {b["id"]: b for b in result_json(result, engine.rulebook, registry)["benefits"]}
    assert payload[EPIDEMIC]["status"] == "employer_only" and payload[EPIDEMIC]["side"] == "unit"


def test_an_ended_employers_subsidy_is_listed_to_an_employer_who_hires(engine: Engine) -> None:
    """A 2021 factory owner who hires is told that the 2020 epidemic subsidy for his hires has ended."""
    owner = {
        "region": "平顶山",
        "age": 45,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "hiring_staff": True,
        "job_seeking": False,
    }
    result = _check(engine, owner, date(2021, 3, 1))
    statuses = {b.id: b.status for b in result.benefits}
    assert statuses[EPIDEMIC] == "expired"
    assert "as_employer" in statuses.values()
    name = next(b.name for b in result.benefits if b.id == EPIDEMIC)
    assert name in results_message(result, engine.rulebook).text


@pytest.mark.parametrize(
    ("job_seeking", "status"),
    [
        # 吉林（八）落实小微企业招用毕业年度高校毕业生社会保险补贴政策: her employer has hired her already.
        (False, "employer_only"),
        (None, "employer_only"),
        # Looking for another job: a new employer would claim it for hiring her.
        (True, "if_hired"),
    ],
)
def test_an_employee_is_hired_already_unless_looking_for_a_job(
    engine: Engine, job_seeking: bool | None, status: str
) -> None:
    profile: dict[str, Any] = {
        "region": "长春",
        "age": 23,
        "employment_status": "employed",
        "education": "college",
        "graduation_date": "2018-06-30",
    }
    if job_seeking is not None:
        profile["job_seeking"] = job_seeking
    result = _check(engine, profile, date(2018, 9, 10))
    statuses = {b.id: b.status for b in result.benefits}
    assert statuses["jilin.graduate_hiring_social_insurance"] == status


def test_nobody_in_work_and_not_looking_is_told_if_hired(engine: Engine) -> None:
    """Over the regression people and the personas: `if_hired` only for someone a hire can still reach."""
    people = [(p["profile"], p["as_of"]) for p in PEOPLE] + [(p["profile"], p["as_of"]) for p in load_personas()]
    seen = 0
    for profile, as_of in people:
        if profile.get("employment_status") != "employed":
            continue
        for benefit in _check(engine, profile, as_of).benefits:
            if benefit.status == "if_hired":
                assert profile.get("job_seeking") is True, benefit.id
            seen += benefit.status == "employer_only"
    assert seen > 0
