"""Which measures an answer is about, and what its first line says (issue 10).

The retriever ranks clauses; the matcher ranks the measures inside them; this module decides which
of those measures the answer shows — the asked one first, other regions' versions of it when no
region was named, and a short list when the question asks what there is — and whether the asked
figure is stated. Every figure an answer shows is then a payable amount of a chosen measure, quoted
with that measure's own span: never another measure's figure from the same clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Literal, Protocol

from knowledge.definitions import names_people, people_word, without_people_word
from knowledge.intent import (
    AskedIntent,
    Intent,
    asked_phrases,
    asks_as_a_person,
    asks_own_sum,
    names_a_payer,
    spoken_how,
    tells_being_hired,
    without_cues,
)
from knowledge.match_ranking import MatchRanking
from knowledge.measure_match import (
    COUNT_IN_WORDS,
    FREQUENCY,
    PAYER_WORDS,
    PAYMENT_WORDS,
    MeasureMatch,
    answers_amount,
    asks_to_borrow,
    by_headcount,
    fits,
    grade_not_stated,
    grades_stated_apart,
    names_the_hired,
    pays_for_hiring,
    speaks_for_an_employer,
    speaks_of_hiring,
    without_untold_headcount,
)
from knowledge.measures import MONEY_KINDS, AmountKind, Beneficiary, Measure, MeasureKind
from knowledge.numerals import chinese_to_number
from knowledge.place_precedence import RegionsAsked, own_place_first
from knowledge.query import glossary_meanings, is_dictionary_word, load_glossary, names_a_group, tokenize, verbs
from knowledge.recipient import (
    asked_recipient,
    asks_for_another_than,
    for_another_group_of_its_clause,
    hires_someone,
    works_for_a_unit,
)
from knowledge.tiers import ROW, base_name, said_tier_first, says_its_tier
from knowledge.told_bounds import bounds_asked
from knowledge.told_figures import HEADCOUNT_AT_LEAST, HEADCOUNT_RANGE, states_a_told_figure

DirectKind = Literal["figure", "no_figure", "list", "measure", "condition", "stated"]

# A figure of the asked kind inside a condition phrase. Durations of one or two digits only:
# 自2017年1月1日起 is a date, not a length of time.
_CONDITION_FIGURES = {
    "duration": re.compile(r"(?<!\d)\d{1,2}(?:\.\d+)?(?:年|个月|天)|半年"),
    "money": re.compile(r"\d+(?:\.\d+)?万?元"),
    "ratio": re.compile(r"\d+(?:\.\d+)?%|\d+成|\d+[：:]\d+|\d+/\d+"),
    "age": re.compile(r"\d+(?:周岁|岁)"),
    "count": re.compile(r"\d+(?:\.\d+)?万?(?:个|人|名|户|家|所|项)|\d+(?:\.\d+)?万(?!元)|" + COUNT_IN_WORDS),
    "date": re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|前|以前|之前)?|年底|年末|月底"),
    "frequency": FREQUENCY,
    # a figure about interest (全额贴息, 贴息50%, 基准利率): what 利息怎么算 asks
    "interest": re.compile(r"[^，；。]{0,6}(?:贴息|利息|利率)[^，；。]{0,6}(?:\d|全额|一半)|全额贴息"),
}
# How many people a condition asks for, written as their share (留用见习期满人员比例达到50%及以上,
# 新招用人员占职工总数的20%): the answer to 多少人, when the text states no head count.
_SHARE_OF_PEOPLE = re.compile(r"(?:人员|人数|职工|员工|人)[^，；。]{0,8}?(?:比例|占)[^，；。]{0,10}?\d+(?:\.\d+)?%")
# A sum, a share or a count, for a figure question that names no kind (降到多少, 要求达到多少):
# not an age or a length of time, which a bare 多少 does not ask.
_ANY_FIGURE = re.compile("|".join(_CONDITION_FIGURES[unit].pattern for unit in ("money", "ratio", "count")))
# How a condition states each side of a length of time: 在证书颁发之日起12个月内 (within), 依法参加失业
# 保险3年以上 / 满2年 (at least).
_BOUND_SIDES = {
    "within": re.compile(r"(?:\d|半)[年月天]?[^，；。]{0,2}?(?:内|以内|之内)"),
    "at_least": re.compile(r"\d(?:年|个月|天)(?:以上|及以上)|满\d"),
}
# A phrase of a span: the text between two marks of punctuation.
# Until when, or by when, asked (补到啥时候, 最晚什么时候之前, 哪天截止): a period the measure runs or must be met
# within (最长不超过3年, 12个月内) tells it when no date is written.
_UNTIL_ASKED = re.compile(
    r"(?:到|至|截[止至]|最晚|最迟)[^，,。？?]{0,3}(?:什么时候|啥时候|何时|哪天|哪一天|几时|哪年|几月)"
    r"|(?:什么时候|啥时候|何时|哪天|哪一天|几时)(?:之|以)?前|(?:什么时候|啥时候|何时|哪天|几时)(?:截[止至]|为止|结束|到期|停)"
)
_PHRASE_END = re.compile(r"[，；。！？]|：(?!\d)")
# A period a measure runs (补贴期限最长不超过3年, 发放6个月, 政策享受期限可延长1年): a count with its unit, in a
# sentence saying it runs. 提前30 (no unit), 在学校保留2年 and 力争用两年时间 (nothing runs) tell no end of the measure.
_PERIOD_UNIT = re.compile(r"[0-9０-９一二两三四五六七八九十百半]\s*(?:年|个月|个?(?:工作)?[天日]|周)")
_RUNNING_WORD = re.compile(r"期限|最长|不超过|发放|延长|享受[^，；。]{0,12}期")
_SENTENCE_END = re.compile(r"[。；;！!？?]")

# Intents whose answer lists what there is (有什么补贴, 长春创业补贴) rather than one measure.
_LISTING = (Intent.OVERVIEW, Intent.WHAT, Intent.ELIGIBILITY)


@dataclass(frozen=True)
class SelectionPolicy:
    """How close a measure must come to the best one to be shown beside it; chosen on dev sets."""

    min_own_overlap: float = 0.2
    other_region_ratio: float = 0.75
    listed_ratio: float = 0.8
    figure_ratio: float = 0.75
    max_listed: int = 3
    max_regions: int = 4


@dataclass(frozen=True)
class Selection:
    """The measures an answer shows. `chosen` is grouped by jurisdiction, the best first — all of the
    asked place's when a place is asked: no other region's version lends the asked one its figure."""

    kind: DirectKind
    chosen: tuple[MeasureMatch, ...]
    conditions: tuple[str, ...] = ()
    # kind `no_figure`: the benefit asked by name (失业保险金) that no measure here is, only ones acting on it
    # (`benefit_acted_on`): the answer says its own figure is not stated, then lists those measures.
    benefit: str = ""
    # kind `no_figure`: other covered regions' versions of the asked measure that do state a figure of the
    # asked kind (`stated_elsewhere`), each version's copies in the order found; the answer names at most two
    # regions of those whose document stands on its day (`pointed_elsewhere`), never with their figure.
    elsewhere: tuple[tuple[Measure, ...], ...] = ()

    @property
    def primary(self) -> MeasureMatch:
        return self.chosen[0]


def is_relevant(match: MeasureMatch, policy: SelectionPolicy) -> bool:
    """A measure shares the question's key concept: it is named, or the user's own words (never
    place names, function words or bare numbers), or the policy terms they stand for (怀孕 → 孕期),
    occur in its span."""
    floor = policy.min_own_overlap
    if match.named is not None:
        return True
    if not (match.own_overlap > floor or match.expansion_overlap > floor):
        return False
    return (
        not _asked_benefit_is_only_its_base(match)
        and not _is_target_not_asked(match)
        and not _only_parts_of_another_benefit(match)
    )


def _only_parts_of_another_benefit(match: MeasureMatch) -> bool:
    """The question names a benefit (失业保险金) that this measure neither names nor holds, and every
    word they share is only a part of that name (失业, 保险 of a 稳岗补贴 paid from 失业保险费): the
    measure is not about what was asked, however many of those parts it holds."""
    if match.named is not None or match.named_apart is not None:
        return False
    measure = match.measure
    texts = (measure.span, measure.name, *measure.aliases)
    # A target counts a payment by its formal name: one shortened as people say it (小额贷款 of 新增小额担保
    # 贷款6亿元) is held. (Not for a benefit: 失业金 is not the 失业补助金 paid after 失业保险金.)
    shortened = measure.kind is MeasureKind.TARGET
    unheld = [
        b
        for b in _benefit_words(match.focus, match.had)
        if len(b) >= 3
        and not any(_shortened_in(b, t) if shortened else b in t for t in texts)
        and not any(formal in t for formal in _formal_name(b) for t in (measure.name, *measure.aliases))
    ]
    if not unheld:
        return False
    shared = [w for w in match.focus if any(w in t for t in texts)]
    return all(any(w in b and w != b for b in unheld) for w in shared)


def _formal_name(word: str) -> tuple[str, ...]:
    """The formal name an everyday benefit word stands for first in the glossary (失业金 → 失业保险金): a new
    document's unit is named as the document writes it, and holds the benefit asked by that name. Only the
    first reading, and only in the unit's name: 失业金 is not the 失业补助金 the glossary also lists, nor one whose
    sentence only builds on it (当地失业保险金的80%)."""
    first = next((m for m in glossary_meanings(word) if m.endswith(_BENEFIT_HEADS)), None)
    return (first,) if first and first != word else ()


# What a measure pays out (a subsidy, a loan, an allowance, insurance paid, a tax cut), as opposed to
# a service, support, a duty or a target.
_PAYMENTS = (MeasureKind.SUBSIDY, MeasureKind.LOAN, MeasureKind.ALLOWANCE, MeasureKind.INSURANCE, MeasureKind.TAX)

# How the name of a benefit ends (失业保险金, 创业补贴, 失业补助金, 担保贷款 …).
_BENEFIT_HEADS = ("金", "补贴", "补助", "津贴", "贷款", "奖励", "奖补", "补偿", "资助")


@lru_cache(maxsize=256)
def _benefit_words(focus: tuple[str, ...], had: tuple[str, ...]) -> tuple[str, ...]:
    """The question's words naming a benefit (…补贴, …金, …贷款), less those told as already had."""
    return tuple(w for w in focus if w.endswith(_BENEFIT_HEADS) and w not in had)


def _asked_benefit_is_only_its_base(match: MeasureMatch) -> bool:
    """The question names a benefit that this measure only builds on — 失业补助金 is paid as 当地失业
    保险金的80% to people whose 失业保险金 ran out — and nothing in the question names this measure:
    a question about the 失业保险金 itself is not answered with the 失业补助金's figure."""
    measure = match.measure
    if measure.kind not in _PAYMENTS:
        # A rule about the named benefit itself (how a 创业担保贷款's losses are shared, who funds it)
        # is not another benefit built on it.
        return False
    benefits = _benefit_words(match.focus, match.had)
    if not benefits:
        return False
    names = (measure.name, *measure.aliases)
    if any(any(b in name for name in names) for b in benefits):
        return False
    return any(len(b) >= 3 and b in measure.span for b in benefits)


def _names_the_benefit(match: MeasureMatch) -> bool:
    """The measure's name or an alias holds a benefit the question names (…补贴, …金, …贷款)."""
    names = (match.measure.name, *match.measure.aliases)
    return any(len(b) >= 3 and any(b in name for name in names) for b in _benefit_words(match.focus, match.had))


def _payment_asked_of_no_payment(match: MeasureMatch) -> bool:
    """The question asks for money by name (奖金, 补贴, 补助 …) and the measure pays nothing (an honour, a
    service, a duty) nor says the word asked."""
    if match.measure.kind in _PAYMENTS or match.named is not None:
        return False
    span = match.measure.span
    if any(word in span for word in _GRANTS_BY_REFERENCE):
        # 同等享受企业吸纳就业扶持政策, 参照…享受, 纳入…补贴范围: it pays what the policies it points to pay.
        return False
    asked = [w for w in match.focus if w.endswith(_BENEFIT_HEADS) and w not in match.had]
    said = f"{match.measure.name}，{span}"
    return bool(asked) and not any(_shortened_in(w, said) for w in asked)


def _shortened_in(word: str, text: str) -> bool:
    """The word is in the text, whole or as people shorten it, dropping characters from the middle
    (失业金 of 失业保险金, 社保 of 社会保险)."""
    return word in text or _shortened(word).search(text) is not None


@lru_cache(maxsize=4096)
def _shortened(word: str) -> re.Pattern[str]:
    """The word's characters in order, up to three others of one phrase between each two (asked of a
    few words against every candidate measure's texts: built once per word)."""
    gaps = "".join(f"{re.escape(ch)}[^，,。；;]{{0,3}}?" for ch in word[:-1])
    return re.compile(gaps + re.escape(word[-1]))


def _only_modifies_an_unheld_payment(match: MeasureMatch, question: str) -> bool:
    """The question asks of a payment or a tax that this measure neither names nor holds (工资个人所得税
    咋算, 创业补贴要交个人所得税吗), and every word they share only says whose or which that payment is —
    it stands right before the payment's name (工资 of 工资个人所得税) or is a part of it: the measure
    is not about what was asked."""
    if match.named is not None or match.named_apart is not None or not question:
        return False
    measure = match.measure
    texts = (measure.span, measure.name, *measure.aliases)
    unheld = [
        w
        for w in match.focus
        if _may_name_a_payment(w) and w not in match.had and not any(_shortened_in(w, text) for text in texts)
    ]
    by_noun = _benefits_by_an_unheld_noun(match, question, texts)
    unheld += by_noun
    if not unheld:
        return False
    shared = [w for w in match.focus if any(w in text for text in texts)]
    if by_noun and not shared:
        # Only the glossary's readings of other words tie it to the question (农村 → 农村劳动力).
        return True

    def only_qualifies(word: str) -> bool:
        return any(
            (word in payment and word != payment) or (word + payment) in question or f"{word}的{payment}" in question
            for payment in unheld
        )

    return bool(shared) and all(only_qualifies(w) for w in shared)


def _benefits_by_an_unheld_noun(match: MeasureMatch, question: str, texts: tuple[str, ...]) -> list[str]:
    """The benefits the question names by a noun of their own right before a generic benefit word,
    which the segmenter cut apart (危房改造 + 补助, 廉租房 + 补贴), where the measure holds neither that
    noun nor a term the glossary reads it as: 危房改造补助 is another benefit than a 技能培训补贴 that
    shares only 农村 and 补助 with the question. The noun is the longest word of the question ending
    right before the benefit word (的 between them allowed), itself no benefit word."""
    found: list[str] = []
    words = [w for w in match.focus if w not in match.had and _may_name_what_a_benefit_is_for(w)]
    for head in _GENERIC_BENEFIT.finditer(question):
        before = question[: head.start()].removesuffix("的")
        nouns = [w for w in words if before.endswith(w)]
        if not nouns:
            continue
        noun = max(nouns, key=len)
        if _object_of_a_verb(before.removesuffix(noun)):
            continue  # 帮人找到工作的补贴: what the benefit rewards, told as an event — no benefit's own noun
        readings = (noun, *glossary_meanings(noun))
        if not any(_shortened_in(reading, text) for reading in readings for text in texts):
            found.append(
                question[head.start() - len(noun) - (len(question[: head.start()]) - len(before)) : head.end()]
            )
    return found


def _shares_only_inside_its_terms(match: MeasureMatch, question: str) -> bool:
    """One shared word decides nothing when it names other things on each side: every word the question
    shares with this measure is, in the question, only a part of a longer word naming no people that the
    measure lacks (康复 of 康复训练), and, in the measure, only a part inside a group it is for that the
    question never says (康复 of 戒毒康复人员) — or the question names its own people the measure never
    names (残疾儿童). Whom and what the question asks about are then not this measure's."""
    if match.named is not None or match.named_apart is not None or not question:
        return False
    measure = match.measure
    texts = (measure.span, measure.name, *measure.aliases)
    words = [w for w in match.focus if len(w) > 1 and w not in match.had]
    shared = [w for w in words if _held(w, texts)]
    if not shared or len(shared) == len(words):
        return False
    if _for_other_people(words, shared, texts):
        return True
    groups = tuple(g for target in measure.targets for g in _LISTED.split(target) if g and g not in question)
    return bool(groups) and all(
        not names_people(word) and _only_part_of_unheld(word, words, texts) and _only_inside(word, texts, groups)
        for word in shared
    )


def _only_part_of_unheld(word: str, words: list[str], texts: tuple[str, ...]) -> bool:
    """In the question the word stands only inside longer words of it naming no people, which the
    measure lacks (康复 of 康复训练)."""
    longer = [w for w in words if word in w and w != word]
    return bool(longer) and not any(names_people(w) or _held(w, texts) for w in longer)


def _for_other_people(words: list[str], shared: list[str], texts: tuple[str, ...]) -> bool:
    """The question names its own people by a word of their own (残疾儿童, 老师 — not a kind of 人 or
    人员), whom the measure never names (nor the terms the glossary reads them as), and shares with it
    only parts of that name (残疾) and words saying that money is paid and who pays it (补贴, 政府): the
    measure is for other people."""
    people = [w for w in words if _named_by_own_word(w) and not _held(w, texts)]
    if not people:
        return False
    return all(
        word in PAYER_WORDS or word in PAYMENT_WORDS or any(word in p and word != p for p in people) for word in shared
    )


@lru_cache(maxsize=8192)
def _named_by_own_word(word: str) -> bool:
    """People named by a word of their own (儿童, 老师), not as a kind of person (下岗工人, 低保户, 毕业生)."""
    head = people_word(word)
    return bool(head) and head[-1] not in _PERSON_ENDS


# The last characters of the words naming people as a kind of person (人员, 工人, 劳动者, 低保户, 毕业生 …).
_PERSON_ENDS = frozenset("人员者户生庭体群象女力")


def _held(word: str, texts: tuple[str, ...]) -> bool:
    return any(reading in text for reading in _readings(word) for text in texts)


@lru_cache(maxsize=8192)
def _readings(word: str) -> tuple[str, ...]:
    """The word and the terms the glossary reads it as: a question's words are asked of every candidate measure,
    so they are looked up once per word."""
    return (word, *glossary_meanings(word))


# The separators of a target list (社区服刑人员、戒毒康复人员、刑满释放人员).
_LISTED = re.compile(r"[、，,和及]")


def _only_inside(word: str, texts: tuple[str, ...], terms: tuple[str, ...]) -> bool:
    """Every place the word stands in the texts is strictly inside one of the terms: neither the term's
    first nor its last word (戒毒 leads 戒毒康复人员 and names its people; 康复 is only a part). A word
    held only as the glossary reads it stands nowhere inside."""
    found = False
    for text in texts:
        at = text.find(word)
        while at >= 0:
            if not any(_strictly_within(text, at, len(word), term) for term in terms):
                return False
            found = True
            at = text.find(word, at + 1)
    return found


