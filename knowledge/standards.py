"""Standards the documents reckon by without stating them (最低生活保障, 社会平均工资), read from
knowledge/data/standards.yaml: the words the documents write each in, and the people each is paid to — one table
that both understanding (低保户一个月好多钱 asks the 低保 standard) and the answer (which clause names it) read."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from knowledge.datafile import read_yaml

STANDARDS_FILE = Path(__file__).resolve().parent / "data" / "standards.yaml"


class Standard(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    written: str
    paid_to: tuple[str, ...] = ()


class _StandardsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    standards: tuple[Standard, ...]


@lru_cache(maxsize=1)
def standards() -> tuple[Standard, ...]:
    return _StandardsFile.model_validate(read_yaml(STANDARDS_FILE.read_text(encoding="utf-8"))).standards


def written_of(standard: str) -> str:
    """The words the documents write a standard in (低保标准 → 最低生活保障); the name itself when the table
    has none."""
    return next((s.written for s in standards() if standard.startswith(s.name)), standard)


@lru_cache(maxsize=1)
def _paid_to() -> tuple[re.Pattern[str], dict[str, str]]:
    people = {person: s.name for s in standards() for person in s.paid_to}
    return re.compile("|".join(map(re.escape, sorted(people, key=len, reverse=True)))), people


def paid_to_in(text: str) -> tuple[re.Match[str], str] | None:
    """The first people a standard is paid to named in the text (低保户, 五保户), with that standard's name."""
    pattern, people = _paid_to()
    found = pattern.search(text)
    return (found, people[found.group()]) if found else None
