"""Which measures a question is about (issue 10): the clause ranking of the retriever narrowed to the
measure units inside the clauses, so an amount is only ever taken from the measure that was asked.

A measure matches by its name or an alias written in the question (初创企业补贴, 创业贷款), by the
question's own words found in its span (weighted by IDF, each word once), by its target groups, and
by the rank of its clause. Glossary expansions count at a fraction of the user's own words. Ties
break on the measure id, so the order never depends on hashing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from knowledge.granted_figures import without_base
from knowledge.intent import (
    AskedIntent,
    asked_phrases,
    is_told,
    phrases_of,
    without_figure_cues,
    without_workplace,
)
from knowledge.match_ranking import MatchRanking, RankedCopies, among
from knowledge.measures import (
    Amount,
    AmountKind,
    Beneficiary,
    Measure,
    MeasureCatalog,
    MeasureHeading,
    MeasureKind,
    MeasuresInMemory,
    copy_at,
)
from knowledge.numerals import chinese_to_number
from knowledge.query import (
    glossary_meanings,
    group_meanings,
    jieba_words,
    load_glossary,
    thing_words,
    tokenize,
    verbs,
)
from knowledge.retrieve import Retrieval

Tokenizer = Callable[[str], list[str]]
Idf = Callable[[str], float]

# Words that show the asker is (or speaks for) an employer or a service provider; 企 holds 企业 and its
# short forms (国企, 民企, 私企, 外企, 央企).
_EMPLOYER_WORDS = ("企", "单位", "公司", "招用", "招聘", "吸纳", "雇", "老板", "机构", "用人", "招人")
# Words of one who hires and pays staff (招人, 雇了3个, 给员工交社保).
_HIRING_WORDS = ("招人", "招了", "招用", "招聘", "雇", "员工", "吸纳")
# 招 (录用, 聘用, 请了) with the people hired after it (招离校一年内大学生, 录用了几名大学生, 请了5个贫困户): not 招商,
# 招标, 招生, 招牌 ….
_HIRES = re.compile(
    r"(?:招|录用|聘用|聘请|雇用|雇佣|请了)(?:收|录|进|了|个|两|几|一|些)?(?:[^，,。？?\s]{0,8})"
    r"(?:大学生|毕业生|人员|工人|贫困|残疾|失业|退役|农民工|人)"
    r"|(?:招|雇|录用|聘)(?:我|俺|咱)"
)
_NOT_HIRING = re.compile(r"招(?:商|标|生|牌|呼|待|手|式|数|募|考)")
# Being hired, told in the passive (被单位录用, 被一家企业聘用了, 被招进厂): the asker is the one hired.
# Borrowing asked as people ask it (能贷款吗, 能贷多少, 缺钱能借点不): not 借鉴, 借口 or 借助; a loan's interest
# (退役的有贴息不, 利息谁出) is asked of a loan.
_BORROWING = re.compile(r"贷|借(?![鉴口助])|贴息|利息|利率")
# What a payment other than a loan is called (…补贴, …补助, 失业金, 奖补): a question naming one asks more than a loan.
_OTHER_PAYMENT = re.compile(r"补贴|补助|津贴|奖励|奖补|补偿|资助|[^贷]金")
# A measure whose name says it lends (创业担保贷款（个人）, 扶贫再贷款…).
_LOAN_NAME = "贷款"
_HIRED_PASSIVE = re.compile(r"被[^，,。；;？?\s]{0,8}?(?:录用|聘用|聘请|雇用|雇佣|招用|招聘|招录|招|聘|雇)")


def _without_being_hired(text: str) -> str:
    return _HIRED_PASSIVE.sub("", text)


@lru_cache(maxsize=256)
def asks_to_borrow(text: str) -> bool:
    """A phrase of the question asks to borrow (想回村里搞个农家乐 能不能贷款: 能不能贷款) and the question names
    no other payment: what it asks for is a loan, whatever the story told around it (返乡, 农家乐) reaches."""
    if _OTHER_PAYMENT.search(text):
        return False
    return any(_BORROWING.search(phrase) for phrase in asked_phrases(text))


def speaks_of_hiring(text: str) -> bool:
    """The asker hires or pays staff (招了两个大学生, 雇人, 给员工交社保) — not 招商, 招生, nor being hired
    (被公司录用的大学生). Asked of one question by every candidate measure's tests: kept for the last texts."""
    text = _without_being_hired(text)
    return any(word in text for word in _HIRING_WORDS) or (
        _HIRES.search(text) is not None and not _NOT_HIRING.search(text)
    )


@lru_cache(maxsize=256)
def speaks_for_an_employer(text: str) -> bool:
    """The asker hires, or speaks as (or of) an employer or a provider (我们公司, 单位, 老板) — not as
    the one an employer hired (被单位录用), nor of the firm they work or worked at (从私企辞职了). Kept for the
    last texts, as `speaks_of_hiring`."""
    said = without_workplace(_without_being_hired(text))  # 从私企辞职: the person's workplace, no employer
    return speaks_of_hiring(text) or any(word in said for word in _EMPLOYER_WORDS)


def names_the_hired(measure: Measure, words: Iterable[str]) -> bool:
    """Some of the words (of two characters or more) are said in a measure's span after its hiring word:
    the question names whom the measure pays for hiring (贫困, 就业 of 吸纳贫困家庭劳动力就业)."""
    return any(len(w) >= 2 and _named_as_hired(w, measure.span) for w in words)


def pays_for_hiring(measure: Measure) -> bool:
    """An employer's measure rewarding the hiring of people (…吸纳贫困家庭劳动力就业…给予一次性奖补)."""
    return measure.beneficiary is Beneficiary.EMPLOYER and any(w in measure.span for w in _HIRING_WORDS)


@dataclass(frozen=True)
class MatchWeights:
    """How the signals add up; chosen on the dev sets only (never on a held-out set)."""

    clause: float = 0.6
    own_words: float = 0.6
    expansions: float = 0.15
    name: float = 0.8
    name_in_parts: float = 0.3
    target: float = 0.1
    payable_amount: float = 0.3
    other_beneficiary: float = 0.1
    # A person's measure asked by one who hires (开厂招人): the asker speaks as the employer.
    not_the_hirers: float = 0.3
    candidate_clauses: int = 8


@dataclass(frozen=True)
class MeasureMatch:
    measure: Measure
    score: float
    named: str | None
    own_overlap: float
    clause_score: float

    units: tuple[str, ...] = ()
    # The share of the glossary's expansions the measure holds, less those that only name a payment
    # (奖励 → 补贴): what relevance reads (the score counts every expansion).
    expansion_overlap: float = 0.0

    focus: tuple[str, ...] = ()
    # Words of the question the person tells as already had (失业保险金领到期了, 补贴领完了): their
    # situation, not what they ask for.
    had: tuple[str, ...] = ()
    # Shared by the matches of one question whose measures score alike (one profile: the same name,
    # names, span words, targets and figures): what only those decide is worked out once for all
    # copies (at every city's scale a named measure has ≈ 700).
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    # A name of three words or more that the question says in order within one phrase, a few
    # characters apart (大学生自主创业有补贴吗 → 大学生创业补贴): named as people say it.
    named_apart: str | None = None
    # Headcounts the question tells (现在有120个工人): they pick the tier a headcount threshold sets.
    headcounts: tuple[int, ...] = ()
    # Skill grades the question names (技师证 → 2): tiers set by grade that state none of them answer nothing.
    grades: frozenset[int] = frozenset()
    # Shares the question tells, in percent (十个见习的留下来六个 → 60; 留下了一多半 → 60): they pick the tier
    # a share threshold sets (留用见习期满人员比例达到50%及以上的，补贴标准提高到…110%).
    shares: tuple[float, ...] = ()
    # The score less its clause's part (how the clause ranked in the search, which glossary expansions
    # and the clause's other measures move): what the question says of this measure itself.
    said: float = 0.0
    # The question as read (normalized): what it tells of a tier's own condition (留下来的多 of 留用).
    question: str = ""

    @cached_property
    def payable_amounts(self) -> tuple[str, ...]:
        """The figures of this measure that answer the question: never a threshold; for a money
        question no duration, for a duration question only durations. Of tiers, the ones the
        question names (中级证 → 取得中级（四级）证书的补贴标准为1500元), when it names some; each
        kind of figure asked is chosen on its own (补几成、补几年 keeps the share and the period)."""
        found = self.shared.get("payable_amounts")
        if found is None:
            found = self.shared["payable_amounts"] = self._payable_amounts()
        return found

    def _payable_amounts(self) -> tuple[str, ...]:
        found = self._payable_by_kind()
        if "money" in self.units and found and not any(_DIGITS.search(text) for text in found):
            # 一次性临时生活补助能给多少: a sum set by a standard (按当地最低生活保障标准) for a period (不超过6个月)
            # is told by both; the standard alone names no sum.
            periods = {a.text for a in self.measure.amounts if answers_unit(a, "duration")}
            return tuple(a.text for a in self.measure.amounts if a.text in found or a.text in periods)
        return found

    @cached_property
    def raised_tiers(self) -> tuple[str, ...]:
        """The figures raised for those who meet a condition of their own (对留用…比例达到50%及以上的，补贴标准提高到
        …110%) that the question reaches in no way, left out of `payable_amounts`: said after the standard, each on
        its own line with its condition, never as the answer."""
        found = self.shared.get("raised_tiers")
        if found is None:
            _ = self.payable_amounts
            found = self.shared.get("raised_tiers", ())
        return found

    def _payable_by_kind(self) -> tuple[str, ...]:
        self.shared["raised_tiers"] = ()
        amounts = [a for a in self.measure.amounts if _answers(a, self.units)]
        if self.grades and _grades_set_apart(self.measure.span, self.grades):
            # 中级工证书能补多少 of a sentence granting 高级工证书 2000元: no figure is the asked grade's.
            amounts = [a for a in amounts if not _MONEY_FORM.search(a.text)]
        if len(amounts) < 2:
            return tuple(a.text for a in amounts)
        names = (self.measure.name, *self.measure.aliases)
        groups = [[a.text for a in amounts if answers_unit(a, unit)] for unit in self.units] or [
            [a.text for a in amounts]
        ]
        kept: set[str] = set()
        for unit, group in zip(self.units or ("",), groups, strict=True):
            if unit == "money":
                # A sum asked (创收多少亿) is a sum stated, when the measure states one beside a count
                # of people or a share (58.2万人 and 31亿元 are targets of one sentence).
                sums = [t for t in group if _SUM.search(t)]
                if not _caps_a_share(amounts, sums, group):
                    group = sums or group  # noqa: PLW2901
            if grade_not_stated(group, self.grades):
                continue  # 技师证能补多少 of tiers for 初级、中级、高级: none of them is the answer
            grade_of = _grades_said_before(self.measure) if self.grades and self.measure.derived else {}
            graded = [t for t in group if grade_of.get(t, grades_in(t)) & self.grades] if len(group) > 1 else []
            if graded and all(grade_of.get(t, grades_in(t)) for t in group):
                kept.update(graded)  # 中级（四级）…职业技能等级证书: the grade names the tier, not 证书
                continue
            by_told_share = by_share(tuple(group), self.shares)
            if len(by_told_share) < len(group):
                # 8个见习生只留用了2个: the share told picks the tier, though 留用 is said in the other one
                kept.update(by_told_share)
                continue
            about = (*self.measure.targets, *self.measure.conditions)
            # The words that ask the figure (按什么比例, 什么标准) say how it is asked, not which tier: 比例 of
            # 留用…比例达到50% names no tier.
            unasked = without_figure_cues(self.question) if self.question else None
            focus = tuple(w for w in self.focus if unasked is None or w in unasked)
            named = _tiers_named(group, focus, names, about)
            if (
                not named
                and not self.headcounts
                and not any(w in _MOST_ASKED for w in self.focus)
                and not any(_condition_told(t, self.question, names) for t in group)
            ):
                # Nothing the question tells reaches a tier's own condition: a figure raised for those
                # who meet one (对留用…比例达到50%及以上的，…提高到…110%) is not the answer, the standard is —
                # a rate asked as a rate too (按什么比例, 补几成; the lead's ruling of session 45, replacing session
                # 26's every rate on the first line); the raised tiers are said after it (`raised_tiers`).
                named = _unconditioned(group)
                raised = tuple(t for t in group if t not in named) if named else ()
                self.shared["raised_tiers"] = tuple(dict.fromkeys((*self.shared["raised_tiers"], *raised)))
            kept.update(by_headcount(named or tuple(group), self.headcounts))
        return tuple(a.text for a in amounts if a.text in kept)


