"""Derived data kept beside the index (tokens, the place-name index): JSON files that carry the
fingerprint of everything they were derived from, so a stale file is a plain miss, never wrong."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:16]


def read_cached(path: Path | None, expected: str) -> Any | None:
    """The payload of `path` when its fingerprint is `expected`, else None (missing, stale, broken)."""
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("fingerprint") == expected:
        return data.get("payload")
    return None


def write_cached(path: Path | None, expected: str, payload: Any) -> None:
    """Write atomically; a failure only costs the next start its saving, so it is logged, not raised."""
    if path is None:
        return
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"fingerprint": expected, "payload": payload}, ensure_ascii=False), "utf-8")
        tmp.replace(path)
    except OSError as exc:
        log.warning("could not save %s: %s", path, exc)
        tmp.unlink(missing_ok=True)
