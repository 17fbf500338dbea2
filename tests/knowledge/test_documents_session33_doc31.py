"""Session 33 (doc31): forms of documents not met before, by class, on documents written for these tests
(淄博, 邢台, 金华), added as staff add them. A 新闻发布会 page saved as text: its heading sits between the
breadcrumb and the info bar, and the bodies that issued the measures it presents are its issuers (市人社局 of
the title's place); a list said aloud (第一是…，第二是…) numbers its measures. A 办法 converted carelessly
from Word: a footer's page number beside its running text, a reviewer's [修订:]/[批注:] notes, an 附件 table
typed with spaces whose rows name the measures several articles point at, a deadline whose late applications
are refused. A 公示 page: its list of recipients is no clause."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.clauses import Clause
from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.filetext import read_file
from knowledge.intake import examine, parse_clauses
from knowledge.quality import IssueKind
from knowledge.tiers import said_tier
from tests.knowledge.asking import ask_json
from tests.knowledge.test_documents_session18 import published_texts

ZIBO = "\n".join(
    (
        "鲁中网 | 淄博新闻",
        "首页 > 淄博新闻 > 政务发布",
        "淄博召开《创业扶持若干措施》新闻发布会",
        "来源：鲁中网    发布时间：2026-02-10 09:30    浏览次数：1024",
        "",
        "主持人：各位记者朋友，上午好！近日，市人力资源和社会保障局、市财政局联合印发了《淄博市创业扶持若干措施》"
        "（淄人社发〔2026〕5号）。今天请市人社局负责同志介绍有关情况。",
        "",
        "记者：我是淄博日报记者。请问对高校毕业生有哪些支持？",
        "",
        "市人社局副局长 张明：谢谢提问。主要有两项。第一是一次性吸纳就业补贴，企业招用离校2年内未就业高校毕业生并"
        "签订1年以上劳动合同的，按每人1200元给予企业一次性吸纳就业补贴。第二是就业见习补贴，见习单位吸纳高校毕业生"
        "参加见习的，见习补贴标准由原来每人每月1500元提高到每人每月1700元，见习期最长12个月。",
        "",
        "主持人：今天的发布会到此结束。",
        "",
    )
)

XINGTAI = "\n".join(
    (
        "邢台市人力资源和社会保障局",
        "关于印发《邢台市就业补贴办法》的通知",
        "邢人社规〔2026〕1号",
        "",
        "各县（市、区）人力资源和社会保障局：",
        "现将《邢台市就业补贴办法》印发给你们，请认真贯彻执行。",
        "",
        "邢台市就业补贴办法",
        "",
        "第一条  对吸纳离校2年内未就业高校毕业生参加就业见习的单位，给予就业见习补贴，见习期限一般为3至12个月，"
        "补贴标准见附件。",
        "",
        "第二条  企业职工参加失业保险1年以上，取得职业技能等级证书的，可申请技能提升补贴，补贴标准见附件。",
        "邢人社规〔2026〕1号                                             第 1 页 共 2 页",
        "邢台市就业补贴办法",
        "第三条  对首次创业的高校毕业生，给予6000元的一次性创业补贴。[修订: 删除“对返乡农民工另给予一次性创业补贴"
        "2000元”]每人只能享受一次。",
        "",
        "第四条  就业补贴按季度集中受理，当年度补贴的申报截止时间为11月30日，逾期未申报的不再受理。",
        "",
        "第五条  本办法自2026年3月1日起施行，有效期5年。[批注: 有效期请法规科确认]",
        "邢人社规〔2026〕1号                                             第 2 页 共 2 页",
        "邢台市就业补贴办法",
        "",
        "附件",
        "",
        "邢台市就业补贴标准表",
        "",
        "补贴项目    补贴对象    补贴标准    经办部门",
        "就业见习补贴    离校2年内未就业高校毕业生    每人每月1600元，最长12个月    县级公共就业服务机构",
        "技能提升补贴（初级工/五级）    参保1年以上企业职工    每人1000元    县级公共就业服务机构",
        "技能提升补贴（高级工/三级）    参保1年以上企业职工    每人2000元    县级公共就业服务机构",
        "",
    )
)

JINHUA = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>关于2026年第二批创业补贴拟发放名单的公示_金华市人民政府</title></head>
<body>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 公示公告</div>
<table class="xxgk-info" border="1">
<tr><td>发布机构</td><td>金华市人力资源和社会保障局</td><td>成文日期</td><td>2026-04-08</td></tr>
</table>
<div class="article"><h1>关于2026年第二批创业补贴拟发放名单的公示</h1>
<div class="content">
<p>经个人申请、县区初审、市就业管理服务中心复核，现将2026年第二批创业补贴拟发放名单予以公示。有关补贴标准如下：</p>
<p>一、创业带动就业补贴。创业实体吸纳本市户籍劳动者就业并依法缴纳社会保险满6个月的，按每吸纳1人补贴2000元的标准给予创业带动就业补贴，每个创业实体每年最高不超过20000元。</p>
<p>二、拟发放名单。本批次拟发放创业补贴共3人，具体名单如下：</p>
<table class="gs-list" border="1">
<tr><th>序号</th><th>姓名</th><th>补贴类别</th><th>补贴金额</th></tr>
<tr><td>1</td><td>陈*</td><td>创业带动就业补贴</td><td>6000元</td></tr>
<tr><td>2</td><td>王*婷</td><td>创业带动就业补贴</td><td>4000元</td></tr>
<tr><td>3</td><td>楼*杰</td><td>创业带动就业补贴</td><td>12000元</td></tr>
</table>
<p>三、公示期为2026年4月9日至2026年4月15日。</p>
<p style="text-align:right">金华市人力资源和社会保障局<br>2026年4月8日</p>
</div></div>
</body></html>
"""


