"""Scale benchmark (issue 13, item 5): retrieval and answers from 5 documents to every city's.

    python bench/bench_scale.py                    # ×1, ×100, ×700 (≈ 83,000 clauses)
    python bench/bench_scale.py --scales 1 20      # a quick run
    python bench/bench_scale.py --scales 700 --keep /tmp/scale --reuse --only worker
                                                   # a kept corpus: ingest only what is stale

The synthetic corpus is built here: replicas of the five seed documents, each assigned to another
real place from the administrative-division table (cities first, then counties), with the seed's own
place names in the text replaced by the replica's. Each scale is ingested into a fresh data directory
(tokens per document, the saved lexical index), then a worker process is started the way a server
starts one and answers the golden questions. Printed side by side, measured in the same run:

- floor: a bare bm25s top-10 over the same saved clause index (mmap), and an SQLite FTS5 top-10 over
  the same jieba tokens (embedded alternatives for the persisted index; both without our scoring);
- warm answer p50/p95 of `Answerer.answer` (analysis, retrieval, measures, quotes), CPU time of the
  worker (time.process_time, so other load on the machine changes it less), with the wall p95;
- process start (imports, the documents and the clause file written at ingest — clauses are read
  when a question reaches them —, saved index, knowledge base wiring) and peak RSS, beside what the
  worker holds at the end: its own memory, and the pages of mapped files it has read (since session 43
  the saved index and the clause file are read with pread, not mapped: what is left is the sentence-owner
  column and shared libraries);
- adding and replacing one document (tokenize that document, assemble and save the BM25 arrays
  from every document's stored term counts), in a process that has jieba loaded already;
- with `--postgres` (a throwaway cluster, tests/postgres.py), the lexical index kept in PostgreSQL
  (knowledge/pg_lexical.py) beside it: filled from the same stored tokens, then a worker answering
  from it — warm (columns cached in the worker after the warm pass) and cold (every column of every
  question read from the database) —, and adding / replacing one document there.

Figures are printed, never asserted. Targets: ×700 p95 ≤ 30 ms, start ≤ 5 s, RSS ≤ 600 MB,
add/replace ≤ 5 s; ×1 p95 ≤ 10 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUESTIONS_PER_RUN = 200

WORKER = r"""
import gc, json, resource, statistics, sys, time
started = time.perf_counter()
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench.bench_scale import golden_questions, load_saved, peak_rss_mb, resident_mb
from knowledge.kb import KnowledgeBase, _place_index, make_embedder
from knowledge.lexical_store import LexicalStore
from knowledge.measure_store import MEASURES_DB, MeasureUnitStore
from knowledge.retrieve import RetrievalConfig
from knowledge.store import ChromaClauseStore
from knowledge.tokens import TokenCache
from knowledge import jieba_dictionary
imported = time.perf_counter()
data = Path(sys.argv[2])
jieba_dictionary.keep_in(data / "index")  # as a server's Services does: jieba's dictionary from beside the index
registry = load_saved(data)
loaded = time.perf_counter()
tokens = TokenCache()  # as KnowledgeBase.open: a serving process does not load the ingest's token file
database = sys.argv[4] if len(sys.argv) > 4 else ""
if database:
    from bot.db import make_engine
    from knowledge.pg_lexical import PostgresLexicalStore
    lexical = PostgresLexicalStore(make_engine(database), tokens.tokenize, tokens.fingerprint).open(registry.clauses)
else:
    lexical = LexicalStore(data / "index", tokens.tokenize, tokens.fingerprint).open(registry.clauses)
opened = time.perf_counter()
kb = KnowledgeBase(registry, ChromaClauseStore(path=data / "chroma"), make_embedder(None), RetrievalConfig(),
                   tokens=tokens, places=_place_index(data / "index"), lexical=lexical,
                   derived=MeasureUnitStore(data / "index" / MEASURES_DB))
kb.warm()  # as a server does before its first question (bot/web/services.build_services)
gc.collect()  # as `serve` does once a worker has loaded (bot/web/serve_cli.freeze_loaded_objects)
gc.freeze()
ready, ready_cpu = time.perf_counter(), time.process_time()
questions = golden_questions()[: int(sys.argv[3])]
for q in questions:  # warm: first touch of the mapped pages and caches
    kb.answerer.answer(q)
