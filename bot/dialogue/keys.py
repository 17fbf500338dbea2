"""Session keys as they are stored: `<channel>:<HMAC-SHA256 of the channel key, hex>`.

A channel key names a person (`telegram:<chat id>`, `web:<session id>`). Telegram chat ids are small
integers, so a plain hash of one is reversed by trying them all; a keyed hash with a deploy secret
(POLICYBOT_SESSION_KEY_SECRET, or a file made once in the data directory) is not, without the secret.
The channel stays readable (staff pages and logs say which channel, never who). Every table that
holds a session key (sessions, web transcripts, the answer log) holds this form; revision 0005
rewrote the keys stored before it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import time
from pathlib import Path

log = logging.getLogger(__name__)

SECRET_FILE = "session-key.secret"
MIN_SECRET_CHARS = 32


def stored_key(secret: bytes, key: str) -> str:
    """The stored form of a channel key (`web:abc…` → `web:<64 hex digits>`)."""
    channel = key.split(":", 1)[0]
    digest = hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{channel}:{digest}"


class SessionKeys:
    """Channel keys → the keys stored for them, with one deploy secret. `None`: keys stored as they
    are (only for tests and tools that hold no personal data)."""

    def __init__(self, secret: bytes | None) -> None:
        self._secret = secret

    def stored(self, key: str) -> str:
        return key if self._secret is None else stored_key(self._secret, key)


def read_or_create_secret(configured: str | None, data_dir: Path) -> bytes:
    """The deploy secret: the configured value, else the data directory's secret file, made once
    (0600, exclusive create, so processes starting together agree on the first one written)."""
    if configured:
        if len(configured) < MIN_SECRET_CHARS:
            raise ValueError(f"POLICYBOT_SESSION_KEY_SECRET 至少需要 {MIN_SECRET_CHARS} 个字符")
        return configured.encode("utf-8")
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SECRET_FILE
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32))
    log.info("made a session key secret in %s (keep it with the database backups)", path)
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    for _ in range(50):  # another process may be writing it right now (exclusive create, then write)
        text = path.read_text("ascii").strip()
        if len(text) >= MIN_SECRET_CHARS:
            return text.encode("ascii")
        time.sleep(0.02)
    raise ValueError(f"{path}: the session key secret is empty or too short")
