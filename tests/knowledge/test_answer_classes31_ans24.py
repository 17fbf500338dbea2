"""Session 31 (ans24, issue 10): leftovers by class — the measure as the unit: what it grants, to whom, for what.
- a question in parts (能贷多少，利息谁出): who bears a loan's interest is answered from the loan asked, never from
  another measure's sentence of its clause (中小微企业贷款贴息不担保 beside 创业担保贷款), and a part with nothing
  of its own is never a bare "见上一段";
- whose measure: a person asking to be found work gets the public employment service, not the subsidy an agency
  is paid for placing people; an employer said with one character of hiring (单位招我, 厂里招了俺) is hiring;
- tiers: the tier asked by the words people shorten (社保费 of 社会保险费), the grade the asker says is theirs
  among several named, and a payer's phrase cut after this measure's own figure.
Every case is worded apart from the golden, held-out and probe sets."""

from __future__ import annotations

from datetime import date

from bot.dialogue.render import _again
from bot.dialogue.types import Reply
from bot.present.answers import answer_text
from bot.present.prose import prose
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.measure_answer import asks_to_be_found_work
from knowledge.measure_match import _short_for, grades_told

AS_OF = date(2026, 12, 5)


def _ids(answer: object) -> list[str]:
    return [m.measure_id for m in answer.measures]  # type: ignore[attr-defined]


# Class 1: who bears a loan's interest, from the loan asked.


def test_another_measures_interest_subsidy_does_not_say_who_pays_the_loan_asked(kb: KnowledgeBase) -> None:
    # 吉林（六）: 扩大创业担保贷款扶持范围… beside 加快推进中小微企业贷款贴息不担保业务 (another measure)
    answer = kb.answerer.answer("长春这边创业担保贷款的利息最后是谁来掏", "吉林省", AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER, answer_text(answer)
    assert answer.missing is not None and answer.missing.kind == "payer"
    quotes = "".join(c.quote for c in answer.citations)
    assert "创业担保贷款扶持范围" in quotes, quotes
    assert "贴息不担保" not in quotes, quotes


def test_a_sentence_that_does_say_who_pays_the_interest_still_answers(kb: KnowledgeBase) -> None:
    # guard: 平顶山（十） 展期还款…财政部门继续给予贴息支持
    answer = kb.answerer.answer("疫情期间还不上创业贷款展期了，利息谁承担", "平顶山市", AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, answer_text(answer)
    assert "贴息" in answer_text(answer)


def test_a_later_part_with_nothing_of_its_own_is_never_a_bare_pointer_above() -> None:
    words = prose()
    read_as = words.followups.read_as.format(question="吉林省的创业担保贷款")
    text = f"{read_as}\n{words.answers.found}\n1. 某文件第（六）条：\n   “扩大创业担保贷款扶持范围。”"
    reply = Reply(kind="answer", text=text, answer_status=AnswerStatus.ANSWERED.value)
    said = _again("利息咋算", reply, "【能贷多少】\n按吉林省2017年文件，创业担保贷款没有写明具体金额或标准。")
    assert words.followups.clauses_above not in said, said
    assert said == f"【利息咋算】\n{words.followups.nothing_more}", said


# Class 2: whose measure.


def test_asking_to_be_found_work_is_told_apart_from_an_agency_speaking() -> None:
    assert asks_to_be_found_work("人社能不能帮俺推荐个岗位")
    assert asks_to_be_found_work("政府给安排工作不")
    assert not asks_to_be_found_work("我们公司帮人介绍工作有补贴没")
    assert not asks_to_be_found_work("找工作的路费能报不")


def test_a_person_asking_for_a_job_gets_the_employment_service_not_the_agencys_subsidy(kb: KnowledgeBase) -> None:
    for question, region in (("社区能不能帮我介绍份工作", "吉林省"), ("能给俺推荐个工作么", "资阳市")):
        answer = kb.answerer.answer(question, region, AS_OF)
        assert answer.status is AnswerStatus.ANSWERED, (question, answer_text(answer))
        ids = _ids(answer)
        assert ids and all(i.endswith("career_guidance_service") for i in ids), (question, ids)
        assert "发给服务机构" not in answer_text(answer)
        # 资阳's 每位贫困家庭劳动力至少推荐3个 is for a group the asker did not name
        assert "贫困家庭" not in answer_text(answer)


def test_an_agency_placing_people_still_gets_its_subsidy(kb: KnowledgeBase) -> None:
    # guard: the provider speaking asks the other way round
    answer = kb.answerer.answer("我们劳务公司帮人介绍工作，有补贴没", "平顶山市", AS_OF)
    assert any("subsidy" in i for i in _ids(answer)), _ids(answer)


def test_an_employer_said_with_one_character_of_hiring_is_hiring(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("单位要是招了我，单位能得补贴不", "平顶山市", AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, answer_text(answer)
    assert any("hiring" in i for i in _ids(answer)), _ids(answer)
    assert "发给用人单位" in answer_text(answer)


# Class 5: the tier asked.


def test_a_term_is_read_as_people_shorten_it() -> None:
    assert _short_for("社保费", "按不超过3个月的企业及其职工应缴纳社会保险费确定")
    assert not _short_for("社保费", "按不超过6个月的当地月人均失业保险金和参保职工人数确定")
    assert not _short_for("社保", "社会保险费")  # two characters are too many words' fragments


def test_the_refund_tier_reckoned_by_insurance_fees_is_the_one_shown(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("那个稳岗返还要是照社保费来算，顶多返几个月", "平顶山市", AS_OF)
    line = answer_text(answer).split("\n", 1)[0]
    assert "3个月" in line and "6个月" not in line, line


def test_the_grade_the_asker_holds_is_picked_among_those_named() -> None:
    assert grades_told("初级中级高级给的不一样吧，我拿了个中级") == frozenset({4})
    assert grades_told("初级和高级各补多少") == frozenset({5, 3})
    assert grades_told("我是高级工") == frozenset({3})


def test_the_asked_grades_figure_only(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("听说证书分初级中级高级，补的钱不一样，我考下来的是中级，能补多少", "吉林省", AS_OF)
    line = answer_text(answer).split("\n", 1)[0]
    assert "1500元" in line and "1000元" not in line and "2000元" not in line, line


def test_a_payers_phrase_is_cut_after_this_measures_own_figure(kb: KnowledgeBase) -> None:
    # 巴中（十七）: 由市级财政分别给予50万元和5万元的建设补贴 — the 5万元 is the workshop's
    answer = kb.answerer.answer("巴中市级高技能人才培训基地那笔建设补贴是哪级财政出的", "巴中市", AS_OF)
    line = answer_text(answer).split("\n", 1)[0]
    assert "市级财政" in line and "50万元" in line and "5万元的" not in line, line