# A figure said with its own condition first (对留用见习期满人员比例达到50%及以上的，补贴标准提高到…): it is
# paid only to those who meet that condition.
_OWN_CONDITION_FIRST = re.compile(r"^(?:其中)?对[^，。；]{2,40}?的，")


# Asking the most a measure pays (最高能提到多少): a raised figure is that answer.
_MOST_ASKED = frozenset(("最高", "最多", "顶多", "封顶", "上限", "提高", "提到", "提高到"))


def _condition_told(tier: str, question: str, names: tuple[str, ...]) -> bool:
    """The question says the act of a tier's own condition, in any form (留下来, 留得多, 留人 of 留用): a
    verb of the condition, not one of the measure's names (见习), by its first character."""
    opening = _OWN_CONDITION_FIRST.match(tier)
    if opening is None or not question:
        return False
    acts = verbs()
    heads = {w[0] for w in tokenize(opening.group(0)) if len(w) >= 2 and w in acts and not any(w in n for n in names)}
    return any(head in question for head in heads)


def _unconditioned(tiers: list[str]) -> tuple[str, ...]:
    """The tiers paid without a condition of their own, when others open with one; () otherwise."""
    plain = tuple(t for t in tiers if not _OWN_CONDITION_FIRST.match(t))
    return plain if plain and len(plain) < len(tiers) else ()


def _caps_a_share(amounts: list[Amount], sums: list[str], group: list[str]) -> bool:
    """按实际租金的50%给予场租补贴，每年最高6000元: the sums stated are only the cap of a share, so a money
    question (房租能补多少) is answered by the share with its cap, not the cap alone."""
    kinds = {a.text: a.kind for a in amounts}
    capped = bool(sums) and all(kinds.get(t) is AmountKind.CAP for t in sums)
    return capped and any(kinds.get(t) is AmountKind.RATIO for t in group)


# The national grades of vocational skill (职业技能等级, 五级/初级工 … 一级/高级技师), longest first; an
# administrative 一级 (省一级认定) is no grade.
_GRADE = re.compile(r"(?<![省市县区州家])(高级技师|技师|初级|中级|高级|[一二三四五12345]级)")
_GRADE_NUMBER = {
    "高级技师": 1, "技师": 2, "高级": 3, "中级": 4, "初级": 5,
    "一级": 1, "二级": 2, "三级": 3, "四级": 4, "五级": 5,
    "1级": 1, "2级": 2, "3级": 3, "4级": 4, "5级": 5,
}  # fmt: skip


def grades_in(text: str) -> frozenset[int]:
    return frozenset(_GRADE_NUMBER[m.group()] for m in _GRADE.finditer(text))


# Words by which the asker tells a certificate as their own (拿到三级的…, 我这高级的, 考了个中级): a grade said
# within a few characters after one is the asker's.
_HELD = re.compile(r"我这|我的|我是|俺这|俺的|俺是|拿到|拿了|取得|考了|考到|考取|考下|考上|领了|有个|有张|有本")
_HELD_REACH = 6
_COMPARED = re.compile(r"比(?!例)|相比|对比|差多少|一样[吗么不]|区别")


def grades_told(text: str) -> frozenset[int]:
    """The skill grades the question asks about: every grade it names — but when it names several
    (初级中级高级都不一样，我这高级的能拿多少), those it tells as the asker's own, when it tells some."""
    found = list(_GRADE.finditer(text))
    every = frozenset(_GRADE_NUMBER[m.group()] for m in found)
    if len(every) < 2 or _COMPARED.search(text):
        return every  # (高级工是不是比中级多: both grades are asked)
    cues = [m.end() for m in _HELD.finditer(text)]
    held = frozenset(
        _GRADE_NUMBER[m.group()]
        for m in found
        if any(0 <= m.start() - end <= _HELD_REACH and "，" not in text[end : m.start()] for end in cues)
    )
    return held if held and held < every else every


# The wording a revision replaces (第二十条中“（中级工）每人1200元”修改为“…”): no grade of it is paid now.
_REPLACED_WORDING = re.compile(r"“[^“”]*”(?=(?:修改|调整|修订|替换|改)为)")
_STATED_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万元|元|%)")


def _grades_said_before(measure: Measure) -> dict[str, frozenset[int]]:
    """For a unit cut from a new document, each figure's skill grade as its span says it just before
    the figure (初级工（五级）证书的补贴1000元，中级工（四级）证书的补贴1500元; （中级工）每人1500元; a table
    cell's 中级工（四级）1800元): the words since the figure before it. A figure said twice is left out."""
    span = _REPLACED_WORDING.sub("", measure.span)
    found: dict[str, frozenset[int]] = {}
    seen: set[str] = set()
    start = 0
    for figure in _STATED_FIGURE.finditer(span):
        grades = grades_in(span[start : figure.start()])
        start = figure.end()
        for amount in measure.amounts:
            if figure.group() in amount.text and amount.text not in seen:
                seen.add(amount.text)
                if grades:
                    found[amount.text] = grades
                break
    return found


def _grades_set_apart(span: str, asked: frozenset[int]) -> bool:
    """A sentence that grants by skill grade and names none of the grades asked — nor opens them up (高级工以上)."""
    stated = grades_in(span)
    return bool(stated) and not (stated & asked) and not re.search(r"(?:工|级)(?:及)?以上", span)


def grades_stated_apart(match: MeasureMatch) -> tuple[str, ...]:
    """中级工证书能补多少 of 企业职工取得高级工证书的给予2000元: the grades the measure's sentence does grant (高级工),
    when the question asks only others; () when it asks none or one the sentence grants."""
    span = match.measure.span
    if not match.grades or not _grades_set_apart(span, match.grades):
        return ()
    return tuple(
        dict.fromkeys(m.group() + ("工" if span.startswith("工", m.end()) else "") for m in _GRADE.finditer(span))
    )


def grade_not_stated(tiers: list[str], asked: frozenset[int]) -> bool:
    """Tiers set by skill grade, and the question asks a grade none of them states (技师（二级）证 of
    tiers for 初级、中级、高级): no tier is its figure."""
    if len(tiers) < 2 or not asked:
        return False
    stated = [grades_in(tier) for tier in tiers]
    return all(stated) and not (asked & frozenset().union(*stated))


