"""The lexical index on disk (issue 13, item 5): saved at ingest, opened memory-mapped with the same
scores, kept per document (add, replace, delete one document tokenizes only that document), and a
ranking that materialises only what is read yet orders exactly like a full sort."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from knowledge.clauses import Clause
from knowledge.kb import KnowledgeBase
from knowledge.lexical import LexicalIndex, clause_tokens
from knowledge.lexical_store import INDEX_DIR, LexicalStore
from knowledge.query import tokenize
from knowledge.registry import Registry
from knowledge.retrieve import RankedClauses
from knowledge.saved_arrays import SavedColumns

QUESTIONS = ["长春 创业补贴 高校毕业生", "巴中 创业担保贷款 额度", "技能提升补贴", "不存在的东西"]


class CountingTokenizer:
    """jieba, counting the texts it is asked to tokenize."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> list[str]:
        self.calls += 1
        return tokenize(text)


def _replaced(clause: Clause, body: str) -> Clause:
    return clause.model_copy(update={"body": body, "text": body})


def test_the_saved_index_scores_exactly_like_one_built_in_memory(tmp_path: Path, registry: Registry) -> None:
    built = LexicalIndex(registry.clauses)
    opened = LexicalStore(tmp_path).open(registry.clauses)
    assert (tmp_path / INDEX_DIR / "meta.json").is_file()
    for question in QUESTIONS:
        tokens = tokenize(question)
        assert np.array_equal(
            built.scores(tokens, ["个体经营"], 0.5, 0.5, question, 0.1),
            opened.scores(tokens, ["个体经营"], 0.5, 0.5, question, 0.1),
        )
        for position in range(0, len(registry.clauses), 7):
            assert built.evidence(position, tokens) == opened.evidence(position, tokens)


def test_word_presence_and_idf_come_from_the_index_columns(registry: Registry) -> None:
    index = LexicalIndex(registry.clauses)
    corpus = [set(clause_tokens(c)) for c in registry.clauses]
    n = len(corpus)
    for position in range(0, n, 5):
        words = [*sorted(corpus[position])[:40], "火星移民"]
        present = index.presence(np.array([position]), words)
        for word in words:
            assert index.contains(position, word) == (word in corpus[position]) == bool(present[word][0])
    df = sum("创业" in c for c in corpus)
    assert index.idf("创业") == pytest.approx(np.log((n - df + 0.5) / (df + 0.5) + 1.0), abs=0)
    assert index.idf("火星移民") == 0.0


def test_a_second_open_reads_the_saved_arrays_and_tokenizes_nothing(tmp_path: Path, registry: Registry) -> None:
    LexicalStore(tmp_path).open(registry.clauses)
    counting = CountingTokenizer()
    LexicalStore(tmp_path, counting).open(registry.clauses)
    assert counting.calls == 0


def test_replacing_one_document_tokenizes_only_that_document(tmp_path: Path, registry: Registry) -> None:
    LexicalStore(tmp_path).open(registry.clauses)
    target = "shangluo-2012"
    clauses = [
        _replaced(c, c.body + "新增试点：火星移民补贴每人八千元。") if c.document_id == target else c
        for c in registry.clauses
    ]
    counting = CountingTokenizer()
    store = LexicalStore(tmp_path, counting)
    index = store.open(clauses)
    own = [c for c in clauses if c.document_id == target]
    assert 0 < counting.calls <= 3 * sum(len(c.body) for c in own)  # only that document's texts
    assert counting.calls < len(registry.clauses)
    best = int(np.argmax(index.clause_scores(["火星", "移民"])))
    assert clauses[best].document_id == target
    assert store.put(target, own) is False  # unchanged now: no jieba


def test_deleting_one_document_removes_it_from_the_index(tmp_path: Path, registry: Registry) -> None:
    store = LexicalStore(tmp_path)
    store.open(registry.clauses)
    kept = [c for c in registry.clauses if c.document_id != "jilin-2017"]
    change = store.sync(kept)
    assert change.deleted == ("jilin-2017",) and change.tokenized == ()
    index = store.open(kept)
    assert "jilin-2017" not in store.documents()
    assert [c.id for c in index.clauses] == [c.id for c in kept]
    assert np.array_equal(index.clause_scores(["创业"]), LexicalIndex(kept).clause_scores(["创业"]))


def test_a_broken_saved_index_is_rebuilt(tmp_path: Path, registry: Registry) -> None:
    LexicalStore(tmp_path).open(registry.clauses)
    (tmp_path / INDEX_DIR / "meta.json").write_text("{broken", encoding="utf-8")
    index = LexicalStore(tmp_path).open(registry.clauses)
    assert index.clause_scores(["创业"]).max() > 0


def test_a_document_with_foreign_clauses_is_refused(tmp_path: Path, registry: Registry) -> None:
    with pytest.raises(ValueError, match="another document"):
        LexicalStore(tmp_path).put("jilin-2017", list(registry.clauses[-3:]))


