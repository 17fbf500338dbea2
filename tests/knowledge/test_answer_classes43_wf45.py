"""Classes a newcomer's walk found in session 43 (issue 10, wf45): which measure or clause answers — whether one
belongs to a group of people (answered by what the document says the group is, or plainly undefined), a loan's
interest asked for a group (the loan answers), and whom to ask where the clause names its offices. The cases are
data (tests/knowledge/data/answer_classes43_wf45.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes43_wf45.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["group_described"], ids=lambda c: c["question"])
def test_whether_one_belongs_to_a_group_is_answered_by_whom_the_document_says_it_is(
    kb: KnowledgeBase, case: dict[str, str]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    text = answer_result(answer).answer
    assert answer.status is AnswerStatus.ANSWERED, text
    assert [c.clause_id for c in answer.citations][:1] == [case["clause"]], text
    assert case["said"] in text.splitlines()[0], text


@pytest.mark.parametrize("case", CASES["group_undefined"], ids=lambda c: c["question"])
def test_a_group_the_document_never_defines_is_said_undefined_beside_how_it_is_recognised(
    kb: KnowledgeBase, case: dict[str, str]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    text = answer_result(answer).answer
    assert answer.status is AnswerStatus.NO_ANSWER, text
    assert answer.missing is not None and answer.missing.kind == "definition", text
    assert [c.clause_id for c in answer.citations][:1] == [case["clause"]], text
    assert "年龄" not in text.splitlines()[0], text


@pytest.mark.parametrize("case", CASES["interest_of_a_loan"], ids=lambda c: c["question"])
def test_a_loans_interest_asked_for_a_group_is_answered_by_the_loan(kb: KnowledgeBase, case: dict[str, str]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    shown = [m.measure_id for m in (answer.direct.measures if answer.direct else ())]
    assert shown[:1] == [case["measure"]], answer_result(answer).answer


@pytest.mark.parametrize("case", CASES["offices_to_ask"], ids=lambda c: c["question"])
def test_where_to_apply_unstated_names_the_offices_the_clause_names(kb: KnowledgeBase, case: dict[str, str]) -> None:
    text = answer_result(kb.answerer.answer(case["question"], None, AS_OF)).answer
    assert case["offices"] in text.splitlines()[-1], text
    assert "没有写明" in text, text


@pytest.mark.parametrize("case", CASES["training_for_a_trade"], ids=lambda c: c["question"])
def test_training_for_a_trade_is_answered_by_the_job_training_subsidy(kb: KnowledgeBase, case: dict[str, str]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    text = answer_result(answer).answer
    shown = [m.measure_id for m in (answer.direct.measures if answer.direct else ())]
    assert shown[:1] == [case["measure"]], text
    assert case["not_shown"] not in text, text


@pytest.mark.parametrize("case", CASES["certificate_upgrade"], ids=lambda c: c["question"])
def test_a_certificate_told_is_answered_by_the_skill_upgrade_subsidy(kb: KnowledgeBase, case: dict[str, str]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    shown = [m.measure_id for m in (answer.direct.measures if answer.direct else ())]
    assert shown[:1] == [case["measure"]], answer_result(answer).answer


@pytest.mark.parametrize("question", CASES["procedure_of_an_adjusted_benefit"])
def test_how_to_claim_a_benefit_is_not_answered_by_a_measure_adjusting_it(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER, answer_result(answer).answer
    assert not answer.citations, answer_result(answer).answer


@pytest.mark.parametrize("question", CASES["offices_not_lent"])
def test_a_clause_quoted_on_shared_words_lends_no_offices(kb: KnowledgeBase, question: str) -> None:
    text = answer_result(kb.answerer.answer(question, None, AS_OF)).answer
    assert "写明的牵头部门" not in text and "写明的责任部门" not in text, text