def _tiers_named(
    payable: list[str], words: tuple[str, ...], names: tuple[str, ...], about: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The tiers the question names: those holding a word no other tier holds (劳务输出 names one
    of two targets; 万人, in both, names neither) when there are such, else those holding a word
    some but not all tiers hold; () when no word tells them apart. A word is also read as people shorten
    a term (社保费 of 社会保险费) — unless it shortens a term of whom the measure is for or its
    conditions (失业金 of 领取失业保险金期满…的失业人员, `about`): then it tells who asks, not which tier."""

    def short_for(word: str, text: str) -> bool:
        return _short_for(word, text) and not any(_short_for(word, said) for said in about)

    if len(payable) < 2:
        return ()
    cores = _tier_cores(payable)

    def in_own_part(word: str, tier: int) -> bool:
        # A figure (50%) is read in the whole tier: the own parts have their figures masked. A word of
        # three characters or more is also read as people shorten a term (社保费 of 社会保险费).
        own = payable[tier] if _DIGITS.search(word) else cores[tier]
        return word in own or short_for(word, own)

    tiers = range(len(payable))
    distinguishing = [
        w
        for w in words
        if any(in_own_part(w, i) for i in tiers)
        and not all(w in t or short_for(w, t) for t in payable)
        # 企业 of 受疫情影响企业稳岗返还 names no tier; a name listing its parts (转移就业、劳务输出和
        # 劳务收入目标) does name each
        and not any(w in name for name in names if not _lists_parts(name))
    ]
    # A name listing its parts (转移就业、劳务输出和劳务收入目标) names the tiers by those parts: a word the
    # list holds (劳务输出) tells a tier apart before one written in only a tier's own wording (全年 of
    # 全年农村劳动力转移就业58.2万人, said for every target of the sentence).
    # A word in two listed parts (劳务 of 劳务输出 and 劳务收入) names neither.
    listed = [w for w in distinguishing if any(_names_one_part(w, name) for name in names if _lists_parts(name))]
    pool = listed or distinguishing
    unique = [w for w in pool if sum(w in t or short_for(w, t) for t in payable) == 1]
    telling = unique or pool
    return tuple(payable[i] for i in tiers if any(in_own_part(w, i) for w in telling))


_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_SHORT_MIN = 3  # 社保费; two characters are too many words' fragments
_SHORT_GAP = 3  # at most two characters dropped between two kept (社[会]保[险]费)


def _short_for(word: str, text: str) -> bool:
    """The word is how people shorten a term of the text (社保费 of 社会保险费, 失业金 of 失业保险金): its
    characters in order, each within a few of the one before, the first and last kept as written."""
    if len(word) < _SHORT_MIN or _DIGITS.search(word):
        return False
    start = text.find(word[0])
    while start >= 0:
        at = start
        for ch in word[1:]:
            at = text.find(ch, at + 1, at + 1 + _SHORT_GAP)
            if at < 0:
                break
        else:
            return True
        start = text.find(word[0], start + 1)
    return False


def _shared_start(texts: list[str]) -> int:
    """How many characters every text opens with."""
    shortest = min(len(t) for t in texts)
    for at in range(shortest):
        if len({t[at] for t in texts}) > 1:
            return at
    return shortest


def _tier_cores(tiers: list[str]) -> list[str]:
    """What tells each tier apart: its text without the words all tiers open and close with, figures
    aside (取得…证书的补贴标准为…元 around 初级（五级）职业资格证书或职业技能等级 / 中级（四级） / 高级（三级）),
    so that a fragment of a shared word (级证 of 等级证书) names no tier. A word names a tier when it is
    in that tier's own part and not in every tier's whole text (证书 is in all of them)."""
    shapes = [_DIGITS.sub("#", t) for t in tiers]
    head = _shared_start(shapes)
    tail = _shared_start([shape[::-1] for shape in shapes])
    cores = [shape[head : len(shape) - tail] for shape in shapes]
    if not all(cores):
        return list(tiers)
    # The verb of a list said once before its first item (新培育国家高新技术企业20家以上、国家科技型中小企业30家
    # 以上): the first tier's part before where the later ones open is said of all, not of the first.
    starts = [cores[0].find(core[:2], 1) for core in cores[1:] if len(core) >= 2]
    lead = min((at for at in starts if at > 0), default=0)
    if lead:
        cores[0] = cores[0][lead:]
    return cores


_RECENT = 4
_RECENT_NAMED = 16  # one retrieval's question and its phrases
# The share of the best own-word overlap a measure needs for its stated figure to count.
_FIGURE_BONUS_SHARE = 0.5


# How many characters a qualifier before another name must have for a name's head to name it.
_QUALIFIER_CHARS = 2


def _heads(name: str, known: frozenset[str], lengths: list[int]) -> tuple[str, ...]:
    """The heads of a name that end with another known name after a qualifier of their own
    (紧缺急需工种技能提升补贴 ends with 技能提升补贴), longest first; none past a head that is itself a
    measure's name (that head names the other measure)."""
    found: list[str] = []
    for end in range(len(name) - 1, 2, -1):
        head = name[:end]
        if head in known:
            break
        if head.count("（") != head.count("）") or head.count("“") != head.count("”"):
            continue  # cut inside a bracket or a quotation
        if any(size <= end - _QUALIFIER_CHARS and head[end - size :] in known for size in lengths):
            found.append(head)
    return tuple(found)


# A headcount a phrase sets as its threshold (在职职工超过100人的, 吸纳10人以上), and one the question
# tells (现在有120个工人, 厂里150多名职工).
_THRESHOLD_ABOVE = re.compile(r"(?:超过|多于|大于)(\d+)(?:人|名)")
_THRESHOLD_AT_LEAST = re.compile(r"(\d+)(?:人|名)(?:以上|及以上)")
_HEADCOUNT_TOLD = re.compile(
    r"(超过|多于|大于)?(?<![每按])(\d+|[一二两三四五六七八九十百千]+)(多|来|余)?"
    r"(?:(?:个|名|号)?(?:人|工人|员工|职工|在职职工|正式工)|(?:个|名)[\u4e00-\u9fff]{0,4}?(?:人员|劳动力))"
)
# A headcount told after its noun (在职职工120来个, 员工有150多名, 工人三十个).
_HEADCOUNT_AFTER_NOUN = re.compile(
    r"(?:工人|员工|职工|正式工)(?:有|共|一共|总共|大概|差不多|将近)?(\d+|[一二两三四五六七八九十百千]+)(多|来|余)?(?:个|名|号|人)"
)
# After one person, these ask a rate per head (一人多少, 一个人能拿几千): no headcount. After more
# (带动了5个人能拿多少) the count is still told.
_PER_HEAD = re.compile(r"多少|能|可以|给|补|发|标准|的标准")


def told_headcounts(text: str) -> tuple[int, ...]:
    """The headcounts the text tells, a bound read as a count past it (超过100人 → 101; 100多人 → 101)."""
    told: list[int] = []
    for match in _HEADCOUNT_TOLD.finditer(text):
        above, count, more = match.groups()
        try:
            number = int(count) if count.isdigit() else int(chinese_to_number(count))
        except ValueError:
            continue
        if number == 1 and not (above or more) and _PER_HEAD.match(text, match.end()):
            continue
        told.append(number + (1 if above or more else 0))
    for match in _HEADCOUNT_AFTER_NOUN.finditer(text):
        count, more = match.groups()
        try:
            number = int(count) if count.isdigit() else int(chinese_to_number(count))
        except ValueError:
            continue
        if number + (1 if more else 0) not in told:
            told.append(number + (1 if more else 0))
    return tuple(told)


def by_headcount(phrases: tuple[str, ...], told: tuple[int, ...]) -> tuple[str, ...]:
    """Of phrases that differ by a headcount threshold (比例下调为20%; 在职职工超过100人的下调为10%), the
    ones the headcount the question tells meets: the thresholded phrase when met, the others when not.
    Unchanged when the question tells no headcount or no phrase sets one."""
    if len(phrases) < 2 or not told:
        return phrases

    def met(phrase: str) -> bool | None:
        above = _THRESHOLD_ABOVE.search(phrase)
        if above:
            return any(n > int(above.group(1)) for n in told)
        at_least = _THRESHOLD_AT_LEAST.search(phrase)
        if at_least:
            return any(n >= int(at_least.group(1)) for n in told)
        return None

    verdicts = [met(p) for p in phrases]
    if not any(v is not None for v in verdicts):
        return phrases
    if any(verdicts):
        return tuple(p for p, v in zip(phrases, verdicts, strict=True) if v)
    return tuple(p for p, v in zip(phrases, verdicts, strict=True) if v is None) or phrases


def without_untold_headcount(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Of phrases that differ by a headcount threshold, when the question tells no headcount: those that
    set none (占现有职工比例下调为20%), not the tier for employers past it (在职职工超过100人的下调为10%) —
    a figure under its own condition is no answer to one who told nothing of it. Unchanged when every
    phrase, or none, sets a threshold."""
    plain = tuple(p for p in phrases if not (_THRESHOLD_ABOVE.search(p) or _THRESHOLD_AT_LEAST.search(p)))
    return plain if plain and len(plain) < len(phrases) else phrases


def told_shares(text: str) -> tuple[float, ...]:
    """The shares the text tells, in percent: two counts of the same people (十个见习的…留下来六个 → 60),
    words for a share (一多半 → 60, 一半 → 50, 一小半 → 40), or a percentage said beside 留.
    Only what is said of keeping people on (留用, 留下, 留了): other shares are no tier of this kind."""
    if "留" not in text:
        return ()
    told: list[float] = []
    for whole, kept in _KEPT_OF.findall(text):
        total, part = _count(whole), _count(kept)
        if total and part is not None and part <= total:
            told.append(100.0 * part / total)
    told += [value for word, value in _SHARE_WORDS if word in text]
    told += [float(m) for m in _KEPT_PERCENT.findall(text)]
    # 留下的也就三成: a share in tenths, as people say it.
    told += [10.0 * n for m in _KEPT_TENTHS.findall(text) if (n := _count(m)) is not None and 0 < n < 10]
    return tuple(told)


def _count(text: str) -> int | None:
    try:
        return int(text) if text.isdigit() else int(chinese_to_number(text))
    except ValueError:
        return None


_NUMBER = r"(\d+|[一二两三四五六七八九十百]+)"
_KEPT_OF = re.compile(
    _NUMBER
    + r"(?:个|名|位)[^，,。？?]{0,12}[，,\s]?[^，,。？?]{0,8}?留(?:下来|下|用了|用|了)?(?:了)?"
    + _NUMBER
    + r"(?:个|名|位)"
)
# Longest first: 一多半 before 多半, 一小半 before 一半.
_SHARE_WORDS = (("一多半", 60.0), ("一大半", 60.0), ("大半", 60.0), ("过半", 60.0), ("一半以上", 60.0),
                ("超过一半", 60.0), ("一小半", 40.0), ("不到一半", 40.0), ("一半", 50.0))  # fmt: skip
_KEPT_PERCENT = re.compile(r"留[^，,。？?]{0,8}?(\d+)%")
_KEPT_TENTHS = re.compile(r"留[^，,。？?]{0,8}?(\d|[一二两三四五六七八九])成")
_SHARE_AT_LEAST = re.compile(r"比例达到(\d+)%(?:及以上|以上)")


def by_share(phrases: tuple[str, ...], told: tuple[float, ...]) -> tuple[str, ...]:
    """Of phrases that differ by a share threshold (比例达到50%及以上的…提高到110%), the ones the share the
    question tells meets: the thresholded phrase when met, the others when not; unchanged otherwise."""
    if len(phrases) < 2 or not told:
        return phrases
    verdicts = [
        None if (m := _SHARE_AT_LEAST.search(p)) is None else any(v >= float(m.group(1)) for v in told) for p in phrases
    ]
    if all(v is None for v in verdicts):
        return phrases
    if any(verdicts):
        return tuple(p for p, v in zip(phrases, verdicts, strict=True) if v)
    return tuple(p for p, v in zip(phrases, verdicts, strict=True) if v is None) or phrases


def fits(measure: Measure, words: set[str], named: str | None = None) -> bool | None:
    """Whether a word of the question (two characters or more, not one of the name it was called
    by: 技能 of 技能提升补贴 is no condition met) is in the measure's conditions or target groups; None
    when it states neither."""
    stated = "，".join((*measure.conditions, *measure.targets))
    if not stated:
        return None
    return any(len(word) >= 2 and word in stated and not (named and word in named) for word in words)


# Groups of copies a server prepares before its first question (`MeasureMatcher.prepare`): one unit
# read and its words cut per group — 0.1 s of CPU for the five documents' 377 groups, 0.8 s for the
# 1,214 groups of every city's replicas.
PREPARED_AHEAD = 4000


@dataclass(frozen=True)
class _Profile:
    """The part of a measure's match score that does not depend on its clause, for one question."""

    named: str | None
    own_overlap: float
    topic_overlap: float  # of the expansions, less the payment words (MeasureMatch.expansion_overlap)
    terms: tuple[float, float, float, float, float]
    pays: bool
    for_others: bool
    # A person's measure, not about hiring, for a group the question never names, asked by one who hires.
    for_the_hirer: bool
    apart: str | None = None
    # Whether the question says a word of the measure's own conditions or target groups (None: it
    # states none): 离校未就业大学生 fits 中小微企业一次性吸纳就业补贴's 离校1年内未就业高校毕业生, not
    # the 疫情防控物资企业 variant's 2020年春节期间开工生产.
    fits: bool | None = None


@dataclass(frozen=True)
class _Prepared:
    """A measure as the matcher scores it: its span's words (figures left out, name pieces in), the
    pieces of each of its names, and its profile."""

    span: frozenset[str]
    name_parts: tuple[frozenset[str], ...]
    profile: int
    # Each name of three words or more as its words in order (大学生创业补贴 → 大学生, 创业, 补贴); two
    # words said apart (培训…补贴) name too many measures to tell one.
    name_words: tuple[tuple[str, tuple[str, ...]], ...] = ()


class MeasureMatcher:
    def __init__(
        self,
        measures: Mapping[str, tuple[Measure, ...]] | MeasureCatalog,
        tokenizer: Tokenizer,
        idf: Idf,
        weights: MatchWeights | None = None,
    ) -> None:
        self.weights = weights or MatchWeights()
        self._idf = idf
        self._tokenizer = tokenizer
        # Only headings are held for every measure; a measure is read from the catalog when a
        # question reaches its clause — one copy per group of copies (equal content keys), the
        # others made from it with their own id and clause.
        self._catalog: MeasureCatalog = MeasuresInMemory(measures) if isinstance(measures, Mapping) else measures
        self._headings: list[MeasureHeading] = []
        self._by_clause: dict[str, list[int]] = {}
        self._clause_code: dict[str, int] = {}
        self._measures: dict[str, tuple[Measure, ...]] = {}
        self._names: dict[str, tuple[str, ...]] = {}
        self._all_names: set[str] = set()
        self._last_names: tuple[str, frozenset[str]] | None = None
        self._measures_by_name: dict[str, tuple[str, ...]] | None = None
        self._name_lengths: set[int] = set()
        self._clause_of: dict[str, str] = {}
        self._clauses_by_name: dict[str, np.ndarray] | None = None
        self._loan_clauses: np.ndarray | None = None
        self._fellows: dict[str, frozenset[str]] | None = None
        self._headings_by_own_name: dict[str, tuple[int, ...]] | None = None
        self._position_of_id: dict[str, int] | None = None
        self._named_alike: dict[str, list[tuple[Measure, tuple[str, ...]]]] = {}
        # Every measure's own name (the first of a heading's names), apart from its other names.
        self._full_names: set[str] = set()
        self._recent: dict[tuple[int, AskedIntent], tuple[Retrieval, MatchRanking]] = {}
        self._recent_named: dict[tuple[int, str], tuple[Retrieval, bool]] = {}
        # What a measure is scored on (its span's words, its name's pieces) is prepared when a
        # question first reaches it: at every city's scale most measures are never candidates, and
        # preparing all of them was most of a process's start.
        self._prepared: dict[int, _Prepared] = {}
        # Measures that a question scores alike (replicas and amendments repeat name, span words,
        # targets and figures) share a profile: its part of the score is computed once per question.
        self._profiles: dict[tuple[object, ...], int] = {}
        # Replicated and amended documents repeat names and spans: each distinct text is cut once.
        self._pieces_of: dict[str, frozenset[str]] = {}
        self._words_of: dict[str, frozenset[str]] = {}
        self._spans: dict[frozenset[str], frozenset[str]] = {}
        # Copies of a measure (equal content keys) form a group; one of them is read per group.
        self._group_of_content: dict[str, int] = {}
        self._read: dict[int, Measure] = {}
        self._id_rank: np.ndarray | None = None
        ordered_names: dict[tuple[str, ...], tuple[str, ...]] = {}
        groups: list[int] = []
        clause_codes: list[int] = []
        for heading in self._catalog.headings():
            self._by_clause.setdefault(heading.clause, []).append(len(self._headings))
            self._headings.append(heading)
            self._clause_of[heading.id] = heading.clause
            content = heading.content or "#" + heading.id  # no key: a group of its own
            groups.append(self._group_of_content.setdefault(content, len(self._group_of_content)))
            clause_codes.append(self._clause_code.setdefault(heading.clause, len(self._clause_code)))
            names = heading.names
            ordered = ordered_names.get(names)
            if ordered is None:
                ordered = ordered_names[names] = tuple(sorted(set(names), key=lambda n: (-len(n), n)))
                self._name_lengths.update(len(n) for n in names if len(n) >= 3)
                self._all_names.update(n for n in names if len(n) >= 3)
            self._names[heading.id] = ordered
            if heading.names:
                self._full_names.add(heading.names[0])
        self._add_heads()
        self._groups = np.array(groups, dtype=np.int64)
        self._group_list = groups
        self._clause_codes = np.array(clause_codes, dtype=np.int64)
        self._clause_ids = list(self._clause_code)
        # The headings of each clause code: _by_clause_code[_clause_starts[c] : + _clause_counts[c]].
        self._by_clause_code = np.argsort(self._clause_codes, kind="stable")
        self._clause_counts = np.bincount(self._clause_codes, minlength=len(self._clause_ids))
        self._clause_starts = np.concatenate([[0], np.cumsum(self._clause_counts)[:-1]]).astype(np.int64)
        self._position_map: Mapping[str, int] | None = None
        self._code_positions = np.empty(0, dtype=np.int64)

    def _add_heads(self) -> None:
        """A measure is named by the head of its name too, where the head is another name with a
        qualifier before it (紧缺急需工种技能提升补贴 of 紧缺急需工种技能提升补贴提标, which says more than
        the 技能提升补贴 it holds): said that way, it is named more closely than the shorter name."""
        known = frozenset(self._all_names)
        lengths = sorted(self._name_lengths)
        heads_of: dict[str, tuple[str, ...]] = {}
        for heading in self._headings:
            name = heading.names[0] if heading.names else ""
            heads = heads_of.get(name)
            if heads is None:
                heads = heads_of[name] = _heads(name, known, lengths)
            if heads:
                self._names[heading.id] = tuple(sorted({*self._names[heading.id], *heads}, key=lambda n: (-len(n), n)))
        added = {head for heads in heads_of.values() for head in heads}
        self._heads = frozenset(added)
        self._all_names.update(added)
        self._name_lengths.update(len(head) for head in added)

    def _measure_at(self, index: int) -> Measure:
        """The measure of heading `index`: the first copy of its group read from the catalog is kept
        for the group, the others are made from it (their own documents' units are never read)."""
        heading = self._headings[index]
        group = self._group_list[index]
        read = self._read.get(group)
        if read is None:
            read = self._read[group] = self._catalog.measure(heading)
        return copy_at(read, heading)

    def _ranks(self) -> np.ndarray:
        """Each heading's place in measure-id order (ties in score break on the id)."""
        if self._id_rank is None:
            headings = self._headings
            ranks = np.empty(len(headings), dtype=np.int64)
            ranks[sorted(range(len(headings)), key=lambda k: headings[k].id)] = np.arange(len(headings))
            self._id_rank = ranks
        return self._id_rank

    def _prepare(self, group: int, measure: Measure) -> _Prepared:
        """What the copies of one group (`measure` is one of them) are scored on."""
        prepared = self._prepared.get(group)
        if prepared is not None:
            return prepared
        tokenizer = self._tokenizer
        names = (measure.name, *measure.aliases)
        parts = [_memo(self._pieces_of, name, lambda text: _pieces(tokenizer(text))) for name in names]
        name_parts = tuple(p for p in parts if len(p) >= 2)
        # Words inside a figure describe the figure, not the measure: 最低工资标准的70% is the
        # amount of a 见习补贴, and a question about 最低工资 is not a question about it.
        described = measure.span
        if measure.kind is not MeasureKind.TARGET:
            # A target is described by its figure phrase (城镇登记失业率不高于4.5%): kept.
            # A tier names who gets it (取得中级（四级）证书的…1500元): that part is kept.
            for amount in measure.amounts:
                if amount.kind is not AmountKind.TIERS:
                    # (a derived share's base, 按当地最低工资标准的 of its 60%, is the measure's own words)
                    described = described.replace(without_base(amount.text), "，")
        words = _memo(self._words_of, described, lambda text: frozenset(tokenizer(text)))
        span = words.union(*parts)
        # Copies of a measure have equal spans: one set is kept for all of them.
        span = self._spans.setdefault(span, span)
        signature = (
            measure.kind,
            measure.name,
            self._names[measure.id],
            name_parts,
            span,
            measure.targets,
            tuple((a.kind, a.text) for a in measure.amounts),
            measure.beneficiary,
        )
        profile = self._profiles.setdefault(signature, len(self._profiles))
        name_words = tuple((name, said) for name in names if len(said := _words_in_order(name, tokenizer)) >= 3)
        prepared = self._prepared[group] = _Prepared(span, name_parts, profile, name_words)
        return prepared

    def prepare(self, limit: int = PREPARED_AHEAD) -> int:
        """Prepare every group of copies now, when there are at most `limit` (a server, before its
        first question: otherwise the first questions reaching a measure pay for cutting its name
        and span — ≈ 1.5 ms a question over the first few hundred at five documents' scale). Each
        group reads one unit; past the limit groups stay prepared when first reached. Returns the
        number prepared."""
        _meaning_tokens()  # the glossary's meanings by their words: read by every question
        self._own_name_index()  # what a measure stating no figure looks its other regions' versions up in
        first: dict[int, int] = {}
        for index, group in enumerate(self._group_list):
            first.setdefault(group, index)
        if len(first) > limit:
            return 0
        for group, index in first.items():
            self._prepare(group, self._measure_at(index))
        return len(first)

    def clause_of(self, measure_id: str) -> str | None:
        return self._clause_of.get(measure_id)

    def named_alike(self, measure: Measure) -> list[tuple[Measure, tuple[str, ...]]]:
        """The registry's measures sharing one of `measure`'s own names (its name or an alias: 资阳's 创业补贴 and
        吉林's 初创企业补贴, also called 创业补贴), `measure` itself left out: one unit per group of copies (equal
        content keys, so what it says is read once), with the ids of every copy, in measure-id order."""
        known = self._named_alike.get(measure.id)
        if known is not None:
            return known
        by_name = self._own_name_index()
        found = {k for name in (measure.name, *measure.aliases) for k in by_name.get(name, ())}
        ordered = sorted(found, key=lambda k: self._headings[k].id)
        copies: dict[int, list[int]] = {}
        for k in ordered:
            if self._headings[k].id != measure.id:
                copies.setdefault(self._group_list[k], []).append(k)
        alike = [(self._measure_at(ks[0]), tuple(self._headings[k].id for k in ks)) for ks in copies.values()]
        self._named_alike[measure.id] = alike  # at every city's scale a shared name has thousands of copies
        return alike

    def _own_name_index(self) -> dict[str, tuple[int, ...]]:
        """Each name or alias → the headings that carry it (their positions), made once."""
        if self._headings_by_own_name is None:
            index: dict[str, list[int]] = {}
            for position, heading in enumerate(self._headings):
                for name in dict.fromkeys(heading.names):
                    index.setdefault(name, []).append(position)
            self._headings_by_own_name = {name: tuple(found) for name, found in index.items()}
        return self._headings_by_own_name

    def measure_by_id(self, measure_id: str) -> Measure | None:
        """The unit of that id (a copy made with its own id and clause), or None for an id the registry lacks."""
        if self._position_of_id is None:
            self._position_of_id = {heading.id: k for k, heading in enumerate(self._headings)}
        position = self._position_of_id.get(measure_id)
        return None if position is None else self._measure_at(position)

    def measure_ids(self) -> list[str]:
        return list(self._clause_of)

    def measures_of(self, clause_id: str) -> list[Measure]:
        return list(self._measures_of(clause_id))

    def _measures_of(self, clause_id: str) -> tuple[Measure, ...]:
        """A clause's measures, made once."""
        found = self._measures.get(clause_id)
        if found is None:
            found = self._measures[clause_id] = tuple(self._measure_at(k) for k in self._by_clause.get(clause_id, []))
        return found

    def match(self, retrieval: Retrieval, asked: AskedIntent) -> MatchRanking:
        """Every measure of the candidate clauses (and every measure named in the question within the
        searched jurisdictions), best first, each match made when read. An answer asks this more than
        once for one retrieval: the last few are kept."""
        key = (id(retrieval), asked)
        kept = self._recent.get(key)
        if kept is not None and kept[0] is retrieval:
            return kept[1]
        matches = self._rank(retrieval, asked)
        if len(self._recent) >= _RECENT:
            self._recent.pop(next(iter(self._recent)), None)
        self._recent[key] = (retrieval, matches)
        return matches

    def in_order(
        self, retrieval: Retrieval, asked: AskedIntent, keep: Callable[[Measure, str | None], bool] | None = None
    ) -> MatchRanking:
        """The matches of `match`, not kept (another region's version of a measure, read only until
        two are found). `keep(measure, name said)`: only the measures it keeps are scored and ranked
        — each with the score and in the order it has in the whole ranking (what the whole ranking
        shares among its measures is still read from every one) —, so a reader that wants only some
        (the versions of one measure) does not score the hundreds it would pass over."""
        return self._rank(retrieval, asked, keep)

    def _rank(  # noqa: PLR0915 - one pass, kept together
        self, retrieval: Retrieval, asked: AskedIntent, keep: Callable[[Measure, str | None], bool] | None = None
    ) -> MatchRanking:
        weights = self.weights
        analysis = retrieval.analysis
        text = analysis.normalized
        in_scope = retrieval.in_scope
        top = in_scope[0].score if in_scope and in_scope[0].score > 0 else 1.0
        best = list(in_scope[: weights.candidate_clauses])
        # The clauses reached (the best in scope, and every in-scope clause holding a measure the
        # question names) as codes, with their scores relative to the best: arrays, since a measure
        # named in every city's documents reaches thousands of clauses.
        near = [
            (code, item.score / top) for item in best if (code := self._clause_code.get(item.clause.id)) is not None
        ]
        named_codes = self._named_codes(text)
        if asks_to_borrow(text):
            # The thing asked decides over the story told: a loan asked for reaches the searched places' loans, as a
            # name would, however strongly the story (返乡, 农家乐 → 家庭农场) ranks other clauses above theirs.
            named_codes = np.union1d(named_codes, self._loan_codes())
        named_codes = named_codes[~among(named_codes, [code for code, _ in near])]
        named_codes, named_scores = self._in_scope(retrieval, named_codes)
        codes = np.concatenate([np.array([code for code, _ in near], dtype=np.int64), named_codes])
        relative = np.concatenate([np.array([part for _, part in near], dtype=np.float64), named_scores / top])
        own = sorted(t for t in set(analysis.tokens) if is_concept_word(t))
        # An everyday word no document writes (路费, 焊工证) names what is asked as much as a written one: the measure
        # names its glossary reading holds (交通补贴; 技能提升补贴) stand in for it among the question's own words —
        # else the story's written words (找工作) decide alone, and the thing asked weighs nothing. Only a word of a
        # phrase asking for money (路费能报不, 考个焊工证有补贴没; 摆地摊有没有规定的地方 asks no money), one wholly
        # unwritten (a word holding a written one, 找工作 of 工作, 贫困户 of 贫困, is matched by that), and one naming a
        # thing, not a doing told (开厂, 缺钱: a verb and its object — 开厂招人有啥补贴 asks no 创业补贴).
        asking = [phrase for phrase in asked_phrases(text) if _ASKS_MONEY.search(phrase)]
        read = [
            word
            for word in own
            if any(word in phrase for phrase in asking)
            and self._idf(word) == 0.0
            and not any(other != word and other in word and self._idf(other) > 0.0 for other in own)
            and not _is_a_doing(word)
        ]
        own = sorted({*own, *(piece for word in read for piece in self._measure_names_read(word))})
        extra = sorted(set(analysis.expansions) - set(own))
        idf = {t: self._idf(t) for t in (*own, *extra)}
        own_total = sum(idf[t] for t in own) or 1.0
        extra_total = sum(idf[t] for t in extra) or 1.0
        hires = speaks_of_hiring(text)
        speaks_for_employer = speaks_for_an_employer(text)
        # The people the asker hires (招了两个大学生) are not the asker: a group named only there never
        # makes a person's measure for that group the asker's own.
        own_text = _HIRES.sub("", _without_being_hired(text)) if hires else text
        hired_words = {t for t in own if t not in own_text} if hires else set()
        # The words that may name the person's own group (退伍, 下岗): none for one who speaks as an employer.
        person_words = frozenset() if speaks_for_employer else frozenset(t for t in own if t not in hired_words)
        words = set(own) | set(extra)
        expanded_text = text + " " + " ".join(extra)
        meanings = _meanings_narrowed(_meanings_said(frozenset(analysis.expansions)), own)
        pieces = {t for _, completion in meanings.values() for t in completion}
        asked_levels = _levels_asked(text)
        asks_amount = asked.asks_figure
        focus = tuple(own)
        had = tuple(w for w in own if _told_as_had(w, text))
        # A name said only inside the head of a longer name (技能提升补贴 in 紧缺急需工种技能提升补贴): the
        # head names its measure; the shorter name names the others no more than their parts would.
        headcounts = told_headcounts(text)
        shares = told_shares(text)
        grades = grades_told(text)
        said = self._names_in(text)
        joined = _CJK_SPACE.sub("", text)
        # Names said only once words typed apart are read together (大学生 创业 补贴): what those words say.
        said_joined = frozenset() if joined == text else self._names_in(joined) - said
        short_words = _short_words(own, text, said_joined)  # (the same for every measure: made once)
        # So is a name said only inside a measure's own full name said, when it does not call that measure as well
        # (就业见习 of 就业见习补贴: the longer one is asked; 稳岗返还 of 失业保险稳岗返还 still calls its variants;
        # 职业培训 of 职业培训补贴, no measure's own name, still calls 职业培训和职业介绍).
        covered = {
            name
            for name in said
            if any(
                name != longer
                and name in longer
                and longer in self._full_names
                and name not in self._fellow_names(longer)
                for longer in said
            )
        }
        # Every copy of a measure in the clauses reached, as arrays: heading, clause score.
        counts = self._clause_counts[codes]
        ends = np.cumsum(counts)
        offsets = np.repeat(self._clause_starts[codes] - (ends - counts), counts)
        index = self._by_clause_code[offsets + np.arange(int(ends[-1]) if len(ends) else 0)]
        clause_part = np.repeat(relative, counts)
        groups = self._groups[index]
        # What a measure says is scored once per group of copies (and once per profile).
        distinct, first, group_row = np.unique(groups, return_index=True, return_inverse=True)
        profiles: dict[int, _Profile | None] = {}
        of_group: dict[int, tuple[_Profile, int]] = {}
        # What every scored measure shares (the best own overlap, the names said that fit): read from
        # every measure, those `keep` leaves out too — profile id → (own overlap, name said, fits).
        shared_by_all: dict[int, tuple[float, str | None, bool | None] | None] = {}
        candidates = list(zip(distinct.tolist(), index[first].tolist(), strict=True))
        if person_words:
            # A word some measure reached writes itself (大学生 of 大学生创业引领计划) is matched as written; only
            # the person's words no span writes (退伍, where the documents write 退役士兵) reach through their group.
            prepared_of = self._prepared.get
            spans = [
                (prepared_of(group) or self._prepare(group, self._measure_at(at))).span for group, at in candidates
            ]
            person_words = frozenset(t for t in person_words if not any(t in span for span in spans))
        for group, at in candidates:
            measure = self._measure_at(at)
            prepared = self._prepare(group, measure)
            profile_id = prepared.profile
            if keep is not None and not keep(measure, self._named(measure, text)):
                if profile_id not in shared_by_all:
                    shared_by_all[profile_id] = None
                    if not (asked_levels and _other_level(measure, asked_levels)):
                        span = prepared.span
                        own_overlap = _own_overlap(own, span, idf, own_total, measure, hired_words, person_words)
                        named = self._named(measure, text)
                        shared_by_all[profile_id] = (own_overlap, named, fits(measure, words, named) if named else None)
                continue
            if profile_id in profiles:
                profile = profiles[profile_id]
            else:
                profile = profiles[profile_id] = None
                if not (asked_levels and _other_level(measure, asked_levels)):
                    # (市级的能拿多少: the 省级 base's 80万元 is another measure's figure)
                    at_level = bool(asked_levels & _levels_of_name(measure.name))
                    span = prepared.span
                    own_overlap = _own_overlap(own, span, idf, own_total, measure, hired_words, person_words)
                    extra_overlap = sum(idf[t] for t in extra if t in span) / extra_total
                    # What makes a measure relevant is the topic: an expansion that only says "money"
                    # (奖励 → 补贴) is how a sum is asked (高新技术企业奖励多少钱 is no 见习补贴 question).
                    # The glossary's completion of a word the question said (毕业生 of 中职毕业生, said 中职) ties
                    # a measure to the question only where the measure holds that meaning or the word said
                    # (高校毕业生 is no 中职毕业生).
                    held = _pieces_held(meanings, measure) if pieces else set()  # (none to hold back)
                    topic_overlap = (
                        sum(
                            idf[t]
                            for t in extra
                            if t in span and t not in PAYMENT_WORDS and (t in held or t not in pieces)
                        )
                        / extra_total
                    )
                    named = self._named(measure, text)
                    if named in had:
                        # 失业保险金领完了…还有啥补助: a name the person tells as already had is their situation,
                        # not the measure asked (阶段性延长领取失业保险金期限 is not named by it).
                        named = None
                    apart = None if named else _said_apart(prepared.name_words, text)
                    in_parts = not named and any(parts <= words for parts in prepared.name_parts)
                    # (新增就业目标 of 全年新增城镇就业目标: the name said short names it as the name does)
                    # — only when the question names no measure outright, its words typed apart read together
                    # (大学生 创业 补贴 is 初创企业补贴's alias 大学生创业补贴, not 大学生创业社保补贴 said short).
                    short = (
                        not named
                        and short_words is not None
                        and any(_inside_in_order(short_words, name) for name in (measure.name, *measure.aliases))
                    )
                    profile = profiles[profile_id] = _Profile(
                        named,
                        own_overlap,
                        topic_overlap,
                        (
                            weights.own_words * own_overlap,
                            weights.expansions * extra_overlap,
                            weights.name
                            if (named and named not in covered) or short
                            else weights.name_in_parts
                            if named or in_parts
                            else 0.0,
                            weights.name_in_parts if at_level else 0.0,
                            weights.target
                            if any(t in expanded_text for t in measure.targets) or _ran_out_as_required(measure, had)
                            else 0.0,
                        ),
                        asks_amount and any(_answers(a, asked.units) for a in measure.amounts),
                        measure.beneficiary is not Beneficiary.PERSON and not speaks_for_employer,
                        # One who hires (我给店里3个员工交社保, 开小店招人) is not asking a person's
                        # measure for a group the question never names (灵活就业人员, 高校毕业生),
                        # unless the measure rewards hiring itself (创业吸纳就业奖励): the one who asks
                        # is the employer, whatever the business told beside (开厂招人 is no 创业补贴 asked).
                        hires
                        and measure.beneficiary is Beneficiary.PERSON
                        and not any(t in own_text for t in measure.targets)
                        and not any(w in measure.span for w in _HIRING_WORDS),
                        apart,
                        fits(measure, words, named) if named else None,  # only named siblings compare
                    )
            if profile is not None:
                of_group[group] = (profile, profile_id)
                shared_by_all[profile_id] = (profile.own_overlap, profile.named, profile.fits)
        alive = np.array([g in of_group for g in distinct.tolist()], dtype=bool)[group_row.reshape(-1)]
        index, clause_part, groups = index[alive], clause_part[alive], groups[alive]
        rows = np.searchsorted(np.array(list(of_group), dtype=np.int64), groups)  # of_group is in group order
        chosen = [of_group[g][0] for g in of_group]
        terms = np.array([p.terms for p in chosen], dtype=np.float64).reshape(len(chosen), 5)
        # The terms are added in the order of one match's sum, element by element: every score is
        # the float the same sum gives for one match.
        score = weights.clause * clause_part
        for column in range(5):
            score = score + terms[rows, column]
        # Stating the kind of figure asked tells apart measures about the question; it never lifts one
        # that shares far fewer of the user's words (一次性临时生活补助 over 培训期间生活费补贴 for
        # 参加技能培训…给不给生活费，给多少): a figure of another measure is no answer.
        every = [told for told in shared_by_all.values() if told is not None]
        best_own = max((own_overlap for own_overlap, _, _ in every), default=0.0)
        # Of measures called by the same name, one whose conditions the question does not touch while
        # another's it does is a variant not asked about: its figure is no answer (一次性吸纳就业补贴 for
        # hiring 离校未就业大学生 is not the 疫情防控物资企业 variant's 每人1000元).
        fitting = {named for _, named, fit in every if named is not None and fit}
        pays = [
            p.pays
            and (p.named is not None or p.own_overlap >= _FIGURE_BONUS_SHARE * best_own)
            and not (p.fits is False and p.named is not None and any(p.named in f for f in fitting))
            for p in chosen
        ]
        score = np.where(np.array(pays, dtype=bool)[rows], score + weights.payable_amount, score)
        score = np.where(
            np.array([p.for_others for p in chosen], dtype=bool)[rows], score - weights.other_beneficiary, score
        )
        score = np.where(
            np.array([p.for_the_hirer for p in chosen], dtype=bool)[rows], score - weights.not_the_hirers, score
        )
        # round(score, 9) as Python rounds (numpy's rounding can differ in the last place): once per
        # distinct value.
        values, inverse = np.unique(score, return_inverse=True)
        rounded = np.array([round(v, 9) for v in values.tolist()], dtype=np.float64)[inverse.reshape(-1)]
        order = np.lexsort((self._ranks()[index], -rounded))
        index, clause_part, groups, rounded = index[order], clause_part[order], groups[order], rounded[order]
        shared: dict[int, dict[str, tuple[str, ...]]] = {}
        headings = self._headings
        at, scores, parts = index.tolist(), rounded.tolist(), clause_part.tolist()

        def make(copy: int) -> MeasureMatch:
            heading = at[copy]
            profile, profile_id = of_group[self._group_list[heading]]
            return MeasureMatch(
                self._measure_at(heading),
                scores[copy],
                profile.named,
                profile.own_overlap,
                parts[copy],
                asked.units,
                profile.topic_overlap,
                focus,
                had,
                shared.setdefault(profile_id, {}),
                profile.apart,
                headcounts,
                grades,
                shares,
                scores[copy] - weights.clause * parts[copy],
                text,
            )

        copies = RankedCopies(
            groups,
            rounded,
            self._clause_codes[index],
            self._clause_code.get,
            lambda copy: headings[at[copy]].id,
            make,
            singletons=len(of_group) == len(index),
        )
        return MatchRanking(copies, np.arange(len(index), dtype=np.int64))

    def names_a_measure(self, retrieval: Retrieval, text: str | None = None) -> bool:
        """Whether the question (or `text`, one phrase of it) names (by name or alias) a measure of the
        searched jurisdictions. An answer asks this of one retrieval several times (the abstention
        checks, the selection): the last few are kept, by the retrieval itself (a new question, or a
        question after a publish, is a new retrieval)."""
        said = retrieval.analysis.normalized if text is None else text
        key = (id(retrieval), said)
        kept = self._recent_named.get(key)
        if kept is not None and kept[0] is retrieval:
            return kept[1]
        named, _ = self._in_scope(retrieval, self._named_codes(said))
        if len(self._recent_named) >= _RECENT_NAMED:
            self._recent_named.pop(next(iter(self._recent_named)), None)
        self._recent_named[key] = (retrieval, len(named) > 0)
        return len(named) > 0

    def names_of(self, measure_id: str) -> tuple[str, ...]:
        """The measure's name and aliases (3+ characters) as the matcher looks for them."""
        return self._names.get(measure_id, ())

    def measures_named(self, text: str) -> dict[str, tuple[str, ...]]:
        """The measure names and aliases written in the text, each the longest written there (大学生创业补贴,
        not also the 创业补贴 inside it), with the measures that bear it, sorted."""
        found = self._names_in(text)
        if not found:
            return {}
        if self._measures_by_name is None:
            by_name: dict[str, list[str]] = {}
            for measure_id, names in self._names.items():
                for name in names:
                    by_name.setdefault(name, []).append(measure_id)
            self._measures_by_name = {name: tuple(sorted(ids)) for name, ids in by_name.items()}
        longest = sorted(name for name in found if not any(name != other and name in other for other in found))
        return {name: self._measures_by_name.get(name, ()) for name in longest}

    def _fellow_names(self, name: str) -> frozenset[str]:
        """Every name of the measures called by this name (their names and other names)."""
        if self._fellows is None:
            fellows: dict[str, set[str]] = {}
            for names in self._names.values():
                for one in names:
                    fellows.setdefault(one, set()).update(names)
            self._fellows = {one: frozenset(found) for one, found in fellows.items()}
        return self._fellows.get(name, frozenset())

    def _named_codes(self, text: str) -> np.ndarray:
        """The codes of the clauses holding a measure named (by name or alias) in the text, sorted:
        looked up by name, so the cost does not grow with the clauses searched."""
        if self._clauses_by_name is None:
            by_name: dict[str, set[int]] = {}
            for measure_id, names in self._names.items():
                code = self._clause_code[self._clause_of[measure_id]]
                for name in names:
                    by_name.setdefault(name, set()).add(code)
            self._clauses_by_name = {name: np.array(sorted(found), dtype=np.int64) for name, found in by_name.items()}
        found = [self._clauses_by_name[name] for name in sorted(self._names_in(text)) if name in self._clauses_by_name]
        if not found:
            return np.empty(0, dtype=np.int64)
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found))

    def _loan_codes(self) -> np.ndarray:
        """The codes of the clauses holding a measure whose name says it lends, sorted (read from the headings once)."""
        if self._loan_clauses is None:
            found = {
                self._clause_code[heading.clause]
                for heading in self._headings
                if heading.names and _LOAN_NAME in heading.names[0]
            }
            self._loan_clauses = np.array(sorted(found), dtype=np.int64)
        return self._loan_clauses

    def _in_scope(self, retrieval: Retrieval, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Those of these clause codes that are in the retrieval's scope, with their scores (as
        `Retrieval.in_scope_scores`)."""
        positions = self._positions(retrieval)
        if positions is not None:
            at = positions[codes]
            known = at >= 0
            scores = retrieval.in_scope_scores_at(at[known])
            if scores is not None:
                kept = ~np.isnan(scores)
                return codes[known][kept], scores[kept]
        ids = self._clause_ids
        found = retrieval.in_scope_scores([ids[c] for c in codes.tolist()])
        kept_codes = [c for c in codes.tolist() if ids[c] in found]
        return np.array(kept_codes, dtype=np.int64), np.array([found[ids[c]] for c in kept_codes], dtype=np.float64)

    def _positions(self, retrieval: Retrieval) -> np.ndarray | None:
        """Each clause code's position in the retrieval's arrays (-1: not in the index), worked out
        once per index."""
        mapping = retrieval.clause_positions()
        if mapping is None:
            return None
        if self._position_map is not mapping:
            self._code_positions = np.array([mapping.get(c, -1) for c in self._clause_ids], dtype=np.int64)
            self._position_map = mapping
        return self._code_positions

    def _named(self, measure: Measure, text: str) -> str | None:
        found = self._names_in(text)
        if not found:
            return None
        return next((name for name in self._names[measure.id] if name in found), None)

    def _measure_names_read(self, word: str) -> tuple[str, ...]:
        """The words of the measure names and aliases the glossary's readings of an everyday word hold, each
        name the longest there (路费 → 交通 of 交通补贴, in 一次性单程铁路…交通补贴; 焊工证 → 技能, 提升 of
        技能提升补贴; 种植 → none: 生产经营主体 is whom a measure is for): the glossary holds the concept once,
        the registry says which measure bears it."""
        found = {
            term[i : i + n]
            for term in glossary_meanings(word)
            for n in self._name_lengths
            for i in range(len(term) - n + 1)
            if term[i : i + n] in self._all_names
        }
        names = sorted(name for name in found if not any(name != other and name in other for other in found))
        # each name's smallest words, as a measure's own names are held (交通补贴 → 交通), less those saying only
        # that money is paid (补贴: every subsidy's)
        pieces = (_pieces(self._tokenizer(name)) for name in names)
        return tuple(sorted({p for each in pieces for p in each if is_concept_word(p) and p not in PAYMENT_WORDS}))

    def _names_in(self, text: str) -> frozenset[str]:
        """Every measure name or alias (3+ characters) written in the text: one dictionary lookup per
        substring of a name's length, instead of a substring test per name per measure."""
        cached = self._last_names
        if cached is not None and cached[0] == text:
            return cached[1]
        found = frozenset(
            text[i : i + n]
            for n in self._name_lengths
            for i in range(len(text) - n + 1)
            if text[i : i + n] in self._all_names
        )
        self._last_names = (text, found)
        return found


