"""Work an answer did several times over the same text or the same retrieval is done once (issue 14's
load target, session 23), with the same results: a question's phrases are read for cues once, a
message is converted 繁→简 once, whether a retrieval names a measure is worked out once for that
retrieval (never for the text alone: the same words asked in another place are another answer), and
a ranking makes the clauses an answer reads, not 32."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from knowledge import intent, normalize
from knowledge.evaluation import GOLDEN_DIR
from knowledge.intent import asked_phrases
from knowledge.kb import KnowledgeBase
from knowledge.retrieve import HybridRetriever


def golden_questions() -> list[str]:
    cases = yaml.safe_load((GOLDEN_DIR / "retrieval.yaml").read_text(encoding="utf-8"))
    return [case["question"] for case in cases]


def test_a_question_asked_for_its_phrases_several_ways_is_read_for_cues_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The abstention, the selection and the measures ask the same question's asking phrases, strict
    or not: the cue patterns run over its phrases once."""
    read: list[str] = []
    cue_in = intent._cue_in

    def counted(which: Any, pattern: Any, text: str) -> bool:
        read.append(text)
        return cue_in(which, pattern, text)

    monkeypatch.setattr(intent, "_cue_in", counted)
    question = "春节那会儿我们厂加班生产口罩，新招了一批工人，吸纳就业补贴一人多少钱呢"
    asking = asked_phrases(question)
    assert asking == ("吸纳就业补贴一人多少钱呢",)
    first = len(read)
    assert first > 0
    assert asked_phrases(question, strict=True) == asking
    assert asked_phrases(question) == asking
    assert len(read) == first, "the phrases were read for cues again"


def test_the_phrases_kept_are_those_a_fresh_reading_finds() -> None:
    for question in golden_questions():
        asking, phrases = intent._read_phrases.__wrapped__(question)
        assert asked_phrases(question) == (asking or phrases), question
        assert asked_phrases(question, strict=True) == asking, question


class _CountingConverter:
    def __init__(self, converter: Any) -> None:
        self.converter = converter
        self.texts: list[str] = []

    def convert(self, text: str) -> str:
        self.texts.append(text)
        return str(self.converter.convert(text))


def test_a_message_converted_by_every_reader_of_a_turn_is_converted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingConverter(normalize._t2s())
    monkeypatch.setattr(normalize, "_t2s", lambda: counting)
    message = "我在長春開了個小店一年多了，這個創業補貼怎麼申請（session 23）"
    assert normalize.to_simplified(message) == "我在长春开了个小店一年多了，这个创业补贴怎么申请（session 23）"
    for _ in range(5):
        assert normalize.to_simplified(message) == "我在长春开了个小店一年多了，这个创业补贴怎么申请（session 23）"
    assert counting.texts.count(message) == 1


def test_a_long_document_text_is_converted_each_time_and_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingConverter(normalize._t2s())
    monkeypatch.setattr(normalize, "_t2s", lambda: counting)
    document = "對符合條件的高校畢業生給予一次性創業補貼。" * 100
    assert normalize.to_simplified(document) == normalize.to_simplified(document)
    assert counting.texts.count(document) == 2


def _counting_scope(monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase) -> list[int]:
    matcher = kb.answerer.matcher
    assert matcher is not None
    looked: list[int] = []
    in_scope = matcher._in_scope

    def counted(retrieval: Any, codes: Any) -> Any:
        looked.append(id(retrieval))
        return in_scope(retrieval, codes)

    monkeypatch.setattr(matcher, "_in_scope", counted)
    return looked


def test_whether_a_retrieval_names_a_measure_is_worked_out_once_for_it(
    monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase
) -> None:
    matcher = kb.answerer.matcher
    assert matcher is not None
    looked = _counting_scope(monkeypatch, kb)
    retrieval = kb.retriever.retrieve("一次性创业补贴怎么申请", "巴中")
    assert matcher.names_a_measure(retrieval)
    assert matcher.names_a_measure(retrieval)
    assert matcher.names_a_measure(retrieval, "一次性创业补贴")
    assert matcher.names_a_measure(retrieval, "一次性创业补贴")
    assert len(looked) == 2


def test_the_same_words_asked_in_another_place_are_worked_out_again(kb: KnowledgeBase) -> None:
    """Kept by the retrieval, not by the text: 商洛's documents name no 一次性创业补贴, 巴中's do — and a
    document published or retired changes the retrievals made after it the same way."""
    matcher = kb.answerer.matcher
    assert matcher is not None
    question = "一次性创业补贴怎么申请"
    for _ in range(2):
        assert matcher.names_a_measure(kb.retriever.retrieve(question, "巴中"))
        assert not matcher.names_a_measure(kb.retriever.retrieve(question, "商洛"))
        assert matcher.names_a_measure(kb.retriever.retrieve(question, "长春"))


@pytest.fixture
def made_clauses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    made: list[int] = []
    scored = HybridRetriever.scored

    def counted(self: HybridRetriever, positions: Any, *args: Any) -> Any:
        made.append(len(positions))
        return scored(self, positions, *args)

    monkeypatch.setattr(HybridRetriever, "scored", counted)
    yield made


@pytest.mark.parametrize("question", ["梅河口的高校毕业生自己开网店，一次性创业补贴怎么申请", "失业了能领什么补贴"])
def test_an_answer_makes_the_ranked_clauses_it_reads_not_32(
    kb: KnowledgeBase, made_clauses: list[int], question: str
) -> None:
    answer = kb.answerer.answer(question)
    assert answer.citations
    assert 0 < sum(made_clauses) <= 8, made_clauses


def test_a_ranking_read_deeper_makes_more_as_it_is_read(kb: KnowledgeBase, made_clauses: list[int]) -> None:
    retrieval = kb.retriever.retrieve("资阳招了5个残疾人，社保补贴按多少比例给")
    first = retrieval.in_scope[0]
    assert made_clauses == [8]
    deeper = list(retrieval.ranked[:20])
    assert deeper[0] is first
    assert made_clauses == [8, 8, 16]  # doubled as read, as before past the first 32
