"""The held-out people runner (bench/holdout_eligibility.py), loaded once for the tests of its reading."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

RUNNER = Path(__file__).resolve().parents[2] / "bench" / "holdout_eligibility.py"


@lru_cache(maxsize=1)
def load_runner() -> ModuleType:
    """bench/holdout_eligibility.py as a module (it is a script, not a package member)."""
    spec = importlib.util.spec_from_file_location("holdout_eligibility_runner", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
