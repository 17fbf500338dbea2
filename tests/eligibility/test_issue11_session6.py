"""Issue 11, session 6: invariants over every regression person and persona that a caseworker would
check on any result — what to do next is on every benefit the person may act on, a figure the text
does not give says who sets it — and the interview asks someone who neither hires nor looks for a job
nothing that only an employer's benefit needs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.results import result_json
from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook
from knowledge.registry import Registry, load_registry

from .personas import load_personas

PEOPLE = yaml.safe_load(Path(__file__).with_name("regressions.yaml").read_text(encoding="utf-8"))["people"]
ACTIONABLE = {"eligible", "possibly_eligible", "as_employer"}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _everyone() -> list[Any]:
    people = [(p["profile"], p["as_of"], p["name"]) for p in PEOPLE]
    people += [(p["profile"], p["as_of"], p["name"]) for p in load_personas()]
    return [pytest.param(profile, as_of, id=name) for profile, as_of, name in people]


@pytest.mark.parametrize(("profile", "as_of"), _everyone())
def test_every_benefit_the_person_may_act_on_says_where_to_go_next(
    engine: Engine, registry: Registry, profile: dict[str, Any], as_of: date
) -> None:
    result = engine.check(parse_profile(profile, engine.rulebook.facts, as_of))
    out = result_json(result, engine.rulebook, registry)
    for benefit in out["benefits"]:
        if benefit["status"] in ACTIONABLE:
            apply = benefit["apply"]
            assert apply is not None and apply["departments"] and apply["hotline"] == "12333", benefit["id"]
            assert any("12333" in line for line in apply["text"]), benefit["id"]
            assert benefit["amount"], benefit["id"]
        else:
            assert benefit["apply"] is None, benefit["id"]


def test_where_the_text_gives_no_figure_the_amount_says_the_local_rule_sets_it(rulebook: Rulebook) -> None:
    unsaid = [
        b.id
        for b in rulebook.benefits.values()
        if b.amount is not None and b.amount.kind == "local_rule" and "规定" not in (b.amount.text or "")
    ]
    assert unsaid == []
    assert all(b.amount is not None for b in rulebook.benefits.values())


@pytest.mark.parametrize(("region", "as_of"), [("巴中", date(2019, 5, 1)), ("平顶山", date(2020, 8, 1))])
def test_someone_who_neither_hires_nor_seeks_a_job_is_asked_only_for_their_own_benefits(
    engine: Engine, region: str, as_of: date
) -> None:
    """A retiree not looking for work, answering 不清楚 to everything: every question must bear on a
    benefit of hers, never only on what an employer could claim for hiring her."""
    facts = engine.rulebook.facts
    raw: dict[str, Any] = {"region": region, "employment_status": "retired", "job_seeking": False}
    asked = 0
    while asked < 40:
        result = engine.check(parse_profile(raw, facts, as_of))
        question = result.next_question
        if question is None:
            break
        own_missing = {f for b in result.benefits if b.beneficiary == "applicant" for f in b.missing_facts}
        assert set(question.facts) & own_missing, question.facts
        raw.update(dict.fromkeys(question.facts))
        asked += 1
    assert 0 < asked < 40
    units = [b for b in result.benefits if b.beneficiary != "applicant"]
    assert units and all(b.status in {"employer_only", "ineligible", "expired"} for b in units)


@pytest.mark.parametrize(
    ("region", "clause"),
    [
        # 巴中（十八）/ 资阳（二十四）：构建以实体服务大厅、网上办事大厅、移动客户端、自助终端……的便民服务平台
        ("巴中", "bazhong-2018-18"),
        ("资阳", "ziyang-2017-24"),
    ],
)
def test_the_service_channels_a_document_names_are_on_every_benefit_one_may_act_on(
    engine: Engine, registry: Registry, region: str, clause: str
) -> None:
    raw = {"region": region, "employment_status": "unemployed", "hard_to_employ": True, "wants_training": True}
    out = result_json(
        engine.check(parse_profile(raw, engine.rulebook.facts, date(2019, 5, 1))), engine.rulebook, registry
    )
    actionable = [b for b in out["benefits"] if b["status"] in ACTIONABLE]
    assert actionable
    for benefit in actionable:
        how = {h["clause_id"]: h for h in benefit["apply"]["how"]}
        assert clause in how and "网上办事大厅" in how[clause]["quote"], benefit["id"]
        assert any("公共就业服务大厅" in line for line in benefit["apply"]["text"]), benefit["id"]
