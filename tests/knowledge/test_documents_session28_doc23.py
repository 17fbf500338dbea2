"""Session 28 (doc23): documents a deployment loads, split into the clauses their own structure gives
and answered from the right units — a 申报 notice set out by aspect (申报对象, 补贴标准, 申报时间, 办理地点)
whose items name the same measures again, with a replaced standard and one office line per district;
a 政策解读 page opening with 出台背景 and a 主要内容如下： line over its measures; a year of the calendar
that is no figure of a grant; a count per household (每户补贴) that names no grant; a condition's own
grant under a heading that names its measure by a phrase around it. Documents written for these tests
(宜宾, 德阳), not the bench's sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.answer import _place_key_said
from knowledge.derive import derive_measures
from knowledge.granted_figures import amounts
from knowledge.intake import examine, parse_clauses
from knowledge.normalize import normalize_document
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

YIBIN_NOTICE = "\n".join(
    (
        "宜宾市人力资源和社会保障局",
        "宜宾市财政局",
        "关于开展2027年度创业补贴和岗位补贴申报工作的通知",
        "宜人社发〔2027〕4号",
        "各区县人力资源和社会保障局、财政局：",
        "为落实就业优先政策，现就2027年度创业补贴和岗位补贴申报工作通知如下：",
        "一、申报对象",
        "（一）创业补贴。2026年7月1日以后在我市首次登记个体工商户或小微企业，正常经营满1年的毕业3年内高校毕业生、"
        "退役军人。",
        "（二）岗位补贴。在我市公益性岗位上岗满3个月的就业困难人员。",
        "二、补贴标准",
        "（一）创业补贴。登记个体工商户的，每户补贴6000元；登记小微企业的，每户补贴9000元。"
        "上述标准自2027年1月1日起执行，原《宜宾市创业补贴办法》（宜人社规〔2023〕2号）规定的每户3000元补贴标准同时停止执行。",
        "（二）岗位补贴。按每人每月600元给予岗位补贴，最长不超过2年。",
        "三、申报时间",
        "2027年度申报集中在2027年5月6日至2027年6月30日受理，逾期不再受理。",
        "四、办理地点",
        "申请人向户籍地或经营地所在区县公共就业服务机构申报。",
        "翠屏区：翠屏区政务服务中心三楼就业窗口，咨询电话0831-8201101",
        "叙州区：叙州区就业服务中心一楼大厅，咨询电话0831-8202202",
        "南溪区：南溪区政务服务中心社保窗口，咨询电话0831-8203303",
        "江安县：江安县就业服务中心，咨询电话0831-8204404",
        "五、工作要求",
        "（一）各区县要按时完成审核，审核通过的名单公示5个工作日。",
        "（二）申请人对所提供材料的真实性负责。",
        "宜宾市人力资源和社会保障局　　宜宾市财政局",
        "2027年3月8日",
        "",
    )
)

DEYANG_EXPLAINED = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="《德阳市促进青年就业创业若干措施》政策解读">
<meta name="PubDate" content="2027-02-14 09:00">
<meta name="ContentSource" content="德阳市人力资源和社会保障局">
<title>《德阳市促进青年就业创业若干措施》政策解读_德阳市人力资源和社会保障局</title></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zcjd/">政策解读</a></div>
<div class="article">
<h1>《德阳市促进青年就业创业若干措施》政策解读</h1>
<div class="info">发布时间：2027-02-14　来源：德阳市人力资源和社会保障局　浏览次数：321</div>
<div id="zoom">
<p><strong>一、出台背景</strong></p>
<p>为进一步稳定青年就业，激发创业活力，市人力资源和社会保障局会同市财政局研究制定了《若干措施》。</p>
<p><strong>二、主要内容</strong></p>
<p>《若干措施》共提出4条措施，主要内容如下：</p>
<p><strong>（一）发放青年见习补贴。</strong>对吸纳离校2年内未就业高校毕业生参加见习的单位，按每人每月1900元给予见习补贴。</p>
<p><strong>（二）加大创业担保贷款支持。</strong>符合条件的个人创业者可申请最高不超过25万元的创业担保贷款；合伙创业的，可按每人不超过25万元、贷款总额最高不超过120万元的额度申请。</p>
<p><strong>（三）给予一次性创业补贴。</strong>对首次创办个体工商户的青年给予4000元一次性创业补贴。</p>
<p><strong>（四）落实社会保险补贴。</strong>对灵活就业的青年按实际缴费额的三分之二给予补贴，每人每月最高不超过320元。</p>
<p><strong>三、适用范围和执行时间</strong></p>
<p>《若干措施》自2027年3月1日起施行，有效期至2028年12月31日。</p>
</div></div>
<div class="footer"><p>主办：德阳市人力资源和社会保障局　版权所有</p><p>网站标识码：5106000001</p></div>
</body></html>
"""


LUZHOU_MEASURES = "\n".join(
    (
        "泸州市人民政府办公室关于印发泸州市创业扶持办法的通知",
        "泸市府办发〔2027〕9号",
        "各区县人民政府，市级有关部门：",
        "现将《泸州市创业扶持办法》印发给你们，请认真贯彻执行。",
        "第一条　为鼓励创业带动就业，制定本办法。",
        "第二条　市人力资源和社会保障局负责全市创业扶持政策的指导监督。各区县公共就业服务机构负责本辖区创业补贴"
        "申请的受理、审核和发放。",
        "第三条　对首次创办小微企业的高校毕业生，给予一次性创业补贴7000元。",
        "第四条　以虚报、冒领等手段骗取创业补贴资金的，由人力资源和社会保障部门会同财政部门追回资金。",
        "第五条　本办法自2027年6月1日起施行。",
        "泸州市人民政府办公室",
        "2027年5月10日",
        "",
    )
)


