"""From retrieved clauses to an honest answer: verbatim quotes with exact citations, or a plain
statement that the documents do not cover the question. Nothing here generates text about
policy content; every figure a user sees is inside a quote from the cited clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from knowledge.citations import Citation, format_reference, make_citation
from knowledge.lexical import split_sentences
from knowledge.query import mentions, tokenize
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


# A figure that answers "how much": money, a percentage or a fraction (not "1年以上", a condition).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:元|万元|万|%|倍)|\d+/\d+|[一二三四五六七八九十百千万]+元|\d+:\d+")


@dataclass(frozen=True)
class Decision:
    status: AnswerStatus
    quoted: list[tuple[ScoredClause, str]] = field(default_factory=list)
    missing: str | None = None


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
        return self.decide(retrieval).status

    def abstention(self, retrieval: Retrieval) -> AnswerStatus | None:
        """The status to abstain with before any clause is quoted, or None when the best in-scope
        clause is evidence enough to quote.

        The one place that says whether the documents cover a question at all: `decide` starts
        here, and the LangChain adapter returns no documents when this abstains."""
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
            if not all(mentions(top.clause.text, topic) for topic in outside):
                return AnswerStatus.NO_ANSWER
        return None

    def decide(self, retrieval: Retrieval) -> Decision:
        """Whether the documents answer the question, and with which quoted clauses."""
        abstained = self.abstention(retrieval)
        if abstained is not None:
            return Decision(abstained)
        tokens = self.retriever.query_tokens(retrieval.analysis)
        quoted = [(item, self.best_quote(item, tokens)) for item in self.selected(retrieval)]
        missing = self._unanswered_aspect(retrieval, quoted)
        if missing:
            # The clauses mention the measure but not what was asked (a figure, a procedure): say so
            # and show the related clause, never a made-up answer.
            return Decision(AnswerStatus.NO_ANSWER, quoted[:1], missing)
        return Decision(AnswerStatus.ANSWERED, quoted)

    def _unanswered_aspect(self, retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]]) -> str | None:
        """The aspect of the question (a figure, a procedure) that the quoted clauses leave open.

        For a figure, close runners-up whose matching sentence states one are promoted, so
        "创业补贴能拿多少" without a region shows the region that gives an amount."""
        analysis = retrieval.analysis
        if analysis.asks_amount and quoted and not any(_FIGURE.search(q) for _, q in quoted):
            tokens = self.retriever.query_tokens(analysis)
            top_score = quoted[0][0].score
            pool = [item for item, _ in quoted] + [
                s
                for s in retrieval.in_scope[: self.policy.max_citations + 2]
                if s not in [item for item, _ in quoted] and s.score >= 0.5 * top_score
            ]
            with_figures = [
                (item, self.best_quote(item, tokens, require_figure=True, own_words=analysis.tokens)) for item in pool
            ]
            with_figures = [(item, quote) for item, quote in with_figures if quote]
            if not with_figures:
                return "具体金额或标准"
            others = [(item, quote) for item, quote in quoted if item not in [i for i, _ in with_figures]]
            quoted[:] = (with_figures + others)[: self.policy.max_citations]
        for aspect in analysis.procedure_aspects:
            body = quoted[0][0].clause.body if quoted else ""
            if not any(term in body for term in aspect.evidence):
                return aspect.aspect
        return None

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
        decision = self.decide(retrieval)
        status = decision.status
        region = analysis.region
        resolved = region.jurisdiction if region.covered else None
        if status == AnswerStatus.REGION_NOT_COVERED:
            text = self._region_not_covered_text(region.place or region.query)
            return AnswerResult(question=analysis.question, status=status, answer=text, region=None, citations=[])
        citations = [
            make_citation(item.clause, self.registry.document_of(item.clause), quote, item.score)
            for item, quote in decision.quoted
        ]
        notices = self._notices(citations, as_of)
        if status == AnswerStatus.NO_ANSWER:
            if decision.missing:
                text = self._partial_text(citations, decision.missing, notices)
            else:
                text = self._no_answer_text(retrieval)
        else:
            if region.names_a_place and not region.covered and region.candidates:
                covered = "、".join(region.candidates)
                notices.insert(0, f"暂未收录{region.place}本级的政策文件，以下为其下辖{covered}的政策。")
            text = self._answer_text(citations, notices, group=not region.covered)
        return AnswerResult(
            question=analysis.question,
            status=status,
            answer=text,
            region=resolved,
            citations=citations,
            notices=notices,
        )

    def best_quote(
        self,
        item: ScoredClause,
        tokens: list[str],
        require_figure: bool = False,
        own_words: tuple[str, ...] = (),
    ) -> str:
        """The sentence (or two adjacent sentences) of the clause that best matches the question.

        With `require_figure`, only a sentence that states a figure *about the same thing* qualifies:
        it must share at least half of the specific terms (3+ characters, from the question's own
        words) that the best sentence matched. Returns "" when there is none, so 20万元园区建设补贴
        is never offered as the amount of 创业补贴."""
        sentences = split_sentences(item.clause.body) or [item.clause.body]
        wanted = set(tokens)
        idf = self.retriever.lexical.idf
        token_sets = [set(tokenize(s)) for s in sentences]
        scores = [sum(idf(t) for t in words if t in wanted) for words in token_sets]
        best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
        if require_figure:
            focus = {t for t in token_sets[best] & set(own_words or tokens) if len(t) >= 3}
            needed = max(1, (len(focus) + 1) // 2) if focus else 0
            allowed = [
                i
                for i in range(len(sentences))
                if _FIGURE.search(sentences[i]) and scores[i] > 0 and len(focus & token_sets[i]) >= needed
            ]
            if not allowed:
                return ""
            best = max(allowed, key=lambda i: (scores[i], -i))
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

    def _partial_text(self, citations: list[Citation], missing: str | None, notices: list[str]) -> str:
        lines = [f"收录的政策文件提到了相关内容，但没有写明您问的{missing}，我不能替文件编造。相关条款如下："]
        for number, citation in enumerate(citations, start=1):
            document = self.registry.documents[citation.clause_id.rsplit("-", 1)[0]]
            lines.append(f"{number}. {format_reference(citation, document.document_number)}：")
            lines.append(f"   “{citation.quote}”")
        lines.extend(["", *(f"⚠️ {notice}" for notice in notices)] if notices else [])
        lines.append("")
        lines.append(f"具体{missing}请以当地人社部门的规定为准，{HOTLINE}")
        return "\n".join(lines)

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
