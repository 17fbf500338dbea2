"""BM25 over jieba tokens at two grains: whole clauses and single sentences.

A clause often covers several measures; the sentence grain lets one precise sentence (求职创业补贴 …)
outrank a clause that merely repeats common words, while the clause grain keeps the context.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from knowledge.clause_table import ClauseTable, clause_ids
from knowledge.clauses import Clause
from knowledge.labels import read_label
from knowledge.query import tokenize
from knowledge.saved_arrays import SavedColumns

if TYPE_CHECKING:  # bm25s (and scipy with it) is imported only where an index is built: a process that opens
    import bm25s  # a saved one (`policybot ask`, every worker) reads its columns itself

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)

META_FILE = "meta.json"
OWNER_FILE = "sentence_owner.npy"
_PART_NAMES = ("clause", "sentence", "bigram")

_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_NOT_WORD_CHAR = re.compile(r"[^\u3400-\u9fff0-9A-Za-z]")


def char_bigrams(text: str) -> list[str]:
    """Overlapping character pairs: a segmentation-free signal for words jieba splits badly."""
    compact = _NOT_WORD_CHAR.sub("", text)
    return [compact[i : i + 2] for i in range(len(compact) - 1)]


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# A line that runs on past its end: prose (a comma in it) as long as a page's line, stopping on no punctuation.
_RUN_ON_LENGTH = 20
_LINE_CLOSED = "。；;：:！？!?）)】」』”"
# A line keyed by a short name and a colon (中小微企业：…, 补贴标准：…) or a poster's arrow (小微企业 → 最高500万元),
# or a table row (…｜…): an entry of its own.
_KEYED_LINE = re.compile(r"^[^，。；：:、\s→]{1,16}[：:→]|｜")


def is_line_wrap(before: str, after: str) -> bool:
    """Whether a line break between two lines of one sentence is a wrap (…正常经营6个月以上的，给 / 予一次性…)
    rather than the end of a heading, a label or an entry over what follows (返乡创业补贴 / （一）…, 中小微企业：…):
    the line before is a long prose line that stops on no punctuation, neither line is a keyed entry or a
    table row, and the line after opens no item of its own."""
    head, tail = before.strip(), after.strip()
    if not head or not tail or head.endswith(tuple(_LINE_CLOSED)) or read_label(tail) is not None:
        return False
    if _KEYED_LINE.search(head) or _KEYED_LINE.search(tail):
        return False
    return any(mark in head for mark in "，,") and len(head) > _RUN_ON_LENGTH


def sentence_lines(sentence: str) -> list[str]:
    """A sentence's pieces at its line breaks, a wrapped line kept with its rest: a heading line above
    items ends where its line does, a sentence is never cut where its line wraps (verbatim: the wrap's
    line break stays inside the piece)."""
    pieces: list[str] = []
    for line in sentence.split("\n"):
        if pieces and is_line_wrap(pieces[-1].rsplit("\n", 1)[-1], line):
            pieces[-1] += "\n" + line
        else:
            pieces.append(line)
    return pieces


Tokenizer = Callable[[str], list[str]]


def clause_tokens(
    clause: Clause, heading_repeat: int = 2, with_section: bool = True, tokenizer: Tokenizer = tokenize
) -> list[str]:
    heading = tokenizer(clause.heading)
    section = tokenizer(clause.section_heading or "") if with_section else []
    return heading * heading_repeat + section + tokenizer(clause.body)


@dataclass
class DocumentCorpus:
    """The token lists the three indexes are built from, for a run of clauses: one per clause, one
    per sentence (with the position of its clause), one of character bigrams per clause."""

    clauses: list[list[str]] = field(default_factory=list)
    sentences: list[list[str]] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)
    bigrams: list[list[str]] = field(default_factory=list)

    def extend(self, other: DocumentCorpus) -> None:
        offset = len(self.clauses)
        self.clauses += other.clauses
        self.sentences += other.sentences
        self.owner += [offset + o for o in other.owner]
        self.bigrams += other.bigrams


def document_corpus(
    clauses: Sequence[Clause], heading_repeat: int = 2, with_section: bool = True, tokenizer: Tokenizer = tokenize
) -> DocumentCorpus:
    """Tokenize clauses for indexing (the only place jieba runs over clause text)."""
    corpus = DocumentCorpus()
    for position, clause in enumerate(clauses):
        corpus.clauses.append(clause_tokens(clause, heading_repeat, with_section, tokenizer))
        heading = tokenizer(clause.heading)
        for sentence in split_sentences(clause.body):
            corpus.owner.append(position)
            corpus.sentences.append(heading + tokenizer(sentence))
        corpus.bigrams.append(char_bigrams(clause.heading) * heading_repeat + char_bigrams(clause.body))
    return corpus


def kept_clauses(clauses: Sequence[Clause]) -> Sequence[Clause]:
    """The clauses an index answers for: a clause table as it is (it parses a clause when read),
    anything else copied into a list."""
    return clauses if isinstance(clauses, ClauseTable) else list(clauses)


class LexicalIndex:
    """Two BM25 indexes over the same clauses (plus one over character bigrams), with scores
    normalized per query.

    Built once at ingest and saved (`save`); every process then opens the saved arrays memory-mapped
    (`load`), so workers share one copy in the page cache and start in milliseconds. Which words a
    clause contains is read from the clause index's own columns, never kept as Python sets.
    """

    def __init__(
        self,
        clauses: Sequence[Clause],
        k1: float = 1.2,
        b: float = 0.75,
        heading_repeat: int = 2,
        with_section: bool = True,
        tokenizer: Tokenizer = tokenize,
    ) -> None:
        """`tokenizer`: jieba by default; a `TokenCache.tokenize` reuses tokens saved at ingest."""
        self._index(list(clauses), document_corpus(clauses, heading_repeat, with_section, tokenizer), k1, b)

    @classmethod
    def from_corpora(
        cls, clauses: Sequence[Clause], corpus: DocumentCorpus, k1: float = 1.2, b: float = 0.75
    ) -> LexicalIndex:
        """Index clauses whose tokens were computed earlier (stored per document at ingest)."""
        index = cls.__new__(cls)
        index._index(list(clauses), corpus, k1, b)
        return index

    @classmethod
    def from_arrays(
        cls,
        clauses: Sequence[Clause],
        clause: bm25s.BM25,
        sentence: bm25s.BM25,
        bigram: bm25s.BM25,
        owner: np.ndarray,
    ) -> LexicalIndex:
        """Index clauses from BM25 arrays assembled elsewhere (`knowledge.bm25_arrays`); `owner`:
        the position of each sentence's clause."""
        index = cls.__new__(cls)
        index.clauses = kept_clauses(clauses)
        index._clause_bm25, index._sentence_bm25, index._bigram_bm25 = clause, sentence, bigram
        index._owner = owner
        index._prepare()
        return index

    clauses: Sequence[Clause]
    # Built in this process (bm25s, in memory) or opened from a saved index (read by the column).
    _clause_bm25: bm25s.BM25 | SavedColumns
    _sentence_bm25: bm25s.BM25 | SavedColumns
    _bigram_bm25: bm25s.BM25 | SavedColumns

    def _index(self, clauses: list[Clause], corpus: DocumentCorpus, k1: float, b: float) -> None:
        if len(corpus.clauses) != len(clauses):
            raise ValueError(f"{len(corpus.clauses)} token lists for {len(clauses)} clauses")
        import bm25s

        self.clauses = clauses
        self._clause_bm25 = bm25s.BM25(k1=k1, b=b)
        self._clause_bm25.index(corpus.clauses, show_progress=False)
        self._sentence_bm25 = bm25s.BM25(k1=k1, b=b)
        self._sentence_bm25.index(corpus.sentences, show_progress=False)
        self._owner = np.asarray(corpus.owner, dtype=np.int64)
        self._bigram_bm25 = bm25s.BM25(k1=k1, b=b)
        self._bigram_bm25.index(corpus.bigrams, show_progress=False)
        self._prepare()

    def _prepare(self) -> None:
        """Derived lookups, cheap on a loaded index: plain views of the arrays, and IDF."""
        # document id → hash of the clauses indexed (`knowledge.lexical_store.document_hash`), when
        # the store that opened the index worked them out: the measure catalog checks against them.
        self.document_hashes: dict[str, str] = {}
        self._idf: dict[str, float] = {}
        self._owner = np.asarray(self._owner).view(np.ndarray)
        for part in (self._clause_bm25, self._sentence_bm25, self._bigram_bm25):
            if not isinstance(part, SavedColumns):
                for key in ("data", "indices", "indptr"):
                    # Plain views of the arrays: slicing an np.memmap costs ~5 µs, a view ~0.3 µs.
                    part.scores[key] = np.asarray(part.scores[key]).view(np.ndarray)
        self._vocab: dict[str, int] = self._clause_bm25.vocab_dict

    def save(
        self,
        directory: Path,
        fingerprint: str,
        extra: Mapping[str, np.ndarray] | None = None,
        extra_meta: Mapping[str, object] | None = None,
    ) -> None:
        """Write the index atomically: a reader sees the old directory or the new one, never half.
        `extra`: arrays saved beside it (name → `name.npy`); `extra_meta`: more keys of meta.json."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
        for name, bm25 in self._parts():
            bm25.save(str(staging / name), show_progress=False)
        np.save(staging / OWNER_FILE, self._owner)
        for name, array in (extra or {}).items():
            np.save(staging / f"{name}.npy", array)
        meta = {**(extra_meta or {}), "fingerprint": fingerprint, "clauses": clause_ids(self.clauses)}
        (staging / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        retired = directory.with_name(f".{directory.name}-old-{os.getpid()}")
        if directory.exists():
            directory.rename(retired)
        staging.rename(directory)
        shutil.rmtree(retired, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path, clauses: Sequence[Clause], fingerprint: str) -> LexicalIndex | None:
        """The saved index of exactly these clauses (its columns read from the files as questions need
        them, `SavedColumns`), or None when it is missing, stale or unreadable (then the caller builds it)."""
        if not (directory / META_FILE).is_file():
            return None
        try:
            meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
            if meta.get("fingerprint") != fingerprint or meta.get("clauses") != clause_ids(clauses):
                return None
            index = cls.__new__(cls)
            index.clauses = kept_clauses(clauses)
            parts = {name: SavedColumns.open(directory / name) for name in _PART_NAMES}
            index._clause_bm25 = parts["clause"]
            index._sentence_bm25 = parts["sentence"]
            index._bigram_bm25 = parts["bigram"]
            index._owner = np.load(directory / OWNER_FILE, mmap_mode="r")
        except (OSError, ValueError, KeyError) as exc:
            log.warning("saved lexical index %s unusable, rebuilding: %s", directory, exc)
            return None
        index._prepare()
        return index

    def _parts(self) -> list[tuple[str, bm25s.BM25]]:
        """The grains built in this process (an index opened from its files is saved already)."""
        parts = [("clause", self._clause_bm25), ("sentence", self._sentence_bm25), ("bigram", self._bigram_bm25)]
        built = [(name, part) for name, part in parts if not isinstance(part, SavedColumns)]
        if len(built) != len(parts):
            raise ValueError("an index opened from its saved files is not saved again")
        return built

    def clause_rows(self, token: str) -> np.ndarray | None:
        """The positions of the clauses that contain the token, ascending (its clause-grain column);
        None when no clause does."""
        token_id = self._vocab.get(token)
        if token_id is None or token == "":
            return None
        part = self._clause_bm25
        if isinstance(part, SavedColumns):
            return part.rows(token_id)
        indptr, indices = part.scores["indptr"], part.scores["indices"]
        column: np.ndarray = indices[int(indptr[token_id]) : int(indptr[token_id + 1])]
        return column

    def grain_scores(self, grain: str, tokens: list[str]) -> np.ndarray:
        """BM25 of every unit of one grain (`clause`, `sentence`, `bigram`) for these tokens, in the
        index's float32, summed word by word in the query's order (as bm25s does)."""
        scores: np.ndarray = self._part(grain).get_scores(tokens)
        return scores

    def prefetch(self, words: Sequence[str], pairs: Sequence[str]) -> None:
        """What a query is about to read (its words at the clause and sentence grains, its character
        pairs at the bigram grain): an index whose columns live elsewhere fetches them at once."""

    def _part(self, grain: str) -> bm25s.BM25 | SavedColumns:
        if grain == "clause":
            return self._clause_bm25
        return self._sentence_bm25 if grain == "sentence" else self._bigram_bm25

    def idf(self, token: str) -> float:
        """log((N - df + 0.5) / (df + 0.5) + 1), df = the clauses that contain the token."""
        cached = self._idf.get(token)
        if cached is None:
            column = self.clause_rows(token)
            cached = idf_of(len(self.clauses), 0 if column is None else len(column))
            self._idf[token] = cached
        return cached

    def contains(self, position: int, token: str) -> bool:
        """Whether the clause at `position` contains the token (a binary search in its column)."""
        column = self.clause_rows(token)
        if column is None:
            return False
        found = int(np.searchsorted(column, position))
        return found < len(column) and int(column[found]) == position

    def presence(self, positions: np.ndarray, tokens: Sequence[str]) -> dict[str, np.ndarray]:
        """For each distinct token, which of the clauses at `positions` contain it (one vectorised
        lookup per token, for a batch of ranked clauses)."""
        found: dict[str, np.ndarray] = {}
        for token in dict.fromkeys(tokens):
            column = self.clause_rows(token)
            if column is None:
                found[token] = np.zeros(len(positions), dtype=bool)
                continue
            at = np.searchsorted(column, positions)
            hit = at < len(column)
            hit[hit] = column[at[hit]] == positions[hit]
            found[token] = hit
        return found

    def clause_scores(self, tokens: list[str]) -> np.ndarray:
        return np.asarray(self.grain_scores("clause", tokens), dtype=float)

    def best_sentence_scores(self, tokens: list[str]) -> np.ndarray:
        """For each clause, the BM25 score of its best-matching sentence."""
        sentence_scores = self.grain_scores("sentence", tokens)
        # One unbuffered pass over every sentence, in the index's own precision (BM25 is never
        # negative, so a clause whose sentences all score 0 keeps 0; the maximum is exact, so
        # widening it afterwards gives the float a float64 maximum gives). At every city's scale
        # (≈ 460,000 sentences) the segmented reduction over the scoring ones cost twice as much.
        best = np.zeros(len(self.clauses), dtype=sentence_scores.dtype)
        np.maximum.at(best, self._owner, sentence_scores)
        return best.astype(np.float64)

    def raw_scores(self, tokens: list[str], sentence_weight: float) -> np.ndarray:
        """Blend of clause- and sentence-grain BM25 (unscaled)."""
        if not tokens:
            return np.zeros(len(self.clauses))
        clause = self.clause_scores(tokens)
        sentence = self.best_sentence_scores(tokens)
        return (1.0 - sentence_weight) * clause + sentence_weight * sentence

    def scores(
        self,
        tokens: list[str],
        expansions: list[str],
        sentence_weight: float,
        expansion_weight: float,
        text: str = "",
        bigram_weight: float = 0.0,
    ) -> np.ndarray:
        """The question's own words count fully, glossary expansions at `expansion_weight`, and
        character bigrams of the question text at `bigram_weight`; scaled to [0, 1] for this query."""
        extra = [t for t in expansions if t not in set(tokens)]
        pairs = char_bigrams(text) if bigram_weight > 0 else []
        self.prefetch([*tokens, *extra] if expansion_weight > 0 else tokens, pairs)
        combined = self.raw_scores(tokens, sentence_weight)
        if extra and expansion_weight > 0:
            combined = combined + expansion_weight * self.raw_scores(extra, sentence_weight)
        combined = _scaled(combined)
        if pairs:
            bigrams = np.asarray(self.grain_scores("bigram", pairs), dtype=float)
            combined = _scaled((1.0 - bigram_weight) * combined + bigram_weight * _scaled(bigrams))
        return combined

    def evidence(self, position: int, tokens: list[str]) -> float:
        """Sum of IDF of the distinct query words that occur in this clause (a bare number such as
        "6" is no evidence of topic)."""
        return evidence_of([t for t in sorted(set(tokens)) if self.contains(position, t)], self.idf)

    def matched_tokens(self, position: int, tokens: list[str]) -> list[str]:
        return [t for t in dict.fromkeys(tokens) if self.contains(position, t)]


def idf_of(clauses: int, holding: int) -> float:
    """log((N - df + 0.5) / (df + 0.5) + 1) of a word `holding` of `clauses` clauses contain; 0 when none does."""
    return math.log((clauses - holding + 0.5) / (holding + 0.5) + 1.0) if holding else 0.0


@lru_cache(maxsize=64)
def most_holding(clauses: int, bar: float) -> int:
    """The most of `clauses` clauses a word can be in and keep an `idf_of` at or above `bar` (0: none can).
    The IDF falls as more clauses hold the word, so the bar is met by 1 … this many and by no other count."""
    low, high = 0, clauses  # idf_of(clauses, low) >= bar, or low = 0; every count above high misses it
    while low < high:
        middle = (low + high + 1) // 2
        if idf_of(clauses, middle) >= bar:
            low = middle
        else:
            high = middle - 1
    return low


def evidence_of(present: Sequence[str], idf: Callable[[str], float]) -> float:
    """Summed IDF of the words present, in the given order (the order fixes the float rounding)."""
    return sum(idf(t) for t in present if not is_number(t))


def is_number(token: str) -> bool:
    return token.replace(".", "", 1).isdigit()


def _scaled(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values