def _is_a_doing(word: str) -> bool:
    """A verb and its object said as one word (开厂, 找工作, 缺钱, 摆地摊): what the person does, not a thing."""
    rest = word[1:]
    return word[0] in verbs() and (len(rest) == 1 or rest in thing_words())


# A phrase asking for money for something (路费能报不, 有补贴没, 政府补钱不, 给不给钱).
_ASKS_MONEY = re.compile(r"补|报销|报不|能报|给报|钱|贴|资助|奖")


# A run of spaces between two Chinese characters.
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


# How many characters a name said apart may have between its words, in all (大学生自主创业有补贴: 3).
_APART = 4
_PHRASE_MARKS = re.compile(r"[，,。；;！!？?\s]+")


# How many of its own words a question must say, all inside one name and in its order, to name it short.
_SHORT_NAME_WORDS = 3


def said_short(own: Iterable[str], text: str, name: str, outright: Iterable[str] = ()) -> bool:
    """The question is a measure's name said short: three or more of its own words and nothing else,
    every one inside the name in the order the question says them (新增就业目标 of 全年新增城镇就业目标)."""
    words = _short_words(own, text, outright)
    return words is not None and _inside_in_order(words, name)


def _short_words(own: Iterable[str], text: str, outright: Iterable[str] = ()) -> tuple[str, ...] | None:
    """The words of the question that may say a name short (`said_short`), in the order said, or None when they
    cannot: the same for every measure a question is scored against, so made once per ranking."""
    said = [w for w in own if w in text]
    # One concept counts once: the pieces of a compound said (创业, 补贴 of 创业补贴) are that one word.
    whole = [w for w in said if not any(w != other and w in other for other in said)]
    words = sorted(whole, key=lambda w: (text.find(w), -len(w)))
    if len(words) < _SHORT_NAME_WORDS:
        return None
    # Words typed apart that another name holds, every one (大学生 创业 补贴 is the alias 大学生创业补贴
    # of 初创企业补贴), name that measure, not this one said short.
    if any(all(word in whole_name for word in words) for whole_name in outright):
        return None
    return tuple(words)