def _clauses(text: str, name: str) -> list:  # type: ignore[type-arg]
    return list(parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses)


def test_a_notice_set_out_by_aspect_is_one_clause_per_aspect() -> None:
    clauses = _clauses(YIBIN_NOTICE, "yibin.txt")
    assert [c.label for c in clauses] == ["一、", "二、", "三、", "四、", "五、"]
    assert clauses[1].text.startswith("二、补贴标准\n（一）创业补贴。") and "每人每月600元" in clauses[1].text
    assert "（二）申请人对所提供材料的真实性负责。" in clauses[4].text


def test_a_notice_whose_items_number_distinct_measures_keeps_them_apart() -> None:
    """Only items that name the same measures again under several parts make the parts the clauses."""
    text = YIBIN_NOTICE.replace("（一）创业补贴。登记", "（一）开业补贴。登记").replace(
        "（二）岗位补贴。按每人", "（二）见习补贴。按每人"
    )
    labels = [c.label for c in _clauses(text, "yibin.txt")]
    assert "二、（一）" in labels and "二、（二）" in labels


def test_a_pages_background_part_is_its_preamble_and_a_lead_in_line_no_clause() -> None:
    clauses = _clauses(DEYANG_EXPLAINED, "deyang.html")
    assert [c.label for c in clauses[:4]] == ["（一）", "（二）", "（三）", "（四）"]
    assert not any("出台背景" in c.text or "主要内容如下" in c.text for c in clauses)
    assert clauses[4].label == "三、" and "有效期至2028年12月31日" in clauses[4].text


def test_a_replaced_standard_ends_the_old_standard_not_the_measure_that_replaces_it() -> None:
    units = [u for u in derive_measures("doc", _clauses(YIBIN_NOTICE, "yibin.txt")) if u.clause == "doc-02"]
    grants = [u for u in units if any(a.text == "6000元" for a in u.amounts)]
    assert len(grants) == 1 and not grants[0].ended
    assert not any(a.text == "3000元" for u in units for a in u.amounts)


def test_a_count_per_household_before_the_grant_word_names_no_grant() -> None:
    units = [u for u in derive_measures("doc", _clauses(YIBIN_NOTICE, "yibin.txt")) if u.clause == "doc-02"]
    named = {a.text: u.name for u in units for a in u.amounts}
    assert named["6000元"].startswith("创业补贴") and named["9000元"].startswith("创业补贴")
    assert not any(u.name.startswith("每户") for u in units)


def test_a_year_of_the_calendar_is_no_figure_of_a_grant() -> None:
    assert [a.text for a in amounts("2026年度已受理的补贴申请按每人500元发放，期限2年")] == ["每人500元", "2年"]


def test_a_conditions_grant_under_a_heading_phrase_is_the_measure_for_that_group() -> None:
    units = [u for u in derive_measures("doc", _clauses(DEYANG_EXPLAINED, "deyang.html")) if u.clause == "doc-02"]
    partners = [u for u in units if any("120万元" in a.text for a in u.amounts)]
    assert [u.name for u in partners] == ["创业担保贷款（合伙创业）"]


def test_lines_keyed_alike_are_entries_not_a_sentence_cut_by_a_page_break() -> None:
    lines = [
        "甲区：甲区政务服务中心二楼综合窗口，咨询电话0831-1111111，工作日上午九点至下午五点受理",
        "乙县：乙县就业服务中心一楼大厅，咨询电话0831-2222222，工作日上午九点至下午五点受理",
    ]
    paragraphs = normalize_document("\n".join(lines)).paragraphs
    assert [p.text for p in paragraphs] == lines


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session28"),
        (("yibin.txt", YIBIN_NOTICE), ("deyang.html", DEYANG_EXPLAINED), ("luzhou.txt", LUZHOU_MEASURES)),
    )


@pytest.mark.parametrize(
    ("region", "question", "label", "shown", "not_shown"),
    [
        # the asker's own district's line of the list of offices, not the others'
        ("宜宾", "我在叙州区，岗位补贴到哪里去申报", "四、", "0831-8202202", ("0831-8201101", "0831-8203303")),
        ("宜宾", "江安的创业补贴在哪办理 电话是多少", "四、", "0831-8204404", ("0831-8202202", "0831-8201101")),
        # the measure whose old standard stopped is answered with its new one, not as ended
        ("宜宾", "宜宾开个体户的创业补贴现在给多少", "二、", "6000元", ("3000元", "停止执行")),
        # the partnership's own cap of the loan the heading names
        ("德阳", "德阳几个人合伙创业，担保贷款一共最多贷多少", "（二）", "120万元", ()),
        # the office a clause says takes the applications, not one named for another duty (追回资金)
        ("泸州", "泸州的创业补贴究竟要找哪个部门申请", "第二条", "公共就业服务机构", ("追回",)),
    ],
)
def test_questions_about_the_new_documents(
    published: Path, region: str, question: str, label: str, shown: str, not_shown: tuple[str, ...]
) -> None:
    line, cited, _ = _first(_ask(published, region, question))
    assert cited == label and shown in line, (question, line, cited)
    assert not any(figure in line for figure in not_shown), (question, line)


def test_a_county_named_after_its_city_is_not_the_place_of_one_who_names_the_city() -> None:
    assert not _place_key_said("宜宾县", "在宜宾申请岗位补贴去哪办", ("宜宾市",))
    assert _place_key_said("江安县", "我是江安的，岗位补贴去哪办", ("宜宾市",))
    assert _place_key_said("东城新区（高新区）", "东城新区的补贴到哪里申请", ("宜宾市",))
