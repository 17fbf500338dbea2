"""Self-descriptions → facts: 我是2019年毕业的大学生，在长春开了个小店一年多了，交了社保.

The vocabulary is data (`data/descriptions.yaml`), checked against the facts registry at load so
a misspelt fact or option fails loudly with the file and key. Place names go through the
Gazetteer. What comes out is never used directly: the core shows it for confirmation first.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from bot.dialogue.quantities import (
    ASSUMED_MONTH,
    DATE,
    DURATION,
    NUMBER,
    Day,
    parse_day,
    parse_months,
    parse_number,
)
from eligibility.errors import ProfileError
from eligibility.facts import FactRegistry
from eligibility.questions import HOUSEHOLD_REGION
from eligibility.regions import RegionResolver, ResolvedRegion
from knowledge.normalize import to_simplified
from knowledge.recipient import said_of_a_unit

# The verbs of wishing and planning, in one place (descriptions.yaml's {WISH} and the plan readings below): the
# Mandarin ones and the northern and south-western ones people say for a plan (寻思开个饭馆, 琢磨着办个厂, 盘算回去养牛;
# session 44) — what follows them is planned, never done.
WISH = r"(?:寻思|琢磨|盘算|打算|准备|计划|考虑|希望|想)"

DATA = Path(__file__).parent / "data" / "descriptions.yaml"
_TEMPLATE = re.compile(r"^\{(months|years|date|ago|ahead|number|nominal_age|this_year|since|cohort)\}$")
_NEGATIONS = "没未不无非"
_CLAUSE_BREAK = re.compile(r"[，,。.;；!！?？、\s]")
# Coming back (从浙江打工回来, 返乡): the place named before is not where the person is now.
# 户口在资阳 / 户籍是巴中的 said alone is the 户籍 (answering where it is), never where the person is; 老家
# alone (我老家资阳的，回来开了个店) still says where they are (descriptions.yaml `household`).
_REGISTERED = re.compile(r"户口|户籍")
# A question pointing at the place gone to (那边企业…, 当地有啥): that place is what is asked about.
_THERE = re.compile(r"那边|那里|那儿|那块|当地|那地方")
# (前年回的老家, 回了家: a return said with 的 or 了 between its words is one too — session 29.)
_RETURNING = re.compile(r"回去|回来|返乡|回乡|回(?:的|了|到)?老家|回(?:的|了)?家|想回|要回|打算回|准备回")
_CAME_BACK = re.compile(r"回来|回乡|返乡|回(?:的|了|到)?老家|回(?:的|了)?家|回到")
# 虚岁 is at least one year over the full years (a newborn is 一岁).
_NOMINAL_OVER = 2
# Far in the future, so that checking a literal value at load never trips the date bounds.
_LOAD_CHECK_DAY = date(2100, 1, 1)


class Phrase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    match: str | None = None
    say: tuple[str, ...] = ()
    sets: dict[str, Any]
    negated: dict[str, Any] = {}
    # Facts an earlier phrase of the message must have said for this one to count (a bare 三年多了 is
    # how long the business runs only once a business of one's own was named).
    when: dict[str, Any] = {}
    # An event (下岗, 被裁): what it sets holds now only when told as no thing of long ago, and gives way to
    # a current activity told or recorded (`Description.beside`).
    event: bool = False
    # A generic word (刚毕业 → a graduate of college): what it sets gives way to a more specific value recorded
    # (技校, 中职) — never replaces it on a correction card (walk32: 她刚毕业哪来的失业金 made a 技校 girl 高校毕业生).
    generic: bool = False
    # A state held now (在厂里上班): told with a marker of the past right before it (原来在厂里上班, 以前在单位干) it is
    # one that was, and says nothing of now (session 33; `formerly_before`).
    now: bool = False
    # What it sets gives way to a later phrase of the same message that sets the fact (fixr44: a 职称 reads its own
    # words as no certificate — 我有中级职称 — never erasing a real certificate said beside it: 也有高级工证书).
    yields: bool = False

    @model_validator(mode="after")
    def _one_form(self) -> Phrase:
        if (self.match is None) == (not self.say):
            raise ValueError("a phrase has either `match` or `say`")
        return self


class Implication(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    when: dict[str, Any]
    sets: dict[str, Any]


class Situation(BaseModel):
    """A situation the check records, in the documents' own words (失业人员, 高校毕业生)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    when: dict[str, Any]
    say: str
    # How the person's case is said back to them, when the documents' word would say more than they told (a plan
    # to start a business is searched as 自主创业, said back as 打算创业 — never as a present fact; session 43).
    shown: str | None = None


class DescriptionsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    phrases: tuple[Phrase, ...]
    schools: str
    businesses: str
    schooling: str = "$^"
    implies: tuple[Implication, ...] = ()
    situations: tuple[Situation, ...] = ()
    came_back_from: str = "$^"
    gone_to: str = "$^"
    household: str = "$^"
    # Session 40 (issue 11): where the person works and is insured, and where their business is or is to be — per fact
    # (`work_region`, `business_region`), patterns whose `place` group holds the place said.
    places_of: dict[str, tuple[str, ...]] = {}
    # Someone other than the speaker named before such words in their clause (老公在成都打工): not the speaker's place.
    places_of_others: str = "$^"
    long_ago_before: str = "$^"
    long_ago_after: str = "$^"
    formerly_before: str = "$^"
    of_oneself_before: str = "$^"
    # Session 41: the words supposing a case (要是, 如果; 的话 closes one) — what they suppose never holds.
    supposing: str = "$^"


@dataclass(frozen=True)
class Description:
    """Facts read from a message (raw JSON values, as in a profile), what was assumed, and which facts
    only follow from others (`implied`: not news when the profile already holds them)."""

    facts: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    implied: frozenset[str] = frozenset()
    # Facts set only by an event (下岗了: out of work — unless what the person does now says otherwise).
    events: frozenset[str] = frozenset()
    # Facts set only by a generic word (`Phrase.generic`): a value recorded stands.
    generic: frozenset[str] = frozenset()
    # Session 37 (next37d): facts said in a clause of the speaker's own, of now (不对，我没交社保) — nothing but
    # the speaker, adverbs and a no before them (not 以前没交, 创业前没交过, 我老婆没交, 我店里的员工都没交).
    firm: frozenset[str] = frozenset()
    # Session 40 (chat54): a date fact of an event told as done (今年七月份毕业的, 今年刚毕业) whose date, read from
    # today, is still ahead (on 2027-01-03): the words said and the date they read as — never recorded, asked.
    unsure: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Session 41 (fixa41): the place facts (work_region, business_region) said to be where the person is — the place
    # of work or business said alone (在长春开了个小店, 我在长春上班), or the same as the place where they live. Kept
    # apart from `facts` (they say where the person is, which `facts` holds as the region); the conversation records
    # them as the facts' `as_region` answer (与居住地相同), so the place question is not asked again.
    here: frozenset[str] = frozenset()
    # Session 42 (wf43): a value the speaker says of themselves with a no (不对，我没在家务农: employment_status
    # farming) — never set, and a recorded one of the same value is taken back (asked again).
    denied: dict[str, Any] = field(default_factory=dict)
    # Session 43 (walk44): a duration counted from a year said alone (今年裁员, 去年下岗): the fewest and the most whole
    # months it can be — the conversation asks instead of recording it when a rule's test tells the two apart.
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def beside(self, known: dict[str, Any], registry: FactRegistry | None = None) -> Description:
        """These facts beside what is recorded: an event (下岗) never replaces a current activity that is no
        job (灵活就业, a business of one's own, farming) — one is laid off from a job, so for someone who does not
        hold one now it is history (我这下岗的算不算 from a delivery rider). Nor does a broad value replace a
        specific one it covers (`registry`; walk47 A04: 我退伍回来… beside 退役士兵（自主就业） says nothing new)."""
        dropped = {f for f in self.generic if known.get(f) is not None}
        if "employment_status" in self.events and known.get("employment_status") in _NOT_A_JOB:
            dropped.add("employment_status")
        if registry is not None:
            dropped |= {f for f, v in self.facts.items() if f in known and registry.is_vaguer(f, v, known[f])}
        if not dropped:
            return self
        facts = {f: v for f, v in self.facts.items() if f not in dropped}
        notes = {f: n for f, n in self.notes.items() if f in facts}
        return Description(
            facts=facts,
            notes=notes,
            implied=self.implied,
            events=self.events - dropped,
            generic=self.generic - dropped,
            firm=self.firm - dropped,
            unsure=self.unsure,
            here=self.here,
            denied=self.denied,
            spans={f: span for f, span in self.spans.items() if f in facts},
        )

    def as_planned(self) -> Description:
        """The business these facts describe, told as the one planned (是啊，跟朋友合伙开网店 in answer to
        是否打算自主创业): a wish to start one (创业意愿), not a business run now — the facts of running
        one (its form, licence, age) go with it."""
        if self.facts.get("employment_status") != "self_employed":
            return self
        facts = {f: v for f, v in self.facts.items() if f != "employment_status" and not f.startswith("business_")}
        facts["wants_business"] = True
        return Description(
            facts=facts,
            notes={f: n for f, n in self.notes.items() if f in facts},
            implied=self.implied,
            denied=self.denied,
        )