kb.answerer.forget_answers()  # timed: the answer path, not the answers the warm pass kept (session 34)
times, walls = [], []
for q in questions:
    t, w = time.process_time(), time.perf_counter()
    kb.answerer.answer(q)
    times.append((time.process_time() - t) * 1000)
    walls.append((time.perf_counter() - w) * 1000)
times.sort()
walls.sort()
cold = {}
if database:  # every column read from the database again for each question
    cold_times, cold_walls, fetches = [], [], lexical.fetches
    for q in questions:
        lexical.clear_cache()
        kb.answerer.forget_answers()
        t, w = time.process_time(), time.perf_counter()
        kb.answerer.answer(q)
        cold_times.append((time.process_time() - t) * 1000)
        cold_walls.append((time.perf_counter() - w) * 1000)
    cold_times.sort()
    cold_walls.sort()
    cold = {
        "cold_p50_ms": statistics.median(cold_times), "cold_p95_ms": cold_times[int(0.95 * (len(cold_times) - 1))],
        "cold_wall_p50_ms": statistics.median(cold_walls),
        "cold_wall_p95_ms": cold_walls[int(0.95 * (len(cold_walls) - 1))],
        "fetches_per_question": (lexical.fetches - fetches) / len(questions),
    }
print(json.dumps({
    **cold,
    "wall_p50_ms": statistics.median(walls),
    "imports_s": imported - started, "snapshot_s": loaded - imported, "index_open_s": opened - loaded,
    "wiring_s": ready - opened, "start_s": ready - started, "start_cpu_s": ready_cpu,
    "p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
    "wall_p95_ms": walls[int(0.95 * (len(walls) - 1))],
    "rss_mb": peak_rss_mb(),
    **resident_mb(),
    "questions": len(times),
}))
"""


def resident_mb() -> dict[str, float]:
    """What this process holds now: its own memory (RssAnon) and the pages of mapped files it has read
    (RssFile: shared libraries and the sentence-owner column; the clause file and the index's columns are read
    with pread since session 43, so their pages are in the page cache, shared, and in no process's RSS)."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("RssAnon:", "RssFile:")):
            found[line.split(":")[0]] = int(line.split()[1]) / 1024
    return {"anon_mb": found.get("RssAnon", float("nan")), "file_mb": found.get("RssFile", float("nan"))}


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM). Not ru_maxrss: Linux carries that over from the
    parent across fork and exec, so a worker started by a big process would report the parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def golden_questions() -> list[str]:
    """Every golden question the analyzer accepts, in a fixed order."""
    from knowledge.evaluation import GOLDEN_DIR, load_golden

    found: list[str] = []
    for path in sorted(GOLDEN_DIR.glob("*.yaml")):
        found += [item.question for item in load_golden(path)]
    return [q for q in found if any("\u4e00" <= ch <= "\u9fff" for ch in q)]


def replica_places(count: int, taken: set[str]) -> list[tuple[str, str]]:
    """(place, province) pairs: real cities first, then counties, each name used once."""
    from knowledge.regions import load_places

    places = load_places()
    provinces = {p.province_code: p.name for p in places if p.level == 1}
    seen = set(taken)
    chosen: list[tuple[str, str]] = []
    for level in (2, 3):
        for place in places:
            if place.level != level or place.name in seen or place.province_code not in provinces:
                continue
            seen.add(place.name)
            chosen.append((place.name, provinces[place.province_code]))
            if len(chosen) == count:
                return chosen
    raise SystemExit(f"only {len(chosen)} places for {count} replicas")


