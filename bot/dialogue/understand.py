"""Typed answers to the pending question, understood deterministically.

是/否/不清楚 and their variants; numbers and Chinese numerals (三年半, 两千), converted to the
fact's unit (一年多 → 12个月); dates (2019年6月, 去年) relative to the injected day; option labels
(失业 → 失业、待业（没有工作）) and the self-description vocabulary (开了个小店 → 个体工商户); place
names through the Gazetteer. The result is a raw answer for `eligibility.interview.apply_answer`,
which checks it against the facts contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.dialogue.describe import Describer, said_with_a_no
from bot.dialogue.quantities import parse_day, parse_months, parse_number
from bot.dialogue.words import Vocabulary, squash
from eligibility.facts import FactRegistry
from eligibility.questions import GROUP_TYPE, HOUSEHOLD_REGION
from eligibility.regions import RegionResolver
from eligibility.results import AnswerOption, NextQuestion
from knowledge.normalize import to_simplified

_PARENTHESES = re.compile(r"[（(].*?[）)]")
# A value said with a no (不对 是22年): a digit.
_VALUE = re.compile(r"[0-9０-９]")
_DURATION_UNIT = re.compile(r"[年月]")
# Where the person is, said as such (我在巴中, 人在资阳上班, 在成都打工): no answer to the 户籍 question (session 24).
# Session 44: a move there says where one is now (我搬回柞水了, 家搬到长春了, 迁回老家住) — never the 户籍 asked.
_WHERE_ONE_IS = re.compile(
    r"(?:我|人|现在|目前|一直)在|在[^，,。；;！!？?\s]{1,10}?(?:上班|打工|工作|生活|干活|开店|住)"
    r"|(?:搬|迁)(?:家)?(?:回|到|去|回到|回了|过去到)"
)
_REGISTERED = re.compile(r"户口|户籍|老家")
# What a yes/no question asks about, denied in the person's words (不是啥钢铁煤矿的, 不算那种困难户, 跟部队不沾边).
_DENIED = re.compile(
    r"(?:不是|不算|不属于|并非|没在|没有在)(?:啥|什么|那种|那些|那个|这种|这些|那类)?(?P<said>[^，,。；;！!？?\s]{2,12})"
    r"|(?:跟|和|与)(?P<apart>[^，,。；;！!？?\s]{2,10}?)(?:不沾边|不搭边|没关系|没有关系|无关|不挨着)"
)
# A deed in the making, said alone (正在办, 还在申请呢, 在走流程, 办理中, 还没办下来): not done yet.
_IN_PROGRESS = re.compile(
    r"(?:(?:还|也|都|现在|目前|正)*(?:正在|还在|在)(?:办理|办|弄|搞|申请|申报|注册|审批|审核|批|走流程|跑|等)(?:着|中)?"
    r"|(?:还|也|都|现在|目前)*(?:办理中|申请中|审批中|审核中|在路上)"
    r"|(?:还|也|都|现在|目前)*(?:没|没有|未)(?:办|批|审批|拿|领)?(?:下来|到手|好))"
    r"(?:呢|啊|哦|吧|了)?[。.!！~～\s]*$"
)
# Characters of no content: a shared pair with one of them says nothing of what is asked.
_FUNCTION_CHARS = frozenset("您你我俺是否吗的或等了过有在和与及其他这那个些啥么呢吧")
# Words every such question has (企业, 职工): sharing them names nothing in particular.
_GENERIC_WORDS = frozenset({"企业", "职工", "人员", "单位", "情况", "属于", "工作", "就业", "补贴", "政策"})


@dataclass(frozen=True)
class Understood:
    """A raw answer (None is 不清楚) and, when something was assumed, a note for the person."""

    raw: Any
    note: str | None = None


class AnswerReader:
    def __init__(
        self, facts: FactRegistry, vocabulary: Vocabulary, describer: Describer, regions: RegionResolver
    ) -> None:
        self.facts = facts
        self.words = vocabulary
        self.describer = describer
        self.regions = regions

    def read(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        """The answer this message gives to `question`, or None when it does not give one."""
        if self.words.never_told(text):
            # 没人给我认定过: never done by an office is a no to whether it was done; to anything else, 不清楚.
            acted = question.type == "boolean" and self.words.acted_on.search(question.text) is not None
            return Understood(False if acted else None)
        if question.type == GROUP_TYPE:
            return self._group(question, text, today)
        reader = getattr(self, f"_{question.type}")
        result: Understood | None = reader(question, text, today)
        return result

    def _described(self, question: NextQuestion, text: str, today: date) -> dict[str, Any]:
        """The facts a message gives beside its answer: of the one hired when the question asks about a hire
        (那个大姐家是低保户 to 所招人员属于以下哪些类别 — session 42, walk42), else of the speaker."""
        asked = question.facts or (question.fact,)
        if any(f in self.facts.specs and self.facts[f].about == "hire" for f in asked):
            return self.describer.of_the_hire(text, today)
        return self.describer.describe(text, today).facts

    # -- one fact -----------------------------------------------------------------------------

    def _boolean(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        described = self._described(question, text, today)
        if question.fact in described:
            return Understood(described[question.fact])
        if _IN_PROGRESS.match(text.strip()) and self.words.acted_on.search(question.text):
            # 正在办, 还在申请呢, 在走流程 to 是否已经办理工商登记: not done yet — a no, never a yes (session 42, wf43).
            return Understood(False)
        understood, value = self.words.yes_no(text)
        if not understood:
            # 鞋厂 不是钢铁煤炭那些，应该不算: the answer as the message's last phrase (session 29).
            understood, value = self.words.closing_verdict(text)
        if not understood and self._denies_what_is_asked(question, text):
            # 俺们那是纺织厂 不是啥钢铁煤矿的: what the question asks about, denied in the person's own words —
            # a no (session 30).
            return Understood(False)
        return Understood(value) if understood else None

    def _denies_what_is_asked(self, question: NextQuestion, text: str) -> bool:
        """The message denies, in its own words, what a yes/no question asks about: a 不是 / 不算 / 跟…不沾边
        stretch sharing a content word of two characters with the question (钢铁 of 去产能（钢铁、煤炭…）企业),
        and asking nothing."""
        if re.search(r"[？?吗么]", text) or self.words.is_question(text):
            return False
        asked = question.text + question.hint
        for denied in _DENIED.finditer(text):
            said = denied.group("said") or denied.group("apart") or ""
            if any(
                said[i : i + 2] in asked
                and not (set(said[i : i + 2]) & _FUNCTION_CHARS)
                and said[i : i + 2] not in _GENERIC_WORDS
                for i in range(len(said) - 1)
            ):
                return True
        return False

    def _enum(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        choices = [o for o in question.options if o.value is not None]
        if self.words.is_unknown(text):
            return Understood(None)
        described = self._described(question, text, today).get(question.fact)
        picked = _by_label(choices, text)
        if picked is not None and described in [o.value for o in choices] and described != picked.value:
            # Session 44 (elig44): a label's word inside a case the descriptions read otherwise (初级会计职称 holds the
            # 初级 of 初级（五级）, 高中没读完 the 高中 of 普通高中) — the case as read: no skill certificate, 初中.
            return Understood(described)
        if picked is not None:
            return Understood(picked.value)
        if described in [o.value for o in choices]:
            return Understood(described)
        if self.words.is_no(text) and "none" in [o.value for o in choices]:
            return Understood("none")
        return None

    def _enum_list(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        choices = [o for o in question.options if o.value is not None]
        if self.words.is_unknown(text):
            return Understood(None)
        matched = {o.value: spans for o in choices if (spans := _said_spans(o.label, text))}
        # A label said inside a longer one is not said (求职创业补贴 names no 创业补贴).
        picked = [
            value
            for value, spans in matched.items()
            if not any(other != value and _within(spans, wider) for other, wider in matched.items())
        ]
        described = self._described(question, text, today).get(question.fact) or []
        picked += [v for v in described if v not in picked]
        if picked:
            return Understood(picked)
        return Understood([]) if self.words.is_no(text) or self.words.says_none(text) else None

    def _integer(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        return self._quantity(question, text, integer=True)

    def _number(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        return self._quantity(question, text, integer=False)

    def _quantity(self, question: NextQuestion, text: str, integer: bool) -> Understood | None:
        if self.words.is_unknown(text):
            return Understood(None)
        unit = self.facts[question.fact].unit
        months = parse_months(text) if _DURATION_UNIT.search(text) else None
        if months is not None and unit == "个月":
            value: float | None = months
        elif months is not None and unit == "年":
            value = round(months / 12, 2)
        else:
            value = parse_number(text)
        if value is None:
            return None
        if integer:
            return Understood(int(value))
        return Understood(value)

    def _date(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        if self.words.is_unknown(text):
            return Understood(None)
        day = parse_day(text, today)
        if day is None:
            return None
        return Understood(day.value.isoformat(), day.note)

    def _text(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        """The region (or the 户籍): a place name anywhere in the message, or a covered jurisdiction's label.

        Asked the 户籍 (session 24), a message saying where the person is (我在巴中上班, 人在资阳) answers
        nothing: it is their place, read as a self-description, never taken for the 户籍.

        不清楚 is None, which the city question records as its province with the city unknown
        (`apply_answer`); a place said as where the person is not (吉林省以外) is kept as said, so
        the check says it is not that place and asks again."""
        if question.fact == HOUSEHOLD_REGION and _WHERE_ONE_IS.search(text) and not _REGISTERED.search(text):
            return None
        told = self.describer.describe(text, today).facts
        if question.fact in told and set(told) & set(self.facts[question.fact].settles):
            # 住资中，在雁江上班 to the region question, which asks where one lives and works (session 41): the place
            # where one is, read past the place of work or business (kept as those facts, `places_told`).
            return Understood(told[question.fact])
        region = self.regions.resolve(text)
        if region.place and (region.outside_candidates or region.city_unknown):
            # 四川其他地方, 四川、哪个市不清楚: kept as said, since the province alone would ask for its city again.
            return Understood(text.strip())
        if self.words.is_unknown(text):
            return Understood(None)
        if region.place:
            return Understood(region.place)
        if region.excluded:
            return Understood(text.strip())
        picked = _by_label([o for o in question.options if o.value is not None], text)
        if picked is not None:
            return Understood(picked.value)
        return self._rest_of_place(question, text)

    def _rest_of_place(self, question: NextQuestion, text: str) -> Understood | None:
        """其它地方 / 别的市 typed to the city question: the option standing for the rest of the province
        (四川省其他城市), when the words, said after that province, name the rest of it too; 外省的 /
        省外: said after the province, the words put the person outside it — kept as said."""
        for option in question.options:
            if not isinstance(option.value, str):
                continue
            meant = self.regions.resolve(option.value)
            if not (meant.place and meant.outside_candidates):
                continue
            said = self.regions.resolve(meant.place + text)
            if said.outside_candidates:
                return Understood(option.value)
            if meant.place in said.excluded:
                return Understood(text.strip())
        return None

    def places_told(self, question: NextQuestion, text: str, today: date) -> dict[str, Any]:
        """The places of work or business a message tells with its answer to a question that asks for them too
        (the region's `settles`, session 41): 住资中，在雁江上班 → work_region 雁江区."""
        settles = set(self.facts[question.fact].settles) if question.fact in self.facts.specs else set()
        if not settles:
            return {}
        return {f: v for f, v in self.describer.describe(text, today).facts.items() if f in settles}

    # -- a 可多选 group --------------------------------------------------------------------------

    def _group(self, question: NextQuestion, text: str, today: date) -> Understood | None:
        """Ticked options, as `apply_answer` takes them; unticked members become false / none / []."""
        if self.words.is_unknown(text):
            return Understood(None)
        described = self._described(question, text, today)
        options = [o for o in question.options if o.value is not None]
        typed = squash(text)
        named = [o for o in options if squash(o.label) in typed] or [o for o in options if _label_in(o.label, text)]
        # 我自己不是残疾人 (session 45, emp45): an option named only to be denied is not ticked.
        named = [o for o in named if not _denied_by(o.value, described)]
        ticked = _unambiguous([o.value for o in options if o in named or _sets_described(o.value, described)])
        ticked += self._said_without_kind(question, described, ticked)
        if ticked:
            return Understood(ticked)
        # (还没创业, 不对 是前年: a no whose object is a fact or a value of its own is a statement about that — a
        # correction — never "none of these"; 不用了, 还没办呢 只是想想 name nothing and still say no to the list.)
        if self.words.says_none(text) or (self.words.is_no(text) and not described and not _VALUE.search(text)):
            return Understood([])
        return None

    def _said_without_kind(self, question: NextQuestion, described: dict[str, Any], ticked: list[Any]) -> list[Any]:
        """退役士兵 typed to a list that offers its kinds (待安排工作, 自主就业): the broad option, as a
        self-description records it — never one of the kinds, never dropped — for each member fact
        no ticked box already sets."""
        settled = {fact for value in ticked if isinstance(value, dict) for fact in value}
        return [
            {fact: value}
            for fact, value in described.items()
            if fact in question.facts and fact not in settled and self._is_broad(fact, value)
        ]

    def _is_broad(self, fact: str, value: Any) -> bool:
        return any(o.covers and o.value == value for o in self.facts[fact].options)


def _denied_by(value: Any, described: dict[str, Any]) -> bool:
    """An option's value the description says otherwise of (残疾人 in 我不是残疾人: disabled false)."""
    return isinstance(value, dict) and any(f in described and described[f] is False for f in value)


def _core(label: str) -> str:
    """失业、待业（没有工作） → 失业、待业: the words a person would type."""
    return squash(_PARENTHESES.sub("", label)) or squash(label)


def _label_in(label: str, text: str) -> bool:
    core = _core(label)
    return len(core) >= 2 and core in squash(text)


def _said_spans(label: str, text: str) -> list[tuple[int, int]]:
    """Where a list option is said: its label without the bracket (创业补贴), or the bracket's words
    as another name for it (初创企业补贴) — each span in the squashed message."""
    typed = squash(text)
    names = [_core(label), *(squash(n) for n in _PARENTHESES.findall(label) for n in re.split("[、/]", n))]
    spans = []
    for said in names:
        name = said.strip("（）()")
        if len(name) >= 2:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), typed)]
    return spans


