"""Session 25 (doc20): a page with no 落款 named by its site (a 一览表 of standards, a 政策问答), numbered
questions 问N： under 篇 headings, and text copied out of a PDF (lines wrapped at the page edge, page numbers
and the running header left mid-sentence). Documents written for these tests (衡阳, 营口, 六盘水), not the
bench's session-25 documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.filetext import read_file
from knowledge.intake import examine, parse_clauses
from tests.knowledge.test_documents_session18 import published_texts, run_cli
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

# 衡阳: a 通知公告 page that is only a table; its heading ends like no document, its info bar names a
# section (来源：就业科), the site's name is in the page's <title> and its SiteName.
HENGYANG_TABLE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="衡阳市人力资源和社会保障局">
<title>衡阳市2026年创业补贴发放标准表_通知公告_衡阳市人力资源和社会保障局</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/tzgg/">通知公告</a></div>
<h1>衡阳市2026年创业补贴发放标准表</h1>
<div class="info">发布时间：2026-04-01 10:00　来源：就业科　浏览次数：120</div>
<p>根据《衡阳市就业创业扶持办法》（衡人社发〔2026〕2号）和省有关规定，现将我市2026年度创业补贴项目、对象、标准和受理部门公布如下，请广大劳动者和用人单位按规定申请。</p>
<table><tr><td>序号</td><td>补贴项目</td><td>补贴对象</td><td>补贴标准</td></tr>
<tr><td>1</td><td>一次性创业补贴</td><td>首次创业的高校毕业生、返乡农民工</td><td>每户4000元</td></tr>
<tr><td>2</td><td>创业带动就业补贴</td><td>吸纳登记失业人员就业的创业实体</td><td>每吸纳1人给予800元，每户最高不超过1万元</td></tr>
<tr><td>3</td><td>创业场地租金补贴</td><td>租赁经营场地的创业者</td><td>按实际租金的50%给予补贴，每年最高不超过4000元</td></tr></table>
<p>注：本表自2026年4月1日起执行，有效期至2027年12月31日。</p>
<div class="footer">主办单位：衡阳市人力资源和社会保障局</div>
</body></html>"""

# 营口: a 政策问答 page whose questions 问N： run through 篇 headings 一、… 二、….
YINGKOU_QA = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>营口市就业政策问答 - 营口市人民政府</title></head><body><div class="crumb">当前位置：首页 - 政策解读</div>
<h1>营口市就业政策问答</h1>
<div class="info">来源：营口市人力资源和社会保障局　发布日期：2026-06-01</div>
<p>为便于群众和企业了解《营口市人民政府办公室关于印发营口市稳就业若干措施的通知》（营政办发〔2026〕7号）的主要内容，市人力资源和社会保障局整理了以下问答。</p>
<h3>一、创业篇</h3>
<p>问1：一次性创业补贴是多少？</p><p>答：首次创业正常经营1年以上的，每户给予6000元。</p>
<p>问2：创业担保贷款能贷多少？</p><p>答：个人最高可贷30万元。</p>
<h3>二、就业篇</h3>
<p>问3：企业招用高校毕业生有补贴吗？</p><p>答：按每人1500元给予一次性扩岗补助。</p>
<p>问4：这些措施什么时候开始执行？</p><p>答：自2026年6月1日起施行，有效期至2028年5月31日。</p>
</body></html>"""

# 六盘水: a 补充通知 as its PDF's text layer reads: lines broken at the page edge, the page number and the
# running header (文件 banner, 文号) where a page ended, in the middle of a sentence.
LIUPANSHUI_PDF_TEXT = """六盘水市人力资源和社会保障局文件
六盘水人社通〔2026〕4号
六盘水市人力资源和社会保障局关于调整创业补贴标准的补
充通知
各县（市、区）人力资源和社会保障局，市直有关单位：
　　为进一步鼓励创业带动就业，经研究，现就调整有关补贴
标准补充通知如下：
　　一、一次性创业补贴标准由每户5000元调整为每户7000
元，带动3人以上就业的，调整为每户10000元。
　　二、创业担保贷款个人最高额度由20万元调整为30万元，

－ 1 －

六盘水市人力资源和社会保障局文件
六盘水人社通〔2026〕4号
小微企业最高额度由300万元调整为400万元。
　　三、本通知自2026年5月1日起施行，有效期至2028年12月
31日。

