"""Which golden sets a bench reports when none are named: every registered set except the held-out sets
nobody may read yet (they judge a session's work at its end; a bench that printed them would let it be tuned on).

The unread sets are `UNREAD_SETS` of knowledge/evaluation.py: each session registers its new held-out set there,
unread, and moves the one it opens out.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import evaluation


def unread_sets() -> tuple[str, ...]:
    return tuple(evaluation.UNREAD_SETS)


def is_unread(name: str) -> bool:
    return Path(name).stem in unread_sets()


def default_sets() -> list[str]:
    """Dev and held-out sets in the order registered, the unread ones left out."""
    return [name for name in (*evaluation.DEV_SETS, *evaluation.HOLDOUT_SETS) if not is_unread(name)]
