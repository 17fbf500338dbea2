"""Who bears a cost (利息由谁承担, 哪级财政出, 医保谁给交) is answered from the sentence of the clause
that names the payer — of the thing asked about where one does — never from the offices a clause
lists as leading or responsible for the work, which say who organises it, not who pays."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("question", "region", "clause", "payer"),
    [
        # 平顶山（十）: losses split 8：2 and, for deferred loans, 财政部门继续给予贴息支持.
        pytest.param("个人创业贷款的利息最后由谁承担", "平顶山市", "pingdingshan-2020-10", "贴息", id="interest"),
        # 巴中（十七）: 由市级财政分别给予50万元和5万元的建设补贴.
        pytest.param("技能大师工作室的建设补贴由哪级财政出", "巴中市", "bazhong-2018-17", "市级财政", id="which-purse"),
    ],
)
def test_a_who_pays_question_quotes_the_sentence_naming_the_payer(
    kb: KnowledgeBase, question: str, region: str, clause: str, payer: str
) -> None:
    answer = kb.answerer.answer(question, region, AS_OF)
    assert answer.direct is None or answer.direct.kind != "department", answer.direct
    quotes = {c.clause_id: c.quote for c in answer.citations}
    assert clause in quotes, list(quotes)
    assert payer in quotes[clause], quotes[clause]


def test_a_question_about_who_leads_the_work_still_names_the_offices(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("技能大师工作室这块哪个部门牵头", "巴中市", AS_OF)
    assert answer.direct is not None and answer.direct.kind == "department"
    assert answer.direct.lead, answer.direct


def test_another_costs_payer_is_not_quoted_for_the_cost_asked(kb: KnowledgeBase) -> None:
    """资阳（十九） pays 扶贫车间 1000元 per person from 就业资金 and grants a loan to poor workers;
    nothing there says who bears the loan's interest: the payer of the 1000元 is no answer to it."""
    answer = kb.answerer.answer("贫困劳动者创业担保贷款的利息谁出", "资阳市", AS_OF)
    quoted = " ".join(c.quote for c in answer.citations)
    assert "1000元" not in quoted, quoted
    assert "就业资金" not in quoted, quoted