六盘水市人力资源和社会保障局
2026年4月20日

－ 2 －
"""

# 宿州: a notice revising an earlier 办法 that deletes two provisions, one named in brackets, one quoted
# with its old figure, beside one it raises.
SUZHOU_REVISION = """宿州市人力资源和社会保障局　宿州市财政局
关于修改《宿州市就业补助资金管理办法》部分条款的通知
宿人社发〔2026〕5号
各县（区）人力资源和社会保障局、财政局：
经研究，决定对《宿州市就业补助资金管理办法》（宿人社发〔2024〕9号）部分条款修改如下：
一、第六条中“给予6000元一次性创业补贴”修改为“给予9000元一次性创业补贴”。
二、删去第九条（一次性求职补贴）。
三、删去第十一条第二款，即“对招用就业困难人员的企业，按每人800元给予一次性吸纳就业补贴”。
四、本通知自2026年5月1日起施行。
宿州市人力资源和社会保障局　　宿州市财政局
2026年4月2日
"""


def test_a_provision_a_revision_deletes_is_a_measure_that_ended_and_grants_nothing() -> None:
    intake = examine(SUZHOU_REVISION.encode("utf-8"), "revision.txt")
    units = derive_measures("doc", parse_clauses(uploaded("doc"), intake.text).clauses)
    ended = {u.clause: u for u in units if u.ended}
    assert set(ended) == {"doc-02", "doc-03"}
    assert "求职补贴" in ended["doc-02"].name and "吸纳就业补贴" in ended["doc-03"].name
    assert all(not u.amounts for u in ended.values())
    assert not any(u.ended for u in units if u.clause == "doc-01")


# 六安: a 办法 whose 第三条 says where every subsidy is applied for.
LUAN_MEASURES = """六安市人力资源和社会保障局　六安市财政局
关于印发《六安市创业扶持办法》的通知
六人社发〔2026〕6号
各县（区）人力资源和社会保障局、财政局：
现将《六安市创业扶持办法》印发给你们，请认真贯彻执行。
六安市创业扶持办法
第一条　为鼓励创业带动就业，结合我市实际，制定本办法。
第二条　本办法适用于在本市行政区域内创业的劳动者。
第三条　本办法所列补贴由创业所在地县（区）公共就业服务中心受理，申请人也可以通过“皖事通”APP在线申请。
第四条　一次性创业补贴。首次创办小微企业，正常经营6个月以上的，给予每户7000元一次性创业补贴。
第五条　本办法自2026年3月1日起施行。
六安市人力资源和社会保障局　　六安市财政局
2026年2月12日
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session25"), (("suzhou.txt", SUZHOU_REVISION), ("luan.txt", LUAN_MEASURES))
    )


def test_where_to_apply_leads_with_the_sentence_that_says_it(published: Path) -> None:
    answer = _ask(published, "六安", "六安创业补贴去哪里申请")
    line, cited, _ = _first(answer)
    assert answer["status"] == "answered" and cited == "第三条"
    assert line == (
        "按六安市2026年文件第三条：本办法所列补贴由创业所在地县（区）公共就业服务中心受理，"
        "申请人也可以通过“皖事通”APP在线申请。"
    )


@pytest.mark.parametrize(
    ("question", "label"),
    [("宿州一次性求职补贴还能领吗", "二、"), ("宿州企业招就业困难人员，一次性吸纳就业补贴每人多少", "三、")],
)
def test_an_answer_about_a_deleted_measure_says_it_ended_and_shows_no_figure(
    published: Path, question: str, label: str
) -> None:
    line, cited, _ = _first(_ask(published, "宿州", question))
    assert cited == label and "已被删去" in line and "800元" not in line


def test_a_page_without_a_signature_is_issued_by_its_site_and_titled_by_its_heading() -> None:
    facts = examine(HENGYANG_TABLE.encode("utf-8"), "page.html").facts
    assert facts.title == "衡阳市2026年创业补贴发放标准表"
    assert facts.issuer == "衡阳市人力资源和社会保障局"
    assert (facts.province, facts.city) == ("湖南省", "衡阳市")


def test_a_question_page_names_its_issuer_by_the_info_bar_source() -> None:
    facts = examine(YINGKOU_QA.encode("utf-8"), "qa.html").facts
    assert facts.issuer == "营口市人力资源和社会保障局"
    assert facts.city == "营口市"


