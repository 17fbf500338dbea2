"""The clause retriever behind langchain's `BaseRetriever`, so it composes with langchain chains.

Only clauses of the searched jurisdictions are returned: a question about 长春 must never be
answered from another province's document, whatever a downstream chain does with the list. A
question the product would not answer from the documents gets no documents at all, so a chain
cannot quote a clause that the product itself would refuse to cite.
"""

from __future__ import annotations

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from pydantic import ConfigDict, Field

from knowledge.answer import Answerer, AnswerPolicy
from knowledge.retrieve import HybridRetriever, ScoredClause


class PolicyClauseRetriever(BaseRetriever):
    """Best-first policy clauses as `Document`s: clause text as content, citation fields as metadata.

    `k` and `region` are defaults that `invoke(question, k=1, region="巴中")` overrides for one call;
    the region is resolved as the product resolves it (a covered city, or the covered cities of a
    province; an uncovered place gives no documents). No documents come back for an empty question
    or one the product abstains on before quoting (`Answerer.abstention`: an uncovered place, too
    little evidence, a known out-of-scope topic); otherwise the first `k` clauses of the searched
    jurisdictions, best first. Input the product rejects otherwise (binary, over 1000 characters,
    no words) raises `QueryError` with its user-facing Chinese message.

    Two scores in the metadata:
    - `evidence` is absolute: the summed IDF of the distinct question words (glossary expansions
      included) that the clause contains. It does not depend on the other clauses' scores for the
      question, so it compares across questions and a chain can threshold on it; the product abstains
      when the best clause has less than `AnswerPolicy.min_evidence` (3.0). It moves only when the
      indexed documents change (IDF).
    - `score` is relative: the fused ranking score scaled per question so that the best clause is 1.0.
      It orders the list; it is no measure of relevance across questions.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = Field(default=4, ge=1)
    region: str | None = None
    policy: AnswerPolicy = Field(default_factory=AnswerPolicy)
    answerer: Answerer | None = Field(
        default=None,
        description="the product's answerer (KnowledgeBase.answerer): with it, documents come back exactly "
        "when the product cites a clause, the cited clauses first; without it, by clause evidence alone",
    )

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        k: int | None = None,
        region: str | None = None,
    ) -> list[Document]:
        return self._search(query, k, region)

    async def _aget_relevant_documents(
        self,
        query: str,
        *,
        run_manager: AsyncCallbackManagerForRetrieverRun,
        k: int | None = None,
        region: str | None = None,
    ) -> list[Document]:
        return await run_in_executor(None, self._search, query, k, region)

    def _search(self, query: str, k: int | None, region: str | None) -> list[Document]:
        limit = self.k if k is None else k
        if limit < 1:
            raise ValueError(f"k must be at least 1, got {limit}")
        if not query.strip():
            return []
        retrieval = self.retriever.retrieve(query, self.region if region is None else region)
        if self.answerer is None:
            if Answerer(self.retriever, self.policy).abstention(retrieval) is not None:
                return []
            return [self._document(item) for item in retrieval.in_scope[:limit]]
        # The clauses the product quotes (the asked measures' own), then the rest of the searched
        # jurisdictions best first; none when the product quotes nothing.
        decision = self.answerer.decide(retrieval)
        in_scope = {item.clause.id: item for item in retrieval.in_scope}
        cited = [item.clause.id for item, _ in decision.quoted if item.clause.id in in_scope]
        if not cited:
            return []
        order = [*dict.fromkeys(cited), *(c for c in in_scope if c not in cited)]
        return [self._document(in_scope[clause_id]) for clause_id in order[:limit]]

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
                "evidence": item.evidence,
            },
        )