@dataclass(frozen=True)
class _Compiled:
    pattern: re.Pattern[str]
    phrase: Phrase


# What the person does now when working (eligibility/facts.yaml employment_status): a workplace said is theirs now.
_WORKING_NOW = frozenset({"employed", "flexible", "self_employed"})
# At most this many characters between 在 and what the person does there name the place (巴中市巴州区).
_PLACE_WORDS_MOST = 10

# How many texts a describer keeps read: a turn's few, not every message ever sent.
_DESCRIBED_KEPT = 32


class DescriptionError(Exception):
    """descriptions.yaml is malformed; the message names the file and the key."""


class Describer:
    def __init__(
        self,
        facts: FactRegistry,
        regions: RegionResolver,
        path: Path = DATA,
        decides: Callable[[str, int, int, date], bool] | None = None,
    ) -> None:
        self.facts = facts
        self.regions = regions
        # Whether a rule tells apart two values of a fact (its fewest and most months): a duration known only to the
        # year is then left to ask (session 43) — without it, the year is read at its assumed day as before.
        self._decides = decides
        try:
            data = DescriptionsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (ValidationError, yaml.YAMLError) as exc:
            raise DescriptionError(f"{path}: {exc}") from None
        self.implications = data.implies
        try:
            self.schools = re.compile(data.schools)
        except re.error as exc:
            raise DescriptionError(f"{path}: schools: {exc}") from None
        self._school = data.schools
        try:
            self.came_back_from = re.compile(data.came_back_from)
        except re.error as exc:
            raise DescriptionError(f"{path}: came_back_from: {exc}") from None
        try:
            # Places the person is not in: left behind, or gone to for a while (read past alike).
            self._not_here = re.compile(f"{data.came_back_from}|{data.gone_to}")
        except re.error as exc:
            raise DescriptionError(f"{path}: gone_to: {exc}") from None
        try:
            self.household = re.compile(data.household)
        except re.error as exc:
            raise DescriptionError(f"{path}: household: {exc}") from None
        self._business = data.businesses
        self._schooling = data.schooling
        self._places_of = {
            fact: tuple(self._place_pattern(p, f"{path}: places_of.{fact}") for p in patterns)
            for fact, patterns in data.places_of.items()
        }
        try:
            self._others_before = re.compile(data.places_of_others)
        except re.error as exc:
            raise DescriptionError(f"{path}: places_of_others: {exc}") from None
        for fact in self._places_of:
            if fact not in facts:
                raise DescriptionError(f"{path}: places_of: unknown fact {fact!r}")
        try:
            self._long_ago_before = re.compile(data.long_ago_before)
            self._long_ago_after = re.compile(data.long_ago_after)
            self._formerly_before = re.compile(data.formerly_before)
            self._of_oneself_before = re.compile(data.of_oneself_before)
            self._supposed = re.compile(
                rf"(?:{data.supposing})[^，,。；;！!？?]*|(?:^|(?<=[\s，,。；;！!？?]))[^，,。；;！!？?\s]*?的话"
            )
            self._supposing = re.compile(rf"{data.supposing}|的话")
        except re.error as exc:
            raise DescriptionError(f"{path}: long_ago: {exc}") from None
        self.phrases = tuple(self._compile(p, f"{path}: phrases[{i}]") for i, p in enumerate(data.phrases))
        for index, implication in enumerate(data.implies):
            self._check(implication.sets, f"{path}: implies[{index}].sets")
        self.situations = data.situations
        # The kinds of people the check records (残疾人, 贫困户, 退役士兵): said of whoever the words name, which is
        # not the speaker when the kind qualifies their household (残疾人家庭) or is acted on (组织贫困户).
        kinds = facts.groups.get("situation")
        self._kinds = frozenset(kinds.facts) if kinds is not None else frozenset()
        self._described = lru_cache(maxsize=_DESCRIBED_KEPT)(self._describe)
        for index, situation in enumerate(data.situations):
            when = {f: [v] if self._is_list(f) else v for f, v in situation.when.items()}
            self._check(when, f"{path}: situations[{index}].when")

    def _place_pattern(self, source: str, where: str) -> re.Pattern[str]:
        try:
            pattern = re.compile(source.replace("{BUSINESS}", self._business))
        except re.error as exc:
            raise DescriptionError(f"{where}: {exc}") from None
        if "place" not in pattern.groupindex:
            raise DescriptionError(f"{where}: needs a `place` group")
        return pattern

    def _bound_places(self, text: str) -> tuple[dict[str, str], str, frozenset[str]]:
        """Where the person works and where their business is, as said (在雁江上班, 社保在达州交的, 打算在雁江注册个网店
        公司): each fact's place, and the text with the words saying them read past — they are not where the person
        is. A place left (在东莞打了几年工回来) is no place of work now: `came_back_from` reads it past first.
        Third: the facts whose words name a workplace and no place (在厂里上班, session 41 fixa41)."""
        said: dict[str, str] = {}
        unplaced: set[str] = set()
        rest = self.came_back_from.sub("，", text)
        for fact, patterns in self._places_of.items():
            for pattern in patterns:
                found = pattern.search(rest)
                if found and self._others_before.search(_CLAUSE_BREAK.split(rest[: found.start()])[-1]):
                    continue
                place = self.regions.resolve(found["place"]).place if found else None
                if found and place:
                    said.setdefault(fact, place)
                    rest = f"{rest[: found.start()]}，{rest[found.end() :]}"
                elif found:
                    unplaced.add(fact)
        for fact, place, start, end in self._placed_activities(rest):
            if fact not in said:
                said[fact] = place
                rest = f"{rest[:start]}，{rest[end:]}"
        return said, rest, frozenset(unplaced - set(said))

    def _placed_activities(self, text: str) -> list[tuple[str, str, int, int]]:
        """Session 42: a place and what the person does there, in one clause — 在 + a place + any phrase that says
        the person works now (在巴州区送外卖, 在通江跑滴滴, 在雁江摆摊): that place is where they work (their business,
        for a business of their own), whatever the verb — the sentence's shape, not a list of verbs. Latest first
        (spans are cut from the text in that order); someone else named before it (老公在成都送外卖) is not the
        speaker."""
        found: list[tuple[str, str, int, int]] = []
        for compiled in self.phrases:
            for match in compiled.pattern.finditer(text):
                status = self._phrase_sets(compiled.phrase, text, match).get("employment_status")
                if status not in _WORKING_NOW:
                    continue
                clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, match.start())), default=0)
                head = text[clause_start : match.start()]
                at = head.rfind("在")
                words = head[at + 1 :] if at >= 0 else ""
                if not 2 <= len(words) <= _PLACE_WORDS_MOST or self._others_before.search(head[:at]):
                    continue
                place = self.regions.resolve(words).place
                if place and all(clause_start + at != start for _, _, start, _ in found):
                    fact = "business_region" if status == "self_employed" else "work_region"
                    found.append((fact, place, clause_start + at, match.start()))
        return sorted(found, key=lambda f: f[2], reverse=True)

    def _where(self, text: str) -> tuple[ResolvedRegion, dict[str, str], frozenset[str]]:
        """Where the person is, read past the places of work and business said apart (`_bound_places`), those, and
        the facts whose words name no place (在厂里上班)."""
        bound, unbound, unplaced = self._bound_places(text)
        # Session 43 (walk44 p3 t17): 我们厂注册在鲁山县 — the place of the unit the speaker speaks for is not theirs.
        text = "，".join(c for c in _CLAUSE_BREAK.split(text) if not said_of_a_unit(c))
        unbound = "，".join(c for c in _CLAUSE_BREAK.split(unbound) if not said_of_a_unit(c))
        region = self.regions.resolve(self._not_here.sub("，", unbound))
        if not region.place:
            # 我在长春上班: the place of work said alone is where the person is, as before.
            region = self.regions.resolve(self._not_here.sub("，", text))
        return region, bound, unplaced

    def names_business(self, text: str) -> bool:
        """Whether the text names a business (店, 饭馆, 公司, 个体户): the `businesses` words."""
        return re.search(self._business, text) is not None

    def names_business_opened(self, text: str) -> bool:
        """Whether the text names a business as opened or run (开个羊肉汤馆, 办了家厂子, 经营小超市) — starting one
        is 创业 — not a place merely named (博物馆几点开门)."""
        return re.search(rf"(?:开|办|盘下|经营)(?:了|个|一个|一家|家|间)?(?:{self._business})", text) is not None

    def said_words(self) -> tuple[str, ...]:
        """The phrases' listed words (大学毕业, 没有工作, 营业执照): vocabulary for the speller."""
        return tuple(word for compiled in self.phrases for word in compiled.phrase.say)

    def _is_list(self, fact: str) -> bool:
        return fact in self.facts and self.facts[fact].type == "enum_list"

    def situation_words(self, facts: dict[str, Any]) -> tuple[str, ...]:
        """The person's situation as the documents name it (失业人员, 高校毕业生), each word once."""
        return tuple(dict.fromkeys(s.say for s in self._situations_of(facts)))

    def situation_said(self, facts: dict[str, Any]) -> tuple[str, ...]:
        """The person's situation as said back to them (打算创业 for a plan): each word once, a word the documents'
        word also says for a present fact (自主创业 for one who runs a shop) not repeated as a plan."""
        found = self._situations_of(facts)
        present = {s.say for s in found if s.shown is None}
        said = [s.say if s.shown is None else s.shown for s in found if s.shown is None or s.say not in present]
        return tuple(dict.fromkeys(said))

    def _situations_of(self, facts: dict[str, Any]) -> list[Situation]:
        return [
            s
            for s in self.situations
            if all(_holds(facts, f, v) or (isinstance(facts.get(f), list) and v in facts[f]) for f, v in s.when.items())
        ]

    def _compile(self, phrase: Phrase, where: str) -> _Compiled:
        self._check(phrase.sets, f"{where}.sets")
        self._check(phrase.negated, f"{where}.negated")
        self._check(phrase.when, f"{where}.when")
        if phrase.match is not None:
            source = phrase.match.replace("{NUMBER}", NUMBER).replace("{DURATION}", DURATION).replace("{WISH}", WISH)
            source = source.replace("{DATE}", DATE).replace("{SCHOOL}", self._school)
            source = source.replace("{BUSINESS}", self._business).replace("{SCHOOLING}", self._schooling)
        else:
            source = "|".join(re.escape(s) for s in sorted(phrase.say, key=len, reverse=True))
        try:
            return _Compiled(re.compile(source), phrase)
        except re.error as exc:
            raise DescriptionError(f"{where}.match: {exc}") from None

    def _check(self, sets: dict[str, Any], where: str) -> None:
        for fact, value in sets.items():
            if fact not in self.facts:
                raise DescriptionError(f"{where}: unknown fact {fact!r}")
            if (isinstance(value, str) and _TEMPLATE.match(value)) or value == "any":
                continue
            try:
                self.facts[fact].parse(value, _LOAD_CHECK_DAY)
            except ProfileError as exc:
                raise DescriptionError(f"{where}.{fact}: {exc.message_en}") from None

    def describe(self, text: str, today: date) -> Description:
        """The facts this message states about the person (possibly none). One turn reads the same
        statement several times over (whose it is, the situation, the facts): each text is read once
        per day, and every caller gets its own copy of the values (they go on into the profile)."""
        found = self._described(text, today)
        return Description(
            facts=_copied(found.facts),
            notes=dict(found.notes),
            implied=found.implied,
            events=found.events,
            generic=found.generic,
            firm=found.firm,
            unsure=dict(found.unsure),
            here=found.here,
            denied=dict(found.denied),
            spans=dict(found.spans),
        )

    def of_the_hire(self, text: str, today: date) -> dict[str, Any]:
        """What a message says of one of the people the speaker hires, in answer to a question about that hire
        (那个大姐家是低保户, 另一个是大专, 是个刚毕业的大专生): the facts the words give, read as that person's — each
        in the hire's own fact (household → hire_household, the `hires` record's fields) — never the speaker's."""
        fields = {key: fact for spec in self.facts.records.values() for key, fact in spec.fields.items()}
        hired = {key: fact for key, fact in fields.items() if self.facts[fact].about == "hire"}
        if _ANOTHER_HIRE.match(text.strip()):
            # 另一个是大专 while one hire is asked about: the other one's, not an answer for this one.
            return {}
        found = self._described(text, today, of_hire=True)
        return {hired[f]: value for f, value in _copied(found.facts).items() if f in hired}

    def case_supposed(self, text: str, today: date) -> Description:
        """The facts of the case a message supposes (要是厂里把我裁了 我能拿啥: out of work), for an answer about that
        case — never recorded (`describe` reads the supposed words past)."""
        return self.describe(self._supposing.sub("", text), today)

    def answering(self, text: str, today: date, asked: set[str]) -> Description:
        """What an answer to the question of `asked` says beside it: a business told in answer to whether
        one plans one (是啊，跟朋友合伙开网店 to 是否打算自主创业) is the one planned, not one run now."""
        told = self.describe(text, today)
        return told.as_planned() if _PLAN_ASKED & asked else told

    def _describe(self, text: str, today: date, of_hire: bool = False) -> Description:
        """The facts the text states: of the speaker, or (`of_hire`) of the one hired the text answers about."""
        text = _COHORT.sub(lambda m: _cohort_year(m[1], today), to_simplified(text))
        facts: dict[str, Any] = {}
        notes: dict[str, str] = {}
        used = [False] * len(text)
        # A fact set by an earlier (more specific) phrase is not overwritten by a later, vaguer one:
        # 今年初刚毕业 is January, not the 刚毕业 default of June.
        said_by: dict[str, int] = {}
        events: set[str] = set()
        generic: set[str] = set()
        firm: set[str] = set()
        unsure: dict[str, tuple[str, str]] = {}
        denied: dict[str, Any] = {}
        year_spans: dict[str, tuple[int, int]] = {}
        year_only: dict[str, Day] = {}
        for start, end in _reported(text, self._supposed) + ([] if of_hire else _hired(text)):
            # 听说巴中的创业园区有20万补贴: what one has heard of is not a fact of oneself — nor what is told of the
            # people one hires (想招一个52岁的大姐，还有一个刚毕业的大专生; 那个大姐家是低保户: walk42).
            used[start:end] = [True] * (end - start)
        for index, compiled in enumerate(self.phrases):
            if not all(_holds(facts, f, v) for f, v in compiled.phrase.when.items()):
                continue
            for match in compiled.pattern.finditer(text):
                spans = _spans(match)
                if any(used[i] for start, end in spans for i in range(start, end)):
                    continue
                for start, end in spans:
                    used[start:end] = [True] * (end - start)
                sets = self._of_the_speaker(text, match, self._phrase_sets(compiled.phrase, text, match))
                denied.update({} if of_hire else self._denied(compiled.phrase, text, match))
                if sets.get("employment_status") in _PLAN_OF and _is_planned(text, match.start(), self._business):
                    # 想搞直播带货, 打算做电商, 只是打算 养鸡: a state wished for is a plan, whatever its kind — not
                    # what the person does now (the plan phrases above name kinds of shop; this reads the wish).
                    sets = dict(_PLAN_OF[sets["employment_status"]])
                for fact, raw in sets.items():
                    value, note = self._dated_value(fact, raw, match, today, unsure)
                    _note_year_only(year_only, fact, raw, match, value is not None, today)
                    # 厂子倒闭了 没活干: the state told beside the event holds now, whichever came first.
                    _told_again(events, fact, compiled.phrase.event, value is not None and facts.get(fact) == value)
                    if value is None or (said_by.get(fact, index) < index and not isinstance(value, list)):
                        continue
                    # (a phrase that yields is said as by none: any later phrase setting the fact stands)
                    latest = len(self.phrases)
                    said_by[fact] = min(said_by.get(fact, latest), latest if compiled.phrase.yields else index)
                    _merge(facts, fact, value)
                    year_spans.update(_year_span_of(fact, raw, match, today))
                    (events.add if compiled.phrase.event else events.discard)(fact)
                    (generic.add if compiled.phrase.generic else generic.discard)(fact)
                    (firm.add if self._of_oneself_now(text, match) else firm.discard)(fact)
                    if note:
                        notes[fact] = note
        for fact, value in self._elided(text, today).items():
            facts[fact] = value
        _refine_year_only(facts, notes, year_only, text, used, today)
        # 我看网上说吉林中级补1500: a place in what one has heard of is no place of one's own either.
        home, said_home, text_here = self._household(text)
        unschooled = self.schools.sub("，", _without_reported(text_here, self._supposed))
        region, bound, unplaced = self._where(unschooled)
        if not region.place and facts.get("employment_status") == "unemployed" and not _CAME_BACK.search(text):
            # 以前在舞钢的厂里上班，去年底失业了: where the person worked before losing the job, when they
            # name no other place and do not say they came back, is still where they are (他之前在深圳
            # alone says where someone was, not where they are).
            region = self.regions.resolve(unschooled)
        facts.update(self._places(region.place, home, said_home))
        here = facts.get("region")
        # Session 40: a place of work or business other than where the person is (eligibility/coverage.py).
        facts.update({f: p for f, p in bound.items() if isinstance(here, str) and self._elsewhere(p, here)})
        here_bound = self._bound_here(bound, unplaced, facts)
        said = set(facts)
        for implication in self.implications:
            if all(_holds(facts, f, v) for f, v in implication.when.items()):
                for fact, value in implication.sets.items():
                    facts.setdefault(fact, value)
        valid = self._valid(facts, today)
        # 今年裁员 on 2026-12-07: 0 to 11 months — where a rule's threshold lies between, never a guessed figure
        # (连续失业时长：5个月（只说了年份…）): the fact is left unknown, and asked when it decides a measure.
        guessed = {
            f
            for f, (least, most) in year_spans.items()
            if f in valid and self._decides and self._decides(f, least, most, today)
        }
        valid = {f: v for f, v in valid.items() if f not in guessed}
        notes = {f: n for f, n in notes.items() if f not in guessed}
        return Description(
            facts=valid,
            notes=notes,
            implied=frozenset(set(facts) - said),
            events=frozenset(events & set(valid)),
            generic=frozenset(generic & set(valid)),
            firm=frozenset(firm & set(valid)),
            unsure={f: said for f, said in unsure.items() if f not in valid},
            here=frozenset(here_bound - set(valid)) if "region" in valid else frozenset(),
            denied={f: v for f, v in denied.items() if f not in valid},
            spans={f: span for f, span in year_spans.items() if f in valid},
        )

    def _bound_here(self, bound: dict[str, str], unplaced: frozenset[str], facts: dict[str, Any]) -> set[str]:
        """The place facts said to be where the person is (`Description.here`): a place of work or business said to
        be there (在长春开了个小店 alone, 住长春在长春上班), and — for one who works now — work said at a workplace
        with no place of its own beside the one place the message gives (我在延吉…在厂里上班: they work where they
        are, as the region question answered with one place says)."""
        here = facts.get("region")
        if not isinstance(here, str):
            return set()
        said = {f for f, p in bound.items() if not self._elsewhere(p, here)}
        return said | unplaced if facts.get("employment_status") in _WORKING_NOW else said

    def _dated_value(
        self, fact: str, raw: Any, match: re.Match[str], today: date, unsure: dict[str, tuple[str, str]]
    ) -> tuple[Any, str | None]:
        """The value a phrase sets, or None for a date of a thing done still ahead of today, kept in `unsure`."""
        value, note = self._value(raw, match, today)
        if not self._is_done_ahead(fact, raw, value, match, today):
            return value, note
        unsure.setdefault(fact, (match.group(0).strip(), str(value)))
        return None, None

    def _is_done_ahead(self, fact: str, raw: Any, value: Any, match: re.Match[str], today: date) -> bool:
        """A date read for an event the words tell as done that is still ahead of today in the year said:
        今年七月份毕业的 (a month not yet begun) or 今年刚毕业 (a year alone, its assumed day ahead, told as just
        done) said on 2027-01-03 is a slip of the year (the new year just begun), never a date to record. A date
        told as ahead (明年七月毕业, 还有半年毕业), with no tense (今年夏天毕业 她能领不), as a cohort
        (今年毕业的大专生) or within a part of the year already begun (今年夏天刚毕业 on June 1: its assumed day
        only is ahead) stands."""
        if not (isinstance(raw, str) and raw in _READ_DATES and isinstance(value, str)):
            return False
        if self.facts[fact].type != "date" or value <= today.isoformat():
            return False
        said = match.group(0)
        if _AHEAD_WORD.search(said):
            return False
        marked = bool(_DONE_IN.search(said) or _DONE_AFTER.match(match.string, match.end()))
        day = None if raw == "{this_year}" else parse_day(match.group("date"), today)
        if day is None or day.precision == "year":
            # a year alone: its day is assumed — ahead only when told as just or already done (刚, 已经, 了), not by a
            # 的 alone (我是今年毕业的 also says a cohort)
            return bool(_DONE_IN.search(said) or _PERFECT_AFTER.match(match.string, match.end()))
        return marked and day.value.replace(day=1) > today

    def _phrase_sets(self, phrase: Phrase, text: str, match: re.Match[str]) -> dict[str, Any]:
        """What a phrase found sets: its `negated` facts when said with a no; nothing for an event told as long
        ago (下岗那会儿好像登过, 以前国企下岗了: it says nothing of now)."""
        if phrase.event and self._long_ago(text, match.start(), match.end()):
            return {}
        if phrase.now and self._formerly_before.search(text[: match.start()]):
            return {}
        return phrase.negated if _is_negated(text, match.start(), match.end()) else phrase.sets

    def _denied(self, phrase: Phrase, text: str, match: re.Match[str]) -> dict[str, Any]:
        """The single values a phrase sets, said by the speaker of themselves now with a no before them (我没在家务农,
        不对 我不是在家务农的, 我并没有务农) and no value of their own for the no (`Phrase.negated`) — the values
        denied (`Description.denied`)."""
        if not _is_negated(text, match.start(), match.end()) or phrase.negated == phrase.sets:
            return {}
        before = _CLAUSE_BREAK.split(text[: match.start()])[-1]
        if not self._of_oneself_before.match(_DENIED_VERB.sub("", before)):
            return {}
        return {
            fact: value
            for fact, value in phrase.sets.items()
            if fact not in phrase.negated and not isinstance(value, (list, dict)) and not str(value).startswith("{")
        }

    def _of_oneself_now(self, text: str, match: re.Match[str]) -> bool:
        """The phrase at `match` is said in a clause of the speaker's own, of now: before it in its clause stand
        only the speaker, adverbs and a no (`of_oneself_before`) — no one else, no other time."""
        return bool(self._of_oneself_before.match(_CLAUSE_BREAK.split(text[: match.start()])[-1]))

    def _long_ago(self, text: str, start: int, end: int) -> bool:
        """The event at `start`..`end` is told as long past (以前下岗, 下岗那会儿, 下岗是老早以前)."""
        return bool(self._long_ago_before.search(text[:start]) or self._long_ago_after.match(text[end:]))

    def without_places_apart(self, text: str) -> str:
        """The text with the places that are not where the person is, nor asked about, read past: a 户籍 named by
        户口/户籍 (户口不在宝丰 在周口; 老家通江的 said alone is where the person is), a place left (在苏州缴的医保
        转到…) and a place gone to for work (去新疆摘棉花)."""
        home, said_home, text_here = self._household(text)
        kept = text_here if home is not None and _REGISTERED.match(said_home) else text
        if _THERE.search(kept):
            # 假如我去平顶山打工，那边企业招贫困户有奖励吗: the place gone to is what is asked about, "there".
            return self.came_back_from.sub("，", kept)
        return self._not_here.sub("，", kept)

    def where_said(self, text: str) -> str | None:
        """The place the text says the person is in — not a 户籍 said apart, a school, hearsay or a place left
        (户口不在汝州 在驻马店, 在东莞打了几年工回来: None)."""
        unschooled = self.schools.sub("，", _without_reported(self.without_places_apart(text), self._supposed))
        return self.regions.resolve(unschooled).place

    def _elided(self, text: str, today: date) -> dict[str, Any]:
        """社保是在东莞交的 巴中这边没交: a clause of only a negated verb (here, now: 这边没交, 现在没办) leaves its
        object unsaid — the topic that opens the clause before it (社保). Read together (社保没交), they say the fact
        as it stands here and now, over whatever the earlier clause said of elsewhere or before."""
        said: dict[str, Any] = {}
        for elided in _ELIDED_NEGATION.finditer(text):
            before = [c for c in _CLAUSE_BREAK.split(text[: elided.start()]) if c]
            topic = _TOPIC.match(before[-1]) if before else None
            facts = self._described(topic.group(0) + elided.group("said"), today).facts if topic else {}
            done = _DONE_TO.search(before[-1]) if before and not facts else None
            if done and _same_verb(done.group("verb"), elided.group("said")):
                # 单位给员工交社保，我没交: the object of the same verb in the clause before (社保) is what is not had.
                facts = self._described(done.group("object") + elided.group("said"), today).facts
            said.update({f: v for f, v in facts.items() if f != "region"})
        return said

    def _of_the_speaker(self, text: str, match: re.Match[str], sets: dict[str, Any]) -> dict[str, Any]:
        """What a phrase says of the speaker. A kind of people named as the object of what the speaker does
        (组织几户贫困户, 带动残疾人就业) is those people's; named to qualify a household (残疾人家庭, 军人家属) it
        is the family's, never the speaker's own status (a household kind — 贫困家庭 — stays the family's fact)."""
        clause_before = _CLAUSE_BREAK.split(text[: match.start()])[-1]
        if _LOCATES_A_THING.match(text, match.end()) or _THING_THERE_BEFORE.search(clause_before):
            # 我们村头有个扶贫车间, 村里有家合作社 (session 37): the words place a thing the speaker asks about, or
            # name the thing placed, not the speaker — a question's scene, no fact of the person (a card of it
            # stopped the interview: hc28-12). (我有个小店 is the speaker's: a person, not a place, has it.)
            return {}
        if _STAFF_OF_A_UNIT.search(text) and _UNIT_AS_SUBJECT.search(clause_before):
            # 我是公司HR 我们是小微企业 (session 44): staff speaking for the unit they work for tell of its form, not
            # of a business of their own — no 自主创业 and no 经营形式 of theirs (the role tells their job: 在单位上班).
            sets = {f: v for f, v in sets.items() if f not in _UNIT_FACTS}
        kinds = {fact for fact in sets if fact in self._kinds}
        if not kinds:
            return sets
        clause = _CLAUSE_BREAK.split(text[: match.start()])[-1]
        if _ACTED_ON.search(clause):
            return {f: v for f, v in sets.items() if f not in kinds}
        if _QUALIFIES_HOUSEHOLD.match(text, match.end()):
            return {f: v for f, v in sets.items() if f not in kinds or self.facts[f].type != "boolean"}
        return sets

    def _household(self, text: str) -> tuple[str | None, str, str]:
        """The place the person says their 户籍 is in (户口在巴中, 老家是资阳的), the words saying it, and the
        text with them read past; (None, "", text) when no 户籍 place is said."""
        said = self.household.search(text)
        if said is None or _RETURNING.search(text):
            # 在广元打工，户口是平昌的，想回去: going back to the 户籍 place, which is then where they will be
            # judged — the place said as before (the 户籍 is not set apart).
            return None, "", text
        place = self.regions.resolve(said.group("place")).place
        if not place:
            return None, "", text
        return place, said.group(0), f"{text[: said.start()]}，{text[said.end() :]}"

    def _places(self, here: str | None, home: str | None, said_home: str) -> dict[str, str]:
        """Where the person is and their 户籍 (session 24): a 户籍 said beside another place is kept apart;
        户口在资阳 said alone is the 户籍 only; 老家资阳的 said alone is where they are, as before."""
        places = {"region": here} if here else {}
        if home is None:
            return places
        if (here and self._elsewhere(home, here)) or (not here and _REGISTERED.match(said_home)):
            places[HOUSEHOLD_REGION] = home
        elif not here:
            places["region"] = home
        return places

    def _elsewhere(self, home: str, here: str) -> bool:
        """The 户籍 is another place than where the person is: another covered jurisdiction, or another
        place (资阳市安岳县 is in 资阳市: the same)."""
        said, there = self.regions.resolve(home), self.regions.resolve(here)
        return (said.jurisdiction or said.place) != (there.jurisdiction or there.place)

    def _value(self, raw: Any, match: re.Match[str], today: date) -> tuple[Any, str | None]:
        if not isinstance(raw, str) or not _TEMPLATE.match(raw):
            return raw, None
        kind = raw[1:-1]
        if kind == "this_year":
            day = Day(date(today.year, ASSUMED_MONTH, 30), "year")
            return day.value.isoformat(), f"按今年{day.value.month}月{day.value.day}日毕业算"
        if kind == "date":
            if match.group("date") is None:
                return None, None  # a date the phrase may leave unsaid (高考落榜: no year told)
            parsed = parse_day(match.group("date"), today)
            return (parsed.value.isoformat(), parsed.note) if parsed else (None, None)
        if kind == "since":
            return _months_since(match.group("date"), today)
        if kind == "cohort":
            return _cohort_left(match.group("date"), today)
        if kind == "number":
            number = parse_number(match.group("num"))
            return (int(number) if number is not None and number.is_integer() else number), None
        if kind == "nominal_age":
            # 虚岁46: born into one's first year, a year added each new year — 45 full years after the birthday,
            # 44 before it; the card says which was taken.
            number = parse_number(match.group("num"))
            if number is None or not number.is_integer() or number < _NOMINAL_OVER:
                return None, None
            age = int(number) - 1
            return age, f"说的是虚岁{int(number)}，按周岁{age}岁算；今年还没过生日的是{age - 1}岁"
        months = parse_months(match.group("dur"))
        if months is None:
            return None, None
        below = _below(match.string, match.start("dur"))
        if below and months > 1:
            months -= 1
        note = f"说的是{below}{match.group('dur')}，按{_months_said(months)}算" if below else None
        if kind == "months":
            return int(months), note
        if kind == "years":
            return round(months / 12, 2), note
        if kind == "ahead":
            return _months_before(today, -months).isoformat(), "按现在往后推算"
        ago = _months_before(today, months)
        return ago.isoformat(), note or "按现在往前推算"

    def _valid(self, facts: dict[str, Any], today: date) -> dict[str, Any]:
        """Only values the facts contract accepts (a 300岁 or a future certificate is dropped)."""
        valid: dict[str, Any] = {}
        for fact, value in facts.items():
            try:
                self.facts[fact].parse(value, today)
            except ProfileError:
                continue
            valid[fact] = value
        return valid