def _strictly_within(text: str, at: int, size: int, term: str) -> bool:
    start = text.find(term, max(0, at + size - len(term)))
    while 0 <= start < at:
        if start + len(term) > at + size:
            return True
        start = text.find(term, start + 1)
    return False


@lru_cache(maxsize=8192)
def _may_name_a_payment(word: str) -> bool:
    """A word long enough to name a payment or a tax on its own (失业保险金, 个人所得税): a question's words
    are asked of every candidate measure, so this part, the word's alone, is worked out once."""
    return len(word) >= 3 and word.endswith(_PAYMENT_HEADS) and _names_a_payment(word)


@lru_cache(maxsize=8192)
def _may_name_what_a_benefit_is_for(word: str) -> bool:
    """A noun that may say what a benefit pays for (危房改造, 廉租房): the word's own part of the test,
    worked out once per word."""
    return (
        len(word) >= 2
        and not word.endswith(_PAYMENT_HEADS)
        # a noun naming what the benefit is for: not who pays (政府补贴), how much (一笔补偿), nor asking
        and word not in PAYER_WORDS
        # nor whom it is for (见习的大学生补贴, 退役军人的补贴): people are no thing a benefit pays for
        and not names_people(word)
        and is_dictionary_word(word)
        and _NOT_A_NOUN.search(word) is None
    )


def _object_of_a_verb(before: str) -> bool:
    """The words before a noun end with a verb (找到 of 找到工作, 介绍 of 介绍工作): the noun is that verb's
    object, and the phrase tells what is done, not a thing a benefit is named by."""
    words = tokenize(before[-6:]) if before else []
    return bool(words) and words[-1] in verbs()


# Words that count, ask or tell having rather than name a thing (一段, 一笔, 有个, 还有, 几成, 多少), or deny (不能 of
# 能不能贷款 cut 能+不能: it asks whether, it names nothing a loan is for).
_NOT_A_NOUN = re.compile(r"^[一二两三四五六七八九十几多每这那哪啥某不没]|有|还|什么|怎么")

# A benefit word people put after the noun saying what it is for (危房改造补助, 租房补贴).
_GENERIC_BENEFIT = re.compile(r"补贴|补助|津贴|奖励|奖补|补偿|资助|贷款")


def _names_a_payment(word: str) -> bool:
    """A word of the dictionary naming a payment or a tax — not a question word glued to one (多少税,
    几个钱) nor a pair jieba glued by guessing."""
    return is_dictionary_word(word) and _ASKING_START.match(word) is None


_ASKING_START = re.compile(r"多少|几|啥|什么|哪|怎么|咋")


# How the name of a payment or a charge ends: a benefit's (补贴, 贷款 …) or a tax's (所得税, 增值税).
_PAYMENT_HEADS = (*_BENEFIT_HEADS, "税")


# Words of a measure that grants other measures' benefits by pointing at them.
_GRANTS_BY_REFERENCE = ("享受", "政策", "参照", "同等", "纳入", "按规定")


def _relevant(matches: MatchRanking, policy: SelectionPolicy, question: str = "") -> MatchRanking:
    """The matches about the question, in order (decided once per group of copies: relevance
    depends on what a measure says, not where)."""
    if matches and matches[0].named is None and _asked_benefit_is_only_its_base(matches[0]):
        # The best measure only builds on the benefit asked about (国家助学贷款 as a condition of a
        # 求职创业补贴): the documents mention that benefit but grant nothing of it here, and a weaker
        # measure that merely shares words (贷款, 还款) is no answer either — unless it holds more of
        # the user's own words (网上申请 失业保险金 → the online claim of that very benefit).
        # A measure whose own name holds the benefit asked (灵活就业人员…缴存住房公积金 for 能交住房公积金吗)
        # is about that very benefit, however its overlap compares.
        top = matches[0]
        return matches[1:].where(
            lambda m: (m.own_overlap > top.own_overlap or _names_the_benefit(m)) and is_relevant(m, policy)
        )
    relevant = matches.where(lambda m: is_relevant(m, policy))
    focus = matches[0].focus if matches else ()
    if _asks_only_to_borrow(focus, question):
        # A question only about borrowing (能贷多少, 贷款, 缺钱能借点不) is answered by a loan when one
        # matches, however strongly the person's group (退役士兵, 贫困户) ties it to another measure of
        # the same clause: with no loan relevant by itself, the best measure's clause's loan that holds
        # any of what the question says and stands for is the one asked.
        loans = relevant.where(lambda m: m.measure.kind is MeasureKind.LOAN)
        own_loans = loans.where(lambda m: m.measure.beneficiary is Beneficiary.PERSON)
        if not own_loans and not speaks_for_an_employer(question):
            # (a person's loan, not the 再贷款 banks lend to employers, when the person asks for themself)
            clause = relevant[0].measure.clause if relevant else None
            own_loans = matches.where(
                lambda m: (
                    m.measure.kind is MeasureKind.LOAN
                    and m.measure.beneficiary is Beneficiary.PERSON
                    and m.measure.clause == clause
                    and m.own_overlap > 0
                    and m.expansion_overlap > 0
                )
            )
            if not own_loans and asks_to_borrow(question):
                # 想回村里搞个农家乐 能不能贷款: a loan asked for in the phrase that asks is the thing asked — the
                # place's loan to a person that holds the word asking it (or its glossary meaning: 缺钱能借点不),
                # wherever the story's words ranked it.
                own_loans = matches.where(
                    lambda m: (
                        m.measure.kind is MeasureKind.LOAN
                        and m.measure.beneficiary is Beneficiary.PERSON
                        and (m.own_overlap > 0 or m.expansion_overlap > 0)
                    )
                )
        if own_loans and not speaks_for_an_employer(question) and not any(m.named for m in loans):
            # (打算回老家办个家庭农场，可以贷款吗, asked by the verb: the person's own loan before the 再贷款 lent to
            # employers; a loan asked by its name keeps the order its name gives)
            ids = {m.measure.id for m in own_loans}
            loans = own_loans.then(loans.where(lambda m: m.measure.id not in ids))
        if loans:
            ids = {m.measure.id for m in loans}
            relevant = loans.then(relevant.where(lambda m: m.measure.id not in ids))
    return relevant


# Borrowing said as people say it (贷款, 能贷, 借钱, 借点): not 借鉴 or 借口; a loan's interest (退役的有贴息不,
# 利息谁出) is asked of a loan too, never of a measure that merely names the group.
_BORROWING = re.compile(r"贷|借(?![鉴口助])|贴息|利息|利率")


def _asks_only_to_borrow(focus: tuple[str, ...], question: str) -> bool:
    """The question asks to borrow — in its own words, or by a verb cut alone (能借多少: 借) — and names no
    other benefit (…补贴, …金)."""
    borrows = any(_BORROWING.search(w) for w in focus) or _BORROWING.search(question) is not None
    return borrows and not any(w.endswith(_BENEFIT_HEADS) and not _BORROWING.search(w) for w in focus)


# A figure's unit that is itself what is paid for (每学时: an hour of training) — not a bare counter of
# people, households or time (每人, 每户, 每月), which says nothing of what is paid.
_PAID_UNIT = re.compile(r"每(学时|课时)")


def _counted_by_the_unit_asked(question: str, measure: Measure) -> bool:
    """The question asks by a unit of what is paid for that one of the measure's figures counts — with
    每 or without (每学时补几块, 学时费补贴多少, 一个学时给多少: 每学时8元)."""
    return any(unit in question for amount in measure.amounts for unit in _PAID_UNIT.findall(amount.text))


def select(
    matches: Sequence[MeasureMatch],
    asked: AskedIntent,
    jurisdiction_of: Mapping[str, str],
    region_named: bool,
    policy: SelectionPolicy | None = None,
    question: str = "",
    regions: RegionsAsked | None = None,
) -> Selection | None:
    """The measures to show, or None when no measure of the candidate clauses is about the question.

    `matches`: the matcher's ranking within the searched scope (a `MatchRanking` is read lazily:
    only the matches shown, and one per group of copies, are made); `jurisdiction_of`: measure id →
    jurisdiction; `region_named`: the question resolved to one covered region; `question`: the
    normalized question
    (what it says a measure is not); `regions`: whether the question compares the searched regions (巴中和
    平顶山的见习补贴一样吗 — each one's nearest measure of the same kind is shown, however it scores), and
    whether a measure's place and document put it before the best one (`place_precedence`)."""
    policy, regions = policy or SelectionPolicy(), regions or RegionsAsked()
    ranked = MatchRanking.of(matches)
    relevant = _tiered_when_unnamed(ranked, _relevant(ranked, policy, question))
    relevant = _taxes_when_asked(relevant, matches, question)
    relevant = relevant.where(
        lambda m: not _only_modifies_an_unheld_payment(m, question) and not _shares_only_inside_its_terms(m, question)
    )
    relevant = _of_the_group_told(
        _paid_to_the_recipient_asked(
            _not_founding_when_hired(_for_the_asker(relevant, question, ranked), question), ranked, policy, question
        ),
        question,
    )
    if not relevant and question:
        # 吉林那个5000块的能要不: no word of the question but the sum it tells, which names the measure —
        # or the unit of what it pays for that the question asks by (每学时补几块: 每学时8元).
        relevant = MatchRanking.of(matches).where(
            lambda m: states_a_told_figure(question, m.measure.span) or _counted_by_the_unit_asked(question, m.measure)
        )
    if not relevant:
        return None
    said_not = _said_as_not(question)
    # Whether one may still have it, being not of a group (不是就业困难人员，也能拿创业补贴吗), asks the
    # measure for that group: only a kind said as not (不是省级的) sets a measure aside then.
    by_name_only = asked.primary is Intent.ELIGIBILITY
    relevant = _general_before_narrower(_not_excluded(relevant, said_not, by_name_only), jurisdiction_of, policy)
    relevant = _called_by_more_words(_named_alike_by_own_words(relevant, jurisdiction_of), jurisdiction_of)
    relevant = _described_over_named(relevant, jurisdiction_of)
    relevant = _asked_thing_held(relevant, jurisdiction_of, question)
    relevant = _said_group_before_narrower(relevant, asked, question, jurisdiction_of)
    relevant, for_another = _told_group_first(relevant, asked)
    relevant = _payment_over_service(relevant, question, policy)
    wants_figure = asked.asks_figure and asked.primary in (
        Intent.AMOUNT,
        Intent.ELIGIBILITY,
        Intent.OVERVIEW,
    )
    relevant = _standard_before_silence(relevant) if wants_figure else relevant
    relevant = _paying_before_unpaid(relevant, asked, jurisdiction_of, question)
    relevant = _capped_when_most_asked(said_tier_first(_by_told_headcount(relevant, ranked), question), question)
    bearer = _bearer_stated_first(relevant, asked, jurisdiction_of, question)
    # 还不上谁来担: the phrases of its sentence naming who bears it are the answer (由担保基金、经办金融机构
    # 按8：2的比例分担), not its bare name.
    stated = None if bearer is relevant else payer_stated(Selection("measure", (bearer[0],)), names_a_payer)
    if stated is not None:
        return stated
    relevant = bearer
    at = _facet_asked(relevant, wants_figure, asked, question) or _states_the_told_figure(relevant, question, policy)
    listing = asked.for_self and asked.primary in _LISTING
    if not at and (listing or (_employers_sum_unnamed(relevant, asked) and asks_own_sum(question))):
        # (a facet the question's own words pick, or a sum it tells — 说要新增小额担保贷款6个亿 — names
        # what is asked, however it is paid)
        at = _paid_to_the_person(
            relevant,
            at,
            policy,
            own_business=_hiring_reward_not_asked(relevant[at], question),
            hirer=speaks_of_hiring(question) or tells_being_its_provider(relevant[at].measure, question),
        )
        if relevant[at].measure.beneficiary is Beneficiary.INSTITUTION:
            # 我这情况有啥补贴: a government's own duty (调剂失业保险金缺口) is nothing a person can get;
            # when it is the best match, nothing here answers what the person asked.
            return None
    at = at or _told_providers_own(relevant, question)
    at = at or _person_before_a_hiring_reward(relevant, policy, question)
    at = at or _persons_of_the_kind_first(relevant, question)
    relevant = own_place_first(
        relevant.moved_first(at) if at else relevant,
        ranked,
        regions.leads,
        lambda m: not _asked_benefit_is_only_its_base(m),
    )
    best = relevant[0]
    home = jurisdiction_of[best.measure.id]
    chosen = [best] if region_named else _each_regions_best(relevant, asked, jurisdiction_of, policy, regions.compared)
    chosen = _versions_saying_the_thing_asked(chosen, question, figure_asked=wants_figure or regions.compared)
    if asked.primary in _LISTING and not wants_figure:
        open_question = asked.open_list
        alike = relevant[1:].scoring_at_least(policy.listed_ratio * best.score)
        alike = alike.where(
            lambda m: (
                (m.measure.beneficiary is best.measure.beneficiary or _named_for_no_one(m, best, asked, question))
                and (open_question or not _asked_less_than(m, best))
                # 中专毕业 有啥补贴: a measure for 高校毕业生 is not listed as the person's beside one for 中职毕业生.
                and m.measure.id not in for_another
                # 失业保险金俺还能领不: a service around the payment (线上申领) is no payment to list beside it.
                and not _service_beside_a_payment(m, best, asked, question)
            )
        )
        if best.named is None and best.named_apart is None:
            # The best measure only shares words (自主创业); a payment the question names as people say
            # it (大学生自主创业有补贴吗 → 大学生创业补贴: the 5000元 初创企业补贴) is listed first among the
            # rest, however far its clause ranks below the best one's.
            named = relevant[1 : policy.max_listed + 3].where(
                lambda m: (
                    m.named_apart is not None
                    and m.measure.kind in _PAYMENTS
                    and m.measure.beneficiary is best.measure.beneficiary
                )
            )
            if named:
                ids = {m.measure.id for m in named}
                alike = named.then(alike.where(lambda m: m.measure.id not in ids))
        listed = _in_region(alike, home, jurisdiction_of, policy.max_listed - 1)
        if listed:
            return Selection("list", (best, *listed, *chosen[1:]))
    if (
        wants_figure
        and asked.primary is Intent.AMOUNT
        and (
            (unstated := _benefit_unstated(best, region_named, relevant, matches, jurisdiction_of, policy, question))
            is not None
            or _payment_asked_of_no_payment(best)
        )
    ):
        return unstated or _sum_asked_of_no_payment(best)
    each = partial(
        with_each_regions_phrase, versions=chosen, jurisdiction_of=jurisdiction_of, compared=regions.compared
    )
    if conditions := _condition_answering(best, asked, question, wants_figure):
        return each(Selection("condition", (best,), conditions=conditions))
    if not wants_figure:
        if asked.primary is Intent.ELIGIBILITY and _payment_asked_of_no_payment(best):
            # 得了五一劳动奖章，有没有奖金: the measure honours, it pays nothing — the money asked is
            # not stated, and the answer says so beside the measure's own sentence.
            return Selection("no_figure", (best,))
        if asked.primary in (Intent.CONDITIONS, Intent.ELIGIBILITY, Intent.OVERVIEW):
            conditions = by_headcount(
                conditions_asked(best, asked.units, asked.threshold, asked.bound), best.headcounts
            )
            if conditions:
                return each(Selection("condition", (best,), conditions=conditions))
        return Selection("measure", tuple(chosen))
    figure = _figure(relevant, chosen, asked, jurisdiction_of, policy, said_not, question)
    return each(
        _grade_not_granted(_length_asked_beside(_cap_asked_beside(ranked, figure, question), asked, ranked, question))
    )


def benefit_acted_on(match: MeasureMatch, question: str) -> str:
    """The benefit the question asks by name (失业保险金; 失业金 read as its formal name) that this measure only acts
    on — the object of the verb its own name holds (线上申领失业保险金, 失业保险金延续发放至法定退休年龄, 阶段性延长
    领取失业保险金期限) — when the question says nothing of that act or its conditions; "" otherwise. Decided by the
    name's structure, not by a list of benefits: a name whose words before the benefit only say whose or which it
    is (吸纳…高校毕业生社会保险补贴) is that benefit."""
    name = _BRACKETED.sub("", match.measure.name)
    for word in _benefit_words(match.focus, match.had):
        for benefit in dict.fromkeys((word, *_formal_name(word))):
            at = name.find(benefit)
            if len(benefit) < _BENEFIT_NAME or at < 0 or benefit == name:
                continue
            before, after = tokenize(name[:at])[-1:], tokenize(name[at + len(benefit) :])[:1]
            if not any(w[:2] in _HANDLING for w in (*before, *after)):
                continue
            return "" if _act_told(match.measure, benefit, question) else benefit
    return ""


_BRACKETED = re.compile(r"（[^）]*）")
_BENEFIT_NAME = 3
# Verbs whose object is a payment itself — claiming, paying, extending it (申领, 领取, 延续发放, 延长): a name with one
# right beside the benefit does something to it. (Not every verb: 就业 of 就业见习补贴 says which subsidy it is.)
_HANDLING = frozenset(("申领", "领取", "申请", "发放", "延续", "延长", "续发", "补发", "停发", "预支", "支付"))
# Words of claiming any payment (领取, 申领, 发放): saying one tells nothing of the act a measure does on it.
_CLAIMING = frozenset(("领取", "申领", "发放", "发给", "期限"))


def _act_told(measure: Measure, benefit: str, question: str) -> bool:
    """The question says a word of what the measure does to the benefit or of its conditions (网上 of 线上申领, 延长,
    退休 of 延续发放至法定退休年龄): it asks that measure, not the benefit's own figure."""
    rest = measure.name.replace(benefit, "，")
    own = {w for text in (rest, *measure.conditions) for w in tokenize(text) if len(w) >= 2} - _CLAIMING
    # (失业 of 领取失业保险金期满 is a part of the benefit's own name, however the question says it)
    return any(w[:2] in question for w in own if benefit not in w and w not in benefit)


