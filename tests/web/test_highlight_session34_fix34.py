"""Session 34 (task fix34): the staff pages show a 繁体 clause as its file writes it and mark what answers quoted —
quotes are stored as the file writes them (繁体), answers logged before that kept the simplified form."""

from __future__ import annotations

import pytest

from bot.web.templating import highlight
from tests.traditional_document import yichang_fanti


@pytest.mark.parametrize("quote", ["給予一次性創業補貼5000元", "给予一次性创业补贴5000元"])
def test_a_traditional_clause_is_shown_as_written_with_the_quote_marked_in_either_form(quote: str) -> None:
    _, parsed = yichang_fanti()
    clause = parsed.clauses[0]
    assert clause.source_text is not None
    parts = highlight(clause.source_text, [quote], clause.text)
    assert "".join(part for part, _ in parts) == clause.source_text
    assert [part for part, marked in parts if marked] == ["給予一次性創業補貼5000元"]
