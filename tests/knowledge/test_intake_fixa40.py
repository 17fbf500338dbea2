"""A CSV's metadata record (文件名称｜发文机关｜文号｜印发日期 over its row) is kept when one of its cells is empty or
not of its column's kind: empty cells stay in their columns, and each key is judged on its own
(review of session 40)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.intake import examine

HEADER = "文件名称,发文机关,文号,印发日期\n"
MEASURES = (
    "\n序号,政策名称,补贴对象,补贴标准,申请条件\n"
    "1,一次性求职创业补贴,困难毕业生,每人1500元,毕业学年内有就业创业意愿的高校毕业生可申请\n"
    "2,社会保险补贴,招用单位,按实际缴费额给予补贴,招用就业困难人员并缴纳社会保险的单位可申请\n"
)
TITLE = "关于印发就业补贴办法的通知"
ISSUER = "成都市人力资源和社会保障局"
NUMBER = "成人社发〔2026〕3号"

RECORDS = [
    pytest.param(f"{TITLE},{ISSUER},{NUMBER},2026年3月1日", ISSUER, NUMBER, date(2026, 3, 1), id="every cell filled"),
    pytest.param(f"{TITLE},,{NUMBER},2026年3月1日", None, NUMBER, date(2026, 3, 1), id="an empty issuer cell"),
    pytest.param(f"{TITLE},{ISSUER},,2026年3月1日", ISSUER, None, date(2026, 3, 1), id="an empty number cell"),
    pytest.param(f"{TITLE},{ISSUER},{NUMBER},待定", ISSUER, NUMBER, None, id="a date cell that is no date"),
    pytest.param(
        f"{TITLE},{ISSUER},见附件,2026年3月1日", ISSUER, None, date(2026, 3, 1), id="a number cell that is none"
    ),
]


@pytest.mark.parametrize(("record", "issuer", "number", "signed"), RECORDS)
def test_a_record_keeps_its_good_cells(record: str, issuer: str | None, number: str | None, signed: date) -> None:
    facts = examine((HEADER + record + "\n" + MEASURES).encode(), "policy.csv").facts
    assert facts.title == TITLE
    assert facts.document_number == number
    assert facts.signed == signed
    if issuer is not None:
        assert facts.issuer == issuer


def test_a_measures_table_of_as_many_columns_under_the_record_is_not_read_as_records() -> None:
    """Its header row fails every judged column (补贴对象 is no issuer, 补贴标准 no date): the record ends there."""
    measures = (
        "序号,政策名称,补贴对象,补贴标准\n"
        "1,一次性求职创业补贴,困难毕业生,每人1500元\n"
        "2,社会保险补贴,招用单位,按实际缴费额给予补贴\n"
    )
    facts = examine((HEADER + f"{TITLE},,{NUMBER},2026年3月1日\n" + measures + MEASURES).encode(), "policy.csv").facts
    assert (facts.title, facts.document_number, facts.signed) == (TITLE, NUMBER, date(2026, 3, 1))
