"""How a cited clause is named to users: the one file that decides a citation's format.

`reference` is the full form every channel prints next to a quote; `clause_name` the short form
on buttons and after a reason; `title` the line a citation is listed under in the web widget.
Callers reach these through the module (`citations.reference(...)`), so replacing one function
here changes every channel at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Protocol

from bot.present.prose import prose
from knowledge.labels import cited_form
from knowledge.numerals import number_to_chinese

if TYPE_CHECKING:
    from eligibility.schema import DocumentInfo
    from knowledge.citations import Citation
    from knowledge.clauses import Clause
    from knowledge.documents import Document


class PublishedClauses(Protocol):
    """The published documents' clauses (the knowledge core's Registry fits)."""

    @property
    def documents(self) -> Mapping[str, Document]: ...

    def get(self, clause_id: str) -> Clause: ...

    def has(self, clause_id: str) -> bool: ...


def reference(citation: Citation, document_number: str | None = None) -> str:
    """《标题》（文号，发文机关，日期）第（七）条 — the human-readable reference."""
    parts = [p for p in (document_number, citation.issuer, chinese_date(date.fromisoformat(citation.date))) if p]
    return f"《{inner_title(citation.document_title)}》（{'，'.join(parts)}）{cited_form(citation.clause_label)}"


_INNER_MARKS = str.maketrans("《》", "〈〉")


def inner_title(title: str) -> str:
    """A title as it reads inside book-title marks: the titles it names in 《》 take the single marks
    〈〉 (GB/T 15834), so 《宜春市…办法》政策解读 is cited 《〈宜春市…办法〉政策解读》, never 《《…》政策解读》.
    Every template that writes 《{title}》 is given this."""
    return title.translate(_INNER_MARKS)


def clause_name(clause_id: str, documents: Mapping[str, DocumentInfo], registry: PublishedClauses | None = None) -> str:
    """A clause named briefly. A packaged document by its running number (吉林（二十）, 商洛第三部分);
    a document staff added by its clause's own label path (长春市第三条, 长春市第二章第三条), from
    its rules' document entry or, without rules, from the published clauses; else the id itself."""
    document_id, _, number = clause_id.rpartition("-")
    document = documents.get(document_id)
    if document is not None and document.numbering != "labels" and number.isdigit():
        words = prose().citations
        template = words.in_section if document.numbering == "sections" else words.in_clause
        return template.format(document=document.short_name, numeral=numeral(int(number)))
    if document is not None and clause_id in document.labels:
        return _by_label(document.jurisdiction, document.labels[clause_id])
    if registry is not None and registry.has(clause_id):
        clause = registry.get(clause_id)
        return _by_label(registry.documents[clause.document_id].jurisdiction, clause.label)
    return clause_id


def _by_label(place: str, label: str) -> str:
    return prose().clause_names.by_label.format(place=place, label=cited_form(label))


# The longest title an article of the five seeds carries (吉林（十）稳妥安置化解钢铁煤炭行业过剩产能企业职工).
# A heading longer than that is an untitled article's first sentence (一、对…的，给予…3000元), not a title.
_TITLE_MAX = 20
# How much of such a sentence names the citation: its opening words, then an ellipsis.
_OPENING = 16


def title(citation: Citation) -> str:
    """吉林省 （七） 支持创业 — the line a citation is listed under (the web widget's button and the
    header of its sheet). An article without a title of its own is named by its opening words: the
    whole sentence is the quote below it, never repeated in the button."""
    return f"{citation.jurisdiction} {citation.clause_label} {short_heading(citation.heading)}"


def short_heading(heading: str) -> str:
    if len(heading) <= _TITLE_MAX:
        return heading
    return heading[:_OPENING].rstrip("，,；;、") + "…"


def status_note(citation: Citation) -> str | None:
    """征求意见稿（草案） for a draft document, else nothing."""
    return prose().citations.draft if citation.document_status == "draft" else None


def numeral(number: int) -> str:
    """20 → 二十, as clause numbers are written."""
    return number_to_chinese(number)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
