"""The lexical index kept in PostgreSQL (knowledge/pg_lexical.py) ranks exactly as the embedded one:
every score, IDF and matched word equal, bit for bit, after a document is added, replaced and
deleted; a version no published set names is kept for the grace period; an ingest killed half-way
leaves the index as it was. Real PostgreSQL: the throwaway cluster the suite starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy
from sqlalchemy import Engine, text

from bot.db import make_engine, upgrade
from knowledge.clauses import Clause
from knowledge.lexical import LexicalIndex
from knowledge.pg_lexical import PostgresLexicalStore
from knowledge.query import QueryAnalyzer
from knowledge.regions import Gazetteer
from knowledge.registry import Registry
from knowledge.tokens import TokenCache
from tests.postgres import PostgresServer

REPO = Path(__file__).resolve().parents[2]
# Questions written for this test from the seeds' own wording (not from any golden set).
QUESTIONS = (
    "毕业两年内的大学生到小微企业上班，社保补贴怎么领",
    "返乡农民工办网店能申请担保贷款吗",
    "见习单位留用见习人员有什么奖励",
    "参加职业技能培训拿到证书后补贴多少",
    "就业困难人员灵活就业，社会保险补贴期限多长",
)


@pytest.fixture(scope="module")
def engine(postgres: PostgresServer) -> Iterator[Engine]:
    made = make_engine(postgres.create_database("lexical"))
    upgrade(made)
    yield made
    made.dispose()


@pytest.fixture(scope="module")
def tokens() -> TokenCache:
    return TokenCache()


@pytest.fixture(scope="module")
def analyzer(registry: Registry) -> QueryAnalyzer:
    return QueryAnalyzer(Gazetteer(registry.jurisdictions))


def store_of(engine: Engine, tokens: TokenCache, grace_seconds: float = 600) -> PostgresLexicalStore:
    return PostgresLexicalStore(engine, tokens.tokenize, tokens.fingerprint, grace_seconds=grace_seconds)


def written_document(registry: Registry, document_id: str, body_tail: str) -> list[Clause]:
    """A county's document of three clauses, written here after the seeds' style."""
    template = registry.clauses[0]
    bodies = (
        "对首次创办小微企业的高校毕业生，给予一次性创业补贴8000元。" + body_tail,
        "对吸纳登记失业人员就业并缴纳社会保险费的企业，按规定给予社会保险补贴，期限不超过3年。",
        "组织返乡农民工参加电子商务培训，培训合格的，按每人1200元标准给予职业培训补贴。",
    )
    return [
        template.model_copy(
            update={
                "id": f"{document_id}-{number:02d}",
                "document_id": document_id,
                "clause_number": number,
                "heading": heading,
                "body": body,
                "text": body,
                "original_text": body,
            }
        )
        for number, (heading, body) in enumerate(zip(("支持创业", "鼓励吸纳", "加强培训"), bodies, strict=True), 1)
    ]


def assert_ranks_as_embedded(
    index: LexicalIndex, clauses: Sequence[Clause], tokens: TokenCache, analyzer: QueryAnalyzer
) -> None:
    embedded = LexicalIndex(clauses, tokenizer=tokens.tokenize)
    positions = np.arange(len(clauses))
    for question in QUESTIONS:
        analysis = analyzer.analyze(question)
        own, extra = list(analysis.tokens), list(analysis.expansions)
        expected = embedded.scores(own, extra, 0.5, 0.5, analysis.normalized, 0.1)
        got = index.scores(own, extra, 0.5, 0.5, analysis.normalized, 0.1)
        assert got.tobytes() == expected.tobytes(), question
        assert [index.idf(t) for t in own + extra] == [embedded.idf(t) for t in own + extra]
        wanted, present = embedded.presence(positions, own), index.presence(positions, own)
        assert all(np.array_equal(present[t], wanted[t]) for t in wanted)


def test_the_scores_are_the_embedded_index_after_adding_replacing_and_deleting_a_document(
    engine: Engine, tokens: TokenCache, analyzer: QueryAnalyzer, registry: Registry
) -> None:
    store = store_of(engine, tokens)
    seeds = list(registry.clauses)
    store.sync(seeds)
    assert_ranks_as_embedded(store.open(seeds), seeds, tokens, analyzer)

    added = [*seeds, *written_document(registry, "nong-an-2026", "")]
    change = store.sync(added)
    assert change.tokenized == ("nong-an-2026",)
    assert_ranks_as_embedded(store.open(added), added, tokens, analyzer)
    first = added[len(seeds) :] + seeds  # stored last, read first: each process's own clause order
    assert_ranks_as_embedded(store.open(first), first, tokens, analyzer)

    replaced = [*seeds, *written_document(registry, "nong-an-2026", "补贴资金从就业补助资金中列支。")]
    assert store.sync(replaced).tokenized == ("nong-an-2026",)
    assert_ranks_as_embedded(store.open(replaced), replaced, tokens, analyzer)

    store.sync(seeds)
    assert "nong-an-2026" not in store.documents()
    assert_ranks_as_embedded(store.open(seeds), seeds, tokens, analyzer)
    assert store.delete("nong-an-2026")
    assert not store.delete("nong-an-2026")


def versions(engine: Engine, document_id: str) -> int:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT count(*) FROM lexical_documents WHERE document_id = :d"), {"d": document_id}
        )
        return int(found.scalar_one())


def test_a_version_no_published_set_names_is_kept_for_the_grace_period_then_deleted(
    engine: Engine, tokens: TokenCache, registry: Registry
) -> None:
    seeds = list(registry.clauses)
    first = [*seeds, *written_document(registry, "dehui-2026", "")]
    second = [*seeds, *written_document(registry, "dehui-2026", "申请材料包括身份证明和营业执照。")]
    patient = store_of(engine, tokens, grace_seconds=600)
    patient.sync(first)
    patient.sync(second)  # a replica still on `first` keeps reading its version meanwhile
    assert versions(engine, "dehui-2026") == 2
    index = patient.open(first)  # ... and opening it claims it again
    assert index.document_hashes["dehui-2026"] != patient.open(second).document_hashes["dehui-2026"]

    hasty = store_of(engine, tokens, grace_seconds=0)
    hasty.sync(second)
    time.sleep(0.05)
    assert hasty.sync(seeds).deleted == ("dehui-2026",)  # the first version, unused since the sync before
    assert versions(engine, "dehui-2026") == 1  # the second is unused from now on
    time.sleep(0.05)
    assert hasty.sync(seeds).deleted == ("dehui-2026",)
    assert versions(engine, "dehui-2026") == 0
    with engine.connect() as connection:
        orphans = connection.execute(
            text(
                "SELECT count(*) FROM lexical_postings p "
                "LEFT JOIN lexical_documents d USING (doc_key) WHERE d.doc_key IS NULL"
            )
        )
        assert orphans.scalar_one() == 0


def test_two_stores_putting_the_same_version_store_it_once(
    engine: Engine, tokens: TokenCache, registry: Registry
) -> None:
    clauses = written_document(registry, "yushu-2026", "")
    assert store_of(engine, tokens).put("yushu-2026", clauses)
    assert not store_of(engine, tokens).put("yushu-2026", clauses)
    assert versions(engine, "yushu-2026") == 1


_KILLED_WRITER = """
import sys
from bot.db import make_engine
from knowledge.lexical import DocumentCorpus
from knowledge.pg_lexical import PostgresLexicalStore
units = [[f"词{u}-{k}" for k in range(8)] for u in range(150_000)]
corpus = DocumentCorpus(clauses=units, sentences=units, owner=list(range(len(units))), bigrams=units)
store = PostgresLexicalStore(make_engine(sys.argv[1]), tokenizer_fingerprint=sys.argv[2])
print("writing", flush=True)
store.put_corpus("huge-2026", "0" * 16, corpus)
"""


def test_an_ingest_killed_while_writing_a_document_leaves_the_index_as_it_was(
    engine: Engine, tokens: TokenCache, analyzer: QueryAnalyzer, registry: Registry
) -> None:
    seeds = list(registry.clauses)
    store = store_of(engine, tokens)
    store.sync(seeds)
    url = engine.url.render_as_string(hide_password=False)
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, url, tokens.fingerprint],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        deadline = time.monotonic() + 120
        while not copying(engine):
            assert writer.poll() is None, "the writer finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.wait(30)
    assert writer.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 30
    while copying(engine) and time.monotonic() < deadline:  # the server notices the dead client
        time.sleep(0.05)
    assert versions(engine, "huge-2026") == 0
    assert_ranks_as_embedded(store.open(seeds), seeds, tokens, analyzer)


def copying(engine: Engine) -> bool:
    """Whether a session is inside a COPY into the postings right now."""
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY lexical_postings%' AND state = 'active'")
        )
        return bool(found.scalar_one())


def test_the_index_in_the_database_is_refused_on_sqlite(tmp_path: Path, tokens: TokenCache) -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        PostgresLexicalStore(sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}"), tokens.tokenize)


def test_policybot_ingest_writes_the_index_into_the_database_when_configured(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    url = postgres.create_database("ingest_lexical")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "POLICYBOT_DATA_DIR": str(tmp_path / "data"),
        "POLICYBOT_DATABASE_URL": url,
        "POLICYBOT_LEXICAL_INDEX": "database",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest"], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            stored = set(connection.execute(text("SELECT document_id FROM lexical_documents")).scalars())
    finally:
        engine.dispose()
    assert {"jilin-2017", "bazhong-2018", "ziyang-2017", "pingdingshan-2020", "shangluo-2012"} <= stored
    assert not (tmp_path / "data" / "index" / "lexical").exists()
