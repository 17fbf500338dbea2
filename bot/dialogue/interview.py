"""The eligibility interview inside a conversation: ask, understand, confirm, show results.

The engine decides what to ask (always recomputed from the facts, so nothing about the question
needs storing); this module turns taps and typed answers into facts, shows what it understood
from self-descriptions before using it, and lays out the results.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from bot.dialogue import render
from bot.dialogue.actions import Action
from bot.dialogue.describe import Description
from bot.dialogue.negations import contradicted
from bot.dialogue.types import Reply, SessionState, Subject, Thread
from bot.dialogue.understand import AnswerReader, Understood
from bot.present import citations
from bot.present.citations import PublishedClauses
from bot.present.problems import problem_text
from bot.present.prose import prose
from bot.present.results import check_message, results_message
from eligibility.coverage import PLACE_FACTS
from eligibility.engine import Engine
from eligibility.errors import ProfileError
from eligibility.interview import answer_as_given, apply_answer
from eligibility.profile import Profile
from eligibility.questions import GROUP_TYPE, HOUSEHOLD_REGION
from eligibility.regions import RegionResolver
from eligibility.results import CheckResult, NextQuestion

# Facts of the household, not of one member: what is told of a relative may state them (我爸妈是低保户).
FAMILY_FACTS = frozenset({"household"})

log = logging.getLogger(__name__)
# Checks kept per process, by stored facts and day: a turn checks the facts it found (is the pressed
# button the current question?) and the facts it leaves (the next question), and the next turn
# starts from those. About twice the people talking at once.
KEPT_CHECKS = 512


@dataclass
class Working:
    """A session's state while one turn is handled (mutable; saved back as a SessionState)."""

    profile: dict[str, Any] = field(default_factory=dict)
    interviewing: bool = False
    pending: dict[str, Any] = field(default_factory=dict)
    pending_notes: dict[str, str] = field(default_factory=dict)
    ticked: list[int] = field(default_factory=list)
    ticked_for: str | None = None
    thread: Thread | None = None
    for_someone_else: bool = False
    pending_offers: int = 0
    last_answer: Literal["", "answered", "beside_card"] = ""
    subject: str | None = None
    # The waiting card holds the speaker's own facts, told in a conversation about someone else (我自己是
    # 退伍军人…): the record is the other person's, so the card stands alone; 对 starts the speaker's own.
    pending_for_speaker: bool = False
    # The other people of the conversation, set aside (`SessionState.others`).
    others: list[Subject] = field(default_factory=list)
    # The date fact whose year was asked (`SessionState.unsure`).
    unsure: str | None = None
    # The digest of the results last shown (`SessionState.results_seen`).
    results_seen: str | None = None
    # Not saved: this turn's date told for a thing done that is still ahead — the fact, the words and the date read.
    ahead: tuple[str, str, str] | None = None
    # Not saved: a kin word this turn named that is not the person asked for (shown as a note).
    another: str | None = None
    # Not saved: the day of this turn (what the card says depends on whether the check is done that day).
    today: date | None = None
    # Not saved: this turn's message told something of the person or of someone else (`Outcome.told`).
    told: bool = False
    # Not saved: the question being answered is the speaker's own, asked in a check for someone else (我自己在巴中
    # 能领创业补贴吗): judged by the speaker's facts and place, never the other person's (session 36).
    speaker_asks: bool = False

    def speaker_facts(self) -> dict[str, Any]:
        """The speaker's own record, set aside while someone else is checked (none when never told)."""
        own = next((s for s in self.others if not s.for_someone_else), None)
        return dict(own.profile) if own is not None else {}

    @classmethod
    def of(cls, state: SessionState) -> Working:
        return cls(
            profile=dict(state.profile),
            interviewing=state.interviewing,
            pending=dict(state.pending),
            pending_notes=dict(state.pending_notes),
            ticked=list(state.ticked),
            ticked_for=state.ticked_for,
            thread=state.thread,
            for_someone_else=state.for_someone_else,
            pending_offers=state.pending_offers,
            last_answer=state.last_answer,
            subject=state.subject,
            pending_for_speaker=state.pending_for_speaker,
            others=list(state.others),
            unsure=state.unsure,
            results_seen=state.results_seen,
        )

    def clear(self) -> None:
        self.profile, self.interviewing, self.pending, self.pending_notes = {}, False, {}, {}
        self.ticked, self.ticked_for, self.thread = [], None, None
        self.for_someone_else = False
        self.pending_offers = 0
        self.subject = None
        self.pending_for_speaker = False
        self.results_seen = None

    def held(self) -> dict[str, Any]:
        """The record the waiting card is read against: none when the card is the speaker's own and the
        record someone else's — one person is never judged or shown with another's facts."""
        return {} if self.pending_for_speaker else self.profile

    def state(self, last_turn_id: str | None) -> SessionState:
        return SessionState(
            profile=self.profile,
            interviewing=self.interviewing,
            pending=self.pending,
            pending_notes=self.pending_notes,
            ticked=tuple(self.ticked),
            ticked_for=self.ticked_for,
            thread=self.thread,
            last_turn_id=last_turn_id,
            for_someone_else=self.for_someone_else,
            pending_offers=self.pending_offers,
            last_answer=self.last_answer,
            subject=self.subject,
            pending_for_speaker=self.pending_for_speaker,
            others=tuple(self.others),
            unsure=self.unsure,
            results_seen=self.results_seen,
        )

    def set_aside(self) -> Subject:
        """The person checked now, as kept while someone else is checked."""
        return Subject(
            profile=dict(self.profile),
            interviewing=self.interviewing,
            pending={} if self.pending_for_speaker else dict(self.pending),
            pending_notes={} if self.pending_for_speaker else dict(self.pending_notes),
            for_someone_else=self.for_someone_else,
            subject=self.subject,
        )

    def take_up(self, person: Subject) -> None:
        """Check `person` from here on, as they were set aside (their waiting card waits again)."""
        others = self.others
        self.clear()
        self.others = others
        self.profile = dict(person.profile)
        self.interviewing = person.interviewing
        self.pending = dict(person.pending)
        self.pending_notes = dict(person.pending_notes)
        self.for_someone_else = person.for_someone_else
        self.subject = person.subject


