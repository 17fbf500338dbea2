"""Classes of answer failure fixed for session 38 (issue 10, ans32), read from answers_holdout35. Every case is
worded apart from the golden and chat sets, from the source clauses:
- abstain (status): a document told by its year before the pointing word (2017年那个就业创业政策措施 还有效没) is
  the document of that year asked of its status, as 那个2017年的… already was — answered from its own data;
- measure choice / region: a name the person tells as already had (失业保险金领完了) is their situation, not the
  measure asked — 阶段性延长领取失业保险金期限 (资阳（五）, 吉林（三十）) is not named by it, so a place-less question
  about what comes after is answered by 平顶山（二十二） 失业补助金 alone, for that one region;
- English: the kinds of place or body a measure funds (studio, training base, makerspace) and what it funds them for
  (construction) are policy terms — 巴中（十七） 市级技能大师工作室 5万元 is read, never 50万元 from fragments;
- abstain: 低保 said alone is the allowance a standard sets, which no document states (as 低保金, 低保标准 already
  were) — asked its amount, the plain refusal, never a target figure of the clause about 农村劳动力; 低保户 and 低保家庭
  are people, whose measures are still answered."""

from __future__ import annotations

import pytest

from bot.present.answers import answer_result, answer_text
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("资阳2017年那套就业创业政策 现在还算数不", "资阳市人民政府关于做好当前和今后一段时期就业创业工作的实施意见"),
        ("吉林2017年那个就业创业政策措施 明年还有效不", "吉政发〔2017〕32号"),
    ],
)
def test_a_document_told_by_its_year_before_the_pointing_word_is_asked_of_its_status(
    kb: KnowledgeBase, question: str, document: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    text = answer_text(answer)
    assert document in text
    assert "正式印发" in text


@pytest.mark.parametrize(
    "question",
    ["失业保险金都领完了 工作还没着落 后面还能领点啥 领多久", "我失业保险金已经领到期了 还是没找到工作 有啥补助没"],
)
def test_a_name_told_as_already_had_does_not_name_the_measure_asked(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert [m.measure_id for m in answer.measures] == ["pingdingshan-2020.unemployment_assistance_allowance"]
    assert "延长领取失业保险金期限" not in answer_text(answer)


@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        ("Bazhong skills master studio construction subsidy, how much?", "5万元", "50万元"),
        (
            "How much construction subsidy does Bazhong give a city-level high-skilled talent training base?",
            "50万元",
            "5万元",
        ),
    ],
)
def test_english_names_of_what_a_measure_funds_are_read(
    kb: KnowledgeBase, question: str, figure: str, other: str
) -> None:
    result = answer_result(kb.answerer.answer(question, None, AS_OF))
    assert result.direct_answer is not None
    first = result.direct_answer.splitlines()[0]
    assert figure in first
    assert other not in first.replace(figure, "")


@pytest.mark.parametrize("question", ["巴中城里的低保每个月能发多少", "资阳农村低保一年给多少钱"])
def test_the_allowance_a_standard_sets_asked_by_its_short_name_is_not_answered(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is not AnswerStatus.ANSWERED
    assert not answer.measures


def test_people_on_the_allowance_are_still_a_group_whose_measures_are_answered(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("吉林 低保家庭的大学生 毕业那年找工作 有一次性补贴吗", None, AS_OF)
    assert "jilin-2017.job_search_subsidy" in [m.measure_id for m in answer.measures]
