"""Classes of answer failure fixed in session 28 (ans17, issue 10), found on answers set 25 once
opened: the dialect 好多 asking a sum beside another figure question, a share asked by the word that
names it (失业率: 率 asks a share, 失业 says of what), and a policy term of three characters or more typed
with one same-sounding character where the pair holding it is a word of its own (补注). Every case is
worded apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.intent import classify, spoken_how
from knowledge.kb import KnowledgeBase
from knowledge.spelling import Speller

AS_OF = date(2026, 12, 5)


def direct(kb: KnowledgeBase, question: str) -> str:
    return answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or ""


# ---- 好多 asking a sum, beside another figure asked ----


def test_dialect_how_much_is_read_as_the_sum_asked() -> None:
    assert "money" in classify("担保贷款能贷好多 收不收利息").units
    assert spoken_how("补贴能发好多钱") == "补贴能发多少钱"
    # told, not asked: left as written
    assert spoken_how("这两年物价涨了好多，补贴够不够") == "这两年物价涨了好多，补贴够不够"


def test_a_loan_asked_with_hao_duo_beside_its_interest_gets_its_cap(kb: KnowledgeBase) -> None:
    assert "最高不超过10万元" in direct(kb, "资阳贫困户自己创业，担保贷款能贷好多 收不收利息")


# ---- a share asked by the word naming it ----


@pytest.mark.parametrize("question", ["商洛的失业率压到多少", "商洛失业率上限定的多少"])
def test_a_rate_named_by_its_word_is_the_topic_asked(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert "4.5%" in direct(kb, question)


# ---- a policy term typed with one same-sounding character inside a word of its own ----


def test_a_long_term_with_one_same_sounding_character_is_read_whole() -> None:
    speller = Speller(["技工学校", "失业补助金"], toneless=False, whole_terms=["技工学校", "失业补助金"])
    assert speller.correct("计工学校读书有没有补贴") == "技工学校读书有没有补贴"
    # a term not given whole is never read whole
    assert Speller(["技工学校"], toneless=False).correct("计工学校读书") == "计工学校读书"


def test_a_character_that_is_a_word_of_its_own_is_never_read_into_a_term() -> None:
    # 为 may be read wèi like 未, but here it is a word of its own: 认定为 is no 未就业
    speller = Speller(["未就业"], toneless=False, whole_terms=["未就业"])
    assert speller.correct("被认定为就业扶贫基地的企业") == "被认定为就业扶贫基地的企业"


def test_an_everyday_phrase_is_never_read_whole() -> None:
    # 往上申请 (apply to the level above) sounds like the glossary's everyday 网上申请: only policy
    # terms are read whole
    speller = Speller(["网上申请"], toneless=False, whole_terms=[])
    assert speller.correct("这个要往上申请吗") == "这个要往上申请吗"


def test_a_misspelt_benefit_name_finds_its_measure(kb: KnowledgeBase) -> None:
    line = direct(kb, "领完失业金还没找到活，平顶山那个失业补注金一个月给多少")
    assert "失业补助金" in line and "80%" in line


# ---- a draft asked by its everyday names ----


@pytest.mark.parametrize("question", ["平顶山那份稳就业的意见还只是草稿吧", "巴中这个政策是不是初稿"])
def test_a_draft_asked_in_everyday_words_is_a_status_question(kb: KnowledgeBase, question: str) -> None:
    assert classify(question).primary.value == "status"
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    line = direct(kb, question)
    assert ("征求意见稿" in line) == question.startswith("平顶山")


# ---- an outside topic asked after a story that matches a clause strongly ----


def test_an_outside_topic_asked_after_a_matching_story_is_declined(kb: KnowledgeBase) -> None:
    question = "我在巴中开网约车，按灵活就业人员身份缴存了住房公积金，现在要咋个提取"
    assert kb.answerer.answer(question, None, AS_OF).status is AnswerStatus.NO_ANSWER
    # what the clause itself grants is still answered
    told = "巴中灵活就业人员能缴存住房公积金吗"
    assert kb.answerer.answer(told, None, AS_OF).status is AnswerStatus.ANSWERED
