"""Classes of answer failure fixed in session 17 (issue 10). Every case is worded apart from the golden
sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.spelling import Speller
from tests.knowledge.test_answer_classes12 import answered, cited

# ---- a lone character shared with a clause is no evidence of its topic ----


@pytest.mark.parametrize(
    "question",
    [
        "资阳 承包鱼塘 每亩地补贴多少钱",  # 地 of 亩地 is in 土地 / 基地 elsewhere; nothing covers fish ponds
        "巴中 退耕还林一亩地补多少",
    ],
)
def test_a_question_sharing_only_a_lone_character_and_subsidy_is_not_answered(kb: KnowledgeBase, question: str) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.NO_ANSWER, (cited(result), result.direct_answer)
    assert not result.citations


def test_a_lone_character_used_as_in_the_clause_still_counts(kb: KnowledgeBase) -> None:
    # 平顶山（二十七）: 稳就业 — 稳 beside 就 in the question and in the clause.
    result = answered(kb, "平顶山 稳就业谁来负责")
    assert result.status is not AnswerStatus.NO_ANSWER
    assert any(c.clause_id.startswith("pingdingshan-2020") for c in result.citations)


# ---- a policy word typed with a same-sounding character reads as the word on every way in ----


def test_a_misspelt_policy_word_is_read_as_the_word_by_the_answerer(kb: KnowledgeBase) -> None:
    # 巴中（六）: 创业担保贷款 — 代款 is one tap away from 贷款 on a pinyin keyboard.
    typed = answered(kb, "巴中 创业担保代款 最多能贷多少")
    right = answered(kb, "巴中 创业担保贷款 最多能贷多少")
    assert typed.status is right.status and cited(typed) == cited(right)
    assert typed.direct_answer == right.direct_answer


def test_a_phrase_with_a_particle_is_never_corrected_towards() -> None:
    # 找了个工作 is zhao le without tones, as the hiring phrase 招了 — finding work is not hiring.
    speller = Speller(["招了", "雇了", "贷款", "补贴"])
    assert speller.correct("我女儿去年找了个工作") == "我女儿去年找了个工作"
    assert speller.correct("那个创业补帖咋申请") == "那个创业补贴咋申请"


def test_the_answerer_reads_a_word_by_its_tones_only() -> None:
    # 找人 is zhao ren without tones, like the hiring word 招人; with tones (zhao3 / zhao1) it is not.
    speller = Speller(["招人", "补助金", "租金", "贷款"], toneless=False)
    assert speller.correct("想找人社帮忙找工作") == "想找人社帮忙找工作"
    assert speller.correct("创业担保代款") == "创业担保贷款"
