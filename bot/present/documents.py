"""Words about stored documents (issue 13), for `policybot documents` and the staff console: states,
metadata lines, the library's refusals. The texts are in prose.yaml, section `documents`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.present import citations
from bot.present.prose import prose

if TYPE_CHECKING:
    from bot.library import DocumentView, LibraryError, RepealReport
    from knowledge.clauses import ParsedDocument
    from knowledge.repeals import RepealedReference


def state_label(state: str) -> str:
    return str(getattr(prose().documents.states, state.replace("-", "_")))


def status_label(status: str) -> str:
    return str(getattr(prose().documents.statuses, status))


def error_text(error: LibraryError) -> str:
    """The refusal in Chinese: a file the intake refused in its words (bot/present/intake.py), named."""
    from bot.library import MAX_FILE_BYTES
    from bot.present.intake import refusal
    from knowledge.intake import IntakeError

    words = prose()
    errors = words.documents.errors
    fields = {"file": "", "detail": "", **error.fields}
    if isinstance(error.intake, IntakeError):
        return errors.intake.format(file=fields["file"], reason=refusal(error.intake, max_bytes=MAX_FILE_BYTES))
    if "field" in fields:
        fields["field"] = field_label(fields["field"])
    template = next(
        (
            found
            for section in (errors, words.staff_rules.errors, words.document_edit.errors)
            if isinstance(found := getattr(section, error.code, None), str)
        ),
        None,
    )
    if not isinstance(template, str):
        template = errors.unreadable
    return template.format(**fields)


def added_text(view: DocumentView, filename: str) -> str:
    words = prose().documents
    return words.added.format(
        file=filename,
        id=view.id,
        title=view.document.title or words.unknown_date,
        clauses=view.clause_count,
        state=state_label(view.state.value),
    )


def not_added_text(error: LibraryError, *, alone: bool = False) -> str:
    """One refused file: why, and — in a batch — that the batch's other files went on."""
    words = prose().documents
    return (words.not_added_alone if alone else words.not_added).format(reason=error_text(error))


def held_text(error: LibraryError, *, alone: bool = False) -> str:
    """A file kept in review though staff asked to publish: why, and — in a batch — that the others went on."""
    words = prose().documents
    return (words.held_alone if alone else words.held).format(reason=error_text(error))


def upload_hint() -> str:
    """The kinds of file the console's upload form takes: the ones intake reads, as its refusals name them."""
    words = prose().intake
    return words.upload_hint.format(kinds=words.kinds)


def batch_summary(total: int, refused: int) -> str:
    """A batch with refused files: how many of its files were added and how many were not."""
    return prose().documents.batch_summary.format(total=total, added=total - refused, refused=refused)


def field_label(name: str) -> str:
    """signed → 成文日期: a metadata field as the console and the CLI name it."""
    return str(getattr(prose().documents.fields, name, name))


def changed_fields(columns: list[str]) -> str:
    """标题、适用地区: the fields an edit changed (the place's three columns are one field)."""
    places = {"province", "city", "county"}
    names = dict.fromkeys(field_label("jurisdiction" if c in places else c) for c in columns)
    return "、".join(names)


def metadata(view: DocumentView) -> list[tuple[str, str]]:
    """(label, value) pairs shown for confirmation: what was extracted, as it will be cited."""
    words = prose().documents
    names = words.fields
    doc = view.document
    unknown = words.unknown_date

    def shown(value: Any) -> str:
        if value is None or value == "":
            return unknown
        if hasattr(value, "isoformat"):
            return unknown if value.year == 1 else str(value.isoformat())
        return str(value)

    state = state_label(view.state.value)
    if doc.superseded_by:
        state += words.superseded_by.format(id=doc.superseded_by)
    return [
        (names.id, view.id),
        (names.title, shown(doc.title)),
        (names.issuer, shown(doc.issuer)),
        (names.document_number, shown(doc.document_number)),
        (names.jurisdiction, "".join(p for p in (doc.province, doc.city, doc.county) if p) or unknown),
        (names.signed, shown(doc.signed)),
        (names.effective, shown(doc.effective)),
        (names.valid_until, shown(doc.valid_until)),
        (names.status, status_label(doc.status.value)),
        (names.state, state),
        (names.clauses, str(view.clause_count)),
        (names.files, "、".join(f"{name}（{size} 字节）" for name, _type, _sha, size in view.files) or unknown),
    ]


