"""Query understanding: clean the question, map everyday words to policy terms, find the region.

All vocabulary lives in data files under knowledge/data (glossary.yaml, policy_terms.txt,
scope.yaml) so it can be reviewed and tested as data.
"""

from __future__ import annotations

import inspect
import itertools
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jieba
from pydantic import BaseModel, ConfigDict

from knowledge import jieba_dictionary
from knowledge.datafile import read_yaml
from knowledge.errors import QueryError
from knowledge.instructions import addresses_the_assistant
from knowledge.intent import Intent, asked_phrases, classify, phrases_of, procedure_nouns, procedure_nouns_asked
from knowledge.latin import LatinReader, has_letters, is_latin_question
from knowledge.normalize import to_simplified
from knowledge.numerals import chinese_to_number
from knowledge.regions import Gazetteer, ResolvedRegion

if TYPE_CHECKING:
    from knowledge.place_sound import PlacesBySound

jieba.setLogLevel(logging.WARNING)

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_QUESTION_CHARS = 1000

# 那 after 去/在/到 and before the verb of applying (去那办, 在那里申请): 哪 typed as 那 — the same syllable on a
# pinyin keyboard; "go there to apply" is never asked of an assistant that named no place. A yes/no question keeps
# its 那 (报关能在那办吗 asks whether it is done there).
_WHERE_TYPED_AS_THERE = re.compile(r"(?<=[去在到])那(?=[里儿]?(?:办|申请|申领|报名))(?![^，,。？?！!；;]*[吗嘛么])")


def where_read(text: str) -> str:
    """The text with where-to-apply read as asked (去那办 → 去哪办, 在哪儿申请 → 在哪里申请): 哪 typed as 那, and 哪儿
    — the same word as 哪里 — so the where a question asks is found whichever way it is written."""
    return _WHERE_TYPED_AS_THERE.sub("哪", text).replace("哪儿", "哪里")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
# Full-width digits and Latin letters become ASCII; Chinese punctuation stays as written.
_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
# A space between two Chinese characters (or a Chinese character and a digit) parts words, not phrases, after a
# word or two (延吉 大学生 自主创业 补贴多少钱, 补贴 5000 元): Chinese is written without such spaces, so those are
# read as typed together. A space after a longer run parts phrases, as a comma would (平顶山最低工资一个月多少钱
# 见习补贴说按它的70%算, 离退休还差不到一年 咋办), and stays. Spaces beside a Latin letter stay — they part pinyin and
# English words.
_SPACED = re.compile(r"\s+")
_JOINS = re.compile(r"[\u3400-\u9fff0-9]")
_WORD_CHARS = 4
# A particle that ends what was said (贷款能贷好多嘛 要利息不, 开了一年了 补贴…): the space after it ends a phrase.
_PHRASE_ENDS = frozenset("吗嘛呢吧么啊呀哦了")
# A part that asks (目标多少人 创收多少, 最多贷好多 咋个申请): two such parts are two questions, the space a comma.
_ASKS = re.compile(r"吗|呢|哪|什么|啥|咋|怎么|怎样|如何|多少|好多|几|是否|能否|有没有|要不要|能不能|可不可以")
# A word that opens a clause of its own (不是省级 是市级的, 没开店 也没执照): the space before it
# parts two clauses, as a comma would. A closed class of grammar words, not of any topic.
_CLAUSE_OPENS = ("不是", "是", "不", "没", "也", "还是", "但", "可是", "那")
# How a phrase that asks may end without a question mark (南充创业有补贴吗).
_ASKING_ENDS = ("吗", "呢", "么", "没", "不")
# A measure word a verb and its object may stand apart by (学个技术, 学点手艺, 学一门手艺, 考个证): a closed
# class of grammar, not of any topic. Not 几个, which asks a number (招几个人 asks how many, not 招人).
_MEASURE_WORD = re.compile("一?[个点门些项样种]")
_NUMERAL_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万]+")
_NUMERAL_UNIT = re.compile(r"^[零〇一二两三四五六七八九十百千万]+(?=年|个月|月|岁|元|块|万|千|级|人|天|学时|小时|%|倍)")


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    say: tuple[str, ...]
    means: tuple[str, ...]
    # Ways of saying it that no list of words covers (开了个修车铺, 开家小面馆: any shop): regular
    # expressions matched against the question like the everyday words.
    patterns: tuple[str, ...] = ()
    # The everyday words name people the documents may or may not count among the group read
    # (四零五零 → 就业困难人员): only a document that writes one of them says so; elsewhere the reading is
    # no answer (a measure for the group is not said to be theirs).
    written_only: bool = False