def _inside_in_order(words: Sequence[str], name: str) -> bool:
    at = 0
    for word in words:
        found = name.find(word, at)
        if found < 0:
            return False
        at = found
    return True


def _words_in_order(name: str, tokenizer: Callable[[str], list[str]]) -> tuple[str, ...]:
    """A name's words in order, a compound cut into the words it is made of (大学生创业补贴 →
    大学生, 创业, 补贴), as people say them apart."""
    out: list[str] = []
    for word in (w for w in jieba_words(name) if w.strip()):
        pieces = sorted({t for t in tokenizer(word) if t != word and len(t) >= 2}, key=len, reverse=True)
        at, cut = 0, []
        while at < len(word):
            piece = next((p for p in pieces if word.startswith(p, at)), None)
            if piece is None:
                break
            cut.append(piece)
            at += len(piece)
        out.extend(cut if at == len(word) and len(cut) > 1 else [word])
    return tuple(out)


def _said_apart(names: tuple[tuple[str, tuple[str, ...]], ...], text: str) -> str | None:
    """The name whose words the text says in order within one phrase, a few characters apart
    (大学生自主创业有补贴吗 says 大学生创业补贴): a name as people say it is still that name."""
    if not names:
        return None
    phrases = _phrases(text)
    for name, words in names:
        # Most names are not said at all: their first word is nowhere in the text.
        if words[0] in text and any(_in_order(words, phrase) for phrase in phrases):
            return name
    return None


