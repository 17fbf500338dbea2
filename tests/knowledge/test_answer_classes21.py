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


# ---- a measure named by a shared name, while another of its region holds the thing asked ----


@pytest.mark.parametrize(
    "question",
    [
        "巴中入驻创业孵化基地的，宽带网络能补多少",
        "巴中创业孵化基地入驻以后 房租给补吗",
        "平昌的创业孵化基地 进驻后房租咋补",
    ],
)
def test_the_measure_holding_the_thing_asked_comes_before_the_one_named(kb: KnowledgeBase, question: str) -> None:
    # 巴中（六）: 对入驻创业园区(孵化基地)创业的，由受益财政适当给予房租、宽带网络、公共软件等补贴 — the
    # 创业孵化基地 said also names（十三）'s 优先安排入驻各类创业孵化基地 for 去产能企业失业人员.
    result = answered(kb, question)
    assert cited(result)[0] == "bazhong-2018-06", (cited(result), result.answer)


def test_the_named_measure_stays_when_it_holds_what_is_asked(kb: KnowledgeBase) -> None:
    result = answered(kb, "巴中去产能企业的失业人员能优先入驻创业孵化基地吗")
    assert cited(result)[0] == "bazhong-2018-13", (cited(result), result.answer)


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        # a figure told names the best one (那个5000元的), and a group of people is no thing asked
        ("长春那个5000元的创业补贴 我这种开小卖部的能领吗", "jilin-2017-07"),
        ("吉林高校毕业生创业担保贷款的额度最高是多少", "jilin-2017-06"),
        # two questions, the first about the named measure itself: it stays first
        ("巴中技能大师工作室能补多少 高级技师又有啥待遇", "bazhong-2018-17"),
    ],
)
def test_the_named_measure_stays_when_a_phrase_asks_about_it(kb: KnowledgeBase, question: str, clause: str) -> None:
    assert cited(answered(kb, question))[0] == clause


# ---- money described (政府给多少) after a situation that holds an outside topic (加班) ----


@pytest.mark.parametrize(
    "question",
    [
        "平顶山 我们厂春节加班赶制消毒液 招了几个新工人 每个人政府给多少",
        "平顶山的厂子春节期间加班生产防疫物资，新招的员工一个人能拿几个钱",
    ],
)
def test_money_described_is_asked_though_the_story_tells_an_outside_topic(kb: KnowledgeBase, question: str) -> None:
    # 平顶山（九）: 对2020年春节期间开工生产、配送疫情防控急需物资的企业，可按新招用员工每人1000元…
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED, result.answer
    assert cited(result)[0] == "pingdingshan-2020-09"


@pytest.mark.parametrize("question", ["平顶山加班费怎么算", "平顶山 春节加班 政府给不给加班补贴"])
def test_the_outside_topic_asked_itself_stays_a_near_miss(kb: KnowledgeBase, question: str) -> None:
    assert answered(kb, question).status is AnswerStatus.NO_ANSWER
