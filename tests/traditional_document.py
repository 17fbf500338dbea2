"""A short document written in 繁体 (traditional characters), parsed as the product parses an added file: for tests of
what is stored and shown as the file writes it while matching reads its simplified form."""

from __future__ import annotations

from datetime import date

from knowledge.clauses import ParsedDocument
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import parse_clauses

YICHANG_FANTI = "\n".join(
    (
        "宜昌市人民政府辦公室關於印發宜昌市支持返鄉創業若干措施的通知",
        "一、一次性創業補貼。返鄉人員首次創辦經營實體，正常經營6个月以上的，給予一次性創業補貼5000元。",
        "二、本措施自2026年3月1日起施行。",
    )
)


def yichang_fanti() -> tuple[Document, ParsedDocument]:
    """The 繁体 Yichang document and its parsed clauses."""
    document = Document(
        id="yichang-2026", source_file="yichang.txt", title="宜昌市支持返乡创业若干措施", short_name="宜昌",
        issuer="宜昌市人民政府办公室", province="湖北省", city="宜昌市", document_number=None,
        signed=date(2026, 2, 10), published=None, published_note=None, status=DocumentStatus.OFFICIAL,
        structure=Structure.AUTO,
    )  # fmt: skip
    return document, parse_clauses(document, YICHANG_FANTI)
