"""Measure matches in ranking order, each made when it is read (issue 13).

At every city's scale a measure named in a question has ≈ 700 copies (one per replica of its
document; a real city repeats boilerplate the same way), and a question naming no place ranks all of
them. What decides whether a match is shown splits in two: what a measure *says* (its names, span,
kind, figures — equal for every copy, see `knowledge.measures.content_key`) and where it *is* (its
id, clause, region and score). `MatchRanking` keeps the second part as arrays and decides the first
once per group of copies (`where`), so a reader that shows two regions makes two matches, not 700.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING, overload

import numpy as np

if TYPE_CHECKING:
    from knowledge.measure_match import MeasureMatch


def among(values: np.ndarray, wanted: Sequence[int]) -> np.ndarray:
    """`np.isin(values, wanted)`; a few wanted values are compared one by one (np.isin's sorting is
    most of the cost of a small ranking, and answers at five documents' scale make many)."""
    if len(wanted) > 8:
        return np.isin(values, wanted)
    mask = np.zeros(len(values), dtype=bool)
    for value in wanted:
        mask |= values == value
    return mask


class RankedCopies:
    """The matches of one ranking by copy number: group (copies saying the same), score, clause, and
    how to make one. Made matches are kept, so a match read twice is the same object."""

    def __init__(
        self,
        groups: np.ndarray,
        scores: np.ndarray,
        clause_codes: np.ndarray,
        clause_code: Callable[[str], int | None],
        measure_id: Callable[[int], str],
        make: Callable[[int], MeasureMatch],
        *,
        singletons: bool = False,
    ) -> None:
        """`singletons`: no two copies share a group (at five documents' scale every measure is a
        group of its own), so a filter needs no grouping."""
        self.groups = groups
        self.singletons = singletons
        self.scores = scores
        self.clause_codes = clause_codes
        self._clause_code = clause_code
        self.measure_id = measure_id
        self._make = make
        self._made: dict[int, MeasureMatch] = {}

    def match(self, copy: int) -> MeasureMatch:
        found = self._made.get(copy)
        if found is None:
            found = self._made[copy] = self._make(copy)
        return found

    def codes_of(self, clause_ids: Collection[str]) -> list[int]:
        return [code for code in map(self._clause_code, clause_ids) if code is not None]

    @classmethod
    def of(cls, matches: Sequence[MeasureMatch]) -> RankedCopies:
        """Matches already made, each its own group (every decision is taken per match)."""
        made = list(matches)
        clauses: dict[str, int] = {}
        codes = [clauses.setdefault(m.measure.clause, len(clauses)) for m in made]
        return cls(
            np.arange(len(made), dtype=np.int64),
            np.array([m.score for m in made], dtype=np.float64),
            np.array(codes, dtype=np.int64),
            clauses.get,
            lambda copy: made[copy].measure.id,
            made.__getitem__,
            singletons=True,
        )


class MatchRanking(Sequence["MeasureMatch"]):
    """A sequence of matches over `RankedCopies`: indexing and iterating make only what is read;
    filters and concatenations are array operations."""

    def __init__(self, copies: RankedCopies, order: np.ndarray) -> None:
        self._copies = copies
        self._order = order

    @classmethod
    def of(cls, matches: Sequence[MeasureMatch]) -> MatchRanking:
        """A ranking over matches already made (in their order)."""
        if isinstance(matches, MatchRanking):
            return matches
        return cls(RankedCopies.of(matches), np.arange(len(matches), dtype=np.int64))

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> MeasureMatch: ...

    @overload
    def __getitem__(self, index: slice) -> MatchRanking: ...

    def __getitem__(self, index: int | slice) -> MeasureMatch | MatchRanking:
        if isinstance(index, slice):
            return MatchRanking(self._copies, self._order[index])
        return self._copies.match(int(self._order[index]))

    def __iter__(self) -> Iterator[MeasureMatch]:
        match = self._copies.match
        for copy in self._order.tolist():
            yield match(copy)

    def measure_ids(self) -> Iterator[tuple[int, str]]:
        """(position, measure id) in order, without making a match."""
        measure_id = self._copies.measure_id
        for position, copy in enumerate(self._order.tolist()):
            yield position, measure_id(copy)

    def where(self, keep: Callable[[MeasureMatch], bool]) -> MatchRanking:
        """The matches `keep` accepts, in order. `keep` must decide from what a measure says and
        what was asked (never its id, clause, region or score): it is asked once per group of
        copies, of the group's first match here."""
        if self._copies.singletons:
            each = np.fromiter(map(keep, self), dtype=bool, count=len(self._order))
            return self if each.all() else MatchRanking(self._copies, self._order[each])
        groups = self._copies.groups[self._order]
        _distinct, first, inverse = np.unique(groups, return_index=True, return_inverse=True)
        kept = np.array([keep(self[at]) for at in first.tolist()], dtype=bool)
        if kept.all():
            return self
        return MatchRanking(self._copies, self._order[kept[inverse.reshape(-1)]])

    def scoring_at_least(self, floor: float) -> MatchRanking:
        """The matches whose score is at least `floor`, in order."""
        return MatchRanking(self._copies, self._order[self._copies.scores[self._order] >= floor])

    def in_clauses(self, clause_ids: Collection[str]) -> MatchRanking:
        """The matches of measures in these clauses, in order."""
        return MatchRanking(self._copies, self._order[self._in(clause_ids)])

    def positions_in(self, clause_ids: Collection[str]) -> list[int]:
        """Where the matches of measures in these clauses stand in this ranking."""
        return np.flatnonzero(self._in(clause_ids)).tolist()

    def _in(self, clause_ids: Collection[str]) -> np.ndarray:
        return among(self._copies.clause_codes[self._order], self._copies.codes_of(clause_ids))

    def then(self, other: MatchRanking) -> MatchRanking:
        """This ranking followed by another over the same matches."""
        if other._copies is not self._copies:
            raise ValueError("rankings of different matches")
        return MatchRanking(self._copies, np.concatenate([self._order, other._order]))

    def moved_first(self, position: int) -> MatchRanking:
        """The match at `position` first, the others in their order."""
        order = self._order
        return MatchRanking(self._copies, np.concatenate([order[position : position + 1], np.delete(order, position)]))

    def led_by(self, first: MatchRanking) -> MatchRanking:
        """`first`'s matches, then this ranking's others in their order (`first` over the same matches)."""
        if first._copies is not self._copies:
            raise ValueError("rankings of different matches")
        rest = self._order[~np.isin(self._order, first._order)]
        return MatchRanking(self._copies, np.concatenate([first._order, rest]))