def build_corpus(scale: int, data: Path) -> int:
    """Write the documents and clauses of `scale` replicas of the seeds to data/corpus.json."""
    from knowledge.registry import load_registry

    seeds = load_registry()
    seed_docs = list(seeds.documents.values())
    taken = {d.jurisdiction for d in seed_docs}
    places = replica_places(scale - 1, taken) if scale > 1 else []
    documents = [d.model_dump(mode="json") for d in seed_docs]
    clauses = [c.model_dump(mode="json") for c in seeds.clauses]
    for k, (place, province) in enumerate(places, start=1):
        short = _short(place)
        for doc in seed_docs:
            own = _short(doc.jurisdiction)
            replica_id = f"{doc.id}-r{k:03d}"
            city = place if not place.endswith("省") else None
            documents.append(
                doc.model_copy(
                    update={
                        "id": replica_id,
                        "province": province,
                        "city": city,
                        "title": doc.title.replace(own, short),
                        "issuer": doc.issuer.replace(own, short),
                    }
                ).model_dump(mode="json")
            )
            for clause in seeds.clauses_of(doc.id):
                replaced = {
                    key: getattr(clause, key).replace(own, short)
                    for key in ("heading", "text", "body", "original_text")
                }
                clauses.append(
                    clause.model_copy(
                        update={"id": f"{replica_id}-{clause.clause_number:02d}", "document_id": replica_id, **replaced}
                    ).model_dump(mode="json")
                )
    data.mkdir(parents=True, exist_ok=True)
    (data / "corpus.json").write_text(json.dumps({"documents": documents, "clauses": clauses}, ensure_ascii=False))
    return len(clauses)


