"""Review 42 items 3-6 (regression tests): a pointer names no draft's version, a notice's exam day is not its signing
day, a timed transcript without speakers keeps each line's measure, tiers told apart by brackets keep their names."""

from __future__ import annotations

from datetime import date

from bot.present.answers import answer_result
from knowledge.derive import derive_measures
from knowledge.intake import examine
from knowledge.kb import KnowledgeBase
from tests.knowledge.asking import clauses_of
from tests.knowledge.test_answer_classes12 import AS_OF


def test_an_exam_day_in_a_notices_head_is_not_its_signing_day() -> None:
    text = (
        "南京市江宁区人力资源和社会保障局关于2026年公益性岗位招聘的公告\n考试时间：2026年8月15日\n"
        "报名时间：2026年7月1日至7月10日\n\n一、招聘岗位\n社区公益性岗位20名，岗位补贴按每人每月2100元发放，"
        "享受社会保险补贴，就业补贴政策按规定执行。\n二、报名条件\n女40周岁以上、男50周岁以上登记失业人员。\n"
    )
    facts = examine(text.encode(), "x.txt").facts
    assert facts.signed != date(2026, 8, 15), facts


def test_a_timed_transcript_without_speakers_keeps_each_lines_measure() -> None:
    text = (
        "江宁区人社局就业创业补贴政策政风行风热线直播实录\n参与嘉宾：南京市江宁区人力资源和社会保障局副局长 周敏\n"
        "直播时间：2026年6月12日\n\n"
        "[10:00:12] 一次性创业补贴：首次创业、正常经营满1年的，给予一次性创业补贴8000元。\n"
        "[10:01:00] 岗位补贴：社区公益性岗位按每人每月2100元给予岗位补贴。\n\n"
        "[10:02:12] 稳岗返还：大型企业按30%返还，中小微企业按60%返还。\n[10:03:00] 创业担保贷款：个人最高30万元。\n\n"
        "[10:04:12] 一次性吸纳就业补贴：每人1000元。\n[10:05:00] 求职创业补贴：每人1500元。\n"
    )
    read = examine(text.encode(), "x.txt").text
    measures = derive_measures("t-2026", clauses_of(read, province="x", city="y", signed=date(2026, 1, 1)))
    figures = {a.text for m in measures for a in m.amounts}
    assert {"每人1000元", "每人1500元", "最高30万元"} <= figures, [
        (m.name, [a.text for a in m.amounts]) for m in measures
    ]
    assert any(m.name.startswith("稳岗返还") for m in measures), [m.name for m in measures]


def test_no_pointer_names_a_version_stated_only_in_a_draft(kb: KnowledgeBase) -> None:
    """ans43's pointer says another region's version 写有具体标准; a 征求意见稿 states no standard in force."""
    answer = kb.answerer.answer("吉林见习补贴一个月多少钱", None, AS_OF)
    assert answer.direct is not None
    documents = {d.id: d for d in kb.answerer.registry.documents.values()}
    drafts = [v for v in answer.direct.elsewhere if documents[v.measure_id.split(".")[0]].is_draft]
    assert not drafts, (drafts, answer_result(answer).answer)


def test_tiers_told_apart_only_by_their_brackets_keep_distinct_names() -> None:
    """doc43's _NOTE_AFTER drops a group's bracketed note from a tier's name; when the brackets are what tell two
    tiers apart (16-24岁 / 25-35岁), the two tiers come out under one name with two figures."""
    text = (
        "湘潭市人力资源和社会保障局关于2026年一次性扩岗补助申报的通知\n\n一、一次性扩岗补助\n"
        "（一）补贴对象。在我市参保的中小微企业。\n"
        "（二）补贴标准。招用脱贫人口（建档立卡）的，按每人2000元给予补助；招用脱贫人口（监测对象）的，按每人1500元"
        "给予补助；招用登记失业青年（16-24岁）的，按每人1000元给予补助；招用登记失业青年（25-35岁）的，按每人800元"
        "给予补助。\n\n湘潭市人力资源和社会保障局\n2026年3月1日\n"
    )
    read = examine(text.encode(), "x.txt").text
    measures = derive_measures("t-2026", clauses_of(read, province="x", city="y", signed=date(2026, 1, 1)))
    names = [m.name for m in measures if m.amounts]
    assert len(names) == len(set(names)), [(m.name, [a.text for a in m.amounts]) for m in measures]
