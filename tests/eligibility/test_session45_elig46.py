"""Session 45 (issue 11, elig46): 商洛（三）'s 下岗失业人员 read one way by every rule that names it (out of work, or so
before starting; never a 失业登记 the clause does not write); 巴中（十二）'s two hiring rewards judged apart. People in
session45_elig46.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

DATA = yaml.safe_load(Path(__file__).with_name("session45_elig46.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("person", DATA["people"], ids=lambda p: p["name"])
def test_a_person_gets_what_the_clause_text_gives(engine: Engine, rulebook: Rulebook, person: dict[str, Any]) -> None:
    result = engine.check(parse_profile(person["profile"], rulebook.facts, person["as_of"]))
    found = {b.id: b for b in result.benefits}
    for benefit, status in person.get("statuses", {}).items():
        assert found[benefit].status == status, (benefit, found[benefit].reasons)
    for benefit, words in person.get("failed", {}).items():
        failed = [r.requirement.text or "" for r in found[benefit].reasons if r.kind == "failed" and r.requirement]
        assert any(words in text for text in failed), failed
    if "never_failed" in person:
        words, benefits = person["never_failed"]["words"], person["never_failed"]["of"]
        said = [
            (benefit, r.requirement.text)
            for benefit in benefits
            for r in found[benefit].reasons
            if r.kind == "failed" and r.requirement and words in (r.requirement.text or "")
        ]
        assert not said, said