@lru_cache(maxsize=64)
def _phrases(text: str) -> tuple[str, ...]:
    """The text's phrases: cut once per question, not once per candidate measure."""
    return tuple(_PHRASE_MARKS.split(text))


def _in_order(words: tuple[str, ...], phrase: str) -> bool:
    start = phrase.find(words[0])
    while start >= 0:
        at, gap, complete = start + len(words[0]), 0, True
        for word in words[1:]:
            found = phrase.find(word, at)
            if found < 0:
                complete = False
                break
            gap += found - at
            at = found + len(word)
        if complete and gap <= _APART:
            return True
        start = phrase.find(words[0], start + 1)
    return False


# Words that name a payment and nothing of what it is for.
PAYMENT_WORDS = frozenset(("补贴", "补助", "奖励", "奖补", "资助", "津贴", "补偿", "资金"))
# Words that say only who pays (政府补多少钱, 国家给不给): every measure is paid by a government.
PAYER_WORDS = frozenset(("政府", "国家"))


# Words that only say how a figure is asked — bounded (至少, 最多), counted (每个, 每人) or asked in
# dialect (好多, 几多) —: they are how the question asks, never what it asks about. (至少 in 贫困家庭至少
# 1人就业 is that measure's own figure, not its topic.)
_FIGURE_ASKING = frozenset(("至少", "最少", "好多", "几多", "多钱", "每个", "每位"))


