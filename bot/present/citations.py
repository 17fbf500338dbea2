"""How a cited clause is named to users: the one file that decides a citation's format.

`reference` is the full form every channel prints next to a quote; `clause_name` the short form
on buttons and after a reason; `title` the line a citation is listed under in the web widget.
Callers reach these through the module (`citations.reference(...)`), so replacing one function
here changes every channel at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from bot.present.prose import prose
from knowledge.labels import cited_form
from knowledge.numerals import number_to_chinese

if TYPE_CHECKING:
    from eligibility.schema import DocumentInfo
    from knowledge.citations import Citation


def reference(citation: Citation, document_number: str | None = None) -> str:
    """《标题》（文号，发文机关，日期）第（七）条 — the human-readable reference."""
    parts = [p for p in (document_number, citation.issuer, chinese_date(date.fromisoformat(citation.date))) if p]
    return f"《{citation.document_title}》（{'，'.join(parts)}）{cited_form(citation.clause_label)}"


def clause_name(clause_id: str, documents: Mapping[str, DocumentInfo]) -> str:
    """吉林（二十）, 商洛第三部分 — a clause named briefly; the id itself when the document is unknown."""
    document_id, _, number = clause_id.rpartition("-")
    document = documents.get(document_id)
    if document is None or not number.isdigit():
        return clause_id
    words = prose().citations
    template = words.in_section if document.numbering == "sections" else words.in_clause
    return template.format(document=document.short_name, numeral=numeral(int(number)))


def title(citation: Citation) -> str:
    """吉林省 （七） 支持创业 — the line a citation is listed under (the web widget's button)."""
    return f"{citation.jurisdiction} {citation.clause_label} {citation.heading}"


def status_note(citation: Citation) -> str | None:
    """征求意见稿（草案） for a draft document, else nothing."""
    return prose().citations.draft if citation.document_status == "draft" else None


def numeral(number: int) -> str:
    """20 → 二十, as clause numbers are written."""
    return number_to_chinese(number)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
