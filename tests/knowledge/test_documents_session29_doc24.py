"""Session 29 (doc24): documents a deployment loads — the id staff gave a file, a 政策清单 table whose cell
holds one tier per line (<br>), sums written in Chinese numerals and in 大写, a cell stating one cap per
subject without a verb, a tier stated as a numbered item of its own, a raise for a party a condition picks
out, titles that say what the government does (发放…), a document's title in a policy-basis cell, and
sentences that only mention a measure. Documents written for these tests (桐庐, 遂宁), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.library import _slug
from knowledge.derive import derive_measures
from knowledge.filetext import html_text
from knowledge.granted_figures import amounts
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

SUINING_LIST = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>遂宁市2027年创业扶持政策一览_遂宁市人力资源和社会保障局</title></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; 政策一览</div>
<div class="article">
<h1>遂宁市2027年创业扶持政策一览</h1>
<div class="info">发布时间：2027-04-02 09:30　来源：遂宁市人力资源和社会保障局</div>
<div class="content">
<p>现将我市现行创业扶持政策列表如下，具体以政策原文为准。</p>
<table border="1">
<tr><th>序号</th><th>政策名称</th><th>扶持对象</th><th>扶持标准</th><th>经办部门</th><th>政策依据</th></tr>
<tr>
<td>1</td>
<td>一次性开业补贴</td>
<td>首次创业并正常经营3个月以上的返乡人员、退役军人</td>
<td>开办个体工商户的，每户补贴3000元；<br>开办家庭农场、农民合作社等其他经营主体的，每户补贴7000元</td>
<td>经营地县（区）就业服务中心</td>
<td>《四川省开业补贴资金使用办法》（川人社规〔2026〕3号）</td>
</tr>
<tr>
<td>2</td>
<td>创业担保贷款</td>
<td>符合条件的个人和小微企业</td>
<td>个人最高20万元，小微企业最高300万元；按规定给予贴息</td>
<td>各县（区）就业服务中心</td>
<td>《遂宁市创业担保贷款管理办法》（遂人社发〔2026〕8号）</td>
</tr>
<tr>
<td>3</td>
<td>公益性岗位补贴</td>
<td>安置就业困难人员的用人单位</td>
<td>岗位补贴每人每月700元，并按规定给予社会保险补贴</td>
<td>县（区）人力资源和社会保障局</td>
<td>《遂宁市公益性岗位管理办法》（遂人社发〔2025〕2号）</td>
</tr>
</table>
</div></div>
<div class="footer">主办：遂宁市人力资源和社会保障局</div>
</body></html>
"""

TONGLU_MEASURES = "\n".join(
    (
        "桐庐县人力资源和社会保障局　桐庐县财政局",
        "关于印发桐庐县创业就业扶持若干措施的通知",
        "桐人社发〔2027〕11号",
        "各乡镇人民政府、街道办事处：",
        "现将《桐庐县创业就业扶持若干措施》印发给你们，请认真贯彻执行。",
        "一、支持创业",
        "（一）发放一次性开业补贴。",
        "1.首次创办个体工商户或小微企业并正常经营6个月以上的高校毕业生、退役军人，给予一次性开业补贴捌仟元。",
        "2.开办的经营主体带动4人以上就业并为其缴纳社会保险费的，补贴标准提高至一万二千元。",
        "3.该补贴与返乡创业补贴不可重复享受。",
        "（二）落实创业担保贷款。符合条件的个人创业者可申请最高30万元的创业担保贷款；"
        "符合条件的小微企业可申请最高350万元的创业担保贷款。",
        "二、支持见习",
        "（一）开展就业见习。对见习单位按本县最低月工资标准的60%给予见习补贴，"
        "见习期满留用率达到60%以上的见习单位，见习补贴标准提高至最低月工资标准的90%。",
        "（二）落实稳岗返还。",
        "1.中小微企业按上年度实际缴纳失业保险费的70%返还，大型企业按40%返还。",
        "2.稳岗返还由县社会保险经办机构直接发放，企业无需申请。",
        "三、本措施自2027年5月1日起施行。",
        "桐庐县人力资源和社会保障局　桐庐县财政局",
        "2027年4月20日",
        "",
    )
)


