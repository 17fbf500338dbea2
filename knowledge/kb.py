"""The knowledge base: registry, index and answerer wired together from plain settings values.

`ingest` is idempotent: the content hash of the sources and the embedder name decide whether the
Chroma collection and the on-disk snapshot are rebuilt. `open` builds them on first use.
"""

from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from knowledge import jieba_dictionary
from knowledge.answer import Answerer, AnswerPolicy
from knowledge.cache import read_cached, write_cached
from knowledge.clause_table import CLAUSES_DIR
from knowledge.clauses import Clause
from knowledge.embeddings import Embedder, HashingEmbedder, SentenceTransformerEmbedder
from knowledge.errors import IndexStateError
from knowledge.lexical import LexicalIndex
from knowledge.lexical_store import LexicalStore, StoreChange
from knowledge.measure_match import MeasureMatcher
from knowledge.measure_store import MEASURES_DB, MeasureUnitStore
from knowledge.measures import Measure, MeasureCatalog, load_measures
from knowledge.query import QueryAnalyzer
from knowledge.regions import Gazetteer, PlaceIndex, place_index_fingerprint
from knowledge.registry import Registry, build_registry, save_registry
from knowledge.retrieve import HybridRetriever, RetrievalConfig
from knowledge.store import ChromaClauseStore, Metadata, StoredRecord
from knowledge.tokens import TOKENS_FILE, TokenCache

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Engine

log = logging.getLogger(__name__)
Progress = Callable[[str], None]


@dataclass(frozen=True)
class IngestReport:
    content_hash: str
    embedder: str
    clause_counts: dict[str, int]
    rebuilt: bool
    seconds: float
    quality: dict[str, dict[str, int]]


def clause_metadata(clause: Clause, registry: Registry) -> Metadata:
    document = registry.document_of(clause)
    return {
        "document_id": clause.document_id,
        "clause_number": clause.clause_number,
        "label": clause.label,
        "heading": clause.heading,
        "section_heading": clause.section_heading or "",
        "jurisdiction": document.jurisdiction,
        "province": document.province,
        "document_title": document.title,
        "issuer": document.issuer,
        "date": document.signed.isoformat(),
        "document_status": document.status.value,
        "departments": "、".join(clause.lead_departments + clause.responsible_departments),
    }


def make_embedder(model: str | None) -> Embedder:
    return SentenceTransformerEmbedder(model) if model else HashingEmbedder()


