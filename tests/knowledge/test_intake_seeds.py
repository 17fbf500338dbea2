"""The five seed documents read through intake: text, facts and the same clauses as the registry."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.documents import load_manifest, read_source
from knowledge.intake import extract_facts, looks_like_policy, read_file

MANIFEST = load_manifest()
DOCUMENTS = {document.id: document for document in MANIFEST.documents}


@pytest.mark.parametrize("document_id", list(DOCUMENTS))
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_a_seed_reads_back_in_every_common_encoding(document_id: str, encoding: str) -> None:
    raw = read_source(DOCUMENTS[document_id])
    data = raw.encode(encoding)  # utf-16 writes a BOM
    assert read_file(data, "policy.txt").split() == raw.replace("\ufeff", "").split()


@pytest.mark.parametrize("document_id", list(DOCUMENTS))
def test_every_seed_looks_like_a_policy(document_id: str) -> None:
    assert looks_like_policy(read_source(DOCUMENTS[document_id]))


@pytest.mark.parametrize("document_id", list(DOCUMENTS))
def test_seed_facts_agree_with_the_manifest(document_id: str) -> None:
    document = DOCUMENTS[document_id]
    facts = extract_facts(read_source(document))
    assert facts.issuer == document.issuer
    assert facts.province == document.province
    assert facts.city == document.city
    assert facts.signed == document.signed
    assert facts.document_number == document.document_number
    assert facts.is_draft == document.is_draft
    assert facts.title == document.title


def test_the_cited_document_number_is_not_taken_for_the_documents_own() -> None:
    facts = extract_facts(read_source(DOCUMENTS["ziyang-2017"]))
    assert facts.document_number is None  # the preamble cites 川府发〔2017〕53号
    assert facts.signed == date(2017, 12, 12)
