"""Session 29 (ans19, issue 10): abstain by coverage — a question that names what it wants by its purpose
(养老补贴, 烟草许可证) is answered only by a measure granting that kind of thing for that purpose; a measure
sharing the purpose word but granting something else (按灵活就业人员身份参加养老保险: the right to join, no
payment) is no answer. Every case is worded apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

from knowledge.answer_model import AnswerStatus
from knowledge.asked_grant import AskedGrant, asked_grants, grants
from knowledge.kb import KnowledgeBase
from knowledge.measures import Measure, load_measures

AS_OF = date(2026, 12, 5)


def _measure(measure_id: str) -> Measure:
    return next(m for measures in load_measures().values() for m in measures if m.id == measure_id)


def test_a_thing_asked_by_its_purpose_is_found_and_a_bare_one_is_not() -> None:
    assert asked_grants("老家有没有养老补贴", ["老家", "养老", "补贴"]) == (AskedGrant("养老", "补贴"),)
    assert asked_grants("开店要办卫生许可证吗", ["开店", "卫生", "许可证"]) == (AskedGrant("卫生", "许可证"),)
    # a bare 补贴, or one of the payer: no purpose named
    assert asked_grants("有没有补贴", ["补贴"]) == ()
    assert asked_grants("政府补贴发了没", ["政府", "补贴", "发"]) == ()


def test_joining_the_pension_insurance_grants_no_payment_for_old_age() -> None:
    # 巴中（九） 其他从业者可按灵活就业人员身份参加养老、医疗保险: a right to join, not a payment.
    joining = _measure("bazhong-2018.flexible_worker_insurance_enrollment")
    assert not grants(joining, AskedGrant("养老", "补贴"))


def test_a_social_insurance_subsidy_grants_the_payment_asked_by_its_everyday_name() -> None:
    # 社保 is read as 社会保险 (the glossary): 社会保险补贴 grants it.
    subsidy = _measure("bazhong-2018.new_form_social_insurance_subsidy")
    assert grants(subsidy, AskedGrant("社保", "补贴"))


def test_an_old_age_payment_nobody_grants_is_said_to_be_uncovered(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("我今年七十了，住在巴中乡下，靠打点零工过日子，能领啥养老补贴不", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not answer.citations, [c.clause_id for c in answer.citations]


def test_a_licence_no_measure_grants_quotes_no_loosely_related_clause(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("资阳开个小卖部要办烟草许可证，文件里咋说的", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not answer.citations, [c.clause_id for c in answer.citations]


def test_a_payment_a_measure_grants_is_still_answered(kb: KnowledgeBase) -> None:
    # guard: 平顶山 灵活就业 社会保险补贴 is granted — the coverage check keeps it.
    answer = kb.answerer.answer("我在平顶山送外卖，灵活就业社保补贴能补多少", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED


def test_a_fee_exemption_is_not_answered_by_an_internship(kb: KnowledgeBase) -> None:
    # 巴中（十） 中职（技校）毕业生就业见习 grants an internship, no 学费 relief.
    answer = kb.answerer.answer("闺女明年去巴中读技校，学费减免这块有说法没", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not answer.measures, [m.measure_id for m in answer.measures]


def test_a_tax_relief_measure_grants_the_relief_asked_in_other_words(kb: KnowledgeBase) -> None:
    # guard: 资阳（三） 小微企业降税减负 is a tax measure — it grants the 税费减免 asked.
    answer = kb.answerer.answer("资阳的小微企业能有啥子税费减免", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert any(c.clause_id == "ziyang-2017-03" for c in answer.citations)


def test_a_measure_granting_others_by_reference_may_pay_what_they_pay(kb: KnowledgeBase) -> None:
    # guard: 资阳（十二） 社会组织…同等享受企业吸纳就业扶持政策 — the hiring subsidy asked is among them.
    answer = kb.answerer.answer("我们是个社会组织，在资阳新招了应届毕业生，企业那种吸纳就业补贴我们有份没", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert any(c.clause_id == "ziyang-2017-12" for c in answer.citations)
