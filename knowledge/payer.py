"""Who bears a cost (利息谁出, 医保谁来交, 这笔补贴谁出钱): what is paid for, in the documents' words.

The thing paid for is what the question names right before its who-pays cue (利息 in 创业担保贷款利息
谁出), with the policy terms the glossary gives for it (利息 → 贴息): the quoted sentence should name a
payer of that, not of something else the clause pays for (a loan's losses, 8：2).
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.intent import payer_cue_at
from knowledge.query import is_dictionary_word, load_glossary, tokenize

MIN_WORD_CHARS = 2


def paid_for(question: str) -> tuple[str, ...]:
    """The word for what is paid (利息) and its policy terms (贴息): of the words before the cue, the
    nearest the glossary knows, else the nearest; empty when there is none (谁出钱？) or the question
    asks nothing of who pays."""
    cue = payer_cue_at(question)
    if cue is None:
        return ()
    start, end = cue
    # The phrase holding the cue names the cost first (…民政部门交医保，那养老保险是谁交 asks of 养老保险).
    opening = max(question.rfind(mark, 0, start) for mark in _PHRASE_MARKS) + 1
    own = _named(question[opening:start])
    words = own or _named(question[:start]) or _named(question[start:end])  # 我自己交社保还是单位交: inside
    if not words:
        return ()
    # The nearest word the glossary knows (利息 in 利息最后由谁承担), else the nearest dictionary word
    # (医疗保险 of 基本医疗保险费是由谁来交, not the fragment 费是), else the nearest word.
    known = [w for w in words if w in _policy_terms()]
    listed = [w for w in words if is_dictionary_word(w)]
    said = known[-1] if known else listed[-1] if listed else words[-1]
    return (said, *_policy_terms().get(said, ()))


def _named(text: str) -> list[str]:
    """The words of `text` that can name a cost: not a question word (哪儿, 谁) nor one of the payers
    a question weighs (自己, 政府, 单位)."""
    return [w for w in tokenize(text) if len(w) >= MIN_WORD_CHARS and not _QUESTION_WORD.search(w) and w not in _PAYERS]


_PHRASE_MARKS = ("，", ",", "、", "。", "？", "?", "！", "!", "；", ";", " ")
# (a sum asked, 最多能贷好多, is no cost: 好多, 最多, 最高 name how much, not what is paid)
_QUESTION_WORD = re.compile(r"哪|谁|什么|啥|怎么|多|几|最")
_PAYERS = frozenset({"自己", "个人", "本人", "单位", "企业", "公司", "老板", "政府", "国家", "财政", "这钱", "这笔"})


def preload() -> None:
    """The glossary's everyday words by what they mean, made now (a server, at start)."""
    _policy_terms()


@lru_cache(maxsize=1)
def _policy_terms() -> dict[str, tuple[str, ...]]:
    terms: dict[str, tuple[str, ...]] = {}
    for entry in load_glossary().entries:
        for word in entry.say:
            terms[word] = (*terms.get(word, ()), *entry.means)
    return terms
