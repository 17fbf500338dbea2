"""Session 30 (doc25): documents a deployment loads — a 公众号 article saved as Markdown (its `#` title, its
来源, keycap-numbered parts, bold field labels over bullet lists), tiers a grant states after 其中 or keyed by
a colon, a loan's sums stated by 额度 without a verb, and a figure asked beside how to apply. Documents
written for these tests (柳州 as an article, 黄石 as a notice), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.filetext import page_labels, read_file
from knowledge.intake import examine, parse_clauses
from knowledge.intent import asked_units
from knowledge.measures import AmountKind, Measure
from knowledge.normalize import normalize_document
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

ARTICLE = "\n".join(
    (
        "# 🎉速看！2027年柳州创业就业补贴清单，这几笔钱别错过👇",
        "",
        "原创 柳州就业 柳州就业 2027年2月8日 10:05 广西",
        "",
        "各位朋友注意啦！根据《柳州市2027年就业创业扶持办法》，全市继续落实以下补贴，小编整理好了，快收藏！",
        "",
        "---",
        "",
        "## 1️⃣ 开业补贴",
        "",
        "💰 **补贴标准**",
        "- 开办个体工商户：**4000元**/户",
        "- 开办小微企业或农民专业合作社：**9000元**/户",
        "",
        "📋 **申请条件**",
        "- 首次创业并正常经营满6个月以上的返乡农民工、退役军人",
        "- 自营业执照登记之日起 **1年内** 申请",
        "",
        "📍 **在哪办**：经营所在地县（区）就业服务中心",
        "",
        "---",
        "",
        "## 2️⃣ 创业担保贷款",
        "",
        "💰 **额度**",
        "- 个人最高 **25万元**，合伙创业最高 **120万元**",
        "- 小微企业最高 **350万元**",
        "",
        "📋 **需要带啥**：身份证、营业执照、经营场所租赁合同",
        "",
        "---",
        "",
        "> 📌 **划重点**",
        "> - 以上政策执行期限：**2027年1月1日至2027年12月31日**",
        "> - 咨询电话：0772-12333",
        "",
        "📅 2027年2月8日",
        "",
        "来源：柳州市人社局",
        "",
    )
)


HUANGSHI = "\n".join(
    (
        "黄石市人力资源和社会保障局　黄石市财政局",
        "关于印发《黄石市就业创业扶持若干措施》的通知",
        "黄人社发〔2027〕6号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "现将《黄石市就业创业扶持若干措施》印发给你们，请认真贯彻执行。",
        "一、支持创业",
        "（一）一次性创业补贴。对首次创办小微企业或从事个体经营并正常经营6个月以上的返乡人员，"
        "给予一次性创业补贴，其中开办家庭农场的每户4000元，开办农民专业合作社的每户8000元。",
        "（二）创业担保贷款。符合条件的个人申请创业担保贷款，最高额度25万元；合伙创业的，"
        "可按每人不超过25万元、总额不超过120万元的额度发放；小微企业最高额度350万元。",
        "（三）人才安居。毕业3年内在黄石就业且无自有住房的高校毕业生，可申请租房补贴，"
        "本科及以上每人每月600元，专科每人每月400元。",
        "（四）职业培训补贴。对参加职业技能培训的城乡劳动者，按规定给予职业培训补贴，"
        "其中取得专项职业能力证书的每人700元，参加电商培训取得合格证书的每人900元。",
        "（五）技能提升补贴。对参加失业保险1年以上的企业职工，取得中级工证书的，每人补贴1600元。"
        "职工本人应在取证之日起12个月内通过“黄石人社”公众号申请。",
        "（六）稳岗培训。对吸纳就业困难人员并开展岗位技能培训的企业，按每人每月450元给予以工代训补贴。",
        "二、本措施自2027年5月1日起施行。",
        "黄石市人力资源和社会保障局　黄石市财政局",
        "2027年4月1日",
        "",
    )
)


def _units(text: str, name: str) -> list[Measure]:
    clauses = list(parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses)
    return list(derive_measures("doc", clauses))


def _named(units: list[Measure]) -> dict[str, str]:
    return {a.text: u.name for u in units for a in u.amounts if a.kind not in (AmountKind.THRESHOLD,)}


# --- a 公众号 article saved as Markdown ------------------------------------------------------------


def test_a_markdown_article_is_read_without_its_marks() -> None:
    text = read_file(ARTICLE.encode("utf-8"), "liuzhou-2027.md")
    assert "#" not in text and "**" not in text and "---" not in text
    assert "1．开业补贴" in text.splitlines()  # a keycap number is the part's number
    assert "> " not in text and "以上政策执行期限：2027年1月1日至2027年12月31日" in text


def test_a_markdown_articles_heading_and_source_say_its_title_and_issuer() -> None:
    labels = page_labels(ARTICLE.encode("utf-8"), "liuzhou-2027.md")
    assert labels[0] == "速看！2027年柳州创业就业补贴清单，这几笔钱别错过"
    assert "柳州市人社局" in labels
    facts = examine(ARTICLE.encode("utf-8"), "liuzhou-2027.md").facts
    assert facts.title == "速看！2027年柳州创业就业补贴清单，这几笔钱别错过"
    assert facts.issuer == "柳州市人社局" and facts.city == "柳州市"
    # 执行期限：…至… with a colon states the term as 执行期限为 does
    assert (facts.effective, facts.valid_until) == (date(2027, 1, 1), date(2027, 12, 31))


def test_a_plain_text_file_gives_no_markdown_labels() -> None:
    assert page_labels(HUANGSHI.encode("utf-8"), "huangshi.txt") == ()


def test_each_keycap_numbered_part_is_a_clause() -> None:
    clauses = parse_clauses(uploaded("doc"), examine(ARTICLE.encode("utf-8"), "liuzhou-2027.md").text).clauses
    assert [c.label for c in clauses][:2] == ["1．", "2．"]


def test_a_bulleted_line_is_never_joined_to_the_line_above() -> None:
    """A long item without closing punctuation reads like a line a page break cut; its bullet says it is not."""
    first = "首次创业并正常经营满6个月以上的返乡农民工、退役军人、脱贫人口、就业困难人员和高校毕业生"
    paragraphs = normalize_document(f"{first}\n• 自营业执照登记之日起1年内申请\n").paragraphs
    assert [p.text for p in paragraphs] == [first, "自营业执照登记之日起1年内申请"]
    assert [p.text for p in normalize_document(f"{first}\n自营业执照登记之日起1年内申请\n").paragraphs] == [
        first + "自营业执照登记之日起1年内申请"
    ]


def test_tiers_listed_under_a_bold_label_are_told_apart_and_conditions_grant_nothing() -> None:
    units = [u for u in _units(ARTICLE, "liuzhou-2027.md") if u.clause == "doc-01"]
    named = _named(units)
    assert named["4000元"] == "开业补贴（开办个体工商户）"
    assert named["9000元"] == "开业补贴（开办小微企业或农民专业合作社）"
    assert not any("1年内" in u.span for u in units)  # an item under 申请条件 grants nothing


def test_a_loans_sums_under_its_amount_label_are_the_loans() -> None:
    units = [u for u in _units(ARTICLE, "liuzhou-2027.md") if u.clause == "doc-02"]
    named = _named(units)
    assert named["最高25万元"] == "创业担保贷款（个人）"
    assert named["最高120万元"] == "创业担保贷款（合伙创业）"
    assert named["最高350万元"].startswith("创业担保贷款")


# --- a notice's tiers after 其中, a loan's sums by 额度 -----------------------------------------------


def test_tiers_after_among_are_one_unit_each_named_by_whom() -> None:
    named = _named(_units(HUANGSHI, "huangshi.txt"))
    assert named["4000元"] == "创业补贴（开办家庭农场）"
    assert named["8000元"] == "创业补贴（开办农民专业合作社）"
    assert named["每人700元"] == "职业培训补贴（取得专项职业能力证书）"
    assert named["每人900元"] == "职业培训补贴（参加电商培训取得合格证书）"


def test_a_loans_sums_stated_by_its_amount_word_are_units_of_the_loan() -> None:
    named = _named(_units(HUANGSHI, "huangshi.txt"))
    assert named["不超过120万元"] == "创业担保贷款（合伙创业）"
    assert named["350万元"] == "创业担保贷款（小微企业）"


def test_a_grant_named_by_a_yi_x_dai_y_phrase_keeps_its_first_word() -> None:
    assert _named(_units(HUANGSHI, "huangshi.txt"))["每人每月450元"] == "以工代训补贴"


# --- a figure asked beside how to apply ------------------------------------------------------------


def test_a_grants_word_before_how_much_asks_its_sum() -> None:
    assert "money" in asked_units("考了个电工证，技能补贴多少，在哪办")
    assert "money" in asked_units("开业奖补有多少")
    assert asked_units("补贴多少个月") == ("duration",)


# --- answered end to end, as staff add them ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("doc25"), (("liuzhou-2027.md", ARTICLE), ("huangshi-2027.txt", HUANGSHI))
    )


def test_a_markdown_article_added_by_staff_answers_its_tiers(published: Path) -> None:
    line, _label, _quote = _first(_ask(published, "柳州", "柳州开了个小公司，开业补贴给多少"))
    assert "9000元" in line and "4000元" not in line


def test_a_figure_asked_beside_how_to_apply_is_the_first_line(published: Path) -> None:
    line, _label, _quote = _first(_ask(published, "黄石", "黄石考了中级工证，技能提升补贴多少，去哪申请"))
    assert "1600元" in line


def test_a_topic_the_segmenter_cuts_is_answered_where_a_clause_says_it(published: Path) -> None:
    """租房补贴 is outside the shipped documents; a document that grants it answers it (the topic is
    cut into 租房/补贴 as a token, and those are what the clause matches)."""
    answer = _ask(published, "黄石", "黄石的本科生租房补贴一个月多少钱")
    line, _label, _quote = _first(answer)
    assert answer["status"] == "answered" and "600元" in line and "400元" not in line