def _benefit_unstated(
    best: MeasureMatch,
    region_named: bool,
    relevant: MatchRanking,
    matches: Sequence[MeasureMatch],
    jurisdiction_of: Mapping[str, str],
    policy: SelectionPolicy,
    question: str,
) -> Selection | None:
    """失业保险金能领多少 where the place's measures only act on it (线上申领…, …延续发放至法定退休年龄): its own
    figure is not stated — said so, the measures acting on it listed after, payments first, none a government's own
    duty. None when the best measure is no such act, or a measure here is the benefit itself (its name the
    benefit's)."""
    benefit = benefit_acted_on(best, question) if region_named else ""
    if not benefit:
        return None  # (no place named: each region's version answers as before)
    home = jurisdiction_of[best.measure.id]
    if any(
        jurisdiction_of.get(m.measure.id) == home and _BRACKETED.sub("", m.measure.name) == benefit for m in matches
    ):
        return None
    related = [
        m
        for m in (best, *relevant[1 : policy.max_listed + 3])
        if jurisdiction_of[m.measure.id] == home
        and m.measure.beneficiary is not Beneficiary.INSTITUTION
        and benefit_acted_on(m, question) == benefit
    ]
    related.sort(key=lambda m: m.measure.kind not in _PAYMENTS)
    return Selection("no_figure", tuple(related[: policy.max_listed]), benefit=benefit) if related else None


def _named_for_no_one(match: MeasureMatch, best: MeasureMatch, asked: AskedIntent, question: str) -> bool:
    """A bare name of what is paid (巴中 创业园区补贴), an overview said by no one for themself, for an
    employer nor of a group of people:
    a payment holding as much of it as the best one does is listed beside it (in its region), whoever it
    pays (the 房租…补贴 of those who move in, and the park owner's 20万元 园区建设补贴), each shown with its payee."""
    return (
        asked.primary is Intent.OVERVIEW
        # (a payment named: 园区补贴, 奖补 — not 政府能给啥支持, which asks what there is for the person told of)
        and any(word in PAYMENT_WORDS for word in best.focus)
        and not asked.for_self
        and not speaks_for_an_employer(question)
        # (就业困难人员…有补贴吗 tells whose it is: a payment to their employer is no payment of theirs)
        and not any(names_people(word) for word in best.focus)
        and match.measure.kind in _PAYMENTS
        and match.own_overlap >= best.own_overlap
    )


def _versions_saying_the_thing_asked(
    chosen: list[MeasureMatch], question: str, figure_asked: bool = False
) -> list[MeasureMatch]:
    """A question naming no place that asks a thing of a measure beyond its name (见习补贴能不能用来买意外险):
    the regions whose version speaks of that thing (吉林（八） 允许补贴用于…人身意外伤害保险) answer; a version
    elsewhere that shares only the measure's name says nothing of it and is not shown as if it did. A figure
    asked, or places compared, keeps every region (each states its figure or its silence)."""
    if len(chosen) < 2 or not question or figure_asked:
        return chosen
    best = chosen[0]
    names = "，".join(n for m in chosen for n in (m.measure.name, *m.measure.aliases))
    acts = verbs()
    asked = {
        word
        for word in best.focus
        if len(word) >= 2 and not word.isdigit() and not names_people(word) and word not in acts and word not in names
    }
    if not any(word in best.measure.span for word in asked):
        return chosen
    # (a version speaking of any asked thing of its own stays: 开业5年以内…纳入职业培训补贴范围 answers 范围)
    return [best, *(m for m in chosen[1:] if any(word in m.measure.span for word in asked))]


def with_each_regions_phrase(
    selection: Selection | None,
    versions: Sequence[MeasureMatch],
    jurisdiction_of: Mapping[str, str],
    compared: bool = False,
) -> Selection | None:
    """A phrase of one measure's sentence as the answer (its condition, the phrase stating the figure
    or the payer asked), where the question names no place and other covered regions hold the same
    measure: each region whose version says the same phrases, verbatim in its own sentence, is
    answered beside it (企业招贫困家庭劳动力 要签多长的合同: 巴中 and 资阳 both say 签订1年以上劳动合同) —
    never one region's wording as if it were the only one. `versions`: each region's best version
    (the first is the best); a region saying it otherwise is left out, never given another's words.
    `compared`: the question asks its places side by side (吉林和资阳的技能提升补贴…): a version whose name
    holds the other's (参保职工技能提升补贴 ⊃ 技能提升补贴) is the same measure there."""
    if selection is None or selection.kind not in ("condition", "stated") or len(versions) < 2:
        return selection
    primary = selection.primary
    seen = {jurisdiction_of[m.measure.id] for m in selection.chosen}
    alike = []
    for version in versions:
        where = jurisdiction_of[version.measure.id]
        if where in seen or not _named_alike(version.measure.name, primary.measure.name, compared):
            continue
        if all(phrase in version.measure.span for phrase in selection.conditions):
            alike.append(version)
            seen.add(where)
    return replace(selection, chosen=(*selection.chosen, *alike)) if alike else selection


def _named_alike(name: str, other: str, compared: bool) -> bool:
    return name == other or (compared and (name in other or other in name))


def _sum_asked_of_no_payment(best: MeasureMatch) -> Selection | None:
    """A sum asked by the payment's name of a measure that pays nothing and never says that payment."""
    if best.measure.name.endswith(_BENEFIT_HEADS):
        # 技能大赛拿了奖 能给多少钱: a measure that rewards by its name (…优胜者奖励) but pays nothing
        # countable — the sum asked is not stated, said beside its own sentence.
        return Selection("no_figure", (best,))
    # 开托育机构政府给多少建设补贴: the best measure shares a word (机构) but neither pays nor rewards
    # anything, nor says the payment asked — its figures (a risk share of 8：2) answer no sum asked.
    return None


# The headcount range a unit of a new document is granted for: a table row (3—9人｜每人3000元) or a
# condition (带动10人以上就业的).
_RANGE, _AT_LEAST = HEADCOUNT_RANGE, HEADCOUNT_AT_LEAST


def _headcount_range(measure: Measure) -> tuple[int, float] | None:
    span = measure.span
    if found := _RANGE.search(span):
        return int(found.group(1)), int(found.group(2))
    if found := _AT_LEAST.search(span):
        return int(found.group(1)), float("inf")
    return None


def _by_told_headcount(relevant: MatchRanking, ranked: MatchRanking | None = None) -> MatchRanking:
    """我带动了5个人能拿多少: of the units of a new document's clause that differ by a headcount range
    (1—2人, 3—9人, 10人以上), the one whose range holds the count told leads, the narrowest when several
    do (12 people: 10人以上 before 3人以上), and the ones whose range excludes it are not shown."""
    best = relevant[0]
    told = best.headcounts
    if not told or not best.measure.derived:
        return relevant
    if ranked is not None:
        # A tier stated as an item of its own (1.…给予一次性创业补贴6000元 / 2.…吸纳3人以上就业…的，补贴标准
        # 提高至8000元) names the measure only by its base: it is one of the measure's tiers however few of
        # the question's words its own sentence holds.
        name, shown = base_name(best.measure), {m.measure.id for m in relevant}
        relevant = relevant.then(
            ranked.in_clauses({best.measure.clause}).where(
                lambda m: (
                    m.measure.id not in shown
                    and m.measure.derived
                    and base_name(m.measure) == name
                    and _headcount_range(m.measure) is not None
                )
            )
        )
    ranges = {
        position: _headcount_range(relevant[position].measure)
        for position in relevant.positions_in({best.measure.clause})
        if relevant[position].measure.derived
    }
    ranged = {position: bounds for position, bounds in ranges.items() if bounds is not None}
    if len(ranged) == 1:
        return _told_tier_over_base(relevant, ranges)
    if len(ranged) < 2:
        return relevant
    holding = [
        (bounds[0], -position) for position, bounds in ranged.items() if any(bounds[0] <= n <= bounds[1] for n in told)
    ]
    if not holding:
        return relevant
    first = -max(holding)[1]
    moved = relevant.moved_first(first)

    chosen = ranged[first]

    def held(match: MeasureMatch) -> bool:
        # Tiers by headcount are alternatives: only the one that holds the count, and holds it most
        # narrowly, is shown (带动12人: 10人以上, not also 3人以上).
        bounds = _headcount_range(match.measure) if match.measure.derived else None
        return bounds is None or bounds == chosen

    return moved.where(held)


_STANDARD_SEARCHED = 8


def _standard_before_silence(relevant: MatchRanking) -> MatchRanking:
    """A figure asked of a measure whose article says who may have it and states no sum (第四条 一次性创业
    补贴。…可申请一次性创业补贴：) while the next article of its document sets its standard by tiers (第五条
    一次性创业补贴按…分档给予 / 个体工商户｜不限｜3000元): the standard is the answer, its tiers chosen as
    any tiers are — not the first article's silence."""
    best = relevant[0]
    if best.payable_amounts or not best.measure.derived:
        return relevant
    document, name = best.measure.id.split(".", 1)[0], base_name(best.measure)
    for position in range(1, min(len(relevant), _STANDARD_SEARCHED)):
        other = relevant[position]
        if (
            other.payable_amounts
            and other.measure.derived
            and _is_next_clause(other.measure.clause, best.measure.clause)
            and other.measure.id.split(".", 1)[0] == document
            and base_name(other.measure).endswith(name)
        ):
            return relevant.moved_first(position)
    return relevant


# Kinds of measure that pay the person or unit money, and kinds that give no sum of their own.
_PAYING_KINDS = frozenset((MeasureKind.SUBSIDY, MeasureKind.LOAN, MeasureKind.ALLOWANCE, MeasureKind.INSURANCE))
_UNPAID_KINDS = frozenset((MeasureKind.SUPPORT, MeasureKind.SERVICE, MeasureKind.DUTY, MeasureKind.TARGET))


def _paying_before_unpaid(
    relevant: MatchRanking, asked: AskedIntent, jurisdiction_of: Mapping[str, str], question: str = ""
) -> MatchRanking:
    """A sum asked of a thing (创业园区能补多少钱) that the best measure only provides (众创空间和创业园区创业
    场所, a support stating no sum) while a grant of the same place for that very thing states one (首次认定
    市级创业园区…给予业主20万元的园区建设补贴): the grant answers, when it holds every word of the question's
    own that the provision holds — the measure is the unit, not which of them a name or clause ranks first.
    So is a payment a person asks to receive (失业保险金俺还能领不) when the best measure is only a service or a
    duty around it (线上申领失业保险金): the payment answers, whether its sentence states a sum or not."""
    receives = _asks_to_receive(asked, question)
    if not relevant or not (receives or (asked.primary is Intent.AMOUNT and "money" in asked.units)):
        return relevant
    best = relevant[0]
    if best.payable_amounts or best.measure.kind not in _UNPAID_KINDS:
        return relevant
    place = jurisdiction_of.get(best.measure.id)
    held = _words_held(best, best.focus)
    if not held:
        return relevant
    for position in range(1, min(len(relevant), _STANDARD_SEARCHED)):
        other = relevant[position]
        if (
            other.measure.kind in _PAYING_KINDS
            and (other.payable_amounts or receives)
            and jurisdiction_of.get(other.measure.id) == place
            and _words_held(other, held) == held
            and not _owed_to_another_than_the_asker(other, best, question)
        ):
            return relevant.moved_first(position)
    return relevant


def _service_beside_a_payment(match: MeasureMatch, best: MeasureMatch, asked: AskedIntent, question: str) -> bool:
    """A service around the payment a person asks to receive (线上申领失业保险金 beside 失业保险金延续发放)."""
    return (
        match.measure.kind is MeasureKind.SERVICE
        and best.measure.kind in _PAYING_KINDS
        and _asks_to_receive(asked, question)
    )


def _asks_to_receive(asked: AskedIntent, question: str) -> bool:
    """Whether a person asks if they (or theirs) can be paid something (失业保险金俺还能领不, 她能领吗) — not whether
    they can use a service (他能登记失业不)."""
    return asked.primary is Intent.ELIGIBILITY and bool(_RECEIVING.search(question)) and asks_as_a_person(question)


_RECEIVING = re.compile(r"领|拿到|拿钱|到手|到账")


# The asker speaking of themself (我在创业园区里租了个工位): a person, not the park's owner.
_FIRST_PERSON = re.compile(r"[我俺]")


def _owed_to_another_than_the_asker(other: MeasureMatch, best: MeasureMatch, question: str) -> bool:
    """A grant paid to an owner or employer (给予业主20万元), asked by a person speaking of themself beside a
    provision for people (我在园区租了个工位 能补多少): not theirs, unless they name its payee or speak for
    an employer."""
    return (
        best.measure.beneficiary is Beneficiary.PERSON
        and other.measure.beneficiary in _PAID_TO_OTHERS
        and _FIRST_PERSON.search(question) is not None
        and not _names_the_payee(other, best)
        and not speaks_for_an_employer(question)
    )


def _words_held(match: MeasureMatch, words: Iterable[str]) -> frozenset[str]:
    """The words (two characters or more) that the measure's name, other names or sentence write."""
    text = "，".join((match.measure.name, *match.measure.aliases, match.measure.span))
    return frozenset(w for w in words if len(w) >= 2 and w in text)


def _is_next_clause(clause: str, before: str) -> bool:
    """The clause right after another of its document (qujing-2026-docx-05 after -04)."""
    stem, _, number = clause.rpartition("-")
    other_stem, _, other_number = before.rpartition("-")
    return stem == other_stem and number.isdigit() and other_number.isdigit() and int(number) == int(other_number) + 1


# The most one can have, asked (最多能拿多少, 最高补多少, 上限是多少).
_MOST_ASKED = re.compile(r"最多|最高|上限|封顶|顶多|至多")


def _capped_when_most_asked(relevant: MatchRanking, question: str) -> MatchRanking:
    """创业带动就业补贴最多能拿多少, where the measure is cut into a base (招用3人以下的按每人2000元) and a
    tier that states the cap (…每增加1人给予3000元，总额最高不超过3万元): the most asked is the cap, so
    the alternative (same name, same clause, a new document's) stating it leads when the best, the base
    measure itself, states none."""
    if not relevant or not _MOST_ASKED.search(question) or _sum_and_most_asked_apart(question):
        return relevant  # (each asked apart: the sum leads, the cap is shown beside it — _cap_asked_beside)
    best = relevant[0]
    if not best.measure.derived or _states_a_cap(best.measure) or best.measure.name != base_name(best.measure):
        return relevant  # (a tier asked by name — 小微企业创业担保贷款最多多少 — is what is asked)
    name = base_name(best.measure)
    capped = [
        position
        for position in relevant.positions_in({best.measure.clause})
        if base_name(relevant[position].measure) == name and _states_a_cap(relevant[position].measure)
    ]
    return relevant.moved_first(capped[0]) if len(capped) == 1 else relevant


# How much money (多少, 几千块), not how long or how many (多少个月, 补几年, 几个人).
_ASKS_HOW_MUCH = re.compile(r"多少(?!个?(?:年|月|天|人|次|岁|小时|学时|周))|几(?:块|元|千|百|万)")


def _sum_and_most_asked_apart(question: str) -> bool:
    """每人补多少，一年最多补多少: one phrase asks how much, another the most."""
    asks = [part for part in re.split(r"[，,；;。？?\s]", spoken_how(question)) if _ASKS_HOW_MUCH.search(part)]
    return any(_MOST_ASKED.search(a) for a in asks) and any(not _MOST_ASKED.search(a) for a in asks)


def _cap_asked_beside(ranked: MatchRanking, selection: Selection, question: str) -> Selection:
    """每人补多少，一年最多补多少: the sum and the most are asked apart, and a measure's cap stated on its own
    (每户企业每年补贴总额最高10万元, a unit of the same name in the same clause) is shown beside the sum its
    best unit pays when none of the chosen states a cap. So is it when only the most is asked and the
    best unit is a tier stating none of its own (开了家小公司…最多能拿多少 → the 小微企业 tier, 8000元, and
    the measure's 单个经营实体补贴总额最高不超过20000元): the most is the measure's cap."""
    if selection.kind != "figure" or not _MOST_ASKED.search(question):
        return selection
    chosen = selection.chosen
    if any(_states_a_cap(m.measure) for m in chosen):
        return selection
    best = chosen[0]
    name = base_name(best.measure)
    shown = {m.measure.id for m in chosen}
    caps = [
        ranked[position]
        for position in ranked.positions_in({best.measure.clause})
        if ranked[position].measure.id not in shown
        and base_name(ranked[position].measure) == name
        and _states_a_cap(ranked[position].measure)
    ]
    return replace(selection, chosen=(*chosen, caps[0])) if len(caps) == 1 else selection


def _grade_not_granted(selection: Selection) -> Selection:
    """考了中级工证书补多少 of a sentence granting only 高级工…2000元: no figure is the asked grade's — none is
    shown, and the grades the sentence does grant are said."""
    if selection.kind not in ("figure", "stated") or not (grades := grades_stated_apart(selection.primary)):
        return selection
    return Selection("no_figure", (selection.primary,), conditions=grades)


def _length_asked_beside(
    selection: Selection, asked: AskedIntent, ranked: MatchRanking | None = None, question: str = ""
) -> Selection:
    """一次性创业补贴多少 得开满多久: a sum and a length asked at once of a measure that pays no length — the length its
    own sentence sets (正常经营满1年, 取证之日起12个月内申请) is shown beside the sum, verbatim; the side asked (满多久,
    多长时间内) picks among lengths it sets, and a sentence setting several others is left as it is."""
    if selection.kind != "figure" or len(selection.chosen) != 1 or "money" not in asked.units:
        return selection
    best = selection.primary
    paid = best.payable_amounts
    length = _CONDITION_FIGURES["duration"]
    if "duration" not in asked.units or not paid or any(length.search(text) for text in paid):
        return selection
    if ranked is not None and (period := _own_period_unit(ranked, best, question)) is not None:
        # 社保补贴补多少能补几年 of a measure whose period is an item of its own (（二）补贴期限最长不超过3年，
        # 其中高校毕业生…2年): that unit beside the sum, the asker's group's when the question tells it
        return Selection("figure", (best, period))
    phrases = [p.strip() for p in _LENGTH_PHRASE_END.split(best.measure.span) if length.search(p)]
    said = [p for p in dict.fromkeys(phrases) if not any(text in p or p in text for text in paid)]
    side = _BOUND_SIDES[asked.bound] if asked.bound else _BOUND_SIDES["at_least"] if asked.threshold else None
    said = [p for p in said if side.search(p)] or said if side else said
    if not said or len(said) > 2:
        return selection
    return Selection("stated", (best,), conditions=(*paid, *said))


def _own_period_unit(ranked: MatchRanking, best: MeasureMatch, question: str) -> MeasureMatch | None:
    """A unit of the best one's measure (same name, same document) stating only its period, the tier the question
    says first."""
    name, document = base_name(best.measure), best.measure.clause.rsplit("-", 1)[0]
    periods = ranked.where(
        lambda m: (
            m is not best
            and base_name(m.measure) == name
            and m.measure.clause.rsplit("-", 1)[0] == document
            and bool(m.measure.amounts)
            and all(a.kind is AmountKind.DURATION for a in m.measure.amounts)
        )
    )
    return said_tier_first(periods, question)[0] if periods else None


