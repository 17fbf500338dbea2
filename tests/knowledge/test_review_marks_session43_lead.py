"""Session 43 (lead, issue 13): a policy saved while still in review. Word and WPS keep reviewers' tracked changes
and comments in the file: a page saved as HTML ("另存为网页") holds deletions in <del> (WPS: span class=msoDel),
insertions in <ins>, and comments in a comment list at the end with [A1] anchors in the text; a .docx holds deleted
words in w:delText inside w:del, inserted ones inside w:ins, moved text twice (w:moveFrom, w:moveTo) and comments in
word/comments.xml. The published meaning is the text with every change accepted: insertions kept, deletions and the
moved-from copy dropped, comments left out. Before this, the 新会 page read "一次性创业资助50008000元". The 新会
办法 is written for these tests, not taken from any bench set."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bot.present.answers import answer_result
from knowledge.filetext import read_file
from tests.knowledge.test_documents_session18 import published_knowledge

DATA = Path(__file__).parent / "data" / "review43"
PAGE = DATA / "xinhui-2026-banfa.html"
_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_the_page_reads_as_accepted_deletions_and_comments_left_out() -> None:
    raw = PAGE.read_bytes()
    assert b"<del" in raw and b"msocomanchor" in raw, "the page keeps its review marks"
    text = read_file(raw, PAGE.name)
    assert "给予一次性创业资助8000元。" in text
    assert "每年最高6000元，最长补贴3年。" in text
    assert "按其实际缴费的三分之二给予补贴" in text
    assert "脱贫人口｜每人1500元" in text, "an insertion inside a table cell stays in its row"
    for gone in ("5000", "4000", "50%", "可再延长1年", "[A1]", "建议", "刘科长", "3000元"):
        assert gone not in text, gone
    assert "按每人2000元给予补贴。" in text, "the sentence a comment is anchored to stays whole"


def _docx(body: str, comments: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{_NS}"><w:body>{body}</w:body></w:document>')
        if comments is not None:
            archive.writestr("word/comments.xml", f'<w:comments xmlns:w="{_NS}">{comments}</w:comments>')
    return buffer.getvalue()


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _deleted(text: str) -> str:
    mark = 'w:id="1" w:author="王审核" w:date="2026-04-10T09:12:00Z"'
    return f"<w:del {mark}><w:r><w:delText>{text}</w:delText></w:r></w:del>"


def _inserted(text: str) -> str:
    return f'<w:ins w:id="2" w:author="王审核" w:date="2026-04-10T09:12:00Z">{_run(text)}</w:ins>'


def test_a_word_file_in_review_reads_as_accepted() -> None:
    body = (
        "<w:p>" + _run("（一）一次性创业补贴。首次创业且正常经营1年以上的，给予") + _deleted("5000")
        + _inserted("6000") + _run("元补贴。") + "</w:p>"
        + "<w:p>" + _run("（二）见习补贴按每人每月") + _run("18") + _run("00元") + _run("给予。")
        + '<w:commentRangeStart w:id="0"/>' + _run("见习期最长12个月。") + '<w:commentRangeEnd w:id="0"/>'
        + '<w:r><w:commentReference w:id="0"/></w:r>' + _deleted("期满留用的另给500元。") + "</w:p>"
        + "<w:p>" + '<w:moveFrom w:id="3" w:author="王审核" w:date="2026-04-10T09:12:00Z">'
        + _run("申请人须在当年11月30日前申报。") + "</w:moveFrom>"
        + _run("（三）技能提升补贴按证书等级给予。") + "</w:p>"
        + '<w:p><w:moveTo w:id="4" w:author="王审核" w:date="2026-04-10T09:12:00Z">'
        + _run("申请人须在当年11月30日前申报。") + "</w:moveTo></w:p>"
        + "<w:tbl><w:tr><w:tc><w:p>" + _run("高级工") + "</w:p></w:tc><w:tc><w:p>" + _run("每人")
        + _deleted("2000") + _inserted("2500") + _run("元") + "</w:p></w:tc></w:tr></w:tbl>"
    )  # fmt: skip
    comments = '<w:comment w:id="0" w:author="李科长"><w:p>' + _run("原为1600元，请核实。") + "</w:p></w:comment>"
    text = read_file(_docx(body, comments), "细则（送审稿）.docx")
    assert "给予6000元补贴。" in text
    assert "按每人每月1800元给予。见习期最长12个月。" in text, (
        "words split across runs join; the comment anchor adds nothing"
    )
    assert "高级工｜每人2500元" in text
    assert text.count("申请人须在当年11月30日前申报。") == 1, "moved text reads once, where it was moved to"
    assert text.index("技能提升补贴") < text.index("申请人须在当年11月30日前申报。")
    for gone in ("5000", "2000", "1600", "另给500元", "请核实", "李科长"):
        assert gone not in text, gone


def test_the_page_published_and_asked_shows_the_accepted_figure(tmp_path: Path) -> None:
    kb = published_knowledge(tmp_path, [str(PAGE)])
    for question, anchor, figure, old in (
        ("新会区第一次创业开个体户，一次性创业资助给多少钱", "给予一次性创业资助8000元", "8000元", "5000"),
        ("新会租铺面做生意，租金补贴一年最多补多少", "每年最高6000元", "6000元", "4000"),
        ("新会就业困难人员灵活就业交社保，补贴按多少比例补", "按其实际缴费的三分之二给予补贴", "三分之二", "50%"),
    ):
        answer = kb.answerer.answer(question, "江门市新会区")
        assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
        direct = answer_result(answer).direct_answer or ""
        assert figure in direct and old not in answer_result(answer).answer, direct