def _copied(facts: dict[str, Any]) -> dict[str, Any]:
    """The facts with their own lists (a fact of several values), the rest shared (immutable)."""
    return {fact: list(value) if isinstance(value, list) else value for fact, value in facts.items()}


# The templates that read a date from the words (not one counted ahead from today: {ahead}).
_READ_DATES = frozenset({"{date}", "{this_year}"})
# Told as done: 刚/才/已经 or 毕的业 in the phrase, or 的 / 了 right after it (不是…的话, not 了吗 / 了没).
_DONE_IN = re.compile(r"刚|才|已经|毕的业|拿的|领的")
_DONE_AFTER = re.compile(r"\s*(?:的(?=$|[^\u4e00-\u9fff]|到现在|现在|一直|还|也|都|就)|了(?![吗么没不]))")
_PERFECT_AFTER = re.compile(r"\s*了(?![吗么没不])")
# A date told as ahead in its own words: the event is to come, whatever the verb's tense.
_AHEAD_WORD = re.compile(r"明年|后年|下个?月|下半年|还有|再过")

# 不到一年, 不满半年, 还不足3年: a bound from above, read as one month less than the figure said.
# Walk42: 快三年, 将近两年, 快要一年 say the span is not reached yet — a bound from above like 不到, never the figure
# itself (快三年 read as 36个月 crossed a 满3年 threshold the person had not reached).
_BELOW = re.compile(r"(?:不到|不足|不满|未满|没满|没到|不够|快要|快|将近|接近)$")