def is_concept_word(token: str) -> bool:
    """A word that can carry a question's meaning: two characters or more, not a bare number
    (一个月 → 1, 月 are never evidence that a measure is about the question) and not a word that only
    asks how much."""
    return len(token) >= 2 and not token.replace(".", "").isdigit() and token not in _FIGURE_ASKING


# An administrative level a measure is for, as written (省级, 市级, 市、县级, 国家级) or said as a span of
# levels with their count (市县两级, 省市县三级 — 2级 once normalized): a question naming one level is not
# about a measure that names only others.
_LEVELS = re.compile(
    r"((?:国家|全国|省|市|州|县|区)(?:[、和/]?(?:省|市|州|县|区))*)(?:[两三四234])?级"
    # said the way people say it: 县里认定的, 市上评的, 省一级批的
    r"|((?:省|市|州|县|区))(?:里|上|一级)(?=认定|评|批|命名|授予|挂牌|认证)"
    # or as whose the thing is: 我们县里的基地, 县上的园区, 咱们市的孵化园
    r"|((?:省|市|州|县|区))(?:里|上)的"
    r"|(?:我们|咱们|俺们|咱)((?:省|市|州|县|区))(?:里|上)?的"
)


def levels_named(text: str) -> frozenset[str]:
    levels: set[str] = set()
    for match in _LEVELS.finditer(text):
        written = next(group for group in match.groups() if group)
        levels.update(ch for ch in written.replace("国家", "国").replace("全国", "国") if ch not in "、和/")
    return frozenset(levels)


@lru_cache(maxsize=16384)
def _levels_of_name(name: str) -> frozenset[str]:
    """`levels_named` of a measure's name: asked of every candidate measure of every question, and
    the names are few."""
    return levels_named(name)


# Matched right after each place the word is written: one compiled pattern, where a pattern built per
# word was compiled per question (the words outnumber re's cache).
_HAD = re.compile("(?:已经|已|都|早)?(?:领|拿|用|发|享受)?(?:到期|完|过|满|光|没了|停了|结束|期满)")


def _levels_asked(text: str) -> frozenset[str]:
    """The levels the question asks about: every level it names, less those named only in phrases
    that pass on what was heard or state a figure (听说省级的有补助，我们这个市级的能拿多少 asks 市级;
    县级的补多少？省级的呢 and 市县级的基地能给多少？跟省级一样吗 ask both)."""
    named = levels_named(text)
    if len(named) < 2:
        return named
    asking = set(asked_phrases(text))
    told = [p for p in phrases_of(text) if p not in asking and is_told(p)]
    rest = [p for p in phrases_of(text) if p not in told]
    only_told = levels_named("，".join(told)) - levels_named("，".join(rest))
    return (named - only_told) or named


