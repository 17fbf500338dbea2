"""Classes of abstain misses and first-line failures fixed for session 41 (issue 10, ans41), read from
answers_holdout38; the cases are data (tests/knowledge/data/answer_classes41_ans41.yaml):
- a payment asked for by its purpose in the phrase that asks, answered from a measure the story around it found;
- a thing no document writes, sharing with the best clause only a word that names no thing;
- an outside topic typed with a space inside it;
- one who tells being a provider a measure pays, answered with the employer's measure of the same sentence;
- pinyin whose short function word (de 的), written as a word, was dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes41_ans41.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("question", CASES["declined"])
def test_what_no_document_covers_is_declined_without_a_quote(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER, [c.clause_id for c in answer.citations]
    assert not answer.citations, [c.clause_id for c in answer.citations]


@pytest.mark.parametrize("case", CASES["answered"], ids=[c["question"] for c in CASES["answered"]])
def test_the_asked_measure_answers_first_with_its_own_figure(kb: KnowledgeBase, case: dict[str, object]) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.citations and answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert all(figure in line for figure in case["held"]), line  # type: ignore[attr-defined]


def test_a_short_pinyin_function_word_is_read_only_as_a_word_of_its_own(kb: KnowledgeBase) -> None:
    read = kb.answerer.retrieve("pingdingshan jianxi butie an zuidi gongzi de duoshao").analysis.normalized
    assert "最低工资的多少" in read, read
    # (de inside a word is no word of its own: nothing more is read than the words spelled)
    inside = kb.answerer.retrieve("pingdingshan jianxibutie zuidigongzide duoshao").analysis.normalized
    assert "的" not in inside, inside
