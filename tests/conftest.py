"""Shared fixtures: one real knowledge base (real Chroma directory) per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.kb import KnowledgeBase
from knowledge.registry import Registry, load_registry

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("policybot-data")


@pytest.fixture(scope="session")
def kb(kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase.open(kb_dir)
