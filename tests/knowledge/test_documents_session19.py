"""Measures of documents nobody curated, written for session 19 as a newcomer on staff would add them
(a 区县 通知 with an 附件 table in plain text, a saved page with a data table in its body, a PDF printed
by a browser that supersedes an older notice): the units `knowledge.derive` cuts, and the text they are
cut from."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.filetext import html_text, read_file, unwrapped
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure
from tests.knowledge.test_documents_session18 import run_cli
from tests.knowledge.test_intake_documents import uploaded

DATA = Path(__file__).parent / "data" / "documents19"


def units(name: str) -> tuple[Measure, ...]:
    intake = examine((DATA / name).read_bytes(), name)
    return derive_measures("doc", parse_clauses(uploaded("doc"), intake.text).clauses)


def units_of(text: str) -> tuple[Measure, ...]:
    """The units of one clause written here (a 通知 item, as staff would paste it)."""
    body = f"某某市人力资源和社会保障局关于就业补贴的通知\n各县区：\n{text}\n某某市人力资源和社会保障局\n2025年1月2日"
    return derive_measures("doc", parse_clauses(uploaded("doc"), body).clauses)


def granted(measure: Measure) -> list[str]:
    return [a.text for a in measure.amounts if a.kind is not AmountKind.THRESHOLD]


# --- reading: a PDF's wrapped lines, a page's data table -------------------------------------------


def test_a_browser_printed_pdf_reads_in_sentences_not_page_lines() -> None:
    text = read_file((DATA / "jingdezhen_2025.pdf").read_bytes(), "notice.pdf")
    assert "给予6000元的一次性创业补贴。" in text  # the page edge fell inside 一次性
    assert "补贴标准提高至8000元。" in text
    assert "\n2．吸纳就业补贴\n" in text  # a heading line keeps its own line


def test_only_lines_as_wide_as_the_page_and_open_at_the_end_are_joined() -> None:
    wide = "对登记失业半年以上的人员参加培训并取得证书的按每人八百元给予"
    page = "\n".join(
        ["一、培训补贴", wide, "补贴。", "二、生活补助", wide, "补助。", "三、其他", wide, "款项。", "短行"]
    )
    joined = unwrapped(page)
    assert f"{wide}补贴。" in joined and f"{wide}款项。" in joined
    assert "一、培训补贴\n" in joined and "\n短行" in joined
    assert unwrapped("第一行没有写完\n第二行") == "第一行没有写完\n第二行"  # a typed file: lines are the author's


def test_a_data_table_row_in_a_page_keeps_its_figure_with_its_range() -> None:
    page = (
        "<p>按招用人数给予奖补：</p><table><tr><th>招用人数</th><th>标准</th></tr>"
        "<tr><td>5至8人</td><td>每人1200元</td></tr><tr><td>发文字号：</td><td>某政〔2025〕1号</td></tr></table>"
    )
    lines = html_text(page).split("\n")
    assert "5至8人｜每人1200元" in lines
    assert "发文字号：" in lines  # the 政府信息公开 table keeps a line per cell


# --- units: the figure a grant is paid by, base and raised rates, one rate per group ----------------


def test_the_standard_a_grant_is_paid_by_is_its_amount_even_before_the_verb() -> None:
    [unit] = [u for u in units_of("一、开业补贴。登记注册满1年的，按每户3000元标准给予一次性开业补贴。") if u.amounts]
    assert granted(unit) == ["3000元"]
    [share] = [u for u in units_of("一、岗位补贴。对安置人数达到30%的企业给予岗位补贴。") if u.amounts]
    assert granted(share) == []  # 达到30%的企业: the condition, not the subsidy


def test_a_base_rate_and_the_raised_rate_of_one_sentence_are_two_units() -> None:
    found = units_of("一、对接收见习的单位，按最低工资标准的50%给予见习补贴，留用率达到60%以上的，提高到65%。")
    base, raised = [u for u in found if granted(u)]
    assert granted(base) == ["按最低工资标准的50%"] and base.name == "见习补贴"  # the base travels (doc30)
    assert granted(raised) == ["65%"] and raised.span == "留用率达到60%以上的，提高到65%。"
    assert raised.name == "见习补贴（留用率达到60%以上）"


def test_a_raise_in_its_own_sentence_is_a_variant_of_the_grant_before_it() -> None:
    found = units_of("一、首次创业的，给予4000元的一次性创业补贴。创业者为退役军人的，补贴标准提高至7000元。")
    first, second = [u for u in found if granted(u)]
    assert granted(first) == ["4000元"]
    assert granted(second) == ["7000元"] and second.name == "创业补贴（创业者为退役军人）"


def test_one_rate_per_group_in_one_sentence_is_one_unit_per_group() -> None:
    found = units_of("一、稳岗返还。对不裁员的参保企业，小微企业按上年度失业保险费的70%返还，大型企业按40%返还。")
    names = {u.name: granted(u) for u in found if granted(u)}
    assert names == {"稳岗返还（小微企业）": ["按上年度失业保险费的70%"], "稳岗返还（大型企业）": ["按40%"]}


def test_a_cap_or_period_after_a_grant_stays_with_it() -> None:
    found = units_of("一、返乡补贴。对返乡创业的，按吸纳人数给予每人2500元补贴，最高不超过2万元，补贴期限最长2年。")
    [unit] = [u for u in found if granted(u)]
    assert granted(unit) == ["每人2500元", "不超过2万元", "最长2年"]


@pytest.mark.parametrize(
    ("name", "figures"),
    [
        (
            "xuzhou_notice.txt",
            {
                "稳岗返还（大型企业）": ["按其上年度实际缴纳失业保险费的30%"],
                "见习补贴（见习期满留用率达到50%以上）": ["70%"],
            },
        ),
        ("jingdezhen_2025.pdf", {"创业补贴（创业者为脱贫人口、残疾人）": ["8000元"], "带教补贴": ["每人每月100元"]}),
        ("kaifeng_page.html", {"开业补贴": ["5000元"]}),
    ],
)
def test_each_documents_variants_carry_only_their_own_figures(name: str, figures: dict[str, list[str]]) -> None:
    by_name = {u.name: granted(u) for u in units(name)}
    for measure, amounts in figures.items():
        assert by_name.get(measure) == amounts


# --- end to end, as staff run it -----------------------------------------------------------------


def test_a_pdf_added_and_published_answers_its_base_rate(tmp_path: Path) -> None:
    added = run_cli(["documents", "add", str(DATA / "jingdezhen_2025.pdf"), "--publish"], tmp_path)
    assert added.returncode == 0, added.stderr
    asked = run_cli(["ask", "--json", "--region", "景德镇", "见习单位能按最低工资的几成拿见习补贴"], tmp_path)
    answer = json.loads(asked.stdout)
    assert "70%" in answer["direct_answer"] and "80%" not in answer["direct_answer"]


# --- answers from those units: the variant a question names, the headcount tier it falls in ----------

_ASKED = (
    ("开业补贴一户多少钱", ("4000元",), ("6000元",)),
    ("我是残疾人，开业补贴能提高到多少", ("6000元",), ()),
    ("参加线上培训补贴多少", ("600元",), ("1000元",)),
    ("我招了6个人，招工奖补能拿多少", ("2500元",), ("1500元", "4万元")),
    ("招用12个失业人员奖补多少", ("4万元",), ("1500元", "2500元")),
    ("灵活就业社保补贴按缴费的几分之几补", ("三分之一",), ()),
    ("岗前培训补贴每人多少钱", ("800元",), ()),
)


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    data_dir = tmp_path_factory.mktemp("baoji")
    added = run_cli(["documents", "add", str(DATA / "baoji_written_for_tests.txt"), "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    lines = "\n".join(json.dumps({"question": q, "region": "宝鸡"}, ensure_ascii=False) for q, _, _ in _ASKED)
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    asked = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json"],
        input=lines, capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return [json.loads(line) for line in asked.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(("at", "shown", "not_shown"), [(i, s, n) for i, (_, s, n) in enumerate(_ASKED)],
                         ids=[q for q, _, _ in _ASKED])  # fmt: skip
def test_the_first_line_gives_the_asked_variants_figure_only(
    answered: list[dict[str, object]], at: int, shown: tuple[str, ...], not_shown: tuple[str, ...]
) -> None:
    first = str(answered[at]["direct_answer"] or "")
    assert all(figure in first for figure in shown), first
    assert not any(figure in first for figure in not_shown), first
