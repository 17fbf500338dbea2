"""The same answers before and after an index change, on every golden set (issue 13, item 5).

`data/golden_answers.json` records, for every question of every golden set, what `policybot ask
--json` says: status, cited clause ids, quotes, the direct answer, the measures, and the top of the
ranking with scores. A change to how the lexical index is stored, opened or scored must leave it
unchanged. Regenerate it only for a change that is meant to change answers:

    PYTHONPATH=. .venv/bin/python -m tests.knowledge.test_same_answers --write
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.db import make_engine, upgrade
from knowledge.clause_table import ClauseTable
from knowledge.documents import load_manifest, read_source
from knowledge.errors import QueryError
from knowledge.evaluation import GOLDEN_DIR, load_golden
from knowledge.kb import KnowledgeBase, saved_clauses_dir
from knowledge.pg_lexical import PostgresLexicalIndex
from knowledge.registry import saved_registry
from tests.postgres import PostgresServer

RECORD = Path(__file__).resolve().parent / "data" / "golden_answers.json"
AS_OF = date(2026, 6, 1)
TOP = 5


def questions() -> list[tuple[str, str]]:
    """(golden id, question) for every question of every golden set, in file order."""
    found: list[tuple[str, str]] = []
    for path in sorted(GOLDEN_DIR.glob("*.yaml")):
        found += [(item.id, item.question) for item in load_golden(path)]
    return found


def observed(kb: KnowledgeBase, question: str) -> dict[str, Any]:
    try:
        retrieval = kb.answerer.retrieve(question)  # as an answer reads it: led by the measures asked
    except QueryError as exc:  # a question the analyzer refuses is answered with its message
        return {"refused": str(exc)}
    answer = kb.answerer.compose(retrieval, AS_OF)
    return {
        "status": answer.status.value,
        "citations": [[c.clause_id, c.quote] for c in answer.citations],
        "direct": None if answer.direct is None else answer.direct.model_dump(mode="json"),
        "measures": [m.measure_id for m in answer.measures],
        "missing": None if answer.missing is None else answer.missing.model_dump(mode="json"),
        "scope": list(retrieval.scope),
        "top": [[s.clause.id, s.score, s.evidence] for s in retrieval.ranked[:TOP]],
    }


RECORDED: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else {}


def test_the_record_covers_every_golden_question() -> None:
    ids = [golden_id for golden_id, _ in questions()]
    assert len(ids) > 700
    assert sorted(RECORDED) == sorted(ids)


@pytest.mark.parametrize(("golden_id", "question"), questions(), ids=[g for g, _ in questions()])
def test_the_answer_is_the_recorded_one(kb: KnowledgeBase, golden_id: str, question: str) -> None:
    recorded = RECORDED[golden_id]
    assert recorded["question"] == question
    now = observed(kb, question)
    assert now == {k: v for k, v in recorded.items() if k != "question"}


@pytest.fixture(scope="module")
def saved_kb(kb: KnowledgeBase, kb_dir: Path) -> KnowledgeBase:
    """The same documents answered from the clause file the first knowledge base saved: clauses
    read from disk when used, none parsed at start (issue 13, item 5)."""
    manifest = load_manifest()
    registry = saved_registry([(d, read_source(d)) for d in manifest.documents], saved_clauses_dir(kb_dir))
    assert registry is not None
    assert isinstance(registry.clauses, ClauseTable)
    assert registry.content_hash == kb.registry.content_hash
    return KnowledgeBase.open(kb_dir, registry=registry)


@pytest.mark.parametrize(("golden_id", "question"), questions(), ids=[g for g, _ in questions()])
def test_the_answer_from_saved_clauses_is_the_recorded_one(
    saved_kb: KnowledgeBase, golden_id: str, question: str
) -> None:
    recorded = RECORDED[golden_id]
    assert observed(saved_kb, question) == {k: v for k, v in recorded.items() if k != "question"}


@pytest.fixture(scope="module")
def database_kb(kb: KnowledgeBase, kb_dir: Path, postgres: PostgresServer) -> Iterator[KnowledgeBase]:
    """The same documents with the lexical index kept in PostgreSQL (`POLICYBOT_LEXICAL_INDEX=database`,
    knowledge/pg_lexical.py): every column read from the database, no index directory read."""
    engine = make_engine(postgres.create_database("same_answers"))
    upgrade(engine)
    opened = KnowledgeBase.open(kb_dir, registry=kb.registry, lexical_database=engine)
    assert isinstance(opened.lexical, PostgresLexicalIndex)
    yield opened
    engine.dispose()


@pytest.mark.parametrize(("golden_id", "question"), questions(), ids=[g for g, _ in questions()])
def test_the_answer_from_the_index_in_postgresql_is_the_recorded_one(
    database_kb: KnowledgeBase, golden_id: str, question: str
) -> None:
    recorded = RECORDED[golden_id]
    assert observed(database_kb, question) == {k: v for k, v in recorded.items() if k != "question"}


def _write() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        kb = KnowledgeBase.open(Path(data_dir))
        record = {golden_id: {"question": q, **observed(kb, q)} for golden_id, q in questions()}
    lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in record.items()]
    RECORD.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {len(record)} answers to {RECORD}")


if __name__ == "__main__" and "--write" in sys.argv:
    _write()
