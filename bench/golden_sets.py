"""Which golden sets a bench reports when none are named: every registered set except the held-out sets
nobody may read yet (they judge a session's work at its end; a bench that printed them would let it be tuned on).

The unread sets are `UNREAD_SETS` of knowledge/evaluation.py when it names them. Without that mark, the newest
numbered held-out answers set registered is taken as unread (each session registers one, unread, for its end):
a set already read may then be held back, never the other way round.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import evaluation

NUMBERED = re.compile(r"answers_holdout(\d+)")


def unread_sets() -> tuple[str, ...]:
    marked = getattr(evaluation, "UNREAD_SETS", None)
    if marked is not None:
        return tuple(marked)
    numbered = [(int(m.group(1)), name) for name in evaluation.HOLDOUT_SETS if (m := NUMBERED.fullmatch(name))]
    return (max(numbered)[1],) if numbered else ()


def is_unread(name: str) -> bool:
    return Path(name).stem in unread_sets()


def default_sets() -> list[str]:
    """Dev and held-out sets in the order registered, the unread ones left out."""
    return [name for name in (*evaluation.DEV_SETS, *evaluation.HOLDOUT_SETS) if not is_unread(name)]
