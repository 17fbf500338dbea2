"""Session 23: documents nobody curated, in forms not seen before. A 政策解读 page in unnumbered 问：/答：
pairs reads each pair as one clause (第N问, headed by its question), its issuer from the opening that says
who issued the document it explains, its date from the page's 发布时间; a question grants nothing; the
wording a revision replaces (将…中“…5000元…”修改为“…8000元…”) is no figure of the measure; a piece that
grants the clause's earlier measure to a subject (符合条件的小微企业最高可申请400万元) or by the bare word
(参加网络创业培训的，按每人800元给予补贴) is that measure for that case; figures paid item by item keep one
figure each, even when two items are paid alike; a share whose only sum is its cap (50%, 每年最高5000元) is
answered with the share when money is asked. The documents here are written for these tests (the
session's own documents are in documents23/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

# 荆州: an explanation page saved from the site, questions and answers without numbers.
JINGZHOU_PAGE = """<html><head><meta charset="utf-8"><title>政策解读_荆州市人力资源和社会保障局</title></head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zcjd">政策解读</a></li></ul>
<div class="position">当前位置：首页 &gt; 政策解读</div>
<h1>《荆州市促进高校毕业生就业若干措施》政策解读</h1>
<div class="info">发布时间：2026-04-08 09:00　来源：荆州市人力资源和社会保障局　浏览次数：311</div>
<p>日前，荆州市人力资源和社会保障局、荆州市财政局联合印发了《荆州市促进高校毕业生就业若干措施》（荆人社发〔2026〕2号）。现就有关问题解读如下。</p>
<p>问：毕业生到小微企业就业，企业有什么补贴？</p>
<p>答：小微企业招用毕业年度高校毕业生并签订1年以上劳动合同的，按每人1500元给予一次性吸纳就业补贴。</p>
<p>问：毕业生自己创业，能贷多少款？</p>
<p>答：高校毕业生个人最高可申请30万元创业担保贷款；符合条件的小微企业最高可申请300万元。</p>
<p>问：参加培训有补贴吗？</p>
<p>答：参加创业培训并取得合格证书的，按每人1000元给予创业培训补贴；参加网络创业培训的，按每人600元给予补贴。</p>
<p>问：毕业生租场地创业，场租有补贴吗？</p>
<p>答：在创业孵化基地以外租赁经营场地的，按实际租金的50%给予场租补贴，每年最高5000元。</p>
<div class="share">分享到：微信 微博</div>
<div class="footer">网站地图 | 鄂ICP备05000002号</div>
</body></html>
"""

# 宜昌: a notice that revises an earlier 办法, quoting the old wording beside the new.
YICHANG_REVISION = """宜昌市人力资源和社会保障局
关于修订《宜昌市就业补助资金管理办法》部分条款的通知
宜人社发〔2026〕5号
各县（市、区）人力资源和社会保障局：
经研究，决定对《宜昌市就业补助资金管理办法》（宜人社发〔2023〕9号）部分条款修订如下：
一、将第六条中“给予6000元一次性创业补贴”修改为“给予9000元一次性创业补贴”。
二、将第九条中“按每人600元给予职业技能培训补贴”修改为“按初级工800元、中级工1300元、高级工1800元的标准给予职业技能培训补贴”。
三、本通知自2026年5月1日起施行。
宜昌市人力资源和社会保障局
2026年4月20日
"""


def _units(text: str) -> tuple[Measure, ...]:
    return derive_measures("doc", parse_clauses(uploaded("doc"), text).clauses)


def _granted(unit: Measure) -> list[str]:
    return [a.text for a in unit.amounts if a.kind is not AmountKind.THRESHOLD]


def _named(units: tuple[Measure, ...], name: str) -> Measure:
    return next(u for u in units if u.name == name)


def _page_units() -> tuple[Measure, ...]:
    intake = examine(JINGZHOU_PAGE.encode("utf-8"), "page.html")
    return derive_measures("doc", parse_clauses(uploaded("doc"), intake.text).clauses)


# --- a page of questions and answers -------------------------------------------------------------------


def test_each_question_with_its_answer_is_one_clause_headed_by_the_question() -> None:
    intake = examine(JINGZHOU_PAGE.encode("utf-8"), "page.html")
    parsed = parse_clauses(uploaded("doc"), intake.text)
    assert [c.label for c in parsed.clauses] == ["第一问", "第二问", "第三问", "第四问"]
    assert parsed.clauses[0].heading == "毕业生到小微企业就业，企业有什么补贴？"
    assert parsed.clauses[1].text.startswith("问：毕业生自己创业，能贷多少款？\n答：高校毕业生个人最高可申请30万元")
    assert any("联合印发了" in line for line in parsed.preamble)


def test_an_explanation_page_is_the_issuers_of_the_document_it_explains_on_the_day_it_was_put_online() -> None:
    facts = examine(JINGZHOU_PAGE.encode("utf-8"), "page.html").facts
    assert facts.title == "《荆州市促进高校毕业生就业若干措施》政策解读"
    assert facts.issuer == "荆州市人力资源和社会保障局、荆州市财政局"
    assert (facts.province, facts.city) == ("湖北省", "荆州市")
    assert facts.signed == date(2026, 4, 8)


def test_a_question_grants_nothing() -> None:
    units = _page_units()
    assert not [u.name for u in units if "？" in u.name or u.span.startswith("问：")]


def test_a_subject_granted_the_clauses_earlier_measure_is_that_measure_for_it() -> None:
    units = _page_units()
    assert _granted(_named(units, "创业担保贷款")) == ["30万元"]
    assert _granted(_named(units, "创业担保贷款（小微企业）")) == ["300万元"]


def test_a_condition_granting_the_bare_word_is_the_earlier_measure_for_that_condition() -> None:
    assert _granted(_named(_page_units(), "创业培训补贴（参加网络创业培训）")) == ["每人600元"]


# --- a revision ----------------------------------------------------------------------------------------


def test_the_wording_a_revision_replaces_grants_nothing() -> None:
    units = _units(YICHANG_REVISION)
    assert _granted(_named(units, "创业补贴")) == ["9000元"]
    assert _granted(_named(units, "职业技能培训补贴（中级工）")) == ["1300元"]


# --- figures paid item by item -------------------------------------------------------------------------


def test_items_paid_alike_respectively_keep_one_figure_each() -> None:
    sentence = "取得初级、中级、高级职业资格证书的，分别给予1000元、1000元、2000元技能提升补贴。"
    units = _units(f"一、技能补贴\n（一）{sentence}\n（二）本办法自印发之日起施行。")
    per_item = [u for u in units if "（" in u.name]
    assert len(per_item) == 3
    assert [_granted(u) for u in per_item] == [["1000元"], ["1000元"], ["2000元"]]


# --- through the CLI, into a fresh data directory ------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session23"), (("jingzhou.html", JINGZHOU_PAGE), ("yichang.txt", YICHANG_REVISION))
    )


def test_an_explanation_page_is_published_and_answers_from_its_pair(published: Path) -> None:
    line, label, quote = _first(_ask(published, "荆州", "荆州小微企业招了应届毕业生，一次性吸纳就业补贴多少"))
    assert label == "第一问" and "1500元" in line
    assert "每人1500元" in quote


def test_a_share_capped_by_a_sum_is_answered_with_its_share_when_money_is_asked(published: Path) -> None:
    line, label, _ = _first(_ask(published, "荆州", "荆州场租补贴能补多少钱"))
    assert label == "第四问" and "50%" in line and "5000元" in line


def test_a_revised_figure_is_answered_without_the_replaced_one(published: Path) -> None:
    line, _, _ = _first(_ask(published, "宜昌", "宜昌一次性创业补贴多少钱"))
    assert "9000元" in line and "6000元" not in line
