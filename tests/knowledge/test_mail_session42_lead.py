"""Session 42 (lead, issue 13): a policy that arrives as e-mail. A 人社局 forwards a 通知 as a mail whose body is a
short cover note and whose attachment is the document; a page archived from a government site is saved as one .mht
file. Both are MIME: headers RFC 2047 encoded (GB18030 subjects), attachment names RFC 2231 encoded, bodies in
GB18030 or UTF-8, quoted-printable or base64. The mail is read as the document it carries — each attachment as an
upload of its own kind, then the cover note that passes it on; images and signatures are left out. The 十堰 notice
and its mails are written for these tests, not taken from any bench set."""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from bot.present.answers import answer_result
from knowledge.errors import IntakeError
from knowledge.filetext import read_file
from knowledge.intake import examine
from knowledge.kb import KnowledgeBase
from knowledge.mail import is_mail, parse_mail
from tests.knowledge.test_documents_session18 import published_knowledge

DATA = Path(__file__).parent / "data" / "mail42"
NOTICE = (DATA / "shiyan-2026-tongzhi.txt").read_text(encoding="utf-8")
NOTICE_NAME = "十堰市人社局 财政局关于做好2026年就业创业补贴申领工作的通知.txt"
COVER = (
    "各县（市、区）人社局就业科：\n"
    "现将《关于做好2026年就业创业补贴申领工作的通知》（十人社发〔2026〕12号）转发给你们，请及时转告辖区内街道"
    "（乡镇）劳动保障服务站，做好政策宣传和受理工作。\n\n十堰市人社局就业促进科\n联系电话：0719-8612345\n"
)
SUBJECT = "转发：关于做好2026年就业创业补贴申领工作的通知"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _mail(
    body: str | None = COVER,
    attachments: tuple[tuple[bytes, str, str, str], ...] = (),
    *,
    body_charset: str = "gb18030",
    subject: str = SUBJECT,
) -> bytes:
    """A message as a mail program saves it: encoded subject, a cover note, attachments (data, maintype, subtype,
    file name) with Chinese names."""
    message = EmailMessage()
    message["From"] = "十堰市人社局就业促进科 <jycjk@example.gov.cn>"
    message["To"] = "各县市区人社局 <xianqu@example.gov.cn>"
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Mar 2026 09:30:00 +0800"
    message["Message-ID"] = "<20260302093000.4711@example.gov.cn>"
    if body is not None:
        message.set_content(body, charset=body_charset, cte="quoted-printable" if body_charset != "utf-8" else "base64")
    for data, maintype, subtype, name in attachments:
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=SMTP)


def _docx(paragraphs: list[str]) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>')
    return buffer.getvalue()


NOTICE_MAIL = _mail(attachments=((NOTICE.encode("utf-8"), "text", "plain", NOTICE_NAME),))


def test_the_headers_and_names_are_decoded_and_the_cover_note_comes_before_the_attachment() -> None:
    assert b"=?" in NOTICE_MAIL.split(b"\r\n\r\n", 1)[0], "the subject is RFC 2047 encoded on the wire"
    mail = parse_mail(NOTICE_MAIL)
    assert mail.subject == "关于做好2026年就业创业补贴申领工作的通知", "the 转发： prefix is no part of the title"
    assert [(p.role, p.filename) for p in mail.parts] == [("body", ""), ("attachment", NOTICE_NAME)]
    text = read_file(NOTICE_MAIL, "通知.eml")
    assert text.index("一、一次性创业补贴") < text.index("现将《关于做好"), "the document first, its cover note after"
    assert "给予一次性创业补贴5000元" in text
    assert "=?" not in text and "Content-Transfer-Encoding" not in text and "PGJy" not in text


def test_a_mail_gives_the_attached_notice_its_own_facts() -> None:
    facts = examine(NOTICE_MAIL, "通知.eml").facts
    assert facts.document_number == "十人社发〔2026〕12号"
    assert facts.city == "十堰市"
    assert facts.issuer is not None and "十堰市人力资源和社会保障局" in facts.issuer
    assert facts.signed is not None and facts.signed.isoformat() == "2026-03-02"


@pytest.mark.parametrize("filename", ["邮件", "通知.txt", "message"])
def test_a_mail_saved_under_another_name_is_known_by_its_header_fields(filename: str) -> None:
    assert is_mail(NOTICE_MAIL, "")
    text = read_file(NOTICE_MAIL, filename)
    assert "给予一次性创业补贴5000元" in text and "MIME-Version" not in text


