"""Replies laid out for a phone: short lines, the important thing first, buttons.

What to say is decided by the core; the words come from `bot/present` (answers, results, clauses
and every fixed text in prose.yaml). This module only puts them into channel-neutral `Reply`s
with their buttons. Texts are plain (lines starting with 【 are headings); every figure shown
comes from a rule's amount or a quoted clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from bot.dialogue import actions
from bot.dialogue.types import MAX_ACTION_BYTES, BenefitCard, Button, Reply
from bot.present import citations, conversation
from bot.present.answers import Misfit, answer_text, elsewhere_question, fitting_first, not_stated, own_lines
from bot.present.prose import prose
from bot.present.reasons import reason_texts, records_text, value_text
from bot.present.results import beneficiary_label, benefit_amount, reasons_message, results_message
from eligibility.facts import FactRegistry
from eligibility.questions import GROUP_TYPE
from eligibility.results import BenefitResult, CheckResult, NextQuestion
from eligibility.rulebook import Rulebook
from knowledge.answer_model import Answer, AnswerStatus
from knowledge.citations import Citation
from knowledge.documents import Document

ClauseName = Callable[[str], str]
_words = prose().dialogue
# The highest statutory retirement age (men's, 63 once the 2025 reform is complete): at this age or older no one is
# of working age under any rule, whatever their sex or job.
PAST_EVERY_RETIREMENT_AGE = 63
CHECK_BUTTON = Button(label=_words.buttons.check, action=actions.command("check"))
SOURCES_BUTTON = Button(label=_words.buttons.sources, action=actions.command("sources"))
PROFILE_BUTTON = Button(label=_words.buttons.profile, action=actions.command("profile"))
RESET_BUTTON = Button(label=_words.buttons.reset, action=actions.command("reset"))
FORGET_BUTTON = Button(label=_words.buttons.forget, action=actions.command("forget"))
CONTINUE_BUTTON = Button(label=_words.buttons.resume, action=actions.command("check"))
MORE_BUTTON = Button(label=_words.buttons.more, action=actions.MORE)


def live_buttons(
    pending: bool,
    asked: NextQuestion | None,
    ticked: Iterable[int],
    clauses: Sequence[Button],
    results: bool,
) -> list[Button]:
    """The buttons that mean now what their labels say, as the replies lay them out: the commands
    (always live), the card's while facts wait for confirmation, the pending question's answers
    (not its boxes: a typed name of a box is an answer), the shown clauses, 查看全部原因 under
    results. 确认删除 is not among them: only a tap deletes."""
    words = prose()
    live = [
        CHECK_BUTTON,
        SOURCES_BUTTON,
        PROFILE_BUTTON,
        RESET_BUTTON,
        FORGET_BUTTON,
        CONTINUE_BUTTON,
        Button(label=words.reminders.resume, action=actions.command("check")),
        Button(label=words.forgetting.cancel, action=actions.command("keep")),
        *clauses,
    ]
    if pending:
        live.extend(b for row in confirm([], {}, is_change=False).buttons for b in row)
    elif asked is not None:
        answers = [b for row in question(asked, ticked).buttons for b in row]
        live.extend(b for b in answers if not b.action.startswith("tick:"))
    if results:
        live.append(MORE_BUTTON)
    return live


def control_labels() -> dict[str, tuple[str, ...]]:
    """The labels of the buttons that appear only in some states, by what they control: erase (🗑 确认删除,
    shown after 删除我的资料), card (the card's 有不对的 / 不用了), more (查看全部原因, under results) and
    feedback (👍 有用 / 👎 没用 / ⚑ 报告问题, under answers, handled by the channel). Typed while not
    on the screen, such a label is a request for what its button does, not a policy question."""
    words = prose()
    card = _words.confirm
    care = words.conversation_care
    return {
        "erase": (words.forgetting.confirm,),
        "card": (card.fix, card.drop),
        "more": (_words.buttons.more,),
        "feedback": (care.feedback_up, care.feedback_down, care.feedback_report),
    }


def typed_control(kind: str) -> Reply:
    """What a button typed while not on the screen does, and how to get to it."""
    words = prose().typed_controls
    if kind == "more":
        return notice(words.more, (CHECK_BUTTON,))
    text = {"erase": words.erase, "card": words.card, "feedback": words.feedback}[kind]
    return notice(text)


def welcome(covered: Iterable[str], interviewing: bool) -> Reply:
    first = CONTINUE_BUTTON if interviewing else CHECK_BUTTON
    text = conversation.welcome_text(covered)
    return Reply(kind="welcome", text=text, buttons=((first,), (SOURCES_BUTTON, PROFILE_BUTTON)))


def followed(reply: Reply, read_as: str, measures: frozenset[str] = frozenset()) -> Reply:
    """An answer to a follow-up says first, in plain words, what it was read as: the place and what was asked
    there — a measure by its own name (`measures`: 巴中市的创业担保贷款), else the words asked (巴中市：退役士兵创业担保
    贷款多少) — never a "place · key" in quotes. With neither place nor subject it says nothing."""
    place, _, subject = read_as.partition(" · ")
    place, subject = place.strip(" ·"), subject.strip(" ·")
    words = prose().followups
    if place and subject:
        template = words.read_as_measure if subject in measures else words.read_as_place
        what = template.format(place=place, subject=subject)
    elif place or subject:
        what = place or subject
    else:
        return reply
    said = words.read_as.format(question=what)
    return reply.model_copy(update={"text": f"{said}\n{reply.text}"})


def no_more_conditions(reply: Reply, result: Answer) -> Reply:
    """要啥条件 of the measure just shown, whose document names no condition beyond whom it is for: said plainly, the
    clause still cited (its button kept) — not the answer above repeated."""
    words = prose().followups
    measure = result.direct.measures[0] if result.direct is not None and result.direct.measures else None
    if measure is None:
        return reply
    targets = "、".join(measure.targets)
    text = (
        words.no_more_conditions.format(targets=targets, name=measure.name)
        if targets
        else words.no_conditions.format(name=measure.name)
    )
    return reply.model_copy(update={"text": text})


def situated(reply: Reply, situation: str) -> Reply:
    """An answer asked of the person's situation (有啥政策 → 山阳县 · 失业人员 高校毕业生) says so first."""
    parts = [p for p in re.split(r"[\s·]+", situation) if p]
    said = prose().situation_question.read_as.format(situation="、".join(parts))
    return reply.model_copy(update={"text": f"{said}\n{reply.text}"})


def _again(asked: str, reply: Reply, earlier: str) -> str:
    """A later part of a several-part question whose answer cites nothing the parts before did not (能贷好多 |
    利息谁出): what its own answer says, the clauses above pointed at, never quoted twice. A fact the documents
    never state is said first, plainly (没有写明您问的利息由谁承担); "见上一段" only when the text above holds
    every own line of it (the 条件：… under 能领吗), or nothing more when it has no line of its own."""
    words = prose().followups
    missing = not_stated(reply.text)
    if missing is not None:
        what, rule = missing
        return f"【{asked}】\n{words.not_stated.format(asked=what)}\n{rule}"
    own = own_lines(reply.text)
    said_as = words.read_as.split("{", 1)[0]
    if own and own[0].startswith(said_as):
        rest = reply.text.partition("\n")[2].strip()
        if not own_lines(rest):
            # Only the line saying what the part was read as (接着刚才的问题，查的是…) above quotes already shown:
            # nothing of its own to say — never that line alone over "见上一段".
            return f"【{asked}】\n{words.nothing_more}"
        if prose().answers.direct.based_on not in rest:
            # Below that line an answer that quotes nothing (收录的文件没有写…的申请条件…): its own words are
            # the whole answer — never the line saying what was asked alone over "见上一段" (session 43).
            return f"【{asked}】\n{rest}"
    new = [line for line in own[1:] if line not in earlier]
    if own and own[0] not in earlier and (new or len(own) == 1):
        return f"【{asked}】\n" + "\n".join([*own, words.clauses_above])
    if own[1:] and not new:
        return f"【{asked}】\n{words.said_above}"
    if new:
        return f"【{asked}】\n" + "\n".join([own[0], *new, words.clauses_above])
    return f"【{asked}】\n{words.nothing_more}"


def joined(parts: list[tuple[str, Reply]]) -> Reply:
    """One answer to a message that asks several things (能拿多少，去哪申请): each part under the words
    it answers, the clause buttons once each, answered when any part is."""
    texts: list[str] = []
    cited: set[str] = set()
    for asked, reply in parts:
        own = {c.clause_id for c in reply.citations}
        if texts and own and own <= cited:
            # 能贷好多 | 利息咋算 answered from the same clauses as the part before: never the same quotes twice.
            texts.append(_again(asked, reply, "\n".join(texts)))
        else:
            texts.append(f"【{asked}】\n{reply.text}")
        cited |= own
    # A clause an earlier part cites is not cited again by a later one (one 📄 button per clause; the
    # widget shows one button per clause within a part too).
    citations: list[Citation] = []
    for _, reply in parts:
        earlier = {c.clause_id for c in citations}
        citations += [c for c in reply.citations if c.clause_id not in earlier and c not in citations]
    rows: list[tuple[Button, ...]] = []
    for _, reply in parts:
        rows += [row for row in reply.buttons if row not in rows]
    statuses = [reply.answer_status for _, reply in parts]
    answered = AnswerStatus.ANSWERED.value
    # Answered when any part is — and the parts that were not are kept for staff (only part answered).
    left = tuple(asked for asked, reply in parts if reply.answer_status != answered) if answered in statuses else ()
    return Reply(
        kind="answer",
        text="\n\n".join(texts),
        buttons=tuple(rows),
        citations=tuple(citations),
        answer_status=answered if answered in statuses else statuses[0],
        asked=next((reply.asked for _, reply in reversed(parts) if reply.asked), None),
        unanswered_parts=left,
    )


def forget_question() -> Reply:
    """/forget and 🗑 删除我的资料 ask first: one tap deletes nothing."""
    words = prose().forgetting
    confirm = Button(label=words.confirm, action=actions.ERASE)
    cancel = Button(label=words.cancel, action=actions.command("keep"))
    return Reply(kind="notice", text=words.ask, buttons=((confirm, cancel),))


def notice(text: str, *rows: tuple[Button, ...]) -> Reply:
    return Reply(kind="notice", text=text, buttons=tuple(rows))


# -- questions -----------------------------------------------------------------------------------


def reminder(q: NextQuestion) -> Reply:
    """A pending question in one line with a button that shows it again (all its options)."""
    words = prose().reminders
    return Reply(
        kind="question",
        text=words.pending.format(question=q.text.split("\n")[0]),
        buttons=((Button(label=words.resume, action=actions.command("check")),),),
        asks=q.fact,
    )


def question(q: NextQuestion, ticked: Iterable[int] = (), replaces_previous: bool = False) -> Reply:
    words = _words.questions
    chosen = set(ticked)
    if q.type in _SEVERAL:
        rows: list[tuple[Button, ...]] = []
        unknown: Button | None = None
        for index, option in enumerate(q.options):
            if option.value is None:
                unknown = Button(label=option.label, action=actions.answer(q.fact, index))
                continue
            mark = "☑️" if index in chosen else "⬜"
            rows.append((Button(label=f"{mark} {option.label}", action=actions.tick(q.fact, index)),))
        # Session 29: none of them is a control of its own (都不是), beside 确定 — never a 确定 with nothing ticked.
        last = [
            Button(label=words.submit, action=actions.done(q.fact)),
            Button(label=words.none, action=actions.none_of(q.fact)),
        ]
        if unknown is not None:
            last.append(unknown)
        rows.append(tuple(last))
        return Reply(
            kind="question",
            text=_with_hint(f"{q.text}\n{words.several}", q.hint),
            buttons=tuple(rows),
            asks=q.fact,
            multi_select=True,
            replaces_previous=replaces_previous,
        )
    buttons = [Button(label=o.label, action=actions.answer(q.fact, i)) for i, o in enumerate(q.options)]
    text = q.text
    if q.type in {"integer", "number"}:
        text += f"\n{words.number}"
    elif q.type == "date":
        text = q.text.split("？")[0] + f"？\n{words.date}"
    elif q.type == "text":
        text += f"\n{words.place}"
    return Reply(
        kind="question",
        text=_with_hint(text, q.hint),
        buttons=_rows(buttons),
        asks=q.fact,
        free_text=q.type in {"integer", "number", "date", "text"},
    )


# Questions whose options are ticked, then submitted: a group of facts, and a list fact asked alone (家庭情况:
# 可多选 — one press must not answer it).
_SEVERAL = frozenset({GROUP_TYPE, "enum_list"})


def _with_hint(text: str, hint: str) -> str:
    return f"{text}\n{_words.questions.hint.format(hint=hint)}" if hint else text


def _rows(buttons: list[Button]) -> tuple[tuple[Button, ...], ...]:
    if all(len(b.label) <= 6 for b in buttons):
        return tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
    return tuple((b,) for b in buttons)


def acknowledge(q: NextQuestion, answer: str, note: str | None, replaces_previous: bool) -> Reply:
    recorded = _words.questions.recorded.format(answer=answer) + (f"（{note}）" if note else "")
    return Reply(
        kind="acknowledge",
        text=f"{q.text.split('？')[0]}？\n{recorded}",
        asks=q.fact,
        replaces_previous=replaces_previous,
    )


# -- facts ---------------------------------------------------------------------------------------


def fact_value(facts: FactRegistry, fact: str, value: Any) -> str:
    words = _words.facts
    if value is None:
        return words.unknown
    spec = facts[fact]
    if spec.type == "boolean":
        return words.yes if value else words.no
    if spec.type == "enum_list":
        return "、".join(spec.option_label(v) for v in value) or words.none_of_these
    if spec.type == "record_list":
        return records_text(facts, spec, value)
    if spec.type == "date" and isinstance(value, str):
        value = date.fromisoformat(value)
    return value_text(spec, value)


def shown_facts(facts: FactRegistry, values: dict[str, Any]) -> dict[str, Any]:
    """The facts a card or list shows: a place of work or business that is the place where the person is (its
    `as_region` answer, 与居住地相同) beside that place is recorded, never a line of its own — the region line says the
    place already (session 41, fixa41: 在长春开了个小店 shows 所在地区：长春市 only)."""
    if "region" not in values:
        return values
    return {
        f: v
        for f, v in values.items()
        if (spec := facts.specs.get(f)) is None or spec.as_region is None or v != spec.as_region.value
    }


def fact_lines(
    facts: FactRegistry, values: dict[str, Any], notes: dict[str, str], before: dict[str, Any], region: str
) -> list[str]:
    lines = []
    values = shown_facts(facts, values)
    for fact in sorted(values, key=lambda f: facts.priority.get(f, 999)):
        shown = fact_value(facts, fact, values[fact])
        if fact == "region" and region:
            shown += f"（{region}）"
        if fact in before and before[fact] != values[fact]:
            shown = f"{fact_value(facts, fact, before[fact])} → {shown}"
        note = f"（{notes[fact]}）" if fact in notes else ""
        if fact == "age" and isinstance(values[fact], int) and values[fact] >= PAST_EVERY_RETIREMENT_AGE:
            # 我妈66了: past working age, said beside the age — the check's work measures will not fit.
            note += f"（{_words.facts.past_working_age}）"
        lines.append(_words.facts.line.format(label=facts[fact].label, value=shown + note))
    return lines


def kept_lines(facts: FactRegistry, values: dict[str, Any]) -> list[str]:
    """The facts kept, as 我的资料 shows them: one list for a person; for an owner whose unit hires (session 45,
    emp45), the owner's own facts, the unit's and each hire's apart (【您招用的第2位人员】), never one list where a
    hire's 建档立卡 or 残疾 reads as the owner's. Whose each fact is comes from the fact (`about`)."""
    about = {f: (facts.specs[f].about if f in facts.specs else "person") for f in values}
    if all(a == "person" for a in about.values()):
        return fact_lines(facts, values, {}, {}, "")
    words = _words.profile
    lines: list[str] = []
    for heading, kind in ((words.owner, "person"), (words.unit, "unit")):
        own = {f: v for f, v in values.items() if about[f] == kind and facts.specs.get(f, None) is not None}
        own = {f: v for f, v in own.items() if facts.specs[f].collects is None}
        if own:
            lines += [heading, *fact_lines(facts, own, {}, {}, "")]
    for number, hire in enumerate(_hires(facts, values), start=1):
        lines += [words.hire.format(number=number), *fact_lines(facts, hire, {}, {}, "")]
    return lines


def _hires(facts: FactRegistry, values: dict[str, Any]) -> list[dict[str, Any]]:
    """Each hire described, in order: the records kept (`hires`), then the one being asked (the `hire_*` facts)."""
    lists = {name: spec for name, spec in facts.specs.items() if spec.about == "hire" and spec.fields}
    hires: list[dict[str, Any]] = []
    for name, spec in lists.items():
        stored = values.get(name)
        for record in stored or ():
            if isinstance(record, dict) and record:
                hires.append({spec.fields[k]: v for k, v in record.items() if k in spec.fields})
        slot = {f: v for f, v in values.items() if f in spec.fields.values()}
        if slot:
            hires.append(slot)
    listed = {f for spec in lists.values() for f in spec.fields.values()}
    loose = {f: v for f, v in values.items() if about_hire(facts, f) and f not in listed}
    if loose:
        hires = hires or [{}]
        hires[-1].update(loose)
    return hires


def about_hire(facts: FactRegistry, fact: str) -> bool:
    spec = facts.specs.get(fact)
    return spec is not None and spec.about == "hire" and not spec.fields


def confirm(
    lines: list[str],
    facts: dict[str, Any],
    is_change: bool,
    uncovered: str | None = None,
    covered: Sequence[str] = (),
    checked: bool = False,
) -> Reply:
    """The facts understood, for confirmation. A place no document covers (`uncovered`) is said
    plainly, with the places that are `covered` and what can still be done there; once the check is done
    (`checked`), 对 checks again — nothing is "continued"."""
    words = _words.confirm
    ask = [words.ask_checked if checked else words.ask]
    buttons: tuple[tuple[Button, ...], ...] = (
        (Button(label=words.accept, action=actions.CONFIRM), Button(label=words.fix, action=actions.FIX)),
        (Button(label=words.drop, action=actions.DROP),),
    )
    if uncovered:
        plain = prose().dialogue_leftovers
        example = next((c.rstrip("省市") for c in covered), "")
        ask = [
            plain.uncovered.format(place=uncovered, covered="、".join(covered)),
            plain.uncovered_ask.format(example=example),
        ]
        buttons = (*buttons, (SOURCES_BUTTON,))
    text = "\n".join([words.change if is_change else words.understood, *lines, "", *ask])
    return Reply(kind="confirm", text=text, buttons=buttons, facts=facts)


def already_kept(lines: list[str]) -> Reply:
    """What the person told again, as it is already kept: said to be kept, nothing to confirm."""
    return notice("\n".join([_words.confirm.already_kept, *lines]))


def card_reminder(lines: list[str], facts: dict[str, Any]) -> Reply:
    """A card the person has passed over twice, offered again in one line with its buttons."""
    words = _words.confirm
    named = "、".join(line.lstrip("· ").split("：")[0] for line in lines if line.strip())
    buttons = (
        (Button(label=words.accept, action=actions.CONFIRM), Button(label=words.fix, action=actions.FIX)),
        (Button(label=words.drop, action=actions.DROP),),
    )
    return Reply(kind="confirm", text=prose().reminders.card.format(facts=named), buttons=buttons, facts=facts)


def settled(lines: list[str], kept: bool, replaces_previous: bool) -> Reply:
    """What became of a confirmation: kept (好的，已记下) or dropped (不记录了)."""
    head = _words.confirm.kept if kept else _words.confirm.dropped
    return Reply(kind="acknowledge", text="\n".join([head, *lines]), replaces_previous=replaces_previous)


def profile(lines: list[str], facts: dict[str, Any], waiting: Sequence[str] = ()) -> Reply:
    """The facts kept; `waiting`: the lines of a card not yet confirmed, shown apart with its buttons."""
    words = _words.profile
    if not lines and not waiting:
        return Reply(kind="profile", text=words.empty, buttons=((CHECK_BUTTON,),))
    kept = [words.title, *lines, ""] if lines else []
    held = [words.waiting, *waiting, ""] if waiting else []
    text = "\n".join([*kept, *held, words.footer])
    if waiting:
        confirm = _words.confirm
        buttons: tuple[tuple[Button, ...], ...] = (
            (Button(label=confirm.accept, action=actions.CONFIRM), Button(label=confirm.fix, action=actions.FIX)),
            (Button(label=confirm.drop, action=actions.DROP), FORGET_BUTTON),
        )
        return Reply(kind="profile", text=text, buttons=buttons, facts=facts)
    return Reply(kind="profile", text=text, buttons=((CONTINUE_BUTTON, RESET_BUTTON), (FORGET_BUTTON,)), facts=facts)


# -- answers, clauses, sources -------------------------------------------------------------------


def clause_button(clause_id: str, name: ClauseName) -> Button:
    return Button(label=_words.buttons.clause.format(clause=name(clause_id)), action=actions.clause(clause_id))


def nothing_to_cite(text: str, status: AnswerStatus = AnswerStatus.NO_ANSWER) -> Reply:
    """An answer that cites nothing because the request is not one the documents can answer (帮我写一首
    诗): logged for staff like any unanswered question (`status`: or as a place not covered)."""
    return Reply(kind="answer", text=text, buttons=((SOURCES_BUTTON,),), answer_status=status.value)


def own_case(check: str) -> Reply:
    """我这岁数还有啥补贴能领, which no clause answers: what the person can get is what the check decides — said,
    as the check stands (`check`): "offer" (its button), "underway" (its questions are being asked), "card" (the
    card waiting to be confirmed starts it), "" (none offered). Logged as unanswered, like the refusal it replaces."""
    said = prose().dialogue_reading
    texts = {"underway": said.check_underway, "card": prose().dialogue.notices.confirm_first_sum}
    rows = ((CHECK_BUTTON,), (SOURCES_BUTTON,)) if check == "offer" else ()
    text = texts.get(check, said.own_case)
    return Reply(kind="answer", text=text, buttons=rows, answer_status=AnswerStatus.NO_ANSWER.value)


def answer(
    result: Answer,
    name: ClauseName,
    offer_check: bool,
    misfits: Mapping[str, Misfit] | None = None,
    about: str | None = None,
) -> Reply:
    """`misfits`: measures the person's stated facts rule out — the answer leads with the others. `about`: the
    relative checked (父亲) when the answer is about them (session 37: 您父亲目前不符合)."""
    result = fitting_first(result, misfits or {})
    ids = list(dict.fromkeys(c.clause_id for c in result.citations))
    rows: list[tuple[Button, ...]] = [(clause_button(i, name),) for i in ids]
    rows += [(button,) for button in elsewhere_buttons(result)]
    if offer_check:
        rows.append((CHECK_BUTTON,))
    if result.status != AnswerStatus.ANSWERED and not result.citations:
        rows.append((SOURCES_BUTTON,))
    return Reply(
        kind="answer",
        text=answer_text(result, misfits, about),
        buttons=tuple(rows),
        citations=result.citations,
        answer_status=result.status.value,
    )


def elsewhere_buttons(result: Answer) -> list[Button]:
    """The place's measure states no figure, another region's version does: a button asking that region's
    question (吉林省的初创企业补贴标准是多少？) — its answer shows the figure as that region's own."""
    direct = result.direct
    if direct is None or direct.kind != "no_figure":
        return []
    return [
        Button(label=elsewhere_question(version), action=actions.ask(version.measure_id))
        for version in direct.elsewhere
        if len(actions.ask(version.measure_id).encode()) <= MAX_ACTION_BYTES
    ]


def clause(citation: Citation, document: Document) -> Reply:
    return Reply(kind="clause", text=conversation.clause_text(citation, document), citations=(citation,))


def typed_clause(citation: Citation, document: Document) -> Reply:
    """A clause asked for by typing (吉林第七条写的什么, 把那条原文发我) is answered like any question
    from the documents: an answer citing it (logged for staff, with feedback), its whole text."""
    return Reply(
        kind="answer",
        text=conversation.clause_text(citation, document),
        citations=(citation,),
        answer_status=AnswerStatus.ANSWERED.value,
    )


def sources(documents: Iterable[Document]) -> Reply:
    return Reply(kind="sources", text=conversation.sources_text(documents), buttons=((CHECK_BUTTON,),))


# -- results -------------------------------------------------------------------------------------


def results(result: CheckResult, rulebook: Rulebook) -> Reply:
    documents = rulebook.documents
    message = results_message(result, rulebook)
    clause_ids = list(dict.fromkeys(c.clause_id for b in message.listed for c in b.citations))
    clause_buttons = [clause_button(i, lambda c: citations.clause_name(c, documents)) for i in clause_ids]
    rows = [tuple(clause_buttons[i : i + 2]) for i in range(0, len(clause_buttons), 2)]
    last = [PROFILE_BUTTON, RESET_BUTTON]
    if any(b.status == "ineligible" for b in result.benefits):
        last.append(MORE_BUTTON)
    rows.append(tuple(last))
    cards = tuple(_card(b, rulebook) for b in result.benefits)
    return Reply(kind="results", text=message.text, buttons=tuple(rows), benefits=cards)


def results_unchanged(shown: Reply) -> Reply:
    """The results after a confirmed fact that changes none of them: one line, the results' own last row
    of buttons (我的资料, 重新开始, 查看全部原因) — never the same long list again."""
    text = prose().dialogue_reading.results_unchanged
    return Reply(kind="results", text=text, buttons=shown.buttons[-1:])


def all_reasons(result: CheckResult, rulebook: Rulebook) -> Reply:
    failed = [b for b in result.benefits if b.status == "ineligible"]
    text = reasons_message(result, rulebook)
    if not failed:
        return notice(text)
    return Reply(kind="results", text=text, benefits=tuple(_card(b, rulebook) for b in failed))


def _card(benefit: BenefitResult, rulebook: Rulebook) -> BenefitCard:
    return BenefitCard(
        id=benefit.id,
        name=benefit.name,
        status=benefit.status,
        beneficiary=beneficiary_label(benefit),
        amount=benefit_amount(benefit, rulebook.facts),
        reasons=reason_texts(benefit, rulebook),
        clause_ids=tuple(c.clause_id for c in benefit.citations),
    )
