"""What the question asks to be granted, and whether a measure grants it (issue 10: abstain by coverage).

A question that names the thing it wants by what it is for (养老补贴, 卫生许可证, 医保报销) is answered only
by a measure that grants that kind of thing for that purpose: a payment by one that pays (its name, span
or figures say money), a licence or a reimbursement by one whose own words give it. When no measure of
the places asked does, the documents do not cover the question, however many of its other words a
measure shares (养老 in 按灵活就业人员身份参加养老保险 grants the right to join the pension insurance, not a
payment for old age).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.definitions import names_people
from knowledge.intent import asked_phrases, without_cues
from knowledge.measure_match import PAYER_WORDS, PAYMENT_WORDS, is_concept_word
from knowledge.measures import Measure, MeasureKind
from knowledge.query import function_words, glossary_meanings, jieba_words, thing_words, verbs

# Kinds of thing granted, each by the words that name it; a measure grants the kind when its own words
# hold one of them. A payment is also granted by a measure that pays by kind or states a sum of money.
_PAYMENT = frozenset(PAYMENT_WORDS - {"资金"})  # 资金 names a fund, not what a person is paid
_EXEMPTION = frozenset(("减免", "免除", "免征", "免缴", "免费", "减征", "减负"))  # 学费减免
# A person's pay for their work, asked of people (老师工资, 教师待遇 — not 最低工资, 失业保险待遇): the policies
# pay subsidies, never anyone's wage; only a measure whose own name says it is about a wage grants one
# (暂缓缴存农民工工资保证金 — 工资 in its span elsewhere is another's: 偿还拖欠的职工工资).
_PAY = frozenset(("工资", "薪资", "薪水", "薪酬", "待遇"))
_KINDS: tuple[frozenset[str], ...] = (
    _PAY,
    _PAYMENT,
    frozenset(("贷款", "贴息")),
    frozenset(("许可证", "许可")),
    frozenset(("执照", "登记")),  # a business licence is got by registering (经营场所登记)
    frozenset(("报销",)),
    _EXEMPTION,
)
# Kinds of measure that grant a kind of thing whatever words their spans use (降税减负 is a relief).
_GRANTING: dict[frozenset[str], frozenset[MeasureKind]] = {
    _PAYMENT: frozenset((MeasureKind.SUBSIDY, MeasureKind.ALLOWANCE)),
    _EXEMPTION: frozenset((MeasureKind.TAX,)),
}
# Words that show a measure grants the kind but name no thing asked for (稳岗减负政策 asks for policies).
_SHOWN_ONLY = frozenset(("登记", "减负", "许可"))
_MONEY = re.compile(r"\d[\d.,]*(?:万|亿)?元")
# A measure granting other measures by reference (同等享受企业吸纳就业扶持政策): it may pay what they pay.
_BY_REFERENCE = re.compile(r"享受[^，。；]*政策")


@dataclass(frozen=True)
class AskedGrant:
    """A thing the question asks for, as it wrote it: what it is for (养老) and what it is (补贴) — and the
    word that narrows what it is for, written right before it (养老 of 养老服务补贴: the service asked is care
    for the old, not any 服务)."""

    purpose: str
    head: str
    qualifier: str | None = None

    @property
    def kind(self) -> frozenset[str]:
        return next(kind for kind in _KINDS if self.head in kind)

    @property
    def purposes(self) -> tuple[str, ...]:
        """The purpose in the question's word and in the glossary's readings of it (社保 → 社会保险)."""
        return (self.purpose, *glossary_meanings(self.purpose))

    @property
    def qualifiers(self) -> tuple[str, ...]:
        """The qualifier in the question's word and in the glossary's readings of it; none when none is written."""
        return (self.qualifier, *glossary_meanings(self.qualifier)) if self.qualifier else ()


def asked_grants(question: str, tokens: Iterable[str], places: Iterable[str] = ()) -> tuple[AskedGrant, ...]:
    """The things asked for by a purpose written right before them, or with 的 between (养老补贴, 卫生许可证,
    老师的工资): a bare 补贴
    (有没有补贴), one of a payer (政府补贴) or a place (巴中补贴), or one after a function word or a verb
    (还有补助吗, 拿了一笔补偿) names no purpose."""
    heads = _heads()
    skipped, placed = _skipped(), set(places)
    words = [
        t
        for t in dict.fromkeys(tokens)
        if is_concept_word(t) and t not in skipped and t not in placed and not any(t.endswith(h) for h in heads)
    ]
    found: list[AskedGrant] = []
    for head in heads:
        for purpose in words:
            if f"{purpose}{head}" not in question and f"{purpose}的{head}" not in question:
                continue
            if head in _PAY and not names_people(purpose):
                continue  # 教师待遇 is a person's pay; 失业保险待遇, 最低工资 are no one's
            qualifier = _qualifier(jieba_words(question), purpose, head, words) if head in _PAYMENT else None
            grant = AskedGrant(purpose, head, qualifier)
            if grant not in found:
                found.append(grant)
    return tuple(found)


def _qualifier(cut: list[str], purpose: str, head: str, words: list[str]) -> str | None:
    """The concept word written right before the purpose of a payment, each a whole word of the question
    (养老 of 养老服务补贴): what narrows it. Not a word asking (能领) nor one naming people (毕业生创业补贴
    asks a measure for them: whom a measure is for is checked apart)."""
    for at in range(1, len(cut) - 1):
        if cut[at] != purpose or head not in (cut[at + 1], "".join(cut[at + 1 : at + 3]).removeprefix("的")):
            continue
        before = cut[at - 1]
        # (能领 of 能领初创补贴不 is how it is asked, 给一笔 of 给一笔建设补贴 how it is paid: neither names what for)
        if before in words and before in thing_words() and not names_people(before) and without_cues(before) == before:
            return before
    return None


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The words that name a kind of thing granted, as a question asks for it."""
    return tuple(sorted({word for kind in _KINDS for word in kind} - _SHOWN_ONLY))


