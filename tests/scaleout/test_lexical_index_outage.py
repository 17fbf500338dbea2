"""The lexical index in PostgreSQL while PostgreSQL is down: a question whose words are not cached fails
with the database's own error (the web answers it with 503 and Retry-After, as for a turn), cached
words still score, and the same index answers again once the server is back — no rebuild."""

from __future__ import annotations

import pytest

from bot.db import DATABASE_DOWN, make_engine, upgrade
from knowledge.pg_lexical import PostgresLexicalStore
from knowledge.registry import Registry
from knowledge.tokens import TokenCache
from tests.postgres import PostgresCluster


def test_a_question_during_an_outage_raises_the_database_error_and_the_index_answers_after_it(
    pg_cluster: PostgresCluster, registry: Registry
) -> None:
    engine = make_engine(pg_cluster.create_database("lexical_outage"))
    upgrade(engine)
    tokens = TokenCache()
    index = PostgresLexicalStore(engine, tokens.tokenize, tokens.fingerprint).open(registry.clauses)
    cached = index.scores(["创业", "担保"], [], 0.5, 0.5, "创业担保", 0.1)
    pg_cluster.stop()
    try:
        with pytest.raises(DATABASE_DOWN):
            index.scores(["见习", "留用"], [], 0.5, 0.5, "见习留用", 0.1)
        assert index.scores(["创业", "担保"], [], 0.5, 0.5, "创业担保", 0.1).tobytes() == cached.tobytes()
    finally:
        pg_cluster.start()
    assert index.scores(["见习", "留用"], [], 0.5, 0.5, "见习留用", 0.1).max() == 1.0
    engine.dispose()