def _below(text: str, start: int) -> str | None:
    """The word that says the duration starting at `start` is not reached (不到, 快), or None."""
    found = _BELOW.search(text[max(0, start - 3) : start])
    return found.group(0) if found else None


def _months_since(said: str, today: date) -> tuple[int | None, str | None]:
    """去年被裁, 2025年3月下岗的: the whole months from the day said to today (None for a day ahead), told from when
    they are counted — and what the day assumed, when only a year or a month was said. Not a whole month yet (上个月
    被裁了, told early in this month: session 37) is None too: a derived 0 is no duration the person said, and a card
    showing 连续失业时长：0个月 reads as a mistake."""
    parsed = parse_day(said, today)
    if parsed is None or parsed.value > today:
        return None, None
    day = parsed.value
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if months < 1:
        return None, None
    assumed = f"{parsed.note.split('，')[0]}，" if parsed.note and parsed.precision != "part" else ""
    note = f"{assumed}从{day.year}年{day.month}月{day.day}日算起"
    return months, note


def _year_span_of(fact: str, raw: Any, match: re.Match[str], today: date) -> dict[str, tuple[int, int]]:
    """The fact's span (`_year_span`) when a phrase counts it from a day said to the year only; else nothing."""
    span = _year_span(match.group("date"), today) if raw == "{since}" else None
    return {} if span is None else {fact: span}


