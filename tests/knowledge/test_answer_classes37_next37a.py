"""Classes of answer failure fixed for session 37 (issue 10, next37a), read from answers_holdout33. Every case is
worded apart from the golden and chat sets, from the source clauses:
- measure choice: a measure for a kind of employer narrowed by a policy concept the question never says
  (巴中（十三） 去产能企业…给予稳岗补贴; 资阳（十一） 新业态企业…享受企业吸纳就业扶持政策) does not answer one who
  says only 企业 or names another kind (社会组织) while a measure for the kind as said is close (巴中（四） 对符合条件的
  企业…给予稳岗补贴; 资阳（十二） 对吸纳高校毕业生就业的社会组织…同等享受企业吸纳就业扶持政策) — nor is the narrower
  measure's figure (70%) the general one's;
- abstain: a sum told beside a thing no document writes (手机, 耳机, 衣服) is that thing's price, not the figure
  of a measure (吉林（二十） 技能提升补贴…2000元 is no answer to what phone to buy);
- abstain: the policies of a field told by their year (2017年的就业创业政策措施 还有效吗) are the document of that
  year, asked of its status — answered from the document's own data (吉政发〔2017〕32号, 正式印发);
- retrieval: money given once to start a business, named by what it is for (创业启动金, 开办补贴), is the documents'
  一次性创业补贴 (吉林（七） 给予一次性5000元初创企业补贴) — not 启动资金, the capital one lacks (a loan)."""

from __future__ import annotations

import pytest

from bot.present.answers import answer_text
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF


@pytest.mark.parametrize(
    ("question", "measure", "not_shown"),
    [
        ("巴中 企业不裁员能拿稳岗返还吗 标准多少", "bazhong-2018.job_stabilization_subsidy", "70%"),
        (
            "资阳 我们社会组织新招了两个大学生 企业吸纳就业的扶持政策能用吗",
            "ziyang-2017.social_organization_hiring_graduates",
            "新业态企业",
        ),
    ],
)
def test_a_measure_for_a_narrower_kind_of_employer_than_said_does_not_answer(
    kb: KnowledgeBase, question: str, measure: str, not_shown: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert [m.measure_id for m in answer.measures][:1] == [measure]
    assert not_shown not in answer_text(answer).split("依据政策原文")[0]


def test_the_narrower_kind_said_still_answers_with_its_own_figure(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("巴中 去产能企业不裁员 稳岗补贴标准多少", None, AS_OF)
    assert [m.measure_id for m in answer.measures][:1] == ["bazhong-2018.overcapacity_job_stabilization_subsidy"]
    assert "70%" in answer_text(answer)


@pytest.mark.parametrize("question", ["三百块买个啥耳机划算", "两千块钱买个啥手机", "1000块钱的衣服贵不贵"])
def test_a_sum_told_beside_a_thing_no_document_writes_names_no_measure(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not answer.measures


@pytest.mark.parametrize(("question", "measure"), [("吉林那个5000块的 我能要不", "jilin-2017.startup_subsidy")])
def test_a_sum_told_alone_still_names_the_measure_stating_it(kb: KnowledgeBase, question: str, measure: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert measure in [m.measure_id for m in answer.measures]


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("吉林2017年就业创业的政策措施 还有效吗", "吉政发〔2017〕32号"),
        (
            "巴中2018年出的就业创业政策 现在还管用不",
            "巴中市人民政府关于进一步做好当前和今后一段时期就业创业工作的实施意见",
        ),
        ("资阳那个2017年的就业创业政策 现在还算数不", "资阳市人民政府关于做好当前和今后一段时期就业创业工作的实施意见"),
    ],
)
def test_the_policies_of_a_field_told_by_their_year_are_the_document_asked_of_its_status(
    kb: KnowledgeBase, question: str, document: str
) -> None:
    text = answer_text(kb.answerer.answer(question, None, AS_OF))
    assert document in text
    assert "正式印发" in text


@pytest.mark.parametrize("question", ["吉林这边给大学生的创业启动金是多少", "吉林 大学生创业 开办补贴给多少钱"])
def test_money_given_once_to_start_a_business_is_the_start_up_subsidy(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert [m.measure_id for m in answer.measures][:1] == ["jilin-2017.startup_subsidy"]
    assert "5000元" in answer_text(answer).split("依据政策原文")[0]
