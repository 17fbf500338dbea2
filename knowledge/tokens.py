"""Tokens of the clause texts, kept beside the index so a process does not re-run jieba over every
clause and sentence at start.

The file is only trusted when its fingerprint matches: the jieba version, the vocabulary data files
and the source of the tokenizer itself. Any change there makes a stale file a plain cache miss.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jieba

from knowledge import query
from knowledge.cache import fingerprint, read_cached, write_cached
from knowledge.query import DATA_DIR, tokenize

TOKENS_FILE = "tokens.json"


def tokenizer_fingerprint() -> str:
    parts: list[str | bytes] = [f"jieba {jieba.__version__}"]
    for path in sorted(DATA_DIR.iterdir()):
        if path.is_file():
            parts += [path.name, path.read_bytes()]
    parts.append(Path(query.__file__).read_bytes())
    return fingerprint(*parts)


class TokenCache:
    """text → tokens, loaded from and saved to the index directory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.fingerprint = tokenizer_fingerprint()
        cached = read_cached(path, self.fingerprint)
        self._tokens: dict[str, list[str]] = cached if isinstance(cached, dict) else {}
        self._changed = False

    def __len__(self) -> int:
        return len(self._tokens)

    def tokenize(self, text: str) -> list[str]:
        cached = self._tokens.get(text)
        if cached is None:
            # Interned: a long-running process tokenizes many sentences that repeat the same words.
            cached = self._tokens[text] = [sys.intern(token) for token in tokenize(text)]
            self._changed = True
        return list(cached)

    def save(self) -> None:
        """Write the file when tokens were added."""
        if self._changed:
            write_cached(self.path, self.fingerprint, self._tokens)
            self._changed = False
