"""Bad uploads are refused with a code and a clear Chinese message, before anything is stored:
empty files, recipes and stories, images, 50 MB, zip bombs, scanned PDFs, unknown places."""

from __future__ import annotations

import functools
import importlib.util
import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from bot.present.intake import refusal
from knowledge.intake import INTAKE_CODES, IntakeError, examine, extract_facts, looks_like_policy, read_file

DATA = Path(__file__).parent / "data" / "intake"
REGULATION = (DATA / "regulation.txt").read_text(encoding="utf-8")

RECIPE = """红烧肉的做法
食材：五花肉500克，冰糖30克，生抽2勺，老抽1勺，料酒2勺，葱姜适量。
步骤：
1．五花肉切成2厘米见方的块，冷水下锅焯水，撇去浮沫后捞出。
2．锅中放少许油，加入冰糖小火炒出糖色。
3．放入肉块翻炒上色，加入葱姜、料酒、生抽和老抽。
4．加开水没过肉块，大火烧开后转小火炖60分钟，最后大火收汁即可。
小贴士：炒糖色时火不要太大，否则容易发苦。"""

NOVEL = """第一章　雨夜
那天晚上的雨下得很大。林晓站在公交站台下，望着街对面那家亮着灯的小面馆，犹豫了很久。
她刚刚从人才市场出来，手里攥着一沓简历，鞋子已经湿透了。面馆老板是个五十多岁的男人，
看见她站在雨里，便招手让她进去坐坐。“姑娘，吃碗面吧，不要钱。”他笑着说。
林晓愣了一下，眼泪突然就掉了下来。她想起了远在老家的父亲，想起了出门时母亲塞给她的两百块钱。"""

MENU = """本店菜单
招牌牛肉面　18元
红烧牛肉面　16元
酸辣粉　12元
卤蛋　2元
可乐　5元
营业时间：10:00—22:00　欢迎光临"""


def code_of(data: bytes, filename: str) -> str:
    with pytest.raises(IntakeError) as caught:
        examine(data, filename)
    return caught.value.code


@pytest.mark.parametrize("data", [b"", b"   \n\r\n  ", "\ufeff".encode()], ids=["zero bytes", "blank", "only a BOM"])
def test_an_empty_file_is_refused(data: bytes) -> None:
    assert code_of(data, "空.txt") == "empty"


@pytest.mark.parametrize("text", [RECIPE, NOVEL, MENU], ids=["recipe", "novel", "menu"])
def test_text_that_is_not_a_policy_is_refused(text: str) -> None:
    assert not looks_like_policy(text)
    assert code_of(text.encode("utf-8"), "upload.txt") == "not_a_policy"


def png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("filename", ["扫描件.png", "政策.txt", "政策.docx"])
def test_an_image_is_refused_whatever_its_name(filename: str) -> None:
    assert code_of(png_bytes(), filename) == "image"


