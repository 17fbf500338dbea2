"""The new-documents bench judges "right clause" by a row's anchor when it has one: a writer's own numbering of a
document's parts need not be the parser's, and the anchor (a verbatim phrase of the answering sentence) is not."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_new_documents.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_new_documents", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_anchor_is_found_across_the_line_breaks_and_spaces_of_a_clause() -> None:
    holds = _bench()._holds
    clause = "（三）一次性创业补贴。首次创办小微企业的，\n给予 一次性 8000元补贴。"
    assert holds(clause, "给予一次性8000元补贴")
    assert holds(clause, "首次创办小微企业的，给予")


def test_an_anchor_of_another_sentence_is_not_found() -> None:
    holds = _bench()._holds
    assert not holds("（四）求职补贴。每人1000元。", "给予一次性8000元补贴")


def test_the_unread_set_is_the_newest_registered_one() -> None:
    """Rows of the set registered unread this session are held back; a lead who registers a newer set and forgets
    to move UNREAD_SET would print the new unread questions to everyone who runs the bench."""
    bench = _bench()
    newest = max(bench.STEPS, key=int)
    assert newest == bench.UNREAD_SET
    assert (bench.DATA / f"documents{newest}" / "asked.yaml").is_file()
