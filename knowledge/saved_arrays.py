"""Saved arrays read by the slice, not mapped (issue 13, item 5: RSS per worker).

The lexical index's BM25 columns, the clause file and its character-pair positions are large (≈ 380 MB at every
city's scale) and a question reads a few of their slices. Memory-mapped, every page a question touches stays in
the process's resident set — the kernel maps a fault's cached neighbours with it — so a worker's RSS grew by
the union of what its questions had read (≈ 465 MB at ×700 after 200 questions). Read with `pread`, a slice is
copied into the process's own memory for as long as it is used; the file's pages stay in the page cache,
shared by every worker and reclaimable, and mapped by none.

    array = SavedArray.open(path)       # a 1-D .npy file: its header read, the file kept open
    array[start:end]                    # a copy of that slice (numpy), read with one pread
    columns = SavedColumns.open(path)   # a bm25s index saved with `BM25.save`, its columns read by the token
"""

from __future__ import annotations

import json
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import overload

import numpy as np

# Columns kept per BM25 grain after a question read them: the common words' columns (补贴, 创业 …) are read by most
# questions; the bound keeps a worker's own memory from growing with every rare word it meets.
COLUMN_CACHE_BYTES = 8 << 20
_HEADER_READERS = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}


class SavedArray:
    """A one-dimensional array saved with `numpy.save`, read a slice at a time with `os.pread` (see the module)."""

    def __init__(self, fd: int, dtype: np.dtype, length: int, offset: int, path: Path) -> None:
        self.dtype = dtype
        self.path = path
        self._fd = fd
        self._length = length
        self._offset = offset
        self._close = weakref.finalize(self, os.close, fd)

    @classmethod
    def open(cls, path: Path) -> SavedArray:
        """The array saved at `path`; ValueError when it is not a one-dimensional C-ordered array of a plain dtype."""
        fd = os.open(path, os.O_RDONLY)
        try:
            with os.fdopen(os.dup(fd), "rb") as file:
                header = _HEADER_READERS.get(np.lib.format.read_magic(file))
                if header is None:
                    raise ValueError(f"{path}: an .npy format this reader does not know")
                shape, fortran, dtype = header(file)
                offset = file.tell()
            if len(shape) != 1 or fortran or dtype.hasobject:
                raise ValueError(f"{path}: not a one-dimensional array of numbers ({shape}, {dtype})")
            if os.fstat(fd).st_size < offset + shape[0] * dtype.itemsize:
                raise ValueError(f"{path}: shorter than its header says")
        except BaseException:
            os.close(fd)
            raise
        return cls(fd, dtype, int(shape[0]), offset, path)

    @classmethod
    def open_bytes(cls, path: Path) -> SavedArray:
        """A file of bytes (no header), read by the slice like an array of uint8."""
        fd = os.open(path, os.O_RDONLY)
        return cls(fd, np.dtype(np.uint8), os.fstat(fd).st_size, 0, path)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> np.generic: ...

    @overload
    def __getitem__(self, index: slice) -> np.ndarray: ...

    def __getitem__(self, index: int | slice) -> np.ndarray | np.generic:
        if isinstance(index, slice):
            start, end, step = index.indices(self._length)
            if step != 1:
                raise ValueError("a saved array is read by contiguous slices")
            return self.read(start, end)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        value: np.generic = self.read(index, index + 1)[0]
        return value

    def read(self, start: int, end: int) -> np.ndarray:
        """A copy of elements start:end (an empty array when end ≤ start)."""
        count = max(0, min(end, self._length) - max(start, 0))
        out = np.empty(count, dtype=self.dtype)
        if count:
            size = count * self.dtype.itemsize
            got = os.preadv(self._fd, [out.data.cast("B")], self._offset + max(start, 0) * self.dtype.itemsize)
            if got != size:
                raise OSError(f"{self.path}: read {got} of {size} bytes")
        return out

    def read_bytes(self, start: int, end: int) -> bytes:
        """Bytes start:end of the data as one `bytes` (a file of bytes: its elements start:end)."""
        size = self.dtype.itemsize
        got = os.pread(self._fd, max(0, end - start) * size, self._offset + start * size)
        if len(got) != max(0, end - start) * size:
            raise OSError(f"{self.path}: read {len(got)} of {max(0, end - start) * size} bytes")
        return got

    def close(self) -> None:
        self._close()


