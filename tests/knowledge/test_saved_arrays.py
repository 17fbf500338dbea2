"""Saved arrays read by the slice, not mapped (issue 13, item 5: RSS per worker): the columns a serving process
reads from the saved lexical index with `pread` are the ones bm25s maps from the same files, its scores the same
floats, and a process that answers maps none of the large files."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import bm25s
import numpy as np
import pytest

from knowledge import clause_table
from knowledge.clause_table import open_clauses
from knowledge.evaluation import GOLDEN_DIR, load_golden
from knowledge.kb import KnowledgeBase, saved_clauses_dir
from knowledge.lexical import OWNER_FILE, char_bigrams
from knowledge.lexical_store import INDEX_DIR
from knowledge.query import tokenize
from knowledge.saved_arrays import SavedArray, SavedColumns

REPO = Path(__file__).resolve().parents[2]
GRAINS = ("clause", "sentence", "bigram")


@pytest.fixture(scope="module")
def questions() -> list[str]:
    found: list[str] = []
    for path in sorted(GOLDEN_DIR.glob("retrieval*.yaml")):
        found += [item.question for item in load_golden(path)]
    return found[:120]


def _mapped(kb_dir: Path, grain: str) -> bm25s.BM25:
    return bm25s.BM25.load(str(kb_dir / "index" / INDEX_DIR / grain), mmap=True, show_progress=False)


@pytest.mark.parametrize("grain", GRAINS)
def test_every_column_read_from_the_file_is_the_one_bm25s_maps(kb_dir: Path, kb: KnowledgeBase, grain: str) -> None:
    mapped = _mapped(kb_dir, grain)
    read = SavedColumns.open(kb_dir / "index" / INDEX_DIR / grain, cache_bytes=4096)  # most columns read twice
    indptr, indices, data = (mapped.scores[key] for key in ("indptr", "indices", "data"))
    assert read.vocab_dict == mapped.vocab_dict
    assert read.units == mapped.scores["num_docs"]
    columns = [c for c in mapped.vocab_dict.values() if c + 1 < len(indptr)]
    assert len(columns) > 100
    for column in [*columns, *columns[::7]]:
        start, end = int(indptr[column]), int(indptr[column + 1])
        rows, weights = read.column(column)
        assert np.array_equal(rows, indices[start:end]) and rows.dtype == indices.dtype
        assert weights.tobytes() == np.asarray(data[start:end]).tobytes()
    assert read._cached_bytes <= 4096


@pytest.mark.parametrize("grain", GRAINS)
def test_scores_read_column_by_column_are_bm25s_scores_bit_for_bit(
    kb_dir: Path, kb: KnowledgeBase, grain: str, questions: list[str]
) -> None:
    mapped = _mapped(kb_dir, grain)
    read = SavedColumns.open(kb_dir / "index" / INDEX_DIR / grain)
    for question in questions:
        tokens = char_bigrams(question) if grain == "bigram" else tokenize(question)
        for asked in (tokens, [*tokens, *tokens[:2]], [*tokens, "不在词表里的词"]):  # repeats count twice, as bm25s
            if not asked:
                continue
            theirs = mapped.get_scores(asked)
            ours = read.get_scores(asked)
            assert ours.dtype == theirs.dtype and ours.tobytes() == theirs.tobytes(), (question, asked)


def test_a_saved_array_reads_every_slice_numpy_reads(kb_dir: Path, kb: KnowledgeBase) -> None:
    path = kb_dir / "index" / INDEX_DIR / "clause" / "indices.csc.index.npy"
    whole = np.load(path)
    saved = SavedArray.open(path)
    assert len(saved) == len(whole) and saved.dtype == whole.dtype
    rng = random.Random(7)
    spans = [(0, 0), (0, 1), (0, len(whole)), (len(whole) - 1, len(whole) + 5), (-3, 2), (5, 3)]
    spans += [tuple(sorted(rng.sample(range(len(whole) + 1), 2))) for _ in range(200)]
    for start, end in spans:
        assert np.array_equal(saved[start:end], whole[start:end]), (start, end)
    assert saved[-1] == whole[-1] and saved[3] == whole[3]
    with pytest.raises(IndexError):
        saved[len(whole)]
    with pytest.raises(ValueError, match="contiguous"):
        saved[0:10:2]


def test_a_saved_array_refuses_what_it_cannot_read_by_the_slice(tmp_path: Path) -> None:
    np.save(tmp_path / "table.npy", np.zeros((3, 4), dtype=np.float32))
    with pytest.raises(ValueError, match="one-dimensional"):
        SavedArray.open(tmp_path / "table.npy")
    np.save(tmp_path / "cut.npy", np.arange(1000, dtype=np.int32))
    (tmp_path / "cut.npy").write_bytes((tmp_path / "cut.npy").read_bytes()[:-8])
    with pytest.raises(ValueError, match="shorter"):
        SavedArray.open(tmp_path / "cut.npy")


def test_columns_that_do_not_add_up_are_refused(kb_dir: Path, kb: KnowledgeBase, tmp_path: Path) -> None:
    source = kb_dir / "index" / INDEX_DIR / "clause"
    broken = tmp_path / "clause"
    broken.mkdir()
    for path in source.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    np.save(broken / "indptr.csc.index.npy", np.load(source / "indptr.csc.index.npy")[:-1])
    with pytest.raises(ValueError, match="disagree"):
        SavedColumns.open(broken)
    params = json.loads((source / "params.index.json").read_text(encoding="utf-8"))
    (broken / "params.index.json").write_text(json.dumps({**params, "dtype": "float64"}), encoding="utf-8")
    np.save(broken / "indptr.csc.index.npy", np.load(source / "indptr.csc.index.npy"))
    with pytest.raises(ValueError, match="float32"):
        SavedColumns.open(broken)


MAPS_PROBE = """
import sys
from pathlib import Path
from bot.cli import main
for question in ("巴中 创业担保贷款 贴息", "吉林 高校毕业生 一次性求职创业补贴 多少钱", "灵活就业社保补贴"):
    assert main(["ask", question]) == 0
