"""The seam to place-name resolution.

Eligibility must not import the knowledge core, yet it needs "延吉 → 吉林省". The resolver is
injected: anything with a `resolve(text)` returning this shape will do (the knowledge core's
`Gazetteer` in production, a tiny table in unit tests).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from eligibility.loading import read_model

PLACES = Path(__file__).with_name("places.yaml")
# An aside in brackets, full-width or not — （…） or (…), no bracket inside — holding one of `words`.
_OPEN, _CLOSE, _INSIDE = r"[\uff08(]", r"[\uff09)]", r"[^\uff08\uff09()]*"


class PlaceReading(BaseModel):
    """places.yaml: the words that make a bracketed aside history or origin rather than a place."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    former_affiliation: tuple[str, ...]
    household_origin: tuple[str, ...]
    household_links: tuple[str, ...]


@cache
def _former_asides() -> re.Pattern[str]:
    reading = read_model(PLACES, PlaceReading)
    words = "|".join(map(re.escape, (*reading.former_affiliation, *reading.household_origin)))
    return re.compile(f"{_OPEN}{_INSIDE}(?:{words}){_INSIDE}{_CLOSE}")


@cache
def _household_aside() -> re.Pattern[str]:
    reading = read_model(PLACES, PlaceReading)
    words = "|".join(map(re.escape, reading.household_origin))
    links = "|".join(map(re.escape, reading.household_links))
    return re.compile(f"{_OPEN}{_INSIDE}(?:{words})(?:{links})?({_INSIDE}){_CLOSE}")


class ResolvedRegion(Protocol):
    """What a free-text place name means for us."""

    @property
    def query(self) -> str: ...

    @property
    def jurisdiction(self) -> str | None:
        """One of the covered jurisdictions (吉林省, 巴中市 …) when covered, else None."""

    @property
    def place(self) -> str | None:
        """The normalized place recognised in the text (延吉市, 北京市), None when none was."""

    @property
    def covered(self) -> bool: ...

    @property
    def candidates(self) -> tuple[str, ...]:
        """Covered jurisdictions inside a larger place that is not itself covered (四川省 → 巴中市)."""

    @property
    def outside_candidates(self) -> bool:
        """The text puts the person in `place` but in none of its `candidates` (四川其他城市)."""

    @property
    def city_unknown(self) -> bool:
        """The text puts the person in `place` and says they do not know which of its `candidates`
        (四川，具体哪个市不清楚): the city stays open, the province is kept."""

    @property
    def excluded(self) -> tuple[str, ...]:
        """Places the text names as where the person is not (吉林省以外, 不在四川): never `place`."""

    @property
    def enclosing(self) -> tuple[str, ...]:
        """Covered jurisdictions that contain `jurisdiction` (a covered province around a covered city)."""

    @property
    def places(self) -> tuple[str, ...]:
        """Every place the text names, in order (巴中跟南充挨到的 → 巴中市, 南充市, 巴中市), whichever is `place`."""


class RegionResolver(Protocol):
    def resolve(self, text: str) -> ResolvedRegion: ...


def without_former_affiliation(text: str) -> str:
    """The place text without bracketed asides about a former affiliation (原属资阳, 由成都代管) or about
    where the person's household is registered (户籍吉林省珲春市): neither is where the person is."""
    return _former_asides().sub("", text).strip() or text


def household_in(text: str) -> str | None:
    """The place a bracketed 户籍 aside names (西安市（户籍商洛市柞水县） → 商洛市柞水县), or None: the person's
    户籍 when it is not where they are (session 22) — a measure of that place may follow it."""
    found = _household_aside().search(text)
    return found.group(1).strip() or None if found else None