def test_fifty_megabytes_is_refused_before_it_is_read() -> None:
    data = REGULATION.encode("utf-8") * (50 * 1024 * 1024 // len(REGULATION.encode("utf-8")) + 1)
    assert len(data) >= 50 * 1024 * 1024
    assert code_of(data, "big.txt") == "too_large"


def zip_with_document(xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


@functools.cache
def bomb() -> bytes:
    """80 MB of word/document.xml in an upload of about 80 KB."""
    xml = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + b" " * (80 << 20)
    return zip_with_document(xml)


def test_a_zip_bomb_docx_is_refused() -> None:
    data = bomb()
    assert len(data) < 1024 * 1024
    assert code_of(data, "政策.docx") == "archive_bomb"


def test_a_zip_bomb_that_lies_about_its_size_is_refused() -> None:
    data = bytearray(bomb())
    # Rewrite every size field of word/document.xml to claim 1 KB.
    name = b"word/document.xml"
    for header, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(header, start)) >= 0:
            name_at = start + (30 if header == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[start + size_at : start + size_at + 4] = struct.pack("<I", 1024)
            start += 4
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml").file_size == 1024
    assert code_of(bytes(data), "政策.docx") == "archive_bomb"


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("政策.txt", REGULATION)
    assert code_of(buffer.getvalue(), "政策.zip") == "unsupported_type"


def pdf_bytes(page_resources: str, content: bytes) -> bytes:
    """A small valid PDF (with its cross-reference table) of one page."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {page_resources} /Contents 4 0 R >>".encode(),
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" if "/Font" in page_resources else b"<< >>",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>"
        b"\nstream\n\xff\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_a_scanned_pdf_without_text_is_refused() -> None:
    scan = pdf_bytes("<< /XObject << /Im1 6 0 R >> >>", b"q 595 0 0 842 0 0 cm /Im1 Do Q")
    assert code_of(scan, "扫描件.pdf") == "pdf_without_text"


def test_a_pdf_with_text_is_read_when_a_pdf_reader_is_installed() -> None:
    text_pdf = pdf_bytes("<< /Font << /F1 5 0 R >> >>", b"BT /F1 12 Tf 72 720 Td (Employment subsidy 2024) Tj ET")
    if importlib.util.find_spec("pypdf") is None:
        with pytest.raises(IntakeError) as caught:
            read_file(text_pdf, "policy.pdf")
        assert (caught.value.code, caught.value.file_type) == ("unsupported_type", "pdf")
        assert "PDF" in refusal(caught.value, max_bytes=1)
    else:
        assert "Employment subsidy 2024" in read_file(text_pdf, "policy.pdf")


def test_a_pdf_whose_fonts_hide_in_a_compressed_stream_is_not_called_a_scan() -> None:
    hidden = zlib.compress(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pdf = b"%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n" + hidden + b"\nendstream\nendobj\n"
    with pytest.raises(IntakeError) as caught:
        read_file(pdf, "policy.pdf")
    assert caught.value.code != "pdf_without_text"


def test_random_bytes_are_refused() -> None:
    noise = random.Random(13).randbytes(4096)
    assert code_of(noise, "政策.txt") in ("undecodable", "unsupported_type")


def test_big5_text_is_read() -> None:
    traditional = "吉林省人民政府關於做好就業創業工作的通知\n各市（州）人民政府：\n一、加大創業擔保貸款支持力度。"
    assert read_file(traditional.encode("big5"), "通知.txt") == traditional


@pytest.mark.parametrize("place", ["霍格沃茨市", "平顶上市", "东方明珠市"])
def test_a_document_for_a_place_not_in_the_division_table_is_refused(place: str) -> None:
    text = REGULATION.replace("长春市", place)
    with pytest.raises(IntakeError) as caught:
        extract_facts(text)
    assert (caught.value.code, caught.value.detail) == ("unknown_place", place)
    assert code_of(text.encode("utf-8"), "办法.txt") == "unknown_place"


@pytest.mark.parametrize(
    ("issuer", "place"),
    [
        ("巴中经济开发区管委会", ("四川省", "巴中市", None)),
        ("北京市大兴区人民政府", ("北京市", None, "大兴区")),
        ("中共巴中市委办公室", ("四川省", "巴中市", None)),
        ("国务院办公厅", (None, None, None)),
    ],
)
def test_zones_districts_and_national_issuers_are_not_unknown_places(
    issuer: str, place: tuple[str | None, ...]
) -> None:
    text = f"{issuer}关于做好就业工作的通知\n各有关单位：\n一、落实就业补贴政策。\n{issuer}\n2024年1月1日"
    facts = extract_facts(text)
    assert (facts.province, facts.city, facts.county) == place


@pytest.mark.parametrize("code", INTAKE_CODES)
def test_every_refusal_has_a_chinese_message_and_says_nothing_was_changed(code: str) -> None:
    message = refusal(IntakeError(code, "霍格沃茨市"), max_bytes=20 * 1024 * 1024)
    assert "没有任何改动" in message
    assert "{" not in message
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in message) > 20
