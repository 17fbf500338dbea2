"""Work a policy turn did again and again is done once (issue 14's load target, session 24): the same
question asked again on the same day, in the same place, of the same documents is the answer made the
first time — never for the words alone (another place or another day is another answer), and never one
made while the vector store was unreachable (the next asking tries it again)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from knowledge.answer import Answerer
from knowledge.embeddings import HashingEmbedder
from knowledge.kb import KnowledgeBase
from knowledge.retrieve import HybridRetriever, RetrievalConfig

# Questions of my own (not from a golden set), each asked the way a person types it.
QUESTION = "我在资阳打零工，自己交社保，有没有灵活就业社保补贴，一个月能补多少"
DAY = date(2021, 3, 1)


class _Counting:
    def __init__(self, retriever: HybridRetriever, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[Any] = []
        retrieve = retriever.retrieve

        def counted(question: str | bytes, region: str | None = None) -> Any:
            self.asked.append((question, region))
            return retrieve(question, region)

        monkeypatch.setattr(retriever, "retrieve", counted)


def test_the_same_question_on_the_same_day_is_answered_once(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    answerer = Answerer(kb.retriever, kb.answerer.policy, kb.answerer.matcher, kb.answerer.tokenize)
    counting = _Counting(kb.retriever, monkeypatch)
    first = answerer.answer(QUESTION, None, DAY)
    again = answerer.answer(QUESTION, None, DAY)
    assert again is first
    assert counting.asked == [(QUESTION, None)]
    # Another place, another day: answered again (the place decides the documents, the day what is in force).
    answerer.answer(QUESTION, "巴中", DAY)
    answerer.answer(QUESTION, None, date(2030, 1, 1))
    assert counting.asked == [(QUESTION, None), (QUESTION, "巴中"), (QUESTION, None)]


def test_a_kept_answer_is_the_answer_made_afresh(kb: KnowledgeBase) -> None:
    questions = [
        QUESTION,
        "巴中返乡创业担保贷款最多能贷多少，利息谁出",
        "长春的高校毕业生就业见习补贴怎么申请",
        "平顶山失业了能领失业补助金吗",
        "商洛技能提升补贴要什么条件",
    ]
    answerer = Answerer(kb.retriever, kb.answerer.policy, kb.answerer.matcher, kb.answerer.tokenize)
    kept = [answerer.answer(q, None, DAY) for q in questions]
    for question, answer in zip(questions, kept, strict=True):
        fresh = Answerer(kb.retriever, kb.answerer.policy, kb.answerer.matcher, kb.answerer.tokenize)
        assert answerer.answer(question, None, DAY) is answer
        assert fresh.answer(question, None, DAY) == answer


class _ExplodingEmbedder(HashingEmbedder):
    def embed_query(self, text: str) -> list[float]:
        raise RuntimeError("model crashed")


def test_an_answer_made_without_the_vector_store_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = KnowledgeBase.open(tmp_path, config=RetrievalConfig(dense_weight=0.3, dense_retry_seconds=0.0))
    kb.retriever.embedder = _ExplodingEmbedder()
    counting = _Counting(kb.retriever, monkeypatch)
    degraded = kb.answerer.answer(QUESTION, None, DAY)
    kb.answerer.answer(QUESTION, None, DAY)
    assert len(counting.asked) == 2, "an answer from the lexical index alone was kept"
    kb.retriever.embedder = HashingEmbedder()
    whole = kb.answerer.answer(QUESTION, None, DAY)
    assert len(counting.asked) == 3
    assert kb.answerer.answer(QUESTION, None, DAY) is whole
    assert len(counting.asked) == 3
    assert degraded.question == whole.question
