"""Classes of answer failure fixed in session 22 (issue 10). Every case is worded apart from the golden
sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.query import load_scope
from tests.knowledge.test_answer_classes12 import answered, cited

# ---- a detail of a found measure that its sentence never states (scope.yaml measure_details) ----


@pytest.mark.parametrize(
    ("question", "detail", "clause", "figure"),
    [
        # 吉林（七）: 一次性5000元初创企业补贴 — nothing on tax
        ("长春的初创企业补贴拿到手以后要交个税吗", "缴税", "jilin-2017-07", "5000元"),
        # 吉林（二十）: the certificate subsidy — nothing on a second certificate
        ("吉林技能提升补贴去年领过了，今年再考个证还能再申请吗", "再次领取", "jilin-2017-20", "1500元"),
        # 巴中（十七）: 5万元 for a 技能大师工作室 — nothing on taking it back
        ("巴中技能大师工作室的5万块，以后评估没过关会被追回吗", "收回", "bazhong-2018-17", "5万元"),
        # 资阳 创业担保贷款 — no age limit written
        ("资阳贫困户创业担保贷款有没有年龄限制", "年龄", "ziyang-2017-19", None),
        # 平顶山（二十二）/（二十三）: two allowances — nothing on receiving both
        ("平顶山失业补助金跟临时生活补助能同时领吗", "同时享受", "pingdingshan-2020-2", None),
    ],
)
def test_a_detail_the_measure_does_not_state_is_said_to_be_unwritten(
    kb: KnowledgeBase, question: str, detail: str, clause: str, figure: str | None
) -> None:
    result = answered(kb, question)
    # not a bare yes: the measure is shown with its quote, and the detail said to be unwritten
    assert result.status is AnswerStatus.NO_ANSWER, result.answer
    assert detail in result.answer and "没有写明" in result.answer, result.answer
    assert cited(result) and cited(result)[0].startswith(clause), cited(result)
    # (session 25: the detail never stated is said first, plainly; what the measure grants follows it)
    assert "没有写明" in result.answer.splitlines()[0], result.answer
    if figure is not None:
        assert figure in result.answer.split("依据政策原文")[0], result.answer


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        # 资阳（十四）: 一次性补偿收入…可享受相关个人所得税政策 — the tax is the measure
        ("资阳去产能企业的职工拿到一次性补偿，要交个人所得税吗", "ziyang-2017-14"),
        # 平顶山（九）: 除按规定给予一次性吸纳就业补贴外,再…给予社会保险补贴 — both are paid
        ("平顶山招了失业半年的人，一次性吸纳就业补贴和社保补贴能同时享受吗", "pingdingshan-2020-09"),
        # 吉林（七）: 首次创办 — the first business only, which answers a second one
        ("在吉林第二次创业还能领初创企业补贴不", "jilin-2017-07"),
    ],
)
def test_a_detail_the_quote_states_is_answered(kb: KnowledgeBase, question: str, clause: str) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED, result.answer
    assert clause in cited(result), cited(result)


@pytest.mark.parametrize(
    "phrase",
    [
        "除了一次性吸纳补贴还能再拿社保补贴吗",  # another measure besides, not the same one again
        "灵活就业社保补贴期满了还能再享受多久",  # a length
        "还能再领点啥补助",  # what else
        "稳岗返还能返多少",  # a measure's name, not taking money back
        "下岗职工再就业有什么补贴",
        "保证金工程完了怎么退回来",  # a deposit returned, not a subsidy taken back
        "到现在1年零几个月了",  # a duration, not an age
    ],
)
def test_phrases_that_ask_no_detail(phrase: str) -> None:
    assert [d.aspect for d in load_scope().measure_details if d.asked_in(phrase)] == []


def test_a_number_is_not_read_as_a_misspelt_word(kb: KnowledgeBase) -> None:
    # 一年零几个月: 年零 sounds like 年龄, but 零 is part of the number
    analysis = kb.retriever.retrieve("开店到现在一年零几个月了，吉林创业补贴能给多少").analysis
    assert "年零" in analysis.normalized and "年龄" not in analysis.normalized, analysis.normalized


# ---- a missing figure is named by the kind asked ----


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # 资阳（九）: 创业担保贷款 — no age written
        ("资阳创业担保贷款多大年龄以下能贷", "具体年龄要求"),
        # 几个钱 is dialect for how much money, not a count
        ("商洛灵活就业的社保补贴一个月有几个钱", "具体金额或标准"),
    ],
)
def test_a_missing_figure_is_named_by_the_kind_asked(kb: KnowledgeBase, question: str, words: str) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.NO_ANSWER, result.answer
    assert f"没有写明{words}" in result.answer or f"没有写明您问的{words}" in result.answer, result.answer
