"""From retrieved clauses to an honest answer: verbatim quotes with exact citations, or a plain
statement that the documents do not cover the question. Nothing here generates text about
policy content; every figure a user sees is inside a quote from the cited clause."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from knowledge.citations import Citation, format_reference, make_citation
from knowledge.lexical import split_sentences
from knowledge.query import tokenize
from knowledge.registry import Registry
from knowledge.retrieve import HybridRetriever, Retrieval, ScoredClause

DISCLAIMER = "以上内容摘自政策原文，仅供参考，具体以当地人社部门的解释和办理要求为准。"
HOTLINE = "可拨打12333人社服务热线或到当地人社部门咨询。"


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    REGION_NOT_COVERED = "region_not_covered"


class AnswerResult(BaseModel):
    """The JSON contract of `policybot ask --json` and `POST /api/ask` (docs/ask-json.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str
    status: AnswerStatus
    answer: str
    region: str | None
    citations: list[Citation]
    notices: list[str] = []


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds for what counts as an answer; chosen on the dev golden set (docs/retrieval.md)."""

    min_evidence: float = 3.0
    outside_evidence: float = 30.0
    outside_max_chars: int = 60
    related_ratio: float = 0.8
    max_citations: int = 4


def _most_specific(topics: tuple[str, ...]) -> list[str]:
    """Drop topics contained in a longer matched topic (工伤 inside 工伤认定)."""
    return [t for t in topics if not any(t != other and t in other for other in topics)]


class Answerer:
    def __init__(self, retriever: HybridRetriever, policy: AnswerPolicy | None = None) -> None:
        self.retriever = retriever
        self.registry: Registry = retriever.registry
        self.policy = policy or AnswerPolicy()

    def answer(self, question: str | bytes, region: str | None = None, as_of: date | None = None) -> AnswerResult:
        retrieval = self.retriever.retrieve(question, region)
        return self.compose(retrieval, as_of or date.today())

    def status_of(self, retrieval: Retrieval) -> AnswerStatus:
        region = retrieval.analysis.region
        if region.names_a_place and not retrieval.scope:
            return AnswerStatus.REGION_NOT_COVERED
        top = retrieval.in_scope[0] if retrieval.in_scope else None
        if top is None or top.evidence < self.policy.min_evidence:
            return AnswerStatus.NO_ANSWER
        # A topic we know is out of scope (养老金, 工伤认定 …) that the clause does not mention means a
        # near miss, unless the question matches the clause strongly, or it is a long self-description
        # that mentions 孩子上学 in passing while asking a policy question.
        outside = _most_specific(retrieval.analysis.outside_topics)
        is_short = len(retrieval.analysis.question) <= self.policy.outside_max_chars
        if outside and is_short and top.evidence < self.policy.outside_evidence:
            if not all(topic in top.clause.text for topic in outside):
                return AnswerStatus.NO_ANSWER
        return AnswerStatus.ANSWERED

    def selected(self, retrieval: Retrieval) -> list[ScoredClause]:
        """The best clause, plus close runners-up (other regions' versions of the same measure)."""
        candidates = retrieval.in_scope
        if not candidates:
            return []
        top = candidates[0]
        chosen = [top]
        for item in candidates[1:]:
            if len(chosen) >= self.policy.max_citations:
                break
            if item.score >= self.policy.related_ratio * top.score and item.evidence >= self.policy.min_evidence:
                chosen.append(item)
        return chosen

    def compose(self, retrieval: Retrieval, as_of: date) -> AnswerResult:
        analysis = retrieval.analysis
        status = self.status_of(retrieval)
        region = analysis.region
        resolved = region.jurisdiction if region.covered else None
        if status == AnswerStatus.REGION_NOT_COVERED:
            text = self._region_not_covered_text(region.place or region.query)
            return AnswerResult(question=analysis.question, status=status, answer=text, region=None, citations=[])
        if status == AnswerStatus.NO_ANSWER:
            return AnswerResult(
                question=analysis.question,
                status=status,
                answer=self._no_answer_text(retrieval),
                region=resolved,
                citations=[],
            )
        tokens = self.retriever.query_tokens(analysis)
        citations: list[Citation] = []
        for item in self.selected(retrieval):
            document = self.registry.document_of(item.clause)
            quote = self.best_quote(item, tokens)
            citations.append(make_citation(item.clause, document, quote, item.score))
        notices = self._notices(citations, as_of)
        if region.names_a_place and not region.covered and region.candidates:
            notices.insert(
                0,
                f"暂未收录{region.place}本级的政策文件，以下为其下辖{'、'.join(region.candidates)}的政策。",
            )
        text = self._answer_text(citations, notices, group=not region.covered)
        return AnswerResult(
            question=analysis.question,
            status=status,
            answer=text,
            region=resolved,
            citations=citations,
            notices=notices,
        )

    def best_quote(self, item: ScoredClause, tokens: list[str]) -> str:
        """The sentence (or two adjacent sentences) of the clause that best matches the question."""
        sentences = split_sentences(item.clause.body) or [item.clause.body]
        wanted = set(tokens)
        idf = self.retriever.lexical.idf

        def weight(sentence: str) -> float:
            return sum(idf(t) for t in set(tokenize(sentence)) if t in wanted)

        scores = [weight(s) for s in sentences]
        best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
        quote = sentences[best]
        follow = best + 1
        if follow < len(sentences) and (len(quote) < 30 or scores[follow] >= 0.6 * scores[best] > 0):
            quote += sentences[follow]
        return quote.strip()

    def _notices(self, citations: list[Citation], as_of: date) -> list[str]:
        notices: list[str] = []
        for citation in citations:
            document = self.registry.documents[citation.clause_id.rsplit("-", 1)[0]]
            if document.is_draft:
                notice = f"《{document.title}》是征求意见稿（草案），并非正式施行的文件，请以正式文件为准。"
                if notice not in notices:
                    notices.append(notice)
            for measure in document.measures_for(citation.clause_number):
                if measure.has_expired(as_of) and measure.text in citation.quote:
                    notices.append(
                        f"{document.jurisdiction}{citation.clause_label}中“{measure.text}”的措施有时限，"
                        f"截至{measure.valid_to}，现已可能到期。"
                    )
        return notices

    def _answer_text(self, citations: list[Citation], notices: list[str], group: bool) -> str:
        lines = ["根据收录的政策原文，找到以下相关条款："]
        jurisdictions = list(dict.fromkeys(c.jurisdiction for c in citations))
        number = 0
        for jurisdiction in jurisdictions:
            if group and len(jurisdictions) > 1:
                lines.append(f"\n【{jurisdiction}】")
            for citation in (c for c in citations if c.jurisdiction == jurisdiction):
                number += 1
                document = self.registry.documents[citation.clause_id.rsplit("-", 1)[0]]
                lines.append(f"{number}. {format_reference(citation, document.document_number)}：")
                lines.append(f"   “{citation.quote}”")
        if notices:
            lines.append("")
            lines.extend(f"⚠️ {notice}" for notice in notices)
        lines.append("")
        lines.append(DISCLAIMER)
        return "\n".join(lines)

    def covered_list(self) -> str:
        return "、".join(
            f"{doc.jurisdiction}（{doc.signed.year}年{'，征求意见稿' if doc.is_draft else ''}）"
            for doc in self.registry.documents.values()
        )

    def _region_not_covered_text(self, place: str) -> str:
        return (
            f"抱歉，目前还没有收录{place}的就业创业政策文件，无法回答该地区的问题。\n"
            f"目前收录的地区：{self.covered_list()}。\n{HOTLINE}"
        )

    def _no_answer_text(self, retrieval: Retrieval) -> str:
        scope = "、".join(retrieval.scope) if retrieval.scope else "已收录地区"
        return (
            f"抱歉，在收录的{scope}政策文件中没有找到能直接回答这个问题的条款，我不想用不相关的内容误导您。\n"
            f"目前收录的地区：{self.covered_list()}。\n{HOTLINE}"
        )
