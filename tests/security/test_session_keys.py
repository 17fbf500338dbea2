"""The deploy secret behind stored session keys (bot/dialogue/keys.py): made once, private, shared
by processes starting together, and never a plain hash a chat id could be found from."""

from __future__ import annotations

import hashlib
import stat
import threading
from pathlib import Path

import pytest

from bot.dialogue.keys import SECRET_FILE, read_or_create_secret, stored_key


def test_the_embedded_secret_is_made_once_in_the_data_directory_readable_only_by_the_service(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    first = read_or_create_secret(None, data_dir)
    assert len(first) >= 32
    assert stat.S_IMODE((data_dir / SECRET_FILE).stat().st_mode) == 0o600
    assert read_or_create_secret(None, data_dir) == first, "the next start reads the same secret"


def test_processes_starting_together_agree_on_one_secret(tmp_path: Path) -> None:
    found: list[bytes] = []
    barrier = threading.Barrier(8)

    def start() -> None:
        barrier.wait()
        found.append(read_or_create_secret(None, tmp_path))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and len(set(found)) == 1


def test_a_configured_secret_wins_and_a_short_one_is_refused(tmp_path: Path) -> None:
    configured = "x" * 40
    assert read_or_create_secret(configured, tmp_path) == configured.encode()
    assert not (tmp_path / SECRET_FILE).exists(), "nothing written when the secret is configured"
    with pytest.raises(ValueError, match="至少需要 32 个字符"):
        read_or_create_secret("too-short", tmp_path)


def test_a_stored_key_keeps_its_channel_and_cannot_be_found_from_the_chat_id_without_the_secret() -> None:
    secret, other = b"s" * 32, b"t" * 32
    key = stored_key(secret, "telegram:123456789")
    channel, digest = key.split(":")
    assert channel == "telegram" and len(digest) == 64
    assert digest != hashlib.sha256(b"telegram:123456789").hexdigest()
    assert digest != hashlib.sha256(b"123456789").hexdigest()
    assert key == stored_key(secret, "telegram:123456789"), "the same person, the same key"
    assert key != stored_key(other, "telegram:123456789"), "another secret, another key"
    assert key != stored_key(secret, "telegram:123456780")
