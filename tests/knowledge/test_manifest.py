"""The manifest describes each source exactly: metadata that the text itself confirms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.documents import DocumentStatus, load_manifest, read_source, sources_dir
from knowledge.normalize import PINYIN_DEBRIS, to_simplified
from knowledge.registry import Registry

MANIFEST = load_manifest()


def test_every_source_file_is_in_the_manifest_with_its_title() -> None:
    listed = {d.source_file for d in MANIFEST.documents}
    on_disk = {p.name for p in sources_dir().glob("*.txt")}
    assert listed == on_disk and len(listed) == 5
    for document in MANIFEST.documents:
        text = to_simplified(PINYIN_DEBRIS.sub("", read_source(document))).replace("\n", "")
        assert document.title.replace("（征求意见稿）", "")[:14] in text, document.id


SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
def test_sources_are_byte_for_byte_copies_of_the_seeds() -> None:
    for document in MANIFEST.documents:
        ours = (sources_dir() / document.source_file).read_bytes()
        assert ours == (SEEDS / document.source_file).read_bytes(), document.id


@pytest.mark.parametrize("document", MANIFEST.documents, ids=lambda d: d.id)
def test_document_numbers_appear_in_the_source(document) -> None:  # type: ignore[no-untyped-def]
    if document.document_number:
        raw = read_source(document).replace("(fā)", "").replace("發", "发").replace("號", "号")
        assert document.document_number in raw


def test_only_pingdingshan_is_a_draft() -> None:
    drafts = [d.id for d in MANIFEST.documents if d.status == DocumentStatus.DRAFT]
    assert drafts == ["pingdingshan-2020"]
    assert "征求意见稿" in read_source(MANIFEST.by_id["pingdingshan-2020"])


@pytest.mark.parametrize(
    "document_id,jurisdiction", [("jilin-2017", "吉林省"), ("bazhong-2018", "巴中市"), ("shangluo-2012", "商洛市")]
)
def test_jurisdiction_is_the_city_where_there_is_one(document_id: str, jurisdiction: str) -> None:
    assert MANIFEST.by_id[document_id].jurisdiction == jurisdiction


def test_time_limited_measures_are_verbatim_in_their_clauses(registry: Registry) -> None:
    measures = [(d, m) for d in MANIFEST.documents for m in d.time_limited_measures]
    assert len(measures) >= 10
    for document, measure in measures:
        clause = registry.get(f"{document.id}-{measure.clause:02d}")
        assert measure.text in clause.text, (clause.id, measure.text)
        assert measure.valid_from or measure.valid_to


def test_expiry_is_judged_against_the_as_of_date() -> None:
    measure = next(m for m in MANIFEST.by_id["pingdingshan-2020"].time_limited_measures if m.clause == 11)
    assert measure.has_expired(date(2026, 11, 21))
    assert not measure.has_expired(date(2020, 12, 31))