def _units(text: str, name: str) -> list:  # type: ignore[type-arg]
    clauses = list(parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses)
    return list(derive_measures("doc", clauses))


# --- the id staff gave the file -------------------------------------------------------------------


def test_a_file_named_by_its_place_and_year_keeps_that_name_as_its_id() -> None:
    assert _slug("桐庐县", date(2026, 12, 20), set(), "tonglu-2027.txt") == "tonglu-2027"
    assert _slug("桐庐县", date(2026, 12, 20), set(), "tonglu-2027-draft.docx") == "tonglu-2027-draft"
    assert _slug("桐庐县", date(2026, 12, 20), set(), r"C:\\uploads\\tonglu-2027.txt") == "tonglu-2027"
    assert _slug("桐庐县", date(2026, 12, 20), {"tonglu-2027"}, "tonglu-2027.txt") == "tonglu-2027-2"


def test_a_file_named_otherwise_gets_the_place_and_the_year_it_was_signed() -> None:
    signed = date(2026, 12, 20)
    assert _slug("桐庐县", signed, set(), "桐庐县创业就业扶持若干措施.txt") == "tonglu-2026"
    assert _slug("桐庐县", signed, set(), "hangzhou-2027.txt") == "tonglu-2026"  # another place's name
    assert _slug("桐庐县", signed, set(), "tonglu.txt") == "tonglu-2026"  # the name alone says nothing more
    assert _slug("桐庐县", signed, set(), "Tonglu_2027.txt") == "tonglu-2026"


# --- a table whose cell holds one tier per line ---------------------------------------------------


def test_a_table_row_with_a_cell_of_several_lines_reads_as_one_record() -> None:
    lines = html_text(SUINING_LIST).splitlines()
    row = next(line for line in lines if line.startswith("1｜"))
    assert "每户补贴3000元；" in row and "每户补贴7000元｜经营地县（区）就业服务中心" in row
    assert not any(line.startswith("开办家庭农场") for line in lines)


def test_each_row_of_the_list_is_one_clause_numbered_by_its_row() -> None:
    clauses = list(parse_clauses(uploaded("doc"), examine(SUINING_LIST.encode("utf-8"), "suining.html").text).clauses)
    assert [c.label for c in clauses] == ["第1项", "第2项", "第3项"]


def test_a_cells_tier_by_condition_is_its_own_unit_and_a_document_title_names_none() -> None:
    units = [u for u in _units(SUINING_LIST, "suining.html") if u.clause == "doc-01"]
    named = {a.text: u.name for u in units for a in u.amounts if a.kind is not AmountKind.THRESHOLD}
    assert named["7000元"] == "开业补贴（开办家庭农场、农民合作社等其他经营主体）"
    assert not any("资金使用办法" in u.name or "四川省" in u.name for u in units)


def test_a_cell_stating_one_cap_per_subject_without_a_verb_is_one_unit_each() -> None:
    units = [u for u in _units(SUINING_LIST, "suining.html") if u.clause == "doc-02"]
    caps = {a.text: u.name for u in units for a in u.amounts if a.kind is AmountKind.CAP}
    assert caps == {"最高20万元": "创业担保贷款（个人）", "最高300万元": "创业担保贷款（小微企业）"}


def test_a_sum_stated_in_its_own_part_before_a_later_grant_is_no_condition() -> None:
    assert [(a.text, a.kind) for a in amounts("小微企业最高300万元，按规定给予贴息")] == [
        ("最高300万元", AmountKind.CAP)
    ]
    assert [(a.text, a.kind) for a in amounts("岗位补贴每人每月700元，并按规定给予社会保险补贴")] == [
        ("每人每月700元", AmountKind.RATE)
    ]
    # a condition's part (…的，) and a reach (满3个月) stay conditions
    assert amounts("正常经营2年以上的，给予4000元")[0].kind is AmountKind.THRESHOLD
    assert amounts("缴纳社会保险费满3个月，给予每人900元")[0].kind is AmountKind.THRESHOLD


# --- sums in Chinese numerals and in 大写 ----------------------------------------------------------