def _short(name: str) -> str:
    for suffix in ("市", "县", "区", "省", "自治州", "地区", "盟"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def load_corpus(data: Path):  # type: ignore[no-untyped-def]
    """The registry of a synthetic corpus (stands in for reading documents from the database)."""
    from knowledge.clauses import Clause
    from knowledge.documents import Document
    from knowledge.registry import Registry

    raw = json.loads((data / "corpus.json").read_text(encoding="utf-8"))
    documents = {d["id"]: Document.model_validate(d) for d in raw["documents"]}
    clauses = tuple(Clause.model_validate(c) for c in raw["clauses"])
    return Registry(documents=documents, parsed={}, clauses=clauses, content_hash=str(len(clauses)))


def load_saved(data: Path):  # type: ignore[no-untyped-def]
    """The registry a serving process opens: the documents (stands in for the database's rows) and
    the clause file written at ingest, whose clauses are parsed when read."""
    from knowledge.clause_table import CLAUSES_DIR, open_clauses
    from knowledge.documents import Document
    from knowledge.registry import Registry

    raw = json.loads((data / "documents.json").read_text(encoding="utf-8"))
    documents = {d["id"]: Document.model_validate(d) for d in raw}
    clauses = open_clauses(data / "index" / CLAUSES_DIR)
    if clauses is None:
        raise SystemExit(f"no clause file under {data}: run the ingest first")
    return Registry.saved(documents, clauses, str(len(clauses)))


def ingest(data: Path) -> float:
    from knowledge import jieba_dictionary
    from knowledge.clause_table import CLAUSES_DIR, save_clauses
    from knowledge.kb import _place_index
    from knowledge.lexical_store import LexicalStore
    from knowledge.measure_store import MEASURES_DB, MeasureUnitStore
    from knowledge.measures import load_measures
    from knowledge.tokens import TOKENS_FILE, TokenCache

    registry = load_corpus(data)
    started = time.perf_counter()
    jieba_dictionary.keep_in(data / "index")  # as knowledge.kb.ingest
    tokens = TokenCache(data / "index" / TOKENS_FILE)
    lexical = LexicalStore(data / "index", tokens.tokenize, tokens.fingerprint).open(registry.clauses)
    tokens.save()
    grouped = {doc_id: registry.clauses_of(doc_id) for doc_id in registry.document_ids()}
    save_clauses(data / "index" / CLAUSES_DIR, grouped, lexical.document_hashes)
    documents = [d.model_dump(mode="json") for d in registry.documents.values()]
    (data / "documents.json").write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    _place_index(data / "index")  # written at ingest by `policybot ingest` too
    jieba_dictionary.prepare(data / "index")  # so is jieba's prepared dictionary (knowledge/jieba_dictionary.py)
    MeasureUnitStore(data / "index" / MEASURES_DB).catalog(registry.documents, registry.clauses_of, load_measures())
    return time.perf_counter() - started


def add_and_replace(data: Path) -> dict[str, float]:
    """Seconds (wall and CPU) to add one new document, then to replace it with an edited version."""
    from knowledge.lexical_store import LexicalStore
    from knowledge.tokens import TokenCache

    registry = load_corpus(data)
    seed = registry.clauses_of("bazhong-2018")
    added = [
        c.model_copy(update={"id": f"added-2026-{c.clause_number:02d}", "document_id": "added-2026"}) for c in seed
    ]
    clauses = [*registry.clauses, *added]
    tokens = TokenCache()
    tokens.tokenize("预热分词词典")  # a running process has jieba's dictionary loaded already
    store = LexicalStore(data / "index", tokens.tokenize, tokens.fingerprint)
    started, cpu = time.perf_counter(), time.process_time()
    store.put("added-2026", added)
    store.open(clauses)
    add, add_cpu = time.perf_counter() - started, time.process_time() - cpu
    edited = [*added[:-1], added[-1].model_copy(update={"body": added[-1].body + "另行规定的补贴标准另文公布。"})]
    clauses = [*registry.clauses, *edited]
    started, cpu = time.perf_counter(), time.process_time()
    store.put("added-2026", edited)
    store.open(clauses)
    replace, replace_cpu = time.perf_counter() - started, time.process_time() - cpu
    store.delete("added-2026")
    store.open(registry.clauses)
    return {"add_s": add, "replace_s": replace, "add_cpu_s": add_cpu, "replace_cpu_s": replace_cpu}


def fill_postgres(data: Path, url: str) -> float:
    """Seconds to write every document's stored tokens (the embedded store's, no jieba) into the
    lexical index in PostgreSQL, as an ingest on PostgreSQL would after tokenizing."""
    from bot.db import make_engine, upgrade
    from knowledge.lexical import DocumentCorpus
    from knowledge.pg_lexical import PostgresLexicalStore
    from knowledge.tokens import TokenCache

    engine = make_engine(url)
    upgrade(engine)
    store = PostgresLexicalStore(engine, tokenizer_fingerprint=TokenCache().fingerprint)
    started = time.perf_counter()
    with sqlite3.connect(data / "index" / "lexical-tokens.sqlite3") as db:
        for doc_id, hash_, corpus in db.execute("SELECT document_id, hash, corpus FROM document_tokens"):
            store.put_corpus(doc_id, hash_, DocumentCorpus(**json.loads(corpus)))
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE lexical_postings")
        connection.exec_driver_sql("ANALYZE lexical_documents")
    engine.dispose()
    return time.perf_counter() - started


def postgres_add_and_replace(data: Path, url: str) -> dict[str, float]:
    """As `add_and_replace`, with the lexical index in PostgreSQL: store the document's postings and
    open the index of the new set (what a replica does after a publish)."""
    from bot.db import make_engine
    from knowledge.pg_lexical import PostgresLexicalStore
    from knowledge.tokens import TokenCache

    registry = load_corpus(data)
    seed = registry.clauses_of("bazhong-2018")
    added = [
        c.model_copy(update={"id": f"added-2026-{c.clause_number:02d}", "document_id": "added-2026"}) for c in seed
    ]
    tokens = TokenCache()
    tokens.tokenize("预热分词词典")
    engine = make_engine(url)
    store = PostgresLexicalStore(engine, tokens.tokenize, tokens.fingerprint)
    out = {}
    edited = [*added[:-1], added[-1].model_copy(update={"body": added[-1].body + "另行规定的补贴标准另文公布。"})]
    for name, version in (("add", added), ("replace", edited)):
        clauses = [*registry.clauses, *version]
        started, cpu = time.perf_counter(), time.process_time()
        store.put("added-2026", version)
        store.open(clauses)
        out[f"{name}_s"], out[f"{name}_cpu_s"] = time.perf_counter() - started, time.process_time() - cpu
    store.delete("added-2026")
    engine.dispose()
    return out


def floors(data: Path, runs: int) -> dict[str, float]:
    """Bare top-10 over the same clause tokens: bm25s (the saved, memory-mapped clause index) and
    SQLite FTS5 (the same tokens joined by spaces, bm25() ranking)."""
    import bm25s
    import numpy as np

    from knowledge.query import tokenize

    questions = golden_questions()[:runs]
    tokenized = [tokenize(q) for q in questions]
    index = bm25s.BM25.load(str(data / "index" / "lexical" / "clause"), mmap=True, show_progress=False)
    times = []
    for tokens in tokenized * 2:
        t = time.process_time()
        scores = index.get_scores(tokens or [""])
        top = np.argpartition(-scores, 10)[:10]
        top[np.argsort(-scores[top])]
        times.append((time.process_time() - t) * 1000)
    times = sorted(times[len(tokenized) :])
    out = {"bm25s_p95_ms": times[int(0.95 * (len(times) - 1))]}

    db_path = data / "fts5.sqlite3"
    with sqlite3.connect(db_path) as db:
        db.execute("DROP TABLE IF EXISTS clauses")
        db.execute("CREATE VIRTUAL TABLE clauses USING fts5(clause_id UNINDEXED, tokens, tokenize='unicode61')")
        started = time.perf_counter()
        rows = _fts_rows(data)
        db.executemany("INSERT INTO clauses (clause_id, tokens) VALUES (?, ?)", rows)
        db.commit()
        out["fts5_build_s"] = time.perf_counter() - started
    out["fts5_mb"] = db_path.stat().st_size / 1e6
    db = sqlite3.connect(db_path)
    times = []
    for tokens in tokenized * 2:
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in tokens if t.strip()) or '""'
        t = time.process_time()
        db.execute(
            "SELECT clause_id FROM clauses WHERE clauses MATCH ? ORDER BY bm25(clauses) LIMIT 10", (match,)
        ).fetchall()
        times.append((time.process_time() - t) * 1000)
    db.close()
    times = sorted(times[len(tokenized) :])
    out["fts5_p95_ms"] = times[int(0.95 * (len(times) - 1))]
    return out


