"""Session 36 (dup36, issue 10, issue 13): a derived unit is named by the document's own words, and a report of the
work done is no unit whatever it counts. A key under a poster heading that names no grant (见习补贴： under 就业见习)
is that key, with the heading as its case — 见习补贴（就业见习）, not 就业见习补贴, a name the text never says. A total
paid out in all is a report though the sentence says 按规定 or 可认定的 (a lone 可 or 按 grants nothing), and so is
one counted in 元, 人次 or 户, not only in 万元/亿元. Documents written for these tests (丽水), not the bench's sets."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.measures import Measure
from tests.knowledge.asking import ask_json, clauses_of
from tests.knowledge.test_documents_session18 import published_texts

POSTER = """一图读懂｜丽水市2026年就业帮扶政策
丽水人社　2026-04-10 09:30　浙江

📌 政策依据
丽水市人力资源和社会保障局 丽水市财政局
《关于做好2026年就业帮扶工作的通知》（丽人社发〔2026〕9号）
⏰ 2026年1月1日起执行

🎓 就业见习
👤 见习对象：离校2年内未就业高校毕业生
💰 见习补贴：每人每月1900元
⏳ 补贴期限：最长12个月

🧹 公益性岗位
👤 安置对象：就业困难人员
💰 岗位补贴：每人每月1200元
⏳ 补贴期限：最长3年
"""

# A reply letter: two grants among reports of the work done, counted in 万元, 元, 人次 and 户.
REPLY = """丽水市人力资源和社会保障局
丽人社建复〔2026〕7号

关于对市政协九届四次会议第0123号提案的答复

王芳委员：
　　您提出的《关于加强就业帮扶的提案》收悉。现答复如下：

　　一、关于创业补贴
　　我市对首次创办小微企业的高校毕业生给予一次性创业补贴5000元。2025年，全市按规定共发放一次性创业补贴1860万元，\
惠及创业者3100人。

　　二、关于吸纳就业
　　企业吸纳就业困难人员就业的，按每人1000元给予一次性吸纳就业补贴。2025年，全市累计发放就业见习补贴1560人次。\
全年共发放求职创业补贴4800户。全年共发放灵活就业社会保险补贴986000元。

　　三、关于技能培训
　　全年可认定的培训机构共支付职业培训补贴2600万元。

　　感谢您对人社工作的关心和支持。

丽水市人力资源和社会保障局
2026年6月12日
"""


def _units(text: str, document_id: str) -> tuple[Measure, ...]:
    clauses = clauses_of(text, province="浙江省", city="丽水市", signed=date(2026, 6, 12), document_id=document_id)
    return derive_measures(document_id, clauses)


@pytest.fixture(scope="module")
def poster_units() -> tuple[Measure, ...]:
    return _units(POSTER, "lishui-2026-tujie")


@pytest.fixture(scope="module")
def reply_units() -> tuple[Measure, ...]:
    return _units(REPLY, "lishui-2026-dafu")


@pytest.mark.parametrize(
    ("name", "figure"),
    [
        ("见习补贴（就业见习）", "每人每月1900元"),
        ("见习补贴（就业见习）", "最长12个月"),
        ("岗位补贴（公益性岗位）", "每人每月1200元"),
        ("岗位补贴（公益性岗位）", "最长3年"),
    ],
)
def test_a_key_under_a_heading_naming_no_grant_is_named_by_the_key_with_the_heading_as_its_case(
    poster_units: tuple[Measure, ...], name: str, figure: str
) -> None:
    named = {(m.name, a.text) for m in poster_units for a in m.amounts}
    assert (name, figure) in named, sorted(named)


def test_every_word_of_a_derived_units_name_stands_in_its_document(poster_units: tuple[Measure, ...]) -> None:
    for unit in poster_units:
        assert all(word in POSTER for word in re.split("[（）]", unit.name) if word), unit.name


@pytest.mark.parametrize(
    "reported",
    [
        pytest.param("1860万元", id="a total in 万元 said beside 按规定"),
        pytest.param("2600万元", id="a total in 万元 said beside 可认定的"),
        pytest.param("986000元", id="a total in 元"),
        pytest.param("1560人次", id="a total counted in 人次"),
        pytest.param("4800户", id="a total counted in 户"),
    ],
)
def test_a_total_paid_out_in_all_is_no_measure(reply_units: tuple[Measure, ...], reported: str) -> None:
    assert not any(reported in m.span for m in reply_units), [(m.name, m.span) for m in reply_units]


def test_the_grants_beside_the_reported_totals_are_still_measures(reply_units: tuple[Measure, ...]) -> None:
    granted = {a.text for m in reply_units for a in m.amounts}
    assert {"5000元", "每人1000元"} <= granted, [(m.name, m.span) for m in reply_units]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    texts = (("lishui-2026-tujie.txt", POSTER), ("lishui-2026-dafu.txt", REPLY))
    return published_texts(tmp_path_factory.mktemp("dup36"), texts)


# [question, figures the first line shows, figures it must not show]
ASKED = [
    ("丽水公益性岗位一个月补多少钱 补几年", ["1200元", "3年"], ["1900元"]),
    ("丽水见习补贴一个月多少", ["1900元"], ["1200元"]),
    ("丽水一次性创业补贴多少", ["5000元"], ["1860万元"]),
]


def test_the_first_line_shows_the_figures_of_the_unit_asked_not_a_reported_total(published: Path) -> None:
    answers = ask_json(published, "丽水", [question for question, _, _ in ASKED], "2026-08-01")
    for (question, shown, hidden), answer in zip(ASKED, answers, strict=True):
        line = str(answer["direct_answer"] or "")
        assert answer["status"] == "answered" and all(f in line for f in shown), (question, answer)
        assert not any(f in line for f in hidden), (question, line)
