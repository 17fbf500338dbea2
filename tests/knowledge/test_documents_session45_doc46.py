"""Session 45 (doc46, issue 13): forms a 人社局 puts out whose units intake had cut or named wrong — a 政策解读 H5
page whose cards are numbered and headed by an emoji, keyed by arrows and folded by 展开/收起 toggles, and a
信息公开申请答复书 quoting an 办法's items, the period of the measure in an item of its own.

A card's number and emoji are no part of its title; an arrow keys a line as a colon does; a total said after a
sum (总额最高…) is that line's cap, not a group's; a bare 补贴： is the card's measure; a line keyed by its case
granting by a word of its own (奖励) is another measure; whom a line pays is read where a card says it
(发给见习单位, 奖励单位); two grants named side by side keep their own figures. An item stating only a period
is the period of the measure the item before it grants, a group's own period after 其中 told apart. Every unit
of a measure paying premises rent is said as 房租补贴; 好多 before the verb that pays asks how much. Documents
written for these tests (`data/doc46forms/`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.derive import derive_measures
from knowledge.intake import examine
from knowledge.measure_answer import _sum_and_most_asked_apart
from knowledge.measures import Measure
from knowledge.tiers import base_name
from tests.knowledge.asking import ask_json, clauses_of
from tests.knowledge.test_documents_session18 import published_texts

DATA = Path(__file__).parent / "data" / "doc46forms"
EXPECTED: dict[str, Any] = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))


def _text(name: str) -> str:
    return examine((DATA / name).read_bytes(), name).text


def _measures(name: str) -> list[Measure]:
    return list(derive_measures("t-2026", clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))))


def _unit(name: str, phrase: str) -> Measure:
    unit = next((m for m in _measures(name) if phrase in m.span), None)
    assert unit is not None, phrase
    return unit


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_the_title_issuer_number_place_and_day_are_the_documents_own(name: str) -> None:
    want = EXPECTED["documents"][name]
    facts = examine((DATA / name).read_bytes(), name).facts
    assert facts.title == want["title"]
    assert facts.issuer == want["issuer"]
    assert facts.document_number == want["document_number"]
    assert facts.county == want["county"]
    assert facts.signed == want["signed"]
    assert not facts.problems, facts.problems


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_a_cards_number_and_emoji_are_no_part_of_its_title_and_its_toggles_no_text(name: str) -> None:
    headings = [c.heading for c in clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))]
    assert set(EXPECTED["documents"][name]["headings"]) <= set(headings), headings
    assert not any(h[:1].isdigit() and not h[:4].isdigit() for h in headings), headings
    texts = [c.text for c in clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))]
    assert not any(w in t for w in EXPECTED["documents"][name]["not_in_units"] for t in texts), texts


rows = EXPECTED["measures"]


@pytest.mark.parametrize(("name", "phrase", "called", "granted", "withdrawn"), rows, ids=[r[1] for r in rows])
def test_a_measure_is_named_and_grants_its_own_figures(
    name: str, phrase: str, called: str, granted: list[str], withdrawn: list[str]
) -> None:
    unit = _unit(name, phrase)
    assert unit.name == called
    figures = {a.text for a in unit.amounts}
    assert set(granted) <= figures, figures
    assert not any(w in f for w in withdrawn for f in figures), figures


@pytest.mark.parametrize(("name", "phrase", "payee"), EXPECTED["paid_to"], ids=[r[1] for r in EXPECTED["paid_to"]])
def test_whom_a_cards_line_pays_is_read_where_it_says_it(name: str, phrase: str, payee: str) -> None:
    assert _unit(name, phrase).beneficiary.value == payee


@pytest.mark.parametrize(("name", "measure"), EXPECTED["rent_said"])
def test_every_unit_of_a_measure_paying_rent_is_said_as_rent(name: str, measure: str) -> None:
    units = [m for m in _measures(name) if base_name(m) == measure]
    assert len(units) >= 2
    assert all("房租补贴" in m.aliases for m in units), [(m.span, m.aliases) for m in units]


@pytest.mark.parametrize(
    ("question", "apart"), EXPECTED["sum_and_most_apart"], ids=[r[0] for r in EXPECTED["sum_and_most_apart"]]
)
def test_a_sum_and_the_most_asked_apart(question: str, apart: bool) -> None:
    assert _sum_and_most_asked_apart(question) is apart


# --- answered end to end, as staff add them ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    names = sorted(EXPECTED["documents"])
    return published_texts(
        tmp_path_factory.mktemp("doc46"), tuple((n, (DATA / n).read_text(encoding="utf-8")) for n in names)
    )


def test_new_documents_answer_with_the_asked_measures_own_figures(published: Path) -> None:
    asked = EXPECTED["asked"]
    first: dict[str, str] = {}
    for region in dict.fromkeys(r[1] for r in asked):
        questions = [r[0] for r in asked if r[1] == region]
        answers = ask_json(published, region, questions, "2026-12-06")
        first.update({q: str(a["direct_answer"] or "") for q, a in zip(questions, answers, strict=True)})
    wrong = [
        (question, first[question])
        for question, _, shown, withheld in asked
        if not all(f in first[question] for f in shown) or any(f in first[question] for f in withheld)
    ]
    assert not wrong, wrong
