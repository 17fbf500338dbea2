"""Session 34 (task fix34): the staff pages show a 繁体 clause as its file writes it and mark what answers quoted —
quotes are stored as the file writes them (繁体), answers logged before that kept the simplified form."""

from __future__ import annotations

from datetime import date

import pytest

from bot.web.templating import highlight
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import parse_clauses

YICHANG_FANTI = "\n".join(
    (
        "宜昌市人民政府辦公室關於印發宜昌市支持返鄉創業若干措施的通知",
        "一、一次性創業補貼。返鄉人員首次創辦經營實體，正常經營6个月以上的，給予一次性創業補貼5000元。",
        "二、本措施自2026年3月1日起施行。",
    )
)


@pytest.mark.parametrize("quote", ["給予一次性創業補貼5000元", "给予一次性创业补贴5000元"])
def test_a_traditional_clause_is_shown_as_written_with_the_quote_marked_in_either_form(quote: str) -> None:
    document = Document(
        id="yichang-2026", source_file="yichang.txt", title="宜昌市支持返乡创业若干措施", short_name="宜昌",
        issuer="宜昌市人民政府办公室", province="湖北省", city="宜昌市", document_number=None,
        signed=date(2026, 2, 10), published=None, published_note=None, status=DocumentStatus.OFFICIAL,
        structure=Structure.AUTO,
    )  # fmt: skip
    clause = parse_clauses(document, YICHANG_FANTI).clauses[0]
    assert clause.source_text is not None
    parts = highlight(clause.source_text, [quote], clause.text)
    assert "".join(part for part, _ in parts) == clause.source_text
    assert [part for part, marked in parts if marked] == ["給予一次性創業補貼5000元"]
