"""Classes of answer failure fixed in session 21 (issue 10). Every case is worded apart from the golden
sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import answered, cited

# ---- a named measure asked for a step of applying its clause never states ----


@pytest.mark.parametrize(
    ("question", "aspect", "clause"),
    [
        ("资阳求职创业补贴批下来要多久", "办理时限", "ziyang-2017"),
        ("巴中的求职创业补贴一般几号发下来", "办理时限", "bazhong-2018"),
        ("平顶山一次性吸纳就业补贴在哪个小程序上申请", "办理地点或网站", "pingdingshan-2020"),
        ("吉林初创企业补贴有没有官网可以申请，网址发我", "办理地点或网站", "jilin-2017"),
    ],
)
def test_a_measure_found_but_the_asked_step_unstated_says_so_first(
    kb: KnowledgeBase, question: str, aspect: str, clause: str
) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.NO_ANSWER, result.answer
    first = result.answer.splitlines()[0]
    # the missing step is the first thing read, not the measure's amount
    assert aspect in first, result.answer
    assert cited(result) and cited(result)[0].startswith(clause), cited(result)


def test_a_measure_whose_clause_states_the_asked_channel_is_answered(kb: KnowledgeBase) -> None:
    # 平顶山（二十二）: 2020年4月底前实现线上申领失业保险金 — the channel is written.
    result = answered(kb, "平顶山失业保险金能不能在网上申领，哪个网站")
    assert result.status is AnswerStatus.ANSWERED, result.answer
    assert "pingdingshan-2020-22" in cited(result)


def test_the_amount_of_a_measure_is_still_answered_without_a_procedure_word(kb: KnowledgeBase) -> None:
    result = answered(kb, "平顶山一次性吸纳就业补贴每人多少")
    assert result.status is AnswerStatus.ANSWERED, result.answer
    assert "1000元" in (result.direct_answer or ""), result.answer


# ---- when a document was issued, asked with several time words ----


@pytest.mark.parametrize(
    ("question", "made"),
    [
        ("吉林那份政策措施是几月几号印发的", "2017年10月12日"),
        ("商洛这个就业通知哪年哪月出台的", "2012年6月1日"),
        ("巴中的实施意见是哪一年哪个月发的", "2018年2月1日"),
    ],
)
def test_when_a_document_was_issued_is_answered_from_its_own_data(kb: KnowledgeBase, question: str, made: str) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED, result.answer
    assert made in result.answer.splitlines()[0], result.answer


def test_when_money_is_paid_is_not_read_as_when_a_document_was_issued(kb: KnowledgeBase) -> None:
    # 几月份发 of a subsidy (when it is paid) is no question about the document
    result = answered(kb, "巴中稳岗补贴几月份发")
    assert "正式印发的文件" not in result.answer, result.answer
