"""Classes a newcomer's walk found in session 41 (issue 10, ans42); the cases are data
(tests/knowledge/data/answer_classes41_ans42.yaml):
- another place's figure offered as a reference (供参考（其他地区）) when the asked place's measure states none: a
  figure is only ever shown with the asked measure, so the answer says none is written and quotes no other place;
- one who tells being the provider a measure pays is told the measure "不是发给个人的";
- jieba glues a verb to the first character of what a payment is for (领取/暖/补贴)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from knowledge.query import jieba_words, tokenize
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes41_ans42.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["no_figure_here"], ids=[c["question"] for c in CASES["no_figure_here"]])
def test_a_measure_stating_no_figure_is_said_so_without_another_places_figure(
    kb: KnowledgeBase, case: dict[str, object]
) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    result = answer_result(answer)
    line = result.direct_answer or ""
    assert "没有写明" in line, line
    assert "其他地区" not in line, line
    assert {c.jurisdiction for c in answer.citations} == {case["place"]}, [c.clause_id for c in answer.citations]
    shown = "\n".join((line, *(c.quote for c in result.citations)))
    assert not [f for f in case["absent"] if f in shown], shown  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES["provider_asking"], ids=[c["question"] for c in CASES["provider_asking"]])
def test_the_provider_a_measure_pays_is_not_told_it_is_not_theirs(kb: KnowledgeBase, case: dict[str, object]) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.citations and answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert "不是发给个人" not in line, line
    assert "发给服务机构" in line, line  # whom the text names it for is still said


@pytest.mark.parametrize("case", CASES["kept_whole"] + CASES["cut_right"], ids=lambda c: c["text"])
def test_what_a_payment_is_for_is_one_word_whatever_verb_comes_before_it(case: dict[str, object]) -> None:
    words = jieba_words(str(case["text"]))
    at = words.index(case["words"][-1])  # type: ignore[index]
    assert words[at - len(case["words"]) + 1 : at + 1] == case["words"], words  # type: ignore[arg-type]
    if case in CASES["kept_whole"]:
        assert all(w in tokenize(str(case["text"])) for w in case["words"][1:]), tokenize(str(case["text"]))  # type: ignore[index]
