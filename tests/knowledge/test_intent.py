"""What a question asks (issue 10), as data: tests/knowledge/data/intents.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.intent import Intent, classify

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "intents.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["q"] for c in CASES])
def test_the_primary_intent_is_recognised(case: dict[str, Any]) -> None:
    asked = classify(case["q"])
    assert asked.primary == Intent(case["primary"])
    for other in case.get("also", []):
        assert asked.asks(Intent(other)), (case["q"], asked.all)
    if "unit" in case:
        assert asked.unit == case["unit"]


def test_every_intent_but_overview_has_cues_and_a_case() -> None:
    primaries = {Intent(c["primary"]) for c in CASES}
    assert primaries == set(Intent)
