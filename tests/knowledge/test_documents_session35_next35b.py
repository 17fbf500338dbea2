"""Session 35 (next35b): a 一图读懂 poster's keyed lines (issue 10, issue 13). Under a block heading that names
a grant (稳岗返还, 技能提升补贴), a short `key：figure` line states that grant's figure for the key's case; under a
heading naming no grant (公益性岗位), the key naming a grant (岗位补贴) is the heading's thing said short, named
by the document's words as a case is (岗位补贴（公益性岗位）, since session 36) and a period field (补贴期限：) is
that grant's period; a question asking two figures of it (补多少 补几年) is shown both. A poster written for
these tests (镇江), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.measures import Measure
from tests.knowledge.asking import ask_json, clauses_of
from tests.knowledge.test_documents_session18 import published_texts

POSTER = """一图读懂｜镇江市2026年就业援助政策
镇江人社　2026-03-20 10:00　江苏
（图片文字版）

📌 政策依据
《关于做好2026年就业援助工作的通知》
镇人社发〔2026〕15号
镇江市人力资源和社会保障局 镇江市财政局
⏰ 执行期：2026年1月1日—2026年12月31日

🏭 稳岗返还
✅ 上年度未裁员或裁员率不高于控制目标
💰 中小微企业：上年度实际缴纳失业保险费的60%
💰 大型企业：上年度实际缴纳失业保险费的30%

🎓 技能提升补贴
👤 企业在职职工
📜 初级工（五级）证书：1000元
📜 中级工（四级）证书：1500元

🧹 公益性岗位
👤 安置对象：就业困难人员
💰 岗位补贴：每人每月1180元
⏳ 补贴期限：最长3年
"""


@pytest.fixture(scope="module")
def units() -> tuple[Measure, ...]:
    clauses = clauses_of(
        POSTER, province="江苏省", city="镇江市", signed=date(2026, 3, 20), document_id="zhenjiang-2026"
    )
    return derive_measures("zhenjiang-2026", clauses)


@pytest.mark.parametrize(
    ("name", "figure"),
    [
        ("稳岗返还（中小微企业）", "60%"),
        ("稳岗返还（大型企业）", "30%"),
        ("技能提升补贴（中级工）", "1500元"),
        ("岗位补贴（公益性岗位）", "每人每月1180元"),
        ("岗位补贴（公益性岗位）", "最长3年"),
    ],
)
def test_a_keyed_line_of_a_poster_block_is_a_figure_of_the_measure_its_heading_names(
    units: tuple[Measure, ...], name: str, figure: str
) -> None:
    assert any(m.name == name and figure in [a.text for a in m.amounts] for m in units), [
        (m.name, [a.text for a in m.amounts]) for m in units
    ]


def test_a_period_field_is_no_measure_of_its_own(units: tuple[Measure, ...]) -> None:
    assert not any(m.name.startswith("补贴期限") for m in units)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(tmp_path_factory.mktemp("next35b"), (("zhenjiang-2026-tujie.txt", POSTER),))


def _ask(data_dir: Path, questions: list[str]) -> list[dict[str, object]]:
    return ask_json(data_dir, "镇江", questions, "2026-06-01")


# [question, figures the first line shows, figures it must not show]
ASKED = [
    ("我们是小公司 去年没裁员 稳岗返还能返多少", ["60%"], ["30%"]),
    ("考了个中级工证书能补多少钱", ["1500元"], ["1000元"]),
    ("公益性岗位一个月补多少钱 补几年", ["1180元", "3年"], []),
]


def test_the_first_line_shows_each_figure_asked_of_a_poster(published: Path) -> None:
    answers = _ask(published, [question for question, _, _ in ASKED])
    for (question, shown, hidden), answer in zip(ASKED, answers, strict=True):
        line = str(answer["direct_answer"] or "")
        assert answer["status"] == "answered" and all(f in line for f in shown), (question, answer)
        assert not any(f in line for f in hidden), (question, line)