def _fts_rows(data: Path) -> list[tuple[str, str]]:
    """(clause id, tokens joined by spaces) from the tokens stored per document at ingest."""
    rows: list[tuple[str, str]] = []
    with sqlite3.connect(data / "index" / "lexical-tokens.sqlite3") as db:
        ids_by_doc: dict[str, list[str]] = {}
        raw = json.loads((data / "corpus.json").read_text(encoding="utf-8"))
        for clause in raw["clauses"]:
            ids_by_doc.setdefault(clause["document_id"], []).append(clause["id"])
        for doc_id, corpus in db.execute("SELECT document_id, corpus FROM document_tokens"):
            for clause_id, tokens in zip(ids_by_doc[doc_id], json.loads(corpus)["clauses"], strict=True):
                rows.append((clause_id, " ".join(tokens)))
    return rows


def worker(data: Path, questions: int, database: str = "") -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(REPO), str(data), str(questions), database],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _clause_count(data: Path) -> int:
    raw = json.loads((data / "corpus.json").read_text(encoding="utf-8"))
    return len(raw["clauses"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100, 700])
    parser.add_argument("--max", type=int, default=None, help="largest scale to run (a quick run)")
    parser.add_argument("--questions", type=int, default=QUESTIONS_PER_RUN)
    parser.add_argument("--keep", type=Path, default=None, help="data directory to keep (default: a temporary one)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: use the corpus kept there (x<scale>/corpus.json) instead of building it; the "
        "ingest then only updates what is out of date (jieba runs again over every document when the "
        "tokenizer's fingerprint changed: ≈ 40 min at ×700)",
    )
    parser.add_argument(
        "--only",
        choices=("floors", "worker", "changes"),
        nargs="+",
        default=("floors", "worker", "changes"),
        help="which measurements to run after the ingest (default: all; the FTS5 floor takes minutes at ×700)",
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="also measure the lexical index kept in PostgreSQL (a throwaway cluster: Debian's postgresql)",
    )
    args = parser.parse_args()
    if args.reuse and args.keep is None:
        parser.error("--reuse needs --keep")
    scales = [s for s in args.scales if args.max is None or s <= args.max]
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}; load average {os.getloadavg()}"
    )
    header = (
        "scale",
        "clauses",
        "ingest s",
        "floor bm25s p95",
        "floor FTS5 p95",
        "answer p50",
        "answer p95",
        "start s",
        "index open s",
        "peak RSS MB (now: own, mapped files)",
        "add s",
        "replace s",
    )
    print(" | ".join(header))
    with contextlib.ExitStack() as stack:
        cluster = None
        if args.postgres:
            from tests.postgres import running_cluster

            cluster = stack.enter_context(running_cluster())
        for scale in scales:
            _scale(scale, args, cluster)


