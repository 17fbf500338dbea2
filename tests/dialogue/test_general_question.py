"""A message asking what help there is at all (你好，我想问问补贴的事) is told the kinds of help the
collected documents grant most widely: each a name of a payment to a person, each kind once."""

from __future__ import annotations

import pytest

from bot.dialogue.thread import common_kinds
from bot.dialogue.words import load_vocabulary
from knowledge.measures import Beneficiary, load_measures


@pytest.mark.parametrize(
    ("message", "general"),
    [
        ("您好，请问都有哪些补贴", True),
        ("想打听一下优惠政策", True),
        ("有没有什么福利待遇", True),
        ("巴中有哪些补贴", False),  # a place: what that place grants
        ("退役军人有什么优惠", False),  # a group of people
        ("创业补贴有哪些", False),  # a measure
        ("您好", False),  # an opener asks nothing yet
    ],
)
def test_a_general_question_is_only_help_in_general(message: str, general: bool) -> None:
    assert load_vocabulary().is_general_question(message) is general


def test_the_kinds_told_are_person_payments_each_named_once() -> None:
    kinds = common_kinds()
    assert 3 <= len(kinds) <= 6
    names: dict[str, set[str]] = {}
    for measures in load_measures().values():
        for measure in measures:
            if measure.beneficiary is Beneficiary.PERSON:
                for name in (measure.name, *measure.aliases):
                    names.setdefault(name, set()).add(measure.id)
    assert all(kind in names for kind in kinds)
    # No two kinds are mostly the same measures (社保补贴 beside 社会保险补贴).
    for first in kinds:
        for second in kinds:
            if first != second:
                shared = names[first] & names[second]
                assert 2 * len(shared) < len(names[second]), (first, second)
