"""Who bears a cost (利息谁出, 医保谁来交, 这笔补贴谁出钱): what is paid for, in the documents' words.

The thing paid for is what the question names right before its who-pays cue (利息 in 创业担保贷款利息
谁出), with the policy terms the glossary gives for it (利息 → 贴息): the quoted sentence should name a
payer of that, not of something else the clause pays for (a loan's losses, 8：2).
"""

from __future__ import annotations

from functools import lru_cache

from knowledge.intent import payer_cue_at
from knowledge.query import load_glossary, tokenize

MIN_WORD_CHARS = 2


def paid_for(question: str) -> tuple[str, ...]:
    """The word for what is paid (利息) and its policy terms (贴息): of the words before the cue, the
    nearest the glossary knows, else the nearest; empty when there is none (谁出钱？) or the question
    asks nothing of who pays."""
    start = payer_cue_at(question)
    if start is None:
        return ()
    words = [w for w in tokenize(question[:start]) if len(w) >= MIN_WORD_CHARS]
    if not words:
        return ()
    # The nearest word the glossary knows (利息 in 利息最后由谁承担), else the nearest word.
    known = [w for w in words if w in _policy_terms()]
    said = known[-1] if known else words[-1]
    return (said, *_policy_terms().get(said, ()))


@lru_cache(maxsize=1)
def _policy_terms() -> dict[str, tuple[str, ...]]:
    terms: dict[str, tuple[str, ...]] = {}
    for entry in load_glossary().entries:
        for word in entry.say:
            terms[word] = (*terms.get(word, ()), *entry.means)
    return terms
