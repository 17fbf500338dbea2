"""Classes of answer failure fixed in session 23 (issue 10). Every case is worded apart from the golden
sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import answered, cited

# ---- a sum asked of something no measure pays: another measure's figure is no answer ----


@pytest.mark.parametrize(
    ("question", "not_shown"),
    [
        # 奖励 read as 补贴 was the only word a 平顶山 见习补贴 / 吸纳就业补贴 shared with the question
        ("叶县企业认定了高新技术企业，奖励多少", ("70%", "110%", "1000元")),
        ("平顶山高新技术企业认定成功，奖励多少钱", ("70%", "1000元")),
        # 机构 was the only word the 担保基金 risk share (8：2) shared with a building subsidy asked
        ("平顶山想办个托育机构，建设补贴能给多少", ("8：2",)),
        ("平顶山开民办医疗机构，建设补贴多少钱", ("8：2",)),
    ],
)
def test_a_sum_no_measure_pays_is_not_answered_with_another_measures_figure(
    kb: KnowledgeBase, question: str, not_shown: tuple[str, ...]
) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.NO_ANSWER, result.answer
    assert not any(figure in result.answer for figure in not_shown), result.answer


def test_a_reward_the_measure_names_without_a_sum_is_said_to_be_unwritten(kb: KnowledgeBase) -> None:
    # 吉林（十八）: 对优胜者通过破格晋级…给予鼓励 — a reward by name, no sum: said so beside its sentence
    result = answered(kb, "在吉林参加职业技能竞赛得了名次，奖金能发多少")
    assert result.status is AnswerStatus.NO_ANSWER, result.answer
    assert cited(result)[:1] == ["jilin-2017-18"], cited(result)
    assert "没有写明" in result.answer, result.answer


@pytest.mark.parametrize(
    "question",
    [
        # 巴中（十一）: 办理了失业登记且难以实现就业的…连续失业1年以上人员 — the group asked is the answer; the
        # 常住地失业登记 of（二十三）is only named by the story (办了失业登记)
        "我姐在巴中办了失业登记，两年了还没找着活，她算不算就业困难人员",
        "我在巴中办过失业登记 失业一年半了 我属不属于就业困难人员",
    ],
)
def test_whether_one_belongs_to_a_group_is_answered_by_the_measure_for_that_group_first(
    kb: KnowledgeBase, question: str
) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED, result.answer
    assert cited(result)[:1] == ["bazhong-2018-11"], cited(result)