@lru_cache(maxsize=1)
def _skipped() -> frozenset[str]:
    """Words that name no purpose, whatever the question: payers, the heads, function words and verbs (made once:
    jieba's verbs are tens of thousands, and the union made per question was most of the function's time)."""
    return frozenset(PAYER_WORDS | set(_heads()) | function_words() | verbs())


def grants_kind(measure: Measure, grant: AskedGrant) -> bool:
    """Whether the measure grants the kind of thing asked (a payment, a loan, a licence …)."""
    names = (measure.name, *measure.aliases)
    words = (*names, measure.span) if grant.kind is not _PAY else names
    if any(head in text for head in grant.kind for text in words):
        return True
    if measure.kind in _GRANTING.get(grant.kind, frozenset()):
        return True
    if grant.kind is _PAYMENT:
        return any(_MONEY.search(a.text) for a in measure.amounts) or bool(_BY_REFERENCE.search(measure.span))
    return False


def grants_kind_to(measure: Measure, grant: AskedGrant) -> bool:
    """Whether the measure grants the kind of thing asked to the people asked: a thing asked for people
    (老师工资, 残疾人补贴) is granted only by a measure that names them (or the terms the glossary reads
    them as); 农民工工资拖欠 is no teacher's pay."""
    return (
        grants_kind(measure, grant)
        and (not names_people(grant.purpose) or grants(measure, grant))
        and _says_qualifier(measure, grant)
    )


def grants(measure: Measure, grant: AskedGrant) -> bool:
    """Whether the measure grants the thing asked: that kind of thing, for that purpose (narrowed as asked)."""
    text = _text(measure)
    return (
        grants_kind(measure, grant)
        and any(purpose in text for purpose in grant.purposes)
        and _says_qualifier(measure, grant)
    )


def _says_qualifier(measure: Measure, grant: AskedGrant) -> bool:
    """A measure that shares only the generic tail of a narrowed purpose (服务 of 养老服务补贴, in 一次性就业服务
    补贴) does not grant it: the word narrowing it must be the measure's own too."""
    text = _text(measure)
    return not grant.qualifier or any(word in text for word in grant.qualifiers)


def _text(measure: Measure) -> str:
    return "".join((measure.name, *measure.aliases, measure.span))


def asked_thing_words(question: str, tokens: Iterable[str], grant: AskedGrant) -> tuple[str, ...] | None:
    """The words of the phrase that asks for the grant (每个月有生活补贴不 of 应届大学生留资阳工作 每个月有生活补贴不):
    what the question asks for, apart from the story told around it — without the head, the payers and the
    words that only ask. None when no asking phrase holds the grant (it is told, or the question asks no phrase), when
    it is no payment (a 个体执照 is the one business licence, whatever it is called), or when what is written before the
    head names no thing (人能 of 一个人能奖补多少, 省里 of 省里补助) or what it is counted by (按人头奖补)."""
    if grant.kind is not _PAYMENT or grant.purpose not in thing_words() or f"按{grant.purpose}" in question:
        return None
    holding = [
        phrase
        for phrase in asked_phrases(question, strict=True)
        if f"{grant.purpose}{grant.head}" in phrase or f"{grant.purpose}的{grant.head}" in phrase
    ]
    if not holding:
        return None
    skipped = _skipped()
    return tuple(
        t
        for t in dict.fromkeys(tokens)
        if is_concept_word(t) and t not in skipped and without_cues(t) == t and any(t in p for p in holding)
    )


def shares_asked_thing(measure: Measure, words: Iterable[str]) -> bool:
    """Whether the measure writes a word of what is asked for, or a glossary reading of one (考证 → its
    certificate): a measure found by the story alone (大学生 of 应届大学生留资阳工作) gives nothing asked."""
    text = _text(measure)
    return any(reading in text for word in words for reading in (word, *glossary_meanings(word)))
