"""The dialogue's own texts: the welcome, the list of collected documents, a clause shown in full."""

from __future__ import annotations

from collections.abc import Iterable

from bot.present import citations
from bot.present.prose import prose
from knowledge.citations import Citation
from knowledge.documents import Document


def welcome_text(covered: Iterable[str], with_commands: bool = True) -> str:
    """The welcome; without the slash commands where buttons stand for them (the web widget)."""
    words = prose().dialogue
    return words.welcome.format(covered="、".join(covered), commands=words.commands if with_commands else "").rstrip()


def clause_text(citation: Citation, document: Document) -> str:
    """【full reference】, the clause's whole text, and a warning for a draft document."""
    lines = [f"【{citations.reference(citation, document.document_number)}】", citation.text]
    if document.is_draft:
        lines.append("\n" + prose().dialogue.clause.draft)
    return "\n".join(lines)


def sources_text(documents: Iterable[Document]) -> str:
    words = prose().dialogue.sources
    lines = [words.title]
    for number, doc in enumerate(documents, start=1):
        lines.append(
            words.document.format(
                number=number,
                title=citations.inner_title(doc.title),
                issuer=doc.issuer,
                signed=citations.chinese_date(doc.signed),
                draft=words.draft if doc.is_draft else "",
            )
        )
    lines.append("\n" + words.hint)
    return "\n".join(lines)
