"""Session 38 prep (issue 10, task next38d): a measure the question calls by its own full name is the one answered,
not another whose shorter name is only a part of it (就业见习 of 就业见习补贴) — written from the measure catalog,
apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 13)

# (question, the measure it names in full, the measure whose shorter name is a part of that name)
CALLED_BY_THE_LONGER_NAME = [
    ("平顶山就业见习补贴能拿到吗", "就业见习补贴", "就业见习岗位"),
    ("平顶山就业见习补贴啥时候能拿到", "就业见习补贴", "就业见习岗位"),
    ("平顶山剩余期限见习补贴能拿到吗", "剩余期限见习补贴", "就业见习岗位"),
]


@pytest.mark.parametrize(("question", "named", "part"), CALLED_BY_THE_LONGER_NAME)
def test_a_measure_called_by_its_full_name_is_answered_before_one_whose_name_is_only_a_part_of_it(
    kb: KnowledgeBase, question: str, named: str, part: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    names = [m.name for m in answer.measures]
    assert names and names[0] == named, names
    assert part not in names, names


# A person asking whether they can still get a payment (失业保险金…能领不) is answered by the payment; a service
# around it (线上申领失业保险金) or a government's duty (发放缺口调剂) is not listed as a measure "with a standard".
RECEIVED_NOT_SERVED = [
    ("平顶山失业保险金俺还能领不？俺交了9年失业保险", "失业保险金延续发放至法定退休年龄"),
    ("平顶山失业保险金我能领吗", "失业保险金延续发放至法定退休年龄"),
]


@pytest.mark.parametrize(("question", "payment"), RECEIVED_NOT_SERVED)
def test_a_payment_asked_to_be_received_is_answered_by_the_payment_and_no_service_is_listed_beside_it(
    kb: KnowledgeBase, question: str, payment: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    names = [m.name for m in answer.measures]
    assert names and names[0] == payment, names
    assert "线上申领失业保险金" not in names, names
