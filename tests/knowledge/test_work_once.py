"""Work a question does more than once is done once (issue 14's load target, session 15), with the
same results: a text's places are resolved once, and a batch of ranked clauses is scored with the
question's words weighed once for the batch — the evidence and matched words of every clause are
still what the index says of that clause alone."""

from __future__ import annotations

import random

import jieba
import pytest

from knowledge.kb import KnowledgeBase
from knowledge.query import _CUTS_KEPT, _jieba_words, _tokens, jieba_words, tokenize
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


def test_the_glossary_words_a_question_says_are_found_by_one_scan_as_by_every_length(kb: KnowledgeBase) -> None:
    analyzer = kb.analyzer
    entries = analyzer._say_entries
    terms = sorted(entries)
    rng = random.Random(15)
    texts = ["我下岗两年了想开个小店，贷款咋弄", "大学生自主创业有补贴吗", "灵活就业交社保能补多少"]
    texts += ["".join(rng.choice([*terms, "，", "我", "了"]) for _ in range(rng.randint(1, 8))) for _ in range(300)]
    for text in texts:
        by_length = {
            index
            for n in {len(term) for term in terms}
            for i in range(len(text) - n + 1)
            for index in entries.get(text[i : i + n], ())
        }
        # (entries said by a pattern, 开个小店, are found by their regular expressions on top)
        by_pattern = {index for index, pattern in analyzer._said_by_pattern if pattern.search(text)}
        assert analyzer._entries_said(text) == sorted(by_length | by_pattern), text


def test_a_message_read_by_several_analyzers_is_cut_by_jieba_once() -> None:
    """The speller, the regions and the answer each ask for the same message's words: jieba cuts it
    once per mode, and every caller still gets the same words as its own list."""
    text = "我在商洛打零工，灵活就业自己交社保，能领多少社保补贴"
    words, tokens = jieba_words(text), tokenize(text)
    cuts_before = _jieba_words.cache_info().hits + _tokens.cache_info().hits
    words.append("改动")  # one caller's list is its own: the kept cut is not changed through it
    tokens.clear()
    assert jieba_words(text) == [str(w) for w in jieba.lcut(text)]
    assert tokenize(text) == list(_tokens.__wrapped__(text))
    assert "灵活就业" in jieba_words(text) and "灵活就业" in tokenize(text)
    assert _jieba_words.cache_info().hits + _tokens.cache_info().hits >= cuts_before + 4


def test_only_the_cuts_of_the_last_few_messages_are_kept() -> None:
    for n in range(3 * _CUTS_KEPT):
        tokenize(f"第{n}个问题：失业保险金怎么领")
    assert _tokens.cache_info().currsize <= _CUTS_KEPT
