"""Every benefit's YAML cases (beside the benefit file) evaluated against that benefit alone; the
expected amount and reason are what a person reads, so they are compared as `bot/present` words them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.present.reasons import reason_texts
from bot.present.results import amount_text
from eligibility.engine import Engine
from eligibility.loading import read_model
from eligibility.profile import parse_profile
from eligibility.rulebook import CASES_SUFFIX, default_rulebook
from eligibility.schema import Case, CasesFile


def _collect() -> list[tuple[str, Case]]:
    book = default_rulebook()
    collected = []
    for path in book.case_files():
        benefit_id = f"{path.parent.name}.{path.name.removesuffix(CASES_SUFFIX)}"
        for case in read_model(path, CasesFile).cases:
            collected.append(pytest.param(benefit_id, case, id=f"{benefit_id}: {case.name}"))
    return collected


def _benefit_file(benefit_id: str) -> Path:
    slug, stem = benefit_id.split(".")
    return default_rulebook().root / "benefits" / slug / f"{stem}.yaml"


@pytest.mark.parametrize(("benefit_id", "case"), _collect())
def test_benefit_case(engine: Engine, benefit_id: str, case: Case) -> None:
    assert _benefit_file(benefit_id).exists(), f"cases without a benefit file: {benefit_id}"
    benefit = engine.rulebook.benefits[benefit_id]
    profile = parse_profile(case.input, engine.rulebook.facts, today=case.as_of)
    profile = profile.model_copy(update={"as_of": case.as_of})
    result = engine.evaluate(benefit, profile).result
    expect = case.expect
    assert result.status == expect.status, result.reasons
    if expect.amount is not None:
        assert result.amount is not None and amount_text(result.amount, engine.rulebook.facts) == expect.amount
    if expect.missing_facts is not None:
        assert list(result.missing_facts) == list(expect.missing_facts)
    if expect.reason_contains is not None:
        worded = reason_texts(result, engine.rulebook)
        assert any(expect.reason_contains in reason for reason in worded), worded
