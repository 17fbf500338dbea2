"""Session 32 (lead, from the whole-diff review): a spreadsheet table never crashes intake — a cell longer than
csv's own 128 KiB field limit is read (the file's size limit is ours), a table csv cannot read is a polite refusal."""

from __future__ import annotations

import pytest

from knowledge.errors import IntakeError
from knowledge.filetext import read_file


def test_a_cell_longer_than_csvs_own_limit_is_read() -> None:
    long_cell = "符合条件的" * 40_000  # 200,000 characters, one quoted cell
    data = f'某市补贴标准表\n序号,项目名称,补贴标准\n1,"{long_cell}",5000元\n'.encode()
    text = read_file(data, "standards.csv")
    assert "5000元" in text and long_cell in text


def test_a_table_csv_cannot_read_is_refused_politely() -> None:
    with pytest.raises(IntakeError) as refused:
        read_file('序号,项目\n1,"未闭合\x00的单元格\n'.encode(), "broken.csv")
    assert refused.value.code in {"undecodable", "empty"}