def test_sums_in_chinese_numerals_and_in_capitals_are_figures() -> None:
    assert [(a.text, a.kind) for a in amounts("给予一次性开业补贴捌仟元")] == [("捌仟元", AmountKind.FIXED)]
    assert [a.text for a in amounts("按每人三千元给予补贴")] == ["每人三千元"]
    assert [a.text for a in amounts("每年最高不超过壹万伍仟元")] == ["不超过壹万伍仟元"]
    assert [a.text for a in amounts("补贴标准提高至一万二千元")] == ["一万二千元"]
    assert amounts("全县统一万元以下的小额支出") == ()  # 统一 is no number
    assert amounts("补贴可达上千元") == ()  # 千元 alone states no sum


# --- a numbered item's tier, a party's raise, action titles, mentions --------------------------------


def test_a_tier_stated_as_an_item_of_its_own_is_that_measure_for_its_condition() -> None:
    units = [u for u in _units(TONGLU_MEASURES, "tonglu.txt") if u.clause == "doc-01"]
    named = {a.text: u.name for u in units for a in u.amounts if a.kind is not AmountKind.THRESHOLD}
    assert named == {"捌仟元": "开业补贴", "一万二千元": "开业补贴（开办的经营主体带动4人以上就业）"}
    assert not any("返乡创业补贴" in u.name for u in units)  # named only to say the two do not add up


def test_a_subjects_own_sentence_beside_a_told_apart_sibling_is_told_apart_too() -> None:
    units = [u for u in _units(TONGLU_MEASURES, "tonglu.txt") if u.clause == "doc-02"]
    assert {u.name for u in units} == {"创业担保贷款（个人创业者）", "创业担保贷款（小微企业）"}


def test_a_raise_for_a_party_a_condition_picks_out_is_named_by_it() -> None:
    units = [u for u in _units(TONGLU_MEASURES, "tonglu.txt") if u.clause == "doc-03"]
    raised = [u for u in units if any(a.text == "90%" for a in u.amounts)]
    assert [u.name for u in raised] == ["见习补贴（见习期满留用率达到60%以上的见习单位）"]
    assert not any(a.text == "90%" for u in units if u not in raised for a in u.amounts)


def test_a_title_saying_what_is_done_names_its_object_and_a_mention_is_no_unit() -> None:
    units = [u for u in _units(TONGLU_MEASURES, "tonglu.txt") if u.clause == "doc-04"]
    # (稳岗返还由…直接发放 says how the measure is paid: no unit of no figure beside the tiers)
    assert sorted(u.name for u in units) == ["稳岗返还（中小微企业）", "稳岗返还（大型企业）"]
    assert not any(u.name.startswith(("落实", "发放")) for u in _units(TONGLU_MEASURES, "tonglu.txt"))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session29"), (("suining.html", SUINING_LIST), ("tonglu-2027.txt", TONGLU_MEASURES))
    )


@pytest.mark.parametrize(
    ("region", "question", "shown", "not_shown"),
    [
        # one of the alternatives a tier lists, said, asks that tier
        ("遂宁", "我在遂宁办了个农民合作社，开业补贴能给多少", "7000元", ("3000元",)),
        # the subject's cap of a cell stating one per subject
        ("遂宁", "遂宁小微企业创业担保贷款最多贷多少", "300万元", ("20万元",)),
        # a headcount told that the tier's own item holds
        ("桐庐", "在桐庐开了个小店，带了5个人就业都交了社保，开业补贴能拿多少", "一万二千元", ("捌仟元",)),
        # a sum in 大写
        ("桐庐", "桐庐高校毕业生第一次开个体户，开业补贴给多少", "捌仟元", ("一万二千元",)),
    ],
)
def test_questions_about_the_new_documents(
    published: Path, region: str, question: str, shown: str, not_shown: tuple[str, ...]
) -> None:
    line, _, _ = _first(_ask(published, region, question))
    assert shown in line, (question, line)
    assert not any(figure in line for figure in not_shown), (question, line)


def test_the_file_named_by_staff_is_the_documents_id(published: Path) -> None:
    answer = _ask(published, "桐庐", "桐庐小微企业创业担保贷款最高多少")
    citations = answer["citations"]
    assert isinstance(citations, list) and citations[0]["clause_id"].startswith("tonglu-2027-")
