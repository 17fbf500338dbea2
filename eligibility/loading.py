"""Reading rule files: YAML in, frozen pydantic models out, or a RulebookError naming file and key.

Every data file of the rulebook goes through `read_model`, so a typo anywhere (`gtee: 3`, an
unknown benefit field, a wrong type) stops the program at load with a message a rule author can
act on, instead of surfacing later as a wrong answer in chat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from eligibility.errors import RulebookError

ModelT = TypeVar("ModelT", bound=BaseModel)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RulebookError(str(path), "<yaml>", f"not valid YAML: {exc}") from exc


CONDITION_TAGS = frozenset({"all", "any", "not", "definition", "fact"})
CONDITION_HOLDERS = frozenset({"conditions", "condition", "not"})


def key_path(loc: tuple[int | str, ...]) -> str:
    """`('conditions', 'all', 'all', 0, 'fact', 'gtee')` → `conditions.all[0].gtee`.

    Pydantic puts the tag of a condition union into the location; a rule author wants the keys
    as written in the YAML, so a tag right where a condition starts is dropped.
    """
    parts: list[str] = []
    expect_tag = False
    for item in loc:
        if expect_tag and item in CONDITION_TAGS:
            expect_tag = False
            continue
        parts.append(f"[{item}]" if isinstance(item, int) else f".{item}")
        expect_tag = isinstance(item, int) or item in CONDITION_HOLDERS
    return "".join(parts).lstrip(".") or "<root>"


def model_error(source: str, exc: ValidationError) -> RulebookError:
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    key = key_path(tuple(first["loc"]))
    problem = first["msg"]
    if first["type"] == "extra_forbidden":
        problem = "unknown key (typo?)"
    more = len(errors) - 1
    if more:
        problem += f" (and {more} more problem{'s' if more > 1 else ''})"
    return RulebookError(source, key, problem)


def read_model(path: Path, model: type[ModelT], **context: Any) -> ModelT:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise RulebookError(str(path), "<root>", "expected a mapping at the top level")
    try:
        return model.model_validate(data, context=context or None)
    except ValidationError as exc:
        raise model_error(str(path), exc) from exc
