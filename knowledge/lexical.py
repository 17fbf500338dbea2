"""BM25 over jieba tokens at two grains: whole clauses and single sentences.

A clause often covers several measures; the sentence grain lets one precise sentence (求职创业补贴 …)
outrank a clause that merely repeats common words, while the clause grain keeps the context.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

import bm25s
import numpy as np

from knowledge.clauses import Clause
from knowledge.query import tokenize

logging.getLogger("bm25s").setLevel(logging.WARNING)

_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_NOT_WORD_CHAR = re.compile(r"[^\u3400-\u9fff0-9A-Za-z]")


def char_bigrams(text: str) -> list[str]:
    """Overlapping character pairs: a segmentation-free signal for words jieba splits badly."""
    compact = _NOT_WORD_CHAR.sub("", text)
    return [compact[i : i + 2] for i in range(len(compact) - 1)]


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


Tokenizer = Callable[[str], list[str]]


def clause_tokens(
    clause: Clause, heading_repeat: int = 2, with_section: bool = True, tokenizer: Tokenizer = tokenize
) -> list[str]:
    heading = tokenizer(clause.heading)
    section = tokenizer(clause.section_heading or "") if with_section else []
    return heading * heading_repeat + section + tokenizer(clause.body)


class LexicalIndex:
    """Two BM25 indexes over the same clauses, with scores normalized per query."""

    def __init__(
        self,
        clauses: Sequence[Clause],
        k1: float = 1.2,
        b: float = 0.75,
        heading_repeat: int = 2,
        with_section: bool = True,
        tokenizer: Tokenizer = tokenize,
    ) -> None:
        """`tokenizer`: jieba by default; a `TokenCache.tokenize` reuses tokens saved at ingest."""
        self.clauses = list(clauses)
        corpus = [clause_tokens(c, heading_repeat, with_section, tokenizer) for c in self.clauses]
        self._clause_bm25 = bm25s.BM25(k1=k1, b=b)
        self._clause_bm25.index(corpus, show_progress=False)

        self.sentences: list[str] = []
        self._sentence_owner: list[int] = []
        sentence_corpus: list[list[str]] = []
        for position, clause in enumerate(self.clauses):
            heading = tokenizer(clause.heading)
            for sentence in split_sentences(clause.body):
                self.sentences.append(sentence)
                self._sentence_owner.append(position)
                sentence_corpus.append(heading + tokenizer(sentence))
        self._sentence_bm25 = bm25s.BM25(k1=k1, b=b)
        self._sentence_bm25.index(sentence_corpus, show_progress=False)
        self._owner = np.array(self._sentence_owner)

        df: Counter[str] = Counter()
        for tokens in corpus:
            df.update(set(tokens))
        n = len(corpus)
        self._idf = {t: math.log((n - f + 0.5) / (f + 0.5) + 1.0) for t, f in df.items()}
        self._clause_token_sets = [set(tokens) for tokens in corpus]
        self._bigram_bm25 = bm25s.BM25(k1=k1, b=b)
        self._bigram_bm25.index(
            [char_bigrams(c.heading) * heading_repeat + char_bigrams(c.body) for c in self.clauses],
            show_progress=False,
        )

    def idf(self, token: str) -> float:
        return self._idf.get(token, 0.0)

    def clause_scores(self, tokens: list[str]) -> np.ndarray:
        return np.asarray(self._clause_bm25.get_scores(tokens), dtype=float)

    def best_sentence_scores(self, tokens: list[str]) -> np.ndarray:
        """For each clause, the BM25 score of its best-matching sentence."""
        sentence_scores = np.asarray(self._sentence_bm25.get_scores(tokens), dtype=float)
        best = np.zeros(len(self.clauses))
        np.maximum.at(best, self._owner, sentence_scores)
        return best

    def raw_scores(self, tokens: list[str], sentence_weight: float) -> np.ndarray:
        """Blend of clause- and sentence-grain BM25 (unscaled)."""
        if not tokens:
            return np.zeros(len(self.clauses))
        clause = self.clause_scores(tokens)
        sentence = self.best_sentence_scores(tokens)
        return (1.0 - sentence_weight) * clause + sentence_weight * sentence

    def scores(
        self,
        tokens: list[str],
        expansions: list[str],
        sentence_weight: float,
        expansion_weight: float,
        text: str = "",
        bigram_weight: float = 0.0,
    ) -> np.ndarray:
        """The question's own words count fully, glossary expansions at `expansion_weight`, and
        character bigrams of the question text at `bigram_weight`; scaled to [0, 1] for this query."""
        combined = self.raw_scores(tokens, sentence_weight)
        extra = [t for t in expansions if t not in set(tokens)]
        if extra and expansion_weight > 0:
            combined = combined + expansion_weight * self.raw_scores(extra, sentence_weight)
        combined = _scaled(combined)
        pairs = char_bigrams(text) if bigram_weight > 0 else []
        if pairs:
            bigrams = np.asarray(self._bigram_bm25.get_scores(pairs), dtype=float)
            combined = _scaled((1.0 - bigram_weight) * combined + bigram_weight * _scaled(bigrams))
        return combined

    def evidence(self, position: int, tokens: list[str]) -> float:
        """Sum of IDF of the distinct query words that occur in this clause (a bare number such as
        "6" is no evidence of topic)."""
        present = self._clause_token_sets[position]
        return sum(self.idf(t) for t in sorted(set(tokens)) if t in present and not _is_number(t))

    def matched_tokens(self, position: int, tokens: list[str]) -> list[str]:
        present = self._clause_token_sets[position]
        return [t for t in dict.fromkeys(tokens) if t in present]


def _is_number(token: str) -> bool:
    return token.replace(".", "", 1).isdigit()


def _scaled(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values
