"""Session 22: structures and wordings of documents nobody curated. A notice whose measures are the rows
of a numbered table (序号｜项目｜…｜标准) reads each row as a clause; measures numbered 1.–N. through the
parts of a document (4. under 二、 after 3. under 一、) are clauses of their own, as articles are; figures
listed item by item (初级工1000元、中级工1500元) are one unit per item; a table row's figures are read
cell by cell; a piece opening with its own condition (合伙创业的，…) or naming the earlier measure by
its subject (小微企业贷款) is that measure for that case; a long name is said without its field word
(带动就业补贴); a row of the 附件 a clause points at is cited with that clause, so its conditions stand
beside the row; the title leaves out the 红头 letterhead and a term stated as a span gives its dates.
The documents here are written for these tests (the session's own documents are in documents22/)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure, MeasureHeading, copy_at
from knowledge.tiers import said_shortened
from tests.knowledge.test_documents_session18 import published_texts, run_cli
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

# 湖州: a page whose measures are the rows of a numbered table, with its validity stated as a span.
HUZHOU_PAGE = """<html><head><meta charset="utf-8"><title>湖州市就业补贴清单</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<h1>湖州市人力资源和社会保障局关于公布就业创业补贴项目清单的通知</h1>
<p>湖人社发〔2026〕3号</p>
<p>各区县人力资源和社会保障局：</p>
<p>现将我市就业创业补贴项目清单公布如下，执行期限为2026年3月1日至2027年2月28日。</p>
<table>
<tr><td>序号</td><td>补贴项目</td><td>申领条件</td><td>补贴标准</td><td>受理部门</td></tr>
<tr><td>1</td><td>一次性创业补贴</td><td>首次创办个体工商户，正常经营1年以上</td><td>每户6000元</td><td>区县人力社保部门</td></tr>
<tr><td>2</td><td>个人创业担保贷款</td><td>无不良信用记录</td><td>贷款额度最高40万元，按规定给予贴息</td><td>经办银行</td></tr>
<tr><td>3</td><td>技能提升补贴</td><td>取得职业技能等级证书</td><td>初级800元、中级1300元、高级1800元</td><td>市社保中心</td></tr>
</table>
<p style="text-align:right">湖州市人力资源和社会保障局</p>
<p style="text-align:right">2026年2月20日</p>
<div class="footer">网站地图 | 浙ICP备05000001号</div>
</body></html>
"""

# 孝感: measures numbered 1.–5. through three parts, a 红头 letterhead, a loan for a partnership and a
# 小微企业 said by its subject, a 附件 table that item 4. points at.
XIAOGAN = """孝感市人民政府办公室文件
孝政办发〔2026〕7号
孝感市人民政府办公室关于支持创业带动就业的若干措施
各县（市、区）人民政府，市政府各部门：
一、支持创业
1.创业担保贷款。个人创业担保贷款最高额度为20万元，符合条件的小微企业贷款最高额度为300万元。合伙创业的，可按每人不超过20万元、总额不超过100万元申请。
2.创业带动就业补贴。创业实体吸纳就业并缴纳社会保险费满6个月的，按每人1500元给予创业带动就业补贴。
二、提升技能
3.职业技能培训补贴。取得职业技能等级证书的，按初级工900元、中级工1400元、高级工1900元的标准给予补贴。
三、稳定岗位
4.一次性吸纳就业补贴。企业招用登记失业人员并签订1年以上劳动合同的，按企业类型给予补贴，补贴标准见附件。
5.本措施自印发之日起施行。
孝感市人民政府办公室
2026年3月2日
附件
孝感市一次性吸纳就业补贴标准
企业类型　　　　　补贴标准
大型企业　　　　　每人800元
中小微企业　　　　每人1200元
"""


def _page(html: str) -> tuple[object, object]:
    intake = examine(html.encode("utf-8"), "page.html")
    return intake.facts, parse_clauses(uploaded("doc"), intake.text)


def _units(text: str) -> tuple[Measure, ...]:
    return derive_measures("doc", parse_clauses(uploaded("doc"), text).clauses)


def _granted(unit: Measure) -> list[str]:
    return [a.text for a in unit.amounts if a.kind is not AmountKind.THRESHOLD]


def _named(units: tuple[Measure, ...], name: str) -> Measure:
    return next(u for u in units if u.name == name)


# --- structure ---------------------------------------------------------------------------------------


def test_the_rows_of_a_numbered_table_are_its_clauses_each_named_by_its_first_cell() -> None:
    _, parsed = _page(HUZHOU_PAGE)
    clauses = parsed.clauses  # type: ignore[attr-defined]
    assert [c.label for c in clauses] == ["第1项", "第2项", "第3项"]
    assert [c.heading for c in clauses] == ["一次性创业补贴", "个人创业担保贷款", "技能提升补贴"]
    # the cell under 受理部门 says what it is (session 26: a row read whole answers where to apply)
    assert (
        clauses[0].text
        == "1｜一次性创业补贴｜首次创办个体工商户，正常经营1年以上｜每户6000元｜受理部门：区县人力社保部门"
    )
    assert "序号｜补贴项目｜申领条件｜补贴标准｜受理部门" in parsed.preamble  # type: ignore[attr-defined]


def test_measures_numbered_through_the_parts_are_clauses_of_their_own() -> None:
    parsed = parse_clauses(uploaded("doc"), XIAOGAN)
    body = [c for c in parsed.clauses if c.label != "附件"]
    assert [c.label for c in body] == ["1.", "2.", "3.", "4.", "5."]
    assert [c.section_heading for c in body[:4]] == ["支持创业", "支持创业", "提升技能", "稳定岗位"]
    # a list that starts again at 1 under each part is still one clause per part
    restarting = (
        XIAOGAN.replace("3.职业技能", "1.职业技能").replace("4.一次性", "1.一次性").replace("5.本措施", "2.本措施")
    )
    labels = [c.label for c in parse_clauses(uploaded("doc"), restarting).clauses]
    assert labels[:3] == ["一、", "二、", "三、"]


# --- facts ---------------------------------------------------------------------------------------------


def test_the_title_leaves_out_the_letterhead_and_a_term_span_gives_both_dates() -> None:
    facts = examine(XIAOGAN.encode("utf-8"), "xiaogan.txt").facts
    assert facts.title == "孝感市人民政府办公室关于支持创业带动就业的若干措施"
    page_facts, _ = _page(HUZHOU_PAGE)
    assert page_facts.effective == date(2026, 3, 1)  # type: ignore[attr-defined]
    assert page_facts.valid_until == date(2027, 2, 28)  # type: ignore[attr-defined]


# --- measure units -------------------------------------------------------------------------------------


def test_figures_listed_item_by_item_are_one_unit_per_item() -> None:
    units = _units(XIAOGAN)
    assert _granted(_named(units, "职业技能培训补贴（中级工）")) == ["1400元"]
    assert _granted(_named(units, "职业技能培训补贴（高级工）")) == ["1900元"]
    assert "中级工职业技能培训补贴" in _named(units, "职业技能培训补贴（中级工）").aliases


def test_a_table_rows_figures_are_read_cell_by_cell() -> None:
    _, parsed = _page(HUZHOU_PAGE)
    units = derive_measures("doc", parsed.clauses)  # type: ignore[attr-defined]
    loan = next(u for u in units if u.clause == "doc-02")
    assert [(a.text, a.kind) for a in loan.amounts] == [("最高40万元", AmountKind.CAP)]
    skills = [u for u in units if u.clause == "doc-03"]
    assert [_granted(u) for u in skills] == [["800元"], ["1300元"], ["1800元"]]


def test_a_piece_with_its_own_condition_or_subject_is_the_earlier_measure_for_that_case() -> None:
    units = _units(XIAOGAN)
    assert _granted(_named(units, "创业担保贷款（合伙创业）")) == ["不超过20万元", "不超过100万元"]
    assert _granted(_named(units, "创业担保贷款（小微企业）")) == ["300万元"]
    assert "小微企业创业担保贷款" in _named(units, "创业担保贷款（小微企业）").aliases


def test_a_long_name_is_also_said_without_its_field_word() -> None:
    assert "带动就业补贴" in _named(_units(XIAOGAN), "创业带动就业补贴").aliases


def test_a_tier_shortened_by_two_middle_characters_is_still_said() -> None:
    assert said_shortened("个体工商户", "我开了个个体户")
    assert not said_shortened("个体工商户", "个户")  # two characters left: another word
    assert not said_shortened("小微企业", "小业")


def test_the_rows_of_an_attachment_know_the_clause_that_grants_them() -> None:
    units = _units(XIAOGAN)
    row = _named(units, "一次性吸纳就业补贴（大型企业）")
    assert row.clause == "doc-06" and row.granted_in == "doc-04"
    heading = MeasureHeading("copy.auto_06_02", "copy-06", "copy", (row.name,), "")
    assert copy_at(row, heading).granted_in == "copy-04"


# --- through the CLI, into a fresh data directory ------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session22"), (("huzhou.html", HUZHOU_PAGE), ("xiaogan.txt", XIAOGAN))
    )


def test_a_row_of_a_numbered_table_answers_with_its_own_figure(published: Path) -> None:
    line, label, quote = _first(_ask(published, "湖州", "湖州考了中级证书，技能提升补贴给多少"))
    assert label == "第3项" and "1300元" in line and "800元" not in line and "1800元" not in line
    assert quote.startswith("技能提升补贴｜取得职业技能等级证书")


def test_a_row_of_an_attachment_is_cited_with_the_clause_that_grants_it(published: Path) -> None:
    answer = _ask(published, "孝感", "孝感大企业招了失业人员，一次性吸纳就业补贴每人多少")
    line, label, quote = _first(answer)
    assert label == "附件" and quote == "大型企业｜每人800元" and "1200元" not in line
    cited = answer["citations"]
    assert isinstance(cited, list) and len(cited) >= 2
    assert cited[1]["clause_label"] == "4." and "签订1年以上劳动合同" in cited[1]["quote"]


def test_the_documents_show_their_facts(published: Path) -> None:
    shown = json.loads(run_cli(["documents", "list", "--json"], published).stdout)
    titles = {d["title"] for d in shown}
    assert "孝感市人民政府办公室关于支持创业带动就业的若干措施" in titles
