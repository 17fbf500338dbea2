"""Four local documents written for session 18 as a newcomer on staff would add them (a 办法 in
chapters, sections and articles; a 通知 with a cover letter and a 实施办法 nested five deep; a page
saved from a government site; a Word file, official and 征求意见稿), read by the general intake."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from bot.services import Services
from bot.settings import Settings
from knowledge.clauses import ParsedDocument
from knowledge.docx import docx_text
from knowledge.intake import DocumentFacts, examine, extract_facts, parse_clauses
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_intake_documents import uploaded

DATA = Path(__file__).parent / "data" / "documents18"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def _paragraph(text: str, level: int | None = None) -> str:
    number = "" if level is None else f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'
    runs = "".join(
        f'<w:r><w:t xml:space="preserve">{escape(text[i : i + 7])}</w:t></w:r>' for i in range(0, len(text), 7)
    )
    return f"<w:p><w:pPr>{number}</w:pPr>{runs}</w:p>"


def build_docx(lines: list[str]) -> bytes:
    """A Word file from marked text: `#N text` is a paragraph with Word's automatic number at level
    N, `|a|b` a table row, anything else a plain paragraph (runs split as Word splits them)."""
    body: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            cells = ("".join(f"<w:tc>{_paragraph(c)}</w:tc>" for c in row) for row in rows)
            body.append("<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in cells) + "</w:tbl>")
            rows.clear()

    for line in lines:
        if line.startswith("|"):
            rows.append(line[1:].split("|"))
            continue
        flush()
        body.append(_paragraph(line[3:], int(line[1])) if line.startswith("#") else _paragraph(line))
    flush()
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", _NUMBERING)
    return buffer.getvalue()


def hanzhong_lines(*, official: bool) -> list[str]:
    lines = (DATA / "hanzhong_measures.docx.txt").read_text(encoding="utf-8").splitlines()
    if not official:
        return lines
    lines = [line for line in lines if line != "（征求意见稿）"]
    lines.insert(2, "汉人社发〔2025〕21号")
    return [*lines, "汉中市人力资源和社会保障局　　汉中市财政局", "2025年6月10日"]


@pytest.mark.parametrize(("name", "official"), [("hanzhong_draft.docx", False), ("hanzhong_official.docx", True)])
def test_the_stored_word_files_are_built_from_their_marked_text(name: str, official: bool) -> None:
    stored = docx_text((DATA / name).read_bytes(), name)
    assert stored == docx_text(build_docx(hanzhong_lines(official=official)), name)


def parsed(name: str) -> tuple[DocumentFacts, ParsedDocument]:
    intake = examine((DATA / name).read_bytes(), name)
    return intake.facts, parse_clauses(uploaded(), intake.text)


# --- facts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "issuer"),
    [
        # 落款 of two bodies side by side on one line
        ("mianyang_measures.txt", "绵阳市人力资源和社会保障局、绵阳市财政局"),
        ("hanzhong_official.docx", "汉中市人力资源和社会保障局、汉中市财政局"),
        # no 落款 (a draft): the joint issuers named in the title
        ("hanzhong_draft.docx", "汉中市人力资源和社会保障局、汉中市财政局"),
        ("luoyang_notice.txt", "洛阳市人民政府办公室"),
        ("tonghua_page.html", "通化市人力资源和社会保障局"),
    ],
)
def test_joint_issuers_are_named_one_by_one(name: str, issuer: str) -> None:
    facts, _ = parsed(name)
    assert facts.issuer == issuer


def test_a_single_issuer_whose_name_repeats_its_place_is_not_split() -> None:
    text = (
        "汉中市人民政府办公室关于做好就业工作的通知\n各县区人民政府：\n"
        "一、加强就业服务。对就业困难人员给予补贴。\n汉中市人民政府办公室\n2025年1月2日"
    )
    facts = examine(text.encode(), "通知.txt").facts
    assert facts.issuer == "汉中市人民政府办公室"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mianyang_measures.txt", (None, "绵阳市", date(2025, 1, 20), date(2025, 3, 1), date(2030, 2, 28), False)),
        (
            "luoyang_notice.txt",
            ("洛政办〔2025〕12号", "洛阳市", date(2025, 4, 8), date(2025, 4, 8), date(2027, 12, 31), False),
        ),
        (
            "tonghua_page.html",
            ("通人社发〔2025〕9号", "通化市", date(2025, 3, 18), date(2025, 3, 18), date(2026, 12, 31), False),
        ),
        ("hanzhong_draft.docx", (None, "汉中市", None, date(2025, 7, 1), date(2028, 6, 30), True)),
        (
            "hanzhong_official.docx",
            ("汉人社发〔2025〕21号", "汉中市", date(2025, 6, 10), date(2025, 7, 1), date(2028, 6, 30), False),
        ),
    ],
)
def test_number_place_dates_and_draft_status(name: str, expected: tuple[object, ...]) -> None:
    facts, _ = parsed(name)
    got = (facts.document_number, facts.city, facts.signed, facts.effective, facts.valid_until, facts.is_draft)
    assert got == expected


# --- structure -----------------------------------------------------------------------------------


def test_chapters_sections_and_articles() -> None:
    _, result = parsed("mianyang_measures.txt")
    assert [c.label for c in result.clauses] == [f"第{n}条" for n in "一二三四五六七八九十"] + [
        "第十一条",
        "第十二条",
        "第十三条",
        "第十四条",
    ]
    fourth = result.clauses[3]
    assert "（三）返乡创业农民工、退役军人。" in fourth.text and fourth.text.endswith("同一创业主体只能享受一次。")
    assert result.clauses[6].text.endswith("贷款期限最长不超过3年，财政部门按规定给予贴息。")  # its second 款
    assert result.clauses[-1].text.endswith("有效期5年。")  # not the 落款
    assert all("绵阳市财政局\n" not in c.text and "2025年1月20日" not in c.text for c in result.clauses)


def test_cover_letter_then_measures_nested_five_deep() -> None:
    _, result = parsed("luoyang_notice.txt")
    labels = [c.label for c in result.clauses]
    assert labels == ["一、（一）", "一、（二）", "二、（一）", "二、（二）", "三、（一）", "三、（二）", "四、"]
    startup = result.clauses[2].text
    assert "（2）补贴标准。一次性创业补贴标准为每户10000元。" in startup
    assert "②带动3人以上就业的，另给予5000元奖励。" in startup
    assert startup.endswith("每年最高6000元，期限不超过2年。")
    text = "\n".join(c.text for c in result.clauses)
    for outside in ("现将《", "请认真贯彻执行", "（此件公开发布）", "抄送", "日印发", "洛阳军分区"):
        assert outside not in text, outside


def test_a_saved_government_page_keeps_only_the_document() -> None:
    _, result = parsed("tonghua_page.html")
    assert [c.label for c in result.clauses][:3] == ["一、（一）", "一、（二）", "一、（三）"]
    text = "\n".join(c.text for c in result.clauses)
    for furniture in ("索引号", "当前位置", "分享到", "打印本页", "浏览次数", "ICP备", "相关链接", "网站标识码"):
        assert furniture not in text, furniture
    assert "当地最低工资标准的60%" in result.clauses[1].text


def test_a_word_table_row_keeps_its_figure_with_what_it_is_for() -> None:
    _, result = parsed("hanzhong_official.docx")
    clause = next(c for c in result.clauses if c.label == "一、（二）")
    assert "3至5人｜每人1000元" in clause.text
    assert clause.text.endswith("6人以上｜每人1500元，每户最高3万元")


def test_a_word_table_of_keys_and_values_still_gives_the_facts() -> None:
    lines = [
        "|索引号：|11610700MB1234567X/2025-00021",
        "|发文字号：|汉人社发〔2025〕30号",
        "|成文日期：|2025年05月06日",
        "汉中市人力资源和社会保障局关于做好就业见习工作的通知",
        "各县区人力资源和社会保障局：",
        "#0 见习补贴按当地最低工资标准的60%发放。",
    ]
    facts = extract_facts(docx_text(build_docx(lines), "通知.docx"))
    assert facts.document_number == "汉人社发〔2025〕30号"
    assert facts.signed == date(2025, 5, 6)


# --- end to end, as staff run it -----------------------------------------------------------------


def run_cli(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    """`policybot ARGS` in a subprocess on a data directory of its own (no database, Chroma or model settings)."""
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def published_texts(data_dir: Path, texts: tuple[tuple[str, str], ...]) -> Path:
    """Files of the given names and texts written into `data_dir`, added and published there in one
    `policybot documents add … --publish` (the call must succeed)."""
    files = []
    for name, text in texts:
        path = data_dir / name
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    added = run_cli(["documents", "add", *files, "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    return data_dir


def published_knowledge(data_dir: Path, files: list[str]) -> KnowledgeBase:
    """The knowledge base of `data_dir` after `policybot documents add FILES --publish` there (the call must succeed),
    as a serving process loads it (no embedding model, no Chroma server)."""
    added = run_cli(["documents", "add", *files, "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    return Services(Settings(data_dir=data_dir, embedding_model=None, chroma_url=None)).knowledge


def test_added_published_asked_and_retired(tmp_path: Path) -> None:
    added = run_cli(["documents", "add", str(DATA / "hanzhong_official.docx"), "--publish"], tmp_path)
    assert added.returncode == 0, added.stderr
    shown = json.loads(run_cli(["documents", "show", "hanzhong-2025", "--json"], tmp_path).stdout)
    assert shown["issuer"] == "汉中市人力资源和社会保障局、汉中市财政局"
    asked = run_cli(["ask", "--json", "--region", "汉中市", "返乡入乡创业带动就业补贴标准是多少"], tmp_path)
    answer = json.loads(asked.stdout)
    assert "每人1000元" in answer["answer"] and "一、（二）" in answer["answer"]
    assert "汉中市人力资源和社会保障局、汉中市财政局" in answer["answer"]
    retired = run_cli(["documents", "retire", "hanzhong-2025"], tmp_path)
    assert retired.returncode == 0, retired.stderr
    again = json.loads(
        run_cli(["ask", "--json", "--region", "汉中市", "返乡入乡创业带动就业补贴标准是多少"], tmp_path).stdout
    )
    assert "汉中市人力资源和社会保障局" not in again["answer"]