class Glossary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    entries: tuple[GlossaryEntry, ...]


class ProcedureAspect(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    aspect: str
    triggers: tuple[str, ...]
    evidence: tuple[str, ...]


class MeasureDetail(BaseModel):
    """A detail of a measure people ask about beyond its amount, conditions and procedure (是否要交税,
    能否再领一回, 会不会收回): `asked` are patterns of a phrase that asks it, `said` the pattern a clause
    that states it holds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    aspect: str
    asked: tuple[str, ...]
    said: str

    def asked_in(self, phrase: str) -> bool:
        return any(re.search(pattern, phrase) for pattern in self.asked)

    def said_in(self, text: str) -> bool:
        return re.search(self.said, text) is not None


class Scope(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    outside: tuple[str, ...]
    amount_intent: tuple[str, ...]
    procedure_intent: tuple[ProcedureAspect, ...]
    measure_details: tuple[MeasureDetail, ...] = ()
    stopwords: tuple[str, ...]


def is_way_of_asking(topic: str) -> bool:
    """An outside entry that names no topic, only how a figure is asked (每个月能领多少): with the scope's
    amount phrases and stopwords taken out of it, no word is left. It says nothing of what is asked about."""
    scope = load_scope()
    rest = topic
    for phrase in sorted(scope.amount_intent, key=len, reverse=True):
        rest = rest.replace(phrase, "")
    return rest != topic and not [t for t in jieba_words(rest) if t.strip() and t not in scope.stopwords]


def mentions(text: str, topic: str) -> bool:
    """`拖欠+工资` means both words appear; a plain topic is a substring."""
    return all(part in text for part in topic.split("+"))


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    data = read_yaml((DATA_DIR / "glossary.yaml").read_text(encoding="utf-8"))
    return Glossary.model_validate(data)


def glossary_meanings(word: str) -> list[str]:
    """The terms the glossary reads an everyday word as (大学生 → 高校毕业生)."""
    return list(_meanings_by_word(load_glossary()).get(word, ()))


_MEANINGS: list[tuple[Glossary, dict[str, tuple[str, ...]]]] = []


def _meanings_by_word(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """Each everyday word's terms in the glossary's order, made once per loaded glossary: a turn asks
    of a few dozen words, and each asking scanned every entry."""
    if not _MEANINGS or _MEANINGS[0][0] is not glossary:
        by_word: dict[str, list[str]] = {}
        for entry in glossary.entries:
            for said in dict.fromkeys(entry.say):
                by_word.setdefault(said, []).extend(entry.means)
        _MEANINGS[:] = [(glossary, {word: tuple(means) for word, means in by_word.items()})]
    return _MEANINGS[0][1]


def group_meanings(word: str) -> tuple[str, ...]:
    """The terms the glossary reads a word as, or an everyday word of two characters or more inside it
    (退伍 of 退伍兵, 养殖 of 搞养殖): how a person's word for their group or a measure's kind reaches the
    documents' term."""
    glossary = load_glossary()
    if not _GROUPS or _GROUPS[0][0] is not glossary:
        by_word = _meanings_by_word(glossary)
        order = {said: at for at, said in enumerate(by_word) if len(said) >= 2}
        _GROUPS[:] = [(glossary, order, sorted({len(said) for said in order}), {})]
    _, order, lengths, memo = _GROUPS[0]
    found = memo.get(word)
    if found is None:
        # The everyday words inside the word: one lookup per substring of a said word's length (the glossary's
        # order kept), instead of a substring test per glossary word — asked per question word per measure.
        inside = {part for n in lengths for i in range(len(word) - n + 1) if (part := word[i : i + n]) in order}
        by_word = _meanings_by_word(glossary)
        found = tuple(dict.fromkeys(m for said in sorted(inside, key=order.__getitem__) for m in by_word[said]))
        if len(memo) >= _GROUPS_KEPT:
            memo.clear()
        memo[word] = found
    return found


# Per loaded glossary: each said word's place (two characters or more), their lengths, and the words read.
_GROUPS: list[tuple[Glossary, dict[str, int], list[int], dict[str, tuple[str, ...]]]] = []
_GROUPS_KEPT = 8192


def names_a_group(token: str, groups: list[str] | tuple[str, ...]) -> bool:
    """The word, or a term the glossary reads it as (大学生 → 高校毕业生), is in a target group."""
    return any(word in group for word in (token, *glossary_meanings(token)) for group in groups)


@lru_cache(maxsize=1)
def load_scope() -> Scope:
    data = read_yaml((DATA_DIR / "scope.yaml").read_text(encoding="utf-8"))
    return Scope.model_validate(data)


LATIN_NOT_UNDERSTOOD = (
    "目前只能读懂中文提问（以及拼音或英文写的政策用语和地名）。请用中文描述您的问题，例如：“长春开店有补贴吗？”"
)


def _policy_terms() -> list[str]:
    return (DATA_DIR / "policy_terms.txt").read_text(encoding="utf-8").splitlines()


def glossary_words(glossary: Glossary) -> list[tuple[str, int | None]]:
    """The glossary words jieba learns, with their frequency (None: jieba's default)."""
    words: list[tuple[str, int | None]] = []
    for entry in glossary.entries:
        words += [(term, None) for term in entry.means if len(term) <= 8 and "、" not in term]
        # Everyday words as single tokens too, so 失业金领完 splits as 失业金/领完, not 失业/金领.
        words += [(term, 2000) for term in entry.say if 2 <= len(term) <= 6]
    return words


@lru_cache(maxsize=1)
def _jieba_ready() -> bool:
    """Load the policy-term dictionary into jieba once per process."""
    jieba_dictionary.initialize()
    jieba.load_userdict(str(DATA_DIR / "policy_terms.txt"))
    for term, freq in glossary_words(load_glossary()):
        jieba.add_word(term, freq=freq)
    return True


def tokenizer_inputs(data_dir: Path = DATA_DIR) -> list[str | bytes]:
    """Everything `tokenize` reads — the policy-term dictionary, the glossary words jieba learns,
    the stopwords and the code that cuts — and nothing else, so an edit to intents or scope topics
    does not invalidate every stored token list (tokens.tokenizer_fingerprint)."""
    glossary = Glossary.model_validate(read_yaml((data_dir / "glossary.yaml").read_text(encoding="utf-8")))
    scope = Scope.model_validate(read_yaml((data_dir / "scope.yaml").read_text(encoding="utf-8")))
    code = (
        glossary_words,
        _jieba_ready,
        tokenize,
        _jieba_words,
        _thing_kept_whole,
        _verb_followers,
        _tokens,
        _searched,
        _stopwords,
        _is_punctuation,
    )
    return [
        (data_dir / "policy_terms.txt").read_bytes(),
        json.dumps(glossary_words(glossary), ensure_ascii=False),
        json.dumps(sorted(set(scope.stopwords)), ensure_ascii=False),
        *(inspect.getsource(function) for function in code),
    ]


def jieba_words(text: str) -> list[str]:
    """Accurate-mode jieba words (with the policy dictionary): each character in one word."""
    return list(_jieba_words(text))


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens without stopwords or punctuation (compounds and their parts)."""
    return list(_tokens(text))


# One message is read by several analyzers in a turn (spelling, intent, regions, the answer and the
# dialogue's readers), each cutting the same text: the cuts of the last few texts are kept. jieba's
# dictionary is fixed once loaded (_jieba_ready), so a cut never goes stale; the bound keeps only the
# texts of the turns in flight, not every question ever asked.
_CUTS_KEPT = 32


@lru_cache(maxsize=_CUTS_KEPT)
def _jieba_words(text: str) -> tuple[str, ...]:
    _jieba_ready()
    return _thing_kept_whole([str(word) for word in jieba.lcut(text)])


# The words that end the name of a payment (取暖补贴, 生活补助, 创业担保贷款): the word before one names what it is for.
_PAYMENT_HEADS = frozenset({"补贴", "补助", "补助金", "津贴", "奖补", "补偿", "贷款"})


def _thing_kept_whole(words: list[str]) -> tuple[str, ...]:
    """A verb jieba glued to the first character of what a payment is for (领取暖补贴 → 领取/暖/补贴, 发生活补贴 →
    发生/活/补贴) is cut again after the verb's first character when its second one and the stray one make a
    dictionary word (领/取暖/补贴, 发/生活/补贴): the thing asked for is kept whole, whichever verb comes before it —
    the segmenter's rule, not a list of phrases. Only a word the dictionary tags a verb, and only a stray character
    that does not follow verbs on its own (到, 完, 过, 上 of 享受到补贴 stay), is cut again; a noun before a verb
    (宽带/有/补贴, 学生/发/补贴) is no verb glued to a thing."""
    for at in range(1, len(words) - 1):
        verb, stray = words[at - 1], words[at]
        if (
            len(stray) == 1
            and len(verb) == 2
            and words[at + 1] in _PAYMENT_HEADS
            and verb in verbs()
            and stray not in _verb_followers()
            and bool(jieba.dt.FREQ.get(verb[1] + stray))
        ):
            words[at - 1 : at + 1] = [verb[0], verb[1] + stray]
    return tuple(words)


@lru_cache(maxsize=_CUTS_KEPT)
def _tokens(text: str) -> tuple[str, ...]:
    stop = _stopwords()
    return tuple(
        token
        for token in _searched(_jieba_words(text))
        if token.strip() and token not in stop and not _is_punctuation(token)
    )


def _searched(words: tuple[str, ...]) -> Iterator[str]:
    """jieba's search mode (`cut_for_search`) over the accurate cut: a long word's dictionary parts before it."""
    freq = jieba.dt.FREQ
    for word in words:
        for size in (2, 3):
            if len(word) > size:
                yield from (gram for i in range(len(word) - size + 1) if freq.get(gram := word[i : i + size]))
        yield word


@lru_cache(maxsize=1)
def is_dictionary_word(word: str) -> bool:
    """A word of jieba's dictionary or our policy vocabulary, not a pair jieba glued by guessing."""
    _jieba_ready()
    return bool(jieba.dt.FREQ.get(word))


# jieba's part-of-speech tags of words that name nothing (pronouns, adverbs, numerals and measure words,
# conjunctions, prepositions, particles, set phrases such as 差不多 or 是不是; not time words: 明天 is no policy word).
_FUNCTION_TAGS = "r|d|df|dg|m|mq|q|p|c|u|uj|ul|uv|uz|ud|ug|y|e|o|l"
_FUNCTION_ENTRY = re.compile(rf"^(\S+) \d+ (?:{_FUNCTION_TAGS})\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Words jieba's dictionary tags as naming nothing (这么, 差不多, 两百, 还是), read straight from its
    dictionary file: the tags `jieba.posseg` would give, without building its part-of-speech table."""
    return _dictionary_entries(_FUNCTION_ENTRY)


_VERB_ENTRY = re.compile(r"^(\S+) \d+ v\r?$", re.MULTILINE)


# A single character jieba's dictionary tags a verb, a direction or a function word (到, 完, 上, 过, 给): one that
# follows a verb on its own as its complement or particle.
_FOLLOWER_ENTRY = re.compile(rf"^(\S) \d+ (?:v|f|{_FUNCTION_TAGS})\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def _verb_followers() -> frozenset[str]:
    return _dictionary_entries(_FOLLOWER_ENTRY)


@lru_cache(maxsize=1)
def verbs() -> frozenset[str]:
    """Words jieba's dictionary tags as verbs only (找到, 介绍, 申请; not 工作, tagged a verbal noun), read
    straight from its dictionary file as `function_words` is."""
    return _dictionary_entries(_VERB_ENTRY)


_NOUN_ENTRY = re.compile(r"^(\S+) \d+ n\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def nouns() -> frozenset[str]:
    """Words jieba's dictionary tags as common nouns (人, 钱, 补贴), read straight from its dictionary
    file as `verbs` are."""
    return _dictionary_entries(_NOUN_ENTRY)


# jieba's tags of words naming a thing: nouns of every kind (养老 is tagged nr), verbal nouns (建设),
# abbreviations (家电).
_THING_ENTRY = re.compile(r"^(\S+) \d+ (?:n[a-z]*|vn|j)\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def thing_words() -> frozenset[str]:
    """Words jieba's dictionary tags as naming a thing (养老, 居家, 建设, 家电), read straight from its
    dictionary file as `nouns` are: never a pair glued by guessing (能领) nor a phrase of giving (给一笔)."""
    return _dictionary_entries(_THING_ENTRY)


# jieba's tags of verbs (记错, 等到, 出去): a deed or a happening, no thing of any field (not 动名词 such as 服务).
_VERB_TAGS = "v|vd|vg|vi"
_DOING_ENTRY = re.compile(rf"^(\S+) \d+ (?:{_VERB_TAGS})\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def doing_words() -> frozenset[str]:
    """Words jieba's dictionary tags as verbs (记错, 等到, 出去), read straight from its dictionary file as
    `function_words` are: they tell what is done, and name no thing another field is about (天气, 收购价)."""
    return _dictionary_entries(_DOING_ENTRY)


def _dictionary_entries(entry: re.Pattern[str]) -> frozenset[str]:
    """The words of jieba's dictionary file whose line (word, count, tag) the pattern matches."""
    _jieba_ready()
    return jieba_dictionary.tagged_words(entry)


def _stopwords() -> frozenset[str]:
    return frozenset(load_scope().stopwords)


def _is_punctuation(token: str) -> bool:
    return all(unicodedata.category(ch).startswith(("P", "S", "Z")) for ch in token)


def hanzi_joined(text: str) -> str:
    """The text without the spaces that part its Chinese words: 延吉 大学生 自主创业 reads as 延吉大学生自主创业, a
    pinyin question read into Chinese (四平 大学生创业 补贴) as it would be typed; a space between two phrases
    (after more than a word or two, after a particle ending what was said, or between two parts that each ask)
    stays."""
    parts = _SPACED.split(text)
    out = [parts[0]]
    for before, after in itertools.pairwise(parts):
        joined = (
            before
            and after
            and _JOINS.match(before[-1])
            and _JOINS.match(after[0])
            and not (before[-1].isdigit() and after[0].isdigit())
            and before[-1] not in _PHRASE_ENDS
            and not (_ASKS.search(before) and _ASKS.search(after))
            and not _ASKS.fullmatch(before)
            and not (_ASKS.search(before) and len(before) <= 2)
            and not after.startswith(_CLAUSE_OPENS)
            and len(before) <= _WORD_CHARS
        )
        if joined:
            out[-1] += after
        else:
            out.append(after)
    return " ".join(out)


def clean_question(raw: str | bytes) -> str:
    """Validate and normalize a user question; raise QueryError with a polite Chinese message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise QueryError("无法识别您发送的内容（不是有效的文字），请用中文重新描述您的问题。") from None
    if "\x00" in raw or "\ufffd" in raw or any(0xDC80 <= ord(ch) <= 0xDCFF for ch in raw):
        raise QueryError("您发送的内容包含无法识别的字符，请用中文重新描述您的问题。")
    text = _CONTROL.sub(" ", raw)
    text = text.translate(_FULLWIDTH_ALNUM)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QueryError("请输入您想咨询的问题，例如：“高校毕业生创业有什么补贴？”")
    if len(text) > MAX_QUESTION_CHARS:  # (measured before any joining: a huge message is declined at once)
        raise QueryError(f"问题太长了（{len(text)}字），请精简到{MAX_QUESTION_CHARS}字以内再问我。")
    text = hanzi_joined(text)
    visible = [ch for ch in text if not ch.isspace()]
    meaningful = [ch for ch in visible if ch.isalnum()]
    if len(meaningful) < max(1, len(visible) // 4):
        raise QueryError("没看懂您的问题，请用中文描述一下，例如：“在长春开店有补贴吗？”")
    return to_simplified(text)


def arabic_numerals(text: str) -> str:
    """三年半 → 3年半, 两千元 → 2000元; numerals not followed by a unit stay as they are."""

    def convert(match: re.Match[str]) -> str:
        run = match.group(0)
        rest = text[match.end() :]
        if not _NUMERAL_UNIT.match(run + rest[:3]) or run in ("万", "千", "百"):
            return run
        try:
            value = chinese_to_number(run)
        except ValueError:
            return run
        return str(int(value)) if value.is_integer() else str(value)

    return _NUMERAL_RUN.sub(convert, text)


@dataclass(frozen=True)
class QueryAnalysis:
    question: str
    normalized: str
    tokens: tuple[str, ...]
    expansions: tuple[str, ...]
    region: ResolvedRegion
    outside_topics: tuple[str, ...] = field(default=())
    asks_amount: bool = False
    procedure_aspects: tuple[ProcedureAspect, ...] = field(default=())
    # Addressed to the assistant itself (忽略规则, 你现在是…, ignore your rules): declined, not searched.
    to_assistant: bool = False
    # The normalized question with every place name cut out (巴中去产能企业以外 → ，去产能企业以外):
    # what it says of groups and measures, apart from where.
    unplaced: str = ""

    @property
    def all_tokens(self) -> list[str]:
        return list(self.tokens) + list(self.expansions)


def _spelling_vocabulary(entries: Sequence[GlossaryEntry]) -> tuple[str, ...]:
    """The glossary's everyday words and policy terms: what a same-sounding character is read as."""
    return tuple(dict.fromkeys(w for entry in entries for w in (*entry.say, *entry.means) if len(w) >= 2))


class QueryAnalyzer:
    """Turns a raw question into tokens, policy-term expansions and a resolved region."""

    def __init__(self, gazetteer: Gazetteer, measure_names: Iterable[str] = ()) -> None:
        """`measure_names`: the names and aliases of the measures the documents grant — the words a
        same-sounding character is read as, beside the glossary's (出创企业补贴 is 初创企业补贴)."""
        self._gazetteer = gazetteer
        _jieba_ready()
        self._entries = load_glossary().entries
        from knowledge.spelling import Speller  # it reads words with this module's jieba

        self._speller = Speller(
            (*_spelling_vocabulary(self._entries), *sorted(set(measure_names))),
            toneless=False,
            whole_terms=(w for entry in self._entries for w in entry.means),
        )
        scope = load_scope()
        self._outside = scope.outside
        self._amount = scope.amount_intent
        self._procedure = scope.procedure_intent
        # Per question only lookups: which entries' everyday words occur (one dictionary lookup per
        # substring of a word's length), the outside topics' parts split once, and each entry's
        # expansion tokens cut once (jieba's dictionary is fixed once loaded).
        self._say_entries: dict[str, list[int]] = {}
        for index, entry in enumerate(self._entries):
            for term in entry.say:
                self._say_entries.setdefault(term, []).append(index)
        # Every beginning of an everyday word: a scan stops lengthening at a position as soon as none
        # goes on (most positions after one character), instead of a lookup per length per position.
        self._say_prefixes = frozenset(term[:k] for term in self._say_entries for k in range(1, len(term) + 1))
        self._outside_parts = tuple((topic, tuple(topic.split("+"))) for topic in self._outside)
        # Every part of every outside topic by its first character: the parts a question contains are
        # found in one pass over the question instead of one substring scan per part.
        by_first: dict[str, list[str]] = {}
        for _, parts in self._outside_parts:
            for part in parts:
                if part and part not in by_first.get(part[0], []):
                    by_first.setdefault(part[0], []).append(part)
        self._outside_by_first = {ch: tuple(parts) for ch, parts in by_first.items()}
        # Everyday words the glossary reads as a covered concept that hold an outside topic's part
        # (投简历 → 求职 holds 简历, 不上学了 → 两后生 holds 上学): said whole, they mean the covered concept.
        outside_parts = {part for _, topic_parts in self._outside_parts for part in topic_parts if part}
        self._covered_holding_outside = tuple(
            sorted(
                (
                    term
                    for term in self._say_entries
                    if any(part in term and part != term for part in outside_parts)
                    and not any(term in part for part in outside_parts)
                ),
                key=lambda term: (-len(term), term),
            )
        )
        # The outside topics by their first part: only those whose first part is written are checked.
        self._outside_led_by: dict[str, list[int]] = {}
        for index, (_, parts) in enumerate(self._outside_parts):
            self._outside_led_by.setdefault(parts[0], []).append(index)
        self._means_tokens: dict[int, tuple[str, ...]] = {}
        self._said_by_pattern = tuple(
            (index, re.compile(pattern)) for index, entry in enumerate(self._entries) for pattern in entry.patterns
        )

    @cached_property
    def _places_by_sound(self) -> PlacesBySound:
        """Built on the first question that names no place: the covered places by their sound."""
        from knowledge.place_sound import PlacesBySound

        return PlacesBySound(self._gazetteer.covered_names())

    @cached_property
    def _latin(self) -> LatinReader:
        """Built on the first Latin-script question: our vocabulary, transliterated."""
        from knowledge.measures import load_measures

        terms = [line.split()[0] for line in _policy_terms() if line.strip()]
        for entry in self._entries:
            terms.extend((*entry.means, *entry.say))
        for measures in load_measures().values():
            for measure in measures:
                terms.extend((measure.name, *measure.aliases))
        return LatinReader(terms, self._gazetteer.names_covered_first())

    def _entries_said(self, text: str) -> list[int]:
        """The glossary entries (by position, in glossary order) with an everyday word in `text`; a
        word whose verb and object stand apart by a measure word (学个技术, 学点手艺, 学门手艺 for 学技术,
        学手艺) is said too."""
        said: set[int] = {index for index, pattern in self._said_by_pattern if pattern.search(text)}
        prefixes, entries = self._say_prefixes, self._say_entries
        for i in range(len(text)):
            end = i + 1
            while end <= len(text) and text[i:end] in prefixes:
                said.update(entries.get(text[i:end], ()))
                end += 1
            between = _MEASURE_WORD.match(text, i + 1)
            if between and text[i] in prefixes:
                rest = text[between.end() :]
                end = 1
                while end <= len(rest) and text[i] + rest[:end] in prefixes:
                    said.update(entries.get(text[i] + rest[:end], ()))
                    end += 1
        return sorted(said)

    def _expansion_tokens(self, index: int) -> tuple[str, ...]:
        tokens = self._means_tokens.get(index)
        if tokens is None:
            tokens = tuple(token for term in self._entries[index].means for token in tokenize(term))
            self._means_tokens[index] = tokens
        return tokens

    def _outside_present(self, text: str) -> set[str]:
        """The parts of outside topics written in the text, outside the everyday words the glossary
        reads as a covered concept (一直在投简历 is looking for work, not a question about 简历). A space typed
        between phrases parts no topic (养老保险 一年交的档次 asks 养老保险一年 as written together)."""
        text = "".join(text.split())
        for term in self._covered_holding_outside:
            if term in text:
                text = text.replace(term, "，")
        by_first = self._outside_by_first
        return {
            part for i, ch in enumerate(text) if ch in by_first for part in by_first[ch] if text.startswith(part, i)
        }

    def _without_places(self, text: str) -> str:
        for written in sorted(set(self._gazetteer.mentions(text)), key=lambda w: (-len(w), w)):
            text = text.replace(written, "，")
        return text

    def _asked_place(self, text: str, resolved: ResolvedRegion) -> ResolvedRegion:
        """Of several places, the one the question asks about: 之前在资阳打工，现在回遂宁了，遂宁返乡创业有啥
        补贴 asks about 遂宁, which no document covers, though 资阳 is named too. The last phrase that asks
        (a cue, or a closing 吗/呢) decides when it names a place; when it names none (想去浙江进厂，路费
        能不能补助), a covered place named anywhere stands."""
        if not resolved.covered or len(set(resolved.places)) < 2:
            return resolved
        phrases = phrases_of(text)
        cued = asked_phrases(text)
        if len(cued) == len(phrases):
            cued = ()  # no phrase holds a cue: only a closing 吗/呢 tells one apart
        asking = [p for p in phrases if p in cued or p.endswith(_ASKING_ENDS)]
        if not asking:
            return resolved
        asked = self._gazetteer.resolve(asking[-1])
        return asked if asked.names_a_place and not asked.covered else resolved

    def warm(self) -> None:
        """Make now what a question reads that is otherwise made on first use: the speller's sound
        indexes, the Latin-script reader and the covered places by sound (a server, at start)."""
        self._speller.warm()
        self._latin.warm()
        self._places_by_sound.warm()
        self._gazetteer.warm()

    def analyze(self, raw: str | bytes, region: str | None = None) -> QueryAnalysis:
        question = clean_question(raw)
        text = question
        to_assistant = addresses_the_assistant(question)
        if is_latin_question(question) and not to_assistant:
            reading = self._latin.read(question)
            if reading is None:
                raise QueryError(LATIN_NOT_UNDERSTOOD)
            text = hanzi_joined(reading.chinese)
        elif not to_assistant:
            # (the reader, made from every term's transliteration, is made for a question that writes a letter)
            text = hanzi_joined(self._latin.within(question) if has_letters(question) else question)
        # 一次性创业补帖: a glossary word typed with a same-sounding character (spelling.py).
        # (a place name jieba does not know is kept as written: 中国气候康养之都)
        numbered = arabic_numerals(text)
        normalized = self._speller.correct(numbered, keep=self._gazetteer.mentions(numbered))
        normalized = _WHERE_TYPED_AS_THERE.sub("哪", normalized)
        if region is None and not self._gazetteer.mentions(normalized):
            # 商落创业贷款: a covered place typed with a same-sounding character.
            normalized = self._places_by_sound.correct(normalized)
        resolved = self._gazetteer.resolve(clean_question(region) if region else normalized)
        if region is None:
            resolved = self._asked_place(normalized, resolved)
        expansions: list[str] = []
        for index in self._entries_said(normalized):
            expansions.extend(self._expansion_tokens(index))
        # (with the place names cut out: 巴中考个焊工证 holds no 中考, 吉林省考个证 no 省考 — a place's last character
        # and the next word's first are never one word)
        unplaced = self._without_places(normalized)
        in_text = self._outside_present(self._without_places(text))
        in_normalized = self._outside_present(unplaced)
        led = sorted({index for part in in_text | in_normalized for index in self._outside_led_by.get(part, ())})
        outside = tuple(
            topic
            for topic, parts in (self._outside_parts[index] for index in led)
            if all(part in in_text for part in parts) or all(part in in_normalized for part in parts)
        )
        asks_amount = any(term in text or term in normalized for term in self._amount)
        nouns = procedure_nouns_asked(text)
        # 去那办 typed for 去哪办 (nà for nǎ on a pinyin keyboard), 在哪儿申请 for 在哪里申请: read as the where asked.
        steps = where_read(text)
        aspects = tuple(
            a
            for a in self._procedure
            if a.triggers
            and any(term in steps and (term not in procedure_nouns() or term in nouns) for term in a.triggers)
        )
        if not aspects and classify(normalized).primary is Intent.PROCEDURE:
            # A how-to question that names no aspect of its own (怎么激活) is still answered only from
            # procedural text.
            aspects = tuple(a for a in self._procedure if not a.triggers)
        tokens = [t for t in tokenize(unplaced) if not self._gazetteer.is_place_name(t)]
        return QueryAnalysis(
            question=question,
            normalized=normalized,
            tokens=tuple(tokens),
            expansions=tuple(dict.fromkeys(expansions)),
            region=resolved,
            outside_topics=outside,
            asks_amount=asks_amount,
            procedure_aspects=aspects,
            to_assistant=to_assistant,
            unplaced=unplaced,
        )