class KnowledgeBase:
    def __init__(  # noqa: PLR0913 - the parts a knowledge base is wired from, most optional
        self,
        registry: Registry,
        store: ChromaClauseStore,
        embedder: Embedder,
        config: RetrievalConfig,
        policy: AnswerPolicy | None = None,
        tokens: TokenCache | None = None,
        places: PlaceIndex | None = None,
        curated: Mapping[str, tuple[Measure, ...]] | None = None,
        *,
        lexical: LexicalIndex | None = None,
        derived: MeasureUnitStore | None = None,
    ) -> None:
        """`curated`: the curated measure files (default: knowledge/measures); documents without a
        fitting one get measure units derived from their text. `lexical`: the saved index
        (`LexicalStore.open`); without it one is built in memory. `derived`: where units derived
        at an earlier start or ingest are kept (default: derived again in memory)."""
        with _collection_paused():
            self.registry = registry
            self.store = store
            self.embedder = embedder
            self.gazetteer = Gazetteer(registry.jurisdictions, places)
            curated = load_measures() if curated is None else curated
            self.analyzer = QueryAnalyzer(
                self.gazetteer, (name for ms in curated.values() for m in ms for name in (m.name, *m.aliases))
            )
            tokens = TokenCache() if tokens is None else tokens
            self.lexical = LexicalIndex(registry.clauses, tokenizer=tokens.tokenize) if lexical is None else lexical
            self.retriever = HybridRetriever(registry, self.analyzer, self.lexical, store, embedder, config)
            units: Mapping[str, tuple[Measure, ...]] | MeasureCatalog
            if derived is None:
                from knowledge.derive import measure_units  # (cut here; a store of derived units needs no cutter)

                units = measure_units(registry.documents, registry.clauses_of, curated)
            else:
                units = derived.catalog(registry.documents, registry.clauses_of, curated, self.lexical.document_hashes)
            matcher = MeasureMatcher(units, tokens.tokenize, self.lexical.idf)
            self.answerer = Answerer(self.retriever, policy, matcher, tokens.tokenize)
            tokens.save()

    def warm(self) -> None:
        """What a long-running process does once before its first question (one-shot commands
        skip it): the measure matcher prepares what it scores measures on, and every table a question
        reads that is otherwise made on first use is made now — the analyzer's (pypinyin's sound
        indexes, the Latin-script reader), the intent and instruction patterns, the documents answers
        are drawn from. Left to the first questions, a fresh server spent its first minutes at two to
        three times the CPU per turn (issue 14's load bench measures those minutes)."""
        from knowledge import intent, numerals, payer
        from knowledge.instructions import detector

        if self.answerer.matcher is not None:
            self.answerer.matcher.prepare()
        self.analyzer.warm()
        intent.preload()
        payer.preload()
        numerals.preload()  # cn2an's import and patterns: otherwise a served question's (0.5-1.3 s once)
        detector()
        _ = self.answerer.documents

    @classmethod
    def open(
        cls,
        data_dir: Path,
        embedding_model: str | None = None,
        chroma_url: str | None = None,
        progress: Progress | None = None,
        config: RetrievalConfig | None = None,
        verify_vectors: bool = True,
        registry: Registry | None = None,
        lexical_database: Engine | None = None,
    ) -> KnowledgeBase:
        """Open the index under data_dir, building it first if it is missing or stale.

        With `verify_vectors=False` (one-shot commands such as `policybot ask`) an index whose
        marker (index/state.json) matches the current clauses is trusted and the vector store is
        only connected when a dense query first needs it; a store found broken then degrades to
        lexical answers, as it does in a running process. Servers verify it at start.
        `registry`: the documents to answer from (the published ones in the database); default the
        packaged seeds. `lexical_database`: a PostgreSQL engine to keep the lexical index in
        (`knowledge.pg_lexical`) instead of the index directory.
        """
        say = progress or (lambda _msg: None)
        jieba_dictionary.keep_in(data_dir / "index")
        registry = registry or build_registry()
        embedder = make_embedder(embedding_model)
        store = ChromaClauseStore(url=chroma_url) if chroma_url else ChromaClauseStore(path=data_dir / "chroma")
        reason = _why_rebuild(data_dir, chroma_url)
        # A serving process reads its tokens from the saved index; the token file only speeds up
        # ingest (at every city's scale it was ≈ 200 MB of token lists in every worker).
        tokens = TokenCache()
        try:
            if not verify_vectors and _marker_matches(data_dir, registry, embedder.name, chroma_url):
                store.defer(embedder, registry.content_hash, len(registry.clauses))
                attached = True
            else:
                attached = store.attach(embedder, registry.content_hash, len(registry.clauses))
        except IndexStateError as exc:
            if chroma_url:
                # The Chroma server is down: answer from the lexical index (it needs no vectors) and
                # connect when a dense query first needs it, as a running process does (issue 14).
                log.warning("vector store %s unreachable at start, answering lexically: %s", chroma_url, exc)
                say(f"向量索引服务暂不可用（{chroma_url}），先用关键词检索回答")
                store.defer(embedder, registry.content_hash, len(registry.clauses))
                tuned = config or load_tuning(data_dir, embedder.name)
                return cls._over_index(data_dir, registry, store, embedder, tuned, tokens, lexical_database)
            log.warning("index directory unusable, rebuilding: %s", exc)
            target = _quarantine(data_dir / "chroma")
            reason = f"索引目录无法打开（已移到 {target}），正在重建"
            store = ChromaClauseStore(path=data_dir / "chroma")
            attached = False
        if not attached:
            say(f"{reason}：{store.location}")
            ingest(registry, store, embedder, data_dir, progress, lexical_database)
        tuned = config or load_tuning(data_dir, embedder.name)
        if embedding_model and config is None and not has_tuning(data_dir, embedder.name):
            log.warning(
                "embedding model %s is configured but not tuned: answers use BM25 only until "
                "`policybot tune` chooses a fusion weight on the golden set",
                embedding_model,
            )
        return cls._over_index(data_dir, registry, store, embedder, tuned, tokens, lexical_database)

    @classmethod
    def _over_index(
        cls,
        data_dir: Path,
        registry: Registry,
        store: ChromaClauseStore,
        embedder: Embedder,
        tuned: RetrievalConfig,
        tokens: TokenCache,
        lexical_database: Engine | None = None,
    ) -> KnowledgeBase:
        """The knowledge base over the saved lexical index, place index and measure units of data_dir.
        Parsed clauses are kept in the clause file for the next process (`saved_clauses_dir`)."""
        lexical = lexical_store(data_dir, tokens, lexical_database).open(registry.clauses)
        save_registry(registry, saved_clauses_dir(data_dir), lexical.document_hashes)
        drop_clause_snapshot(data_dir / "index")
        return cls(
            registry,
            store,
            embedder,
            tuned,
            tokens=tokens,
            places=_place_index(data_dir / "index"),
            lexical=lexical,
            derived=derived_store(data_dir),
        )


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Wiring allocates hundreds of thousands of long-lived objects and no reference cycles; the
    collector's full passes over everything already loaded were about a quarter of the wiring's CPU
    at every city's scale. (A server freezes what it loaded once it has started: `serve`.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def saved_clauses_dir(data_dir: Path) -> Path:
    """Where the published documents' parsed clauses are kept (`knowledge.registry.registry_of`
    reads them instead of parsing every document at start)."""
    return data_dir / "index" / CLAUSES_DIR