# Where a phrase stating a length ends inside a measure's sentence: its commas, and the 、 and brackets of a card's
# line (5000元/户（首次创业、正常经营满1年、…）).
_LENGTH_PHRASE_END = re.compile(r"[，；。、（）()]")


def _states_a_cap(measure: Measure) -> bool:
    """A cap among its figures, or its own most said (①个人最高可申请贷款额度50万元: the individual's most)."""
    return any(a.kind is AmountKind.CAP for a in measure.amounts) or bool(_MOST_SAID.search(measure.span))


_MOST_SAID = re.compile(r"最高|最多|上限|封顶")


def _told_tier_over_base(relevant: MatchRanking, ranges: dict[int, tuple[int, float] | None]) -> MatchRanking:
    """每户5000元；带动5人以上就业的，每户10000元 — a base and one tier of it stated as its own unit (a
    headcount its condition names): a count told that the tier holds (开店带动了6个人) asks the tier, which
    leads, and the base it raises (same name, no headcount) is not shown beside it. A count it does not
    hold leaves the ranking as it is."""
    ((position, (low, high)),) = ((p, b) for p, b in ranges.items() if b is not None)
    tier = relevant[position].measure
    if not any(low <= n <= high for n in relevant[0].headcounts):
        return relevant
    name = base_name(tier)
    base = {id(relevant[p].measure) for p, b in ranges.items() if b is None and base_name(relevant[p].measure) == name}
    if not base:
        return relevant
    return relevant.moved_first(position).where(lambda m: id(m.measure) not in base)


def _tiered_when_unnamed(ranked: MatchRanking, relevant: MatchRanking) -> MatchRanking:
    """我吸纳了3个人就业能拿多少, where the document says 带动: a question that names no measure but
    tells how many people were taken on asks the measure paid by headcount tiers — the verb it says
    (吸纳, 带动, 招) is the document's or another, the count is what is paid for. A unit of a new document
    whose range holds the count (among the matcher's best, however few of the question's words it
    shares) leads over one that only shares a word (吸纳 of a 见习 clause)."""
    if not ranked:
        return relevant
    best = relevant[0] if relevant else ranked[0]  # (none relevant: no measure shares a word of it)
    if not best.headcounts or best.named is not None or best.named_apart is not None:
        return relevant
    if relevant and best.measure.derived and _headcount_range(best.measure) is not None:
        return relevant
    told = best.headcounts

    def holds_count(match: MeasureMatch) -> bool:
        bounds = _headcount_range(match.measure) if match.measure.derived else None
        return bounds is not None and any(bounds[0] <= n <= bounds[1] for n in told)

    held = next(
        (ranked[p].measure.id for p in range(min(len(ranked), _TIERS_LOOKED_AT)) if holds_count(ranked[p])), None
    )
    if held is None:
        return relevant
    return ranked.where(lambda m: m.measure.id == held).then(relevant.where(lambda m: m.measure.id != held))


# How far down the ranking a tier holding the count told is looked for.
_TIERS_LOOKED_AT = 12


def _states_the_told_figure(relevant: MatchRanking, question: str, policy: SelectionPolicy) -> int:
    """想拿最低工资110%那档，要留下几个人: a sum or share the question tells names the measure whose own
    sentence states it, among the close ones of the best one's clause; its position, 0 when the best
    one states it or none does."""
    best = relevant[0]
    if not question or best.named_apart is not None or _states_as_its_own(question, best.measure):
        return 0
    named = best.named
    floor = policy.figure_ratio * best.score

    def fits(match: MeasureMatch) -> bool:
        # A measure the question names by name is the one asked, whatever figure it tells — unless a
        # measure named more closely after it (新增小额担保贷款目标 of 小额担保贷款) states the figure.
        return named is None or any(named in name and name != named for name in _names(match))

    return next(
        (
            position
            for position in relevant.positions_in({best.measure.clause})
            if (relevant[position].score >= floor or named is not None)
            and fits(relevant[position])
            and _states_as_its_own(question, relevant[position].measure)
        ),
        0,
    )


def _names(match: MeasureMatch) -> tuple[str, ...]:
    return (match.measure.name, *match.measure.aliases)


def _taxes_when_asked(relevant: MatchRanking, matches: Sequence[MeasureMatch], question: str) -> MatchRanking:
    """每年能减免多少税: only a tax measure answers; a subsidy's 5000元 or a reward's 1000元 is no tax cut.
    The clauses reached may hold one sharing few words (全面落实…重点群体创业就业的税收政策): it answers,
    its silence on the sum included; none reached, nothing does (an empty ranking)."""
    if not relevant or not _asks_tax(question):
        return relevant
    if _about_taxes(relevant[0]):
        # 企业招下岗的人 能减税吗: the loan and subsidy of one sentence (税收减免、小额贷款和社保补贴) answer nothing
        # (a measure of taxes in general — 重点群体创业就业的税收政策 — may cover the one named)
        return relevant.where(lambda m: _about_taxes(m) and _holds_the_tax_named(m, general=True))
    taxes = MatchRanking.of(matches).where(lambda m: m.measure.kind is MeasureKind.TAX and _holds_the_tax_named(m))
    if not taxes:
        return taxes
    # the one sharing most of the person's own words (自主创业 → 创业税收优惠, not a severance tax rule)
    closest = max(range(min(len(taxes), _OWN_LOOKED_AT)), key=lambda at: (taxes[at].own_overlap, -at))
    return taxes.moved_first(closest) if closest else taxes


def _holds_the_tax_named(match: MeasureMatch, general: bool = False) -> bool:
    """A tax named by the question (个人所得税, 增值税: its most specific names) is the one the measure is
    about: a VAT cut never answers 工资的个人所得税怎么算. With `general`, a measure naming no tax of its
    own (落实…税收政策) may be about it too. True when the question names no tax."""
    named = [w for w in match.focus if len(w) >= 3 and w.endswith("税") and _names_a_payment(w)]
    specific = [w for w in named if not any(w != other and w in other for other in named)]
    texts = (match.measure.span, match.measure.name, *match.measure.aliases)
    if not specific or any(_shortened_in(w, text) for w in specific for text in texts):
        return True
    return general and not any(_NAMED_TAX.search(text) for text in texts)


# A tax named by its own name (增值税, 个人所得税, 城镇土地使用税), not taxes in general (税收, 税费).
_NAMED_TAX = re.compile(r"[\u4e00-\u9fff]{2,}(?<!税收|税费)税(?!收|费|务)")


def _about_taxes(match: MeasureMatch) -> bool:
    # (a service about taxes, too: 创业税收政策首问首办责任制)
    return match.measure.kind is MeasureKind.TAX or "税" in match.measure.name


def _asks_tax(question: str) -> bool:
    """A phrase that asks names a tax (减免多少税, 免税吗, 税收优惠有哪些) and no other kind of benefit."""
    asking = "，".join(asked_phrases(question)) if question else ""
    return "税" in asking and not any(head in asking for head in _GRANT_HEADS)


def _states_as_its_own(question: str, measure: Measure) -> bool:
    """The measure's own figures state a sum or share the question tells: a sentence shared by two
    measures (小额担保贷款 and its 新增小额担保贷款6亿元 target) states it for the one whose figure it is."""
    return any(states_a_told_figure(question, amount.text) for amount in measure.amounts)


def _each_regions_best(
    relevant: MatchRanking,
    asked: AskedIntent,
    jurisdiction_of: Mapping[str, str],
    policy: SelectionPolicy,
    compared: bool,
) -> list[MeasureMatch]:
    """The same question in every covered region: each region's best measure, when close (in a
    comparison, however it scores)."""
    best = relevant[0]
    chosen = [best]
    seen = {jurisdiction_of[best.measure.id]}
    if compared:
        close = relevant[1:].where(lambda m: _same_kind(m, best))
    else:
        close = relevant[1:].scoring_at_least(policy.other_region_ratio * best.score)
        # A question about one measure gets each region's version of it; one asking what there is
        # (有什么安置政策) gets each region's nearest measure.
        close = close.where(lambda m: _same_kind(m, best) and (asked.open_list or _holds_what_named_best(m, best)))
    for position, measure_id in close.measure_ids():
        if len(seen) >= policy.max_regions:
            break
        where = jurisdiction_of[measure_id]
        if where not in seen:
            chosen.append(close[position])
            seen.add(where)
    return chosen


# Other covered regions named when the asked place's measure states no figure; the regions whose copies are
# looked at for them (a copy may be a draft's or an expired document's, which is not named).
_OTHER_REGIONS_NAMED = 2
_OTHER_REGIONS_LOOKED_AT = 8


def stated_elsewhere(
    selection: Selection,
    versions: Callable[[Measure], Sequence[tuple[Measure, tuple[str, ...]]]],
    copy_of: Callable[[str], Measure | None],
    jurisdiction_of: Mapping[str, str],
) -> Selection:
    """A `no_figure` selection with the other covered regions' copies of the asked measure that state a figure
    of the asked kind: the answer names (`pointed_elsewhere`) at most two of those regions whose document
    stands, labelled, without the figure — a figure is only ever shown with the asked measure (a newcomer took
    吉林's 5000元, shown 供参考, as 资阳's).

    A version is told by the measure registry (`versions`: the measures sharing the asked one's name or an
    alias; `copy_of`: a copy of one by its id), of the same kind and for the same side (`_same_version`), and
    is no other region's measure for a narrower group the question does not name (贫困劳动者创业担保贷款's
    10万元 for a 创业担保贷款 asked).
    None is named beside several tied measures (none named by the question), a grade the measure leaves
    unstated, or a place already shown."""
    if selection.kind != "no_figure" or selection.conditions or selection.benefit:
        return selection
    best = selection.primary
    home = jurisdiction_of[best.measure.id]
    if any(jurisdiction_of[m.measure.id] == home for m in selection.chosen[1:]):
        return selection  # 考个育婴员证培训能补多少: several of the place's measures, none named — no one version
    shown = {jurisdiction_of[m.measure.id] for m in selection.chosen}
    found: list[tuple[Measure, ...]] = []
    regions: set[str] = set()
    for version, copies in versions(best.measure):
        if not _same_version(version, best):
            continue
        group: list[Measure] = []
        for measure_id in copies:
            where = jurisdiction_of.get(measure_id)
            if where is None or where in shown:
                continue
            copy = version if version.id == measure_id else copy_of(measure_id)
            if copy is not None:
                group.append(copy)
                regions.add(where)
        if group:
            found.append(tuple(group))
        if len(regions) >= _OTHER_REGIONS_LOOKED_AT:
            break
    return replace(selection, elsewhere=tuple(found)) if found else selection


def pointed_elsewhere(
    selection: Selection, stands: Callable[[Measure], bool], jurisdiction_of: Mapping[str, str]
) -> tuple[Measure, ...]:
    """The other regions' versions an answer names (`stated_elsewhere`): each region's first copy whose
    document stands on the answer's day (`stands`: official, in force, not superseded or expired — what the
    answer's own status line says of a document), read version by version until two regions are found, the
    two first by id. A 征求意见稿 states no standard in force: "另：平顶山的同类措施写有具体标准" for a draft's
    figure sent the person to a standard no one pays."""
    named: dict[str, Measure] = {}
    for group in selection.elsewhere:
        for copy in group:
            where = jurisdiction_of[copy.id]
            if where not in named and stands(copy):
                named[where] = copy
        if len(named) >= _OTHER_REGIONS_NAMED:
            break
    return tuple(sorted(named.values(), key=lambda m: m.id)[:_OTHER_REGIONS_NAMED])


def _same_version(version: Measure, asked: MeasureMatch) -> bool:
    """Another region's version of the asked measure that states a figure of the asked kind: of the same kind,
    for the same side (a person, or the unit paid for them), not ended, not its version for a narrower group."""
    measure = asked.measure
    if version.kind is not measure.kind or version.ended:
        return False
    if (version.beneficiary is Beneficiary.PERSON) != (measure.beneficiary is Beneficiary.PERSON):
        return False
    if not any(answers_amount(a, asked.units) for a in version.amounts):
        return False
    return not _special_version(version, asked)


def _special_version(version: Measure, asked: MeasureMatch) -> bool:
    """A region's version of the asked measure for a special group, not its general one: its own name, less the
    names it shares with the asked measure, holds words of its own target groups or conditions that the asked
    measure's text never uses (贫困劳动者创业担保贷款 of 创业担保贷款; 农村劳动力技能培训补贴, also called 职业培训补贴,
    of 下岗失业人员's 职业培训补贴) — unless the question names that group."""
    measure = asked.measure
    shared = {measure.name, *measure.aliases} & {version.name, *version.aliases}
    who = "，".join((*version.targets, *version.conditions))
    # Words the asked measure's own text uses too (灵活就业 of 商洛's 灵活就业社会保险补贴) narrow nothing.
    own = "".join((measure.name, *measure.aliases, measure.span))
    rest = version.name
    for name in sorted(shared, key=len, reverse=True):
        rest = rest.replace(name, "，")
    narrowing = {word for word in tokenize(rest) if len(word) > 1 and word in who and word not in own}
    if not narrowing:
        return False
    said = [w for w in asked.focus if len(w) > 1]
    named = any(word in w for w in said for word in narrowing)
    return not named and not any(names_a_group(w, version.targets) for w in _people_said(asked))


def _in_region(
    matches: MatchRanking, region: str, jurisdiction_of: Mapping[str, str], limit: int
) -> list[MeasureMatch]:
    """The first `limit` matches of measures of that region, in order (made only when taken)."""
    found: list[MeasureMatch] = []
    if limit <= 0:
        return found
    for position, measure_id in matches.measure_ids():
        if jurisdiction_of[measure_id] == region:
            found.append(matches[position])
            if len(found) == limit:
                break
    return found


def _figure(
    relevant: MatchRanking,
    chosen: list[MeasureMatch],
    asked: AskedIntent,
    jurisdiction_of: Mapping[str, str],
    policy: SelectionPolicy,
    said_not: tuple[str, ...] = (),
    question: str = "",
) -> Selection:
    """The answer to a figure question: the chosen measures' own figures, a runner-up or variant
    that states the one asked, the condition or phrase of the measure's sentence stating it — or
    that none is stated, with other covered regions' versions that do state one."""
    best = chosen[0]
    home = jurisdiction_of[best.measure.id]
    # Two measures of one clause that the question tells apart by a word each holds alone (市县级 …
    # 跟省级一样吗): both are asked, each shown with its own figure or its silence.
    same_clause = relevant[1:].in_clauses({best.measure.clause})
    chosen += [
        m
        for m in same_clause
        if m not in chosen
        and _same_kind(m, best)
        and _names_share_what_was_asked(m, best)
        and _names_what_best_lacks(m, best)
        and _names_what_best_lacks(best, m)
    ][: policy.max_listed - 1]
    if any(m.payable_amounts for m in chosen):
        # Regions that state the figure first; the order is otherwise the match order (stable sort).
        chosen = sorted(chosen, key=lambda m: not m.payable_amounts)
        chosen += _tiers_not_told(same_clause, best, chosen, policy, question)
        # Two figures asked at once (新增就业目标多少人，失业率控制在多少): facets of the same sentence
        # that state a kind of figure asked which the chosen measures leave out are shown beside them.
        if len(asked.units) > 1:
            chosen += _other_facets_stating(relevant, chosen)
        chosen += _other_kind_asked_apart(same_clause, chosen, question)
        return Selection("figure", tuple(chosen))
    # A close runner-up in the same region that states the asked kind of figure and matches more of
    # the user's own words is the measure asked about (分担比例 is the loan's risk-sharing rule, not
    # its counter-guarantee waiver, which only won on the shared name 创业担保贷款). One that matches
    # no more of them is another measure (失业保险金 ≠ the 80% 失业补助金): then no figure is shown.
    # In the best one's own clause the scores differ only by naming: one sharing clearly more of the
    # user's words (损失担保基金和银行咋分 → 8：2) is a runner-up however the shared name lifted the best.
    close = relevant[1:].scoring_at_least(policy.figure_ratio * best.score)
    ids = {m.measure.id for m in close}
    own_clause = same_clause.where(
        lambda m: (
            m.measure.id not in ids
            and m.own_overlap >= _CLEARLY_MORE * best.own_overlap
            and _states_in_form(m, asked.units)
        )
    )
    runners_up = close.then(own_clause).where(
        lambda m: (
            bool(m.payable_amounts)
            and m.own_overlap > best.own_overlap
            # (农村劳动力技能培训补贴's 每学时8元 holds only 培训补贴, the name the best one was named by)
            and _describes_beyond_the_name(m, best.named)
            and not _other_payment(m, best)
            # 去产能企业稳岗补贴's 70% is no figure of the 稳岗补贴 an 企业 asks: it is for a narrower group.
            and not _for_narrower_group_than_said(m, question, by_name=False, employers_only=True)
            # An agency's 300元/人 is never the figure of a person's own 返乡创业扶持 — unless the
            # question names whom that figure pays (创业园区…给业主补多少 → 给予业主20万元).
            and not (
                best.measure.beneficiary is Beneficiary.PERSON
                and (
                    m.measure.beneficiary in _PAID_TO_OTHERS
                    # 这个创业担保贷款能贷多少: the 担保基金's 8：2 share is no sum a person asking is lent
                    or (m.measure.beneficiary is Beneficiary.INSTITUTION and asks_as_a_person(question))
                )
                and not _names_the_payee(m, best)
            )
        )
    )
    stating = next(iter(_in_region(runners_up, home, jurisdiction_of, 1)), None)
    if stating is not None:
        return Selection("figure", (stating, *chosen[1:]))
    # Variants of the asked measure in its own clause that do state the figure (稳岗返还 of 中小微企业
    # and of 受疫情影响的企业, when the general 稳岗返还 states none): each is shown with its own figure.
    # A variant whose conditions the question never touches, beside a best one whose conditions it
    # does, is for another circumstance (疫情防控物资企业's 每人1000元 for hiring 离校未就业大学生).
    variants = [m for m in same_clause if m.payable_amounts and _variant_of(m, best) and not _fits_less(m, best)][
        : policy.max_listed
    ]
    # (开个体户 says one variant's tier, 从事个体经营: that one is asked, not every tier of the measure)
    variants = [m for m in variants if says_its_tier(m, question)] or variants
    if variants:
        return Selection("figure", (*variants, *chosen[1:]))
    # Narrower versions of the asked measure in its region, for a group the question did not name
    # (去产能企业稳岗补贴 beside 巴中's general 稳岗补贴, which states no figure): the general measure's
    # silence first, then each narrower one with its own figure, named by its own name.
    narrower = [m for m in relevant[1:] if m.payable_amounts and _narrows(m, best)]
    narrower = [m for m in narrower if jurisdiction_of[m.measure.id] == home and not _for_another_group(m, relevant)]
    if _GENERAL_CASE.search(question):
        # 一般企业按多少标准给: the general case is asked in so many words — a narrower group's figure (去产能企业's
        # 70%) is no answer to it; the general measure's silence is.
        narrower = []
    narrower = narrower[: policy.max_listed - 1]
    if narrower:
        return Selection("figure", (best, *narrower, *chosen[1:]))
    # The figure asked may be one of the measure's conditions (要交几年失业保险 → 依法参加失业保险3年以上)
    # or written in its own sentence without being a sum it pays (服务满2年后…落实编制, 2020年6月底前…
    # 暂缓缴存): that phrase answers, never "没有写明".
    # A question naming no place, the regions' versions writing the figure in their own words (至少有一人
    # 稳定就业 in 吉林, 至少有1人稳定就业 in 巴中 and 资阳): the phrase that answers the most regions
    # (`with_each_regions_phrase`: the versions of the same name saying it verbatim) answers, the best
    # region's first among equals — and a region writing none never makes it "没有写明" for every region.
    versions = [best, *(v for v in chosen[1:] if jurisdiction_of[v.measure.id] != home)]
    phrases = [w for v in versions if (w := _figure_written(v, asked)) is not None]
    if phrases:
        return max(phrases, key=lambda w: _regions_saying(w, versions))
    # A measure of the same clause whose name holds a word of the question that the best one's name
    # and sentence never use (三支一扶 names the programme; 干满几年…落实编制 asks its sibling 服务基层期满
    # 考核合格落实编制) answers with the figure its own text states.
    for sibling in same_clause:
        # Of the same kind and for the same side: a training base's 50万元 never answers a person's
        # 考个技师证…能补多少 because its name holds 补贴 where the asked measure's does not.
        if _same_kind(sibling, best) and _names_what_best_lacks(sibling, best):
            written = _figure_written(sibling, asked)
            if written is not None:
                return written
    lasting = _how_long_it_runs(best, asked, question)
    if lasting is not None:
        return lasting
    tied = _tied_unnamed(relevant, chosen, jurisdiction_of, policy)
    if tied:
        # 考个育婴员证培训能补多少: several of the region's training subsidies match equally and none is
        # named — each is said to state no sum, and no other region's figure is offered as "its" one.
        return Selection("no_figure", (best, *tied, *chosen[1:]))
    # Another region's figure is never shown for the asked measure (巴中's 5000元 is no reference for 资阳's
    # 创业补贴, which states none): the line says the asked place's measure states none, and who sets it.
    return Selection("no_figure", tuple(chosen))