class SavedColumns:
    """One grain of a bm25s index saved with `BM25.save` (its CSC arrays, vocabulary and parameters), its columns
    read from the files by the token: `get_scores` sums each token's column as bm25s's own `get_scores` does
    (every known token in the query's order, repeats included, `np.add.at` in the index's dtype), so the scores
    are the same floats; `rows` is the token's column of unit positions. A bounded cache keeps the columns read
    last (the index of one published set never changes)."""

    def __init__(
        self,
        vocab: dict[str, int],
        indptr: np.ndarray,
        data: SavedArray,
        indices: SavedArray,
        units: int,
        dtype: np.dtype,
        cache_bytes: int = COLUMN_CACHE_BYTES,
    ) -> None:
        self.vocab_dict = vocab
        self.units = units
        self.dtype = dtype
        self._indptr = indptr
        self._data = data
        self._indices = indices
        self._cache: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._cached_bytes = 0
        self._cache_bytes = cache_bytes
        self._lock = threading.Lock()

    @classmethod
    def open(cls, directory: Path, cache_bytes: int = COLUMN_CACHE_BYTES) -> SavedColumns:
        """The grain saved in `directory` by `bm25s.BM25.save` (file names as bm25s writes them)."""
        params = json.loads((directory / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method") in ("bm25l", "bm25+"):  # (a non-occurrence array: not a kind this project saves)
            raise ValueError(f"{directory}: BM25 method {params['method']} is not read here")
        vocab = json.loads((directory / "vocab.index.json").read_text(encoding="utf-8"))
        indptr = np.load(directory / "indptr.csc.index.npy")
        data = SavedArray.open(directory / "data.csc.index.npy")
        indices = SavedArray.open(directory / "indices.csc.index.npy")
        dtype = np.dtype(params.get("dtype", "float32"))
        # (bm25s gives the empty token the id one past the last column when no unit has it: no column of its own)
        if len(data) != len(indices) or not len(indptr) or int(indptr[-1]) != len(data):
            data.close()
            indices.close()
            raise ValueError(f"{directory}: vocabulary, pointers and columns disagree")
        if data.dtype != dtype:
            data.close()
            indices.close()
            raise ValueError(f"{directory}: scores saved as {data.dtype}, parameters say {dtype}")
        return cls(vocab, indptr, data, indices, int(params["num_docs"]), dtype, cache_bytes)

    def get_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Every unit's BM25 for these tokens (bm25s `BM25.get_scores`, read column by column)."""
        token_ids = [self.vocab_dict[token] for token in tokens if token in self.vocab_dict]
        if max(token_ids, default=0) >= len(self._indptr) - 1:
            raise ValueError("a token without a column in the index (bm25s refuses it too)")
        scores = np.zeros(self.units, dtype=self.dtype)
        for token_id in token_ids:
            rows, weights = self.column(token_id)
            np.add.at(scores, rows, weights)
        return scores

    def rows(self, token_id: int) -> np.ndarray:
        """The positions of the units holding the token, ascending."""
        return self.column(token_id)[0]

    def column(self, token_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(unit positions, BM25 weights) of one token, read once and kept while the cache has room."""
        with self._lock:
            found = self._cache.get(token_id)
            if found is not None:
                self._cache.move_to_end(token_id)
                return found
        start, end = int(self._indptr[token_id]), int(self._indptr[token_id + 1])
        column = (self._indices.read(start, end), self._data.read(start, end))
        for array in column:
            array.flags.writeable = False
        size = column[0].nbytes + column[1].nbytes
        with self._lock:
            if token_id not in self._cache and size <= self._cache_bytes:
                self._cache[token_id] = column
                self._cached_bytes += size
                while self._cached_bytes > self._cache_bytes:
                    _, (rows, weights) = self._cache.popitem(last=False)
                    self._cached_bytes -= rows.nbytes + weights.nbytes
        return column

    def close(self) -> None:
        self._data.close()
        self._indices.close()
