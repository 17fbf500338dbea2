"""Issue 11, session 10: the JSON client and the terminal keep a province as the interview does.

- A JSON client (`policybot check --json`, `/api/check`) is stateless: answering the city question
  with null in `region` would drop the province. It keeps the province in `region` and answers the
  city in `city` — null (不清楚) keeps the province and judges every candidate city, as the
  interview's 不清楚 does; a city is read inside the province; a city nobody knows asks again.
- The terminal takes a typed 不知道 / 不确定 / 记不清 wherever it offers 不清楚 (the city question too).
- A question never presupposes an answer given as 不清楚: 参保年限 is not asked of someone unsure of
  being insured. (The open conditions of this session are benefit cases and regression people.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.check_cli import interview, parse_typed, unsure_labels
from bot.checker import Checker
from bot.services import Services
from bot.settings import Settings
from bot.web.profile_schema import profile_schema
from eligibility.interview import apply_answer
from eligibility.profile import Profile
from eligibility.results import NextQuestion

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2020, 9, 1)
# Out of work, registered, certified 就业困难, from a 低保 family (巴中（十一）、资阳（十三）、平顶山（十二）).
JOBLESS = {
    "employment_status": "unemployed",
    "registered_unemployed": True,
    "hard_to_employ": True,
    "household": ["dibao"],
    "job_seeking": True,
    "age": 48,
}
PROVINCES = {"四川省": ("巴中市", "资阳市"), "河南": ("平顶山市",), "陕西省": ("商洛市",)}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Services(Settings()).checker


def _city_question(checker: Checker, province: str) -> NextQuestion:
    question = checker.engine.check(checker.profile({"region": province, **JOBLESS}, AS_OF)).next_question
    assert question is not None and question.fact == "region"
    return question


def _statuses(result: dict[str, Any]) -> dict[str, str]:
    return {b["id"]: b["status"] for b in result["benefits"]}


@pytest.mark.parametrize("province", list(PROVINCES))
def test_a_json_client_answering_the_city_with_null_keeps_the_province_like_the_interview(
    checker: Checker, province: str
) -> None:
    start = checker.profile({"region": province, **JOBLESS}, AS_OF)
    question = _city_question(checker, province)
    interviewed = checker.to_json(checker.engine.check(apply_answer(start, question, None, checker.facts)))
    sent = checker.check({"region": province, "city": None, **JOBLESS}, AS_OF)
    assert sent["status"] == interviewed["status"] == "needs_more_info"
    assert sent["jurisdiction"] is None
    assert _statuses(sent) == _statuses(interviewed)
    # Every candidate city's benefits are there, none of them sure: the city is still to be confirmed.
    jurisdictions = {checker.engine.rulebook.benefits[b["id"]].jurisdiction for b in sent["benefits"]}
    assert jurisdictions == set(PROVINCES[province])
    assert "eligible" not in _statuses(sent).values()
    assert sent["next_question"] is not None and sent["next_question"]["fact"] != "region"
    assert sent["next_question"] == interviewed["next_question"]


@pytest.mark.parametrize(
    ("province", "city", "jurisdiction"),
    [("四川省", "巴中", "巴中市"), ("四川", "资阳市安岳县", "资阳市"), ("河南", "平顶山", "平顶山市")],
)
def test_a_city_sent_beside_its_province_is_that_city(
    checker: Checker, province: str, city: str, jurisdiction: str
) -> None:
    sent = checker.check({"region": province, "city": city, **JOBLESS}, AS_OF)
    alone = checker.check({"region": city, **JOBLESS}, AS_OF)
    assert sent["jurisdiction"] == alone["jurisdiction"] == jurisdiction
    assert _statuses(sent) == _statuses(alone)


def test_a_city_nobody_knows_keeps_the_province_and_asks_the_city_again(checker: Checker) -> None:
    sent = checker.check({"region": "河南省", "city": "某某市", **JOBLESS}, AS_OF)
    assert sent["status"] == "needs_more_info" and sent["jurisdiction"] is None
    assert sent["next_question"]["fact"] == "region"
    assert "平顶山市" in [o["value"] for o in sent["next_question"]["options"]]
    assert "eligible" not in _statuses(sent).values()


@pytest.mark.parametrize("city", ["成都", "四川省其他城市", "其他城市"])
def test_a_city_of_the_province_that_is_not_covered_ends_the_check(checker: Checker, city: str) -> None:
    sent = checker.check({"region": "四川省", "city": city, **JOBLESS}, AS_OF)
    assert sent["status"] == "region_not_covered" and sent["benefits"] == []


def test_the_city_says_nothing_where_the_region_is_already_a_covered_place_or_unknown(checker: Checker) -> None:
    assert _statuses(checker.check({"region": "长春", "city": None, **JOBLESS}, AS_OF)) == _statuses(
        checker.check({"region": "长春", **JOBLESS}, AS_OF)
    )
    assert checker.check({"region": None, "city": "巴中"}, AS_OF)["status"] == "region_not_covered"


def test_the_city_is_in_the_api_schema_and_never_asked(checker: Checker) -> None:
    schema = profile_schema(checker.facts)
    assert "city" in schema["properties"]
    assert not checker.facts["city"].is_askable


def test_policybot_check_json_keeps_the_province_when_the_city_is_null(tmp_path: Path) -> None:
    line = json.dumps({"region": "四川", "city": None, "as_of": "2020-09-01", **JOBLESS}, ensure_ascii=False)
    done = subprocess.run(
        [sys.executable, "-m", "bot.check_cli", "--json"],
        input=line + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "needs_more_info" and result["jurisdiction"] is None
    assert {b["id"].split(".")[0] for b in result["benefits"]} == {"bazhong", "ziyang"}


# -- the terminal: 不知道 typed where 不清楚 is offered --------------------------------------------


@pytest.mark.parametrize("said", ["不知道", "不确定", "不清楚", "记不清了", "这个我不太清楚"])
def test_typing_not_knowing_to_the_city_question_keeps_the_province(checker: Checker, said: str) -> None:
    question = _city_question(checker, "四川")
    raw = parse_typed(question, said, unsure_labels(checker.facts))
    start = checker.profile({"region": "四川", **JOBLESS}, AS_OF)
    assert checker.engine.check(apply_answer(start, question, raw, checker.facts)).region.status == "city_unknown"


@pytest.mark.parametrize("said", ["不知道", "不确定", "忘了"])
def test_typing_not_knowing_to_any_question_offering_it_is_that_option(checker: Checker, said: str) -> None:
    seen = set()
    profile = checker.profile({"region": "巴中"}, AS_OF)
    for _ in range(6):
        question = checker.engine.check(profile).next_question
        if question is None:
            break
        assert None in [o.value for o in question.options]
        assert parse_typed(question, said, unsure_labels(checker.facts)) is None
        seen.add(question.type)
        profile = apply_answer(profile, question, None, checker.facts)
    assert len(seen) >= 2


def test_typing_not_knowing_to_the_first_region_question_is_not_an_answer(checker: Checker) -> None:
    """The first region question offers no 不清楚: what is typed is read as a place (and asked again)."""
    question = checker.engine.check(checker.profile({}, AS_OF)).next_question
    assert question is not None and question.fact == "region"
    assert parse_typed(question, "不知道", unsure_labels(checker.facts)) == "不知道"


def test_a_terminal_interview_answering_the_city_with_not_sure_goes_on_with_the_province(checker: Checker) -> None:
    lines = iter(["四川省", "不确定"])

    def read(prompt: str) -> str:
        line = next(lines, None)
        if line is None:
            raise EOFError
        return line

    written: list[str] = []
    result = interview(checker, checker.profile({}, AS_OF), read, written.append)
    assert result is not None and result.region.status == "city_unknown"
    assert result.jurisdiction is None and result.next_question is not None


# -- a question never presupposes an answer given as 不清楚 --------------------------------------


@pytest.mark.parametrize(
    ("region", "as_of"),
    [("长春", date(2018, 6, 1)), ("资阳市雁江区", date(2018, 6, 1)), ("吉林市", date(2019, 3, 1))],
)
def test_insurance_years_are_not_asked_of_someone_unsure_of_being_insured(
    checker: Checker, region: str, as_of: date
) -> None:
    """吉林（二十）/ 资阳（二十二） ask 参加失业保险3年以上 of an employee with a certificate: after 不清楚 to
    “是否参加了失业保险”, “您累计参加失业保险多少年了？” would presuppose the insurance."""
    raw = {
        "region": region,
        "employment_status": "employed",
        "certificate_level": "intermediate",
        "certificate_date": as_of.replace(month=1, day=15).isoformat(),
        "more_certificates": False,
        "ui_insured": None,
    }
    profile, asked = interview_with_unsure_answers(checker, checker.profile(raw, as_of))
    assert "ui_years" not in asked
    skill = next(b for b in checker.engine.check(profile).benefits if b.id.endswith("skill_upgrade_subsidy"))
    assert skill.status == "possibly_eligible" and "ui_years" in skill.missing_facts


def test_insurance_years_are_still_asked_of_someone_insured(checker: Checker) -> None:
    raw = {
        "region": "长春",
        "employment_status": "employed",
        "certificate_level": "senior",
        "certificate_date": "2018-03-01",
        "more_certificates": False,
        "ui_insured": True,
    }
    _, asked = interview_with_unsure_answers(checker, checker.profile(raw, date(2018, 9, 1)))
    assert "ui_years" in asked


def interview_with_unsure_answers(checker: Checker, profile: Profile) -> tuple[Profile, list[str]]:
    """Runs the interview answering 不清楚 to every question: the profile at the end and the facts asked."""
    asked: list[str] = []
    for _ in range(30):
        question = checker.engine.check(profile).next_question
        if question is None:
            break
        asked += question.facts
        profile = apply_answer(profile, question, None, checker.facts)
    return profile, asked