print("MAPS", Path("/proc/self/maps").read_text(), file=sys.stderr)
"""


def test_a_process_that_answers_maps_none_of_the_large_saved_files(kb_dir: Path, kb: KnowledgeBase) -> None:
    """The BM25 columns, the clause file and its pair positions are read by the slice: a page a question reads is
    not kept in the process's resident set (at every city's scale they were ≈ 465 MB of a worker's 914)."""
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(kb_dir)}
    done = subprocess.run(
        [sys.executable, "-c", MAPS_PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    maps = done.stderr.split("MAPS", 1)[1]
    index = kb_dir / "index"
    large = [
        *(index / INDEX_DIR / grain / f"{name}.csc.index.npy" for grain in GRAINS for name in ("data", "indices")),
        index / clause_table.CLAUSES_DIR / "clauses.jsonl",
        index / clause_table.CLAUSES_DIR / "pair_rows.npy",
    ]
    assert all(path.is_file() for path in large)
    assert str(index / INDEX_DIR / OWNER_FILE) in maps  # the saved index was opened (its small owner column mapped)
    assert [str(path) for path in large if str(path) in maps] == []


def test_a_clause_file_without_pairs_is_searched_run_by_run_as_whole(
    kb_dir: Path, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a pair index the clause file is searched a run of clauses at a time; a run's end falls inside no
    clause, so small runs count what one run over the whole file counts (and what the texts say)."""
    table = open_clauses(saved_clauses_dir(kb_dir))
    assert table is not None
    texts = [clause.text for clause in table]
    phrases = ["创业", "补贴", "担保贷款", "社会保险补贴", "一次性", "元", "（", "巴中", "不存在的词组"]
    monkeypatch.setattr(table, "_pairs", None)
    for size in (1, 3_000, 1 << 30):
        monkeypatch.setattr(clause_table, "_SEARCHED_BYTES", size)
        assert [table.count_holding(p) for p in phrases] == [sum(p in t for t in texts) for p in phrases], size