# Every clause as one JSON list, written by ingest before the clause file existed and read by
# nothing since (264 MB at every city's scale, beside the clause file's own copy).
_CLAUSE_SNAPSHOT = "clauses.json"


def drop_clause_snapshot(index_dir: Path) -> None:
    """Remove the old clause snapshot from an index directory written before the clause file; a
    read-only directory keeps it (it is only disk space)."""
    try:
        (index_dir / _CLAUSE_SNAPSHOT).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove the old clause snapshot in %s: %s", index_dir, exc)


def derived_store(data_dir: Path) -> MeasureUnitStore:
    """Measure units derived per document, kept under data_dir/index (filled at ingest)."""
    return MeasureUnitStore(data_dir / "index" / MEASURES_DB)


class LexicalBackend(Protocol):
    """Where the lexical index is kept: the index directory (`LexicalStore`, the embedded default) or
    PostgreSQL (`knowledge.pg_lexical.PostgresLexicalStore`, for replicas sharing a database)."""

    def sync(self, clauses: Sequence[Clause], hashes: Mapping[str, str] | None = None) -> StoreChange: ...

    def open(self, clauses: Sequence[Clause]) -> LexicalIndex: ...


def lexical_store(data_dir: Path, tokens: TokenCache, database: Engine | None = None) -> LexicalBackend:
    """The lexical index under data_dir/index — or in `database` when one is given —, tokenizing
    through (and filling) the token cache."""
    if database is not None:
        from knowledge.pg_lexical import PostgresLexicalStore

        return PostgresLexicalStore(database, tokens.tokenize, tokens.fingerprint)
    return LexicalStore(data_dir / "index", tokens.tokenize, tokens.fingerprint)


