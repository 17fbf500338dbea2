"""Session 34: the scale benchmark timed kept answers (0.0 ms at every scale) since answers are kept per
answerer; `forget_answers` drops them, so a timed pass composes each answer again."""

from __future__ import annotations

from knowledge.kb import KnowledgeBase


def test_an_answer_asked_again_is_the_kept_one_until_the_kept_answers_are_forgotten(kb: KnowledgeBase) -> None:
    question = "长春就业见习补贴每月多少钱"
    first = kb.answerer.answer(question)
    assert kb.answerer.answer(question) is first  # kept
    kb.answerer.forget_answers()
    again = kb.answerer.answer(question)
    assert again is not first and again == first  # composed afresh, the same answer