# The asker says theirs is the ordinary case of whom the measure pays (一般企业, 普通的单位, 一般情况下), not a group
# singled out: a bare 一般 (一般给多少) means "usually" and is not this.
_GENERAL_CASE = re.compile(r"(?:一般|普通)的?(?:企业|单位|公司|工厂|厂子|职工|员工|劳动者|人员|情况)")


def _regions_saying(written: Selection, versions: Sequence[MeasureMatch]) -> int:
    """How many of the versions, named as the written one's measure, say its phrases verbatim."""
    name = written.primary.measure.name
    return sum(v.measure.name == name and all(p in v.measure.span for p in written.conditions) for v in versions)


def _tiers_not_told(
    same_clause: MatchRanking, best: MeasureMatch, chosen: list[MeasureMatch], policy: SelectionPolicy, question: str
) -> list[MeasureMatch]:
    """A new document's measure paid by tiers — headcount ranges (1—2人 / 3—9人 / 10人以上) or the rows
    of a table (大型企业 / 中小微企业) —, asked with no count told and no row named: which tier applies is
    not known, so every tier of the measure is shown, each with its own figure."""
    by_count = _headcount_range(best.measure) is not None
    by_row = ROW in best.measure.span
    if not best.measure.derived or best.headcounts or not (by_count or by_row) or says_its_tier(best, question):
        return []
    return [
        m
        for m in same_clause
        if m not in chosen
        and m.measure.derived
        and base_name(m.measure) == base_name(best.measure)
        and m.payable_amounts
        and (_headcount_range(m.measure) is not None or (by_row and ROW in m.measure.span))
    ][: policy.max_listed - 1]


def _tied_unnamed(
    relevant: MatchRanking, chosen: list[MeasureMatch], jurisdiction_of: Mapping[str, str], policy: SelectionPolicy
) -> list[MeasureMatch]:
    """Measures of the best one's region and kind that match the question as well as it does, when
    the question names none of them: which one was meant cannot be told, so none is picked alone.
    As well by the question's own words: a clause lifted in the search by a glossary expansion (考个
    育婴员证 read as 职业资格证书 lifts the graduates' 技能提升培训补贴 clause) tells no measure apart."""
    best = chosen[0]
    if best.named is not None or best.named_apart is not None:
        return []
    home = jurisdiction_of[best.measure.id]
    return [
        m
        for m in relevant[1 : policy.max_listed + 3]
        if m not in chosen
        and (m.score >= _TIED * best.score or m.said >= _TIED * best.said)
        and jurisdiction_of[m.measure.id] == home
        and _same_kind(m, best)
        and m.own_overlap >= best.own_overlap
    ][: policy.max_listed - 1]


# How close a measure's score must come to the best one's to be a tie (the question says nothing
# that tells them apart).
_TIED = 0.9


def _names_the_payee(other: MeasureMatch, best: MeasureMatch) -> bool:
    """The question says a word of whom the other measure's figure pays (给予业主20万元, 对园区业主) that
    the best measure's name, targets and figures never use: the figure asked is the other one's."""
    paid = (*other.payable_amounts, *other.measure.targets)
    told = (best.measure.name, *best.measure.aliases, *best.measure.targets, *(a.text for a in best.measure.amounts))
    return any(
        len(word) > 1 and any(word in text for text in paid) and not any(word in text for text in told)
        for word in other.focus
    )


# How many times the best measure's share of the user's words a runner-up of its clause must hold.
_CLEARLY_MORE = 1.25


def _states_in_form(match: MeasureMatch, units: tuple[str, ...]) -> bool:
    """A figure of the measure is written as the kind asked (a sum for 额度多少, a share for 咋分): a
    share is no sum, however a money question lets the curated kinds pass."""
    patterns = [_CONDITION_FIGURES[unit] for unit in units if unit in _CONDITION_FIGURES]
    return bool(patterns) and any(p.search(text) for p in patterns for text in match.payable_amounts)


def _fits_less(other: MeasureMatch, best: MeasureMatch) -> bool:
    """The question says a word of the best measure's conditions and none of the other's."""
    words = set(best.focus)
    return bool(fits(best.measure, words, other.named)) and fits(other.measure, words, other.named) is False


def _how_long_it_runs(match: MeasureMatch, asked: AskedIntent, question: str) -> Selection | None:
    """能补到啥时候 of a measure writing no date but how long it runs or must be met within (补贴期限最长不超过3年):
    until when is told by that period, verbatim — never 没有写明 beside a sentence that says it. A period a sum is
    reckoned by (按不超过6个月的当地月人均失业保险金…确定) tells no end; a measure or runner-up writing a date
    answers before this (延长至2020年年底)."""
    if "date" not in asked.units or not _UNTIL_ASKED.search(question):
        return None
    periods = tuple(
        a.text
        for a in match.measure.amounts
        if a.kind is AmountKind.DURATION
        and not a.text.startswith("按")
        and _is_running_period(a.text, match.measure.span)
    )
    return Selection("stated", (match,), conditions=periods) if periods else None


def _is_running_period(figure: str, span: str) -> bool:
    """A duration with its unit that its own sentence says the measure runs for (期限, 最长, 不超过, 发放, 延长,
    享受…期)."""
    if not _PERIOD_UNIT.search(figure):
        return False
    return any(figure in sentence and _RUNNING_WORD.search(sentence) for sentence in _SENTENCE_END.split(span))


def _figure_written(match: MeasureMatch, asked: AskedIntent) -> Selection | None:
    """The measure's condition stating the asked kind of figure, else the phrase of its sentence
    stating it, as the answer; None when neither does."""
    conditions = by_headcount(conditions_asked(match, asked.units, asked.threshold, asked.bound), match.headcounts)
    if conditions:
        return Selection("condition", (match,), conditions=conditions)
    stated = by_headcount(stated_in_span(match, asked.units, asked.threshold), match.headcounts)
    if stated and not grade_not_stated(list(stated), match.grades):
        return Selection("stated", (match,), conditions=stated)
    return None


def _condition_answering(best: MeasureMatch, asked: AskedIntent, question: str, wants_figure: bool) -> tuple[str, ...]:
    """The condition phrases that answer before what the measure grants: of a new document's measure, the one bounding
    a figure the question tells or asks (我妈今年67了还能去不 → 安置对象年龄原则上不超过65周岁); of any measure, the
    condition whose figure a figure question asks (`_condition_figure_asked`)."""
    if best.measure.derived and (bounds := bounds_asked(best.measure, question, best.focus)):
        return bounds
    return _condition_figure_asked(best, asked, question) if wants_figure else ()


def _condition_figure_asked(match: MeasureMatch, asked: AskedIntent, question: str) -> tuple[str, ...]:
    """要签多长合同才给社保补贴: the figure asked is a condition's (签订1年以上劳动合同), not what the measure
    pays (最长1年) — the phrase that asks names a thing of the condition that neither the measure's name
    nor its paid figures hold."""
    if not asked.units or not question or not match.payable_amounts or "money" in asked.units:
        # Only a figure the measure pays can be mistaken for a condition's; 要满多久、每人给多少 asks
        # the sum it pays too.
        return ()
    asking = "，".join(asked_phrases(question, strict=True))
    cues = [m.span() for m in _FIGURE_CUE.finditer(asking)]
    paid = (*match.payable_amounts, match.measure.name, *match.measure.aliases)

    def beside_a_cue(word: str) -> bool:
        # The thing measured is said next to the cue (签多长合同, 合同签多久, 职工多大比例), not anywhere
        # in the question (离校未就业毕业生…最长补几年 asks how long it pays).
        at = asking.find(word)
        while at >= 0:
            if any(at - _CUE_REACH <= end and start <= at + len(word) + _CUE_REACH for start, end in cues):
                return True
            at = asking.find(word, at + 1)
        return False

    named = tuple(
        phrase
        for phrase in conditions_asked(match, asked.units, asked.threshold, asked.bound)
        if any(
            len(word) > 1 and word in phrase and beside_a_cue(word) and not any(word in text for text in paid)
            for word in match.focus
        )
    )
    if named and match.headcounts:
        # 职工超过100人，新招用比例: the headcount told picks among every phrase stating the share.
        return by_headcount(conditions_asked(match, asked.units, asked.threshold, asked.bound), match.headcounts)
    return named


_FIGURE_CUE = re.compile(r"多长|多久|几年|几个月|多少|多大|比例|几成|百分之|几")
_CUE_REACH = 4


def conditions_asked(
    match: MeasureMatch, units: tuple[str, ...], threshold: bool = False, bound: str | None = None
) -> tuple[str, ...]:
    """The measure's condition (or target-group) phrases that state a figure of a kind the question
    names (要交几年失业保险 → 依法参加失业保险3年以上; 多大年龄以下 → 20岁以下登记失业人员): those that
    share one of its own words, else the only one stating such a figure. A side of a length asked
    (多长时间以内 → 12个月内, not 3年以上) leaves out the phrases stating the other side."""
    patterns = [_CONDITION_FIGURES[unit] for unit in units if unit in _CONDITION_FIGURES]
    if "count" in units:
        patterns.append(_SHARE_OF_PEOPLE)  # 得留用多少人 → 留用…人员比例达到50%及以上
    if not patterns and threshold:
        patterns = [_ANY_FIGURE]  # 招多少人才有奖励: whatever figure the condition states
    if not patterns:
        return ()  # 多少奖补 asks the grant; only 几年/多少钱/几成/几个/几岁 or 多少…才 can be about a condition
    phrases = (*match.measure.conditions, *match.measure.targets)
    stating = [p for p in dict.fromkeys(phrases) if any(pattern.search(p) for pattern in patterns)]
    if bound is not None:
        side = _BOUND_SIDES[bound]
        stating = [p for p in stating if side.search(p)] or stating
    tiered = by_headcount(tuple(stating), match.headcounts)
    if len(tiered) < len(stating):
        # 俺公司150号人，新招的得占多少比例: the headcount told picks the tier (在职职工超过100人的下调为10%),
        # whichever tier shares the question's other words (新招 is in the 20% one).
        return tiered
    shared = tuple(p for p in stating if any(word in p for word in match.focus))
    if not match.headcounts and not _TIERS_COMPARED.search(match.question):
        # 新招的得占多大比例, no headcount told: the share for every employer, not the one for those with
        # more than 100 on the payroll — unless it asks how the tiers differ (人多的公司是不是不一样).
        shared = without_untold_headcount(shared)
    return shared or (tuple(stating) if len(stating) == 1 else ())


# Asking whether tiers differ (是不是不一样, 有没有区别, 大企业不同吗).
_TIERS_COMPARED = re.compile(r"一样|不同|区别|差别|差异|相比|对比")


def stated_in_span(match: MeasureMatch, units: tuple[str, ...], threshold: bool = False) -> tuple[str, ...]:
    """The phrases of the measure's own sentence that state a figure of the asked kind (any figure
    but a date when no kind is named): those sharing one of the question's words, else all of them
    when there are at most two. What one must reach to get it asked (要签几年合同才能拿, `threshold`): the phrases
    setting a floor (签订3年以上劳动合同并…缴纳社会保险费满6个月的) first, though they say who qualifies."""
    patterns = [_CONDITION_FIGURES[unit] for unit in units if unit in _CONDITION_FIGURES] or [_ANY_FIGURE]
    measure = match.measure
    phrases = [p.strip() for p in _PHRASE_END.split(measure.span) if p.strip()]
    floors = [
        p for p in dict.fromkeys(phrases) if any(x.search(p) for x in patterns) and _BOUND_SIDES["at_least"].search(p)
    ]
    if threshold and 0 < len(floors) <= 2:
        return tuple(floors)
    # A phrase saying who qualifies (对签订1年以上劳动合同…的, a curated condition or target group) is
    # not what the measure sets: 1年以上 is no answer to 能拿多少.
    stating = [
        p
        for p in dict.fromkeys(phrases)
        if any(pattern.search(p) for pattern in patterns)
        and not p.endswith("的")
        and not any(p.removeprefix("对") in c for c in (*measure.conditions, *measure.targets))
    ]
    shared = tuple(p for p in stating if any(len(word) > 1 and word in p for word in match.focus))
    return shared or (tuple(stating) if len(stating) <= 2 else ())


def payer_stated(selection: Selection, pays_for: Callable[[str], bool]) -> Selection | None:
    """Who bears a cost asked (钱从哪里出, 哪级财政出的, 医保哪个交), where a chosen measure's own sentence
    says it (所需资金按规定从失业保险基金中列支, 由市财政给予业主20万元…): the phrases naming the payer,
    verbatim, are the answer — never the measure's sum or its bare name. `pays_for` tells whether a
    text names a payer of the cost asked; the phrase need not repeat the cost its sentence is about.
    None when no chosen measure's span says it."""
    for match in selection.chosen:
        if not pays_for(match.measure.span):
            continue
        phrases = [p.strip() for p in _PHRASE_END.split(match.measure.span) if p.strip()]
        paying = tuple(_own_figure_only(p, match.measure) for p in dict.fromkeys(phrases) if names_a_payer(p))
        if paying:
            return Selection("stated", (match,), conditions=paying)
    return None


def _own_figure_only(phrase: str, measure: Measure) -> str:
    """A payer's phrase that states this measure's figure and then another's (由市级财政分别给予50万元和5万元
    的建设补贴, the 5万元 a workshop's): cut after this measure's own figure, verbatim — the other measure's
    figure is not this one's answer. Otherwise the phrase whole."""
    for amount in measure.amounts:
        at = phrase.find(amount.text)
        if at < 0:
            continue
        rest = phrase[at + len(amount.text) :]
        if _ANY_FIGURE.search(rest) and not any(a.text in rest for a in measure.amounts):
            return phrase[: at + len(amount.text)]
    return phrase


def _employers_sum_unnamed(relevant: MatchRanking, asked: AskedIntent) -> bool:
    """A person asks a sum for themself (失业了能领多少钱) and the best match is paid to an employer that
    the question does not name (稳岗补贴 matched only the 失业 told): its figure is not theirs."""
    if asked.primary is not Intent.AMOUNT or not relevant:
        return False
    best = relevant[0]
    return best.measure.beneficiary is Beneficiary.EMPLOYER and best.named is None and best.named_apart is None


# How far down the ranking a measure paid to the person is looked for (they score near the top).
_OWN_LOOKED_AT = 20


def _person_before_a_hiring_reward(relevant: MatchRanking, policy: SelectionPolicy, question: str) -> int:
    """办农家乐也算创业吧: one telling of a business of their own, hiring nobody and naming none the
    measure pays for hiring, is not asking an employer's reward for hiring that lists such businesses
    (生产经营主体…吸纳贫困家庭劳动力就业 — 带动贫困户就业 names them): the position of the person's
    measure to put first, or 0."""
    if _hiring_reward_not_asked(relevant[0], question):
        return _paid_to_the_person(relevant, 0, policy, own_business=True)
    return 0


def _runs(word: str) -> re.Pattern[str]:
    """A business told as one's own: opened, run or set up (开了个农家乐, 办的农家乐, 经营农家乐)."""
    return re.compile(r"(?:开|办|搞|弄|经营|干)(?:了|过|起)?一?(?:个|家|间|座)?小?的?" + re.escape(word))


def _hiring_reward_not_asked(best: MeasureMatch, question: str) -> bool:
    """An employer's reward for hiring, matched by the asker's business among the employers it lists
    (农家乐 of 农民专业合作社、…、农家乐等各类生产经营主体), where the question neither speaks of hiring or for
    an employer nor names the people hired (请了3个贫困户 does: 贫困户 → 贫困家庭劳动力)."""
    measure = best.measure
    if not pays_for_hiring(measure) or speaks_for_an_employer(question):
        return False
    said = [w for w in best.focus if len(w) >= 2]
    if not any(names_a_group(w, measure.targets) and _runs(w).search(question) for w in said):
        # (个人创业担保贷款, 资阳 扶贫车间 奖补: no business the asker tells of running is among the employers)
        return False
    readings = [r for w in said for r in (w, *glossary_meanings(w))]
    return not names_the_hired(measure, readings)


