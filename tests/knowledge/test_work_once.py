"""Work a question does more than once is done once (issue 14's load target, session 15), with the
same results: a text's places are resolved once, and a batch of ranked clauses is scored with the
question's words weighed once for the batch — the evidence and matched words of every clause are
still what the index says of that clause alone."""

from __future__ import annotations

import pytest

from knowledge.kb import KnowledgeBase
from knowledge.regions import Gazetteer


def test_a_text_resolved_twice_is_resolved_once(kb: KnowledgeBase) -> None:
    gazetteer: Gazetteer = kb.gazetteer
    text = "老家在通江，现在人在成都打工，回去开个小店有补贴吗"
    first = gazetteer.resolve(text)
    assert gazetteer.resolve(text) is first
    assert first.place == "通江县"


@pytest.mark.parametrize(
    "question",
    [
        "梅河口的高校毕业生自己开网店，一次性创业补贴怎么申请",
        "资阳招了5个残疾人，社保补贴按多少比例给",
        "平顶山就业见习补贴每月2000元能补几个月",
        "职业技能提升补贴 高级工证书",
    ],
)
def test_every_ranked_clause_carries_the_evidence_and_words_the_index_finds_in_it(
    kb: KnowledgeBase, question: str
) -> None:
    retrieval = kb.retriever.retrieve(question)
    tokens = kb.retriever.query_tokens(retrieval.analysis)
    positions = kb.retriever.positions
    ranked = list(retrieval.ranked[:40])
    assert any(item.evidence > 0 for item in ranked)
    for item in ranked:
        at = positions[item.clause.id]
        assert item.evidence == round(kb.lexical.evidence(at, tokens), 3)
        assert list(item.matched) == kb.lexical.matched_tokens(at, tokens)