def _year_span(said: str, today: date) -> tuple[int, int] | None:
    """今年裁员, 去年下岗: for a day said to the year only, the fewest and the most whole months since then (from the
    year's last day, or today in this year, and from its first day); None for a day said more closely."""
    parsed = parse_day(said, today)
    if parsed is None or parsed.precision != "year" or parsed.value > today:
        return None
    first, last = date(parsed.value.year, 1, 1), min(date(parsed.value.year, 12, 31), today)

    def since(day: date) -> int:
        return max(0, (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day))

    return since(last), since(first)


def _months_said(months: float) -> str:
    return f"{int(months)}个月" if months.is_integer() else f"{months:g}个月"


def _months_before(today: date, months: float) -> date:
    """The day that many calendar months back (两年 from 2020-06-01 is 2018-06-01, 一年 2019-06-01),
    a fraction of a month counted in days; the 31st becomes the month's last day where needed."""
    whole = int(months)
    index = today.year * 12 + today.month - 1 - whole
    year, month = index // 12, index % 12 + 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=round((months - whole) * 30.44))


# A cohort named by two digits (23届, 19届的): the year in full, read like any two-digit year.
_COHORT = re.compile(r"(?<![\d.])(\d{2})(?=届)")


def _cohort_left(said: str, today: date) -> tuple[str | None, str | None]:
    """The day a cohort (2020届) left school by: its 毕业学年 ends on August 31 (facts.yaml graduation_date), so a
    window counted from leaving (离校2年内) runs from that latest day — never from an assumed June day that would end
    it early. Before then, the day it has left by is today (said in July of its year); before June, still to leave."""
    parsed = parse_day(said, today)
    if parsed is None:
        return None, None
    if parsed.precision != "year":
        return parsed.value.isoformat(), parsed.note
    year = parsed.value.year
    latest = date(year, _SCHOOL_YEAR_END[0], _SCHOOL_YEAR_END[1])
    expected = date(year, ASSUMED_MONTH, 30)
    if today >= latest:
        return latest.isoformat(), f"{year}届按最晚{latest.month}月{latest.day}日离校算（毕业学年到{latest.month}月底）"
    if today >= expected:
        return today.isoformat(), f"{year}届按已离校算"
    return expected.isoformat(), parsed.note


