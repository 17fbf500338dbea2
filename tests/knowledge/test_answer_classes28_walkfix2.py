"""Classes of answer failure fixed in session 28 (walkfix2, issue 10), found in a newcomer's chat: a phrase
the person chose, read by a keyboard's syllables as a vocabulary word of the same shape (找人 as the hiring
word 招人: both a verb and its object). Every case is worded apart from the golden and held-out sets."""

from __future__ import annotations

import pytest

from knowledge.spelling import Speller


@pytest.mark.parametrize(
    "typed",
    ["贷款的话需不需要找人来担保", "开店以后要找人帮忙看店 有补贴没", "借钱还得找人作保吗"],
)
def test_a_verb_and_its_object_is_never_read_as_another_of_the_same_shape(typed: str) -> None:
    speller = Speller(["招人", "担保", "贷款", "补贴"], loose_terms=["招人", "担保", "贷款", "补贴"])
    assert speller.correct(typed) == typed


def test_a_slip_of_another_shape_is_still_read_as_the_word() -> None:
    # 申情: 情 is a noun where 请 is a verb — a keyboard slip, not a phrase of its own.
    speller = Speller(["招人", "申请", "见习"], loose_terms=["招人", "申请", "见习"])
    assert speller.correct("创业补贴去哪里申情") == "创业补贴去哪里申请"
    assert speller.correct("要去找人还是等通知") == "要去找人还是等通知"
