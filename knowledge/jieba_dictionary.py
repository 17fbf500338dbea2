"""jieba's dictionary, prepared once and kept beside the index.

jieba starts from its own cache (a marshal dump of every word and word prefix with its count): 0.56 s
of CPU in every `policybot ask`, more than everything else a one-shot answer does; and the word lists
read by part-of-speech tag (place names, verbs …) were two more scans of the 5 MB dictionary file at
each start. The prepared file holds the same prefix dictionary as one block of words and one of
counts, read back in 0.16 s, and the dictionary file's words grouped by tag. It is only trusted when
its fingerprint matches (jieba's version, the dictionary file's path, size and modification time, this
file's format) and its data is whole (as long as its header says, the sections adding up to it, its checksum
matching); otherwise jieba loads as it always did and the file is written anew — when the directory can be
written: a read-only one only costs the saving.

Only jieba's own dictionary is kept: the policy terms and glossary words the tokenizer adds
(`query._jieba_ready`) are added after loading, from either source, so the words are the same.
"""

from __future__ import annotations

import json
import logging
import os
import re
import zlib
from array import array
from contextlib import suppress
from pathlib import Path
from typing import Any, BinaryIO

import jieba

from knowledge.cache import fingerprint

log = logging.getLogger(__name__)

PREPARED_FILE = "jieba-dictionary.bin"
_FORMAT = "policybot jieba dictionary 2"
# A line of jieba's dictionary file: word, count, part-of-speech tag.
_ENTRY = re.compile(r"^(\S+) \d+ (\S+)\r?$", re.MULTILINE)

_kept_in: Path | None = None
# The prepared file jieba.dt was loaded from or written to in this process: `prepare` copies it when it is still
# current rather than loading jieba's dictionary a second time.
_source: Path | None = None


def keep_in(directory: Path) -> None:
    """Read the prepared dictionary from `directory` (the index directory), and write it there when it
    is missing or stale, if jieba's dictionary is not loaded yet in this process."""
    global _kept_in  # noqa: PLW0603 - jieba's dictionary is one per process, as jieba.dt is
    _kept_in = directory


def initialize(tokenizer: jieba.Tokenizer | None = None) -> None:
    """Load jieba's dictionary once: from the prepared file when it is current, else as jieba does
    (then the file is written for the next process)."""
    tokenizer = tokenizer or jieba.dt
    if tokenizer.initialized:
        return
    global _source  # noqa: PLW0603 - see keep_in
    path = None if _kept_in is None else _kept_in / PREPARED_FILE
    if path is not None and load_prepared(tokenizer, path):
        _source = path if tokenizer is jieba.dt else _source
        return
    tokenizer.initialize()
    if path is not None and write_prepared(tokenizer, path):
        _source = path if tokenizer is jieba.dt else _source


def prepare(directory: Path) -> None:
    """Write the prepared file in `directory` unless a current one is there (ingest: so that no serving
    or one-shot process pays for writing it). An ingest that names the directory with `keep_in` before
    it tokenizes has it written from jieba.dt as jieba loads, and finds it current here; else the current
    file jieba.dt was loaded from or written to is copied; else it is written from a tokenizer of its own,
    since jieba.dt may hold the policy words already (jieba's dictionary a second time, ≈ 75 MB)."""
    tokenizer = jieba.Tokenizer(jieba.dt.dictionary)
    path = directory / PREPARED_FILE
    expected = prepared_fingerprint(tokenizer)
    try:
        with path.open("rb") as handle:
            if _header(handle, expected) is not None:
                return
    except (OSError, ValueError):
        pass
    if _source is not None and _source != path and _copied(_source, path, expected):
        return
    tokenizer.initialize()
    write_prepared(tokenizer, path)


def _copied(source: Path, path: Path, expected: str) -> bool:
    """Copy the prepared file `source` to `path` when it is current and whole (False, nothing written, if not)."""
    try:
        with source.open("rb") as handle:
            header = _header(handle, expected)
            if header is None:
                return False
            start = header["start"]
            data = _data(handle, header)
            if data is None:
                return False
            handle.seek(0)
            head = handle.read(start)
    except (OSError, ValueError, KeyError):
        return False
    return _write_whole(path, [head, data])


def dictionary_path(tokenizer: jieba.Tokenizer) -> Path:
    """The dictionary file the tokenizer reads (jieba's packaged dict.txt by default)."""
    if tokenizer.dictionary == jieba.DEFAULT_DICT:
        return Path(jieba.__file__).resolve().with_name(jieba.DEFAULT_DICT_NAME)
    return Path(tokenizer.dictionary)


def prepared_fingerprint(tokenizer: jieba.Tokenizer) -> str:
    path = dictionary_path(tokenizer)
    stat = path.stat()
    return fingerprint(_FORMAT, f"jieba {jieba.__version__}", str(path), f"{stat.st_size} {stat.st_mtime_ns}")


def load_prepared(tokenizer: jieba.Tokenizer, path: Path) -> bool:
    """Install the prepared prefix dictionary in the tokenizer; False when the file is missing,
    stale or unreadable (the tokenizer is then left as it was)."""
    try:
        with path.open("rb") as handle:
            header = _header(handle, prepared_fingerprint(tokenizer))
            if header is None:
                return False
            data = _data(handle, header)
            if data is None:
                log.warning("prepared jieba dictionary %s is cut short or damaged, loading jieba's own", path)
                return False
            words = data[: header["words"]].decode("utf-8").split("\n")
            counts = array("q")
            counts.frombytes(data[header["words"] : header["words"] + header["counts"]])
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError) as exc:
        log.warning("prepared jieba dictionary %s unreadable, loading jieba's own: %s", path, exc)
        return False
    if len(words) != len(counts):
        log.warning("prepared jieba dictionary %s is inconsistent, loading jieba's own", path)
        return False
    with tokenizer.lock:
        tokenizer.FREQ = dict(zip(words, counts.tolist(), strict=True))
        tokenizer.total = header["total"]
        tokenizer.initialized = True
    return True


