"""Classes of answer failure fixed in session 26 (issue 10): what the first line says and which
measure it names. Every case is worded apart from the golden and held-out sets, from the source texts."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import AnswerResult, answer_result
from knowledge.kb import KnowledgeBase
from knowledge.measures import load_measures
from knowledge.measures_grant import granted_part

AS_OF = date(2026, 12, 5)


def answered(kb: KnowledgeBase, question: str) -> AnswerResult:
    return answer_result(kb.answerer.answer(question, None, AS_OF))


def first_line(result: AnswerResult) -> str:
    return (result.direct_answer or "").splitlines()[0]


# ---- a measure that grants no money is answered by what it grants, in its own words ----


def test_every_grant_is_a_verbatim_part_of_its_measures_span() -> None:
    for measures in load_measures().values():
        for measure in measures:
            grant = granted_part(measure)
            assert grant is None or grant in measure.span, measure.id


def test_a_grant_never_shows_a_sum_the_measure_does_not_pay() -> None:
    """新增小额担保贷款6亿元 is the city's target, not what the 小额担保贷款 grants a person."""
    loan = next(m for m in load_measures()["shangluo-2012"] if m.id == "shangluo-2012.small_guarantee_loan")
    grant = granted_part(loan)
    assert grant is not None and "小额担保贷款" in grant
    assert "6亿元" not in grant


@pytest.mark.parametrize(
    ("question", "granted"),
    [
        # 体检结果互认: a service, no money
        ("巴中找工作入职体检能不能别重复做", "体检结果互认机制"),
        # 破格晋级: an honour and a promotion
        ("吉林技能比赛拿了第一名有啥好处", "破格晋级职业资格"),
        # 免费场地: premises
        ("平顶山政府的孵化基地场地收不收钱", "免费向高校毕业生、农民工等重点群体提供"),
        # 股权投资: services of a fund
        ("资阳那个高校毕业生就业创业基金能帮大学生创业干点啥", "股权投资、融资担保等服务"),
    ],
)
def test_the_first_line_says_what_a_measure_without_money_grants(
    kb: KnowledgeBase, question: str, granted: str
) -> None:
    line = first_line(answered(kb, question))
    assert granted in line
    assert "这项规定" not in line


# ---- who bears a loss, and a planned total: the measure stating it answers ----


@pytest.mark.parametrize(
    "question",
    [
        "平顶山创业担保贷款碰上地震还不了，亏的钱谁来担",
        "在平顶山借的个人创业担保贷款，遇上洪水还不上，这损失谁兜底",
    ],
)
def test_who_bears_a_loss_is_answered_by_the_risk_share(kb: KnowledgeBase, question: str) -> None:
    line = first_line(answered(kb, question))
    assert "8：2" in line
    assert "担保基金、经办金融机构" in line


def test_a_planned_total_asked_is_the_targets_figure(kb: KnowledgeBase) -> None:
    """计划…多少 asks the city's target, however the loan is shortened (小额贷款 of 小额担保贷款)."""
    assert "6亿元" in first_line(answered(kb, "商洛那一年计划新放的小额贷款总共多少"))


def test_a_plan_told_by_the_person_asks_no_target(kb: KnowledgeBase) -> None:
    """我打算/我计划 tells the person's plan: the city's 6亿元 is never what they may borrow."""
    result = answered(kb, "我计划在商洛创业，小额贷款最多能贷多少")
    assert "6亿元" not in (result.direct_answer or "")


def test_a_share_asked_is_answered_by_the_facet_stating_one(kb: KnowledgeBase) -> None:
    """服务率 asks a share: the target stating 90%以上, not the service of the same sentence."""
    assert "90%以上" in first_line(answered(kb, "商洛 对登记失业大学生的就业服务率 有啥要求"))


# ---- what the person tells of themself picks the measure: whom it pays, and for whom ----


def test_people_the_asker_hires_are_not_the_asker(kb: KnowledgeBase) -> None:
    """A shop that hired graduates asks what the employer gets: never a student's 应征入伍 measure."""
    result = answered(kb, "我在四平开了家小饭馆 新招了三个应届大学生 店里能有啥补贴")
    assert "应征入伍" not in (result.direct_answer or "")
    assert "发给用人单位" in first_line(result) or "发给用人单位" in (result.direct_answer or "").splitlines()[1]


def test_an_organisation_hiring_graduates_gets_its_own_measure(kb: KnowledgeBase) -> None:
    line = (
        answered(kb, "长春 我们协会是社会组织 招了两名应届毕业的大学生 能和企业一样享受吸纳就业的扶持吗").direct_answer
        or ""
    )
    assert "社会组织吸纳高校毕业生" in line
    assert "应征入伍" not in line


def test_a_loan_asked_for_oneself_is_the_persons_facet(kb: KnowledgeBase) -> None:
    """对符合条件的个人和劳动密集型小企业: the 贫困劳动者 asking for themself is the 个人 facet."""
    line = first_line(answered(kb, "巴中 我是贫困劳动者 打算贷款开个修车铺 能贷多少"))
    assert "个人" in line
    assert "劳动密集型" not in line


def test_a_payment_asked_is_the_measure_that_pays_it(kb: KnowledgeBase) -> None:
    """有补贴吗 of 劳动预备制培训: 平顶山's subsidy for 20岁以下登记失业人员, not 商洛's bare training."""
    result = answered(kb, "我18岁 在农村 已经登记失业 报劳动预备制培训能领补贴不")
    assert [c.clause_id for c in result.citations][:1] == ["pingdingshan-2020-17"]
    assert "补贴" in first_line(result)


def test_a_listed_measure_without_money_says_what_it_grants(kb: KnowledgeBase) -> None:
    """标准按当地规定 means a payment's sum is left to local rules: a listed service says what it grants."""
    lines = (answered(kb, "资阳 留学回来的人 有哪些政策").direct_answer or "").splitlines()
    items = [line for line in lines if line.startswith("·")]
    assert len(items) >= 2
    assert any("知识产权等无形资产入股" in line.split("：", 1)[1] for line in items)
    assert not any("标准按当地规定" in line for line in items)
