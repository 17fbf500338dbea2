"""Parse a normalized document into preamble, sections, numbered clauses and closing.

Clause ids are stable and readable: `{document_id}-{clause_number:02d}` (jilin-2017-07), where the
number is the document's own. Every other part of the system cites clauses by this id.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

from knowledge.documents import Document, Structure
from knowledge.errors import ParseError
from knowledge.normalize import DATE_LINE, Paragraph, normalize_document
from knowledge.numerals import chinese_to_number, number_to_chinese
from knowledge.quality import IssueKind, QualityIssue, QualityReport

_NUMERAL = "一二三四五六七八九十"
_CLAUSE_LABEL = re.compile(rf"^([（(]?)([{_NUMERAL}]{{1,3}})）")
_SECTION_LABEL = re.compile(rf"^([{_NUMERAL}]{{1,3}})、")
_DEPARTMENT_HINT = re.compile(r"局|委|厅|办|部门|负责|单位|政府|支行|工会|团|联|会")
_MAX_HEADING = 40


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
    head = re.split(r"[。；]", text, maxsplit=1)[0]
    return head if len(head) <= 60 else head[:60]


def _is_unnumbered_heading(paragraph: str, following: Paragraph | None) -> bool:
    return (
        len(paragraph) <= _MAX_HEADING
        and "。" not in paragraph
        and following is not None
        and bool(_CLAUSE_LABEL.match(following.text))
    )


def parse_document(document: Document, raw: str) -> ParsedDocument:
    """Split one source document into its parts; raise ParseError when its shape is unexpected."""
    normalized = normalize_document(raw)
    paragraphs = normalized.paragraphs
    issues = list(normalized.issues)
    sections_only = document.structure == Structure.SECTIONS_ONLY

    preamble: list[str] = []
    sections: list[Section] = []
    clauses: list[dict[str, object]] = []
    closing: list[Paragraph] = []
    current_section: Section | None = None
    body_started = False

    for index, para in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        text = para.text
        section_match = _SECTION_LABEL.match(text)
        clause_match = None if sections_only else _CLAUSE_LABEL.match(text)

        if sections_only and section_match:
            body_started = True
            number = chinese_number(section_match.group(1))
            clauses.append(_clause_fields(document, number, section_match.group(0), text, para, None))
            continue
        if clause_match:
            body_started = True
            _absorb_stray(clauses, closing)
            number = chinese_number(clause_match.group(2))
            label = number_label(number)
            if clause_match.group(1) != "（":
                issues.append(
                    QualityIssue(
                        kind=IssueKind.LABEL_REPAIRED,
                        original=text[: clause_match.end()],
                        replacement=label,
                        clause_id=clause_id(document.id, number),
                    )
                )
                text = label + text[clause_match.end() :]
            clauses.append(_clause_fields(document, number, label, text, para, current_section))
            continue
        if not sections_only and section_match and len(text) <= _MAX_HEADING:
            body_started = True
            number = chinese_number(section_match.group(1))
            current_section = Section(number=number, label=section_match.group(0), heading=text[section_match.end() :])
            sections.append(current_section)
            continue
        if not sections_only and _is_unnumbered_heading(text, following) and (body_started or preamble):
            body_started = True
            number = len(sections) + 1
            heading = text.lstrip("、")
            issues.append(
                QualityIssue(
                    kind=IssueKind.SECTION_NUMBER_MISSING,
                    original=text,
                    replacement=f"第{number_to_chinese(number)}部分：{heading}",
                )
            )
            current_section = Section(
                number=number, label=f"{number_to_chinese(number)}、", heading=heading, is_number_inferred=True
            )
            sections.append(current_section)
            continue
        if not body_started:
            preamble.append(text)
        else:
            closing.append(para)

    if not clauses:
        raise ParseError(f"{document.id}: no clauses found")
    built = [_build_clause(fields) for fields in clauses]
    _check_numbering(document, built)
    closing_texts = [p.text for p in closing]
    closing_date = next((d for d in (parse_date(t) for t in closing_texts) if d), None)
    issues = [_attach_clause(issue, built) for issue in issues]
    return ParsedDocument(
        document_id=document.id,
        preamble=tuple(preamble),
        sections=tuple(sections),
        clauses=tuple(built),
        closing=tuple(closing_texts),
        closing_date=closing_date,
        quality=QualityReport(document_id=document.id, issues=tuple(issues)),
    )


def _absorb_stray(clauses: list[dict[str, object]], pending: list[Paragraph]) -> None:
    """Unlabelled paragraphs between two clauses continue the earlier clause."""
    if clauses and pending:
        for para in pending:
            clauses[-1]["text"] = f"{clauses[-1]['text']}\n{para.text}"
            clauses[-1]["original_text"] = f"{clauses[-1]['original_text']}\n{para.original}"
    pending.clear()


def _clause_fields(
    document: Document, number: int, label: str, text: str, para: Paragraph, section: Section | None
) -> dict[str, object]:
    return {
        "id": clause_id(document.id, number),
        "document_id": document.id,
        "clause_number": number,
        "label": label,
        "text": text,
        "original_text": para.original,
        "section": section,
        "lead_first": document.departments_lead_first,
    }


def _build_clause(fields: dict[str, object]) -> Clause:
    text = str(fields["text"])
    label = str(fields["label"])
    content = text[len(label) :] if text.startswith(label) else text
    body, lead, responsible = split_departments(content, bool(fields["lead_first"]))
    section = fields["section"]
    assert section is None or isinstance(section, Section)
    return Clause(
        id=str(fields["id"]),
        document_id=str(fields["document_id"]),
        clause_number=int(str(fields["clause_number"])),
        label=label,
        heading=lead_phrase(content),
        section_number=section.number if section else None,
        section_heading=section.heading if section else None,
        text=text,
        body=body,
        original_text=str(fields["original_text"]),
        lead_departments=lead,
        responsible_departments=responsible,
    )


def _check_numbering(document: Document, clauses: list[Clause]) -> None:
    numbers = [c.clause_number for c in clauses]
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        raise ParseError(f"{document.id}: clause numbers {numbers} are not 1..{len(numbers)}")


def _attach_clause(issue: QualityIssue, clauses: list[Clause]) -> QualityIssue:
    if issue.clause_id or issue.kind not in (IssueKind.GARBLED_SPAN, IssueKind.STRAY_ENGLISH):
        return issue
    for clause in clauses:
        if issue.context and issue.context in clause.text:
            return issue.model_copy(update={"clause_id": clause.id})
    return issue