# The last month and day of a 毕业学年 (the year before graduation from September to August).
_SCHOOL_YEAR_END = (8, 31)


def _cohort_year(two_digits: str, today: date) -> str:
    """23届 → 2023届: the year read as any two-digit year is (21年 → 2021, 98年 → 1998)."""
    day = parse_day(f"{two_digits}年", today)
    return str(day.value.year) if day is not None else two_digits


_DATE = re.compile(DATE)


def _note_year_only(
    year_only: dict[str, Day], fact: str, raw: Any, match: re.Match[str], set_: bool, today: date
) -> None:
    """Keep the date facts read from a year alone (前年毕业), to refine from a month said beside it."""
    day = parse_day(match["date"], today) if raw == "{date}" and match["date"] else None
    if day is not None and day.precision == "year":
        year_only[fact] = day
    elif set_:
        year_only.pop(fact, None)


def _refine_year_only(
    facts: dict[str, Any], notes: dict[str, str], year_only: dict[str, Day], text: str, used: list[bool], today: date
) -> None:
    for fact, day in year_only.items():
        finer = _finer_day(text, used, day, today)
        if finer is not None and facts.get(fact) == day.value.isoformat():
            facts[fact] = finer.value.isoformat()
            notes.pop(fact, None)
            if finer.note:
                notes[fact] = finer.note


def _finer_day(text: str, used: list[bool], day: Day, today: date) -> Day | None:
    """The one finer day of the same year said in words no phrase read (他是前年毕业的，2024年7月份: the month
    said beside the year keeps the date from being read as the year alone — walk47 B03), or None."""
    finer = set()
    for match in _DATE.finditer(text):
        if any(used[match.start() : match.end()]):
            continue
        said = parse_day(match.group(), today)
        if said is not None and said.precision in {"day", "month"} and said.value.year == day.value.year:
            finer.add(said)
    return next(iter(finer)) if len(finer) == 1 else None


def _spans(match: re.Match[str]) -> list[tuple[int, int]]:
    groups = [name for name, value in match.groupdict().items() if value is not None]
    if groups:
        return [match.span(name) for name in groups]
    return [match.span()]


# A phrase telling what one has heard or read (听说…, 据说…, 网上说…), up to the end of the phrase.
# The question of a plan to start a business (是否打算自主创业): a business named in its answer is the plan.
_PLAN_ASKED = frozenset({"wants_business"})
# A wish right before what reads as running a business (想搞|打算做|准备自己干 …): the business is planned.
_PLANNED = re.compile(
    # a wish (想, 打算), with or without a time to come between the wish and the deed (我想以后自己开个修车铺,
    # 打算明年回老家搞) — or the time to come alone (学门手艺 以后搞农家乐用): a deed placed ahead is not done now
    rf"(?:{WISH}(?:要|着)?"
    r"(?:以后|将来|今后|明年|后年|年后|过两年|过段时间|等有钱了|回头)?"
    # (the time alone starts its clause or follows the speaker: 退伍以后开了个店 is after a deed, not ahead)
    r"|(?:^|(?<=[我俺\s，,。；;]))(?:以后|将来|今后|明年|后年|过两年|过段时间|等有钱了))"
    r"(?:回老家|回家|出来|出去)?"
    # the wish named before what is wished (打算创业开饭馆, 想回乡创业搞养殖, 准备自己干 开个网店: session 41) — the
    # deed after it is the one planned
    r"(?:(?:回乡|返乡|自己)?(?:创业|做生意|做点生意|干|单干)[\s，,]?)?"
    # with whom (打算跟哥们合伙开网店, 想和同学一起做电商): the one joined is no business run now either
    r"(?:(?:跟|和|与|同)[\u4e00-\u9fff]{1,5}?)?(?:一起|一块儿?|合伙|合作|搭伙|联手)?(?:在[\u4e00-\u9fff]{1,4}?)?"
    # (整 is the north-east's 搞: 寻思在延吉整个小饭馆)
    r"(?:自己)?(?:去|来)?(?:搞|做|干|弄|开|整)?(?:点|个)?$"
)
# A wish said as a phrase of its own, what is wished following after a pause (只是打算 养鸡, 准备着，开个农家乐).
_WISH_APART = re.compile(rf"{WISH}(?:着|要)?(?:的是|是)?[\s，,：:]+$")
# What a state wished for is (session 28): a business is a plan to start one, a job (进厂上班) is looking for one,
# gig work a wish to work flexibly; farming wished for (打算回去养鸡) says nothing of now.
_PLAN_OF: dict[str, dict[str, Any]] = {
    "self_employed": {"wants_business": True},
    "employed": {"job_seeking": True},
    "flexible": {"wants_flexible": True},
    "farming": {},
}


# What a person does now that is no job at a unit: an event of losing a job (下岗) does not replace it.
_NOT_A_JOB = frozenset({"flexible", "self_employed", "farming"})


def _told_again(events: set[str], fact: str, event: bool, same: bool) -> None:
    """A state told with the value an event set already (厂子倒闭了 没活干) makes it no event's alone."""
    if same and not event:
        events.discard(fact)


def _is_planned(text: str, start: int, business: str) -> bool:
    """What starts at `start` is said as wished for: right after the wish (想搞, 打算明年回老家做) or after a wish
    standing apart before a pause (只是打算 养鸡), or in a clause going on from a wish (`_wish_carried_on`)."""
    before = text[:start]
    return bool(
        _PLANNED.search(before)
        or _WISH_APART.search(before)
        or _wish_governs(before)
        or _wish_carried_on(before, business)
    )


# Where a clause ends, or a pause in it: a wish governs what follows it up to there.
_CLAUSE_END = re.compile(r"[，,。；;！!？?\s]")


def _wish_governs(before: str) -> bool:
    """The words before a state end in the clause of a wish and nothing between the wish and the state says now or
    done (打算贷款开个面馆, 想找亲戚借点钱开店): the wish governs its whole clause, whatever words sit between
    (fixr44) — not only a time or a place named (`_PLANNED`)."""
    clause = _CLAUSE_END.split(before)[-1]
    wishes = list(_WISH.finditer(clause))
    if not wishes:
        return False
    between = clause[wishes[-1].end() :].removeprefix("要").removeprefix("着")
    return not _NOW_OR_DONE.search(between)


# A wish whose clause the following ones go on (我想开个网店 搞直播带货, 他想找个活路 或者跟我一起养鸡: session 31).
_WISH = re.compile(rf"{WISH}(?!问|了解|知道|咨询|请教|看看|查|法|到|起|不到|通)")
# A clause that says what holds now or was done (现在在家, 已经开了, 我在…): no part of the wish before it.
_NOW_OR_DONE = re.compile(r"现在|目前|如今|眼下|已经|已|正在|一直|了|过|着")
_OWN_SUBJECT = re.compile(r"^(?:我|俺|他|她|咱|我们|俺们|他们|她们|家里|屋头)")
_STRONG_BREAK = re.compile(r"[。！!？?；;]")
_WISH_CLAUSES = 3
# A clause offered as another wish (或者跟我一起养鸡, 要么回来种地, 再搞个直播).
_ALTERNATIVE = re.compile(r"^(?:或者|或是|或|要么|还是|再|还想|也想|然后|顺便)")


