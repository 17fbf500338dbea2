"""Tokens of the clause texts, kept beside the index so a process does not re-run jieba over every
clause and sentence at start.

The file is only trusted when its fingerprint matches: the jieba version, the vocabulary the tokenizer
reads (policy-term dictionary, glossary words, stopwords) and the source of the tokenizer itself. Any
change there makes a stale file a plain cache miss; an edit to other data (intents, scope topics) does not.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import jieba

from knowledge.cache import fingerprint, read_cached, write_cached
from knowledge.query import DATA_DIR, tokenize, tokenizer_inputs

TOKENS_FILE = "tokens.json"


def tokenizer_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """jieba's version, what the tokenizer reads (`query.tokenizer_inputs`) and the cache's own code."""
    return fingerprint(f"jieba {jieba.__version__}", *tokenizer_inputs(data_dir), inspect.getsource(TokenCache))


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
