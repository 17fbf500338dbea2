"""Session 21: a clause whose standard is in an attachment (具体标准详见附件2) is joined at ingest to the
table it names, so a question about the measure is answered by the row that applies to the asker (by the
count told, or by the group or kind of enterprise said — whole or shortened, 大企业 for 大型企业), quoted
from the table with the attachment's citation; every row when the asker says neither. A figure stated as
the value of a loan's 额度 (额度最高为25万元) is the loan's figure. The documents here are written for
these tests (the session's own documents are in documents21/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.intake import parse_clauses
from knowledge.measures import AmountKind, Measure
from knowledge.tiers import said_shortened
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_intake_documents import uploaded

# 常德: an item whose standard is in the second of two attachments (the first is a form).
CHANGDE = """常德市人力资源和社会保障局关于做好重点群体就业补贴发放工作的通知
常人社发〔2026〕9号
各区县（市）人力资源和社会保障局：
一、岗位开发补贴。用人单位招用重点群体人员并签订1年以上劳动合同的，按招用人员类别给予岗位开发补贴，具体标准详见附件2。
二、职业介绍补贴。经营性人力资源服务机构介绍重点群体人员稳定就业6个月以上的，给予每人300元职业介绍补贴。
三、本通知自2026年5月1日起施行。
常德市人力资源和社会保障局
2026年4月10日
附件：1．岗位开发补贴申请表
　　　2．常德市岗位开发补贴标准
附件1
岗位开发补贴申请表
单位名称：
统一社会信用代码：
附件2
常德市岗位开发补贴标准
人员类别　　　　　　　　补贴标准
退役军人　　　　　　　　每人2500元
残疾人　　　　　　　　　每人3500元
抄送：湖南省人力资源和社会保障厅。
"""

# 九江: a headcount table under one unnumbered attachment, pointed at by 按附件标准.
JIUJIANG = """九江市人力资源和社会保障局关于印发创业带动就业奖补办法的通知
九人社字〔2026〕21号
各县（市、区）人力资源和社会保障局：
一、创业带动就业奖补。初创企业带动就业并缴纳社会保险费满1年的，按附件标准给予奖补。
二、创业担保贷款。个人创业担保贷款额度最高为25万元；符合条件的小微企业创业担保贷款额度为350万元，按规定给予贴息。
三、本通知自印发之日起施行。
九江市人力资源和社会保障局
2026年6月2日
附件
九江市创业带动就业奖补标准
带动人数　　　　　奖补标准
1—4人　　　　　　每人900元
5—19人　　　　　 每人1300元
20人以上　　　　　一次性奖励8万元
抄送：江西省人力资源和社会保障厅。
"""


def _units(text: str) -> tuple[Measure, ...]:
    return derive_measures("doc", parse_clauses(uploaded("doc"), text).clauses)


def _granted(unit: Measure) -> list[str]:
    return [a.text for a in unit.amounts if a.kind is not AmountKind.THRESHOLD]


# --- at ingest: the pointer is joined to the attachment it names --------------------------------------


def test_a_clause_pointing_at_a_numbered_attachment_takes_that_tables_rows_as_its_units() -> None:
    parsed = parse_clauses(uploaded("doc"), CHANGDE)
    table = next(c for c in parsed.clauses if c.label == "附件2")
    units = _units(CHANGDE)
    rows = {u.span: u for u in units if u.clause == table.id}
    assert set(rows) == {"退役军人｜每人2500元", "残疾人｜每人3500元"}, "title and header lines are no units"
    assert rows["残疾人｜每人3500元"].name == "岗位开发补贴（残疾人）"
    assert "岗位开发补贴" in rows["残疾人｜每人3500元"].aliases
    assert rows["退役军人｜每人2500元"].beneficiary == rows["残疾人｜每人3500元"].beneficiary
    # the pointing item states no figure of its own: its figureless units give way to the rows
    assert [u.name for u in units if u.clause == "doc-01"] == []
    assert any(u.clause == "doc-02" and _granted(u) == ["每人300元"] for u in units), "other items unchanged"


def test_an_unnumbered_attachment_is_the_one_a_bare_pointer_means() -> None:
    units = _units(JIUJIANG)
    rows = [u for u in units if "｜" in u.span]
    assert [u.name for u in rows] == [
        "创业带动就业奖补（1—4人）",
        "创业带动就业奖补（5—19人）",
        "创业带动就业奖补（20人以上）",
    ]
    assert [_granted(u) for u in rows] == [["每人900元"], ["每人1300元"], ["8万元"]]


def test_a_pointer_to_an_attachment_the_document_does_not_have_joins_nothing() -> None:
    text = CHANGDE.replace("详见附件2", "详见附件3")
    units = _units(text)
    assert any(u.clause == "doc-01" for u in units), "the pointing item keeps its own unit"
    assert all(u.name.startswith("常德市岗位开发补贴") for u in units if "｜" in u.span)


# --- a stated 额度 is the loan's figure ----------------------------------------------------------------


def test_a_figure_stated_as_a_loans_limit_is_its_amount_one_unit_per_borrower() -> None:
    loans = {u.span: u for u in _units(JIUJIANG) if u.clause == "doc-02" and _granted(u)}
    personal = next(u for span, u in loans.items() if "25万元" in span)
    business = next(u for span, u in loans.items() if "350万元" in span)
    assert _granted(personal) == ["25万元"] and _granted(business) == ["350万元"]
    assert "小微企业" in business.name and "符合条件" not in business.name, "符合条件的 names nobody"


# --- a tier said as people shorten it ----------------------------------------------------------------


def test_a_word_shortened_by_one_middle_character_is_still_said() -> None:
    assert said_shortened("大型企业", "我们是大企业，稳岗能返多少")
    assert said_shortened("中小微企业", "中小企业有没有")
    assert not said_shortened("大型企业", "大业公司")  # two characters dropped: another word
    assert not said_shortened("中小微企业", "小企业能返多少")  # the first character is not said


# --- through the CLI, into a fresh data directory ------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(tmp_path_factory.mktemp("attached"), (("changde.txt", CHANGDE), ("jiujiang.txt", JIUJIANG)))


def _ask(data_dir: Path, region: str, question: str) -> dict[str, object]:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json", "--region", region, question],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return dict(json.loads(done.stdout))


def _first(answer: dict[str, object]) -> tuple[str, str, str]:
    citations = answer["citations"]
    assert isinstance(citations, list) and citations
    return str(answer["direct_answer"] or ""), citations[0]["clause_label"], citations[0]["quote"]


def test_the_row_holding_the_count_told_answers_quoted_from_the_attachment(published: Path) -> None:
    for question in ("我开的公司带动了7个人就业，奖补能拿多少", "九江创业带动就业奖补，我带动了7个人，每人给多少"):
        line, label, quote = _first(_ask(published, "九江", question))
        assert label == "附件" and quote == "5—19人｜每人1300元", question
        assert "创业带动就业奖补（5—19人）" in line and "1300元" in line
        assert "900元" not in line and "8万元" not in line and "没有写明" not in line


def test_the_row_of_the_group_said_answers(published: Path) -> None:
    line, label, quote = _first(_ask(published, "常德", "单位招了一个残疾人，岗位开发补贴给多少"))
    assert label == "附件2" and quote == "残疾人｜每人3500元"
    assert "岗位开发补贴（残疾人）" in line and "3500元" in line and "2500元" not in line


def test_every_row_is_shown_when_the_asker_says_neither_count_nor_group(published: Path) -> None:
    answer = _ask(published, "九江", "九江创业带动就业奖补标准是多少")
    line = str(answer["direct_answer"] or "")
    assert all(figure in line for figure in ("900元", "1300元", "8万元"))
    # the rows, then the clause that grants them (its conditions; session 22)
    assert [c["clause_label"] for c in answer["citations"]] == ["附件"] * 3 + ["一、"]  # type: ignore[union-attr]


def test_a_count_told_with_another_verb_asks_the_tiered_measure(published: Path) -> None:
    # 九江's table is for people 带动; the asker says 吸纳 and names no measure: the count is what is paid for
    line, label, quote = _first(_ask(published, "九江", "我们吸纳了3个人就业，能拿多少"))
    assert label == "附件" and quote == "1—4人｜每人900元"
    assert "900元" in line and "1300元" not in line