def _wish_carried_on(before: str, business: str) -> bool:
    """The words before a state are clauses going on from a wish said earlier in the sentence — a business
    wished for (我想开个网店 搞直播带货) or a clause offered as another wish (他想找个活路 或者跟我一起养鸡): each
    after the wish's own clause has no subject of its own and says nothing of now or done. (回来想搞养殖 养兔子:
    the wish names no business and the rabbits are not offered as another wish — read as before.)"""
    wishes = list(_WISH.finditer(before))
    if not wishes:
        return False
    rest = before[wishes[-1].end() :]
    if _STRONG_BREAK.search(rest):
        return False
    own, *clauses = _CLAUSE_BREAK.split(rest)
    if not clauses or len(clauses) > _WISH_CLAUSES:
        return False
    if any(_NOW_OR_DONE.search(c) or _OWN_SUBJECT.match(c) for c in clauses):
        return False
    return bool(re.search(business, own)) or any(_ALTERNATIVE.match(c) for c in clauses)


# 巴中这边没交, 现在没办: a clause that is only a negated verb of a fact, with where or when it holds.
_ELIDED_NEGATION = re.compile(
    r"(?:^|(?<=[\s，,。；;]))(?:[\u4e00-\u9fff]{0,4}?(?:这边|这里|本地|当地|现在|目前|如今)"
    # (单位给员工交社保，我没交 — fix37: the speaker's own no, beside what was done for others)
    r"|(?:我|俺|咱)(?:们)?(?:自己|本人)?)(?:也|都|还|一直)?"
    r"(?P<said>(?:没有|没|未|还没|也没|一直没)(?:有)?(?:在)?(?:办理|办|参加|参保|缴纳|交纳|缴|交|登记|领取|领|买|上)(?:过|了|着)?)"
    r"(?:的|呢|啊)?(?=$|[\s，,。；;！!？?])"
)
# The object a clause ends with after a verb of a fact (给员工交社保): what a following 我没交 leaves unsaid.
_DONE_TO = re.compile(r"(?P<verb>办理|办|参加|缴纳|交纳|缴|交|买|上)(?:了|过|着|的)?(?P<object>[\u4e00-\u9fff]{2,6})$")
_VERB_FAMILY = ("交缴", "办", "参加", "买", "上")


def _same_verb(verb: str, said: str) -> bool:
    """The verb of a clause before and the negated verb said alone are one deed (交 and 缴 are)."""
    return any(verb[0] in family and any(ch in family for ch in said) for family in _VERB_FAMILY)


# The topic opening a clause (社保是在…, 失业登记之前…): the words before its first verb or adverb.
_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,5}?(?=是|在|之前|以前|一直|也|都|已经|早就|交|缴|办|买|上|领)")
# 组织贫困户, 带动了几个残疾人, 帮扶村里的低保户: people the speaker acts on, named after the verb in one clause.
_ACTED_ON = re.compile(
    r"(?:组织|带动|带领|帮助|帮扶|扶持|吸纳|招收|招用|招聘|雇用|安置|动员)(?:了|过|着)?[^，,。；;！!？?\s]{0,6}$"
)
# What stands after a place word when the clause tells of a thing there (村头有个扶贫车间, 村里有家合作社),
# and the place with what it has before the thing named (镇上新开了个厂).
_LOCATES_A_THING = re.compile(
    r"(?:头|里|里头|里面|上|边|这边|那边)?(?:有个|有一个|有家|有一家|有座|有所|新开了(?:个|家|一家))"
)
_THING_THERE_BEFORE = re.compile(
    r"(?:村|镇|乡|县城|街|街道|社区|城里|附近|旁边)(?:头|里|里头|里面|上|边|这边|那边)?"
    r"(?:有个|有一个|有家|有一家|有座|有所|新开了(?:个|家|一家))[\u4e00-\u9fff]{0,4}$"
)
# The speaker as staff of a unit (我是公司HR, 我在厂里管人事, 俺是单位会计): what "we" are is then the unit's.
_STAFF_OF_A_UNIT = re.compile(
    r"(?:我|俺|本人|^|(?<=[\s，,。；;]))(?:是|在|做|当|负责|管)[^，,。；;！!？?\s]{0,6}?"
    r"(?:HR|hr|Hr|人事|人力资源(?!和|社会|局|厅)|财务|会计|出纳|"
    r"行政|文员|招聘专员|员工|职员)"
)
# The unit as the subject of its clause (我们是小微企业, 我们公司属于小型企业, 单位算微型企业).
_UNIT_AS_SUBJECT = re.compile(r"(?:我们|咱们|俺们|我们的|公司|单位|企业|厂里|厂子)[^，,。；;！!？?\s]{0,4}$")
# What a unit's form says, were it the speaker's own business: 自主创业 and its form and age.
_UNIT_FACTS = frozenset({"employment_status", "business_form", "business_months"})
# 残疾人家庭, 退役军人家属, 残疾人户: the kind names whom the household has, not the speaker.
_QUALIFIES_HOUSEHOLD = re.compile(r"(?:人)?(?:家庭|家属|户(?!口|籍)|之家)")
# What the person reports rather than tells of themselves (session 37): a sentence in quotation marks (a clause
# pasted: “对登记失业半年以上的人员，给予补贴” — not a quoted name: 我是“4050”人员), and what a written source's colon
# introduces (文件上说：…, 我看到一篇文章：…, 政策原文：…) up to the sentence's end or the speaker's own words
# after a pause (…，给补贴 我在平昌) — their conditions are the text's, never the speaker's facts; hearsay (听说…) to
# its clause's end.
# Session 37 (fix37): the reported words end where the speaker becomes their subject (朋友说我下岗了能领, 群里说我这种
# 残疾人能领, 社区说我是就业困难人员, “我去年下岗了…”: the speaker tells of themselves through another's mouth — read,
# and the person confirms the card); one's own words quoted (我说：“…”, 我原话是“…”) are the speaker's; a notice
# (我收到通知：…, 公司通知：我们厂…) tells the person's own case, not a written policy's conditions.
_SPEAKER = r"(?:我|俺|本人|咱)"
_SOURCE = r"(?<![我俺咱])(?:文件|政策|文章|规定|原文|条款|新闻|公众号|网上|网页|报纸|报道|上面)"
_HEARSAY = re.compile(
    # (one's own words quoted: skipped by `_reported`)
    r"(?P<own>" + _SPEAKER + r"(?:刚才|刚刚|上面|前面|之前)?(?:说|讲|写|问|原话是|原话)(?:了|过|的是|的)?[：:，,]?\s*"
    r"[“「『\"][^”」』\"]*[”」』\"])"
    r"|[“「『\"](?!\s*" + _SPEAKER + r")[^”」』\"]{8,}[”」』\"]"
    r"|" + _SOURCE + r"[^，,。；;！!？?\s：:]{0,8}?[：:](?!\s*" + _SPEAKER + r")"
    r"(?:(?![\s，,]" + _SPEAKER + r")[^。；;！!？?\n])*"
    r"|(?:听说|据说|听人说|听别人说|听朋友说|网上说|新闻上说|网上看到|看新闻说)(?!" + _SPEAKER + r")[^，,。；;！!？?]*"
    # (村里说可以去干保洁, 人家讲能补: what others say — the dialogue's own hearsay words — to the clause's end.)
    r"|(?:有人|人家|别人|旁人|群里|村里人?|村上|社区|朋友|亲戚)(?:都|也)?(?:说|讲)(?!" + _SPEAKER + r")"
    r"[^，,。；;！!？?\s]*"
)


# The people one hires (walk42): what follows a verb of hiring and its count (招一个52岁的大姐, 雇了两个刚毕业的
# 大专生, 想招个退伍的), a clause going on with more of them (…，还有一个刚毕业的大专生; 另一个是大专的), and a clause
# about one of them named by the hiring or pointed at (我要招的那个大姐52岁, 那个大姐家是低保户, 另一个是大专, 第二个
# 是农村的) — someone else, never the speaker: their facts are theirs (the hire questions ask them one by one).
_HIRING_VERB = (
    r"(?<!被)(?<![申邀宴])(?:招用|招聘|招收|录用|雇用|雇佣|聘用|吸纳|招|雇|聘|请)"
    r"(?!商|生|考|标|牌|呼|手|数|法|问|教|假|客)"
)
_HIRE_COUNT = r"(?:了|过|到|来|进)?(?:(?:\d+|[一二两三四五六七八九十几])(?:个|名|位)|个|位|名)"
_HIRED_PEOPLE = re.compile(rf"{_HIRING_VERB}{_HIRE_COUNT}")
# 合作社录用了我这个贫困户, 厂里招了她: a hiring whose object is a person named — the words before it name the employer.
_SPEAKER_FIRST = re.compile(r"(?:我|俺|咱)(?!们)")
_EMPLOYER_OF = re.compile(rf"{_HIRING_VERB}(?:了|过)?(?:她|他|ta|TA|我|俺|咱)(?!们)")
_HIRE_NOUN = (
    r"(?:人|员工|工人|大姐|大哥|大嫂|阿姨|大妈|大叔|大爷|师傅|小伙子?|小姑娘|姑娘|妹子|女的|男的|学生|大学生|大专生|毕业生|"
    r"中专生|退伍兵|伙计|帮工|学徒|服务员|厨师)"
)
_HIRE_NAMED = re.compile(
    rf"^(?:那|这)?(?:(?:我|俺|咱)们?)?(?:要|想|准备|打算|新|刚)?{_HIRING_VERB}(?:了|来|到|进来)?的(?:那|这)?(?:个|位|名|两个)?"
    rf"|^(?:那|这)(?:个|位|名)[\u4e00-\u9fff]{{0,3}}?{_HIRE_NOUN}"
    r"|^(?:另|另外)(?:一)?(?:个|位|名)|^第[一二两三四五六七八九十\d](?:个|位|名)"
)
_ANOTHER_HIRE = re.compile(r"^(?:那|还有)?(?:另|另外)(?:一)?(?:个|位|名)")
_MORE_HIRED = re.compile(r"^(?:还有|另外还有|另外|以及|和|跟|再|再加上)?(?:一|两|三|\d)?(?:个|位|名)")


