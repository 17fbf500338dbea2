"""The latency benches (bench/latency.py) time the answer path doing its work on every call — not an answer kept
from an earlier call (issue 10's bench read 0.0 ms that way) — and a bare run of the answer benches leaves the unread
held-out set out (bench/golden_sets.py). Real knowledge base, real index."""

from __future__ import annotations

from bench import golden_sets, latency
from knowledge import evaluation
from knowledge.evaluation import golden_set
from knowledge.kb import KnowledgeBase

ASKED = ("长春大学生创业补贴多少钱", "平顶山失业人员参加职业培训有补贴吗")


def test_the_answerer_keeps_answers_so_a_bench_must_not_time_the_kept_one(kb: KnowledgeBase) -> None:
    # The memo the bench has to get around: asked twice, the very same answer object comes back.
    assert kb.answerer.answer(ASKED[0]) is kb.answerer.answer(ASKED[0])


def test_each_timed_call_composes_its_answer_afresh_instead_of_returning_a_kept_one(kb: KnowledgeBase) -> None:
    kb.answerer.answer(ASKED[0])  # kept
    first, second = latency.answer_path(kb.answerer, ASKED[0]), latency.answer_path(kb.answerer, ASKED[0])
    assert first.answer is not None and second.answer is not None
    assert first.answer is not second.answer
    assert first.answer == second.answer and first.text == second.text


def test_two_distinct_questions_give_two_distinct_rendered_answers(kb: KnowledgeBase) -> None:
    one, other = (latency.answer_path(kb.answerer, q) for q in ASKED)
    assert (one.question, other.question) == ASKED
    assert one.text and other.text and one.text != other.text
    assert one.wall_ms > 0 and other.wall_ms > 0


def test_warm_figures_time_each_distinct_question_once_after_a_warm_up_of_other_questions(kb: KnowledgeBase) -> None:
    questions = [q.question for q in golden_set("retrieval_dev2")][:12]
    questions = [*questions, questions[0]]  # a repeat is timed once only
    path, bare, loop, warmed = latency.warm_figures(kb.answerer, kb.registry.clauses, questions, timed=8, warmup=4)
    assert warmed == 4
    assert len(path.wall) == len(bare.wall) == len(loop.wall) == 8
    assert path.slowest in questions[4:12]


def test_the_answer_path_costs_more_than_the_bare_bm25s_floor_beside_it(kb: KnowledgeBase) -> None:
    # A kept answer comes back in microseconds, under the bare scoring of one question: the old bench's 0.0 ms.
    questions = [q.question for q in golden_set("retrieval")][:16]
    path, bare, _, _ = latency.warm_figures(kb.answerer, kb.registry.clauses, questions, timed=12, warmup=4)
    assert latency.p50(path.wall) > latency.p50(bare.wall)
    assert min(path.cpu) > 0


def test_a_bare_run_of_the_answer_benches_leaves_the_unread_held_out_sets_out() -> None:
    unread = golden_sets.unread_sets()
    assert unread, "each session registers a new held-out set, unread"
    assert not set(unread) & set(golden_sets.default_sets())
    assert set(golden_sets.default_sets()) | set(unread) >= set(evaluation.DEV_SETS)


def test_the_sets_marked_unread_are_registered_held_out_sets_and_only_they_are_held_back() -> None:
    assert set(evaluation.UNREAD_SETS) <= set(evaluation.HOLDOUT_SETS)
    for name in evaluation.UNREAD_SETS:
        assert golden_sets.is_unread(f"knowledge/golden/{name}.yaml")
    assert not golden_sets.is_unread("answers_dev")
    assert golden_sets.is_unread("answers_holdout36") is ("answers_holdout36" in evaluation.UNREAD_SETS)
