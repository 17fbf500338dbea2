"""Clauses kept on disk and read per candidate (issue 13, item 5).

At every city's scale (83,300 clauses) holding every clause as a pydantic model cost each serving
process ≈ 440 MB and ≈ 7 s of its start, though an answer reads a few dozen clauses. A clause file
keeps every clause's JSON in one file, read a clause at a time with `pread` (`SavedArray`: its pages
stay in the page cache, shared between workers and mapped by none); a process holds only what
ranking and lookups need — clause ids, each clause's document, each document's hash — and parses a
`Clause` when it is first read (a bounded cache keeps the ones in use). The file is written
atomically at ingest, like the lexical index, with an index of the character pairs each clause's
text writes (`PairIndex`): which clauses write a phrase is looked up there and checked in those
clauses' bytes alone, not searched for in the whole file.

    save_clauses(index_dir / CLAUSES_DIR, grouped)     # document id → its clauses, in order
    table = open_clauses(index_dir / CLAUSES_DIR)       # None when missing or unreadable
    table[i], table.ids[i], table.document_id_at(i), table.document_hashes, table.count_holding(phrase)
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import overload

import numpy as np
import pydantic_core

from knowledge.clauses import Clause
from knowledge.quality import QualityReport
from knowledge.saved_arrays import SavedArray

log = logging.getLogger(__name__)

CLAUSES_DIR = "clauses"
_TEXTS = "clauses.jsonl"
_OFFSETS = "offsets.npy"
_META = "meta.json"
# The character-pair index of the clauses' texts: every pair of adjacent characters a text writes (sorted codes),
# where each one's clause positions start, and the positions (ascending per pair).
_PAIR_KEYS = "pair_keys.npy"
_PAIR_STARTS = "pair_starts.npy"
_PAIR_ROWS = "pair_rows.npy"
_FORMAT = 1
# Clauses parsed and kept per process: a question reads a few dozen, a worker's answers a few
# thousand distinct ones between restarts; each is a few KB.
CACHE_SIZE = 4096
_TEXT_KEY = b'"text":"'
_BODY_KEY = b'","body":"'
# A clause file without a pair index is searched a run of clauses of about this many bytes at a time.
_SEARCHED_BYTES = 4 << 20
# A pair's code: the first character's code point above the second's (21 bits each); a (pair, position) key puts
# the position in the low bits, so one sort orders the pairs and each pair's positions.
_CHAR_BITS = 21
_POSITION_BITS = 22


def is_pair_indexable(clauses: int) -> bool:
    """Whether a pair index can number this many clauses (4,194,304, fifty times every city's scale; a larger
    clause file is saved without one and searched whole)."""
    return clauses < 1 << _POSITION_BITS


@dataclass(frozen=True)
class PairIndex:
    """Where each pair of adjacent characters is written: `keys` the pairs' codes (sorted), `starts` where each
    pair's clause positions begin in `rows` (one more than the keys: the end), `rows` ascending per pair."""

    keys: np.ndarray
    starts: np.ndarray
    rows: np.ndarray | SavedArray  # in memory when built; read by the slice when opened (`load`)

    @classmethod
    def of(cls, texts: Sequence[str]) -> PairIndex:
        """The pairs of these texts (clause positions are their places in `texts`), worked out with numpy: a
        text's pairs do not run into the next one's."""
        if not is_pair_indexable(len(texts)):
            raise ValueError(f"{len(texts)} clauses: too many for a character-pair index")
        codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        owner = np.repeat(np.arange(len(texts), dtype=np.uint64), [len(t) for t in texts])
        within = owner[:-1] == owner[1:]
        keyed = ((codes[:-1] << _CHAR_BITS) | codes[1:])[within] << _POSITION_BITS | owner[:-1][within]
        del codes, owner, within
        keyed.sort()
        if len(keyed):
            keyed = keyed[np.concatenate(([True], keyed[1:] != keyed[:-1]))]
        pairs = keyed >> _POSITION_BITS
        starts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1]))) if len(pairs) else pairs
        keys = pairs[starts]
        rows = (keyed & ((1 << _POSITION_BITS) - 1)).astype(np.int32)
        return cls(keys, np.append(starts, len(rows)).astype(np.int64), rows)

    def candidates(self, phrase: str) -> np.ndarray:
        """The positions of the clauses whose text writes every adjacent pair of the phrase (two characters or
        more): each that holds the phrase, and perhaps a few more."""
        codes = [ord(ch) for ch in phrase]
        wanted = np.array(sorted({(a << _CHAR_BITS) | b for a, b in itertools.pairwise(codes)}), dtype=np.uint64)
        at = np.searchsorted(self.keys, wanted)
        if (at >= len(self.keys)).any() or (self.keys[np.minimum(at, len(self.keys) - 1)] != wanted).any():
            return np.zeros(0, dtype=np.int32)  # a pair no text writes
        spans = sorted(((int(self.starts[k]), int(self.starts[k + 1])) for k in at.tolist()), key=lambda s: s[1] - s[0])
        start, end = spans[0]
        found = np.array(self.rows[start:end])
        for start, end in spans[1:]:  # the rarest pair's positions, kept while every other pair is written too
            if not len(found):
                break
            rows = self.rows[start:end]
            place = np.minimum(np.searchsorted(rows, found), len(rows) - 1)
            found = found[rows[place] == found]
        return found

    def save(self, directory: Path) -> None:
        if not isinstance(self.rows, np.ndarray):
            raise ValueError("a character-pair index opened from its files is not saved again")
        for name, array in ((_PAIR_KEYS, self.keys), (_PAIR_STARTS, self.starts), (_PAIR_ROWS, self.rows)):
            np.save(directory / name, array)

    @classmethod
    def load(cls, directory: Path, sizes: list[int] | None) -> PairIndex | None:
        """The index saved in `directory` (the pairs and their starts read, the positions read by the slice as
        phrases need them: `SavedArray`), or None when its clause file was saved without one (`sizes`: its keys
        and rows as the clause file's meta records them)."""
        if sizes is None:
            return None
        keys, starts = np.load(directory / _PAIR_KEYS), np.load(directory / _PAIR_STARTS)
        rows = SavedArray.open(directory / _PAIR_ROWS)
        if len(starts) != len(keys) + 1 or (len(starts) and int(starts[-1]) != len(rows)):
            raise ValueError("character-pair index: starts, keys and rows disagree")
        if [len(keys), len(rows)] != sizes:
            raise ValueError("character-pair index: not the one its clause file was saved with")
        return cls(keys, starts, rows)


