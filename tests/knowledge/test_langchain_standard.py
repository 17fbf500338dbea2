"""LangChain's own standard tests for retrievers (langchain-tests' `RetrieversIntegrationTests`),
run against the real adapter over the real index of this test session: `k` at construction and
at invoke time, a list of `Document`s back, and `ainvoke`."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from knowledge.kb import KnowledgeBase
from knowledge.langchain_retriever import PolicyClauseRetriever
from knowledge.retrieve import HybridRetriever


class TestPolicyClauseRetrieverStandard(RetrieversIntegrationTests):
    _retriever: HybridRetriever

    @pytest.fixture(autouse=True)
    def _index(self, kb: KnowledgeBase) -> None:
        """The suite builds retrievers from properties, not fixtures: hand it the session's index."""
        self._retriever = kb.retriever

    @property
    def retriever_constructor(self) -> type[PolicyClauseRetriever]:
        return PolicyClauseRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"retriever": self._retriever}

    @property
    def retriever_query_example(self) -> str:
        return "高校毕业生求职创业补贴怎么申请"
