"""A sum asked beside who pays (session 27, lead, from the review of ans16's work): the word naming how
much (好多, 最多, 最高) is never the cost whose payer is said to be unstated — "文件没有写明好多由谁承担"
was shown. Worded apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_text
from knowledge.kb import KnowledgeBase
from knowledge.payer import paid_for

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("巴中的创业贷款最多给贷好多 谁来出钱", "好多"),
        ("资阳扶贫贷款最高贷多少，是谁掏", "最高"),
        ("平顶山小微企业贷款最多能贷几百万 谁出", "最多"),
    ],
)
def test_a_word_of_how_much_is_no_cost_paid(question: str, quantity: str) -> None:
    paid = paid_for(question)
    assert all(quantity not in word for word in paid), paid


def test_the_unstated_payer_line_names_no_quantity(kb: KnowledgeBase) -> None:
    text = answer_text(kb.answerer.answer("资阳贫困户创业贷款最多能贷好多 谁出钱", None, AS_OF))
    assert "好多由谁承担" not in text and "最多由谁承担" not in text
    assert "10万元" in text
