"""Latin-script questions (issue 10 §4): pinyin of our own vocabulary and a short English term list
are read back into Chinese; anything else gets a polite request for Chinese, never an answer."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.errors import QueryError
from knowledge.kb import KnowledgeBase
from knowledge.latin import LatinReader, is_latin_question
from knowledge.query import LATIN_NOT_UNDERSTOOD


@pytest.mark.parametrize(
    "question,chinese",
    [
        ("pingdingshan shiye buzhujin", "平顶山失业补助金"),
        ("ping ding shan shi ye bu zhu jin", "平顶山失业补助金"),
        ("PingDingShanShiYeBuZhuJin", "平顶山失业补助金"),
        ("bazhong chuangye danbao daikuan duoshao", "巴中创业担保贷款多少"),
        ("Jilin startup subsidy for graduates", "吉林创业补贴高校毕业生"),
        ("how much is the startup loan in Bazhong", "多少创业担保贷款巴中"),
    ],
)
def test_pinyin_and_english_policy_words_are_read_into_chinese(kb: KnowledgeBase, question: str, chinese: str) -> None:
    assert kb.analyzer.analyze(question).normalized == chinese


@pytest.mark.parametrize("question", ["python quicksort", "hello", "what is the weather in Beijing", "asdf qwer"])
def test_other_latin_text_gets_a_polite_request_for_chinese(kb: KnowledgeBase, question: str) -> None:
    with pytest.raises(QueryError) as raised:
        kb.answerer.answer(question)
    assert str(raised.value) == LATIN_NOT_UNDERSTOOD


def test_a_pinyin_question_is_answered_from_the_clause_it_names(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("pingdingshan shiye buzhujin")
    assert answer.status == AnswerStatus.ANSWERED
    assert answer.citations[0].clause_id == "pingdingshan-2020-22"


def test_a_pinyin_place_outside_our_documents_is_region_not_covered(kb: KnowledgeBase) -> None:
    assert kb.answerer.answer("chengdu chuangye butie").status == AnswerStatus.REGION_NOT_COVERED


def test_a_place_name_alone_is_not_a_policy_question() -> None:
    reader = LatinReader(terms=["创业补贴"], places=["平顶山", "巴中"])
    assert reader.read("pingdingshan bazhong") is None
    reading = reader.read("pingdingshan chuangye butie")
    # (the policy words may be read whole or as the English tables' words, 创业 + 补贴: the same Chinese)
    assert reading is not None and reading.chinese == "平顶山创业补贴" and "平顶山" not in reading.terms


@pytest.mark.parametrize(
    "text,latin", [("abc", True), ("吉林 startup", False), ("123", False), ("ＡＢＣ创业", False), ("!!!", False)]
)
def test_only_text_without_any_chinese_character_is_read_as_latin(text: str, latin: bool) -> None:
    assert is_latin_question(text) is latin


@pytest.mark.parametrize(
    ("question", "clause", "figure"),
    [
        # Plurals and -ing forms are read by their base form (workers → worker, upgrading → upgrade).
        (
            "What is the skill upgrading subsidy for employees holding a vocational certificate in Changchun?",
            "jilin-2017-20",
            "1000元",
        ),
        ("Do graduates get startup subsidies in Jilin, and how much?", "jilin-2017-07", "5000元"),
    ],
)
def test_a_longer_english_question_is_read_by_the_base_forms_of_its_words(
    kb: KnowledgeBase, question: str, clause: str, figure: str
) -> None:
    answer = kb.answerer.answer(question)
    assert answer.status == AnswerStatus.ANSWERED
    assert answer.citations[0].clause_id == clause
    assert any(figure in c.quote for c in answer.citations)


def test_base_forms_never_turn_a_word_into_an_unrelated_one(kb: KnowledgeBase) -> None:
    reader = kb.analyzer._latin  # the analyzer's own reader, with our vocabulary
    assert reader._base_form("allowances") == "allowance"
    assert reader._base_form("loans") == "loan"
    assert reader._base_form("workers") == "worker"
    assert reader._base_form("business") == "business"  # -ss is not a plural
    assert reader._base_form("shiye") == "shiye"  # pinyin stays as written