def _within(spans: list[tuple[int, int]], wider: list[tuple[int, int]]) -> bool:
    """Every span lies inside one of the wider spans (and is not the same span)."""
    return all(any(a <= s and e <= b and (a, b) != (s, e) for a, b in wider) for s, e in spans)


def _by_label(choices: list[AnswerOption], text: str) -> AnswerOption | None:
    """The one option whose label is the message, contains it, or is contained in it."""
    typed = squash(text)
    if not typed:
        return None
    exact = [o for o in choices if typed in {squash(o.label), _core(o.label)}]
    if len(exact) == 1:
        return exact[0]
    parts = [o for o in choices if any(_said_unnegated(p, text) for p in re.split("[、/]", _core(o.label)))]
    if len(parts) == 1:
        return parts[0]
    inside = [o for o in choices if len(typed) >= 2 and typed in squash(o.label)]
    return inside[0] if len(inside) == 1 else None


def _said_unnegated(part: str, text: str) -> bool:
    """A label's words said in the message, at least once without a no (我没在家务农 names no 在家务农: session 42,
    wf43 — a negated status was recorded as that status)."""
    if len(part) < 2 or part not in squash(text):
        return False
    said = to_simplified(text).lower()
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(part), said)]
    if not spans:
        # the words said across a space or a mark (在家 务农): read in the squashed message
        said = squash(text)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(part), said)]
    return any(not said_with_a_no(said, start, end) for start, end in spans)


def _unambiguous(values: list[Any]) -> list[Any]:
    """退役士兵 names two kinds of veteran: options that set one single-valued fact to different
    values are left out (the person is asked again, never recorded as one of them)."""
    seen: dict[str, set[str]] = {}
    for value in values:
        if isinstance(value, dict):
            for fact, wanted in value.items():
                if not isinstance(wanted, list):
                    seen.setdefault(fact, set()).add(repr(wanted))
    clashing = {fact for fact, wanted in seen.items() if len(wanted) > 1}
    return [v for v in values if not (isinstance(v, dict) and clashing & set(v))]


def _sets_described(value: Any, described: dict[str, Any]) -> bool:
    if not isinstance(value, dict):
        return False
    for fact, wanted in value.items():
        have = described.get(fact)
        if isinstance(wanted, list):
            if not isinstance(have, list) or not set(wanted) <= set(have):
                return False
        elif have != wanted:
            return False
    return True