def document_hash(clauses: Sequence[Clause]) -> str:
    """What the index depends on in one document: its clauses' ids and texts, in order (one hash
    update per document: this runs over every clause each time a process opens the index)."""
    parts = [part for c in clauses for part in (c.id, c.heading, c.section_heading or "", c.body)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


class ClauseTable(Sequence[Clause]):
    """The clauses of a set of documents, in order, read from a clause file: ids, each clause's
    document and each document's `document_hash` in memory, a `Clause` parsed when first read.
    Clauses read twice are equal (pydantic models compare by value), not always the same object."""

    def __init__(
        self,
        ids: Sequence[str],
        documents: Sequence[tuple[str, str, int]],
        offsets: np.ndarray,
        cache_size: int = CACHE_SIZE,
        sources: Mapping[str, str] | None = None,
        quality: Mapping[str, str] | None = None,
        file: SavedArray | None = None,
        pairs: PairIndex | None = None,
    ) -> None:
        """`documents`: (document id, hash, clause count) in order; `offsets`: where each clause's JSON
        starts in `file`, the clause file read by the slice (one more than the clauses: the end; no file
        when there are no clauses). `sources`: what the clauses were parsed from, per document
        (`knowledge.registry.source_key`); `quality`: each document's parse quality report as JSON, parsed
        when asked for; `pairs`: the character pairs of the clauses' texts, which tell `count_holding` the
        few clauses to look at."""
        self.ids: tuple[str, ...] = tuple(ids)
        self.source_keys: dict[str, str] = dict(sources or {})
        self._quality = dict(quality or {})
        self.document_hashes: dict[str, str] = {doc_id: hash_ for doc_id, hash_, _count in documents}
        self._document_ids = tuple(doc_id for doc_id, _hash, _count in documents)
        counts = np.array([count for _doc, _hash, count in documents], dtype=np.int64)
        if int(counts.sum()) != len(self.ids) or len(offsets) != len(self.ids) + 1:
            raise ValueError("clause file: counts, ids and offsets disagree")
        self._starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._document_code = np.repeat(np.arange(len(documents), dtype=np.int32), counts)
        self._range = {
            doc_id: (int(self._starts[k]), int(self._starts[k + 1])) for k, doc_id in enumerate(self._document_ids)
        }
        self._offsets = offsets
        self._file = file
        self._pairs = pairs
        self._parse = lru_cache(maxsize=cache_size)(self._parse_at)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Clause: ...

    @overload
    def __getitem__(self, index: slice) -> list[Clause]: ...

    def __getitem__(self, index: int | slice) -> Clause | list[Clause]:
        if isinstance(index, slice):
            return [self._parse(i) for i in range(*index.indices(len(self.ids)))]
        if index < 0:
            index += len(self.ids)
        if not 0 <= index < len(self.ids):
            raise IndexError(index)
        return self._parse(index)

    def __iter__(self) -> Iterator[Clause]:
        """Every clause in order, parsed as it comes and not kept (reading all of them is ingest's
        business; a serving process reads by position)."""
        for i in range(len(self.ids)):
            yield self._parse_at(i)

    def _parse_at(self, position: int) -> Clause:
        return Clause.model_validate_json(self._bytes_at(position))

    def _bytes_at(self, position: int) -> bytes:
        """The clause's JSON, read from the clause file (one pread; the file's pages are not mapped)."""
        if self._file is None:
            raise IndexError(position)
        return self._file.read_bytes(int(self._offsets[position]), int(self._offsets[position + 1]))

    def count_holding(self, phrase: str) -> int:
        """How many clauses' `text` holds the phrase: the clauses whose text writes each pair of its characters
        (the pair index saved with the clause file), each then looked at in the file's bytes, none parsed when
        their text field's bytes tell. Without a pair index (a file saved before there was one), the whole file
        is searched for the phrase's bytes: ≈ 0.1–0.5 s a phrase at every city's scale (parsing each clause, as
        before that, cost ≈ 3 s)."""
        rows = self._candidates(phrase)
        return self._count_searched(phrase) if rows is None else sum(self._checked(phrase, rows))

    def is_held_by_few(self, phrase: str, most: int) -> bool:
        """Whether some clause's `text` holds the phrase and at most `most` do, counted no further than that
        tells: when no more than `most` clauses write each pair of the phrase, the first found decides (at every
        city's scale ≈ 3,500 clauses write a phrase every replica writes; checking each read a page of the
        clause file apiece)."""
        if most < 1:
            return False
        rows = self._candidates(phrase)
        if rows is None:
            return 1 <= self._count_searched(phrase) <= most
        if len(rows) <= most:
            return any(self._checked(phrase, rows))
        found = sum(itertools.islice((1 for holds in self._checked(phrase, rows) if holds), most + 1))
        return 1 <= found <= most

    def _candidates(self, phrase: str) -> list[int] | None:
        """The positions of the clauses whose text writes each pair of the phrase's characters, ascending;
        None when the pair index cannot tell (no index, no clause file, a phrase of one character or none)."""
        if self._file is None or self._pairs is None or len(phrase) < 2:
            return None
        found: list[int] = self._pairs.candidates(phrase).tolist()
        return found

    def _checked(self, phrase: str, rows: Iterable[int]) -> Iterator[bool]:
        """For each clause position, in turn, whether that clause's text holds the phrase."""
        needle, by_bytes = _needle(phrase)
        for row in rows:
            yield self._text_holds(row, self._bytes_at(row), phrase, needle if by_bytes else None)

    def _count_searched(self, phrase: str) -> int:
        """`count_holding` by a search of the whole clause file for the phrase's bytes, read a run of clauses at
        a time (a match is inside one clause's JSON or it is none of the phrase's)."""
        if self._file is None or not phrase:
            return _count_parsed(self, phrase)
        needle, by_bytes = _needle(phrase)
        count, first = 0, 0
        while first < len(self.ids):
            base = int(self._offsets[first])
            last = int(np.searchsorted(self._offsets, base + _SEARCHED_BYTES, side="right")) - 1
            last = min(max(first + 1, last), len(self.ids))
            run = self._file.read_bytes(base, int(self._offsets[last]))
            found = run.find(needle)
            while found != -1:
                row = int(np.searchsorted(self._offsets, base + found, side="right")) - 1
                start, end = int(self._offsets[row]) - base, int(self._offsets[row + 1]) - base
                if self._text_holds(row, run[start:end], phrase, needle if by_bytes else None):
                    count += 1
                found = run.find(needle, end)
            first = last
        return count

    def _text_holds(self, row: int, data: bytes, phrase: str, needle: bytes | None) -> bool:
        """Whether the clause at `row` (its JSON, `data`) writes the phrase in its `text`: the field's bytes
        searched for `needle`, or the clause parsed when `needle` is None or the field is not found."""
        if needle is not None:
            # `text` is followed by `body` (the model's field order); an unescaped quote ends a JSON string.
            first = data.find(_TEXT_KEY)
            last = data.find(_BODY_KEY, first) if first != -1 else -1
            if last != -1:
                return data.find(needle, first + len(_TEXT_KEY), last) != -1
        return phrase in self._parse(row).text

    def quality_reports(self) -> list[QualityReport]:
        """Each document's parse quality report, in document order (read when staff ask)."""
        return [QualityReport.model_validate_json(self._quality[d]) for d in self._document_ids if d in self._quality]

    @property
    def document_ids(self) -> tuple[str, ...]:
        """The documents, in order."""
        return self._document_ids

    def document_id_at(self, position: int) -> str:
        return self._document_ids[int(self._document_code[position])]

    def clause_document_ids(self) -> list[str]:
        """Each clause's document id, in clause order (shared strings)."""
        return [self._document_ids[k] for k in self._document_code.tolist()]

    def positions_of(self, document_id: str) -> range:
        """A document's clause positions (a document's clauses are contiguous)."""
        start, end = self._range.get(document_id, (0, 0))
        return range(start, end)


def clause_ids(clauses: Sequence[Clause]) -> list[str]:
    """The clauses' ids, without parsing a clause table's clauses."""
    return list(clauses.ids) if isinstance(clauses, ClauseTable) else [c.id for c in clauses]


def count_holding(clauses: Sequence[Clause], phrase: str) -> int:
    """How many of the clauses' texts hold the phrase, without parsing a clause table's clauses."""
    if isinstance(clauses, ClauseTable):
        return clauses.count_holding(phrase)
    return _count_parsed(clauses, phrase)


def is_held_by_few(clauses: Sequence[Clause], phrase: str, most: int) -> bool:
    """Whether some of the clauses' texts hold the phrase and at most `most` do (`ClauseTable.is_held_by_few`)."""
    if isinstance(clauses, ClauseTable):
        return clauses.is_held_by_few(phrase, most)
    return 1 <= _count_parsed(clauses, phrase) <= most


def _count_parsed(clauses: Iterable[Clause], phrase: str) -> int:
    return sum(1 for clause in clauses if phrase in clause.text)


def _needle(phrase: str) -> tuple[bytes, bool]:
    """The phrase's bytes as the clause file writes them, and whether those bytes alone decide. JSON escapes
    character by character, so a text holding the phrase holds its escaped bytes; they decide when nothing in
    the phrase is escaped and it starts with no ASCII character (which could be the tail of an escape, \\n);
    else a candidate clause is parsed."""
    needle = pydantic_core.to_json(phrase)[1:-1]
    return needle, needle == phrase.encode() and not phrase[0].isascii()


def clause_document_ids(clauses: Sequence[Clause]) -> list[str]:
    """Each clause's document id, without parsing a clause table's clauses."""
    if isinstance(clauses, ClauseTable):
        return clauses.clause_document_ids()
    return [c.document_id for c in clauses]


def save_clauses(
    directory: Path,
    grouped: Mapping[str, Sequence[Clause]],
    hashes: Mapping[str, str] | None = None,
    sources: Mapping[str, str] | None = None,
    quality: Sequence[QualityReport] = (),
) -> None:
    """Write the clause file of these documents' clauses (document id → its clauses, in order)
    atomically: a reader sees the old directory or the new one, never half. `hashes`: their
    `document_hash`es, when the caller has them; `sources`, `quality`: see `ClauseTable`."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        _write(staging, grouped, hashes or {}, sources or {}, quality)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # a full volume leaves no half-written copy behind
        raise
    retired = directory.with_name(f".{directory.name}-old-{staging.name}")
    try:
        if directory.exists():
            directory.rename(retired)
        staging.rename(directory)
    except OSError as exc:  # another process saved at the same moment: its file serves as well
        log.warning("clause file %s not replaced: %s", directory, exc)
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(retired, ignore_errors=True)


def _write(
    staging: Path,
    grouped: Mapping[str, Sequence[Clause]],
    hashes: Mapping[str, str],
    sources: Mapping[str, str],
    quality: Sequence[QualityReport],
) -> None:
    offsets = [0]
    ids: list[str] = []
    texts: list[str] = []
    documents: list[tuple[str, str, int]] = []
    with (staging / _TEXTS).open("wb") as out:
        for doc_id, own in grouped.items():
            for clause in own:
                data = clause.model_dump_json().encode()
                out.write(data)
                offsets.append(offsets[-1] + len(data))
                ids.append(clause.id)
                texts.append(clause.text)
            documents.append((doc_id, hashes.get(doc_id) or document_hash(own), len(own)))
    np.save(staging / _OFFSETS, np.array(offsets, dtype=np.int64))
    pairs = PairIndex.of(texts) if is_pair_indexable(len(texts)) else None
    if pairs is not None:
        pairs.save(staging)
    meta = {
        "format": _FORMAT,
        "ids": ids,
        "documents": documents,
        "sources": dict(sources),
        "quality": {r.document_id: r.model_dump_json() for r in quality},
        "pairs": [len(pairs.keys), len(pairs.rows)] if pairs is not None else None,
    }
    (staging / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def open_clauses(directory: Path, cache_size: int = CACHE_SIZE) -> ClauseTable | None:
    """The clause table saved in directory (read by the clause, `SavedArray`), or None when missing or unreadable."""
    if not (directory / _META).is_file():
        return None
    try:
        meta = json.loads((directory / _META).read_text(encoding="utf-8"))
        if meta.get("format") != _FORMAT:
            return None
        offsets = np.load(directory / _OFFSETS)
        file: SavedArray | None = None
        if (directory / _TEXTS).stat().st_size:
            file = SavedArray.open_bytes(directory / _TEXTS)
        # meta, offsets and the clause file are read one after another: a save in between pairs one file's
        # offsets with another's bytes, and every question would then read past the end — refused instead
        if len(offsets) != len(meta["ids"]) + 1 or int(offsets[-1]) != (len(file) if file is not None else 0):
            log.warning("saved clause file %s unusable: its offsets do not fit its bytes (saved meanwhile?)", directory)
            return None
        documents = [(str(d), str(h), int(n)) for d, h, n in meta["documents"]]
        pairs = PairIndex.load(directory, meta.get("pairs"))
        return ClauseTable(meta["ids"], documents, offsets, cache_size, meta["sources"], meta["quality"], file, pairs)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("saved clause file %s unusable: %s", directory, exc)
        return None
