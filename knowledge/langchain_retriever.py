"""The clause retriever behind langchain's `BaseRetriever`, so it composes with langchain chains.

Only clauses of the searched jurisdictions are returned: a question about 长春 must never be
answered from another province's document, whatever a downstream chain does with the list.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from knowledge.retrieve import HybridRetriever, ScoredClause


class PolicyClauseRetriever(BaseRetriever):
    """Best-first policy clauses as `Document`s: clause text as content, citation fields as metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = Field(default=4, ge=1)
    region: str | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        retrieval = self.retriever.retrieve(query, self.region)
        return [self._document(item) for item in retrieval.in_scope[: self.k]]

    def _document(self, item: ScoredClause) -> Document:
        clause = item.clause
        source = self.retriever.registry.document_of(clause)
        return Document(
            id=clause.id,
            page_content=clause.text,
            metadata={
                "clause_id": clause.id,
                "document_id": clause.document_id,
                "clause_number": clause.clause_number,
                "clause_label": clause.label,
                "heading": clause.heading,
                "jurisdiction": source.jurisdiction,
                "document_title": source.title,
                "issuer": source.issuer,
                "date": source.signed.isoformat(),
                "document_status": source.status.value,
                "score": item.score,
            },
        )