def test_the_knowledge_base_opens_the_index_saved_at_ingest(kb_dir: Path, kb: KnowledgeBase) -> None:
    assert (kb_dir / "index" / INDEX_DIR / "meta.json").is_file()
    opened = kb.lexical._clause_bm25  # read from the saved files by the column, not built or read into memory
    assert isinstance(opened, SavedColumns)
    assert opened._data.path == kb_dir / "index" / INDEX_DIR / "clause" / "data.csc.index.npy"


@pytest.mark.parametrize("seed", range(20))
def test_the_lazy_ranking_orders_exactly_like_a_full_sort(kb: KnowledgeBase, seed: int) -> None:
    rng = random.Random(seed)
    n = len(kb.lexical.clauses)
    # Coarse scores force many ties, which must fall back to document order.
    combined = np.array([rng.choice([0.0, 0.25, 0.5, 0.75, 1.0, rng.random()]) for _ in range(n)])
    in_scope = np.array([rng.random() < 0.4 for _ in range(n)])
    expected = sorted(range(n), key=lambda i: (not in_scope[i], -combined[i], i))
    tokens = ["创业", "补贴", "6"]
    ranked = RankedClauses(kb.retriever, combined, combined, None, in_scope, tokens)
    start = rng.randrange(n)
    assert [s.clause.id for s in ranked[start : start + 5]] == [
        kb.lexical.clauses[i].id for i in expected[start : start + 5]
    ]
    assert [s.clause.id for s in ranked] == [kb.lexical.clauses[i].id for i in expected]
    some = expected[rng.randrange(n)]
    item = next(s for s in ranked if s.clause.id == kb.lexical.clauses[some].id)
    assert item.evidence == round(kb.lexical.evidence(some, tokens), 3)
    assert list(item.matched) == kb.lexical.matched_tokens(some, tokens)
    assert len(ranked[int(in_scope.sum()) :]) == n - int(in_scope.sum())


@pytest.mark.parametrize("question", ["巴中 创业担保贷款", "求职创业补贴给多少", "商洛 技能提升补贴 多少钱"])
def test_lookups_by_clause_agree_with_the_full_ranking(kb: KnowledgeBase, question: str) -> None:
    retrieval = kb.retriever.retrieve(question)
    full = {item.clause.id: item for item in list(retrieval.ranked)}
    in_scope = {item.clause.id: item.score for item in list(retrieval.in_scope)}
    fresh = kb.retriever.retrieve(question)  # nothing materialised yet
    ids = [c.id for c in kb.registry.clauses]
    assert fresh.in_scope_scores(ids) == in_scope
    assert all(fresh.scored(clause_id) == full[clause_id] for clause_id in ids[::9])
    outside = next((i for i in ids if i not in in_scope), None)
    if outside is not None:
        assert fresh.in_scope_item(outside) is None
        assert fresh.scored(outside) == full[outside]


@pytest.mark.parametrize("question", ["巴中 创业担保贷款", "求职创业补贴给多少", "吉林 技能提升补贴 领取条件"])
def test_best_sentence_scores_equal_the_maximum_over_every_sentence(kb: KnowledgeBase, question: str) -> None:
    lexical = kb.lexical
    tokens = tokenize(question)
    sentence_scores = np.asarray(lexical._sentence_bm25.get_scores(tokens), dtype=float)
    owner = np.asarray(lexical._owner)
    expected = np.zeros(len(lexical.clauses))
    for sentence, clause in enumerate(owner.tolist()):
        expected[clause] = max(expected[clause], sentence_scores[sentence])
    assert np.count_nonzero(expected) > 0
    assert np.array_equal(lexical.best_sentence_scores(tokens), expected)


@pytest.mark.parametrize("seed", range(8))
def test_demoted_documents_rank_after_the_others_in_scope_exactly_as_a_list_would(kb: KnowledgeBase, seed: int) -> None:
    rng = random.Random(seed)
    retrieval = kb.retriever.retrieve(rng.choice(["创业补贴能拿多少", "巴中 创业担保贷款", "技能提升补贴"]))
    documents = sorted(kb.registry.documents)
    replaced = set(rng.sample(documents, rng.randint(1, 3)))
    full = list(retrieval.ranked)
    scoped = full[: retrieval.in_scope_count]
    expected = [
        *(item for item in scoped if item.clause.document_id not in replaced),
        *(item for item in scoped if item.clause.document_id in replaced),
        *full[retrieval.in_scope_count :],
    ]
    assert isinstance(retrieval.ranked, RankedClauses)
    demoted = retrieval.ranked.demoting(kb.retriever.documents_mask(replaced))
    assert [item.clause.id for item in demoted] == [item.clause.id for item in expected]
    assert demoted[: retrieval.in_scope_count] == expected[: retrieval.in_scope_count]
    moved = next((item for item in expected if item.clause.document_id in replaced), None)
    assert moved is not None and demoted.find(moved.clause.id) == moved
