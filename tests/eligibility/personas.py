"""The test personas (personas.yaml) and the date tests judge at unless they say otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

AS_OF = date(2026, 3, 1)
PERSONAS_PATH = Path(__file__).with_name("personas.yaml")


def load_personas() -> list[dict[str, Any]]:
    return list(yaml.safe_load(PERSONAS_PATH.read_text(encoding="utf-8"))["personas"])