def test_plain_text_starting_with_a_colon_line_is_no_mail() -> None:
    assert not is_mail("标题：关于就业补贴的通知\n发文机关：某某局\n\n正文".encode(), "")
    assert not is_mail(b"From: someone\nnot a header line at all\n", ""), "one header field is no message"


def test_a_word_attachment_is_read_as_a_word_file_and_an_image_is_left_out() -> None:
    docx = _docx(NOTICE.splitlines())
    data = _mail(
        attachments=(
            (PNG, "image", "png", "二维码.png"),
            (docx, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", "通知.docx"),
        ),
    )
    mail = parse_mail(data)
    assert [p.filename for p in mail.parts if p.role == "attachment"] == ["通知.docx"]
    text = read_file(data, "转发通知.eml")
    assert "补贴期限最长不超过3年" in text and "PNG" not in text


def test_a_utf8_base64_body_with_no_attachment_is_the_document() -> None:
    data = _mail(NOTICE, body_charset="utf-8", subject="关于做好2026年就业创业补贴申领工作的通知")
    text = read_file(data, "notice.eml")
    assert text.splitlines()[0].startswith("十堰市人力资源和社会保障局"), "no subject line added twice"
    assert "给予每人2000元的一次性求职创业补贴" in text


def test_a_page_saved_as_one_mht_file_is_read_from_its_html_part() -> None:
    page = EmailMessage()
    page["From"] = "<由 Microsoft Edge 保存>"
    page["Subject"] = "十堰市人社局 关于做好2026年就业创业补贴申领工作的通知"
    page["MIME-Version"] = "1.0"
    html = "<html><head><meta charset='gbk'></head><body>" + "".join(f"<p>{line}</p>" for line in NOTICE.splitlines())
    page.set_content(html + "</body></html>", subtype="html", charset="gbk", cte="quoted-printable")
    page.make_related()
    page.add_related(PNG, maintype="image", subtype="png", cid="<logo>")
    data = page.as_bytes(policy=SMTP)
    assert b"multipart/related" in data
    text = read_file(data, "通知.mht")
    assert "对在毕业年度有就业创业意愿的低保家庭" in text and "<p>" not in text


def test_a_mail_with_nothing_readable_is_refused_as_empty() -> None:
    with pytest.raises(IntakeError) as caught:
        read_file(_mail(None, ((PNG, "image", "png", "扫描件.png"),)), "scan.eml")
    assert caught.value.code == "empty"


def test_a_mail_that_is_not_a_policy_is_refused_as_such() -> None:
    note = "各位同事：\n本周五下午三点在三楼会议室开科务会，请准时参加。\n办公室\n"
    with pytest.raises(IntakeError) as caught:
        examine(_mail(note, subject="周五开会"), "meeting.eml")
    assert caught.value.code == "not_a_policy"


@pytest.mark.parametrize(
    "data",
    [
        b'From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\n',
        b"From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=no-such-charset\r\n\r\n\xff\xfe\x00abc",
        b"MIME-Version: 1.0\r\nFrom: a@b\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!",
    ],
    ids=["unterminated multipart", "unknown charset", "broken base64"],
)
def test_a_broken_message_is_refused_with_a_code_never_a_crash(data: bytes) -> None:
    with pytest.raises(IntakeError) as caught:
        examine(data, "broken.eml")
    assert caught.value.code in ("empty", "damaged", "not_a_policy", "undecodable")


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    data_dir = tmp_path_factory.mktemp("mail42")
    path = data_dir / "转发通知.eml"
    path.write_bytes(NOTICE_MAIL)
    yield published_knowledge(data_dir, [str(path)])


@pytest.mark.parametrize(
    ("question", "anchor", "figure"),
    [
        ("十堰大学生开店创业补贴有多少", "给予一次性创业补贴5000元", "5000元"),
        ("十堰低保家庭的应届毕业生求职补贴多少钱", "给予每人2000元的一次性求职创业补贴", "2000元"),
    ],
)
def test_a_mailed_notice_is_answered_from_its_attachment(
    knowledge: KnowledgeBase, question: str, anchor: str, figure: str
) -> None:
    answer = knowledge.answerer.answer(question, "十堰市")
    assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
    assert figure in (answer_result(answer).direct_answer or "")


# Review 42's cases (a reviewer's inputs, kept as regression tests): one bound for the whole upload, nesting, notes
# that do not decode or are mislabelled, forwarded mails, and subjects that are no title.


def _inflating_docx(megabytes: int) -> bytes:
    xml = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>" + b"x" * (megabytes << 20) + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_the_attachments_of_a_mail_inflate_under_the_one_bound_of_the_upload() -> None:
    word = "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"
    one = _mail(attachments=((_inflating_docx(40), *word, "b0.docx"),))
    assert "x" * 1000 in read_file(one, "one.eml"), "one 40 MB part is within the bound"
    four = _mail(attachments=tuple((_inflating_docx(40), *word, f"b{k}.docx") for k in range(4)))
    assert len(four) < 1 << 20
    with pytest.raises(IntakeError) as caught:
        read_file(four, "four.eml")
    assert caught.value.code == "archive_bomb", "160 MB from a 200 KB mail is refused whole, not cut short"
    assert "x" * 1000 in read_file(one, "again.eml"), "the bound is the upload's: the next upload starts afresh"


def test_a_multipart_nested_too_deep_for_the_parser_is_refused_as_damaged() -> None:
    raw = b"From: a@example.gov.cn\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
    for i in range(1000):
        raw += f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n".encode()
    raw += "Content-Type: text/plain; charset=utf-8\r\n\r\n关于就业补贴的通知，每人1000元。".encode()
    with pytest.raises(IntakeError) as caught:
        read_file(raw, "deep.eml")
    assert caught.value.code == "damaged"


def test_a_file_a_reader_fails_on_is_refused_alone_and_the_rest_of_the_batch_is_added(tmp_path: Path) -> None:
    from bot.db import open_database
    from bot.library import DocumentLibrary, Upload

    deep = b"From: a@example.gov.cn\r\nSubject: s\r\nMIME-Version: 1.0\r\n" + b"".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n".encode() for i in range(1000)
    )
    library = DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))
    outcomes = library.add_each([Upload(deep, "deep.eml"), Upload(NOTICE_MAIL, "通知.eml")], "t", publish=False)
    assert [o.refusal is not None for o in outcomes] == [True, False], outcomes


