"""Who or what a term of the documents means (两后生是指啥人, 哪些人算就业困难人员, 五类人员是哪五类):
read from the documents' own words — a bracket right after the term (两后生（初、高中毕业后未继续
升学的学生）) or the list the term sums up (…、农村转移就业劳动者和城镇登记失业人员五类人员) — or said
plainly to be left undefined, never pieced together from a measure that merely names the group."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A definition asked, the term captured. Each form of asking once:
#   两后生是指啥人 / 零就业家庭是什么意思 / 就业困难人员 哪些人算 / 哪些人算就业困难人员 /
#   五类人员是哪五类 / 什么叫零就业家庭 / 困难人员包括哪些人.
_TERM = r"(?P<term>[\u4e00-\u9fff“”\"]{2,20}?)\s*"
_ASKED = (
    re.compile(_TERM + r"(?:是指|指的是|指)(?:的是)?(?:什么|啥|哪些|哪几|哪|谁)"),
    re.compile(_TERM + r"(?:是|指)?(?:什么|啥)意思"),
    re.compile(_TERM + r"\s*(?:都是|是|指)?(?:哪些人|什么人|啥人|哪类人|哪种人)(?:算|属于|才算)?"),
    re.compile(r"(?:哪些人|什么人|啥人|哪类人|哪种人|谁)(?:算|属于|才算)(?:是)?" + _TERM + r"(?:[吗呢啊？?，,。\s]|$)"),
    re.compile(_TERM + r"\s*(?:是|都是|指|包括)哪(?:[一二三四五六七八九十几\d]+)类"),
    re.compile(r"(?:什么|啥)(?:叫|是|算)" + _TERM + r"(?:[吗呢啊？?，,。\s]|$)"),
    re.compile(_TERM + r"\s*(?:包括|包含)(?:哪些|什么|啥)(?:人)?"),
)
# Whether one belongs to a group, or how one is recognised as one (我这岁数算不算就业困难人员, 我咋才能认定成
# 就业困难人员, 就业困难人员怎么认定, 我属于零就业家庭吗): answered by what the documents say the group is, or
# plainly that they leave it undefined — never by a measure that merely names the group. Kept only for a term
# naming people (这算创业补贴吗 asks whether a measure applies), asked last (我算不算灵活就业人员，能领社保补贴吗
# asks the subsidy).
_END = r"[吗嘛呢啊呀么不？?。！!\s]*$"
_RECOGNISED = (
    re.compile(
        # (not the 算 of 打算, 计算, 核算 …)
        r"(?<![打计预核清结估合划盘推换折总运就])"
        r"(?:算不算|算是|属不属于|属于|是不是|能不能算|能否算|可不可以算|可以算|能算|才算|才能算|算)(?:是)?"
        + _TERM
        + _END
    ),
    re.compile(
        r"(?:怎么|咋|如何|怎样|怎么样)(?:才能|才可以|才|能|可以)?(?:被)?(?:认定|认|申请认定|申请)(?:成|为|是)"
        + _TERM
        + _END
    ),
    re.compile(r"(?:认定|认)(?:成|为)" + _TERM + _END),
    re.compile(_TERM + r"(?:要|得|需要)?(?:怎么|咋|如何|怎样)(?:才能|去|来)?(?:认定|申请认定)[^，,；;]*$"),
    re.compile(_TERM + r"(?:的)?认定(?:条件|标准|办法|范围)[^，,；;]*$"),
)
# A term naming people (…人员, …家庭, 两后生, 贫困户): when the documents do not define it, that is said
# plainly (the answer must not list measures that merely name the group as if they defined it).
_GROUP = re.compile(r"(?:人员|人群|对象|家庭|成员|生|者|户|群体|人|子女|劳动力|儿童|孩子|老师|教师)$")
_OPEN = "（("
# A term that counts what it sums up (五类人员, 三种情形).
_COUNTED = re.compile(r"[一二三四五六七八九十两\d]+[类种项]")
_NOT_A_START = "的说讲是"
_CLOSE = {"（": "）", "(": ")"}
# The list a term sums up ends with the term (…和城镇登记失业人员五类人员), inside one phrase.
_LIST_BEFORE = re.compile(r"[^，,。；;：:]{4,160}$")


@dataclass(frozen=True)
class Meaning:
    """What the document says the term means (`text`, verbatim), and the sentence that says it."""

    term: str
    text: str
    sentence: str


def term_asked(question: str) -> str | None:
    """The first of `terms_asked`, None when no definition is asked."""
    return next(iter(terms_asked(question)), None)


def terms_asked(question: str) -> tuple[str, ...]:
    """The words before or after each definition cue the question holds (两后生 of 平顶山说的两后生是指
    啥人; the place and the 说的 are left for `term_in` to trim against the documents). Several forms
    may match (安岳这边哪些人算就业困难人员: 安岳这边 before 哪些人, 就业困难人员 after 算); the caller
    keeps the one the documents write."""
    found = (pattern.search(question) for pattern in _ASKED)
    terms = [m.group("term").strip('“”"') for m in found if m is not None]
    recognised = [m for m in (pattern.search(question) for pattern in _RECOGNISED) if m is not None]
    # 贫困家庭劳动力算不算就业困难人员 asks whether one named group counts as another: answered by the sentence
    # relating them (…参照就业困难人员享受), not by what the second one is.
    terms += [
        t
        for m in recognised
        if not names_people(question[: m.start()].rstrip(" ，,"))
        and names_people(t := m.group("term").strip('“”"'))
        and len(without_people_word(t)) >= 2
    ]
    return tuple(dict.fromkeys(term for term in terms if len(term) >= 2))


def term_in(asked: str, texts: list[str]) -> str | None:
    """The longest ending of the asked words that the documents write (平顶山说的两后生 → 两后生), at
    least two characters."""
    for start in range(len(asked) - 1):
        candidate = asked[start:]
        if candidate[0] in _NOT_A_START:
            continue  # 资阳说的就业困难人员: the term starts after 的
        if any(candidate in text for text in texts):
            return candidate
    return None


def names_people(term: str) -> bool:
    return _GROUP.search(term) is not None


def people_word(term: str) -> str:
    """The word that makes the term name people (儿童 of 残疾儿童, 人员 of 失业人员), or ''."""
    found = _GROUP.search(term)
    return found.group() if found else ""


def without_people_word(term: str) -> str:
    """The term without the word that makes it name people (毕业生 → 毕业, 人员 → ''): what kind of people."""
    return _GROUP.sub("", term)


def meaning_in(text: str, term: str) -> Meaning | None:
    """The term's meaning in this text: a bracket right after it, else the list of at least two items
    it sums up in the same phrase (…、…和…五类人员). None when the text writes neither."""
    at = text.find(term)
    while at >= 0:
        end = at + len(term)
        after = text[end : end + 1]
        if after in _OPEN:
            close = text.find(_CLOSE[after], end + 1)
            inner = text[end + 1 : close] if close > 0 else ""
            if 2 <= len(inner) <= 120:
                return Meaning(term, inner, _sentence(text, at, _PHRASE_START))
        before = _LIST_BEFORE.search(text[:at])
        if before is not None and (_COUNTED.match(term) or before.group().endswith("等")):
            # A list the term sums up: 五类人员 after five groups, or …等就业困难人员 — never a list the
            # term is one item of (对符合条件的高校毕业生、就业困难人员).
            listed = before.group().lstrip("对将为把给与及").removesuffix("等")
            if "、" in listed and not listed.endswith("的"):
                return Meaning(term, listed, _sentence(text, at, _PHRASE_START))
        at = text.find(term, end)
    return None


def mentioning(text: str, term: str) -> str:
    """The first sentence of the text that names the term and says something of it ("" when none
    does): a clause's heading (扶持就业困难人员就业。) is too short to be that sentence."""
    at = text.find(term)
    while at >= 0:
        sentence = _sentence(text, at)
        if len(sentence) >= _SAYS_SOMETHING:
            return sentence
        at = text.find(term, at + len(term))
    return ""


_SAYS_SOMETHING = 20


# Where a quote of a meaning may start: the phrase holding the term, not a long sentence's preamble
# (落实…政策，以及对…“两后生（…）中的农村学员…).
_PHRASE_START = "。；;\n，,"


def _sentence(text: str, at: int, starts: str = "。；;\n") -> str:
    """From the start mark before `at` to the end of its sentence."""
    start = max(text.rfind(mark, 0, at) for mark in starts) + 1
    ends = [e for e in (text.find(mark, at) for mark in "。；;\n") if e >= 0]
    end = min(ends) + 1 if ends else len(text)
    quote = text[start:end].strip()
    for joint in _JOINTS:
        quote = quote.removeprefix(joint)  # 以及对…: the quote starts at what the phrase says
    return quote


_JOINTS = ("以及", "并且", "同时")
