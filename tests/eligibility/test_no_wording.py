"""Eligibility words nothing: results are codes and data, `bot/present` words them. The only
Chinese left in eligibility's Python is in docstrings and comments; everything a person reads is
built in `bot/present` or read from data files (facts.yaml, the rule files)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import eligibility

PACKAGE = Path(eligibility.__file__).parent
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def chinese_strings(path: Path) -> list[str]:
    """String literals (f-string parts included) with Chinese characters, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CHINESE.search(node.value)
    ]


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_eligibility_builds_no_chinese_text_in_python(path: Path) -> None:
    assert chinese_strings(path) == []


def test_the_check_finds_chinese_in_code_but_not_in_docstrings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""说明。"""\n\n\ndef f(x: str) -> str:\n    """说明。"""\n    return f"需{x}"\n', encoding="utf-8"
    )
    assert chinese_strings(sample) == ["sample.py:6: '需'"]