def test_numbered_questions_under_part_headings_are_one_clause_each_numbered_through() -> None:
    text = examine(YINGKOU_QA.encode("utf-8"), "qa.html").text
    clauses = parse_clauses(uploaded("doc"), text).clauses
    assert [c.label for c in clauses] == ["问1", "问2", "问3", "问4"]
    assert "答：按每人1500元给予一次性扩岗补助。" in clauses[2].text
    assert "30万元" not in clauses[0].text


def test_text_copied_from_a_pdf_reads_in_sentences_across_lines_and_pages() -> None:
    text = read_file(LIUPANSHUI_PDF_TEXT.encode("utf-8"), "notice.txt")
    assert "由每户5000元调整为每户7000元，带动3人以上" in text
    # the two halves of item 二, a page apart, are one sentence again
    assert "个人最高额度由20万元调整为30万元，小微企业最高额度由300万元调整为400万元。" in text
    assert "－ 1 －" not in text and "－ 2 －" not in text
    assert text.count("六盘水人社通〔2026〕4号") == 1  # the letterhead's, not the running header's
    clauses = parse_clauses(uploaded("doc"), text).clauses
    assert [c.label for c in clauses] == ["一、", "二、", "三、"]


def test_a_text_of_one_paragraph_a_line_is_not_joined() -> None:
    paragraphs = [
        "（一）健全就业联动机制。"
        + "将城镇新增就业作为宏观调控主要指标，保持经济增长与扩大就业同步" * 3
        + "。(省发展改革委负责)",
        "（二）保持经济稳定增长。"
        + "扩大投资规模，加快推进项目建设，开发就业岗位，扩大服务业就业规模" * 3
        + "。(省财政厅负责)",
        "（三）畅通民营经济就业主渠道。" + "落实促进民营经济加快发展政策措施，提供精准服务" * 3 + "。(省工信厅负责)",
        "二、优化创业环境",
        "（四）加大创业政策支持。给予一次性5000元初创企业补贴。",
    ]
    text = "\n".join(paragraphs)
    assert read_file(text.encode("utf-8"), "seed.txt") == text


def test_a_cell_spanning_rows_belongs_to_each_row_it_spans() -> None:
    page = """<html><body><h1>表</h1><table>
<tr><td>序号</td><td>补贴项目</td><td>补贴标准</td><td>受理部门</td></tr>
<tr><td>1</td><td>一次性吸纳就业补贴</td><td>每人1000元</td><td rowspan="2">市社会保险服务中心</td></tr>
<tr><td>2</td><td>灵活就业社会保险补贴</td><td>按实际缴费的三分之二补贴</td></tr>
<tr><td rowspan="2">3</td><td>技能提升补贴</td><td>初级工1000元</td><td>市鉴定中心</td></tr>
<tr><td>技能提升补贴</td><td>中级工1500元</td><td>市鉴定中心</td></tr>
</table></body></html>"""
    lines = read_file(page.encode("utf-8"), "page.html").split("\n")
    assert "2｜灵活就业社会保险补贴｜按实际缴费的三分之二补贴｜市社会保险服务中心" in lines
    assert "3｜技能提升补贴｜中级工1500元｜市鉴定中心" in lines
    assert "3｜技能提升补贴｜初级工1000元｜市鉴定中心" in lines


def test_a_jurisdiction_other_than_the_place_the_issuer_names_is_said_not_kept_quiet(tmp_path: Path) -> None:
    path = tmp_path / "suzhou.txt"
    path.write_text(SUZHOU_REVISION, encoding="utf-8")
    assert run_cli(["documents", "add", str(path)], tmp_path).returncode == 0
    moved = run_cli(["documents", "edit", "suzhou-2026", "--place", "蚌埠市"], tmp_path)
    assert moved.returncode == 0 and "发文机关属于宿州市" in moved.stderr and "蚌埠市" in moved.stderr
    shown = json.loads(run_cli(["documents", "show", "suzhou-2026", "--json"], tmp_path).stdout)
    assert (shown["jurisdiction"], shown["place_named"]) == ("蚌埠市", "宿州市")
    inside = run_cli(["documents", "edit", "suzhou-2026", "--place", "宿州市"], tmp_path)
    assert "发文机关属于" not in inside.stderr
    assert json.loads(run_cli(["documents", "show", "suzhou-2026", "--json"], tmp_path).stdout)["place_named"] is None
