"""Files that hold people's data are the service account's alone (issue 14): the data directory
0700, the SQLite database (with its -wal and -shm files) 0600, and everything a `policybot`
process creates — index, Chroma directory, quality report — without group or world access
(umask 077). Applied by the one entry point (bot/cli.py) before any command runs."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from bot.settings import Settings

log = logging.getLogger(__name__)
PRIVATE_UMASK = 0o077
DIRECTORY_MODE = 0o700
FILE_MODE = 0o600


def sqlite_files(database_url: str) -> list[Path]:
    """The database file and its companions, when the URL names an SQLite file (read without
    SQLAlchemy, which `policybot ask` does not otherwise import)."""
    scheme, separator, rest = database_url.partition(":///")
    if not separator or scheme.split("+", 1)[0] != "sqlite":
        return []
    name = rest.split("?", 1)[0]
    if not name or name == ":memory:":
        return []
    main = Path(name).expanduser()
    return [main, main.with_name(main.name + "-wal"), main.with_name(main.name + "-shm")]


def _restrict(path: Path, mode: int) -> None:
    try:
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & ~mode:
            path.chmod(mode)
    except OSError as exc:  # a volume owned by someone else: said once, the service still starts
        log.warning("could not restrict %s to %o (%s)", path, mode, exc.strerror)


def keep_private(settings: Settings) -> None:
    """Set the process umask and tighten what already exists (files made by an older release)."""
    os.umask(PRIVATE_UMASK)
    data_dir = settings.resolved_data_dir()
    _restrict(data_dir, DIRECTORY_MODE)
    for path in sqlite_files(settings.resolved_database_url()):
        _restrict(path, FILE_MODE)