def ingest(
    registry: Registry,
    store: ChromaClauseStore,
    embedder: Embedder,
    data_dir: Path,
    progress: Progress | None = None,
    lexical_database: Engine | None = None,
) -> IngestReport:
    """Write the quality report, tokens, lexical index and measure units, and sync Chroma; skip what
    is up to date. (The clauses themselves are kept in the clause file: `saved_clauses_dir`.)"""
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    jieba_dictionary.keep_in(data_dir / "index")
    counts = {doc_id: len(registry.clauses_of(doc_id)) for doc_id in registry.documents}
    for doc_id, count in counts.items():
        say(f"解析 {doc_id}：{count} 条")
    records = [
        StoredRecord(id=c.id, text=_embedding_text(c), metadata=clause_metadata(c, registry)) for c in registry.clauses
    ]
    rebuilt = store.sync(records, embedder, registry.content_hash, say)
    index_dir = data_dir / "index"
    index_dir.mkdir(parents=True, exist_ok=True)
    jieba_dictionary.prepare(index_dir)
    quality = {r.document_id: r.summary() for r in registry.quality_reports()}
    _write_json(index_dir / "quality.json", [r.model_dump(mode="json") for r in registry.quality_reports()])
    drop_clause_snapshot(index_dir)
    tokens = TokenCache(index_dir / TOKENS_FILE)
    lexical = lexical_store(data_dir, tokens, lexical_database)
    changed = lexical.sync(registry.clauses)
    for doc_id in changed.tokenized:
        say(f"分词 {doc_id}")
    lexical.open(registry.clauses)
    tokens.save()
    derived_store(data_dir).catalog(registry.documents, registry.clauses_of, load_measures())  # fills the store
    state = {
        "content_hash": registry.content_hash,
        "embedder": embedder.name,
        "clause_counts": counts,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    _write_json(index_dir / "state.json", state)
    return IngestReport(
        content_hash=registry.content_hash,
        embedder=embedder.name,
        clause_counts=counts,
        rebuilt=rebuilt,
        seconds=round(time.perf_counter() - started, 3),
        quality=quality,
    )


def _embedding_text(clause: Clause) -> str:
    return f"{clause.heading}。{clause.body}"


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def _why_rebuild(data_dir: Path, chroma_url: str | None) -> str:
    """The reason shown when `open` has to (re)build the index, decided before it is touched."""
    if chroma_url is None and not (data_dir / "chroma").is_dir():
        if (data_dir / "index" / "state.json").is_file():
            log.warning("index directory %s is missing (deleted?), rebuilding", data_dir / "chroma")
            return "索引目录不存在（已被删除？），正在重建"
        return "首次使用，正在建立索引"
    return "索引缺失或与当前政策文件不一致，正在重建"


PLACES_FILE = "places.json"


def _place_index(index_dir: Path) -> PlaceIndex:
    """The gazetteer's derived index, kept beside the search index (rebuilt when its sources change)."""
    expected = place_index_fingerprint()
    cached = PlaceIndex.from_json(read_cached(index_dir / PLACES_FILE, expected))
    if cached is not None:
        return cached
    built = PlaceIndex.build()
    write_cached(index_dir / PLACES_FILE, expected, built.to_json())
    return built


def _marker_matches(data_dir: Path, registry: Registry, embedder_name: str, chroma_url: str | None) -> bool:
    """The last ingest wrote exactly these clauses with this embedder (and the directory is there)."""
    if chroma_url is None and not (data_dir / "chroma").is_dir():
        return False
    try:
        state = json.loads((data_dir / "index" / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(state, dict)
        and state.get("content_hash") == registry.content_hash
        and state.get("embedder") == embedder_name
        and sum((state.get("clause_counts") or {}).values()) == len(registry.clauses)
    )


def _quarantine(path: Path) -> Path | None:
    if not path.exists():
        return None
    target = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
    path.rename(target)
    log.warning("moved unusable index to %s", target)
    return target


TUNING_FILE = "tuning.json"


def load_tuning(data_dir: Path, embedder_name: str) -> RetrievalConfig:
    """Fusion weights tuned on the golden set for this embedder (policybot tune), else defaults."""
    path = data_dir / "index" / TUNING_FILE
    base = RetrievalConfig()
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return base
    entry = entries.get(embedder_name) if isinstance(entries, dict) else None
    if not isinstance(entry, dict):
        return base
    return RetrievalConfig(
        sentence_weight=float(entry.get("sentence_weight", base.sentence_weight)),
        expansion_weight=float(entry.get("expansion_weight", base.expansion_weight)),
        bigram_weight=float(entry.get("bigram_weight", base.bigram_weight)),
        dense_weight=float(entry.get("dense_weight", base.dense_weight)),
    )


def has_tuning(data_dir: Path, embedder_name: str) -> bool:
    try:
        entries = json.loads((data_dir / "index" / TUNING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(entries, dict) and embedder_name in entries


def save_tuning(data_dir: Path, embedder_name: str, config: RetrievalConfig, metrics: dict[str, float]) -> Path:
    path = data_dir / "index" / TUNING_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entries = {}
    entries[embedder_name] = {
        "sentence_weight": config.sentence_weight,
        "expansion_weight": config.expansion_weight,
        "bigram_weight": config.bigram_weight,
        "dense_weight": config.dense_weight,
        "metrics": metrics,
    }
    _write_json(path, entries)
    return path
