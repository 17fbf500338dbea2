"""Session 36 (doc36): what a press release and a hotline's FAQ export say about themselves, and answers over them
(issues 13 and 10). A news page's heading may carry a subtitle above its info bar, and its breadcrumb is no title; a
press release names the document it reports and who issued it in prose (市人社局、市财政局近日联合印发《X》（…以下
简称《措施》）). An FAQ export has no title, 落款 or date: its rows name their 来源文件 and 更新时间. A 起草说明 telling
how the draft was consulted on is no draft. Under ■ subheads, each subhead with its paragraphs is one clause, and the
subhead's summary figure grants nothing. Documents written for these tests (自贡, 牡丹江), not the bench's sets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.granted_figures import amounts
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure
from tests.knowledge.test_documents_session18 import published_texts, run_cli

DATA = Path(__file__).resolve().parent / "data" / "documents36doc36"
PRESS = DATA / "zigong-2026-xinwen.txt"
FAQ = DATA / "mudanjiang-2026-single.csv"  # every row from one document
MOSTLY = DATA / "mudanjiang-2026-rexian.csv"  # two rows of three from one document
MIXED = DATA / "mudanjiang-2026-mixed.csv"  # one row each from two documents


def test_a_press_releases_title_is_its_headline_not_its_breadcrumb_though_a_subtitle_follows_it() -> None:
    facts = examine(PRESS.read_bytes(), PRESS.name).facts
    assert facts.title == "自贡出台促就业十条措施"


def test_a_press_release_is_issued_by_the_bodies_its_lead_says_issued_the_document_it_reports() -> None:
    facts = examine(PRESS.read_bytes(), PRESS.name).facts
    assert facts.issuer == "自贡市人社局、自贡市财政局"
    assert (facts.city, facts.place_source, facts.problems) == ("自贡市", "issuer", ())


def test_an_faq_export_is_titled_by_the_source_every_row_names_and_dated_by_its_latest_row() -> None:
    facts = examine(FAQ.read_bytes(), FAQ.name).facts
    assert facts.title == "牡丹江市就业创业补贴政策清单"
    assert (facts.city, facts.signed) == ("牡丹江市", date(2026, 9, 20))
    assert any("3/3行" in problem and "请核对" in problem for problem in facts.problems)


@pytest.mark.parametrize("export", [MOSTLY, MIXED], ids=["two of three rows", "one row each"])
def test_an_export_whose_rows_come_from_more_than_one_document_is_held_with_the_reason_staff_can_fix(
    export: Path,
) -> None:
    # A row of another document would be cited under a title it does not belong to: staff title (or split) it.
    facts = examine(export.read_bytes(), export.name).facts
    assert facts.title is None
    assert any("各行来源不一" in problem and "请填写标题" in problem for problem in facts.problems)


def test_an_faq_exports_issuer_is_the_body_every_sources_document_number_stands_for() -> None:
    facts = examine(FAQ.read_bytes(), FAQ.name).facts
    assert facts.issuer == "牡丹江市人力资源和社会保障局"
    assert any("牡人社规〔2026〕2号" in problem for problem in facts.problems)


def test_a_drafting_note_that_tells_of_its_consultation_draft_is_no_draft() -> None:
    text = (
        "关于《自贡市就业补贴办法》的起草说明\n\n自贡市人力资源和社会保障局\n2026年9月8日\n\n"
        "市人社局起草了《办法》，经市政府常务会议审议通过。5月形成征求意见稿，书面征求有关部门意见。\n\n"
        "一、主要内容\n\n（一）一次性创业补贴。首次创业的，给予一次性创业补贴6000元。\n"
    )
    assert examine(text.encode(), "qicao.txt").facts.is_draft is False
    draft = (
        "自贡市就业补贴办法\n（征求意见稿）\n\n第一条　为促进就业，制定本办法。\n"
        "第二条　首次创业的，给予一次性创业补贴6000元。\n第三条　见习补贴按每人每月1500元给予。\n\n"
        "自贡市人力资源和社会保障局\n2026年9月8日\n"
    )
    assert examine(draft.encode(), "draft.txt").facts.is_draft is True


def _measures(path: Path) -> list[Measure]:
    intake = examine(path.read_bytes(), path.name)
    document = Document(
        id="doc", source_file=path.name, title=intake.facts.title or "", short_name="", issuer="", province="四川省",
        city="自贡市", county=None, document_number=None, signed=date(2026, 10, 12), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    return list(derive_measures("doc", parse_clauses(document, intake.text).clauses))


def test_each_marked_subhead_of_a_press_release_heads_one_clause_with_its_paragraphs() -> None:
    intake = examine(PRESS.read_bytes(), PRESS.name)
    document = Document(
        id="doc", source_file=PRESS.name, title="t", short_name="", issuer="", province="四川省", city="自贡市",
        county=None, document_number=None, signed=date(2026, 10, 12), published=None, published_note=None,
        status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    clauses = parse_clauses(document, intake.text).clauses
    assert [c.text.split("\n")[0] for c in clauses] == [
        "创业补贴最高补8000元",
        "技能补贴中级工补1300元",
        "灵活就业社保补贴补3年",
    ]
    assert "给予8000元一次性创业补贴" in clauses[0].text


# (name of a unit, figures it must show, figures it must not show)
UNITS = [
    # a subhead's summary grants nothing; the old sum and the raise a comparison tells are no figure of the grant
    ("创业补贴", ["8000元"], ["最高8000元", "5000元", "3000元"]),
    # 领取失业保险金人员 is whom the grant is for, not what it is
    ("技能提升补贴", ["900元", "1300元"], []),
    # 按同一标准补贴 grants the measure just stated, for its own case
    ("社会保险补贴（离校2年内未就业高校毕业生灵活就业）", ["最长2年"], []),
]


@pytest.mark.parametrize(("name", "shown", "hidden"), UNITS, ids=[name for name, *_ in UNITS])
def test_a_press_releases_units_are_named_and_figured_by_what_its_sentences_grant(
    name: str, shown: list[str], hidden: list[str]
) -> None:
    units = [m for m in _measures(PRESS) if m.name == name]
    assert units, [m.name for m in _measures(PRESS)]
    figures = {a.text for m in units for a in m.amounts}
    assert set(shown) <= figures and not set(hidden) & figures, figures


def test_no_unit_is_named_by_a_sanction_or_by_a_group_or_by_a_reference_to_the_same_standard() -> None:
    names = {m.name for m in _measures(PRESS)}
    assert not any(("骗取" in n or "领取失业保险金" in n or "同一标准" in n) for n in names), names


def test_a_figure_a_condition_falls_short_of_is_a_threshold_not_a_period() -> None:
    found = amounts("给予社会保险补贴，期限最长3年，对距法定退休年龄不足5年的可延长至退休")
    assert [(a.text, a.kind) for a in found] == [("最长3年", AmountKind.DURATION), ("5年", AmountKind.THRESHOLD)]


def test_the_rate_of_a_share_is_no_comparison() -> None:
    assert [a.text for a in amounts("补贴比例提高到三分之二")] == ["三分之二"]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("doc36")
    added = run_cli(["documents", "add", str(PRESS), str(FAQ), str(MOSTLY), "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    said = added.stdout + added.stderr
    # The two whose metadata stands are published; the export of several documents is held, saying why; what was
    # read as a guess (the export's title from its rows, its issuer from the 文号 codes) is told to staff.
    assert said.count("，已发布。") == 2 and said.count("，待审核。") == 1, said
    assert "各行来源不一" in said and "需要确认" in said and "牡人社规〔2026〕2号" in said, said
    return data_dir


# (region, question, figures the first line shows, figures it must not show)
ASKED = [
    ("自贡", "自贡第一次开公司 一次性创业补贴给多少", ["8000元"], ["5000元", "3000元"]),
    ("自贡", "大学生毕业一年了没找到工作 自己交养老保险 能补几年", ["2年"], ["3年"]),
    ("牡丹江", "牡丹江见习补贴一个月多少钱", ["1500元"], []),
]


@pytest.mark.parametrize(("region", "question", "shown", "hidden"), ASKED, ids=[q for _, q, *_ in ASKED])
def test_a_published_press_release_and_faq_export_are_answered_with_their_own_figures(
    published: Path, region: str, question: str, shown: list[str], hidden: list[str]
) -> None:
    asked = run_cli(["ask", "--region", region, question], published)
    first = asked.stdout.splitlines()[0] if asked.stdout else ""
    assert all(f in first for f in shown) and not any(f in first for f in hidden), asked.stdout


# A notice whose measures are paid from the 失业保险基金 but that states no 失业保险金 (written for this test).
FUNDED = """泸州市人力资源和社会保障局关于就业补贴的通知

各区县人力资源和社会保障局：

一、见习补贴。见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月1500元给予见习补贴。

二、资金来源。所需资金从就业补助资金和失业保险基金中按规定列支。

泸州市人力资源和社会保障局
2026年9月1日
"""


def test_an_everyday_name_of_a_payment_no_document_of_the_place_states_is_declined(tmp_path: Path) -> None:
    published_texts(tmp_path, (("luzhou-funded.txt", FUNDED),))
    asked = run_cli(["ask", "--json", "--region", "泸州", "泸州失业金一个月领多少"], tmp_path)
    assert json.loads(asked.stdout.splitlines()[0])["status"] != "answered", asked.stdout