def _parsed(text: str, city: str = "邢台市") -> tuple[list[Clause], list[str]]:
    document = Document(
        id="t-2026", source_file="t.txt", title="测试", short_name="测试", issuer="某市人力资源和社会保障局",
        province="河北省", city=city, document_number=None, signed=date(2026, 3, 1), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    parsed = parse_clauses(document, text)
    return list(parsed.clauses), [issue.kind for issue in parsed.quality.issues]


# --- a press conference page saved as text --------------------------------------------------------------


def test_a_news_pages_heading_below_its_breadcrumb_is_its_title_and_the_bodies_it_presents_its_issuers() -> None:
    facts = examine(ZIBO.encode("utf-8"), "zibo-fabuhui.txt").facts
    assert facts.title == "淄博召开《创业扶持若干措施》新闻发布会"
    assert facts.issuer == "淄博市人力资源和社会保障局、淄博市财政局"
    assert facts.city == "淄博市"
    assert "来源" not in read_file(ZIBO.encode("utf-8"), "zibo-fabuhui.txt")


def test_a_list_said_aloud_numbers_its_measures_and_an_old_standard_is_no_figure() -> None:
    text = read_file(ZIBO.encode("utf-8"), "zibo-fabuhui.txt")
    units = {m.name: [a.text for a in m.amounts] for m in derive_measures("t-2026", _parsed(text, "淄博市")[0])}
    assert not any("是" in name for name in units), units
    assert [a for a in units["就业见习补贴"] if "元" in a] == ["每人每月1700元"], units


# --- a 办法 converted carelessly from Word ------------------------------------------------------------


def test_a_footers_page_number_beside_its_running_text_is_dropped_with_the_running_header() -> None:
    clauses, _ = _parsed(read_file(XINGTAI.encode("utf-8"), "xingtai.txt"))
    assert not any("页" in c.text or "邢人社规" in c.text for c in clauses), [c.text for c in clauses]
    assert clauses[1].text.endswith("补贴标准见附件。")


def test_a_reviewers_notes_are_no_text_of_the_document_and_are_reported() -> None:
    clauses, kinds = _parsed(read_file(XINGTAI.encode("utf-8"), "xingtai.txt"))
    assert not any("修订" in c.text or "批注" in c.text for c in clauses)
    assert kinds.count(IssueKind.EDITOR_NOTE_REMOVED) == 2
    figures = [a.text for m in derive_measures("t-2026", clauses) for a in m.amounts]
    assert "2000元" not in figures and "6000元" in figures


def test_a_table_typed_with_spaces_keeps_one_row_per_line() -> None:
    clauses, _ = _parsed(read_file(XINGTAI.encode("utf-8"), "xingtai.txt"))
    table = clauses[-1]
    assert table.label == "附件"
    assert "就业见习补贴｜离校2年内未就业高校毕业生｜每人每月1600元，最长12个月｜" in table.text
    assert "技能提升补贴（高级工/三级）｜参保1年以上企业职工｜每人2000元｜" in table.text


def test_each_row_of_a_table_of_several_measures_belongs_to_the_article_naming_it() -> None:
    clauses, _ = _parsed(read_file(XINGTAI.encode("utf-8"), "xingtai.txt"))
    rows = {m.name: m.granted_in for m in derive_measures("t-2026", clauses) if "｜" in m.span}
    assert rows == {
        "就业见习补贴": clauses[0].id,
        "技能提升补贴（初级工/五级）": clauses[1].id,
        "技能提升补贴（高级工/三级）": clauses[1].id,
    }


def test_refusing_late_applications_does_not_end_a_measure() -> None:
    clauses, _ = _parsed(read_file(XINGTAI.encode("utf-8"), "xingtai.txt"))
    assert not any(m.ended for m in derive_measures("t-2026", clauses))


@pytest.mark.parametrize(
    ("tier", "question", "said"),
    [
        ("高级工/三级", "拿到高级工证书能补多少", True),
        ("高级工/三级", "考了三级证书补多少", True),
        ("初级工/五级", "拿到高级工证书能补多少", False),
    ],
)
def test_a_tiers_names_side_by_side_each_say_it(tier: str, question: str, said: bool) -> None:
    assert said_tier(tier, question) is said


# --- a 公示 page -------------------------------------------------------------------------------------


def test_a_list_of_recipients_is_no_clause_and_states_no_measure() -> None:
    text = read_file(JINHUA.encode("utf-8"), "jinhua-gongshi.html")
    clauses, kinds = _parsed(text, "金华市")
    assert not any("陈*" in c.text for c in clauses)
    assert IssueKind.ROSTER_LEFT_OUT in kinds
    figures = [a.text for m in derive_measures("t-2026", clauses) for a in m.amounts]
    assert "6000元" not in figures and "12000元" not in figures


# --- answered end to end, as staff add them ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("doc31"),
        (("zibo-2026-fabuhui.txt", ZIBO), ("xingtai-2026-banfa.txt", XINGTAI), ("jinhua-2026-gongshi.html", JINHUA)),
    )


