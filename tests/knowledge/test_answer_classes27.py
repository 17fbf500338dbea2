"""Classes of answer failure fixed in session 27 (ans15, issue 10). Every case is worded apart from the
golden and held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


# ---- the region reported: a question naming no place, answered from one place's document ----


@pytest.mark.parametrize(
    ("question", "jurisdiction"),
    [
        ("职业资格证书拿到手以后，技能提升补贴的申请期限是多久", "吉林省"),
        ("扶贫基地得新吸收多少个贫困家庭的劳动力才奖励", "巴中市"),
    ],
)
def test_an_answer_from_one_places_document_reports_that_place(
    kb: KnowledgeBase, question: str, jurisdiction: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert {c.jurisdiction for c in answer.citations} == {jurisdiction}
    assert answer.region is None  # the question named no place: the conversation's place is not set
    result = answer_result(answer)
    assert result.region == jurisdiction
    assert jurisdiction in (result.direct_answer or "")  # and the first line says whose rule it is


def test_an_answer_quoting_several_places_reports_none(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("招收毕业生见习的单位 见习补贴有哪些规定", None, AS_OF)
    assert len({c.jurisdiction for c in answer.citations}) > 1
    assert answer_result(answer).region is None


def test_an_uncovered_place_is_never_given_a_covered_one(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("我在兰州，退伍军人待安置期间医保谁交", None, AS_OF)
    assert answer_result(answer).region is None


# ---- equally matching measures: a clause lifted by a glossary expansion tells none apart ----


def test_a_trade_certificate_course_asked_of_several_training_subsidies_names_each(kb: KnowledgeBase) -> None:
    # 平顶山（十六）graduates' 技能提升培训补贴 and（十七）劳动预备制培训补贴 state no sum and the question
    # names neither; 电工证 read as 职业资格证书 lifts（十六）'s clause in the search, not the measure.
    result = answer_result(kb.answerer.answer("叶县 去考个电工证 培训费能补贴多少", None, AS_OF))
    lines = (result.direct_answer or "").splitlines()
    assert len([line for line in lines if "没有写明" in line]) >= 2
    assert "劳动预备制培训补贴" in (result.direct_answer or "")
    assert "8元" not in (result.direct_answer or "")  # 吉林's 每学时8元 is no version of "it"


# ---- a list drawn from several regions' documents is introduced document by document ----


def test_a_list_from_several_regions_names_each_documents_place(kb: KnowledgeBase) -> None:
    # Asked with no place, "what is there" lists measures of several regions' documents: each under its
    # own 按…文件, never all under the first one's. (Until session 42 the question asked for 车票钱, and the list held
    # 巴中's 至少1人就业 beside the fare subsidies; the fare asked is now answered by the fare subsidies alone: ans44.)
    answer = kb.answerer.answer("家里是贫困户，出门去外地打工有啥补贴", None, AS_OF)
    assert answer.direct is not None and answer.direct.kind == "list"
    places = list(dict.fromkeys(m.jurisdiction for m in answer.direct.measures))
    assert len(places) > 1
    lines = (answer_result(answer).direct_answer or "").splitlines()
    heads = [line for line in lines if "与您的问题相关的有" in line]
    assert [next(p for p in places if p in head) for head in heads] == places
    for place in places:  # each item sits under its own place's head
        at = next(i for i, line in enumerate(lines) if place in line and "与您的问题相关的有" in line)
        names = {m.name for m in answer.direct.measures if m.jurisdiction == place}
        following = lines[at + 1 : at + 1 + len(names)]
        assert all(any(name in line for name in names) for line in following)