def test_a_cover_note_in_no_known_encoding_leaves_the_attached_notice_readable() -> None:
    junk = base64.b64encode(bytes(range(128, 256)) * 4).decode()
    notice = base64.b64encode(NOTICE.encode()).decode()
    raw = (
        "From: a@example.gov.cn\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
        f"--B\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{junk}\r\n"
        "--B\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; filename=notice.txt\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{notice}\r\n--B--\r\n"
    ).encode()
    assert "十人社发〔2026〕12号" in read_file(raw, "x.eml")


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "euc-kr"])
def test_a_gb18030_note_declared_in_another_charset_is_read_as_chinese(declared: str) -> None:
    raw = (
        f"From: a@example.gov.cn\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset={declared}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode() + NOTICE.encode("gb18030")
    assert "给予一次性创业补贴5000元" in read_file(raw, "x.eml")


def test_a_message_forwarded_as_an_attachment_keeps_its_subject_and_comes_before_the_cover_note() -> None:
    inner = EmailMessage()
    inner["From"] = "a <a@example.gov.cn>"
    inner["Subject"] = "关于做好2026年就业创业补贴申领工作的通知（转发件）"
    inner.set_content(NOTICE, charset="utf-8")
    outer = EmailMessage()
    outer["From"] = "b <b@example.gov.cn>"
    outer["Subject"] = "Fwd: 请查收"
    outer.set_content("现将通知转发给你们。", charset="utf-8")
    outer.add_attachment(inner)
    text = read_file(outer.as_bytes(policy=SMTP), "x.eml")
    assert "（转发件）" in text, text[:200]
    assert text.index("十人社发") < text.index("现将通知转发给你们"), text[:200]
    assert "请查收" not in text


@pytest.mark.parametrize("subject", ["请查收", "Fwd: 关于转发十堰市通知的函", "=?utf-8?q?=E5=85?=", "=?idna?B?5L2g?="])
def test_the_subject_of_a_mail_carrying_the_notice_is_no_part_of_its_title(subject: str) -> None:
    facts = examine(
        _mail("现将文件转发给你们，请遵照执行。", ((NOTICE.encode(), "text", "plain", "通知.txt"),), subject=subject),
        "m.eml",
    ).facts
    assert facts.title is not None and facts.title.endswith("通知"), facts.title
    assert not facts.title.startswith(("请查收", "关于转发", "=?", "\ufffd")), facts.title
