"""Session 42 (docans43, issue 13 item 4 with issue 10's rule): a question that holds the asker's own figure against a
measure's condition (我今年57了还能报名不, 执照拿到十个月了) or asks the condition's figure (一个月得上多少个钟头, 要上
多少课时) is answered first by that condition's phrase, verbatim from the clause, and the grant after it — a new
document's measure carries no curated conditions, so the phrases bounding one are read from its sentence. A question
asking only the grant is answered by the grant. Documents written for these tests (`data/docans43/`), not the
bench's sets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.granted_figures import bounded_conditions
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_documents_session18 import published_knowledge

DATA = Path(__file__).parent / "data" / "docans43"
ASKED = yaml.safe_load((DATA / "asked.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    data_dir = tmp_path_factory.mktemp("docans43")
    yield published_knowledge(data_dir, [str(DATA / "ningguo-2026-mingbaizhi.txt")])


ROWS = ASKED["asked"]


@pytest.mark.parametrize(("question", "region", "anchor", "held", "absent"), ROWS, ids=[r[0] for r in ROWS])
def test_the_first_line_says_the_condition_held_against_then_the_grant(
    knowledge: KnowledgeBase, question: str, region: str, anchor: str, held: list[str], absent: list[str]
) -> None:
    answer = knowledge.answerer.answer(question, region)
    assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
    line = (answer_result(answer).direct_answer or "").split("\n", 1)[0]
    assert all(word in line for word in held), line
    assert not any(word in line for word in absent), line
    if len(held) > 1:
        assert line.index(held[0]) < line.index(held[-1]), line  # the condition first, the grant after it


BOUNDED = ASKED["bounded"]


@pytest.mark.parametrize(("span", "want"), BOUNDED, ids=[r[0] for r in BOUNDED])
def test_a_condition_bound_is_told_from_a_granted_period_or_sum(span: str, want: list[list[str]]) -> None:
    assert [list(found) for found in bounded_conditions(span)] == want
