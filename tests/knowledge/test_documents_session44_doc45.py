"""Session 44 (doc45, issue 13): forms a 人社局 or a 县 puts out whose units and figures intake had not read whole — a
政务APP's JSON export whose values carry the editor's markup, a radio programme's transcript whose speakers are named
by their role or post, a WPS page whose deletions are struck through.

An export that parses is JSON, whatever markup its values keep (<br>, &nbsp;): read as a page its items ran together
line by line. The body that issued the items (发布单位) is the issuer, not the app that lists them (来源), and a
notice cited with its 文号 and day in brackets gives the title, the 文号 and the day apart. A transcript's questions are
put by whoever puts them — a host, a reporter of any outlet, a listener, a 网友 — and each question with the answers
under it is one unit; the closing line closes the last. A figure the speaker corrects is no figure of theirs; a share
said in words is a share. Struck text is what the reviser took out. Documents written for these tests
(`data/doc45forms/`), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.derive import derive_measures
from knowledge.intake import examine
from knowledge.measures import Measure
from knowledge.tiers import _said_beside_name, _said_in_run
from tests.knowledge.asking import clauses_of

DATA = Path(__file__).parent / "data" / "doc45forms"
EXPECTED: dict[str, Any] = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))
DOCUMENTS: dict[str, dict[str, Any]] = EXPECTED["documents"]
MEASURES = EXPECTED["measures"]


def _text(name: str) -> str:
    return examine((DATA / name).read_bytes(), name).text


def _clause_texts(name: str) -> list[str]:
    return [c.text for c in clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))]


def _measures(name: str) -> list[Measure]:
    return list(derive_measures("t-2026", clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_title_issuer_number_place_and_day_are_the_documents_own(name: str) -> None:
    want = DOCUMENTS[name]
    facts = examine((DATA / name).read_bytes(), name).facts
    assert facts.title == want["title"]
    assert facts.issuer == want["issuer"]
    assert facts.document_number == want["document_number"]
    assert facts.county == want["county"]
    assert facts.signed == want["signed"]
    assert not any("未找到" in problem for problem in facts.problems), facts.problems


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_item_or_exchange_is_one_unit_with_what_answers_it(name: str) -> None:
    want = DOCUMENTS[name]
    texts = ["".join(t.split()) for t in _clause_texts(name)]
    assert len(texts) == len(want["units"]), [t[:30] for t in texts]
    for text, (opens, holds) in zip(texts, want["units"], strict=True):
        assert "".join(opens.split()) in text[:60], text[:60]
        assert "".join(holds.split()) in text, text[:60]
    if last := want.get("last_unit_holds"):
        assert last in texts[-1], texts[-1][-60:]
    assert not any(phrase in text for phrase in want["not_in_units"] for text in texts)


@pytest.mark.parametrize(("name", "phrase", "called", "granted", "withdrawn"), MEASURES, ids=[r[1] for r in MEASURES])
def test_a_measure_is_named_and_grants_its_own_figures(
    name: str, phrase: str, called: str, granted: list[str], withdrawn: list[str]
) -> None:
    unit = next((m for m in _measures(name) if phrase in m.span), None)
    assert unit is not None, phrase
    assert unit.name == called
    figures = {a.text for a in unit.amounts}
    assert set(granted) <= figures, figures
    assert not any(w in f for w in withdrawn for f in figures), figures


@pytest.mark.parametrize(
    ("tier", "name", "siblings", "question", "said"), EXPECTED["tiers"], ids=[r[3] for r in EXPECTED["tiers"]]
)
def test_a_tier_is_said_by_its_own_words(tier: str, name: str, siblings: str, question: str, said: bool) -> None:
    assert (_said_beside_name(tier, name, question) or _said_in_run(tier, name, question, siblings)) is said