def list_lines(views: list[DocumentView]) -> list[str]:
    if not views:
        return [prose().documents.no_documents]
    lines = []
    for view in views:
        summary = view.summary()
        number = f"（{summary['document_number']}）" if summary["document_number"] else ""
        state = state_label(view.state.value)
        if view.document.superseded_by:
            state += prose().documents.superseded_by.format(id=view.document.superseded_by)
        signed = summary["signed"] or prose().documents.unknown_date
        cells = [view.id, state, status_label(summary["status"]), summary["jurisdiction"], signed]
        lines.append("\t".join([*cells, f"{summary['clauses']} 条", f"{summary['title']}{number}"]))
    return lines


def show_lines(view: DocumentView, parsed: ParsedDocument) -> list[str]:
    words = prose().documents
    lines = [f"{label}：{value}" for label, value in metadata(view)]
    if view.problems:
        lines.append(words.problems.format(problems="；".join(view.problems)))
    if view.place_named:
        edit = prose().document_edit
        lines.append(edit.place_differs.format(place=view.document.jurisdiction, named=view.place_named))
    summary = parsed.quality.summary()
    quality = "，".join(f"{kind} {count}" for kind, count in summary.items()) or "—"
    lines.append(f"{words.fields.quality}：{quality}")
    lines.append("")
    for clause in parsed.clauses:
        section = f"{clause.section_heading} · " if clause.section_heading else ""
        lines.append(f"[{clause.id}] {section}{clause.text}")
    return lines


def show_json(view: DocumentView, parsed: ParsedDocument) -> dict[str, Any]:
    doc = view.document
    return {
        **view.summary(),
        "province": doc.province,
        "city": doc.city,
        "county": doc.county,
        "effective": doc.effective.isoformat() if doc.effective else None,
        "valid_until": doc.valid_until.isoformat() if doc.valid_until else None,
        "origin": view.origin,
        "actor": view.actor,
        "created_at": view.created_at.isoformat(),
        "published_at": view.published_at.isoformat() if view.published_at else None,
        "retired_at": view.retired_at.isoformat() if view.retired_at else None,
        "problems": list(view.problems),
        "place_named": view.place_named,
        "files": [{"filename": n, "media_type": t, "sha256": s, "bytes": b} for n, t, s, b in view.files],
        "quality": parsed.quality.model_dump(mode="json"),
        "clause_list": [
            {
                "id": c.id,
                "label": c.label,
                "heading": c.heading,
                "section": c.section_heading,
                "text": c.text,
            }
            for c in parsed.clauses
        ],
    }


def _reference(match_reference: RepealedReference) -> str:
    """《title》（文号）, 《title》 or 文号, as the document wrote it (templates in prose.yaml)."""
    words = prose().documents.repeals
    title, number = citations.inner_title(match_reference.title or ""), match_reference.number
    if title and number:
        return words.reference_full.format(title=title, number=number)
    return words.reference_title.format(title=title) if title else number or ""


def repeal_lines(report: RepealReport) -> list[str]:
    """The documents a document says it repeals, each with the published document it names (or that
    none here matches), and the note when it only says earlier rules yield to it."""
    words = prose().documents.repeals
    lines = [
        words.named.format(
            reference=_reference(m.reference), id=m.document_id, title=citations.inner_title(m.title or "")
        )
        if m.document_id is not None
        else words.not_found.format(reference=_reference(m.reference))
        for m in report.named
    ]
    if report.earlier_rules_yield and not report.named:
        lines.append(words.earlier_rules_yield)
    return lines


def repeals_json(report: RepealReport) -> dict[str, Any]:
    """`documents show --json`: what the document says it repeals and the published documents named."""
    return {
        "named": [
            {"title": m.reference.title, "document_number": m.reference.number, "published_document": m.document_id}
            for m in report.named
        ],
        "earlier_rules_yield": report.earlier_rules_yield,
        "to_retire": list(report.to_retire),
    }