def _header(handle: BinaryIO, expected: str) -> dict[str, Any] | None:
    """The prepared file's header when it is of this format and fingerprint (the handle is then at
    the start of the data), else None."""
    if handle.readline().decode("utf-8").rstrip("\n") != _FORMAT:
        return None
    header: dict[str, Any] = json.loads(handle.readline())
    if header.get("fingerprint") != expected:
        return None
    header["start"] = handle.tell()
    return header


def _data(handle: BinaryIO, header: dict[str, Any]) -> bytes | None:
    """The prepared file's data (all its sections) when it is as long as its header says, its sections add up
    to that length and its checksum matches; else None (a copy cut short or damaged is never trusted)."""
    size = header["size"]
    sections = header["words"] + header["counts"] + sum(length for _, length in header["tags"].values())
    data = handle.read(size + 1)
    if sections != size or len(data) != size or zlib.crc32(data) != header["crc32"]:
        return None
    return data


def write_prepared(tokenizer: jieba.Tokenizer, path: Path) -> bool:
    """Write the tokenizer's prefix dictionary (just loaded: no words added yet) and the dictionary
    file's words by tag; True when saved. A failure only costs the next start its saving: logged, not raised.

    Written section by section, its checksum taken the same way: what is held at once is the sections
    (≈ 12 MB), not the dictionary file's whole text with a tuple per line and a joined copy of every section
    beside them (≈ 85 MB more at the peak of an ingest)."""
    with tokenizer.lock:
        if any("\n" in word for word in tokenizer.FREQ):
            return False
        sections: list[bytes | bytearray] = [
            "\n".join(tokenizer.FREQ).encode("utf-8"),
            array("q", tokenizer.FREQ.values()).tobytes(),
        ]
        total = tokenizer.total
    tag_blobs = _tag_blobs(tokenizer)
    offset = len(sections[0]) + len(sections[1])
    placed: dict[str, list[int]] = {}
    for tag, blob in tag_blobs.items():
        placed[tag] = [offset, len(blob)]
        offset += len(blob)
    sections += tag_blobs.values()
    crc = 0
    for section in sections:
        crc = zlib.crc32(section, crc)
    header = {
        "fingerprint": prepared_fingerprint(tokenizer),
        "total": total,
        "words": len(sections[0]),
        "counts": len(sections[1]),
        "tags": placed,
        "size": offset,
        "crc32": crc,
    }
    return _write_whole(path, [f"{_FORMAT}\n{json.dumps(header)}\n".encode(), *sections])


def _write_whole(path: Path, parts: list[bytes | bytearray]) -> bool:
    """Write the parts to `path` through a temporary file renamed at the end: a reader finds the old file or the
    whole new one. False when it could not be saved (logged: the next start only loses its saving)."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as handle:
            for part in parts:
                handle.write(part)
        tmp.replace(path)
    except OSError as exc:
        log.warning("could not save %s (answering goes on with jieba's own load): %s", path, exc)
        with suppress(OSError):  # a read-only or missing directory fails the clean-up the same way
            tmp.unlink(missing_ok=True)
        return False
    return True


def _tag_blobs(tokenizer: jieba.Tokenizer) -> dict[str, bytearray]:
    """The dictionary file's words grouped by tag, each group one block of words joined by newlines, the tags
    in the order the file first writes them: what `_ENTRY.findall` over the whole text finds, read a line at
    a time (a line is split at its newline only, as `^` and `$` of the pattern split the text)."""
    blobs: dict[str, bytearray] = {}
    with tokenizer.get_dict_file() as handle:
        for line in handle:
            found = _ENTRY.match(line.decode("utf-8"))
            if found is None:
                continue
            word, tag = found.groups()
            blob = blobs.get(tag)
            if blob is None:
                blobs[tag] = bytearray(word.encode("utf-8"))
            else:
                blob += b"\n" + word.encode("utf-8")
    return blobs


def _dictionary_text(tokenizer: jieba.Tokenizer) -> str:
    with tokenizer.get_dict_file() as handle:
        return str(handle.read().decode("utf-8"))


def tagged_words(entry: re.Pattern[str]) -> frozenset[str]:
    """The words of jieba's dictionary file whose line (word, count, tag) the pattern matches, as
    `entry.findall` over the file finds them; read from the prepared file when there is a current one,
    where the words are grouped by tag: a tag's words are taken when the pattern takes a line of that
    tag, only those of one character when it takes no longer word (`^(\\S) …`)."""
    initialize()
    found = None if _kept_in is None else _prepared_tagged(_kept_in / PREPARED_FILE, entry)
    if found is None:
        return frozenset(entry.findall(_dictionary_text(jieba.dt)))
    return frozenset(found)


def _prepared_tagged(path: Path, entry: re.Pattern[str]) -> set[str] | None:
    """The words of the tags the pattern takes, from the prepared file (None: no current one)."""
    found: set[str] = set()
    try:
        with path.open("rb") as handle:
            header = _header(handle, prepared_fingerprint(jieba.dt))
            if header is None:
                return None
            data = _data(handle, header)
            if data is None:
                return None
            for tag, (at, size) in header["tags"].items():
                if not entry.fullmatch(f"字 1 {tag}"):
                    continue
                words = data[at : at + size].decode("utf-8").split("\n")
                found.update(words if entry.fullmatch(f"字词 1 {tag}") else (w for w in words if len(w) == 1))
    except (OSError, ValueError, KeyError):
        return None
    return found
