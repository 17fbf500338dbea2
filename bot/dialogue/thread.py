"""The thread of a conversation: elliptical follow-ups read against the last policy question.

After 吉林创业担保贷款能贷多少, `那巴中呢？` names only a place: the same question for 巴中.
`能拿多少钱？` / `要什么条件？` / `去哪办？` name no topic: the same topic, another aspect, where
the last answer was. `第二条说的是什么` points at a citation of the last answer. A message that
names its own topic (a measure, a kind of benefit, an everyday word of the glossary) starts a new
thread. The topic vocabulary is the knowledge base's own: its measures' names and aliases and the
glossary (knowledge/data), so the thread holds words the documents know, never the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.dialogue.items import listed_names, pointed_item
from bot.dialogue.ports import ClauseSource
from bot.dialogue.types import Thread
from bot.dialogue.words import Vocabulary
from bot.present.answers import listed_measures
from eligibility.regions import RegionResolver
from knowledge.answer_model import Answer, AnswerStatus, MeasureRef
from knowledge.intent import (
    Intent,
    asked_phrases,
    classify,
    is_about_a_document,
    payer_cue_at,
    standard_asked,
    without_cues,
    without_time_cues,
)
from knowledge.measures import Beneficiary, Measure, load_measures
from knowledge.numerals import chinese_to_number
from knowledge.payer import paid_for
from knowledge.query import (
    doing_words,
    function_words,
    is_dictionary_word,
    jieba_words,
    load_glossary,
    load_scope,
    tokenize,
)

MAX_TOPIC_TERMS = 6
# The thread's kind of question for 利息谁出 (knowledge reads it as a department question answered
# from the sentence naming the payer): `intent_cues` asks it again in those words.
PAYER = "payer"
# The thread's kind of question for 要交税吗, 第二次还能领吗 (a detail of the measure, knowledge's
# `measure_details`): `detail:<the words asking it>`, asked again in those words elsewhere.
DETAIL = "detail"
MIN_TERM_CHARS = 2
# The longest written place name looked for right before a clause's bracketed number (巴中市恩阳区).
MAX_PLACE_CHARS = 8
# A figure as documents write it: a number with its unit (110%, 5000元, 20万元, 6个月).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:%|万元|万|元|个月|年)|\d+:\d+|\d+/\d+")
# A ratio however it is typed (8比2, 8：2, 8∶2) is written as the clauses write it (8:2).
_RATIO = re.compile(r"(\d+)\s*[比:：∶]\s*(\d+)")
# What is said around a place alone (吉林的, 那资阳呢, 巴中的文件): nothing but the place once it is gone.
# What policies a place has, asked again of another place (商洛的呢 after 西安的就业政策你知道不): the search words.
_OVERVIEW_ASKED = "就业政策有哪些"
_OVERVIEW_INTENTS = frozenset({Intent.OVERVIEW.value, Intent.WHAT.value, Intent.ELIGIBILITY.value})
_PLACE_ONLY_FILLER = re.compile(r"^(?:那|是)|的?(?:文件|那个)|[的呢吧啊呀吗哈嘛，,。？?！!\s]")
# A message's stretches, cut at clause punctuation.
_STRETCH = re.compile(r"[^，,。！!？?；;]+[，,。！!？?；;]*")
# An A-not-A question (要不要, 算不算, 有没有): it asks whether, it names nothing (不要 is no topic).
# A figure typed as a search word of its own (奖补 1000, 中介 300元): between spaces or at an end.
_TYPED_FIGURE = re.compile(r"(?:^|\s)\d+(?:\.\d+)?(?:%|万元|万|元|块|个月|年|人)?(?:\s|$)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A word made of numerals only (一百五十, 一千, 两万): a figure, not a word of some field.
_NUMERAL_WORD = re.compile(r"[零一二三四五六七八九十百千万两〇]+")
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")
# Measures that pay or lend: what 能拿多少钱 after a clause most likely means.
_PAYMENTS = frozenset({"subsidy", "loan", "allowance", "insurance"})


# At most this many characters name something else asked as the last question was (培训基地呢).
_ALIKE_CHARS = 8


@dataclass(frozen=True)
class Question:
    """What to ask the documents: the text, the place to answer for (None: the person's), and, for
    a follow-up, the words it was read as (shown to the person)."""

    text: str
    region: str | None = None
    read_as: str | None = None
    # The thread's topic from here on, when the follow-up asked it by other words (the measure's name).
    topic: tuple[str, ...] = ()
    # A reading kept only when the documents answer it: otherwise the message is asked on its own there
    # (转移就业嘞 after 商洛's training target names a target of its own, not 转移就业 people's training).
    tentative: bool = False


@dataclass(frozen=True)
class Cited:
    """The clause a message points at among the `shown` citations, or an article of a `document`
    (its title; `number` as typed, `count` its articles). `clause_id` None: there is no such one."""

    clause_id: str | None
    shown: int
    document: str | None = None
    number: str = ""
    count: int = 0
    document_id: str | None = None
    # An item of a listed answer whose clause is already on the screen: the measure it names is what is asked.
    measure: str | None = None


@lru_cache(maxsize=1)
def step_words() -> frozenset[str]:
    """Words that name a step of applying (网站, 小程序, 窗口, 材料, 到账: knowledge's procedure aspects):
    那在哪个网站上申请 after an answer asks that step of the measure shown — it names no topic of its own."""
    triggers = [t for aspect in load_scope().procedure_intent for t in aspect.triggers]
    return frozenset(w for t in triggers for w in (t, *tokenize(t)) if len(w) >= MIN_TERM_CHARS)


def step_asked(text: str) -> str | None:
    """The step of applying a stretch names by its own words (去哪申请 → 办理地点或网站, 多久批下来 → 办理时限,
    要带什么 → 所需材料: knowledge's procedure aspects), else None — 怎么申请 names none of its own."""
    for aspect in load_scope().procedure_intent:
        if any(trigger in text for trigger in aspect.triggers):
            return aspect.aspect
    return None


@lru_cache(maxsize=1)
def topic_vocabulary() -> tuple[str, ...]:
    """Measure names and aliases, the glossary's everyday words and terms; longest first."""
    terms: set[str] = set()
    for measures in load_measures().values():
        for measure in measures:
            terms.update((measure.name, *measure.aliases))
    for entry in load_glossary().entries:
        terms.update((*entry.say, *entry.means))
    # (a glossary word holding how a figure is asked — 多少税 — names no topic: 多少 is the asking)
    usable = {t for t in terms if len(t) >= MIN_TERM_CHARS and not re.search(r"[“”（）()、，]|多少", t)}
    return tuple(sorted(usable, key=lambda t: (-len(t), t)))


def policy_vocabulary() -> tuple[str, ...]:
    """The policies' own terms — measure names and aliases, the glossary's terms — without the everyday
    words people say for them (失去工作): what a pair typed by its syllables alone may be read as."""
    terms: set[str] = set()
    for measures in load_measures().values():
        for measure in measures:
            terms.update((measure.name, *measure.aliases))
    for entry in load_glossary().entries:
        terms.update(entry.means)
    return tuple(sorted(t for t in terms if len(t) >= MIN_TERM_CHARS))


# How many kinds of help a general question is told about, and the longest name shown for one.
COMMON_KINDS = 6
MAX_KIND_CHARS = 6


@lru_cache(maxsize=1)
def common_kinds() -> tuple[str, ...]:
    """The kinds of help the collected documents grant people most widely (创业担保贷款, 社会保险补贴 …):
    short names and aliases of payments to a person, by how many documents use them (longer first on
    a tie), each shown once — a name whose measures are mostly those of a name already taken (社保补贴
    after 社会保险补贴) is the same kind."""
    measures_of: dict[str, set[str]] = {}
    documents_of: dict[str, set[str]] = {}
    for document, measures in load_measures().items():
        for measure in measures:
            if measure.beneficiary is not Beneficiary.PERSON or measure.kind.value not in _PAYMENTS:
                continue
            for name in {measure.name, *measure.aliases}:
                if len(name) <= MAX_KIND_CHARS:
                    measures_of.setdefault(name, set()).add(measure.id)
                    documents_of.setdefault(name, set()).add(document)
    chosen: list[str] = []
    seen: set[str] = set()
    for name in sorted(measures_of, key=lambda n: (-len(documents_of[n]), -len(n), n)):
        ids = measures_of[name]
        if 2 * len(ids & seen) >= len(ids):
            continue
        chosen.append(name)
        seen |= ids
    return tuple(chosen[:COMMON_KINDS])


@lru_cache(maxsize=1)
def measures_by_clause() -> dict[str, tuple[Measure, ...]]:
    """Each clause's measures, ranked for 能拿多少钱 after the clause is shown: one with a figure
    first, then a payment (read once: load_measures parses every file)."""
    bound: dict[str, list[Measure]] = {}
    for measures in load_measures().values():
        for measure in measures:
            bound.setdefault(measure.clause, []).append(measure)
    return {
        clause: tuple(sorted(found, key=lambda m: (not m.amounts, m.kind not in _PAYMENTS)))
        for clause, found in bound.items()
    }


@lru_cache(maxsize=1)
def measure_vocabulary() -> frozenset[str]:
    """Measure names and aliases only: what a search narrowing the last answer cannot name without
    starting a new one (中级工 narrows 技能提升补贴; 创业担保贷款 is a new search)."""
    return frozenset(t for measures in load_measures().values() for m in measures for t in (m.name, *m.aliases))


@lru_cache(maxsize=1)
def measures_of_clause() -> dict[str, tuple[Measure, ...]]:
    """The curated measures each clause grants (read once, as `measure_vocabulary` is)."""
    found: dict[str, list[Measure]] = {}
    for measures in load_measures().values():
        for measure in measures:
            found.setdefault(measure.clause, []).append(measure)
    return {clause: tuple(listed) for clause, listed in found.items()}


# The texts whose topic terms are kept (`Threads.topic_of`): the messages of the turns in flight.
TEXTS_KEPT = 32

# Words for help of any kind (有补贴不, 有啥优惠): asked after an answer, they go on with its measure.
_ANY_KIND = frozenset({"补贴", "补助", "奖励", "奖补", "津贴", "资助", "扶持", "政策", "优惠", "待遇"})
# Borrowing asked by its verb (能贷多少, 贷得了吗, 可以借多少钱): a loan, whatever the last answer was.
_BORROWING = re.compile(r"(?:能|可以|可|最多|最高|给|让)贷|贷(?:多少|几|得)|(?:能|可以|最多)借(?:多少|几)")


def asks_to_borrow(text: str) -> bool:
    """能贷多少, 可以借多少钱: a loan asked by its verb — a kind of help named, however short the message."""
    return bool(_BORROWING.search(text))


def loan_named(text: str) -> str:
    """能贷多少款 → 贷款 能贷多少款: a loan asked by its verb alone, named for the search (the documents write 贷款)."""
    return f"贷款 {text}" if asks_to_borrow(text) and "贷款" not in text else text


def _loan_topic(topic: tuple[str, ...], text: str) -> tuple[str, str] | None:
    """The topic's words of a loan (贷款, 创业担保贷款), as asked and as echoed, when the message asks to borrow by
    its verb (能贷多少); None when it does not, or the topic holds no loan."""
    loans = [t for t in topic if "贷" in t] if asks_to_borrow(text) else []
    return ("".join(loans), "、".join(loans)) if loans else None


# Pointing at what was just shown (这个补贴, 那笔贷款, 该补贴); a bare 那 goes on to something else (那贷款呢).
# A document pointed at (这个文件, 那份通知, 该意见, 这个政策文件): the one the last answer cited.
_POINTED_DOCUMENT = re.compile(r"(?:这|那|该|此)(?:个|份|篇)?(?:政策)?(?:文件|通知|意见|征求意见稿)")
# Whether a draft was issued for good (那个征求意见稿正式生效了没有): the status of the document itself, answered
# from its own data — never of the measure just shown.
_DRAFT_ASKED = re.compile(r"正式|征求意见|草案|草稿|初稿|讨论稿|送审稿|稿子")
# (After the person's own 我/俺/咱/们 the pointing word is possessive — 俺那个贷款 is the person's loan, told of
# before, not the last answer's measure.)
# Words that set a question beside the last one (成都也有吗, 还有没有, 一样吗, 有这个补贴吗): it goes on from it.
# (这边, 那里 only say where: 成都那边有补贴吗 asks anew.) 也/还 are adverbs only before a verb (也有, 还能, 也是),
# 该 only as a pointer (该补贴, never 应该) — a character inside another word (还款, 应该) sets nothing beside anything.
_ALIKE_ASKED = re.compile(
    r"(?:也|还)(?:有|能|是|可以|会|要|给|算|行|在|享受|领|管用)|一样|同样|相同|差不多|[这那](?![边里儿])|(?<!应)该|此"
)
_POINTING = re.compile(r"(?<![我俺咱们])(?:(?:这|那)(?:个|笔|项|种|些)|这|该|此)$")


class Threads:
    def __init__(self, words: Vocabulary, regions: RegionResolver, clauses: ClauseSource) -> None:
        self.words = words
        self.regions = regions
        self.clauses = clauses
        self.vocabulary = topic_vocabulary()
        # Each term's place in the vocabulary (longest first) and every beginning of a term: the terms
        # a text holds are found by lengthening a stretch from each character only while some term
        # goes on (made once, here), not by looking up every length at every character.
        self._rank = {term: rank for rank, term in enumerate(self.vocabulary)}
        self._beginnings = frozenset(term[:end] for term in self.vocabulary for end in range(1, len(term) + 1))
        # One turn asks for the terms of the same message three times or so (the reader, the search
        # check, the thread): the last few texts' terms are kept. The vocabulary never changes here.
        self._topics = lru_cache(maxsize=TEXTS_KEPT)(self._topic_of)
        # A word made of question words, at most with the noun they ask by (啥时候, 什么时候, 哪儿, 哪些).
        self._question_word = re.compile(rf"(?:{words.wh_question.pattern})+(?:时候|时|里|儿|些|么)?")
        # The documents' whole text, by the documents it was read from (a library swap reads it again).
        self._written: tuple[tuple[str, ...], str] = ((), "")

    def warm(self) -> None:
        """The measures' names and each clause's measures, read now (a server, at start): both parse
        every measure file on first use; and the words of a step of applying, and the documents' text."""
        (
            measure_vocabulary(),
            measures_by_clause(),
            common_kinds(),
            common_pairs(),
            distinctive_names(),
            step_words(),
            function_words(),
            doing_words(),
        )
        self._documents_text()

    def _documents_text(self) -> str:
        documents = tuple(sorted(self.clauses.documents))
        if self._written[0] != documents:
            text = "".join(c.text for d in documents for c in self.clauses.clauses_of(d))
            self._written = (documents, text)
        return self._written[1]

    def is_in_documents_words(self, text: str) -> bool:
        """Every word of substance the message says (免费, 厂, 还不上; a number, a place and the asking
        words aside) is written somewhere in the documents: nothing in it is about another field
        (柠檬收购价, 天气, 火锅), so after an answer it may be an elliptical follow-up (免费不免费, 俺厂一百五十来号人,
        巴中也是一千吗) whatever its lack of policy words. A verb (记错, 等到: 那得等到啥时候, 噢 那是我记错了 五千)
        tells what is done and names no thing of another field: it passes, written or not."""
        written, naming_nothing = self._documents_text(), function_words() | doing_words()
        # A word inside one that names nothing (不多 of 差不多, 百个 of 两百个) names nothing either.
        idle = [w for w in naming_nothing.intersection(jieba_words(text)) if len(w) > 1]
        words = [
            w
            for w in self.content_words(text)
            if not _NUMERAL_WORD.fullmatch(w) and w not in naming_nothing and not any(w in i for i in idle)
        ]
        return all(word in written for word in words)

    def topic_of(self, text: str) -> tuple[str, ...]:
        """The vocabulary's terms in `text`, in the order they occur, each stretch used once: the
        longest (then first in the vocabulary's order) term takes its stretch first."""
        return self._topics(text)

    def _topic_of(self, text: str) -> tuple[str, ...]:
        rank, beginnings, size = self._rank, self._beginnings, len(text)
        written: list[tuple[int, int]] = []
        for start in range(size):
            end = start + 1
            while end <= size and (stretch := text[start:end]) in beginnings:
                term_rank = rank.get(stretch)
                if term_rank is not None:
                    written.append((term_rank, start))
                end += 1
        written.sort()
        found: list[tuple[int, str]] = []
        used = [False] * len(text)
        for term_rank, start in written:
            term = self.vocabulary[term_rank]
            if not any(used[start : start + len(term)]):
                used[start : start + len(term)] = [True] * len(term)
                found.append((start, term))
        return tuple(term for _, term in sorted(found))[:MAX_TOPIC_TERMS]

    def has_own_topic(self, text: str) -> bool:
        """Names a measure or a situation (创业担保贷款, 返乡), not only a kind of payment (这个补贴) —
        or any other word of substance the vocabulary does not know (最低工资, Python): only a message
        left empty once its place, its question words and its function words are gone (那巴中呢？,
        能拿多少钱？, 要什么条件？) continues the thread."""
        if any(term not in self.words.not_a_topic for term in self.topic_of(text)):
            return True
        # 征求意见稿正式发布了吗 is about a document, whatever the last measure was.
        return is_about_a_document(text) or bool(self.content_words(text))

    def is_keywords(self, text: str) -> bool:
        """Only names the documents know and at most a place (残疾人, 资阳 退役士兵, 长春 创业担保贷款):
        what one types into a search box, not a sentence about oneself."""
        terms = [t for t in self.topic_of(text) if t not in self.words.not_a_topic and t not in self.words.place_words]
        if not terms:
            return False
        rest = text
        for term in terms:
            rest = rest.replace(term, " ")
        rest = re.sub(r"[\s，,。、和的与及/]+", "", rest)
        if not rest:
            return True
        place = self.regions.resolve(rest).place or ""
        return bool(place) and rest in place

    def content_words(self, text: str) -> list[str]:
        """Dictionary words of two characters or more (jieba also glues unknown pairs such as 能贷 or
        那要, which say nothing), Latin words, never the place, question words or a bare number."""
        found = self.regions.resolve(text)
        # Every place named is aside, not only the one the question goes by (巴中跟南充挨到的 你就按巴中的说嘛:
        # 南充 is a place, never a word of another field; session 44).
        places = (found.place or "", *found.places)
        # The words asking a time (多长时间, 到啥时候, 几个月) say the aspect asked, never a topic: 证下来以后
        # 多长时间内要去申请 asks the last measure again, as 能领几个月 does.
        asked = without_time_cues(
            _UNTIL_CLOSED.sub("", _A_NOT_A.sub(" ", self.words.totals.sub(" ", without_payers(text))))
        )
        return [
            word
            for word in tokenize(without_cues(asked))
            if len(word) >= MIN_TERM_CHARS
            # 最晚啥时候去申请, 啥时候之前得去申请: a question word (啥时候, 哪儿) asks; it names nothing.
            and not self._question_word.fullmatch(word)
            and (is_dictionary_word(word) or word.isascii())
            and not any(word in place for place in places)
            and word not in self.words.not_a_topic
            # 不是 我是问我自己能拿多少: a no, denying how the last question was read, is no topic.
            and word not in self.words.closing_no
            and word not in self.words.deny
            # 那在哪个网站上申请: the step asked (网站) of the measure shown, no topic.
            and word not in step_words()
            # 我战友在乐至 他那儿一样不: whom it is about is no topic (the last question, there).
            and word not in self.words.relations
            and word not in self.words.third_person
            # 商洛对俺们这种…: the speaker (我们, 俺们, 咱们) is no topic either.
            and not word.startswith(self.words.first_person)
            and not word.isdigit()
        ]

    def cited(self, thread: Thread | None, text: str) -> Cited | None:
        """`第二条` / `最后一条` of the last answer's citations, or `第七条` of a document: the one named
        (这个文件, 商洛的文件), else the last answer's. A number within the shown list is its place in
        the list, unless a shown citation is that article itself (第（七）条 was on the screen); a
        larger one is an article of the document the last answer cited first. A clause as the bot
        names it (资阳（九）) is that article; a request for the text without a number (把那条原文发我)
        is the clause the last answer cited first."""
        text = self._placed_article(thread, text)
        found = self.words.citation_ordinal.search(text)
        if found is not None and found.group("label") and not self._is_clause_name(text, found.start()):
            found = None
        if found is None:
            return self._pointed_at(thread, text)
        if any(t not in self.words.not_a_topic for t in self.topic_of(text)):
            return None
        # (a clause quoted twice is one citation on the screen: 1. …第（十）条 with two quotes under it)
        shown = tuple(dict.fromkeys(thread.clauses)) if thread is not None else ()
        if found.group("last"):
            return Cited(shown[-1], len(shown)) if shown else None
        written = found.group("n") or found.group("bare") or found.group("label")
        try:
            number = int(chinese_to_number(written))
        except ValueError:
            return None
        named = self._document_named(text, found.start())
        if named is None and shown:
            item = self._list_item(thread, found, text, number)
            if item is not None:
                return item
            in_list = Cited(shown[number - 1] if 1 <= number <= len(shown) else None, len(shown))
            if found.group("item") or (in_list.clause_id is not None and self._list_numbered(thread, found, text)):
                return in_list
            on_screen = [c for c in shown if self.clauses.has(c) and self.clauses.get(c).clause_number == number]
            if on_screen:
                return Cited(on_screen[0], len(shown))
            if number <= len(shown) and not found.group("label") and not self.words.document_word.search(text):
                return in_list
            if self.clauses.has(shown[0]):
                named = self.clauses.get(shown[0]).document_id
        if named is None and not shown and thread is not None and thread.region:
            # 吉林第31条 (no such article), then 那第三十条: the document asked of last, where nothing was shown.
            named = self._document_of(thread.region)
        if named is None and (thread is None or not thread.topic):
            # 第十三条 with nothing asked before: the one document that has it, or — when several do —
            # which place's is asked next.
            having = [d for d in self.clauses.documents if self._has_article(d, number)]
            if len(having) > 1:
                return Cited(None, 0, number=written)
            named = having[0] if having else None
        if named is None:
            return None
        document = self.clauses.documents[named]
        articles = [c for c in self.clauses.clauses_of(named) if c.clause_number is not None]
        wanted = [c.id for c in articles if c.clause_number == number]
        return Cited(wanted[0] if wanted else None, len(shown), document.title, written, len(articles), named)

    def _list_numbered(self, thread: Thread | None, found: re.Match[str], text: str) -> bool:
        """第三条 after the check's numbered results is the list's third item, whatever the articles its items
        cite — the numbers on the screen are the list's (session 37); 资阳（三）, 这个文件的第三条 name an article."""
        listed = thread is not None and thread.listed
        return listed and not found.group("label") and not self.words.document_word.search(text)

    def _list_item(self, thread: Thread | None, found: re.Match[str], text: str, number: int) -> Cited | None:
        """第三条呢 after a list of three measures and a follow-up or two about one of them (多久到账, 在哪办: one
        clause shown since): the list's third item, as the person counts what they were shown — when the clauses
        shown last are fewer, and no document or clause label is named (资阳（三）, 这个文件的第三条 name an
        article)."""
        items = thread.items if thread is not None else ()
        if not items or number <= len(set(thread.clauses if thread is not None else ())) or number > len(items):
            return None
        if found.group("label") or self.words.document_word.search(text):
            return None
        assert thread is not None
        names = thread.item_names
        # 第二条呢 after one clause listed as three measures: the clause is on the screen already — its second
        # measure is asked, not the whole clause again.
        same = len(names) == len(items) and items[number - 1] in thread.clauses
        return Cited(items[number - 1], len(items), measure=names[number - 1] if same else None)

    def _has_article(self, document_id: str, number: int) -> bool:
        return any(c.clause_number == number for c in self.clauses.clauses_of(document_id))

    def _placed_article(self, thread: Thread | None, text: str) -> str:
        """吉林的 after 第十三条 was asked with no document: that article of the place's document."""
        if thread is None or thread.article is None:
            return text
        rest = _PLACE_ONLY_FILLER.sub("", text)
        place = self.regions.resolve(rest).place if rest else None
        return f"{rest}第{thread.article}条" if place and rest in place else text

    def article_asked(self, number: str) -> Thread:
        """The thread once an article was asked for with no document to take it from (第十三条): nothing
        shown, the number kept for the place said next."""
        return Thread(found=False, article=number)

    def document_asked(self, document_id: str) -> Thread:
        """The thread once an article a document does not have was asked for (吉林第31条): nothing shown,
        the conversation at that document — 那第三十条 next is its article."""
        return Thread(region=self.clauses.documents[document_id].jurisdiction, found=False)

    def _is_clause_name(self, text: str, start: int) -> bool:
        """（九） names a clause after a place or a document word (资阳（九）, 这个文件（九）), or in a
        message asking for a clause's text ((九)的原文); elsewhere brackets are only brackets."""
        if self.words.clause_text_request.search(text) or self.words.clause_view_request.search(text):
            return True
        before = text[:start].rstrip()
        if re.search(f"(?:{self.words.document_word.pattern})$", before):
            return True
        return self._place_before(text, start) is not None

    def _place_before(self, text: str, start: int) -> str | None:
        """The jurisdiction of a place written right before `start` (巴中（十一）, 看下巴中（十一）: read
        alone, so that the words around it — 看下巴 — cannot hide it)."""
        before = text[:start].rstrip()
        for size in range(min(len(before), MAX_PLACE_CHARS), 1, -1):
            resolved = self.regions.resolve(before[-size:])
            if resolved.place and resolved.place.startswith(before[-size:]):
                return resolved.jurisdiction or resolved.place
        return None

    def _pointed_at(self, thread: Thread | None, text: str) -> Cited | None:
        """把那条原文发我, 刚才引用的条款全文, 原文是怎么写的: the clause the last answer cited first,
        when the message asks for a clause's text and points at it or names nothing else (失业保险金的
        原文 names its own topic: a question)."""
        request = self.words.clause_text_request.search(text)
        if request is None and self.words.clause_pointer.search(text):
            request = self.words.clause_view_request.search(text)
        if request is None or any(t not in self.words.not_a_topic for t in self.topic_of(text)):
            return None
        if self.regions.resolve(text).place or self.words.document_word.search(text):
            return None
        if not self.words.clause_pointer.search(text):
            rest = self.words.clause_view_request.sub(" ", self.words.clause_text_request.sub(" ", text))
            if any(w not in self.words.asking for w in self.content_words(rest)):
                return None
        shown = thread.clauses if thread is not None else ()
        return Cited(shown[0] if shown else None, len(shown))

    def _document_named(self, text: str, start: int) -> str | None:
        """The document of the place a message names (商洛的文件第三条, 看下巴中（十一）: the place
        before the number), when one is collected."""
        jurisdiction = self.regions.resolve(text).jurisdiction or self._place_before(text, start)
        return self._document_of(jurisdiction) if jurisdiction is not None else None

    def _document_of(self, jurisdiction: str) -> str | None:
        ids = [d.id for d in self.clauses.documents.values() if d.jurisdiction == jurisdiction]
        return ids[-1] if ids else None

    def follow(
        self, thread: Thread | None, text: str, refines: bool = False, here: str | None = None, goes_on: bool = False
    ) -> Question:
        """The question a message asks, read against the thread when it names no topic of its own —
        or, for search words that narrow the last answer (白山 中级工), no measure of its own. `here`:
        the person's own place, when the message points at it (那我这边呢)."""
        if thread is None or not thread.topic:
            return self._overview_elsewhere(thread, text)
        shown = (
            self._item_asked(thread, text)
            or self._about_what_was_shown(thread, text)
            or self._condition_asked(thread, text)
        )
        if shown is not None:
            return shown
        if _TYPED_FIGURE.search(text) and not self.words.is_question(text) and not self._states_figures(thread, text):
            # 奖补 1000 after 贫困家庭劳动力岗位推荐: search words with a figure the last answer's clauses do
            # not state look for the measure of that figure, not the thread's again.
            return Question(text)
        if refines:
            measures = measure_vocabulary()
            if any(t in measures and t not in self.words.not_a_topic for t in self.topic_of(text)):
                return Question(text)
            if self._names_another_measure(thread, text, measures):
                return Question(text)
        elif self.has_own_topic(text):
            return (
                self._other_group(thread, text)
                or self._narrower_case(thread, text)
                or self._asked_alike(thread, text)
                or Question(text)
            )
        else:
            other = self._other_kind_or_past(thread, text, goes_on)
            if other is not None:
                return other
        asked_place = self.asked_place(text)
        if asked_place and self._asks_anew(thread, text, asked_place):
            return Question(text)
        subject = "".join(thread.topic)
        # What the echo shows: the topic's words apart (灵活就业、补贴、外卖), never run together as one key.
        echoed = "、".join(thread.topic)
        place = asked_place or here
        topic: tuple[str, ...] = ()
        if place:
            subject, topic, echoed = self._asked_there(thread, place, subject, echoed)
        if place and classify(text).primary == Intent.OVERVIEW:
            cue = self._cue(thread)
            return Question(f"{subject}{cue}", region=place, read_as=f"{place} · {echoed}{cue}", topic=topic)
        if place:
            return Question(f"{subject}{text}", region=place, read_as=f"{place} · {echoed}", topic=topic)
        if thread.measure:
            # Another aspect of what the last answer showed (利息谁出, 能领几个月): asked of that
            # measure, by its own name, where its document applies — not of the words asked before.
            region = thread.measure_region or thread.region
            return Question(f"{thread.measure}{text}", region=region, read_as=f"{region or ''} · {thread.measure}")
        if paid_for(text):
            # 利息谁出 after a list of several measures: the cost it names is what is asked, where the
            # thread is — the words asked before (裁员失业了…补贴) hold no such cost.
            return Question(text, region=thread.region, read_as=f"{thread.region or ''} · {text}")
        # 能贷多少 after 大学毕业、回老家、贷款: the verb names the loan — the topic is what the person asked about,
        # not the words of their background (walk46 P2 t02: 大学毕业 drew 求职创业补贴's clause).
        subject, echoed = _loan_topic(thread.topic, text) or (subject, echoed)
        return Question(f"{subject}{text}", region=thread.region, read_as=f"{thread.region or ''} · {echoed}")

    def _item_asked(self, thread: Thread, text: str) -> Question | None:
        """第二个呢, 创业那个能拿多少 after a list of several measures: asked of the item named (by its place in the
        list or a piece of its name), where its document applies — never of the list's first item."""
        pointed = pointed_item(thread, text)
        if pointed is None or pointed.name is None:
            return None
        clause = self.clauses.get(pointed.clause) if pointed.clause and self.clauses.has(pointed.clause) else None
        region = self.clauses.document_of(clause).jurisdiction if clause is not None else thread.region
        rest = pointed.rest if self.words.is_question(pointed.rest) or self.content_words(pointed.rest) else ""
        return Question(f"{pointed.name}{rest}", region=region, read_as=f"{region or ''} · {pointed.name}")

    def which_item(self, thread: Thread | None, text: str) -> tuple[str, ...]:
        """The measures of the last list a bare pointer may mean (那这个要什么条件 after three shown), or (): the
        message names one, names its own topic or points at no item."""
        pointed = pointed_item(thread, text)
        if pointed is None or pointed.name is not None:
            return ()
        if pointed.rest is text and (self.has_own_topic(text) or self.asked_place(text)):
            return ()
        return pointed.among

    def _other_kind_or_past(self, thread: Thread, text: str, goes_on: bool) -> Question | None:
        """A message naming no topic of its own: another kind of the thread's help (`_other_kind`), or asked on its
        own when it points past the answer at what was just told (`points_past`); None: it goes on from the answer."""
        other = self._other_kind(thread, text, goes_on)
        if other is not None:
            return other
        return Question(text) if self.points_past(thread, text, goes_on) else None

    def points_past(self, thread: Thread | None, text: str, goes_on: bool = False) -> bool:
        """A question pointing at something and naming nothing of its own (这个能补好多) right after the person
        told their situation and asked nothing: it asks of what was just told, not of the answer before — unless
        it goes on by a cue (那…, …呢), names a place or speaks in the words of the clauses shown."""
        if thread is None or not thread.told_since or goes_on or self.words.continuing.search(text):
            return False
        if not _POINTS_AT_TOLD.search(text):
            # 去哪办？ after 我在雁江开了个理发店: no pointer at what was told — it goes on from the answer.
            return False
        if self.regions.resolve(text).place:
            return False
        # 登记了有啥用 after 失业登记 and 我户口在许昌 人在石龙区: words of the clauses shown still speak of them.
        words = self.content_words(text)
        shown = "".join(self.clauses.get(c).text for c in thread.clauses if self.clauses.has(c))
        return not (words and all(word in shown for word in words))

    def _asks_anew(self, thread: Thread, text: str, place: str) -> bool:
        """成都有补贴吗 after 资阳's 求职创业补贴 and 要啥条件 (walk38): a whole question of its own — what help a
        place the thread was not at has (a kind of help named, none pointed at) — that does not go on (那…, …呢)
        nor compare (也, 还, 一样, 这个): a new thread at that place, asked in its own words, never the last
        question's words carried there. 那成都呢, 成都也有吗, 成都有这个补贴吗, 成都有吗 go on. Decided here, for
        every channel alike."""
        if self.words.continuing.search(text) or _ALIKE_ASKED.search(text) or not self.words.is_question(text):
            return False
        if not any(term in self.words.benefit_words for term in self.topic_of(text)):
            return False
        asked = self.regions.resolve(place).jurisdiction or place
        been = {self.regions.resolve(r).jurisdiction or r for r in (thread.region, thread.measure_region) if r}
        return asked not in been

    def _asked_there(self, thread: Thread, place: str, subject: str, echoed: str) -> tuple[str, tuple[str, ...], str]:
        """What a follow-up naming another place asks there: the search words, the thread's topic from then
        on (() keeps it) and the words echoed to the person."""
        own = self.counterpart(thread, place)
        if own is not None:
            # 资阳的 after 吉林's 农村劳动力技能培训补贴: that place's own measure of the same kind — what it
            # grants, to whom — asked by the name its document uses (the shown measure's name is not its).
            # (The thread's words stay its topic: a place with no such measure is asked them next.)
            return own.name, (), own.name
        if thread.measure and all(term in thread.measure for term in thread.topic):
            # 资阳呢 after 巴中市级创业园区…: the words asked (创业) were only part of what the answer
            # showed (众创空间和创业园区（孵化基地）创业场所); elsewhere the same kind is asked by that name,
            # and the thread goes on with it (多少 next).
            name = self._name_there(thread, place)
            return name, (name,), name
        if thread.measure:
            kind = self._kind_unnamed(thread)
            return subject + kind, (), "、".join((*thread.topic, kind)) if kind else echoed
        return subject, (), echoed

    def _name_there(self, thread: Thread, place: str) -> str:
        """The shown measure's name as asked in another place: the full name when a measure there is so
        called; else another of its names that one there uses (众创空间), then one holding the thread's words
        (省级农民工返乡创业基地（园区）资金补助 → 返乡创业基地补助 in 巴中) — a name only one document gives
        its measure is found in no other, and the answer would only say the place has no such thing."""
        measure = thread.measure or ""
        jurisdiction = self.regions.resolve(place).jurisdiction or place
        shown = self._measure_at(measure, thread.measure_region) if thread.measure_region else None
        if shown is None:
            return measure
        there = {name for m in self._measures_of(jurisdiction) for name in (m.name, *m.aliases)}
        if measure in there:
            return measure
        used = [alias for alias in shown.aliases if alias in there]
        holding = [alias for alias in shown.aliases if all(term in alias for term in thread.topic)]
        return next(iter(used or holding), measure)

    def counterpart(self, thread: Thread, place: str) -> Measure | None:
        """The measure of `place`'s own documents most like the thread's measure, asked there by a follow-up
        naming only that place (那巴中呢 after 吉林's 技能提升补贴): of the same kind and for the same beneficiary
        (what it grants, to whom) and called by a name both use that tells one measure of a document from its
        others (技能培训补贴; never 社保补贴 or 创业孵化基地, which several measures of one document carry, nor the
        thread's words alone — the search finds by those as well as here) — its own name first, then the most
        names shared, then the most pairs of characters of their names that tell measures apart (技能, 园区),
        then the most of whom it is for. None when the place is where the measure is, or its documents have
        no measure of that kind so called — then the thread's own words are asked there (and the answer says
        plainly when it has none)."""
        if not thread.measure or not thread.measure_region:
            return None
        jurisdiction = self.regions.resolve(place).jurisdiction or place
        if jurisdiction == thread.measure_region:
            return None
        shown = self._measure_at(thread.measure, thread.measure_region)
        if shown is None:
            return None
        names, pairs, targets = {shown.name, *shown.aliases}, _name_pairs(shown), _pairs_of("".join(shown.targets))
        ranked: list[tuple[tuple[bool, int, int, int], Measure]] = []
        for measure in self._measures_of(jurisdiction):
            if measure.kind is not shown.kind or measure.beneficiary is not shown.beneficiary:
                continue
            shared = len(names & {measure.name, *measure.aliases} & distinctive_names())
            if not shared:
                continue
            common = len((pairs & _name_pairs(measure)) - common_pairs())
            alike = len(targets & _pairs_of("".join(measure.targets)))
            ranked.append(((measure.name in names, shared, common, alike), measure))
        if not ranked:
            return None
        return max(ranked, key=lambda r: r[0])[1]

    def _measure_at(self, name: str, jurisdiction: str) -> Measure | None:
        return next((m for m in self._measures_of(jurisdiction) if m.name == name), None)

    def _measures_of(self, jurisdiction: str) -> list[Measure]:
        """The curated measures of the collected documents that apply in `jurisdiction`, in the documents' order."""
        documents = self.clauses.documents
        return [
            measure
            for document, measures in load_measures().items()
            if document in documents and documents[document].jurisdiction == jurisdiction
            for measure in measures
        ]

    def _overview_elsewhere(self, thread: Thread | None, text: str) -> Question:
        """商洛的呢 after 西安的就业政策你知道不 (what policies a place has, no measure named): the same asked of the
        place the follow-up names — never read alone, where it names nothing of substance (session 31)."""
        if thread is None or thread.intent not in _OVERVIEW_INTENTS:
            return Question(text)
        place = self.asked_place(text)
        first = next((s for s in _STRETCH.findall(text) if self.words.is_question(s)), text)
        if (
            not place
            or place == thread.region
            or self.has_own_topic(_PLACE_ONLY_FILLER.sub("", first).replace(place, ""))
        ):
            return Question(text)
        return Question(f"{place}的{_OVERVIEW_ASKED}", region=place, read_as=f"{place} · {_OVERVIEW_ASKED}")

    def _about_what_was_shown(self, thread: Thread, text: str) -> Question | None:
        """A question about what the last answer showed: the document it cited (这个文件), or a figure
        its clauses state."""
        pointed = self._currency_of_shown(thread, text) or self._pointed_document(thread, text)
        if pointed is not None:
            return pointed
        if self._currency_after_nothing(thread, text):
            # 这些政策现在还管用不 after 郑州 (not covered, nothing found): asked of the documents where the person
            # is (the core's place for a question naming none) — never of the place where nothing was found; asked
            # plainly, as _currency_of_shown asks it (都2026年了 and 恁说 are no words of the documents).
            return Question("这些文件现在还有效吗")
        if thread.measure and self.asked_place(text) is None and self.quotes_shown_figure(thread, text):
            # 留用比例要到多少才能拿110% after 见习补贴's 70%/110%: a figure the last answer's clauses state
            # is asked about their measure, where it applies.
            region = thread.measure_region or thread.region
            return Question(f"{thread.measure}{text}", region=region, read_as=f"{region or ''} · {thread.measure}")
        if not thread.measure and self.asked_place(text) is None:
            # 2/3是啥意思 after a list of measures: the figure is asked of the first item whose clause states it.
            for name, clause_id in listed_names(thread):
                if self.clauses.has(clause_id) and self._clause_quotes(clause_id, text):
                    clause = self.clauses.get(clause_id)
                    region = self.clauses.document_of(clause).jurisdiction
                    return Question(f"{name}{text}", region=region, read_as=f"{region or ''} · {name}")
        return None

    def _clause_quotes(self, clause_id: str, text: str) -> bool:
        figures = _FIGURE.findall(_RATIO.sub(r"\1:\2", text))
        return bool(figures) and any(f in _RATIO.sub(r"\1:\2", self.clauses.get(clause_id).text) for f in figures)

    def _currency_after_nothing(self, thread: Thread, text: str) -> bool:
        """Whether the documents still hold, or how old they are, asked (naming no measure nor place) right after
        an answer that found nothing (a place not covered): no shown document is what is asked about (session 32)."""
        if thread.found or self.asked_place(text) is not None:
            return False
        if any(term not in self.words.not_a_topic for term in self.topic_of(text)):
            return False
        return classify(text).primary is Intent.STATUS or bool(self.words.currency_asked.search(text))

    def _pointed_document(self, thread: Thread, text: str) -> Question | None:
        """这个文件是哪年发的 after an answer from 平顶山's document: the document just cited is the one
        pointed at, wherever the person lives."""
        if not thread.region or self.asked_place(text) is not None or not _POINTED_DOCUMENT.search(text):
            return None
        return Question(text, region=thread.region, read_as=f"{thread.region} · 刚才引用的文件")

    def _currency_of_shown(self, thread: Thread, text: str) -> Question | None:
        """这个规定是哪年的 现在还算数吗, 你这文件好多年了吧, 现在还是这样吗 after an answer: how old the measure
        just shown is, or whether it still holds — its own document's status and date, the measure quoted
        (never the search words again, never another topic). None when the message names a topic or place
        of its own, or nothing was found."""
        if not thread.found or not thread.clauses or _DRAFT_ASKED.search(text):
            return None
        if any(term not in self.words.not_a_topic for term in self.topic_of(text)):
            # 公益性岗位现在还有效吗 names its own measure (文件, 管用 and the like name none).
            return None
        if self.asked_place(text) not in (None, thread.region, thread.measure_region):
            return None
        if classify(text).primary is not Intent.STATUS and not self.words.currency_asked.search(text):
            return None
        subject, region = self.shown_measure(thread)
        return Question(
            f"{subject}是哪个文件规定的，现在还有效吗", region=region, read_as=f"{region or ''} · {subject}"
        )

    def objected(self, thread: Thread | None, text: str) -> Question | None:
        """为啥 我天天四点起来炸油条, 凭什么吉林有五千 我们这边没有 right after an answer: why that answer is
        so — the shown measure's conditions, where it applies. None without an answer found to object to,
        or when the message names a measure of its own."""
        if thread is None or not thread.found or not thread.clauses or not self.words.why_asked.search(text):
            return None
        measures = measure_vocabulary()
        if any(t in measures and t not in self.words.not_a_topic for t in self.topic_of(text)):
            return None
        subject, region = self.shown_measure(thread)
        return Question(f"{subject}需要什么条件", region=region, read_as=f"{region or ''} · {subject}")

    def shown_measure(self, thread: Thread) -> tuple[str, str | None]:
        """The measure the last answer showed and where it applies: its one measure; for a list, the
        first clause cited, by its measure most like what was asked; else the words asked, there."""
        if thread.measure:
            return thread.measure, thread.measure_region or thread.region
        subject, region = self._first_shown(thread)
        if subject is None:
            return "".join(thread.topic), thread.region
        return subject, region

    def _first_shown(self, thread: Thread) -> tuple[str | None, str | None]:
        """The measure of a shown list most like what was asked — of all the clauses cited, the one whose
        name is most made of the words asked (创业补贴 for 残疾人、创业补贴); among equals the first cited, one
        that grants a figure (职业介绍补贴's 300元 before its clause's 供求信息发布) or pays at all — and its
        document's place."""
        asked = set("".join(t for t in thread.topic if t not in self.words.not_a_topic))
        shown = [
            (order, measure)
            for order, clause_id in enumerate(thread.clauses)
            for measure in measures_of_clause().get(clause_id, ())
        ]
        if not shown:
            return None, None
        _, best = min(
            shown,
            key=lambda o: (
                -len(asked & set(o[1].name)) / len(set(o[1].name)),
                o[0],
                not o[1].amounts,
                o[1].kind not in _PAYMENTS,
            ),
        )
        clause = self.clauses.get(best.clause) if self.clauses.has(best.clause) else None
        return (best.name, self.clauses.document_of(clause).jurisdiction) if clause is not None else (None, None)

    def _condition_asked(self, thread: Thread, text: str) -> Question | None:
        """那得先交社保是吧 after 初创企业补贴: whether a thing must be done first is a condition of the measure just
        answered (its 社保 is what the measure asks, not the 社会保险补贴 of another) — asked of that measure."""
        if not (thread.measure and _ASKS_A_CONDITION.search(text)) or self._names_measure(text):
            return None
        region = thread.measure_region or thread.region
        return Question(f"{thread.measure}{text}", region=region, read_as=f"{region or ''} · {thread.measure}")

    def _names_measure(self, text: str) -> bool:
        """The text names a measure by its name (创业担保贷款, 社会保险补贴), not only a thing a measure asks (社保)."""
        return any(term in measure_vocabulary() for term in self.topic_of(text))

    def _names_another_measure(self, thread: Thread, text: str, measures: frozenset[str]) -> bool:
        """Search words that are all words of another measure's name (小规模纳税人 增值税 → 小规模纳税人增值税
        征收率降低), none of the last one's: a new search, even where one clause holds both measures."""
        words = self.content_words(text)
        shown = thread.measure or ""
        if not words or any(word in shown for word in words):
            return False
        return any(all(word in name for word in words) for name in measures if name != shown)

    def _states_figures(self, thread: Thread, text: str) -> bool:
        """Every number the message types is in a clause the last answer cited."""
        shown = "".join(self.clauses.get(c).text for c in thread.clauses if self.clauses.has(c))
        return all(number in shown for number in _NUMBER.findall(text))

    def quotes_shown_figure(self, thread: Thread, text: str) -> bool:
        """The message names a figure (110%, 5000元, 20万, 8比2) written in a clause the last answer cited."""
        figures = _FIGURE.findall(_RATIO.sub(r"\1:\2", text))
        if not figures:
            return False
        shown = "".join(self.clauses.get(c).text for c in thread.clauses if self.clauses.has(c))
        return any(figure in _RATIO.sub(r"\1:\2", shown) for figure in figures)

    def asked_place(self, text: str) -> str | None:
        """The place a follow-up asks about: the one named in its first asking stretch (那资中县呢，资中不就是
        资阳的吗 asks about 资中县; what follows is the person's aside), else the message's."""
        for stretch in _STRETCH.findall(text):
            if self.words.is_question(stretch):
                place = self.regions.resolve(stretch).place
                if place:
                    return place
        return self.regions.resolve(text).place

    def against(self, thread: Thread | None, text: str, about_shown: bool = False) -> Question | None:
        """A message that goes on from the thread (要是留下来的人多呢, 那…) read against it even though
        it names words of its own: asked of the last answer's measure (else its topic), where the
        message's own place is, else where that measure applies. None without a thread to go on from
        or when the message does not read as going on (`about_shown`: its words are in the clauses
        the last answer cited, which reads as going on too)."""
        if thread is None or not thread.topic or not (about_shown or self.words.continuing.search(text)):
            return None
        if self.points_past(thread, text):
            return None
        # 假如我不考公了，去基层干三支一扶呢: a measure of its own, not the thread's, goes on from nothing.
        shown = f"{thread.measure or ''}{''.join(thread.topic)}"
        measures = measure_vocabulary()
        own = [t for t in self.topic_of(text) if t in measures and t not in self.words.not_a_topic]
        if own and not any(t in shown or shown in t for t in own):
            return None
        if self.plans_own_activity(thread, text):
            return None
        subject = thread.measure or "".join(thread.topic)
        place = self.asked_place(text)
        region = place or (thread.measure_region if thread.measure else None) or thread.region
        return Question(f"{subject}{text}", region=region, read_as=f"{region or ''} · {subject}")

    def plans_own_activity(self, thread: Thread, text: str) -> bool:
        """我还想考研 跟这些冲突不, 他要是去当兵呢 after an answer on a measure: what one means to do (想…, 打算…,
        要是去…) is an activity of its own, a new question whether or not a measure of the documents matches it (then
        it is answered as not covered) — never the last measure's answer again. What it names is a word the last
        answer's measure does not write (its span: 考研 written in the same clause for 应征入伍 is another measure's),
        or its clauses when no one measure was shown; an aspect of that measure (到账要多久, 去哪办, 要啥材料) names
        none, and goes on."""
        spans = [m.span for c in thread.clauses for m in measures_of_clause().get(c, ()) if m.name == thread.measure]
        written = spans or [self.clauses.get(c).text for c in thread.clauses if self.clauses.has(c)]
        shown = f"{thread.measure or ''}{''.join(thread.topic)}" + "".join(written)
        idle = function_words() | doing_words()
        for word in self.content_words(text):
            if word in shown or word in idle or any(word in other for other in self.words.not_a_topic):
                continue
            at = text.find(word)
            if at > 0 and _PLANNED.search(text[:at]):
                return True
        return False

    @staticmethod
    def says_unstated(thread: Thread | None, alone: Answer, against: Answer) -> bool:
        """每个月补多少钱, 初级的补好多 after a list of the place's measures that state no such figure: read alone
        the question finds nothing, read against the thread it says that the measures just shown do not state
        what is asked (文件没有写明具体金额, quoting them) — that answer stands, never "没有找到" for a question whose
        measures were just on the screen. Only when what it quotes first is a clause the last answer showed."""
        if thread is None or alone.citations or against.direct is None or not against.citations:
            return False
        return against.citations[0].clause_id in thread.clauses

    def _other_group(self, thread: Thread, text: str) -> Question | None:
        """那退役军人呢？ after 创业担保贷款: the same measure for another group of people (or another
        situation), where the last answer was unless the message names its own place. A group the last
        answer already spoke of is read so only tentatively: when the documents do not answer that reading,
        the message asked alone is, if that is answered."""
        if not self.words.continuing.search(text):
            return None
        own = [t for t in self.topic_of(text) if t not in self.words.not_a_topic]
        if not own or any(self.is_measure(t) for t in own):
            return None
        measures = [t for t in thread.topic if self.is_measure(t) and t not in own]
        if not measures:
            return None
        rest = self.words.continuing.sub("", text).strip(" ？?。！!，,的")
        # Only an elliptical message (那大学生呢, 退役士兵的呢): names and at most a place, nothing more.
        if not self.is_keywords(rest):
            return None
        subject = "".join(measures)
        cue = "" if self.words.is_question(rest) else self._cue(thread)
        region = self.asked_place(text) or thread.region
        wording = f"{rest}{subject}{cue}"
        # A group the last answer already spoke of (转移就业 after 商洛's 转移就业培训 target) may name something
        # else said there: that reading is tried, and gives way to the message alone when it finds nothing.
        shown = (thread.measure or "") + "".join(
            self.clauses.get(c).text for c in thread.clauses if self.clauses.has(c)
        )
        tentative = any(t in shown for t in own)
        return Question(wording, region=region, read_as=f"{region or ''} · {wording}", tentative=tentative)

    def _asked_alike(self, thread: Thread, text: str) -> Question | None:
        """培训基地呢 after 巴中 技能大师工作室 认定了给多少: something else of its own, asked as the last question was
        (its kind of question: 多少, 怎么申请) where the last answer was unless the message names its own place —
        never its bare words searched everywhere. Only an elliptical message (那…, …呢): names and at most a place."""
        if not self.words.continuing.search(text):
            return None
        rest = self.words.continuing.sub("", text).strip(" ？?。！!，,的")
        # (培训基地: a term of the vocabulary with words the documents write beside it — still only naming.)
        named = self.is_keywords(rest) or (
            len(rest) <= _ALIKE_CHARS and bool(self.topic_of(rest)) and self.is_in_documents_words(rest)
        )
        # (要是我还差一年多呢: a supposed case of the same question, not something else asked alike)
        if not rest or not named or self.words.is_question(rest) or self.words.supposes(rest):
            return None
        place = self.asked_place(text)
        if place and any(t in measure_vocabulary() for t in self.topic_of(rest)):
            # 那巴中的创业担保贷款呢: a measure and a place of its own ask all they need — by their own words.
            return None
        region = place or thread.region
        wording = f"{rest}{self._cue(thread)}"
        # What it names, when the vocabulary knows all of it, is the thread's topic from here on: 吉林那边呢
        # after 创业园区呢 asks of the parks there, never of the 技能大师工作室 asked two turns before. (培训基地, of
        # which the vocabulary knows only 培训, leaves the topic as it was: the part it knows would be asked
        # elsewhere.)
        terms = tuple(t for t in self.topic_of(rest) if t not in self.words.not_a_topic)
        topic = terms if "".join(terms) == rest else ()
        return Question(wording, region=region, read_as=f"{region or ''} · {wording}", topic=topic)

    def _narrower_case(self, thread: Thread, text: str) -> Question | None:
        """留用过半的呢 after 见习补贴, 初级的呢 after 高级工's 技能提升补贴: a case the clauses just shown spell
        out (their raised tier, another level), asked by its words only — the same measure, where
        its document applies, narrowed to that case; never those words searched alone, which find another
        measure. Only an elliptical message (呢, 那…) naming no term of the vocabulary and no place."""
        if not (thread.found and thread.measure and thread.clauses) or not self.words.continuing.search(text):
            return None
        if self.regions.resolve(text).place:
            return None
        if any(t not in self.words.not_a_topic for t in self.topic_of(text)):
            # 进园区的人, 展期, 小微企业: a group, a situation or a measure the vocabulary knows is asked by
            # that name (the thread's other readings) — only the clause's own wording is read here.
            return None
        words = self.content_words(text)
        region = thread.measure_region or thread.region
        rest = self.words.continuing.sub("", text).strip(" ？?。！!，,")
        other = self._sibling_named(thread, text, words)
        if other is not None:
            # 那个5000的初创补贴我能领不 after 吉林（七）'s 创业孵化基地: another measure of the clause shown, named by
            # its words or its figure — that measure is asked, never the one answered about narrowed to its words.
            return Question(
                f"{other.name}{rest}", region=region, read_as=f"{region or ''} · {other.name}", topic=(other.name,)
            )
        shown = "".join(self.clauses.get(c).text for c in thread.clauses if self.clauses.has(c))
        # A threshold said in words (一半以上, 不足一年) is how the clause's figures are asked, not written there.
        if not any(word in shown for word in words) or not all(
            word in shown or _THRESHOLD_WORD.fullmatch(word) for word in words
        ):
            return None
        # The case asked replaces the one asked before (初级 after 高级工): the thread goes on with the measure
        # alone — never the case asked before, carried elsewhere.
        return Question(
            f"{thread.measure}{rest}",
            region=region,
            read_as=f"{region or ''} · {thread.measure}：{rest}",
            topic=(thread.measure,),
        )

    def _sibling_named(self, thread: Thread, text: str, words: list[str]) -> Measure | None:
        """The measure of the clauses just shown that the message's words and figures fit better than the one
        the last answer was about (初创补贴, 5000 → 初创企业补贴 beside 创业孵化基地 in 吉林（七）), if any."""
        typed = [*words, *_NUMBER.findall(text)]
        shown = [m for clause_id in thread.clauses for m in measures_of_clause().get(clause_id, ())]
        current = next((m for m in shown if m.name == thread.measure), None)
        if current is None or not typed:
            return None

        def fit(measure: Measure) -> int:
            own = measure.name + "".join(measure.aliases) + measure.span
            return sum(1 for word in typed if word in own)

        best = max(shown, key=fit)
        return best if fit(best) > fit(current) else None

    def _other_kind(self, thread: Thread, text: str, goes_on: bool = False) -> Question | None:
        """那贷款呢 after 创业补贴: another kind of help (a loan after a subsidy) asked where the last
        answer was — not that measure again. 这个贷款网上能办吗 after a loan goes on with the loan.
        `goes_on`: a later part of the same message (开网店算不算创业 | 能贷款不) goes on by its place."""
        # A question of its own (能贷款吗，最多贷多少 after 开店有补贴吗) asks that kind as much as 那贷款呢 does —
        # a kind of its own: 有补贴不 after a 社保 answer asks that measure's subsidy, going on with it.
        goes_on = bool(goes_on or self.words.continuing.search(text))
        if not (goes_on or self.words.is_question(text)):
            return None
        # 资阳能贷款不 after 资阳's training subsidy: the kind asked at the place named, not the last measure there.
        region = self.asked_place(text) or thread.region
        shown = f"{thread.measure or ''}{''.join(thread.topic)}"
        kinds = [t for t in self.topic_of(text) if t in self.words.not_a_topic and t in self.words.benefit_words]
        if not goes_on:
            kinds = [kind for kind in kinds if kind not in _ANY_KIND]
        named = ""
        if not kinds and _BORROWING.search(text):
            # 能贷多少, 可以借多少: asked by the verb, the kind is a loan, named in the search
            kinds, named = ["贷款"], "贷款"
        if not kinds or any(kind in shown or (kind == "贷款" and "贷" in shown) for kind in kinds):
            return None
        if any(_POINTING.search(text[: text.find(kind)]) for kind in kinds if kind in text):
            # 这个补贴去哪领钱 after a loan: the one just shown, however it is called
            return None
        return Question(f"{named}{text}", region=region, read_as=f"{region or ''} · {''.join(kinds)}")

    def _kind_unnamed(self, thread: Thread) -> str:
        """资阳贫困户自己创业能贷多少 → 巴中呢: the kind of help the last answer showed (贷款 in 贫困劳动者
        创业担保贷款) when the topic words name only whom it is for — asked by a verb (能贷), the kind is
        in no word of the topic, and the same question elsewhere would lose it."""
        if thread.measure is None or any(self.is_measure(term) for term in thread.topic):
            return ""
        kinds = [word for word in self.words.benefit_words if word in thread.measure]
        return max(kinds, key=len) if kinds else ""

    def _cue(self, thread: Thread) -> str:
        """The words asking the thread's kind of question again (哪个部门负责, 利息谁出钱)."""
        kind = thread.intent or Intent.OVERVIEW
        if kind.startswith(f"{DETAIL}:"):
            # 要交税吗 then 那巴中呢: the detail is asked there too, not the measure alone.
            return f" {kind.partition(':')[2]}"
        if kind == PAYER or kind.startswith(f"{PAYER}:"):
            return kind.partition(":")[2] + self.words.intent_cues.get(PAYER, "")
        return self.words.intent_cues.get(kind, "")

    def is_measure(self, term: str) -> bool:
        """A measure or a kind of benefit (创业担保贷款, 补贴), not a group or a situation (退役军人)."""
        return term in measure_vocabulary() or any(word in term for word in self.words.benefit_words)

    def viewed(self, thread: Thread | None, clause_id: str) -> Thread:
        """The thread once a clause was shown in full (吉林第七条, a pressed 查看条款原文): what the
        person saw last is what 能拿多少钱？ goes on from — the clause's own measure (the one the last
        answer was about, else one with a figure first, then a payment), where its document applies.
        A citation of the shown list keeps the list (第三条 still counts in it); another clause becomes
        the one shown. Its measure is one of the side the chat was on (session 39): the person's own, unless
        the thread was on an employer's (or a provider's) measure — 巴中（十） opened after a graduate's list is
        their 社保补贴, never the unit's 吸纳毕业年度高校毕业生社会保险补贴 first for its figure (要是在平顶山呢
        next asked 平顶山（九） for the unit)."""
        clause = self.clauses.get(clause_id)
        document = self.clauses.document_of(clause)
        side = self._side_of(thread)
        bound = tuple(sorted(measures_by_clause().get(clause_id, ()), key=lambda m: m.beneficiary is not side))
        # The clause of the payment just answered about (资阳（十九） after its loan) stays on it.
        kept = [m for m in bound if thread is not None and m.name == thread.measure and m.kind in _PAYMENTS]
        bound = (*kept, *bound)
        shown = thread.clauses if thread is not None else ()
        return Thread(
            topic=(bound[0].name,) if bound else (thread.topic if thread is not None else ()),
            region=document.jurisdiction,
            intent=None,
            clauses=shown if clause_id in shown else (clause_id,),
            measure=bound[0].name if bound else None,
            measure_region=document.jurisdiction if bound else None,
            listed=thread is not None and thread.listed and clause_id in shown,
            items=thread.items if thread is not None else (),
        )

    def _side_of(self, thread: Thread | None) -> Beneficiary:
        """Whose measures the thread is on: its measure's beneficiary; the person's when it has none."""
        if thread is None or not thread.measure or not thread.measure_region:
            return Beneficiary.PERSON
        shown = self._measure_at(thread.measure, thread.measure_region)
        return shown.beneficiary if shown is not None else Beneficiary.PERSON

    def after(self, thread: Thread | None, question: Question, answer: Answer) -> Thread:
        """The thread once `answer` was given: its topic, where it was for, what it asked, what it cited."""
        own = self.topic_of(question.text)
        # A question naming no topic of its own that found nothing (证是前年拿的，还能申请不) leaves the
        # conversation's topic and measure as they were: 巴中呢 next still asks about them.
        kept = thread is not None and not answer.citations and not own and standard_asked(question.text) is None
        primary = primary_measure(answer)
        # An answer that says the documents never state what was asked (这些补贴在哪里申请 → 没有写明办理地点),
        # citing a measure the question's own words never name (充分就业社区 reached by 社区), made no topic
        # of that measure: the next part (办下来要多久) still asks about the conversation's.
        stray = (
            answer.status is AnswerStatus.NO_ANSWER and primary is not None and not _shares_a_word(own, primary.name)
        )
        if stray:
            kept, primary = thread is not None, None
        if thread is not None and (question.read_as or kept):
            topic = question.topic or thread.topic
        else:
            topic = own or (() if stray else tuple(m.name for m in answer.measures[:1]))
        region = answer.region if answer.status != AnswerStatus.REGION_NOT_COVERED else answer.place
        measure, measure_region = (primary.name, primary.jurisdiction or None) if primary else (None, None)
        # A follow-up answered with no measure of its own keeps the thread's — unless it moved the
        # place (资阳呢 after 巴中's parks): another place's measure is not asked of here.
        moved = region is not None and thread is not None and region != thread.measure_region
        if primary is None and thread is not None and (question.read_as or kept) and not moved:
            measure, measure_region = thread.measure, thread.measure_region
        listed = listed_measures(answer)
        if len(listed) > 1:
            items, item_names = tuple(m.clause_id for m in listed), tuple(m.name for m in listed)
        elif thread is not None and (question.read_as or kept):
            # a follow-up about one of the items keeps the list (第三条呢 next); another question does not
            items, item_names = thread.items, thread.item_names
        else:
            items, item_names = (), ()
        return Thread(
            topic=topic,
            region=region or question.region,
            intent=_asked_kind(question.text, answer),
            figure="+".join(unit for unit in classify(question.text).units if unit != "money") or None,
            clauses=tuple(c.clause_id for c in answer.citations) or (thread.clauses if thread else ()),
            measure=measure,
            measure_region=measure_region,
            found=bool(answer.citations),
            items=items,
            item_names=item_names,
        )


# 为止 closing an until-when (补到啥时候为止, 发到哪年为止; session 39): the same time asked as 补到啥时候, no topic.
_UNTIL_CLOSED = re.compile(r"(?<=时候|哪天|几号|哪年|几月)为止")

# A pointer word (这个, 这种, 这): right after the person told their situation, it points at what they told.
_POINTS_AT_TOLD = re.compile(r"这")
# What one means to do, right before the activity it names: 想考研, 打算去当兵, 他要是去当兵 (要是 alone supposes a case
# of the same measure: 要是留下来的人多呢).
_PLANNED = re.compile(r"(?:想|打算|准备|(?:要是|如果|假如)(?:我|他|她|俺|孩子)?(?:想|去))$")
# 那得先交社保是吧, 是不是要先办执照, 必须登记失业吗: whether a thing must be done or had first — a condition
# asked, a yes or no.
_ASKS_A_CONDITION = re.compile(
    r"(?:先|是不是|是否)?(?:得|要|需要|必须|非得|一定要)(?:先|提前)?(?:交|缴|办|有|考|买|参加|登记|注册|签|满)"
    r"[^，,。？?！!]{0,8}?(?:是吧|是不是|对吧|对不|吧|吗|么|不)[？?。！!~～\s]*$"
)

# Words that only say how much (一半, 以上, 三成, 不足): a threshold asked of the figures shown.
_THRESHOLD_WORD = re.compile(
    r"(?:[一二两三四五六七八九十百千万半多几]+[成半倍]?|以上|以下|以内|超过|不足|不到|半数|多数|大半|过半)"
)


def without_payers(text: str) -> str:
    """The text with the payers a payer question offers taken out (这钱是公司出还是国家出 → 这钱是出):
    who might pay is what is asked, never the topic — the topic is the thing paid, or the thread's."""
    cue = payer_cue_at(text)
    return text if cue is None else f"{text[: cue[0]]} {text[cue[1] :]}"


def still_of_another(thread: Thread | None, names_another: bool, names_person: bool) -> bool:
    """Whom a question is about, in the thread: someone else when it names only them (他能领吗); the
    person when it names them (那我自己呢); naming no one, whoever the thread's last question was about —
    a follow-up about a daughter stays about her (session 25)."""
    if names_person:
        return False
    return names_another or (thread is not None and thread.of_another)


def _shares_a_word(terms: tuple[str, ...], name: str) -> bool:
    """A term of the question and the measure's name share two characters in a row (创业贷款 and 创业担保贷款,
    失业金 and 失业保险金): the question named the measure, however in its own words."""
    return any(term[at : at + 2] in name for term in terms for at in range(len(term) - 1))


def _pairs_of(text: str) -> set[str]:
    """The pairs of Chinese characters in a row in `text` (技能培训补贴 → 技能, 能培, 培训 …)."""
    return {text[at : at + 2] for at in range(len(text) - 1) if _HAN_PAIR.fullmatch(text[at : at + 2])}


def _name_pairs(measure: Measure) -> set[str]:
    """The pairs of characters of a measure's name and aliases: how much two measures are called alike."""
    return {pair for name in (measure.name, *measure.aliases) for pair in _pairs_of(name)}


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
# A pair of characters in the names of more than this share of all measures (就业, 创业, 补贴, 培训) says
# nothing of which measure it is: two measures alike only in it are not alike.
COMMON_PAIR_SHARE = 0.1


@lru_cache(maxsize=1)
def distinctive_names() -> frozenset[str]:
    """The measure names and aliases no document gives to two of its measures (技能提升补贴, 初创企业补贴): a
    name both of two places' measures carry says they are one kind of measure only when it is one of these."""
    per_document: dict[tuple[str, str], int] = {}
    for document, measures in load_measures().items():
        for measure in measures:
            for name in {measure.name, *measure.aliases}:
                per_document[(name, document)] = per_document.get((name, document), 0) + 1
    generic = {name for (name, _), count in per_document.items() if count > 1}
    return frozenset(name for name, _ in per_document if name not in generic)


@lru_cache(maxsize=1)
def common_pairs() -> frozenset[str]:
    """The pairs of characters too many measures' names hold to tell one measure from another."""
    measures = [m for listed in load_measures().values() for m in listed]
    counts: dict[str, int] = {}
    for measure in measures:
        for pair in _name_pairs(measure):
            counts[pair] = counts.get(pair, 0) + 1
    return frozenset(pair for pair, count in counts.items() if count > COMMON_PAIR_SHARE * len(measures))


def primary_measure(answer: Answer) -> MeasureRef | None:
    """The measure an answer was about, as the person saw it: the first of its own place's (an answer
    for 巴中 may also show other places' figures, labelled), never one picked from a list of several."""
    if answer.direct is not None and answer.direct.kind == "list":
        return None
    own = [m for m in answer.measures if answer.region is None or m.jurisdiction == answer.region]
    return own[0] if own else None


def _asked_kind(text: str, answer: Answer) -> str:
    """What was asked, for a follow-up to ask again elsewhere (那资阳呢): the answer's intent, who
    bears a cost (利息谁出) — asked again as such, not as which office is responsible — or a detail of
    the measure (要交税吗, 第二次还能领吗: scope.yaml `measure_details`), asked again in its own words."""
    detail = detail_asked(text)
    if detail is not None:
        return f"{DETAIL}:{detail}"
    asked = classify(text)
    cue = payer_cue_at(text) if asked.asks_payer else None
    if cue is None:
        return str(answer.intent or asked.primary)
    # The cost asked about, when a word of it comes right before the cue (利息 of 利息谁出).
    before = [w for w in jieba_words(text[: cue[0]]) if is_dictionary_word(w)]
    return f"{PAYER}:{before[-1]}" if before and len(before[-1]) >= MIN_TERM_CHARS else PAYER


def detail_asked(text: str) -> str | None:
    """The words asking a detail of a measure (交税 of 创业补贴要交税吗, 第二次 of 第二次创业还能领吗) or a step
    of applying it (去哪办, 小程序, 到账): what knowledge's `measure_details` and `procedure_intent` read as
    asking it, in a phrase of the question that asks."""
    scope = load_scope()
    steps = sorted((t for aspect in scope.procedure_intent for t in aspect.triggers), key=len, reverse=True)
    for phrase in asked_phrases(text):
        for detail in scope.measure_details:
            for pattern in detail.asked:
                found = re.search(pattern, phrase)
                if found is not None and found.group():
                    return found.group()
        for step in steps:
            if step in phrase:
                return step
    return None
