"""Clauses and parsed documents: the models, and the helpers every parser shares.

Clause ids are stable and readable: `{document_id}-{clause_number:02d}` (jilin-2017-07), numbered
1..N in document order (for the seeds that is the document's own numbering). Every other part of
the system cites clauses by this id. The parser itself is `knowledge.structure`.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

from knowledge.documents import Document
from knowledge.normalize import DATE_LINE
from knowledge.numerals import chinese_to_number, number_to_chinese
from knowledge.quality import QualityReport

_DEPARTMENT_HINT = re.compile(r"局|委|厅|办|部门|负责|单位|政府|支行|工会|团|联|会")


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int
    label: str
    heading: str
    is_number_inferred: bool = False


class Clause(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    document_id: str
    clause_number: int
    label: str
    heading: str
    section_number: int | None
    section_heading: str | None
    text: str
    body: str
    original_text: str
    # `text` as the file writes it, where normalization simplified its characters (a 繁体 page): same
    # length as `text`, quotes are cut from it at the offsets found in `text`. None: `text` is as written.
    source_text: str | None = None
    lead_departments: tuple[str, ...] = ()
    responsible_departments: tuple[str, ...] = ()


class ParsedDocument(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document_id: str
    preamble: tuple[str, ...]
    sections: tuple[Section, ...]
    clauses: tuple[Clause, ...]
    closing: tuple[str, ...]
    closing_date: date | None
    quality: QualityReport


def clause_id(document_id: str, number: int) -> str:
    return f"{document_id}-{number:02d}"


def chinese_number(numeral: str) -> int:
    return int(chinese_to_number(numeral))


def number_label(number: int) -> str:
    return f"（{number_to_chinese(number)}）"


def parse_date(text: str) -> date | None:
    match = DATE_LINE.match(text)
    if not match:
        return None
    year_text = match.group(1)
    if not year_text.isdigit():
        year_text = "".join(str(_digit(ch)) for ch in year_text)
    return date(int(year_text), _to_int(match.group(2)), _to_int(match.group(3)))


def _digit(ch: str) -> int:
    return int(chinese_to_number(ch))


def _to_int(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text)


def split_departments(text: str, lead_first: bool = False) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Split a clause into its body and the trailing parenthetical of responsible departments."""
    start = _trailing_parenthetical_start(text)
    if start is None:
        return text, (), ()
    inner = text[start + 1 : -1]
    if not _DEPARTMENT_HINT.search(inner) or "。" in inner:
        return text, (), ()
    body = text[:start]
    lead: list[str] = []
    responsible: list[str] = []
    if "列首位的为牵头单位" in inner or lead_first:
        names = _department_list(inner.split("，列首位的为牵头单位")[0])
        lead, responsible = names[:1], names[1:]
    elif "牵头单位" in inner:
        lead_part, _, rest = inner.partition("；")
        lead = _department_list(lead_part.replace("牵头单位：", ""))
        responsible = _department_list(rest.replace("责任单位：", ""))
    else:
        responsible = _department_list(inner)
    return body, tuple(lead), tuple(responsible)


def _trailing_parenthetical_start(text: str) -> int | None:
    if not text or text[-1] not in "）〕":
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in "）〕":
            depth += 1
        elif ch in "（〔":
            depth -= 1
            if depth == 0:
                return i
    return None


def _department_list(text: str) -> list[str]:
    text = re.sub(r"按职责分工负责$", "", text)
    parts = re.split(r"[、，；]", text)
    cleaned = [re.sub(r"(等相关部门|等部门和|等部门|等负责|负责|等)$", "", p.strip()) for p in parts]
    return [p for p in cleaned if p]


def lead_phrase(text: str) -> str:
    # a heading line above its items ends there; a table row's first cell names it
    head = re.split(r"[。；\n｜]", text, maxsplit=1)[0]
    return head if len(head) <= 60 else head[:60]


def parse_document(document: Document, raw: str) -> ParsedDocument:
    """Split one source document into its parts, whatever its numbering (knowledge.structure);
    raise ParseError when no clause can be found."""
    from knowledge.structure import parse_structure

    return parse_structure(document, raw)