def _told_as_had(word: str, text: str) -> bool:
    """The question says the person already had it, or that it ran out (失业金领完了, 失业保险金已经领到期,
    领了一年失业金，现在领完了)."""
    start = text.find(word)
    while start >= 0:
        after = _HAD_LATER.match(text, start + len(word))
        if _HAD.match(text, after.end() if after else start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


# The next phrase going on about it: 领了一年失业金，现在领完了.
_HAD_LATER = re.compile(
    r"[，,\s]*(?:现在|如今|目前|眼下|已经|早就|早都|都)(?=(?:已经|已|都|早)?(?:领|拿|用|发|享受)?(?:到期|完|满|光|没了|停了|结束|期满))"
)


def _ran_out_as_required(measure: Measure, had: tuple[str, ...]) -> bool:
    """The person tells a benefit ran out (失业金领完了) and the measure is for those whose benefit ran out
    (领取失业保险金期满仍未就业的失业人员): their situation is its condition. A word said short is read in
    the longer one written (失业金 in 失业保险金, 社保 in 社会保险)."""
    if not had:
        return False
    for phrase in (*measure.conditions, *measure.targets):
        for end in _RAN_OUT.finditer(phrase):
            before = phrase[max(0, end.start() - _RAN_OUT_REACH) : end.start()]
            if any(_abbreviates(word, before) for word in had):
                return True
    return False


_RAN_OUT = re.compile(r"期满|到期|届满")
_RAN_OUT_REACH = 8


def _abbreviates(word: str, text: str) -> bool:
    """The word's characters stand in the text in order, the first and last among them (失业金 in
    领取失业保险金): how a Chinese name is said short."""
    if len(word) < 2:
        return False
    at = text.find(word[0])
    while at >= 0:
        position = at
        for ch in word[1:]:
            position = text.find(ch, position + 1)
            if position < 0:
                break
        else:
            return True
        at = text.find(word[0], at + 1)
    return False


@lru_cache(maxsize=1)
def _meaning_tokens() -> dict[str, frozenset[str]]:
    """Every meaning of the glossary (中职毕业生, 创业担保贷款) with its words."""
    return {term: frozenset(tokenize(term)) for entry in load_glossary().entries for term in entry.means}


def _meanings_said(expansions: frozenset[str]) -> dict[str, frozenset[str]]:
    """The glossary's meanings the question's expansions hold whole, each with its words."""
    return {term: parts for term, parts in _meaning_tokens().items() if parts and parts <= expansions}


def _meanings_narrowed(
    meanings: Mapping[str, frozenset[str]], own: Iterable[str]
) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """The meanings that complete a word the question said itself (中职 → 中职毕业生), each with the words
    said inside it and its completion: its other pieces (毕业生, 毕业), neither said nor a meaning of the
    question whole. A meaning the question reaches by other words (建档立卡 → 贫困劳动力; 自己交社保 →
    灵活就业, 社会保险补贴: a list of alternatives) completes nothing said, so none of its pieces is held
    back."""
    own = [w for w in own if len(w) >= 2]
    narrowed = {}
    for term, parts in meanings.items():
        said = frozenset(w for w in own if w != term and w in term)
        if said:
            completion = frozenset(
                t for t in parts if t not in meanings and not any(t in w for w in said) and t not in own
            )
            if completion:
                narrowed[term] = (said, completion)
    return narrowed


def _pieces_held(meanings: Mapping[str, tuple[frozenset[str], frozenset[str]]], measure: Measure) -> set[str]:
    """The completions of the meanings whose whole term, or a word said inside it, a measure's own text
    holds (中职学校毕业生 holds 中职: its 毕业生 is the one asked)."""
    texts = (measure.span, measure.name, *measure.aliases)
    return {
        t
        for term, (said, completion) in meanings.items()
        if any(term in text or any(w in text for w in said) for text in texts)
        for t in completion
    }


def _own_overlap(
    own: Iterable[str],
    span: Container[str],
    idf: Mapping[str, float],
    own_total: float,
    measure: Measure,
    hired_words: Container[str],
    groups: Container[str] = (),
) -> float:
    """The share of the question's own words a measure's span holds (or, for the person's group, its
    targets: `_holds`). A person's measure is not asked by
    the words naming whom the asker hires — unless it pays for hiring them (吸纳登记失业人员…每吸纳1人给予
    2000元 names the hired group too). One function for the whole ranking and its pruned path, so a kept
    measure scores as it would in the whole ranking."""
    # (`_holds` asked only of a word the span lacks that may name the person's group: most words are neither)
    held = [t for t in own if t in span or (t in groups and _holds(span, t, measure, groups))]
    if measure.beneficiary is not Beneficiary.PERSON or not any(w in span for w in _HIRING_WORDS):
        skipped: Container[str] = () if measure.beneficiary is not Beneficiary.PERSON else hired_words
        return sum(idf[t] for t in held if t not in skipped) / own_total
    kept = (t for t in held if t not in hired_words or _named_as_hired(t, measure.span))
    return sum(idf[t] for t in kept) / own_total


def _holds(span: Container[str], word: str, measure: Measure, groups: Container[str]) -> bool:
    """The measure holds a word of the question: its span says it, or the word is how the person names
    their own group and the measure is a person's measure for that group (an employer's measure for 种养大户 is
    not one for a person who runs a 农家乐) (退伍 → 退役士兵 of 自主就业的退役士兵):
    a colloquial word maps to the group once, through the glossary, and every measure for that group holds it.
    `groups` are the words that may name the person (none when the asker speaks for an employer: the
    group is then whom they hire)."""
    # A measure whose span names no group is for the one its name says (自主就业创业退役士兵职业教育和技能培训: the
    # 退役士兵 its span leaves to the clause's earlier sentence).
    return word in span or (
        word in groups
        and measure.beneficiary is Beneficiary.PERSON
        and _names_target(word, measure.targets or (measure.name,))
    )


@lru_cache(maxsize=4096)
def _names_target(word: str, targets: tuple[str, ...]) -> bool:
    """One of the glossary's readings of a word (or of an everyday word inside it: 退伍 of 退伍兵) is in a
    target group."""
    meanings = group_meanings(word)
    return any(meaning in target for meaning in meanings for target in targets)


def _named_as_hired(word: str, text: str) -> bool:
    """A group a measure paying for hiring names as the ones hired: said in a hiring word's phrase
    (吸纳登记失业人员…每吸纳1人给予2000元), not only before it as the one who hires (大学生创办企业并吸纳就业的 is
    the founder's grant: 社会组织招大学生 does not ask it)."""
    return any(word in phrase for phrase in _HIRED_PHRASE.findall(text))


# A hiring word and the rest of its phrase: whom it hires (吸纳贫困家庭劳动力就业, not the 生产经营主体 paid
# further on).
_HIRED_PHRASE = re.compile("(?:" + "|".join(_HIRING_WORDS) + r")[^，,。；;]*")


def _other_level(measure: Measure, asked: frozenset[str]) -> bool:
    own = _levels_of_name(measure.name)
    return bool(own) and not (own & asked)


def _lists_parts(name: str) -> bool:
    return "、" in name or "和" in name


_PART_MARKS = re.compile(r"[、和及与]")


def _names_one_part(word: str, name: str) -> bool:
    """The word is in exactly one of the parts the name lists (收入 of 转移就业、劳务输出和劳务收入目标)."""
    return sum(word in part for part in _PART_MARKS.split(name)) == 1


def _memo(memo: dict[str, frozenset[str]], text: str, compute: Callable[[str], frozenset[str]]) -> frozenset[str]:
    found = memo.get(text)
    if found is None:
        found = memo[text] = compute(text)
    return found


def _pieces(tokens: list[str]) -> frozenset[str]:
    """The smallest words of a search-mode segmentation (创业补贴 → 创业, 补贴): a name is also meant
    when its pieces are written apart (创业开个小店，能拿多少钱补贴)."""
    unique = set(tokens)
    return frozenset(t for t in unique if not any(other != t and other in t for other in unique))


def _answers(amount: Amount, units: tuple[str, ...]) -> bool:
    """Whether a figure answers one of the asked kinds of amount (any kind when none is named):
    never a threshold; a share or a period by its form (70%, 2/3, 8：2 — 不超过…的70% is a cap and a
    share; 按不超过6个月的…失业保险金 is a cap and a period), whatever the curated kind; a sum only a
    money question."""
    if amount.kind is AmountKind.THRESHOLD:
        return False
    return not units or any(answers_unit(amount, unit) for unit in units)


def answers_amount(amount: Amount, units: tuple[str, ...]) -> bool:
    """Whether a measure's figure answers one of the asked kinds of amount (`_answers`), for a measure no
    question has matched (another region's version of the asked one)."""
    return _answers(amount, units)


def answers_unit(amount: Amount, unit: str) -> bool:
    """Whether a figure answers the asked kind of amount. A share's base (按2019年度…平均工资的 of its 60%)
    says what it is a share of — a sum, or interest — and no date, period, age, count or frequency."""
    kind = amount.kind
    if unit == "interest":
        return "息" in amount.text or "利率" in amount.text
    own = without_base(amount.text)
    if unit == "ratio":
        return kind in (AmountKind.RATIO, AmountKind.RATE) or bool(_SHARE.search(own))
    if unit == "duration":
        return kind is AmountKind.DURATION or bool(_PERIOD.search(own))
    if unit == "money":
        # A sum, a share or a standard it is set by (按当地最低生活保障标准): not words naming what is
        # covered without any of them (一次性单程铁路、公路或水运交通补贴 tells no sum), nor a count of
        # things or people (至少建设1个创业孵化示范基地 is no sum a 建设资金 question is paid).
        return kind is not AmountKind.DURATION and bool(_MONEY_FORM.search(_THINGS_COUNTED.sub("", amount.text)))
    if unit in ("age", "count"):
        return bool(_COUNTED[unit].search(own))
    if unit == "date":
        # 领到啥时候: a period written as the event that ends it (直至法定退休年龄) says until when.
        return bool(_DATE.search(own)) or (kind is AmountKind.DURATION and bool(_UNTIL.match(own)))
    if unit == "frequency":
        return bool(FREQUENCY.search(own))
    return True


def states_kind_in_form(text: str, unit: str | None) -> bool:
    """Whether a figure's own words state the asked kind of figure (None: a sum), whatever its curated kind: a
    share by 70%, 2/3 or 8：2, a period by 6个月, interest by 息 or 利率 — so 按每人1000元的标准, a per-head rate,
    is no answer to 比例是多少. What a measure listed beside one stating none must show to be given as that kind."""
    own = without_base(text)
    if unit is None or unit == "money":
        return bool(_MONEY_FORM.search(_THINGS_COUNTED.sub("", text)))
    if unit == "interest":
        return "息" in text or "利率" in text
    if unit == "ratio":
        return bool(_SHARE.search(own))
    if unit == "duration":
        return bool(_PERIOD.search(own))
    if unit in _COUNTED:
        return bool(_COUNTED[unit].search(own))
    if unit == "date":
        return bool(_DATE.search(own))
    if unit == "frequency":
        return bool(FREQUENCY.search(own))
    return True


# A share in words (三分之二) is the same share as 2/3.
_SHARE = re.compile(r"\d%|\d+/\d+|\d：\d|\d+成|[一二三四五六七八九十]分之[一二三四五六七八九]")
_MONEY_FORM = re.compile(
    r"\d|[一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+元|标准|比例|倍|全额|[一二两三四五六七八九]成|分之"
)
_SUM = re.compile(r"\d(?:\.\d+)?[万亿]?元")
# A count written in words after its bound (至少有一人稳定就业, 不少于两个): in words a small number is only a
# count where a bound says it is one (一人 alone is also "one person" in a name).
COUNT_IN_WORDS = r"(?:至少有?|不少于|不低于|不超过|最多)[一两二三四五六七八九十]+(?:个|人|名|户|家|所|项)"
_COUNTED = {
    "age": re.compile(r"\d+(?:周岁|岁)"),
    "count": re.compile(r"\d+(?:\.\d+)?万?(?:个|人|名|户|家|所|项)|\d+(?:\.\d+)?万(?!元)|" + COUNT_IN_WORDS),
}
# A count of people or things, never a sum (1个创业孵化示范基地, 58.2万人 — not 6个月, not 5万元).
_THINGS_COUNTED = re.compile(r"\d+(?:\.\d+)?万?(?:个(?![月工])|人|名|户|家|所|项)")
# How often a thing is done, in words or figures (按季度, 每年, 定期, 每年2次).
FREQUENCY = re.compile(r"(?:每|按)(?:年|季度|季|月|周|旬|半年|两年)|定期|每年\d+次|\d+年一次")
# A date a measure runs until or must be met by (2020年6月底前, 延长至2020年年底, 2019年12月31日).
_DATE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|年底|年末|月底")
# A period told by the event ending it (直至法定退休年龄, 直到…为止).
_UNTIL = re.compile(r"直至|直到|一直到")
# A length of time written in a figure: one or two digits (自2017年1月1日起 is a date).
_PERIOD = re.compile(r"(?<![\d.])\d{1,2}(?:个月|年(?![\d底初末])|周|天)")


def figures_told_apart_by_group(measure: Measure, clause_measures: Sequence[Measure]) -> bool:
    """Whether the clause gives a figure of the same kind to another group of the same side (失业保险金延续发放
    直至法定退休年龄 for those 距法定退休年龄不足1年, beside 失业补助金 发放6个月 for the other unemployed): only
    then do the measure's conditions tell whom its figure is for rather than what one must do to get it
    (初创企业补贴's 首次创办…、参加社会保险 are its ordinary conditions — no other group is given another sum there)."""
    own = {_figure_family(a) for a in measure.amounts} - {None}
    if not own or not (measure.conditions or measure.targets):
        return False
    texts = {a.text for a in measure.amounts}
    return any(
        other.id != measure.id
        and other.beneficiary == measure.beneficiary
        and (other.targets, other.conditions) != (measure.targets, measure.conditions)
        and any(_figure_family(a) in own and a.text not in texts for a in other.amounts)
        for other in clause_measures
    )


def _figure_family(amount: Amount) -> str | None:
    """A duration or a sum/share: the kinds of figure a general question can ask of either of two measures."""
    if amount.kind is AmountKind.THRESHOLD:
        return None
    return "duration" if answers_unit(amount, "duration") else "money"