def _paid_to_the_person(
    relevant: MatchRanking, at: int, policy: SelectionPolicy, own_business: bool = False, hirer: bool = False
) -> int:
    """我…有啥补贴能领: a measure paid to the person, when one matches nearly as well, answers before
    an employer's (不裁员的企业's 稳岗返还 matched only the 裁员 the person told of losing a job). An
    employer's reward for hiring, asked by one who tells of a business of their own and hires nobody
    (我开了个农家乐 有啥补贴 — 农家乐 is among the employers 巴中（十二） pays for hiring 贫困家庭劳动力),
    is no answer however well its list of businesses matches: any person's measure that is about the
    question answers first. One who hires (`hirer`: 开厂招人有啥补贴) asks as the employer: an employer's
    measure stays first. The position of the measure to put first."""
    best = relevant[at]
    if best.measure.beneficiary is Beneficiary.PERSON or hirer:
        return at
    floor = 0.0 if own_business else policy.other_region_ratio * best.score
    for position in range(min(len(relevant), _OWN_LOOKED_AT)):
        match = relevant[position]
        if match.measure.beneficiary is Beneficiary.PERSON and match.score >= floor:
            return position
    return at


_TARGET_PARTS = re.compile(r"[、，]|和|及|等")
# 我是…, 我做…的, 我在资阳当… (where, up to four characters, between): what the asker is or does — not 我不是….
_TELLS_BEING = r"我们?[^，。？！\s不没非]{0,4}?(?:是|做|当|干)"


def tells_being_its_provider(measure: Measure, question: str) -> bool:
    """The asker tells being one of the providers the measure pays (我做劳务经纪的 … 我每介绍一个能拿好多补贴:
    劳务经纪人 are paid 巴中（十二）'s 一次性就业服务补贴): then it is the asker's own, as an employer's is for
    one who hires. Told as what the asker is or does (我是…, 我做…的), not as a thing they run among others (我们国企
    自己办了个培训机构); named as the text names it, or without the 人 it ends with."""
    return measure.beneficiary is Beneficiary.PROVIDER and tells_being_one_of(measure.targets, question)


def tells_being_one_of(targets: Sequence[str], question: str) -> bool:
    """The asker tells being one of the measure's targets (我做劳务经纪的 of 人力资源服务机构、劳务经纪人等市场主体),
    as the text names them or without the 人 they end with: read by the answer and by its wording alike (one who
    is the provider paid is not told the measure is not theirs)."""
    if "我" not in question:
        return False
    parts = (part.strip() for target in targets for part in _TARGET_PARTS.split(target))
    return any(
        re.search(rf"{_TELLS_BEING}[^，。？！\s]{{0,4}}{re.escape(part.removesuffix('人'))}", question)
        for part in parts
        if len(part) >= 3
    )


def _told_providers_own(relevant: MatchRanking, question: str) -> int:
    """One who tells being a provider a measure pays (我是劳务经纪人 … 我能拿好多补贴) asks for that measure, not
    for the employer's that the same sentence grants for the hire (企业吸纳贫困家庭劳动力社会保险补贴): the
    position of the first such measure among those that match, 0 when the best is one or none is."""
    if not relevant or tells_being_its_provider(relevant[0].measure, question):
        return 0
    for position in range(1, min(len(relevant), _OWN_LOOKED_AT)):
        if tells_being_its_provider(relevant[position].measure, question):
            return position
    return 0


def _persons_of_the_kind_first(relevant: MatchRanking, question: str) -> int:
    """A person asking of themself or a relative (这个创业担保贷款能贷多少, 她能领啥) is answered by a measure
    paid to a person before one paid to an employer or a provider, when the same document holds one of the
    same kind named as well by the question: 平顶山（十）'s 创业担保贷款 (the person's) before （九）'s 小微企业
    创业担保贷款 (the employer's), both named 创业担保贷款. One who speaks as an employer (我们公司, 招人) is
    not asked here (`asks_as_a_person`). The position of the measure to put first (0: the best stays)."""
    best = relevant[0] if relevant else None
    if best is None or best.measure.beneficiary not in _PAID_TO_OTHERS or not asks_as_a_person(question):
        return 0
    if tells_being_hired(question):
        # 有个厂说招我进去就有社保补贴…我能领多少: the hire's subsidy is what is asked, and it is the unit's.
        return 0
    document = best.measure.id.split(".")[0]
    for position in range(1, min(len(relevant), _OWN_LOOKED_AT)):
        match = relevant[position]
        if (
            match.measure.beneficiary is Beneficiary.PERSON
            and match.measure.kind is best.measure.kind
            and match.measure.id.split(".")[0] == document
            and (best.named is None or match.named is not None)
            and not _tells_of_the_payee(best, match)
        ):
            return position
    return 0


def _tells_of_the_payee(best: MeasureMatch, match: MeasureMatch) -> bool:
    """The question tells a word of the best measure's own sentence or targets that the person's measure never
    holds (劳务经纪人, 农家乐, 扶贫车间, 见习): the asker is, or speaks of, whom the best one pays."""
    told = (best.measure.span, *best.measure.targets)
    own = (match.measure.span, match.measure.name, *match.measure.aliases, *match.measure.targets)
    return any(
        len(word) > 1 and any(word in text for text in told) and not any(word in text for text in own)
        for word in best.focus
    )


def _facet_asked(
    relevant: MatchRanking, wants_figure: bool = False, asked: AskedIntent | None = None, question: str = ""
) -> int:
    """Of measures curated on the very same sentence (a loan and the year's loan target; two targets
    of one sentence), the one whose own words — name and figures — hold more of the question's: the
    sentence matches them all equally, so only what tells them apart can decide. Its position in
    `relevant`.

    Before the words, what kind of thing is asked: a phrase that asks of a plan or target (小额贷款计划
    新放多少亿) asks the government's target, not what a person may borrow; a kind of figure asked (服务率
    要求 → a share) is answered by the facet stating one of that kind (就业服务率达到90%以上); one asked
    for oneself, by the facet paid to a person (a loan 对符合条件的个人和劳动密集型小企业: the person's)."""
    best = relevant[0]
    facets = [
        (position, relevant[position])
        for position in relevant.positions_in({best.measure.clause})
        if relevant[position].measure.span == best.measure.span
    ]
    if len(facets) < 2:
        return 0
    target_asked = asked is not None and _asks_a_target(asked, question)
    units = tuple(asked.units) if asked is not None else ()
    for_self = asked is not None and asked.for_self
    # On a tie, when a figure is asked, the facet stating one — unless a payment of the sentence
    # states none (then that silence is the answer); then what a measure grants before the year's
    # target of it. max keeps the first (the match order) on a full tie.
    silent_payment = any(m.measure.kind in _PAYMENTS and not m.payable_amounts for _, m in facets)
    stating = wants_figure and not silent_payment
    position, _ = max(
        facets,
        key=lambda pair: (
            target_asked and pair[1].measure.kind is MeasureKind.TARGET,
            any(unit != "money" and _states(pair[1], unit) for unit in units),
            # asked for oneself (我是贫困劳动者…能贷多少): the facet paid to a person, not to an employer
            for_self and pair[1].measure.beneficiary is Beneficiary.PERSON,
            _own_word_hits(pair[1]),
            stating and bool(pair[1].payable_amounts),
            pair[1].measure.kind is not MeasureKind.TARGET,
        ),
    )
    return position


# How far below the best a measure paying what was asked is looked for.
_PAYING_LOOKED_AT = 4


def _payment_over_service(relevant: MatchRanking, question: str, policy: SelectionPolicy) -> MatchRanking:
    """The question asks for a payment (有补贴吗) and the best measure pays none — a service named by a
    word the question says (劳动预备制培训 of 大力开展…劳动预备制培训): a measure close behind that pays
    it by name (劳动预备制培训补贴) and holds more of what the person tells of themself (19岁, 农村, 登记
    失业 → 20岁以下登记失业人员…农村学员) is what they asked about."""
    if not relevant or not question:
        return relevant
    best = relevant[0]
    if best.measure.kind in _PAYMENTS:
        return relevant
    said = f"{best.measure.name}，{best.measure.span}"
    asked = [head for head in _GRANT_HEADS if head in question and head not in said]
    if not asked:
        return relevant
    floor = policy.figure_ratio * best.score
    for position in range(1, min(len(relevant), _PAYING_LOOKED_AT)):
        other = relevant[position]
        if (
            other.measure.kind in _PAYMENTS
            and other.measure.beneficiary is best.measure.beneficiary  # (an agency's 300元/人 is no farmer's)
            and other.score >= floor
            and other.own_overlap > best.own_overlap
            and any(head in other.measure.name for head in asked)
        ):
            return relevant.moved_first(position)
    return relevant


def _asks_a_target(asked: AskedIntent, question: str) -> bool:
    """A phrase that asks names a plan or target (计划新放多少, 目标是多少), and not for the person's own
    use (我计划创业，能贷多少 tells a plan and asks a loan)."""
    if asked.for_self or not question:
        return False
    return any(word in phrase for phrase in asked_phrases(question) for word in _TARGET_WORDS)


# Who bears a loss or a share of it (还不上谁来担, 损失谁担, 风险怎么分担): not 谁担保 (who guarantees).
_BEARER_ASKED = re.compile(r"谁(?:来|去)?(?:担(?!保|任|当|心)|承担|负担|分担|兜底|赔)|损失|分担|分摊")
# A sentence saying who bears a loss (由担保基金、经办金融机构按8：2的比例分担; 代偿): not who pays interest
# (财政贴息), which a loss question does not ask.
_BEARS_A_LOSS = re.compile(r"分担|承担|负担|代偿|兜底")
# How far down the ranking a measure saying who bears the loss is looked for.
_BEARER_LOOKED_AT = 8


def _bearer_stated_first(
    relevant: MatchRanking, asked: AskedIntent, jurisdiction_of: Mapping[str, str], question: str = ""
) -> MatchRanking:
    """Who bears a loss is asked (还不上了谁来担, 损失谁担): a measure of the best one's region whose own
    sentence says who bears it (由担保基金、经办金融机构按8：2的比例分担) answers before the best, when the
    best's sentence says nobody and the other holds as many of the question's own words — the loan
    named is only the topic of the loss. (Who pays a cost proper, 利息谁出, is the caller's.)"""
    if asked.asks_payer or not relevant or _BEARER_ASKED.search(question) is None:
        return relevant
    best = relevant[0]
    if _BEARS_A_LOSS.search(best.measure.span):
        return relevant
    home = jurisdiction_of[best.measure.id]
    found, most = 0, best.own_overlap
    for position in range(1, min(len(relevant), _BEARER_LOOKED_AT)):
        other = relevant[position]
        if (
            jurisdiction_of[other.measure.id] == home
            and _BEARS_A_LOSS.search(other.measure.span)
            and other.own_overlap >= most
            and (not found or other.own_overlap > most)
        ):
            found, most = position, other.own_overlap
    return relevant.moved_first(found) if found else relevant


def _other_facets_stating(relevant: MatchRanking, chosen: list[MeasureMatch]) -> list[MeasureMatch]:
    """Facets of a chosen measure's sentence that state a kind of figure asked that none of the chosen
    measures states — or, cut from a new document, units of its clause under the very same name (a poster's
    岗位补贴：每人每月1135元 and 补贴期限：最长3年 lines, both 公益性岗位补贴: 补多少 补几年 asks both)."""
    covered = {unit for m in chosen for unit in m.units if _states(m, unit)}
    spans = {(m.measure.clause, m.measure.span) for m in chosen}
    named = {(m.measure.clause, m.measure.name) for m in chosen if m.measure.derived}
    out: list[MeasureMatch] = []
    for match in relevant.in_clauses({clause for clause, _ in spans}):
        if match in chosen or (
            (match.measure.clause, match.measure.span) not in spans
            and (match.measure.clause, match.measure.name) not in named
        ):
            continue
        new = {unit for unit in match.units if unit not in covered and _states(match, unit)}
        if new:
            out.append(match)
            covered |= new
    return out


def _other_kind_asked_apart(same_clause: MatchRanking, chosen: list[MeasureMatch], question: str) -> list[MeasureMatch]:
    """有补贴没 能贷多少: a word asking a kind of measure (贷 — a loan) none of the chosen is nor names (吸纳就业补贴
    names 补贴, whatever its kind), apart from the words asking theirs, which a measure of the best one's clause is
    and states a figure of: that one is asked too, shown with its figure."""
    had = {m.measure.kind for m in chosen}
    names = [name for m in chosen for name in (m.measure.name, *m.measure.aliases)]
    for kind, word in _KIND_ASKED.items():
        if kind in had or not any(
            not any(w.group() in name for name in names)
            and not _asks_kind_of(question[max(0, w.start() - _NEAR) : w.end() + _NEAR], had)
            for w in word.finditer(question)
        ):
            continue
        found = next((m for m in same_clause if m not in chosen and m.measure.kind is kind and m.payable_amounts), None)
        return [found] if found is not None else []
    return []


def _asks_kind_of(phrase: str, kinds: set[MeasureKind]) -> bool:
    return any(word.search(phrase) for kind, word in _KIND_WORD.items() if kind in kinds)


# The word asking a kind of measure in a phrase of its own (能贷多少, 有补贴没): 贷 as the verb, not 贷款 of a loan's
# name the question tells its story by (个人创业担保贷款还不上, 担保基金和银行各担多少).
_KIND_ASKED = {MeasureKind.LOAN: re.compile("贷(?!款)"), MeasureKind.SUBSIDY: re.compile("补贴|补助|奖补")}
# Any word of a kind (创业补助贷款 is one loan: its 补助 asks no subsidy apart).
_KIND_WORD = {MeasureKind.LOAN: re.compile("贷"), MeasureKind.SUBSIDY: re.compile("补贴|补助|奖补")}
# How near a word of the chosen kind makes one word (贷款补贴, 贴息补贴 ask one measure, not two).
_NEAR = 3


def _states(match: MeasureMatch, unit: str) -> bool:
    pattern = _CONDITION_FIGURES.get(unit)
    return pattern is not None and any(pattern.search(text) for text in match.payable_amounts)


def _names_what_best_lacks(match: MeasureMatch, best: MeasureMatch) -> bool:
    extra = _own_words_hit(match) - _own_words_hit(best)
    return any(word not in best.measure.span for word in extra)


def _names_share_what_was_asked(a: MeasureMatch, b: MeasureMatch) -> bool:
    """The two measures' names share a word of the question (返乡创业基地 of 省级… and 市、县级…资金补助),
    and no fewer of its words than tell them apart: versions of one thing, each named by a word."""
    words_a, words_b = _own_words_hit(a), _own_words_hit(b)
    shared = words_a & words_b
    if len(shared) < max(len(words_a - words_b), len(words_b - words_a)):
        return False  # told apart by more than they share: two measures, one of them asked
    names_a = (a.measure.name, *a.measure.aliases)
    names_b = (b.measure.name, *b.measure.aliases)
    return any(
        len(word) >= 3 and any(word in n for n in names_a) and any(word in n for n in names_b) for word in shared
    )


def _asked_less_than(match: MeasureMatch, best: MeasureMatch) -> bool:
    """The question's words found in this measure's own words (name, aliases, figures) are a strict
    part of those found in the best one's: the question tells them apart, and asks the best."""
    mine, theirs = _own_words_hit(match), _own_words_hit(best)
    return mine < theirs


def _own_word_hits(match: MeasureMatch) -> int:
    return len(_own_words_hit(match))


def _own_words_hit(match: MeasureMatch) -> frozenset[str]:
    measure = match.measure
    own_text = "".join((measure.name, *measure.aliases, *(a.text for a in measure.amounts)))
    return frozenset(word for word in match.focus if len(word) > 1 and word in own_text)


def _variant_of(a: MeasureMatch, b: MeasureMatch) -> bool:
    """A variant of measure b: in b's clause and region, and sharing a name with it (one name
    holding the other counts: 稳岗返还 ⊂ 受疫情影响企业稳岗返还)."""
    if a.measure.clause != b.measure.clause or not _same_kind(a, b):
        return False
    names_a = {a.measure.name, *a.measure.aliases}
    names_b = {b.measure.name, *b.measure.aliases}
    return any(x in y or y in x for x in names_a for y in names_b)


def _other_payment(a: MeasureMatch, b: MeasureMatch) -> bool:
    """Two payments of different kinds: a subsidy's 5000元 is never what a loan lends (能贷多少)."""
    kinds = (a.measure.kind, b.measure.kind)
    return all(kind in _PAYMENTS for kind in kinds) and kinds[0] is not kinds[1]


def _is_target_not_asked(match: MeasureMatch) -> bool:
    """A target the government sets (全年农村劳动力转移就业58.2万人…创经济收入31亿元) asked about as a benefit
    (返乡养殖补贴多少): the question names a payment and never the target."""
    if match.measure.kind is not MeasureKind.TARGET or match.named is not None:
        return False
    grants = [w for w in _benefit_words(match.focus, match.had) if w.endswith(_GRANT_HEADS)]
    if any(w in match.measure.span for w in grants):
        return False  # the target counts that very payment (新增小额担保贷款6亿元, 补助资金的20%)
    return bool(grants) and not any(w in _TARGET_WORDS for w in match.focus)


# A payment asked by name (…补贴, …补助, …奖励, …贷款): not 资金 or 基金, which a target may well count.
_GRANT_HEADS = ("补贴", "补助", "津贴", "贷款", "奖励", "奖补", "资助")
# Paid to someone other than the person asking (an employer, an agency or training provider).
_PAID_TO_OTHERS = (Beneficiary.EMPLOYER, Beneficiary.PROVIDER)
# What names a target (新增小额担保贷款目标是多少, 今年的任务): a target is then what is asked.
_TARGET_WORDS = ("目标", "任务", "指标", "计划")


def _same_kind(a: MeasureMatch, b: MeasureMatch) -> bool:
    return a.measure.kind is b.measure.kind and (a.measure.beneficiary is Beneficiary.PERSON) == (
        b.measure.beneficiary is Beneficiary.PERSON
    )


def _holds_what_named_best(other: MeasureMatch, best: MeasureMatch) -> bool:
    """Another region's measure is that region's version of the asked one only if it holds the
    question's words that the best measure's name holds (去产能 of 去产能企业稳岗补贴: a 中小微企业稳岗返还
    is not its version), leaving out the heads every payment shares (补贴, 补助 …)."""
    name = best.measure.name
    words = [w for w in best.focus if len(w) >= 2 and w in name and not any(w in head for head in _BENEFIT_HEADS)]
    measure = other.measure
    texts = (measure.span, measure.name, *measure.aliases)
    return all(any(w in t for t in texts) for w in words)


# What a question says it is not about: 不是去产能那种, 非去产能企业, 除了去产能企业, 去产能企业以外的企业.
_SAID_AS_NOT = re.compile(
    r"(?:(?<![是算属])不(?:是|算|属于)|并非|除了|(?<![是除])非)([^，。；,;？?！!（）()\s]{2,12}?)"
    r"(?:那种|这种|那类|这类|的|以外|之外|[，。；,;？?！!（）()\s]|$)"
    r"|([^，。；,;？?！!（）()的\s]{2,12}?)(?:以外|之外|除外)"
)