def _ask(data_dir: Path, region: str, questions: list[str]) -> list[str]:
    """The first lines of the answers to questions of one region."""
    return [str(a["direct_answer"] or "") for a in ask_json(data_dir, region, questions, "2026-12-06")]


def test_the_press_conferences_measures_are_answered_with_their_new_figures(published: Path) -> None:
    trainee, hiring = _ask(
        published, "淄博", ["淄博见习补贴一个月多少", "淄博企业招应届大学生，一次性吸纳就业补贴多少"]
    )
    assert "1700元" in trainee and "1500元" not in trainee, trainee
    assert "1200元" in hiring, hiring


def test_a_yearly_deadline_and_a_graded_row_are_answered_as_written(published: Path) -> None:
    due, senior = _ask(published, "邢台", ["邢台就业补贴每年申报截止到什么时候", "邢台企业职工拿到高级工证书能补多少"])
    assert "11月30日" in due and "停止" not in due, due
    assert "2000元" in senior and "1000元" not in senior, senior


def test_a_measure_of_a_notice_is_answered_by_what_it_grants_not_by_a_recipients_sum(published: Path) -> None:
    (most,) = _ask(published, "金华", ["金华创业带动就业补贴一年最多能拿多少"])
    assert "20000元" in most and "6000元" not in most and "12000元" not in most, most