def _scale(scale: int, args: argparse.Namespace, cluster: object) -> None:
    from knowledge import jieba_dictionary

    with tempfile.TemporaryDirectory() as tmp:
        data = (args.keep / f"x{scale}") if args.keep else Path(tmp)
        kept = args.reuse and (data / "corpus.json").is_file()
        # As `policybot ingest` does (bot/services.py) before the first word is cut: jieba's prepared dictionary is
        # written from jieba.dt as it loads, or copied from the one it was loaded from, not made from a second copy
        # of jieba's dictionary at the ingest's end (+75 MB at its peak).
        jieba_dictionary.keep_in(data / "index")
        clauses = _clause_count(data) if kept else build_corpus(scale, data)
        ingest_s = ingest(data)
        floor = floors(data, args.questions) if "floors" in args.only else {}
        work = worker(data, args.questions) if "worker" in args.only else {}
        changes = add_and_replace(data) if "changes" in args.only else {}
        floor, work, changes = (defaultdict(lambda: float("nan"), part) for part in (floor, work, changes))
        row = (
            f"×{scale}",
            clauses,
            f"{ingest_s:.1f}",
            f"{floor['bm25s_p95_ms']:.2f} ms",
            f"{floor['fts5_p95_ms']:.2f} ms",
            f"{work['p50_ms']:.1f} ms",
            f"{work['p95_ms']:.1f} ms (wall {work['wall_p95_ms']:.1f})",
            f"{work['start_s']:.2f} (CPU {work['start_cpu_s']:.2f}; imports {work['imports_s']:.2f}, "
            f"snapshot {work['snapshot_s']:.2f}, wiring {work['wiring_s']:.2f})",
            f"{work['index_open_s']:.3f}",
            f"{work['rss_mb']:.0f} (own {work['anon_mb']:.0f}, mapped files {work['file_mb']:.0f})",
            f"{changes['add_s']:.2f} (CPU {changes['add_cpu_s']:.2f})",
            f"{changes['replace_s']:.2f} (CPU {changes['replace_cpu_s']:.2f})",
        )
        print(" | ".join(str(x) for x in row), flush=True)
        print(
            f"  FTS5 build {floor['fts5_build_s']:.1f} s, {floor['fts5_mb']:.0f} MB; "
            f"load average {os.getloadavg()}; peak RSS of this script "
            f"{peak_rss_mb():.0f} MB",
            flush=True,
        )
        if cluster is None:
            return
        url = cluster.create_database(f"scale{scale}")  # type: ignore[attr-defined]
        fill_s = fill_postgres(data, url)
        pg = defaultdict(lambda: float("nan"), worker(data, args.questions, url) if "worker" in args.only else {})
        pg_changes = postgres_add_and_replace(data, url) if "changes" in args.only else {}
        pg_changes = defaultdict(lambda: float("nan"), pg_changes)
        print(
            f"  PostgreSQL index ×{scale}: filled in {fill_s:.1f} s; answer warm p50/p95 {pg['p50_ms']:.1f} / "
            f"{pg['p95_ms']:.1f} ms CPU (wall {pg['wall_p50_ms']:.1f} / {pg['wall_p95_ms']:.1f}); cold "
            f"{pg['cold_p50_ms']:.1f} / {pg['cold_p95_ms']:.1f} ms CPU (wall {pg['cold_wall_p50_ms']:.1f} / "
            f"{pg['cold_wall_p95_ms']:.1f}, {pg['fetches_per_question']:.1f} round trips a question); "
            f"start {pg['start_s']:.2f} s (CPU {pg['start_cpu_s']:.2f}, index open {pg['index_open_s']:.3f}); "
            f"RSS {pg['rss_mb']:.0f} MB; add {pg_changes['add_s']:.2f} s (CPU {pg_changes['add_cpu_s']:.2f}), "
            f"replace {pg_changes['replace_s']:.2f} s (CPU {pg_changes['replace_cpu_s']:.2f}); "
            f"beside the floor bm25s p95 {floor['bm25s_p95_ms']:.2f} ms; load average {os.getloadavg()}",
            flush=True,
        )


if __name__ == "__main__":
    main()
