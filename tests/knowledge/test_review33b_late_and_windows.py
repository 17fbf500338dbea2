"""Review of session 33's merges (review33b): a stop of the item itself is no rule for the late, and a date range said
of something else is no application window."""

from __future__ import annotations

import pytest

from knowledge.answer import _APPLY_BY
from knowledge.derive import _stops_only_the_late


@pytest.mark.parametrize(
    "piece",
    [
        "一次性扩岗补助已过期，停止受理",
        "补贴已过期，不再办理",
        "该补贴政策已超期，不再执行",
        "申报工作逾期完成的地区，本项补贴停止执行",
    ],
)
def test_an_item_that_expired_still_stops(piece: str) -> None:
    assert not _stops_only_the_late(piece)


@pytest.mark.parametrize(
    "piece",
    [
        "当年度补贴的申报截止时间为11月30日，逾期未申报的不再受理",
        "各批次申报截止后系统自动关闭，逾期不再受理",
        "未在规定时间内申报的，不再受理",
        "超过申报期限的不再受理",
    ],
)
def test_a_stop_said_of_applying_late_is_no_stop_of_the_item(piece: str) -> None:
    assert _stops_only_the_late(piece)


@pytest.mark.parametrize(
    "sentence",
    [
        "对2025年1月1日至2025年12月31日期间新招用高校毕业生的企业，可申请一次性吸纳就业补贴",
        "本办法自2026年1月1日至2028年12月31日执行，符合条件的人员可按规定申请补贴",
    ],
)
def test_a_range_said_of_hiring_or_validity_is_no_deadline_of_applying(sentence: str) -> None:
    assert _APPLY_BY.search(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "第一批为2026年3月1日至4月30日",
        "申报时间：2026年10月10日至2026年11月20日",
        "须于2026年11月30日前提交",
        "当年度补贴申请截止时间为12月10日",
    ],
)
def test_a_window_or_day_of_applying_is_a_deadline(sentence: str) -> None:
    assert _APPLY_BY.search(sentence) is not None
