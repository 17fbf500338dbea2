"""Session 42 (doc43, issue 13): forms a 人社局 publishes that intake had not read right — a broadcast programme's
transcript (政风行风热线, 阳光问政) and a 通知 set out by aspect ((一)补贴对象。(二)补贴标准。).

A transcript has no 落款: its head names the guests by their posts under any label ending in 嘉宾 (参与嘉宾, 上线嘉宾)
and the day it went on air under any short key ending in 时间/日期 (直播时间, 播出时间) — not a deadline's. Its turns
are stamped with the time ([10:01:30], 【10:01:30】): an exchange is the blank-line block a turn opens with another
speaker's answer in it, whoever asks first (a caller on the line, not only a 主持人). The time, the speaker and the
answer's address to the caller (吴老板，) are no words of any measure. A notice's aspect item names no measure, the part
above it does; a figure a comparison reaches through what is counted (不高于参保职工总数20%) or 不少于 bounds is a
condition; a total paid out last year to N people is no grant; a sentence of conditions whose tiers state the figures is
no unit of its own. Documents written for these tests (`data/documents42doc43/`), not the bench's sets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.derive import derive_measures
from knowledge.intake import examine
from knowledge.kb import KnowledgeBase
from knowledge.measures import AmountKind, Measure
from tests.knowledge.asking import clauses_of
from tests.knowledge.test_documents_session18 import published_knowledge

DATA = Path(__file__).parent / "data" / "documents42doc43"
EXPECTED: dict[str, Any] = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))
DOCUMENTS: dict[str, dict[str, Any]] = EXPECTED["documents"]


def _text(name: str) -> str:
    return examine((DATA / name).read_bytes(), name).text


def _measures(name: str) -> list[Measure]:
    return list(derive_measures("t-2026", clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_intake_reads_the_issuer_place_and_day_of_each_form(name: str) -> None:
    want = DOCUMENTS[name]
    facts = examine((DATA / name).read_bytes(), name).facts
    assert facts.issuer is not None and facts.issuer.startswith(want["issuer"]), facts.issuer
    assert facts.signed == want["signed"]
    if "county" in want:
        assert facts.county == want["county"]
    else:
        assert (facts.city, facts.county) == (want["city"], None)
    assert "未找到落款日期" not in "".join(facts.problems)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_exchange_or_item_is_one_clause(name: str) -> None:
    want = DOCUMENTS[name]
    clauses = clauses_of(_text(name), province="x", city="y", signed=date(2026, 1, 1))
    assert len(clauses) == want["clauses"], [c.text[:30] for c in clauses]
    if want["opens_with"]:
        assert all(want["opens_with"] in c.text.split("\n", 1)[0] for c in clauses)
        assert all("主持人" not in c.text.split("\n", 1)[0] for c in clauses)


MEASURES = EXPECTED["measures"]


@pytest.mark.parametrize(("name", "phrase", "called", "granted", "conditions"), MEASURES, ids=[r[1] for r in MEASURES])
def test_a_measure_is_named_and_its_figures_told_from_its_conditions(
    name: str, phrase: str, called: str | None, granted: list[str], conditions: list[str]
) -> None:
    unit = next((m for m in _measures(name) if phrase in m.span), None)
    assert unit is not None, phrase
    if called is not None:
        assert unit.name == called
    assert "：" not in unit.name and "【" not in unit.name
    kinds = {a.text: a.kind for a in unit.amounts}
    assert all(figure in kinds and kinds[figure] is not AmountKind.THRESHOLD for figure in granted), kinds
    assert all(kinds.get(figure) is AmountKind.THRESHOLD for figure in conditions), kinds


NOT_MEASURES = EXPECTED["not_measures"]


@pytest.mark.parametrize(("name", "phrase"), NOT_MEASURES, ids=[r[1] for r in NOT_MEASURES])
def test_no_measure_comes_from_an_aspect_title_a_reported_total_or_a_tiered_measures_conditions(
    name: str, phrase: str
) -> None:
    assert not [m.name for m in _measures(name) if phrase in m.span or m.span in phrase]


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    data_dir = tmp_path_factory.mktemp("doc43")
    yield published_knowledge(data_dir, [str(DATA / name) for name in sorted(DOCUMENTS)])


ASKED = EXPECTED["asked"]


@pytest.mark.parametrize(("question", "region", "anchor", "held", "absent"), ASKED, ids=[r[0] for r in ASKED])
def test_a_question_about_the_new_documents_is_answered_from_the_right_sentence(
    knowledge: KnowledgeBase, question: str, region: str, anchor: str, held: list[str], absent: list[str]
) -> None:
    answer = knowledge.answerer.answer(question, region)
    assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert all(word in line for word in held), line
    assert not any(word in line for word in absent), line
