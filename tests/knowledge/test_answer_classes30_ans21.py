"""Session 30 (ans21, issue 10): the measure is chosen by whom and what the question asks about, never by one
shared word —
- a word the question shares with a measure only as a part of other things on each side (康复 of 康复训练 and
  of 戒毒康复人员), or only as a part of the question's own people whom the measure never names (残疾 of
  残疾儿童), makes the measure no answer;
- a person's pay (老师工资, 教师待遇) is granted by no measure, unless one is named for that pay; a thing asked
  for people is granted only by a measure naming them;
- two places asked side by side (X跟Y, X和Y) are both answered.
Every case is worded apart from the golden, held-out and probe sets."""

from __future__ import annotations

from datetime import date

from knowledge.answer_model import AnswerStatus
from knowledge.asked_grant import AskedGrant, asked_grants, grants_kind_to
from knowledge.kb import KnowledgeBase
from knowledge.measures import Measure, load_measures

AS_OF = date(2026, 12, 5)


def _measure(measure_id: str) -> Measure:
    return next(m for measures in load_measures().values() for m in measures if m.id == measure_id)


def _jurisdictions(kb: KnowledgeBase, clause_ids: list[str]) -> set[str]:
    return {clause_id.rsplit("-", 2)[0] for clause_id in clause_ids}


# Class 1: one shared word decides nothing.


def test_rehabilitation_for_a_disabled_child_is_no_help_for_people_off_drugs(kb: KnowledgeBase) -> None:
    # 康复 of 康复训练 is no part of 戒毒康复人员 (平顶山（十五）, 巴中/资阳 帮扶…戒毒康复人员就业).
    answer = kb.answerer.answer("娃是残疾儿童，做康复训练政府给不给点补助", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not answer.measures, [m.measure_id for m in answer.measures]


def test_a_disabled_child_is_not_the_disabled_graduate_a_job_search_subsidy_is_for(kb: KnowledgeBase) -> None:
    # 残疾 of 残疾儿童 is shared with 残疾…的高校毕业生 (吉林（八） 求职创业补贴): other people.
    answer = kb.answerer.answer("家里有个残疾儿童，能领什么补助", None, AS_OF)
    assert all("job_search" not in m.measure_id for m in answer.measures), [m.measure_id for m in answer.measures]


def test_people_off_drugs_asking_for_help_to_work_still_get_their_measure(kb: KnowledgeBase) -> None:
    # guard: 戒毒 leads 戒毒康复人员 and names its people.
    answer = kb.answerer.answer("戒毒出来的人找工作，政府管不管", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert any("special_groups" in m.measure_id or "other_groups" in m.measure_id for m in answer.measures), [
        m.measure_id for m in answer.measures
    ]


# Class 2: a thing no measure grants to the person asking.


def test_a_teachers_pay_is_found_as_a_thing_asked_for_people() -> None:
    assert asked_grants("乡村老师工资能不能多发点", ["乡村", "老师", "工资", "发"]) == (AskedGrant("老师", "工资"),)
    # 失业保险待遇 is what an insurance pays, not a person's pay
    assert asked_grants("失业保险待遇咋算", ["失业保险", "待遇", "咋算"]) == ()


def test_migrant_workers_unpaid_wages_grant_no_teacher_pay() -> None:
    # 商洛（六）'s alias 农民工工资拖欠 names 工资 — of 农民工, never a teacher.
    protection = _measure("shangluo-2012.migrant_worker_protection")
    assert not grants_kind_to(protection, AskedGrant("老师", "工资"))
    deferral = _measure("pingdingshan-2020.migrant_wage_deposit_deferral")
    assert grants_kind_to(deferral, AskedGrant("农民工", "工资"))


def test_a_teachers_pay_raise_is_declined_plainly(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("老师的工资什么时候往上调", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not answer.measures, [m.measure_id for m in answer.measures]


def test_a_teachers_benefits_are_declined_plainly(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("当中学教师待遇会不会提高", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER


def test_the_deposit_named_for_migrant_wages_is_still_answered(kb: KnowledgeBase) -> None:
    # guard: 平顶山（一） 暂缓缴存农民工工资保证金 names the wage it is about.
    answer = kb.answerer.answer("工地上的农民工工资保证金今年能晚点交吗", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert any(c.clause_id == "pingdingshan-2020-01" for c in answer.citations)


# Class 4: two places asked side by side.


def test_two_places_joined_by_a_conjunction_are_both_answered(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("资阳和巴中的创业担保贷款最多能贷好多", None, AS_OF)
    cited = _jurisdictions(kb, [c.clause_id for c in answer.citations])
    assert {"ziyang", "bazhong"} <= cited, cited


def test_two_places_joined_by_gen_are_compared(kb: KnowledgeBase) -> None:
    analysis = kb.answerer.retriever.retrieve("吉林跟巴中那个技能提升补贴给多少").analysis
    assert set(analysis.region.compared) == {"吉林省", "巴中市"}
    # guard: a place of the asker's past beside one asked is no pair
    alone = kb.answerer.retriever.retrieve("在巴中打过工，现在想问资阳的创业补贴").analysis
    assert alone.region.compared == ()


def test_a_condition_asked_of_two_places_is_answered_for_each(kb: KnowledgeBase) -> None:
    # 吉林（二十） 技能提升补贴 and 资阳（二十二） 参保职工技能提升补贴: one measure, named a little apart.
    answer = kb.answerer.answer("吉林跟资阳的技能提升补贴要交几年失业保险", None, AS_OF)
    cited = [c.clause_id for c in answer.citations]
    assert {"jilin-2017-20", "ziyang-2017-22"} <= set(cited), cited