def _said_as_not(question: str) -> tuple[str, ...]:
    return tuple(next(g for g in m.groups() if g) for m in _SAID_AS_NOT.finditer(question))


def _not_excluded(relevant: MatchRanking, said_not: tuple[str, ...], by_name_only: bool = False) -> MatchRanking:
    """The measures about a group or a kind the question says it is not about (巴中普通企业（不是去产能
    那种）的稳岗补贴 is not 去产能企业稳岗补贴) are not asked — unless nothing else is about it."""
    if not said_not:
        return relevant
    kept = relevant.where(lambda m: not any(_holds_said_as_not(m.measure, span, by_name_only) for span in said_not))
    return kept or relevant


def _holds_said_as_not(measure: Measure, span: str, by_name_only: bool = False) -> bool:
    """The measure's name or one of its target groups holds the whole of what was said as not
    (去产能 in 去产能企业稳岗补贴). A question form (是不是, 算不算) says nothing is not. A target group
    listing several kinds (各类企业、社会组织) holds it only when every kind does: 不是企业, a 行业协会 is
    still one of its 社会组织."""
    if span in measure.name:
        return True
    return not by_name_only and any(
        all(span in kind for kind in _LISTED_KINDS.split(target) if kind) for target in measure.targets
    )


# Between the kinds a target group lists (各类企业、社会组织, 企业和社会组织).
_LISTED_KINDS = re.compile(r"[、和或]|以及")


def _general_before_narrower(
    relevant: MatchRanking, jurisdiction_of: Mapping[str, str], policy: SelectionPolicy
) -> MatchRanking:
    """A measure the question names by a name (or an alias) that another measure of the same region
    carries as its own name (稳岗补贴 of 巴中（四）, and 去产能企业稳岗补贴 of 巴中（十三）): the narrower one
    is asked only when the question says the words that narrow it (去产能); unsaid, the general measure
    leads — its figure, or its silence, is the answer, never the narrower measure's figure alone."""
    best = relevant[0]
    named = best.named
    if named and named == best.measure.name:
        return _narrower_when_said(relevant, jurisdiction_of, policy)
    if not named:
        return relevant
    home = jurisdiction_of[best.measure.id]
    close = relevant[1 : policy.max_listed + 3].scoring_at_least(policy.figure_ratio * best.score)
    general = next((m for m in close if jurisdiction_of[m.measure.id] == home and _narrows(best, m)), None)
    if general is None:
        return relevant
    focus = "".join(best.focus)
    if any(word in focus for word in _narrowing_words(best, general)):
        return relevant
    return relevant.moved_first(list(relevant).index(general))


# How close two measures named alike must score for the rest of the question's words to decide.
_NAMED_ALIKE_RATIO = 0.9
# How much more of those words the other measure's own text must hold.
_OWN_WORDS_MARGIN = 0.05


def _named_alike_by_own_words(relevant: MatchRanking, jurisdiction_of: Mapping[str, str]) -> MatchRanking:
    """Two measures of one region, in different clauses, that the question names by the same name
    (平顶山's 职业介绍补贴: for 劳务输出 in（十四）, and for placing job-seekers in（二十）): the name cannot
    tell them apart, so when they score close, the one whose own text holds more of the rest of the
    question (免费组织农民工跨省劳务输出) is what is asked."""
    best = relevant[0]
    return _runner_up_first(
        relevant,
        jurisdiction_of,
        lambda other: (
            other.named == best.named
            and other.measure.clause != best.measure.clause
            and other.score >= _NAMED_ALIKE_RATIO * best.score
            and other.own_overlap > best.own_overlap + _OWN_WORDS_MARGIN
            and other.clause_score > best.clause_score
        ),
    )


def _called_by_more_words(relevant: MatchRanking, jurisdiction_of: Mapping[str, str]) -> MatchRanking:
    """Two measures of one region, of one kind and for the same side, that no name said calls, whose
    sentences hold the question's words alike (巴中（十一） 零就业家庭…至少有1人就业, and（二十一） 公益性岗位…
    确保零就业家庭…至少有1人稳定就业): the one whose own name holds every word of the question the best
    one's name holds, and a group of people besides (零就业家庭), is the measure asked — the other only
    mentions them in a sentence about something else. The name itself, not the aliases: an alias may call
    a measure by the group it also serves."""
    best = relevant[0]
    if best.named is not None or best.named_apart is not None:
        return relevant
    home = jurisdiction_of[best.measure.id]
    best_words = _name_words_said(best)
    if not best_words:
        # (a best one whose name holds none of them is called by its sentence: 初创企业补贴 for 头一回创业…给一笔钱)
        return relevant
    for offset, other in enumerate(relevant[1:4]):
        if (
            jurisdiction_of[other.measure.id] == home
            and _same_kind(other, best)
            and other.measure.beneficiary is best.measure.beneficiary
            and other.score >= _NAMED_ALIKE_RATIO * best.score
            and other.own_overlap >= best.own_overlap
            and best_words < (more := _name_words_said(other))
            # (the more is a group of people the question names — 零就业家庭 — not a word any grant has: 扶持)
            and any(names_people(word) for word in more - best_words)
        ):
            return relevant.moved_first(offset + 1)
    return relevant


def _name_words_said(match: MeasureMatch) -> frozenset[str]:
    """The question's own words (two characters or more) that the measure's own name holds."""
    return frozenset(word for word in match.focus if len(word) > 1 and word in match.measure.name)


def _runner_up_first(
    relevant: MatchRanking, jurisdiction_of: Mapping[str, str], asked: Callable[[MeasureMatch], bool]
) -> MatchRanking:
    """The first of the three runners-up of the best (named) measure's region that is `asked`, moved
    first; the ranking unchanged when the best is named by nothing or none is."""
    best = relevant[0]
    if best.named is None:
        return relevant
    home = jurisdiction_of[best.measure.id]
    for offset, other in enumerate(relevant[1:4]):
        if jurisdiction_of[other.measure.id] == home and asked(other):
            return relevant.moved_first(offset + 1)
    return relevant


# How much more of the question's own words a measure's text must hold than the measure it names,
# and how much of them at least, to be what a story describes.
_DESCRIBED_RATIO = 2.0
_DESCRIBED_FLOOR = 0.5


def _described_over_named(relevant: MatchRanking, jurisdiction_of: Mapping[str, str]) -> MatchRanking:
    """A question that names a measure only by a name many share (培训补贴) while its own words
    describe another measure of the same region, in a clause that matches it at least as well
    (国营大厂办的培训学校…给本厂职工不收费的培训 → 企业职业技能培训机构纳入补贴范围): the described one is asked."""
    best = relevant[0]
    return _runner_up_first(
        relevant,
        jurisdiction_of,
        lambda other: (
            other.named is None
            and other.own_overlap >= max(_DESCRIBED_FLOOR, _DESCRIBED_RATIO * best.own_overlap)
            and other.clause_score >= best.clause_score
            and _describes_beyond_the_name(other, best.named)
        ),
    )


def _describes_beyond_the_name(other: MeasureMatch, name: str | None) -> bool:
    """The other measure's sentence holds a word of the question beyond the shared name the best one was named by
    (学校, 职工 of 国营大厂办的培训学校…给本厂职工…培训): holding that name alone (技师培训's 给予培训补贴 for
    学育婴师的培训补贴) describes nothing the question says."""
    if not name:
        return True
    return any(len(word) >= 2 and word not in name and word in other.measure.span for word in other.focus)


def _asked_thing_held(relevant: MatchRanking, jurisdiction_of: Mapping[str, str], question: str) -> MatchRanking:
    """The best measure is named by a name it shares (创业孵化基地) but no phrase that asks says a word
    of it beyond that name (房租跟网费能补多少), while a measure of the same region, in a clause that
    matches at least as well, writes a word asked (房租、宽带网络…补贴): the thing asked is that one's.
    The words of a phrase are its topic only: not how a figure is asked (额度最高多少), not a group of
    people (大学生), not a figure told (那个5000块的), not the name the best one was named by."""
    best = relevant[0]
    if best.named is None or not question:
        return relevant
    # (its other names too: 创业 of 在吉林创业还能领初创企业补贴不 is 创业补贴's, not 创业孵化基地's)
    own = "，".join((best.measure.name, *best.measure.aliases, best.named, best.measure.span))
    # (no phrase asking by a cue: the last one asks — 入驻以后 房租给补吗)
    phrases = asked_phrases(question, strict=True) or asked_phrases(question)[-1:]
    asked: set[str] = set()
    for phrase in phrases:
        # (a group is what a phrase asks when it asks whether one belongs to it: 他算不算就业困难人员)
        membership = _ASKS_MEMBERSHIP.search(phrase) is not None
        words = {
            word
            for word in tokenize(without_cues(phrase))
            if len(word) >= 2 and word in best.focus and not word.isdigit() and (membership or not names_people(word))
        }
        if membership:
            words = {word for word in words if not any(word != other and word in other for other in words)}
        if not words or any(word in own for word in words):
            return relevant  # a phrase asks about the best one itself (技能大师工作室补多少钱，另外…)
        asked |= words
    if not asked:
        return relevant
    return _runner_up_first(
        relevant,
        jurisdiction_of,
        lambda other: (
            other.named is None
            and other.clause_score >= best.clause_score
            and any(word in other.measure.span for word in asked)
        ),
    )


# Asking whether one belongs to a group (算不算, 属不属于, 是不是…那一类).
_ASKS_MEMBERSHIP = re.compile(r"算不算|属不属于|属于不属于|是不是|算是|能不能算|可不可以算")


def _narrower_when_said(
    relevant: MatchRanking, jurisdiction_of: Mapping[str, str], policy: SelectionPolicy
) -> MatchRanking:
    """The other side of `_general_before_narrower`: the general measure is named (技能提升补贴) and the
    question also says the words that narrow it to a measure of its own (紧缺急需工种 of 紧缺急需工种技能
    提升补贴提标): that narrower measure is what is asked — its figure, or its silence, answers."""
    best = relevant[0]
    home = jurisdiction_of[best.measure.id]
    close = relevant[1 : policy.max_listed + 3]
    focus = "".join(best.focus)
    for match in close:
        if jurisdiction_of[match.measure.id] != home or not _narrows(match, best):
            continue
        # The words written before the shared name (紧缺急需工种), not a suffix saying what it does (提标).
        before, after = match.measure.name.split(best.measure.name, 1)
        qualifier = before
        if match.measure.derived and after.startswith("（"):
            # A unit cut from a new document is named by the condition it opens with (见习补贴（留用率达到
            # 50%以上）); the condition's words say who it is for, and any one of them said asks for it.
            qualifier += after
            words = [w for w in _narrowing_words(match, best) if w in qualifier]
            if any(word in focus for word in words):
                return relevant.moved_first(list(relevant).index(match))
            continue
        words = [w for w in _narrowing_words(match, best) if w in qualifier]
        # Most of them said is enough (紧缺工种 for 紧缺急需工种): people shorten a qualifier.
        if words and 2 * sum(word in focus for word in words) >= len(words) + 1:
            return relevant.moved_first(list(relevant).index(match))
    return relevant


def _for_another_group(narrow: MeasureMatch, relevant: MatchRanking) -> bool:
    """The question names who the person is (大学生创业, 退役军人) and the narrower measure is for
    another group only (贫困劳动者创业担保贷款 beside 资阳's general 创业担保贷款): its figure is not
    the one asked. A group is a word the question says that names a target group of the measures
    it reached and that names people (大学生 → 高校毕业生; not 创业 of a target 创业项目)."""
    targets = narrow.measure.targets
    if not targets:
        return False
    groups = [t for m in relevant[:_GROUPS_LOOKED_AT] for t in m.measure.targets]
    said = [w for w in _people_said(narrow) if names_a_group(w, groups)]
    said = [w for w in said if not any(w != other and w in other for other in said)]
    return bool(said) and not any(names_a_group(w, targets) for w in said)


def _said_group_before_narrower(
    relevant: MatchRanking, asked: AskedIntent, question: str, jurisdiction_of: Mapping[str, str]
) -> MatchRanking:
    """有啥补贴 asked by someone who says who they are (失业人员, 下岗了): the measures for a narrower kind
    of that group, by words the person never says (去产能企业失业人员 beside 失业人员), are not theirs
    until those words are said — listed after the measures the person's own group may have (未就业高校毕业生
    beside 高校毕业生 stays listed: whether one is still 未就业 is for the check to ask). Asked of one measure,
    a kind of employer said (企业) is read so (`_employer_kind_as_said_first`)."""
    if not question or not relevant:
        return relevant
    if asked.primary not in _LISTING:
        return _employer_kind_as_said_first(relevant, question, jurisdiction_of)
    if not asked.open_list:
        # 能享受就业困难人员那些政策不: asked of one thing, only a measure for whom the group's people are among
        # (…建档立卡贫困家庭中的高校毕业生, the 高校毕业生 never said) waits behind those for the group as said.
        among = relevant.where(lambda m: _for_narrower_group_than_said(m, question, among_only=True))
        if not among:
            return _employer_kind_as_said_first(relevant, question, jurisdiction_of)
        ids = {m.measure.id for m in among}
        return relevant.where(lambda m: m.measure.id not in ids).then(among)
    narrower = relevant.where(lambda m: _for_narrower_group_than_said(m, question))
    if not narrower:
        return relevant
    ids = {m.measure.id for m in narrower}
    return relevant.where(lambda m: m.measure.id not in ids).then(narrower)


def _employer_kind_as_said_first(
    relevant: MatchRanking, question: str, jurisdiction_of: Mapping[str, str]
) -> MatchRanking:
    """One measure answered, the best one being for a kind of employer the question says (企业) narrowed by a
    policy concept it never says (新业态企业, 去产能企业): a close measure of the same region for that kind as
    said (对符合条件的企业…给予稳岗补贴; 社会组织…同等享受企业吸纳就业扶持政策) leads instead. A name the question
    says that the other measure's text says too (稳岗补贴, 企业吸纳就业扶持政策) does not tell whom it is for:
    the groups do."""
    best = relevant[0]
    said_name = best.named or best.named_apart
    if not _for_narrower_group_than_said(best, question, by_name=False, employers_only=True):
        return relevant
    kinds = _employer_kinds_said(best)
    home = jurisdiction_of[best.measure.id]
    for offset, other in enumerate(relevant[1:_GROUPS_LOOKED_AT]):
        if (
            jurisdiction_of[other.measure.id] == home
            and other.score >= _AS_SAID_RATIO * best.score
            and (said_name is None or said_name in _own_text(other.measure))
            and _holds_a_group(other, kinds)
            and not _for_narrower_group_than_said(other, question, by_name=False, employers_only=True)
        ):
            return relevant.moved_first(offset + 1)
    return relevant


# How close a measure for the kind of employer as said must score to lead over one for a narrower kind.
_AS_SAID_RATIO = 0.6


def _own_text(measure: Measure) -> str:
    return "，".join((*measure.targets, measure.name, *measure.aliases, measure.span))


def _holds_a_group(match: MeasureMatch, groups: list[str]) -> bool:
    """The measure's text (targets, names, span) says one of the groups, or a glossary reading of one."""
    text = _own_text(match.measure)
    return any(r in text for w in groups for r in (w, *glossary_meanings(w)) if len(r) >= 2)


def _groups_said(match: MeasureMatch) -> list[str]:
    """The question's words that name people (`_people_said`), or a kind of employer (`_employer_kinds_said`)."""
    return [*_people_said(match), *_employer_kinds_said(match)]


def _employer_kinds_said(match: MeasureMatch) -> list[str]:
    """The question's words naming a kind of employer (企业, 单位) that closes one of the measure's target
    groups (企业 of 新业态企业)."""
    targets = match.measure.targets or (match.measure.name,)
    return [
        w
        for w in match.focus
        if len(w) >= 2 and speaks_for_an_employer(w) and any(t.endswith(w) and t != w for t in targets)
    ]


def _told_group_first(relevant: MatchRanking, asked: AskedIntent) -> tuple[MatchRanking, frozenset[str]]:
    """有啥补贴 asked by someone who says which group they are of (中专毕业, 技校毕业的娃), naming no measure, when
    the best match is for a sibling group only (高校毕业生 beside 中职毕业生): the measures whose target groups
    hold the group told come first; those for a sibling group are for someone else — listed after, and their
    ids returned so a list that has the told group's measure leaves them out. 毕业生 said inside 中专毕业生 is
    not a group of its own: a word read inside a fuller word of the question, or a glossary reading of one,
    is dropped."""
    none: frozenset[str] = frozenset()
    if not relevant or asked.primary not in _LISTING or not asked.open_list:
        return relevant, none
    best = relevant[0]
    if best.named is not None or best.named_apart is not None:
        return relevant, none
    groups = [t for m in relevant[:_GROUPS_LOOKED_AT] for t in m.measure.targets]
    said = [w for w in _people_said(best) if names_a_group(w, groups)]
    fuller = {r for w in said for r in (w, *glossary_meanings(w))}
    said = [w for w in said if not any(w != other and w in other for other in fuller - {w})]
    # 中专刚毕业: 刚毕业 says only the kind (毕业 — the glossary reads it 高校毕业生), 中专 says which one:
    # a word that holds no more than the kind of a group another word of the question qualifies is dropped.
    said = [w for w in said if not any(_only_the_kind(w, other) for other in said if other != w)]
    if not said:
        return relevant, none

    readings = {r for w in said for r in (w, *glossary_meanings(w))}

    def holds(match: MeasureMatch) -> bool:
        # a measure naming no target group is for the group its name names (自主就业创业退役士兵…培训)
        return any(names_a_group(w, match.measure.targets or (match.measure.name,)) for w in said)

    def for_a_sibling(match: MeasureMatch) -> bool:
        return not holds(match) and any(_siblings(r, t) for r in readings for t in match.measure.targets)

    if not for_a_sibling(best):
        return relevant, none  # the best match is for the group told, or for anyone: the order stands
    held = relevant.where(holds)
    if not held:
        return relevant, none
    another = relevant.where(for_a_sibling)
    ids = frozenset(m.measure.id for m in another)
    kept = {m.measure.id for m in held} | ids
    rest = relevant.where(lambda m: m.measure.id not in kept)
    return held.then(rest).then(another), ids


def _only_the_kind(word: str, other: str) -> bool:
    """`word` is read as a group the other word's group is a sibling of, and says only their kind (刚毕业 →
    高校毕业生 beside 中专 → 中职毕业生: 毕业 is all 刚毕业 says)."""
    for mine in glossary_meanings(word):
        for theirs in glossary_meanings(other):
            kind = _head(theirs)
            if kind and _siblings(theirs, mine) and without_people_word(kind) in word:
                return True
    return False