def results_digest(text: str) -> str:
    """A short digest of the results' text, kept in the session to tell the same results shown again."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def note_results_shown(work: Working, replies: list[Reply]) -> None:
    """Keep the digest of the full results among this turn's replies (a one-line 结果没有变化 keeps the last)."""
    unchanged = prose().dialogue_reading.results_unchanged
    full = [r for r in replies if r.kind == "results" and r.text != unchanged]
    if full:
        work.results_seen = results_digest(full[-1].text)


# A multi-select question longer than this is re-offered as one line after an answer.
COMPACT_OPTIONS = 6


class Interviewer:
    def __init__(
        self, engine: Engine, reader: AnswerReader, regions: RegionResolver, clauses: PublishedClauses | None = None
    ) -> None:
        """`clauses`: the published clauses, to name a clause of a document that has no rules yet."""
        self.engine = engine
        self.clauses = clauses
        self.facts = engine.rulebook.facts
        self.reader = reader
        self.regions = regions
        self._checks: OrderedDict[tuple[str, date], CheckResult] = OrderedDict()
        self._checks_lock = threading.Lock()
        # The speaker's household for a relative of it checked now, and the card's note on it (set by the core
        # from its Subjects: session 31).
        self.shared_household: Callable[[Working], list[Any] | None] = lambda work: None
        self.household_note: Callable[[], str] = lambda: ""

    def warm(self) -> None:
        self.engine.rulebook.warm()

    def clause_name(self, clause_id: str) -> str:
        return citations.clause_name(clause_id, self.engine.rulebook.documents, self.clauses)

    # -- facts ----------------------------------------------------------------------------------

    def profile_of(self, work: Working, today: date) -> Profile:
        """The stored facts as a checked profile; a value the contract no longer accepts is dropped."""
        values: dict[str, Any] = {}
        for fact, raw in work.profile.items():
            if fact not in self.facts:
                continue
            try:
                values[fact] = self.facts.parse(fact, raw, today)
            except ProfileError:
                log.info("dropping stored fact %s that no longer parses", fact)
        return Profile(as_of=today, values=values)

    def _store(self, work: Working, profile: Profile) -> None:
        stored = profile.as_json()
        stored.pop("as_of", None)
        work.profile = stored

    def check(self, work: Working, today: date) -> CheckResult:
        """The engine's check of the stored facts. The engine is a pure function of the rules and
        the facts, and one conversation checks the same facts several times (within a turn and from
        one turn to the next), so results are kept by the facts as stored (JSON) and the day."""
        key = (json.dumps(work.profile, sort_keys=True, ensure_ascii=False, default=str), today)
        with self._checks_lock:
            if key in self._checks:
                self._checks.move_to_end(key)
                return self._checks[key]
        result = self.engine.check(self.profile_of(work, today))
        with self._checks_lock:
            self._checks[key] = result
            if len(self._checks) > KEPT_CHECKS:
                self._checks.popitem(last=False)
        return result

    def current(self, work: Working, today: date) -> NextQuestion | None:
        return self.check(work, today).next_question if work.interviewing else None

    # -- asking ---------------------------------------------------------------------------------

    def next(self, work: Working, today: date) -> list[Reply]:
        """The next question, or the results when nothing is left to ask."""
        work.interviewing = True
        replies: list[Reply] = []
        result = self.check(work, today)
        if result.status == "region_not_covered" and result.next_question is not None:
            # Session 24: at a place no document covers the 户籍 is asked once (said not covered first); a
            # covered 户籍 then lists the measures that follow it, anything else asks the place again.
            replies.append(render.notice(check_message(result)))
        elif result.status == "region_not_covered" and not result.benefits:
            replies.append(render.notice(check_message(result)))
            work.profile.pop("region", None)
            result = self.check(work, today)
        elif result.region.status == "partly_covered":
            # A province whose cities have their own documents: say which, then ask for the city.
            replies.append(render.notice(check_message(result)))
        question = result.next_question
        if question is None:
            work.interviewing = False
            work.ticked, work.ticked_for = [], None
            replies.append(render.results(result, self.engine.rulebook))
            work.thread = self._listed(work.thread, result)
            return replies
        if work.ticked_for != question.fact:
            work.ticked, work.ticked_for = [], None
        replies.append(render.question(question, work.ticked))
        return replies

    def _listed(self, thread: Thread | None, result: CheckResult) -> Thread | None:
        """The thread once the results were shown: their numbered items, one clause each (the item's first), so
        that 第三条说的是什么 is the third item (session 37) — the thread as it was when an item cites nothing."""
        listed = results_message(result, self.engine.rulebook).listed
        if not listed or not all(b.citations for b in listed):
            return thread
        clauses = tuple(b.citations[0].clause_id for b in listed)
        return (thread or Thread()).model_copy(update={"clauses": clauses, "listed": True})

    def ask_again(self, work: Working, today: date) -> list[Reply]:
        question = self.current(work, today)
        return [render.question(question, work.ticked)] if question else []

    def remind(self, work: Working, today: date) -> list[Reply]:
        """The pending question after an answer to something else: a long list of options (人员类别,
        16 boxes) as one line and a 继续回答 button that shows it again, so an answer is not followed
        by the same long card each time; a short question is asked again as it is."""
        question = self.current(work, today)
        if question is None:
            return []
        if question.type == GROUP_TYPE and len(question.options) > COMPACT_OPTIONS:
            return [render.reminder(question)]
        return [render.question(question, work.ticked)]

    # -- answers --------------------------------------------------------------------------------

    def told_of_another(
        self, question: NextQuestion, own: str, others: str, today: date, hired: str | None = None
    ) -> bool:
        """我老公是退役士兵 to a question about the person: what is told is someone else's, never their
        answer (session 25) — unless the question is about the people a unit hires (所招人员), or what is
        told is the family's (我爸妈是低保户: the household is the person's too). Session 45 (emp45): so is a
        message (`hired`) that tells only of the people the speaker hires (有残疾证的是我招的那个小伙子，不是我)."""
        if own or not (others or hired):
            return False
        if not all(self.facts[fact].about == "person" for fact in question.facts if fact in self.facts):
            return False
        if not others:
            return True
        told = self.reader.describer.describe(others, today).facts
        return not any(fact in FAMILY_FACTS and fact in question.facts for fact in told)

    def typed(self, work: Working, question: NextQuestion, text: str, today: date) -> list[Reply] | None:
        """Record a typed answer; None when the message does not answer the question."""
        understood = self.reader.read(question, text, today)
        if understood is None:
            return None
        told = self.reader.places_told(question, text, today)
        return self._record(work, question, understood, today, replaces_previous=False, told=told)

    def press(self, work: Working, action: Action, today: date) -> list[Reply]:
        question = self.check(work, today).next_question
        if question is None or question.fact != action.target:
            stale = render.notice(prose().dialogue.notices.already_answered)
            return [stale, *self.next(work, today)] if work.interviewing else [stale]
        work.interviewing = True
        if action.kind == "tick":
            if not _is_option(question, action.index) or question.type not in _SEVERAL:
                return self.ask_again(work, today)
            chosen = set(work.ticked if work.ticked_for == question.fact else [])
            chosen ^= {int(str(action.index))}
            work.ticked, work.ticked_for = sorted(chosen), question.fact
            return [render.question(question, work.ticked, replaces_previous=True)]
        if action.kind == "done":
            picked = [question.options[i].value for i in work.ticked if _is_option(question, i)]
            picked = [value for value in picked if value is not None]
            return self._record(work, question, Understood(picked), today, replaces_previous=True)
        if action.kind == "none":
            # 都不是: nothing ticked, whatever was ticked before.
            work.ticked = []
            return self._record(work, question, Understood([]), today, replaces_previous=True)
        if not _is_option(question, action.index):
            return self.ask_again(work, today)
        value = question.options[int(str(action.index))].value
        return self._record(work, question, Understood(value), today, replaces_previous=True)

    def _record(
        self,
        work: Working,
        question: NextQuestion,
        understood: Understood,
        today: date,
        replaces_previous: bool,
        told: Mapping[str, Any] | None = None,
    ) -> list[Reply]:
        """Record the answer; `told`: facts the answer settles that the message said otherwise (住资中，在雁江上班:
        the place of work), recorded first so that the answer settles only the rest."""
        profile = self.profile_of(work, today)
        try:
            for fact, value in (told or {}).items():
                profile = profile.with_answer(fact, self.facts[fact].parse(value, profile.as_of))
            given = answer_as_given(profile, question, understood.raw, self.facts)
            profile = apply_answer(profile, question, understood.raw, self.facts)
        except ProfileError as exc:
            return [render.notice(self._polite(exc)), render.question(question, work.ticked)]
        self._store(work, profile)
        work.ticked, work.ticked_for = [], None
        # What was answered, before a yes to another hire or certificate becomes a new record.
        said = self._said(question, given)
        ack = render.acknowledge(question, said, understood.note, replaces_previous)
        return [ack, *self.next(work, today)]

    def _said(self, question: NextQuestion, profile: Profile) -> str:
        if question.type == GROUP_TYPE:
            values = [profile.values.get(f) for f in question.facts]
            if all(v is None for v in values):
                return prose().dialogue.facts.unknown
            ticked = [
                o.label
                for o in question.options
                if isinstance(o.value, dict) and all(_includes(profile.values.get(f), v) for f, v in o.value.items())
            ]
            # A member said without its kind (退役士兵): its broad option's own label.
            ticked += [
                o.label
                for f in question.facts
                for o in self.facts[f].options
                if o.covers and o.value == profile.values.get(f)
            ]
            return "、".join(ticked) or prose().dialogue.facts.none_fit
        value = profile.values.get(question.fact)
        if question.fact == "region" and value is not None:
            region = self.regions.resolve(str(value))
            by_policy = prose().dialogue.facts.by_policy.format(jurisdiction=region.jurisdiction)
            suffix = f"（{by_policy}）" if region.jurisdiction else ""
            return f"{value}{suffix}"
        return render.fact_value(self.facts, question.fact, _json(value))

    def _polite(self, error: ProfileError) -> str:
        return prose().dialogue.notices.cannot_record.format(message=problem_text(error, plain=True))

    # -- self-descriptions ----------------------------------------------------------------------

    def propose(self, work: Working, description: Description, today: date) -> Reply:
        """Keep what was understood aside and show it for confirmation; a fact that only follows from
        what was said (自主创业 from 店开了一年零三个月) is not shown again when already recorded."""
        if (
            description.facts.get("business_form") == "none"
            and "employment_status" not in description.facts
            and work.pending.get("employment_status") == "self_employed"
        ):
            # 不对 店还没开 只是想开 (session 31): the card's business of one's own is taken back — the status
            # recorded before it stands.
            work.pending.pop("employment_status")
            work.pending_notes.pop("employment_status", None)
        for fact, value in description.denied.items():
            if fact not in description.facts and {**work.profile, **work.pending}.get(fact) == value:
                # 不对，我没在家务农 (session 42, wf43): a value the speaker now denies of themselves is taken back —
                # off the card and the record alike, so that it is asked again, never kept beside the no.
                work.pending.pop(fact, None)
                work.pending_notes.pop(fact, None)
                work.profile.pop(fact, None)
        shared = self.shared_household(work)
        if shared is not None and "household" not in work.pending and "household" not in description.facts:
            # 我老公…: the household the speaker told is his too — offered on his card, never recorded silently.
            work.pending["household"] = shared
            work.pending_notes["household"] = self.household_note()
        for fact, value in description.facts.items():
            if fact in description.implied and work.profile.get(fact) == value:
                continue
            if fact == "region" and self.is_broader(value, work.pending.get(fact, work.profile.get(fact))):
                # 那我们商洛… after 商州区: the same place said broadly, no correction.
                continue
            work.pending[fact] = value
            if fact in description.notes:
                work.pending_notes[fact] = description.notes[fact]
            else:
                work.pending_notes.pop(fact, None)
        # Session 37 (walk36 W27): 不对，我没交社保 flips 创业后参加社会保险：是 — the card never keeps a yes/no fact
        # that settles one the speaker now says firmly the other way (bot/dialogue/negations.py).
        for fact, value in contradicted(self.facts, description, {**work.profile, **work.pending}).items():
            work.pending_notes.pop(fact, None)
            work.pending[fact] = value
        return self.confirmation(work)

    def already_kept(self, work: Working, description: Description) -> Reply | None:
        """我还是在安岳搞 with 安岳县 kept, no card waiting: every fact told is the one kept (session 38) — said to be
        kept, never a card asking to confirm it again. None when anything told is new or a card waits."""
        held = work.held()
        if work.pending or not description.facts or any(held.get(f) != v for f, v in description.facts.items()):
            return None
        return render.already_kept(render.fact_lines(self.facts, dict(description.facts), {}, {}, self._region(work)))

    def is_broader(self, said: object, known: object) -> bool:
        """`said` is the jurisdiction the known place lies in (商洛市 for 商州区, 吉林省 for 长春市)."""
        if not isinstance(said, str) or not isinstance(known, str) or said == known:
            return False
        place = self.regions.resolve(said).place
        return bool(place) and place != known and place == self.regions.resolve(known).jurisdiction

    def confirmation(self, work: Working, uncovered_said: bool = False, before: dict[str, Any] | None = None) -> Reply:
        """The card; `uncovered_said`: a reply before it already said its place is not covered; `before`: the
        values the card showed that the reply just corrected (shown old → new)."""
        changed = {f: v for f, v in work.pending.items() if work.held().get(f, v) != v}
        held = {**work.held(), **(before or {})}
        lines = render.fact_lines(self.facts, work.pending, work.pending_notes, held, self._region(work))
        uncovered = None if uncovered_said else self.uncovered(work)
        covered = self.engine.jurisdictions if uncovered else ()
        return render.confirm(
            lines,
            render.shown_facts(self.facts, dict(work.pending)),
            is_change=bool(changed),
            uncovered=uncovered,
            covered=covered,
            checked=self.checked(work),
        )

    def card_reminder(self, work: Working) -> Reply:
        """The waiting card in one line (what it holds, by name) with its buttons."""
        lines = render.fact_lines(self.facts, work.pending, work.pending_notes, work.held(), self._region(work))
        return render.card_reminder(lines, render.shown_facts(self.facts, dict(work.pending)))

    def uncovered(self, work: Working) -> str | None:
        """The place on the card when no document covers it nor anything inside it (成都市): the card
        then says so plainly, with the places that are covered (四川省 is answered by its cities)."""
        place = work.pending.get("region")
        if not isinstance(place, str):
            return None
        region = self.regions.resolve(place)
        if region.covered or region.candidates or not region.place:
            return None
        held = {**work.profile, **work.pending}
        for fact in (HOUSEHOLD_REGION, *PLACE_FACTS.values()):
            elsewhere = held.get(fact)
            if isinstance(elsewhere, str) and self.regions.resolve(elsewhere).covered:
                # Session 24: a covered 户籍 (户口在巴中，人在成都): the check lists its measures that follow it;
                # session 40: so does a covered place of work or business (家在简阳，打算在雁江开店).
                return None
        return region.place

    def _region(self, work: Working) -> str:
        place = work.pending.get("region")
        if not isinstance(place, str):
            return ""
        region = self.regions.resolve(place)
        words = prose().dialogue.facts
        if region.jurisdiction:
            return words.by_policy.format(jurisdiction=region.jurisdiction)
        if region.candidates:
            return words.covers_inside.format(covered="、".join(region.candidates))
        return words.not_covered

    def accept(self, work: Working, today: date, pressed: bool = False) -> list[Reply]:
        """Use the confirmed facts; a tapped 对 turns the confirmation into a record of what was kept."""
        lines = render.fact_lines(self.facts, work.pending, work.pending_notes, work.held(), self._region(work))
        if work.pending_for_speaker:
            # The speaker's own facts confirmed: their check starts; the other person's record is left.
            pending, notes, thread = work.pending, work.pending_notes, work.thread
            work.clear()
            work.pending, work.pending_notes, work.thread = pending, notes, thread
        shown = self._results_shown(work)
        profile = self.profile_of(work, today)
        for fact, value in work.pending.items():
            try:
                profile = profile.with_answer(fact, self.facts.parse(fact, value, today))
            except ProfileError:
                continue
        self._store(work, profile)
        work.pending, work.pending_notes = {}, {}
        after = self.next(work, today)
        unchanged = (
            shown is not None and after and after[-1].kind == "results" and results_digest(after[-1].text) == shown
        )
        if unchanged and not work.others:
            # 连续失业12个月 confirmed after the results, changing none of them: said in a line, not repeated.
            # (Session 34: with several people checked in the conversation, the results nearest above may be
            # someone else's — 和上面的一样 would point at them; the person's own are shown again.)
            after = [*after[:-1], render.results_unchanged(after[-1])]
        return [render.settled(lines, kept=True, replaces_previous=pressed), *after]

    def start_at_place(self, work: Working, place: str, today: date) -> list[Reply]:
        """巴州区 查下补贴: a request for the check whose only fact is where the person is — the place is
        recorded and the interview starts at once, its first question saying which place it goes by, so a
        wrong place is corrected there (no card for one line)."""
        profile = self.profile_of(work, today)
        try:
            profile = profile.with_answer("region", self.facts.parse("region", place, today))
        except ProfileError:
            return [self.confirmation(work)]
        self._store(work, profile)
        work.pending, work.pending_notes = {}, {}
        after = self.next(work, today)
        if not after:
            return after
        said = prose().dialogue_leftovers.place_taken.format(place=self._place_named(place))
        first = after[0]
        return [first.model_copy(update={"text": f"{said}\n{first.text}"}), *after[1:]]

    def _place_named(self, place: str) -> str:
        """通江县 → 巴中市通江县, 吉林市 → 吉林省吉林市: the place with the jurisdiction it goes by."""
        jurisdiction = self.regions.resolve(place).jurisdiction
        if not jurisdiction or jurisdiction == place or place.startswith(jurisdiction):
            return place
        return f"{jurisdiction}{place}"

    def checked(self, work: Working) -> bool:
        """The person's check is done: their facts are recorded, nothing is being asked and nothing is left to
        ask (session 31: no 🔍 button and no "对的话我接着帮您查" after the results)."""
        if work.interviewing or not work.profile or work.pending_for_speaker or work.today is None:
            return False
        result = self.check(work, work.today)
        return result.next_question is None and result.status != "region_not_covered"

    def _results_shown(self, work: Working) -> str | None:
        """The digest of the results the person last saw, before a confirmation — kept in the session when they
        went out, never inferred from the check being done (a check done whose results were never shown, as after
        a place corrected on a card, shows them in full)."""
        if work.interviewing or not work.profile or work.pending_for_speaker:
            return None
        return work.results_seen

    def drop(self, work: Working, today: date, pressed: bool = False) -> list[Reply]:
        lines = render.fact_lines(self.facts, work.pending, work.pending_notes, work.held(), self._region(work))
        work.pending, work.pending_notes = {}, {}
        work.pending_for_speaker = False
        return [render.settled(lines, kept=False, replaces_previous=pressed), *self.ask_again(work, today)]

    # -- showing --------------------------------------------------------------------------------

    def profile_reply(self, work: Working) -> Reply:
        """What is kept, and what a waiting card holds (told, not yet kept) — with the card's buttons."""
        lines = render.kept_lines(self.facts, work.profile)
        waiting = (
            render.fact_lines(self.facts, work.pending, work.pending_notes, work.held(), self._region(work))
            if work.pending
            else []
        )
        return render.profile(lines, dict(work.profile), waiting)

    def reasons(self, work: Working, today: date) -> Reply:
        return render.all_reasons(self.check(work, today), self.engine.rulebook)


# Questions answered by ticking options, then 确定 or 都不是 (render.py's multi-select).
_SEVERAL = frozenset({GROUP_TYPE, "enum_list"})


def _is_option(question: NextQuestion, index: int | None) -> bool:
    return index is not None and 0 <= index < len(question.options)


def _includes(have: Any, wanted: Any) -> bool:
    if isinstance(wanted, list):
        return isinstance(have, tuple | list) and set(wanted) <= set(have)
    return bool(have == wanted)


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
