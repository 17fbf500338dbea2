"""Session 45 (issue 11): people judged against the clause text, one check for both engineers' sets.
elig45 (session45_elig45.yaml): a status that is a place's own record (建档立卡) registered in another place fails that
place's measures, and is never asked for when not said. elig46 (session45_elig46.yaml): 商洛（三）'s 下岗失业人员 read
one way by every rule that names it (out of work, or so before starting; never a 失业登记 the clause does not write);
巴中（十二）'s two hiring rewards judged apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

PEOPLE = [
    person
    for name in ("session45_elig45.yaml", "session45_elig46.yaml")
    for person in yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8"))["people"]
]


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p["name"])
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
    asked = result.next_question.fact if result.next_question is not None else None
    assert asked not in person.get("not_asked", []), asked
