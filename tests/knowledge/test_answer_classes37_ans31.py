"""Classes of answer failure fixed in session 37 (issue 10, ans31), read from answers_holdout34. Every case is
worded apart from the golden and chat sets:
- abstain: a yes-or-no question on a thing outside the documents (中考加分吗), asked after the person's group that a
  clause matches strongly (退役军人子女 — 资阳（十六）, 吉林 on 退役军人), asks that thing: the group is only who
  asks, so the strong match is no evidence the documents answer it. A question that asks a measure the documents
  name after telling the outside thing (孩子高考了 创业担保贷款能贷不) is still answered."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF


@pytest.mark.parametrize("question", ["巴中 退役军人的孩子 中考能加分吗", "吉林 退役军人子女 中考加分吗"])
def test_a_yes_no_question_on_an_outside_thing_after_the_askers_group_is_a_near_miss(
    kb: KnowledgeBase, question: str
) -> None:
    assert kb.answerer.answer(question, None, AS_OF).status is AnswerStatus.NO_ANSWER


@pytest.mark.parametrize("question", ["吉林 退役军人 孩子高考了 创业担保贷款能贷不", "资阳 退役士兵 自主就业有扶持不"])
def test_a_measure_asked_after_an_outside_thing_told_is_still_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.answerer.answer(question, None, AS_OF).status is AnswerStatus.ANSWERED
