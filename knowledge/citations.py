"""Citation objects: the one shape every channel shows next to a quoted clause (worded by bot/present)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from knowledge.clauses import Clause
from knowledge.documents import Document


class Citation(BaseModel):
    """Exactly where a quote comes from. `quote` is always a verbatim substring of `text`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    clause_id: str
    document_title: str
    issuer: str
    jurisdiction: str
    date: str
    document_status: str
    clause_number: int
    clause_label: str
    heading: str
    quote: str
    text: str
    score: float | None


def make_citation(clause: Clause, document: Document, quote: str, score: float | None) -> Citation:
    if clause.source_text is not None and quote not in clause.text and quote in clause.source_text:
        pass  # quoted as the file writes it already (a rule's quote copied from a 繁体 file)
    elif quote not in clause.text:
        raise ValueError(f"quote is not verbatim in {clause.id}: {quote[:30]}…")
    elif clause.source_text is not None:  # quoted as the file writes it (繁体), found where the text has it
        at = clause.text.index(quote)
        quote = clause.source_text[at : at + len(quote)]
    return Citation(
        clause_id=clause.id,
        document_title=document.title,
        issuer=document.issuer,
        jurisdiction=document.jurisdiction,
        date=document.signed.isoformat(),
        document_status=document.status.value,
        clause_number=clause.clause_number,
        clause_label=clause.label,
        heading=clause.heading,
        quote=quote,
        text=clause.source_text or clause.text,
        score=score,
    )
