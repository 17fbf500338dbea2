"""Classes of failure found reviewing session 28's merged code (review28): being hired, told in the
passive, read as hiring; 原 of 原则上 read as a former standard ending; a guide's field line (申报材料：…)
taken as a place's line of a list of offices; 上 of 自己上哪 read as keeping up one's insurance. Every
case is worded apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

from bot.present.answers import answer_result
from knowledge.answer import _WHERE_TO_APPLY, _said_of
from knowledge.derive import derive_measures
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import speaks_for_an_employer, speaks_of_hiring
from knowledge.query import ProcedureAspect
from tests.knowledge.test_documents_session28_doc23 import _clauses

AS_OF = date(2026, 12, 5)


# ---- being hired is not hiring ----


def test_being_hired_in_the_passive_is_not_speaking_as_an_employer() -> None:
    assert not speaks_of_hiring("去年被一家物流企业聘用的专科毕业生")
    assert not speaks_for_an_employer("我是今年被单位录用的大学生")
    # the active voice still hires
    assert speaks_of_hiring("我们物流公司录用了三名专科毕业生")


def test_a_graduate_an_employer_took_on_is_answered_with_the_graduates_own_measures(kb: KnowledgeBase) -> None:
    line = answer_result(kb.answerer.answer("今年刚被单位录用的大学生，自己有啥补贴", None, AS_OF)).direct_answer
    assert line and "发给用人单位" not in line, line


# ---- 原则上 is no former standard ----

_ENDED_IN_PRINCIPLE = "\n".join(
    (
        "绵竹市人力资源和社会保障局",
        "关于调整部分就业补贴政策的通知",
        "各镇（街道）：",
        "现将有关事项通知如下：",
        "一、一次性创业补贴",
        "对首次创办小微企业的高校毕业生，给予一次性创业补贴8000元。",
        "二、灵活就业社会保险补贴",
        "原则上，灵活就业社会保险补贴政策执行至2025年12月31日，期满后不再执行。",
        "三、求职补贴",
        "对低保家庭毕业生给予求职补贴每人1500元。",
        "绵竹市人力资源和社会保障局",
        "2026年3月2日",
        "",
    )
)


def test_a_measure_said_to_end_in_principle_is_ended_not_a_former_standard() -> None:
    units = derive_measures("doc", _clauses(_ENDED_IN_PRINCIPLE, "mianzhu.txt"))
    ended = {u.clause: u.ended for u in units}
    assert ended["doc-02"] is True
    assert ended["doc-01"] is False and ended["doc-03"] is False


# ---- a guide's field line is no place's line ----


def test_a_field_line_of_a_guide_does_not_answer_where_to_apply() -> None:
    where = ProcedureAspect(aspect=_WHERE_TO_APPLY, triggers=("哪里",), evidence=("窗口",))
    assert _said_of((where,), "申请材料：居民身份证、营业执照副本、社保缴费凭证", "doc-04") is None
    said = _said_of((where,), "高坪区：高坪区人社局二楼服务窗口，电话0817-5550001", "doc-04")
    assert said is not None and said.conditions == ("高坪区：高坪区人社局二楼服务窗口，电话0817-5550001",)


# ---- 上 of 自己上哪 keeps up no insurance ----


def test_going_somewhere_after_a_benefit_stopped_is_not_keeping_up_insurance(kb: KnowledgeBase) -> None:
    analyze = kb.retriever.analyzer.analyze
    assert "灵活就业人员" not in analyze("领的失业保险金停发了，我自己上哪儿去找活干").expansions
    assert "灵活就业人员" in analyze("原单位的社保停掉了，能不能续上").expansions
