"""YAML data files read with libyaml when PyYAML has it: about ten times faster than the pure-Python loader
(the glossary, scope, intents, latin and places files cost `policybot ask` ≈ 65 ms CPU at every start with it,
≈ 8 ms with libyaml). Both build the same data from our files (tests/knowledge/test_startup.py reads each with
both); a file libyaml cannot read raises `yaml.YAMLError` as the other does."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """The data a YAML text holds, as `yaml.safe_load` reads it."""
    return yaml.load(text, Loader=_LOADER)
