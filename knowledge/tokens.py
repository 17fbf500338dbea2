"""Tokens of the clause texts, kept beside the index so a process does not re-run jieba over every
clause and sentence at start.

The file is only trusted when its fingerprint matches: the jieba version, the vocabulary data files
and the source of the tokenizer itself. Any change there makes a stale file a plain cache miss.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import jieba

from knowledge import query
from knowledge.query import DATA_DIR, tokenize

log = logging.getLogger(__name__)
TOKENS_FILE = "tokens.json"


def tokenizer_fingerprint() -> str:
    digest = hashlib.sha256(f"jieba {jieba.__version__}".encode())
    for path in sorted(DATA_DIR.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    digest.update(Path(query.__file__).read_bytes())
    return digest.hexdigest()[:16]


class TokenCache:
    """text → tokens, loaded from and saved to the index directory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.fingerprint = tokenizer_fingerprint()
        self._tokens: dict[str, list[str]] = {}
        self._changed = False
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("fingerprint") == self.fingerprint:
            tokens = data.get("tokens")
            if isinstance(tokens, dict):
                self._tokens = tokens

    def __len__(self) -> int:
        return len(self._tokens)

    def tokenize(self, text: str) -> list[str]:
        cached = self._tokens.get(text)
        if cached is None:
            cached = self._tokens[text] = tokenize(text)
            self._changed = True
        return list(cached)

    def save(self) -> None:
        """Write the file when tokens were added (atomically; a failure only costs the next start)."""
        if self.path is None or not self._changed:
            return
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            payload = {"fingerprint": self.fingerprint, "tokens": self._tokens}
            tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
            self._changed = False
        except OSError as exc:
            log.warning("could not save the token cache %s: %s", self.path, exc)
            tmp.unlink(missing_ok=True)