def _hired(text: str) -> list[tuple[int, int]]:
    """Where the text tells of the people the speaker hires rather than of the speaker (`_HIRED_PEOPLE`)."""
    spans: list[tuple[int, int]] = []
    hiring = False
    at = 0
    for clause in re.split(r"([，,。.;；!！?？、\s])", text):
        start, at = at, at + len(clause)
        if not clause or _CLAUSE_BREAK.fullmatch(clause):
            continue
        if (hiring and _MORE_HIRED.match(clause)) or _HIRE_NAMED.match(clause):
            spans.append((start, at))
            continue
        employer = _EMPLOYER_OF.search(clause)
        if employer is not None and employer.start() > 0 and not _SPEAKER_FIRST.match(clause):
            # 资阳合作社录用了我, 厂里招了她: whoever hires a person named is their employer — not the one told of.
            spans.append((start, start + employer.start()))
        hired = _HIRED_PEOPLE.search(clause)
        hiring = hired is not None
        if hired is not None:
            spans.append((start + hired.end(), at))
    return spans


def _reported(text: str, supposed: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the text reports others' words (`_HEARSAY`) or supposes a case (`supposed`, descriptions.yaml) rather
    than telling the speaker's own."""
    spans = sorted(
        [m.span() for m in _HEARSAY.finditer(text) if m.group("own") is None]
        + [m.span() for m in supposed.finditer(text) if m.end() > m.start()]
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _without_reported(text: str, supposed: re.Pattern[str]) -> str:
    """The text with others' reported words and cases supposed read past (a pause in their place)."""
    for start, end in reversed(_reported(text, supposed)):
        text = text[:start] + "，" + text[end:]
    return text


# The copula or a place of doing between a no and the status it denies (我没在家务农, 我不是在家务农的): read past.
_DENIED_VERB = re.compile(r"(?<=[没不有并])(?:是|算)?(?:在家里|在家|在)?$")


def said_with_a_no(text: str, start: int, end: int) -> bool:
    """The words at `start`..`end` of `text` are said with a no (我没在家务农, 不是在校学生): what they name is
    denied, never said (session 42, wf43: an option's label read out of an answer)."""
    return _is_negated(text, start, end)


def _is_negated(text: str, start: int, end: int) -> bool:
    """A phrase said with a negation: right before it (没办, 不是), before it with the verb between
    (没有办理失业登记, 还没去登记失业), or after it ending its phrase (失业登记没办过, 失业保险现在没有在交 —
    not 交了社保没交失业保险, where the negation has an object of its own)."""
    before = text[max(0, start - 3) : start]
    before = _CLAUSE_BREAK.split(before)[-1]
    if any(ch in _NEGATIONS for ch in before):
        return True
    phrase_before = _CLAUSE_BREAK.split(text[:start])[-1]
    return bool(
        _NEGATED_VERB_BEFORE.search(phrase_before)
        or _NEGATED_FOR_SPEAKER_BEFORE.search(phrase_before)
        or (_NOT_A_KIND_BEFORE.search(phrase_before) and _KIND_HEAD_AFTER.match(text, end))
        or _NEGATED_AFTER.match(text, end)
        or _NOT_MINE_AFTER.match(text, end)
    )


# The verbs a fact is done with (办理 a registration, 交 insurance, 是 a status), for a negation that
# stands apart from the phrase it negates — and the verbs by which a status is assessed or obtained (没去鉴定残疾,
# 从没申请过低保, 没评上贫困户, 还没认定就业困难人员: session 31): a status said with a no before the verb that
# gives it is not held.
_FACT_VERB = (
    r"(?:办理|办|参加|参保|缴纳|交纳|缴|交|登记|领取|领|买|上|考|签|做|弄|是|算|属于"
    # (a status's verbs with their result: 评上, 批下来, 拿到 — never 考上, which is no status: 高中毕业没考上 is a
    # graduate who did not pass the next exam)
    r"|(?:鉴定|评定|评残|评|认定|申请|申报|申领|拿|取得|获得|测|定级|核定|审批|批)(?:上|下来|到)?)"
)
_NEGATION = r"(?:没有|没得|没|未曾|未|不|从没|从来没|从未|还没|也没|并没|一直没)"
# 没给交过, 没给我交, 没帮我们缴, 没替他买 (session 36): for whom the deed is done (insurance an employer pays) stands
# between the negation and its verb — still a no to the fact.
_FOR_WHOM = r"(?:(?:给|帮|替|为)(?:我们|俺们|咱们|他们|她们|我|俺|咱|他|她|员工|职工|工人|大家)?)?"
# (没交过社保和失业保险: a no before the first of things joined by 和 reaches each of them.)
_NEGATED_VERB_BEFORE = re.compile(
    _NEGATION
    + r"(?:有)?(?:在|去)?"
    + _FOR_WHOM
    + _FACT_VERB
    + r"(?:过|了)?(?:个|一个)?(?:[\u4e00-\u9fff]{1,6}?(?:和|与|及|以及|、))?$"
)
# 单位没给我们上社保, 厂里没帮俺交社保 (session 37): the phrase holds its own verb, and for whom it is done stands
# between the no and it — still a no to the fact.
_NEGATED_FOR_SPEAKER_BEFORE = re.compile(_NEGATION + r"(?:有)?(?:给|帮|替|为)(?:我们|俺们|咱们|我|俺|咱)?$")
# 我不是下岗失业人员, 不属于城镇登记失业人员 (session 37): a no before a kind of people reaches every word of its
# name up to the head noun (人员, 户, 家庭), not only the first — never past a 的-modifier (fix37: 我不是本地的下岗职工
# is a laid-off worker who is not local).
_NOT_A_KIND_BEFORE = re.compile(r"(?:不是|不属于|不算|并非|并不是|也不是|又不是)(?:(?!的)[\u4e00-\u9fff]){0,8}$")
_KIND_HEAD_AFTER = re.compile(r"的?(?:人员|职工|户|家庭|群体|对象|人口)")
# (失业保险单位一直没给交: the one who should pay, named as the clause's subject after the fact.)
_NEGATED_AFTER = re.compile(
    r"(?:[我俺他她]|单位|公司|老板|厂里|企业|现在|目前|一直|还|也|都|从来|根本|暂时|还是|最近|今年|去年"
    r"|这[一两三几]?(?:年|个月|段时间|阵子|阵))*"
    + _NEGATION
    + r"(?:有)?(?:在|去)?"
    + _FOR_WHOM
    + _FACT_VERB
    # (合作社还没办起来: the verb with its result, session 41)
    + r"(?:起来|下来|成)?(?:过|了|着)?(?:呢|啊|哦|吧|的)?(?=$|[，,。.;；!！?？\s])"
    # 失业保险也没有, 社保一直没得: a bare no that ends the clause (no verb after it) says the fact is not had.
    + r"|(?:也|都|一直|从来|根本|还|压根)*(?:没有|没得)(?:呢|啊|哦|的)?(?=$|[，,。.;；!！?？\s])"
)


# 残疾的不是我, 低保户不是俺: the phrase said of someone other than the speaker (session 29) — not theirs; the
# phrase's head noun between (建档立卡户的不是我, 残疾证不是我的: session 45, fixr45) changes nothing.
_NOT_MINE_AFTER = re.compile(
    r"(?:人员|家庭|[户人证])?的?(?:并|又|也)?不是(?:我|俺)(?:本人|自己)?的?(?=$|[，,。.;；!！?？\s是而])"
)


def _merge(facts: dict[str, Any], fact: str, value: Any) -> None:
    if isinstance(value, list) and isinstance(facts.get(fact), list):
        facts[fact] = [*facts[fact], *(v for v in value if v not in facts[fact])]
    else:
        facts[fact] = value


def _holds(facts: dict[str, Any], fact: str, expected: Any) -> bool:
    if expected == "any":
        return facts.get(fact) is not None
    return fact in facts and facts[fact] == expected
