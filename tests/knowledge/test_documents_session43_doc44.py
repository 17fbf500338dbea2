"""Session 43 (doc44, issue 13): forms a 社区 or 人社局 sends or puts online whose facts intake had not read — a group
chat that passes on a notice, a 问答 page copied as text under a site's masthead, a 办事指南 kept as Markdown.

A chat's export names itself (微信群聊天记录, …QQ群聊天记录) and no document: the notice a message passes on whole —
its heading naming the bodies that issue it, with its 文号 or its day beside it — gives the title, 文号, issuer, day and
place. A page's info line goes on after a bar (来源：… ｜ 栏目：…, 发布机构：… ｜ 更新时间：…), and a page that says
only when it was updated is dated by that. A chat is read by threads: a message of the chat's informant that answers
no one, with the questions and answers under it — a reply alone loses what it answers, and a stamp is no figure.
Documents written for these tests (`data/doc44forms/`), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.derive import derive_measures
from knowledge.intake import examine
from knowledge.measures import Measure
from tests.knowledge.asking import clauses_of

DATA = Path(__file__).parent / "data" / "doc44forms"
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
def test_each_thread_or_item_is_one_unit_with_what_answers_it(name: str) -> None:
    want = DOCUMENTS[name]
    texts = ["".join(t.split()) for t in _clause_texts(name)]
    assert len(texts) == len(want["units"]), [t[:30] for t in texts]
    for text, (opens, holds) in zip(texts, want["units"], strict=True):
        assert opens in text.split("\n", 1)[0] or text.find(opens) < 40, text[:60]
        assert "".join(holds.split()) in text, text[:60]
    assert not any(phrase in text for phrase in want["not_in_units"] for text in texts)


@pytest.mark.parametrize(("name", "phrase", "granted"), MEASURES, ids=[r[1] for r in MEASURES])
def test_a_measure_grants_its_own_figures(name: str, phrase: str, granted: list[str]) -> None:
    unit = next((m for m in _measures(name) if phrase in m.span), None)
    assert unit is not None, phrase
    assert set(granted) <= {a.text for a in unit.amounts}, [a.text for a in unit.amounts]


def test_no_figure_of_a_chat_is_read_from_a_messages_stamp() -> None:
    amounts = [a.text for m in _measures("ouhai-2026-qqqun.txt") for a in m.amounts]
    assert amounts and not any("2026/" in text or "：" in text for text in amounts), amounts
