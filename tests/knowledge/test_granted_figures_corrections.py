"""A speaker's correction takes back the figure it replaces — and only that (review44 D3).

A correction word withdraws the last figure said before it only when the same sentence then gives the figure
instead; a notice's wording about correcting other things (填写错误的，更正为正确信息; 名单说错了姓名) withdraws no
figure, in its own sentence or the one before.
"""

from __future__ import annotations

import pytest

from knowledge.granted_figures import amounts

CASES = [
    # (text, figures that must be read, figures that must not)
    ("每户3000元——不好意思，刚才口误，应该是每户5000元", ["5000元"], ["3000元"]),
    ("给予1200元，更正一下，是1500元", ["1500元"], ["1200元"]),
    ("一次性补贴3000元，不对，我更正一下，是5000元", ["5000元"], ["3000元"]),
    ("补贴标准为每人1200元。如发现公示名单说错了姓名，请联系社区更正。", ["1200元"], []),
    ("对符合条件的给予每户3000元补贴，申报信息填写错误的，更正为正确信息后重新申报。", ["3000元"], []),
    ("每人每月300元，最长12个月；材料写错了的，退回更正", ["300元"], []),
]


@pytest.mark.parametrize(("text", "kept", "dropped"), CASES)
def test_a_correction_takes_back_only_the_figure_it_replaces(text: str, kept: list[str], dropped: list[str]) -> None:
    read = " ".join(amount.text for amount in amounts(text))
    for figure in kept:
        assert figure in read, (text, read)
    for figure in dropped:
        assert figure not in read, (text, read)