def _head(group: str) -> str | None:
    """The longest closing word of a group that names a kind of people (毕业生 of 中职毕业生), or None."""
    heads = [
        t
        for t in tokenize(group)
        if t != group and group.endswith(t) and names_people(t) and len(without_people_word(t)) > 1
    ]
    return max(heads, key=len) if heads else None


def _siblings(told: str, target: str) -> bool:
    """Two groups of one kind told apart by what qualifies it (中职毕业生 and 高校毕业生: 毕业生 of another school):
    the target group holds the told group's head word (its longest closing word, 毕业生) after a qualifier, and
    nowhere the told group's own (中职)."""
    # (a head that only says "people" — 人员 of 失业人员 and 就业困难人员 — tells no kind apart)
    head = _head(told)
    if head is None:
        return False
    qualifier = told[: -len(head)]
    return target.find(head) > 0 and qualifier not in target


def _for_narrower_group_than_said(
    match: MeasureMatch, question: str, by_name: bool = True, employers_only: bool = False, among_only: bool = False
) -> bool:
    """The measure is for a kind of the group the question says (失业人员) narrowed by a policy concept
    the question never says, nor a word of it holds or is part of, nor implies (去产能 of 去产能企业失业人员),
    in its target groups (or, when it names none, its name); and no target is the group as said.
    城镇登记失业人员 is not narrower: 登记 is no concept of its own."""
    said = _employer_kinds_said(match) if employers_only else _groups_said(match)
    readings = {r for w in said for r in (w, *glossary_meanings(w)) if len(r) >= 2}
    if not readings:
        return False
    implied = {m for w in match.focus for m in glossary_meanings(w)}
    measure = match.measure
    narrowed = False
    if by_name and (match.named is not None or match.named_apart is not None):
        return False  # asked by its name: whom it is for is what is asked (求职创业补贴给哪些毕业生)
    if _only_people_among_said(measure, readings, implied, match.focus, question):
        return True
    if among_only:
        return False
    # (a group written with quotes or brackets inside a list — 零就业家庭成员“两后生（初 — is not read)
    groups = [g for t in measure.targets for g in _GROUP_LIST.split(t) if g and not _INNER_MARKS.search(g)]
    groups = groups or [measure.name]
    for group in groups:
        held = [r for r in readings if r in group]
        if not held:
            continue
        if group in readings or any(group in r for r in readings):
            return False
        qualifier = group[: min(group.index(r) for r in held)]
        unsaid = [
            c
            for c in _policy_concepts()
            if c in qualifier and c not in implied and not any(c in w or w in c for w in match.focus if len(w) >= 2)
        ]
        if not unsaid:
            return False
        narrowed = True
    return narrowed


# Where a target written as a list (高校毕业生、失业人员、返乡农民工等群体) parts into its groups.
_GROUP_LIST = re.compile(r"[、，,；;]|以及|和|及|或|等")
# Whom a target's people are among (低保家庭、建档立卡贫困家庭和特困人员中的高校毕业生): said once, after the list,
# of every group listed before it.
_AMONG = "中的"


def _only_people_among_said(
    measure: Measure, readings: set[str], implied: set[str], focus: tuple[str, ...], question: str
) -> bool:
    """A target names whom its people are among (低保家庭、建档立卡贫困家庭和特困人员中的高校毕业生), the question says
    only those (建档立卡贫困户 → 建档立卡贫困家庭) and never the people themselves (高校毕业生 — nor 大学, 大四): the
    measure is for a narrower group than said."""
    for target in measure.targets:
        listed, among, head = target.rpartition(_AMONG)
        if not among or not head or _GROUP_LIST.search(head) or _INNER_MARKS.search(target):
            continue
        if not any(r in listed for r in readings) or any(r in head or head in r for r in (*readings, *implied)):
            continue
        if any(head in w or w in head for w in focus if len(w) >= 2):
            continue
        if head.endswith(_GRADUATE_HEADS) and _COLLEGE_WORDS.search(question):
            continue
        return True
    return False


_INNER_MARKS = re.compile(r"[“”\"（）()《》]")


@lru_cache(maxsize=1)
def _policy_concepts() -> tuple[str, ...]:
    """The glossary's policy concepts (去产能, 建档立卡 …): what the documents' words mean, not how people say it."""
    return tuple(
        dict.fromkeys(w for entry in load_glossary().entries for w in entry.means if len(w) >= _CONCEPT_LENGTH)
    )


# A concept that narrows a group has a name of its own (去产能, 建档立卡), not a bare 创业 or 就业.
_CONCEPT_LENGTH = 3


def _people_said(match: MeasureMatch) -> list[str]:
    """The question's own words (two characters or more) that name people (大学生, 下岗 → 失业人员)."""
    return [w for w in match.focus if len(w) >= 2 and _names_people_as_said(w)]


def _names_people_as_said(word: str) -> bool:
    """The word names people, or the glossary reads it as a term that does (退伍 → 退役士兵)."""
    return names_people(word) or any(names_people(w) for w in glossary_meanings(word))


# How far down the ranking the target groups that tell a group word of the question are read.
_GROUPS_LOOKED_AT = 8


def _narrows(narrow: MeasureMatch, general: MeasureMatch) -> bool:
    """The first measure is the second one for a narrower group: its name holds the other's whole
    name and more (去产能企业稳岗补贴 ⊃ 稳岗补贴), same kind and beneficiary side."""
    name = general.measure.name
    return _same_kind(narrow, general) and name != narrow.measure.name and name in narrow.measure.name


def _narrowing_words(narrow: MeasureMatch, general: MeasureMatch) -> tuple[str, ...]:
    """The words of the narrower measure's name, beside the name they share, and of its target
    groups, that the general measure's own text never uses (去产能 in 去产能企业稳岗补贴; not 企业, which
    the general one's sentence 对符合条件的企业… also says)."""
    rest = "，".join((narrow.measure.name.replace(general.measure.name, "，"), *narrow.measure.targets))
    own = "".join((general.measure.name, *general.measure.aliases, general.measure.span))
    return tuple(dict.fromkeys(w for w in tokenize(rest) if len(w) > 1 and w not in own))


# What a person tells of themself that no 高校毕业生 is: schooling below college (初中, 小学, 中专…) or an
# age and past no graduate-only measure is for (五十了, 四零五零, 下岗 years ago).
_SCHOOLING_BELOW_COLLEGE = re.compile(r"初中|小学|高中|中专|职高|技校|中职|没上过学|没念过书|没读过书|文盲")
_PAST_GRADUATING = re.compile(r"四零五零|4050|大龄|下岗|岁数大|年纪大|上了年纪")
_AGE_TOLD = re.compile(
    r"([一二三四五六七八九十两]{2,3}|\d{2})(?:周岁|岁|多岁|来岁|出头)|([二三四五六七八九]十[一二三四五六七八九]?)了"
)
# Words that name college graduates: a question that says them may ask for one (我初中，孩子大学毕业).
_COLLEGE_WORDS = re.compile(r"大学|大[一二三四]|大专|专科|本科|高校|研究生|硕士|博士|高职")
# The oldest age a person may tell and still be asked about a graduate's measure (the documents' 离校2年内).
_GRADUATE_AGE_TOLD = 35
_GRADUATE_HEADS = ("高校毕业生", "大学生", "研究生")


def tells_past_college_age_or_schooling(question: str) -> bool:
    """The question tells schooling below college or an age past graduating, and names no college
    graduate: whoever it speaks of is no 高校毕业生."""
    if not question or _COLLEGE_WORDS.search(question):
        return False
    if _SCHOOLING_BELOW_COLLEGE.search(question) or _PAST_GRADUATING.search(question):
        return True
    for match in _AGE_TOLD.finditer(question):
        try:
            told = chinese_to_number(match.group(1) or match.group(2))
        except ValueError:
            continue
        if _GRADUATE_AGE_TOLD < told < 100:
            return True
    return False


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def targets(self) -> tuple[str, ...]: ...


def for_graduates_only(measure: _Named) -> bool:
    """Every target group the measure names is college graduates (…的高校毕业生), or it names none and its
    name is for them (高校毕业生自主创业…社会保险补贴)."""
    if measure.targets:
        return all(target.endswith(_GRADUATE_HEADS) for target in measure.targets)
    return measure.name.startswith(_GRADUATE_HEADS)


# Moving one's insurance from one place to another (社保转回长春, 养老保险转移接续, 医保迁过来), asked of it
# itself; no payment asked (社保补贴 of a returnee is another question).
_MOVING = re.compile(r"(?:转移|接续|转回|转过来|转过去|转到|转入|转出|迁回|迁到|迁过来|转)")
_RECORD = re.compile(r"社保|保险|养老|医保")
_MOVED = re.compile(r"转移(?!就业)|接续|转入|转出|迁移")


def moves_a_record(question: str) -> bool:
    """The question asks whether or how one's insurance (社保, 养老保险, 医保) is moved, and names no payment."""
    record = _RECORD.search(question)
    if record is None or _GENERIC_BENEFIT.search(question) or "钱" in question:
        return False
    return any(_MOVING.fullmatch(m.group()) for m in _MOVING.finditer(question[record.end() : record.end() + 8]))


# A person asking to be found work (帮我介绍个工作, 政府能帮忙找个活不, 给俺推荐份工作): a service to them, not
# the subsidy an agency is paid for placing people (职业介绍补贴, 发给服务机构). An agency or employer
# speaking (我们中介给人介绍工作) asks the other way round.
_FIND_ME_WORK = re.compile(
    r"(?:帮|给|替|为)(?:我|俺|咱|忙|我们|俺们)?(?:忙)?(?:介绍|推荐|安排|找|联系)(?:一?[个份点下]|一下)?"
    r"(?:工作|活儿?|事儿?做|事干|岗位|差事|营生|班上)"
)


def asks_to_be_found_work(question: str) -> bool:
    """The person asks someone (the government, 人社) to find or introduce work for them — not an
    agency or an employer speaking of placing or hiring others."""
    return (
        _FIND_ME_WORK.search(question) is not None
        and not speaks_for_an_employer(question)
        # 给找工作的学生发补贴吗 asks a payment to job-seekers, not to be found work
        and _GENERIC_BENEFIT.search(question) is None
        and "钱" not in question
    )


# A service that finds people work, in the documents' words: guidance, placement, posts made known or
# recommended, job fairs (专家指导团队 for returnees' businesses finds no one a job).
_FINDS_WORK = re.compile(r"职业指导|就业指导|就业服务|职业介绍|岗位信息|推荐[^，。；]{0,12}岗位|招聘|供需对接")
# …or, for a group, sees them into work (确保…至少有一人稳定就业, 托底安置, 一对一援助) — not training them.
_SEES_THEM_EMPLOYED = re.compile(_FINDS_WORK.pattern + r"|稳定就业|实现就业|安置|援助|托底|一对一")
# Target groups that are everyone who works or seeks work: a service for them is for the asker too.
_EVERYONE = re.compile(r"^(?:城乡)?劳动者(?:和用人单位)?$|^求职者$|^各类劳动者$")


def _work_found_for(ranked: MatchRanking) -> MatchRanking:
    """政府能帮介绍工作吗: the public employment services a person gets — never the subsidy paid to whoever
    introduces them (职业介绍补贴, 发给服务机构) nor an employer's measure. A service for a group the question
    names comes first (低保家庭 没人上班 有人帮找工作吗: 零就业家庭、低保家庭 援助); else one that finds people
    work (职业指导, 岗位信息, 招聘) for everyone — never one for a group the question does not name (每位贫困家庭
    劳动力至少推荐3个岗位 is for the poor). Empty when there is neither: the question is then read as any other."""
    services = ranked.where(
        lambda m: m.measure.beneficiary is Beneficiary.PERSON and m.measure.kind is MeasureKind.SERVICE
    )
    own_group = services.where(
        lambda m: _for_a_group(m) and _group_named(m) and _SEES_THEM_EMPLOYED.search(m.measure.span) is not None
    )
    general = services.where(lambda m: _FINDS_WORK.search(m.measure.span) is not None and not _for_a_group(m))
    # (of a group's services, one that finds them work before one that trains them into it)
    return own_group.where(lambda m: _FINDS_WORK.search(m.measure.span) is not None) or own_group or general


def _for_a_group(match: MeasureMatch) -> bool:
    return bool(match.measure.targets) and not all(_EVERYONE.match(t) for t in match.measure.targets)


def _group_named(match: MeasureMatch) -> bool:
    """The question names the measure's people by a word that says who, not the work sought (找工作 reads as
    求职 of 登记失业求职的高校毕业生, yet names no graduate)."""
    return any(
        len(w) >= 2 and not _WORK_SOUGHT.search(w) and names_a_group(w, match.measure.targets) for w in match.focus
    )


_WORK_SOUGHT = re.compile(r"工作|活|岗位|找|求职")


def _service_for_others(match: MeasureMatch) -> bool:
    """A service to people of a group the question does not name (就业指导和服务 for 登记失业求职的高校毕业生
    when a villager asks to be found work)."""
    measure = match.measure
    return measure.kind is MeasureKind.SERVICE and _for_a_group(match) and not _group_named(match)


_HIRING_SPAN = ("吸纳", "招用", "带动就业", "雇")


_HELD_BY_NONE = (MeasureKind.TARGET, MeasureKind.DUTY)


def _paid_to_the_recipient_asked(
    relevant: MatchRanking, ranked: MatchRanking, policy: SelectionPolicy, question: str
) -> MatchRanking:
    """The matches paid to whom the question asks for (`asked_recipient`): 公司能补多少 is answered by what
    employers get — never a provider's figure (职业介绍补贴 for 招贫困户), nor a person's own measure — and
    我是贫困户能补多少 by the person's own. When none relevant is paid to an employer or provider asked for,
    the ranking's relevant ones that are; with none there either, what is left, less the other side's (a
    provider's figure for an employer, an employer's for a provider)."""
    asked = asked_recipient(question)
    if asked is None or not relevant:
        return relevant

    def is_theirs(match: MeasureMatch) -> bool:
        # (a founder's own reward for hiring, 创业吸纳就业奖励, is paid to the one who hires as well)
        measure = match.measure
        rewards_hiring = measure.beneficiary is Beneficiary.PERSON and any(w in measure.span for w in _HIRING_SPAN)
        # (a measure the question names, 我招了两个人 我能领创业补贴吗, is asked whoever it pays)
        return (
            match.named is not None
            or not asks_for_another_than(measure.beneficiary, question)
            or (asked is Beneficiary.EMPLOYER and rewards_hiring)
        )

    if asked is Beneficiary.PERSON:
        # (a government's goal or a unit's duty — 确保每个贫困家庭至少有1人就业 — is held by no one asking: none of
        # the person's own money; with only such left, the unit's measure for the hire answers, said as the unit's)
        own = relevant.where(lambda m: is_theirs(m) and m.measure.kind not in _HELD_BY_NONE)
        if works_for_a_unit(question) and not any(m.measure.kind in MONEY_KINDS for m in own):
            # 合作社录用了我，我能拿多少: what is paid for the hire is the unit's; that answers, said as the unit's,
            # rather than a service of the person's that pays nothing
            return relevant
        return own or relevant
    if asked is Beneficiary.EMPLOYER and hires_someone(question):
        # 招贫困户公司能补多少: a placement agency's figure (职业介绍补贴) is paid for the same hire to someone else;
        # the person's own measures and what a department, park or fund is given stay.
        return relevant.where(lambda m: m.measure.beneficiary is not Beneficiary.PROVIDER or is_theirs(m)) or relevant
    if asked is Beneficiary.EMPLOYER:
        # 店里能领啥 (a shop asks for itself): a measure paid to a person is not the shop's; what a department, park
        # or fund is given stays (emp43's wider filter lost those). With only a person's measures found they stay,
        # each labelled as the person's (bot/present: sides_when_two_asked).
        return relevant.where(lambda m: m.measure.beneficiary is not Beneficiary.PERSON or is_theirs(m)) or relevant
    return relevant


# What a measure for one who founds a business of their own says of its holder (自主创业, 返乡下乡创业, 创办, 自谋职业)
# — not 求职创业补贴 (for graduates seeking work) nor 自主就业创业 (a veteran's choice, which takes a job as well).
_FOUNDING = re.compile(r"(?<!求职)(?<!就业)创业|创办|自谋职业|个体经营")


def _not_founding_when_hired(relevant: MatchRanking, question: str) -> MatchRanking:
    """The matches less a person's measure for one who founds a business of their own, when the speaker tells of
    being hired or going to work at a unit (合作社录用了我, 去企业上班): the person contradicts its condition, so
    its figure is none of theirs (a 创业担保贷款 for 自主创业 told to one a company hires). With none left, what the
    question asks of is the hire, and the unit's measure for it answers — said as paid to the unit
    (bot/present: paid_to_others). A measure the question names stays."""
    if not works_for_a_unit(question):
        return relevant

    def founding(match: MeasureMatch) -> bool:
        measure = match.measure
        said = (measure.name, *measure.conditions, *measure.targets)
        return (
            match.named is None and measure.beneficiary is Beneficiary.PERSON and any(_FOUNDING.search(w) for w in said)
        )

    return relevant.where(lambda m: not founding(m)) or relevant


def _of_the_group_told(relevant: MatchRanking, question: str) -> MatchRanking:
    """The matches less those for another group of their clause than the one the question names (我选的自主就业
    is not asked of 对符合政府安排工作条件的…, the same clause's other group); all stay when none would."""
    spans: dict[str, list[str]] = {}
    for match in relevant:
        spans.setdefault(match.measure.clause, []).append(match.measure.span)
    return (
        relevant.where(
            lambda m: (
                m.named is not None
                or not for_another_group_of_its_clause(m.measure.span, spans[m.measure.clause], question)
            )
        )
        or relevant
    )


def _for_the_asker(relevant: MatchRanking, question: str, ranked: MatchRanking | None = None) -> MatchRanking:
    """The matches that grant what the person asks, to people they may be (`ranked`: every match, for a
    service the relevance floor left out)."""
    if asks_to_be_found_work(question):
        relevant = _work_found_for(ranked or relevant) or relevant.where(lambda m: not _service_for_others(m))
    if moves_a_record(question):
        # 社保能转回老家不: moving one's insurance is done to it, and no payment is asked — a measure
        # is the answer only when its own sentence speaks of moving it (参保及转移接续提供便利).
        relevant = relevant.where(lambda m: _MOVED.search(m.measure.span) is not None)
    if tells_past_college_age_or_schooling(question):
        # 我五十了 初中文化 有啥补贴: a measure for 高校毕业生 alone is for someone else, however many
        # words (灵活就业, 社保) it shares.
        relevant = relevant.where(lambda m: not for_graduates_only(m.measure))
    return relevant
