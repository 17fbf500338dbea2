"""A stop said of a window that comes back is a pause, no end; a stop said of one period or of a fund running out ends
the item (review of session 40)."""

from __future__ import annotations

import pytest

from knowledge.derive import _stops_only_the_late

PAUSES = [
    "每年12月20日至12月31日年度结算期间暂停受理",
    "春节假期期间停止受理",
    "国庆期间暂停受理",
    "每月25日至月底期间暂停受理",
    "12月20日至12月31日期间暂停受理",
    "每季度末结算期间暂停受理",
]
ENDS = [
    "2026年度申报期间结束后停止受理",
    "本年度资金用完期间停止受理",
    "2026年12月1日至12月31日期间停止受理",
    "12月1日至2026年12月31日期间停止受理",
]


@pytest.mark.parametrize("piece", PAUSES)
def test_a_window_that_comes_back_is_a_pause(piece: str) -> None:
    assert _stops_only_the_late(piece)


@pytest.mark.parametrize("piece", ENDS)
def test_a_period_that_happens_once_ends_the_item(piece: str) -> None:
    assert not _stops_only_the_late(piece)
