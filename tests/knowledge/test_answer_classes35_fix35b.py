"""Session 35 (fix35b): a firm named as the person's own workplace (从私企辞职了, 央企下岗的我, 在国企上班) is where
they work or worked — the person asks, not an employer; the firm counts as the employer's side only when it is the
speaker's own (我们国企, 我的公司) or they hire or pay staff (招人, 给员工)."""

from __future__ import annotations

import pytest

from knowledge.intent import asks_as_a_person, asks_own_sum
from knowledge.measure_match import speaks_for_an_employer

# question, asks_own_sum, asks_as_a_person, speaks_for_an_employer
CASES = [
    ("我从私企辞职了我能领多少钱", True, True, False),
    ("央企下岗的我能领啥", True, True, False),
    ("我在一家民企干了三年被裁了，我能拿多少", True, True, False),
    ("我是从国企离职的，给我多少补贴", True, True, False),
    ("我们国企招人有补贴吗", False, False, True),
    ("我们公司能领多少", False, False, True),
    ("我的公司能领多少钱", False, False, True),
    ("给员工交社保能领啥", False, False, True),
    ("我们国企下岗的员工能领吗", False, False, True),
]


@pytest.mark.parametrize(("question", "own_sum", "as_a_person", "employer"), CASES)
def test_a_firm_is_the_employer_side_only_when_the_speaker_runs_it_never_their_workplace(
    question: str, own_sum: bool, as_a_person: bool, employer: bool
) -> None:
    assert (asks_own_sum(question), asks_as_a_person(question), speaks_for_an_employer(question)) == (
        own_sum,
        as_a_person,
        employer,
    )
