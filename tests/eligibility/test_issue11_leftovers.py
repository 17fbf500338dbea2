"""Issue 11 leftovers, through the `check --json` object (bot.checker, as the CLI and the web use it):
a province asks for its city, a person whose business hires sees employers' subsidies as theirs to
claim as the employer, and next steps carry what the text says about where and how to apply."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.checker import Checker
from bot.present.check import check_text
from bot.present.results import results_message
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from knowledge.regions import Gazetteer
from knowledge.registry import load_registry

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def checker(rulebook: Rulebook) -> Checker:
    registry = load_registry()
    return Checker(Engine(rulebook, Gazetteer(registry.jurisdictions), registry), registry)


def _check(checker: Checker, raw: dict[str, Any], as_of: date = TODAY) -> dict[str, Any]:
    return checker.check({"as_of": as_of.isoformat(), **raw}, as_of)


def _by_id(out: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["id"]: b for b in out["benefits"]}


# -- a province asks for its city ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "cities"), [("四川", ["巴中市", "资阳市"]), ("河南省", ["平顶山市"]), ("陕西", ["商洛市"])]
)
def test_a_province_asks_for_the_city_in_json(checker: Checker, province: str, cities: list[str]) -> None:
    out = _check(checker, {"region": province, "employment_status": "unemployed"})
    # Session 8: the candidate cities' benefits are listed meanwhile, none of them `eligible`.
    assert out["status"] == "needs_more_info" and out["jurisdiction"] is None
    assert out["benefits"] and "eligible" not in {b["status"] for b in out["benefits"]}
    question = out["next_question"]
    labels = [o["label"] for o in question["options"]]
    assert question["fact"] == "region" and labels == [*cities, "其他城市", "不清楚"]
    assert "请告诉我们具体城市" in question["text"]
    answered = _check(checker, {"region": cities[0], "employment_status": "unemployed"})
    assert answered["jurisdiction"] == cities[0] and answered["benefits"]


# -- whose benefit: an employer who is hiring -------------------------------------------------------

SHOP = {"region": "巴中", "employment_status": "self_employed", "business_form": "individual"}


def test_a_shop_owner_is_asked_whether_the_shop_hires(checker: Checker) -> None:
    """巴中（十一）（十二） pay the employer that hires: whether her shop hires decides whose they are."""
    asked = []
    profile: dict[str, Any] = {**SHOP}
    for _ in range(30):
        out = _check(checker, profile)
        question = out["next_question"]
        if question is None:
            break
        asked.extend(question["facts"])
        profile.update(dict.fromkeys(question["facts"]))
    # Session 13: ticked with the rest of what she says of her shop (business_details), or alone.
    assert "hiring_staff" in asked


def test_a_hiring_shop_owner_sees_employer_subsidies_as_her_business_s(checker: Checker) -> None:
    out = _check(checker, {**SHOP, "hiring_staff": True})
    benefits = _by_id(out)
    subsidy = benefits["bazhong.hard_to_employ_hiring_subsidy"]
    assert subsidy["status"] == "as_employer" and subsidy["side"] == "unit"
    assert subsidy["apply"] is not None and subsidy["apply"]["hotline"] == "12333"
    assert subsidy["hiring"], "the hire's terms are listed"
    assert subsidy["id"] in out["unit_benefits"] and subsidy["id"] not in out["own_benefits"]
    # A provider's benefit is never hers: she is an employer, not a placement agency.
    assert benefits["bazhong.job_placement_service_subsidy"]["status"] == "employer_only"
    # Nothing of a unit is ever the person's own `eligible`.
    assert all(b["status"] != "eligible" for b in out["benefits"] if b["side"] == "unit")


def test_a_shop_owner_who_does_not_hire_keeps_them_apart(checker: Checker) -> None:
    out = _check(checker, {**SHOP, "hiring_staff": False})
    assert all(b["status"] in {"employer_only", "ineligible"} for b in out["benefits"] if b["side"] == "unit")


def test_a_job_seeker_is_not_asked_whether_she_hires(checker: Checker) -> None:
    out = _check(checker, {"region": "巴中", "employment_status": "unemployed", "job_seeking": True})
    assert "hiring_staff" not in {b for benefit in out["benefits"] for b in benefit["missing_facts"]}
    assert any(b["status"] == "if_hired" for b in out["benefits"])


def test_the_terminal_and_the_chat_list_them_apart(checker: Checker, rulebook: Rulebook) -> None:
    profile = checker.profile({"as_of": TODAY.isoformat(), **SHOP, "hiring_staff": True}, TODAY)
    result = checker.engine.check(profile)
    text = check_text(result, checker.registry, rulebook)
    assert "【您的企业或个体户作为用人单位可申领（补贴发给单位，不是您个人）】" in text
    section = text.split("【您的企业或个体户作为用人单位可申领")[1]
    assert "招用就业困难人员社会保险补贴和岗位补贴" in section
    chat = results_message(result, rulebook).text
    assert "您的企业或个体户作为用人单位可申领（发给单位，不是您个人）" in chat


def test_the_hires_terms_speak_of_the_one_hired_to_an_employer(checker: Checker, rulebook: Rulebook) -> None:
    """The terms are written to a job-seeker (用人单位需与您签订劳动合同): to a shop owner who hires, the
    one hired is 所招人员 — never 您 (session 11 walkthrough: 企业需吸纳您就业 shown about her own shop)."""
    profile = checker.profile({"as_of": TODAY.isoformat(), **SHOP, "hiring_staff": True}, TODAY)
    chat = results_message(checker.engine.check(profile), rulebook).text
    section = chat.split("您的企业或个体户作为用人单位可申领")[1]
    assert "您的企业或个体户申领的条件：" in section and "所招人员" in section, section
    assert "需与您" not in section and "吸纳您" not in section and "招用您" not in section, section


# -- next steps: where and how, from the text ------------------------------------------------------


def test_next_steps_carry_the_texts_channels_with_their_clause(checker: Checker) -> None:
    """平顶山（十九）：“可按规定在常住地进行失业登记…开放线上失业登记，推进在线办理就业服务和补贴申领”."""
    out = _check(checker, {"region": "平顶山", "employment_status": "unemployed"}, date(2020, 8, 1))
    registration = _by_id(out)["pingdingshan.unemployment_registration"]
    how = registration["apply"]["how"]
    assert [h["clause_id"] for h in how] == ["pingdingshan-2020-19", "pingdingshan-2020-19"]
    assert how[0]["quote"] == "可按规定在常住地进行失业登记，申请享受基本公共就业服务"
    assert "办理方式：在常住地进行失业登记，也可线上办理（平顶山（十九））" in registration["apply"]["text"]
    # The document's channel applies to every benefit of it that the person may act on.
    others = [b for b in out["benefits"] if b["apply"] and b["id"] != registration["id"]]
    assert others and all("pingdingshan-2020-19" in {h["clause_id"] for h in b["apply"]["how"]} for b in others)


def test_without_a_channel_in_the_text_next_steps_say_12333(checker: Checker) -> None:
    out = _check(
        checker,
        {
            "region": "长春",
            "employment_status": "employed",
            "ui_years": 5,
            "certificates": [{"level": "junior", "date": "2026-06-01"}],
            "received_before": [],
        },
    )
    skills = _by_id(out)["jilin.skill_upgrade_subsidy"]
    assert skills["status"] == "eligible"
    assert skills["apply"]["how"] == []
    assert skills["apply"]["text"][-1].startswith("咨询：拨打12333")
