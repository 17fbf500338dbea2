"""What one answer worked out twice is worked out once (issue 10: warm p95 ≤ 10 ms, session 40): `measures_first`
and `decide` read the same searched ranking, so its abstention and its measure selection are kept by that very
ranking; a ranking made anew (another question, the same question asked again, a ranking led by another clause)
works them out afresh. A word's glossary readings, asked of every candidate measure, are those a fresh look-up
gives; and the latency bench times the answer path after `KnowledgeBase.warm()`, as a server
answers. Real knowledge base, real index; the golden answers (test_same_answers) guard the whole path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bench import latency
from knowledge import answer as answer_module
from knowledge import measure_answer
from knowledge.answer import Answerer
from knowledge.evaluation import golden_set
from knowledge.kb import KnowledgeBase
from knowledge.query import glossary_meanings

# Questions of my own (no golden set's): a sum by a measure's name, a person's story, one no document answers.
ASKED = ("长春大学生创业补贴多少钱", "我在平顶山下岗了，去学电焊有补贴吗", "资阳招了两个大学生，企业能拿啥补贴")


@pytest.fixture
def counted(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    counts = {"select": 0, "abstention": 0}
    select, abstention = answer_module.select, Answerer._abstention

    def counting_select(*args: Any, **kwargs: Any) -> Any:
        counts["select"] += 1
        return select(*args, **kwargs)

    def counting_abstention(self: Answerer, retrieval: Any) -> Any:
        counts["abstention"] += 1
        return abstention(self, retrieval)

    monkeypatch.setattr(answer_module, "select", counting_select)
    monkeypatch.setattr(Answerer, "_abstention", counting_abstention)
    kb.answerer.forget_answers()
    yield counts
    kb.answerer.forget_answers()


@pytest.mark.parametrize("question", ASKED)
def test_an_answer_abstains_and_selects_once_on_its_searched_ranking(
    kb: KnowledgeBase, counted: dict[str, int], question: str
) -> None:
    kb.answerer.answer(question)
    assert counted["abstention"] == 1
    assert counted["select"] == 1


@pytest.mark.parametrize("question", ASKED)
def test_a_ranking_made_anew_is_worked_out_anew_and_answered_alike(
    kb: KnowledgeBase, counted: dict[str, int], question: str
) -> None:
    first = kb.answerer.answer(question)
    selected = counted["select"]
    kb.answerer.forget_answers()
    again = kb.answerer.answer(question)
    assert counted["abstention"] == 2
    assert counted["select"] == 2 * selected
    assert again == first and again is not first


def test_the_kept_work_is_bounded(kb: KnowledgeBase) -> None:
    kb.answerer.forget_answers()
    for question in [q.question for q in golden_set("retrieval_dev2")][:20]:
        kb.answerer.answer(question)
    assert 0 < len(kb.answerer._worked_out) <= answer_module.RETRIEVALS_KEPT


def _held_by_scan(word: str, texts: tuple[str, ...]) -> bool:
    return any(reading in text for reading in (word, *glossary_meanings(word)) for text in texts)


@pytest.mark.parametrize("word", ["大学生", "退伍", "下岗", "补贴", "残疾儿童", "小卖部老板", ""])
def test_a_word_is_held_by_a_measure_as_the_glossary_scan_held_it(word: str) -> None:
    texts = ("对高校毕业生给予一次性求职创业补贴", "退役士兵", "失业人员", "残疾人")
    assert measure_answer._held(word, texts) == _held_by_scan(word, texts)


def test_the_bench_warms_the_knowledge_base_before_it_times_an_answer(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []
    answer_path = latency.answer_path

    def timed(answerer: Answerer, question: str) -> latency.Timed:
        order.append("answer")
        return answer_path(answerer, question)

    questions = [q.question for q in golden_set("retrieval_dev2")][:8]
    monkeypatch.setattr(latency, "answer_path", timed)
    latency.print_latency(kb.answerer, kb.registry.clauses, questions, None, 0, warm=lambda: order.append("warm"))
    assert order[0] == "warm" and order.count("warm") == 1 and "answer" in order
    assert "KnowledgeBase.warm()" in capsys.readouterr().out
