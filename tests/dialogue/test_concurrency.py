"""A bounded concurrency run: 50 simulated users × 20 turns through the core and a real SQLite
file, every turn answered, no error. The timings are printed by bench/bench_dialogue.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from bot.dialogue.core import Dialogue
from bot.dialogue.store import SqlSessionStore

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_dialogue.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_dialogue", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_fifty_users_times_twenty_turns_complete_without_a_single_error(dialogue: Dialogue, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
    report = _bench().simulate(dialogue, url, users=50, turns=20, workers=8)
    assert report.errors == []
    assert report.turns == 1000
    assert report.replied == 1000
    store = SqlSessionStore(url)
    assert len(store.keys()) == 50
    store.close()
