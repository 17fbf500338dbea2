"""Checks for several people in one conversation (session 30, chat33).

A person who has had their own check may start one for a relative (帮我闺女也查查, 给我老婆查一下, the 👪
button under results): their own facts and interview are set aside unchanged (`SessionState.others`), the
relative's are gathered and checked as a conversation about someone else (`for_someone_else`), and
回到我自己的 (or its button) takes the speaker's own up again as they were. At most `MOST_SUBJECTS`
people, the speaker included; every one of them is in the session, so /forget and retention delete all.
The eligibility engine sees one person's facts at a time, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.dialogue import render
from bot.dialogue.interview import Working
from bot.dialogue.types import MOST_SUBJECTS, Button, Reply, Subject
from bot.dialogue.words import Vocabulary
from bot.present.prose import SubjectsProse, prose

# 帮我闺女也查查, 给俺老婆查一下, 替我妈也算算: a check asked for the one named between 帮/给/替 and the checking verb.
_CHECK_ASKED = re.compile(
    r"(?:帮|给|替)(?P<whom>[^，,。？?！!\s]{1,5}?)(?:也|再)?(?:查查|查一下|查下|查一查|测测|测一下|算算|核对一下|查"
    # 帮我老婆也看看: looking is checking only when nothing follows (帮我看看资阳（九）的原文 asks for a text) or
    # what follows is apart, the one named told of (帮我老婆也看看 她三十出头 大专…: session 33).
    r"|(?:看看|看一下|看下|瞧瞧)(?=[吧呗呀啊哈嘛呢吗]*(?:[。！!？?\s]*$|[，,。\s]+(?:她|他|ta|TA|Ta)(?!们))))"
)
# 换个人问 问我妈 她五十九…, 再查一下我爸 他…: the one asked about named right after the asking verb, apart from what
# follows (never 问我妈能不能领, where the one named is the subject of a question of the speaker's own).
_ABOUT_NAMED = re.compile(
    r"(?:^|[，,。\s]|换个人|再)(?:问问|问一下|问下|问|查查|查一下|查下|看看)(?P<whom>(?:我|俺)(?:家)?(?:的)?[\u4e00-\u9fff]{1,3}?)"
    r"(?=[，,。！!\s]|的(?:情况|事)|$)"
)
# 她, 他, TA — a person named by a pronoun only (帮她查查).
_PRONOUN = re.compile(r"(?:她|他|ta|TA|Ta)(?:们)?(?:老人家)?")
# 回到我自己的, 切回我的资料, 换回我本人吧, 查回俺自己的: back to the speaker's own check.
_BACK_TO_SELF = re.compile(
    r"^(?:那|好|好的|行|嗯)?[，,\s]*(?:再)?(?:回到|切回|换回|返回|查回|回)(?:到)?(?:我|俺|咱)(?:自己|本人)?(?:的)?"
    r"(?:资料|情况|查询|那个)?(?:吧|了|啊|哈)?[。！!\s]*$"
)
# 还是先查他的吧, 先看我哥的, 回到我妈的: back to a relative set aside, by a pronoun or their kin word and 的 —
# what may follow is only a courtesy (谢谢啦), told apart by the caller.
_BACK_TO_OTHER = re.compile(
    r"^(?:那|好|好的|行|嗯)?[，,\s]*(?:还是|再|先)*(?:回到|切回|换回|返回|查回|回|查|看|问)(?:到|一下|下)?"
    r"(?P<whom>(?:我|俺|咱)?(?:家)?[\u4e00-\u9fffA-Za-z]{1,3}?)的(?:资料|情况|查询|那个)?(?:吧|了|啊|哈)*"
)
# 那我自己呢, 我的呢: the speaker turning to themselves, nothing else said.
_TURNS_TO_SELF = re.compile(r"^(?:那|那么|还有)?(?:我|俺|咱)(?:自己|本人)?(?:的)?呢[？?。！!\s]*$")

# 您 in a question of the rules (您目前的就业状态, 您本人是否…) — not 您家 (the household is the speaker's too).
_YOU = re.compile(r"您(?!家)(?:本人)?")
# A line of a relative's results said to the speaker (按您说的…, 直接告诉我): its 您 is the speaker.
_TO_SPEAKER = re.compile(r"您说|告诉我|您的话")
# The relatives who are of the speaker's household as the documents' 家庭 means it (a spouse, a child).
_ONE_HOUSEHOLD = frozenset({"son", "daughter", "husband", "wife"})
HOUSEHOLD = "household"

WHO = "who"
SELF = "self"
NEW = "new"
SOMEONE = "someone"


def of_relative(text: str, whom: str) -> str:
    """A question of the rules asked of the relative checked (您本人的情况 → 您母亲本人的情况)."""
    return _YOU.sub(lambda m: f"您{whom}本人" if m.group().endswith("本人") else f"您{whom}", text)


def _words() -> SubjectsProse:
    return prose().subjects


def self_button() -> Button:
    return Button(label=_words().self_button, action=f"{WHO}:{SELF}")


def relative_button() -> Button:
    return Button(label=_words().relative_button, action=f"{WHO}:{NEW}")


class Subjects:
    def __init__(self, words: Vocabulary) -> None:
        self.words = words

    def whom(self, kin: str | None) -> str:
        """How the product names a relative to the speaker (闺女 → 女儿), or 家人."""
        person = self.words.kin_persons.get(kin or "")
        return _words().persons.get(person or "", _words().someone)

    def _same(self, one: str | None, other: str | None) -> bool:
        kin = self.words.kin_persons
        return one is not None and other is not None and kin.get(one) is not None and kin.get(one) == kin.get(other)

    def asked_for(self, work: Working, text: str) -> tuple[str, str] | None:
        """The kin word of a check asked for a relative other than the one checked now, while the one
        checked now has facts to set aside, and the message without the asking (what it tells of them);
        None otherwise."""
        if not (work.profile or work.pending):
            # (Session 33: a card waiting counts — 帮我妈查查 她55… then 再帮我爸查一下 他58… sets her card aside.)
            return None
        asked = _CHECK_ASKED.search(text) or self._about_named(text)
        if asked is None:
            return None
        rest = f"{text[: asked.start()]}，{text[asked.end() :]}".strip("，,。！!？? 呗吧啊哈")
        kin = self.words.kin_word.search(asked.group("whom"))
        if kin is None:
            # 帮她查查, 给他也查一下: a pronoun is the one the last question was about (我闺女…她能领啥), or nobody
            # known yet — "" then, and whom is asked (session 31). The one checked now is never started again.
            if not _PRONOUN.fullmatch(asked.group("whom")):
                return None
            thread = work.thread
            if thread is not None and thread.of_another and not work.for_someone_else:
                return thread.another or "", rest
            return None if work.for_someone_else else ("", rest)
        if work.for_someone_else and self._same(kin.group(), work.subject):
            return None
        return kin.group(), rest

    def _about_named(self, text: str) -> re.Match[str] | None:
        """问我妈 她五十九…: a relative named as the one asked about, by a kin word and nothing else."""
        found = _ABOUT_NAMED.search(text)
        if found is None or self.words.kin_word.search(found.group("whom")) is None:
            return None
        return found

    def ask_whom(self) -> list[Reply]:
        """帮她查查 with no one spoken of before: whom to check."""
        return [render.notice(_words().ask_whom, (relative_button(),))]

    def backs_to_self(self, work: Working, text: str) -> bool:
        """回到我自己的 (or 那我自己呢) while a relative is checked and the speaker's own is set aside."""
        if not work.for_someone_else or self._own(work) is None:
            return False
        said = text.strip()
        return bool(_BACK_TO_SELF.match(said) or _TURNS_TO_SELF.match(said))

    def backs_to_other(self, work: Working, text: str, closes: Callable[[str], bool]) -> int | None:
        """还是先查他的吧 (谢谢啦) while the speaker's own check is current and a relative's is set aside: where that
        relative sits among those set aside — a pronoun is the one set aside last, a kin word the one it names;
        None for any other message, or when more than a courtesy (`closes`) follows."""
        if work.for_someone_else:
            return None
        said = text.strip()
        found = _BACK_TO_OTHER.match(said)
        rest = said[found.end() :].strip("，,。！!？? ") if found is not None else ""
        if found is None or (rest and not closes(rest)):
            return None
        whom = found.group("whom")
        if _PRONOUN.fullmatch(whom):
            return next((i for i in reversed(range(len(work.others))) if work.others[i].for_someone_else), None)
        kin = self.words.kin_word.search(whom)
        return self._of(work, kin.group()) if kin is not None else None

    def _own(self, work: Working) -> int | None:
        return next((i for i, s in enumerate(work.others) if not s.for_someone_else), None)

    def _of(self, work: Working, kin: str) -> int | None:
        return next((i for i, s in enumerate(work.others) if s.for_someone_else and self._same(s.subject, kin)), None)

    def start(self, work: Working, kin: str | None, told: bool) -> list[Reply]:
        """Set the one checked now aside and check the relative named by `kin` (a relative set aside before
        is taken up again as they were). `told`: the message tells their situation too (a short line then)."""
        again = self._of(work, kin) if kin is not None else None
        if again is not None:
            return self.take(work, again)
        if len(work.others) + 1 >= MOST_SUBJECTS:
            return [render.notice(_words().too_many.format(most=MOST_SUBJECTS), (self_button(),))]
        before = self.whom(work.subject) if work.for_someone_else else None
        work.others.append(work.set_aside())
        work.take_up(Subject(for_someone_else=True, subject=kin))
        whom = self.whom(kin)
        if before is not None:
            return [render.notice(_words().started_from.format(whom=whom, before=before))]
        if told:
            return [render.notice(_words().started_told.format(whom=whom))]
        return [render.notice(_words().started.format(whom=whom), (self_button(),))]

    def turn_to_self(self, work: Working) -> list[Reply]:
        """Session 38: 那我自己呢 in a relative's check — the speaker's own check, taken up again when set aside,
        else a new one; the relative's is set aside as it is (its card or results kept, 👤 brings it back)."""
        own = self._own(work)
        if own is not None:
            return self.take(work, own)
        before = self.whom(work.subject)
        back: tuple[Button, ...] = ()
        if work.profile or work.pending:
            label = _words().view_button.format(whom=before)
            back = (Button(label=label, action=f"{WHO}:{self._key(work.subject)}"),)
            work.others.append(work.set_aside())
        work.take_up(Subject())
        return [render.notice(_words().started_self.format(before=before), back)]

    def back_to_self(self, work: Working) -> list[Reply]:
        own = self._own(work)
        if own is None:
            return [render.notice(_words().nothing_saved, (relative_button(),))]
        return self.take(work, own)

    def take(self, work: Working, index: int) -> list[Reply]:
        """Take up the person set aside at `index`; the one checked now is set aside in their place (one
        with nothing told yet is let go)."""
        person = work.others.pop(index)
        if work.profile or work.pending or not work.for_someone_else:
            work.others.insert(index, work.set_aside())
        work.take_up(person)
        said = _words().back_to.format(whom=self.whom(person.subject)) if person.for_someone_else else None
        return [render.notice(said or _words().back_to_self)]

    def pressed(self, work: Working, target: str) -> list[Reply] | None:
        """who:self, who:new, who:<relative> (daughter, wife …): the buttons of this module; None for any other
        target. A relative is named, not numbered, so an old button never takes up someone else."""
        if target == SELF:
            return self.back_to_self(work)
        if target == NEW:
            if not (work.profile or work.pending):
                # (A card waiting is set aside too, as with 再帮我爸查一下 — session 34: the button of the
                # another-person notice, in a conversation about a relative from its start.)
                return None
            return self.start(work, None, told=False)
        index = next(
            (i for i, s in enumerate(work.others) if s.for_someone_else and self._key(s.subject) == target), None
        )
        return self.take(work, index) if index is not None else None

    def _key(self, kin: str | None) -> str:
        """The ASCII name of a relative in a button's action (闺女 → daughter; named by no kin word: someone)."""
        return self.words.kin_persons.get(kin or "") or SOMEONE

    def buttons(self, work: Working) -> tuple[Button, ...]:
        """Under results: back to the speaker's own, the relatives set aside, and a check for one more."""
        row: list[Button] = []
        if work.for_someone_else and self._own(work) is not None:
            row.append(self_button())
        for person in work.others:
            if person.for_someone_else and person.profile:
                label = _words().view_button.format(whom=self.whom(person.subject))
                row.append(Button(label=label, action=f"{WHO}:{self._key(person.subject)}"))
        if len(work.others) + 1 < MOST_SUBJECTS and work.profile:
            row.append(relative_button())
        return tuple(row)

    def labelled(self, work: Working, replies: list[Reply]) -> list[Reply]:
        """Whose check it is, said on the questions and results of a relative's check (session 31: also when the
        conversation was about them from its start); the results carry the buttons to go between people."""
        return [self._labelled_one(work, reply, self.whom(work.subject)) for reply in replies]

    def _of_the_relative(self, reply: Reply, whom: str) -> Reply:
        """Session 31: a relative's results say whose they are where they say 您本人 (不发给您本人, 您本人可享受):
        the relative's own (您女儿本人), never the speaker's. Session 32: so does every line that speaks of the
        one checked (您所在, 另有19项补贴您目前不符合条件, 招用您的单位) — not a line about what the speaker
        said or may tell (按您说的您家的情况, 要更正资料直接告诉我)."""
        if reply.kind != "results":
            return reply
        lines = [line if _TO_SPEAKER.search(line) else of_relative(line, whom) for line in reply.text.split("\n")]
        return reply.model_copy(update={"text": "\n".join(lines)})

    def _labelled_one(self, work: Working, reply: Reply, whom: str) -> Reply:
        if work.for_someone_else and reply.kind == "profile" and reply.facts:
            # Session 33: the facts shown are the relative's — said so, never 【我知道的您的情况】.
            _, _, lines = reply.text.partition("\n")
            return reply.model_copy(update={"text": f"{_words().profile_title.format(whom=whom)}\n{lines}"})
        if reply.kind == "results":
            # (A conversation about someone else from its start offers no other person's check.)
            extra = self.buttons(work) if work.others or not work.for_someone_else else ()
            rows = (*reply.buttons, extra) if extra else reply.buttons
            text = reply.text
            if work.for_someone_else:
                text = f"{_words().whose.format(whom=whom)}\n{self._of_the_relative(reply, whom).text}"
            return reply.model_copy(update={"text": text, "buttons": rows})
        if work.for_someone_else and reply.kind == "acknowledge" and reply.asks:
            # Session 32: the echo of the question answered (哪些是您本人的情况？✔️ 都不符合) is the relative's too.
            asked, _, recorded = reply.text.partition("\n")
            return reply.model_copy(update={"text": f"{of_relative(asked, whom)}\n{recorded}".rstrip("\n")})
        if work.for_someone_else and reply.kind == "confirm" and not work.pending_for_speaker:
            # Session 33: the card's closing line asks of the relative (帮您母亲查, 例如“母亲是…”), not the speaker.
            ask = prose().dialogue.confirm.ask
            return reply.model_copy(update={"text": reply.text.replace(ask, _words().card_ask.format(whom=whom))})
        if work.for_someone_else and reply.kind == "question":
            # Session 31: a relative's check asks of that person in its own words (您母亲目前的就业状态是？,
            # 哪些是您母亲本人的情况？) — never 您本人, which the speaker reads as themselves.
            return reply.model_copy(
                update={"text": f"{_words().whose.format(whom=whom)}{of_relative(reply.text, whom)}"}
            )
        return reply

    def shared_household(self, work: Working) -> list[Any] | None:
        """The household told in another check of the same family (建档立卡, 低保), when the one checked now has no
        facts yet: their card offers it, with a note (session 31). Session 45 (emp45): the household is the family's,
        whoever's check it was told in — a spouse's or a child's is the speaker's too, and the speaker's theirs;
        personal facts (age, status, disability) never pass."""
        if work.profile or not self._one_household(work.subject):
            return None
        # A relative's card takes the speaker's household; the speaker's own card a relative's of one household.
        told = [p for p in reversed(work.others) if p.for_someone_else != work.for_someone_else]
        for person in told:
            household = person.profile.get(HOUSEHOLD)
            if self._one_household(person.subject) and isinstance(household, list) and household:
                return list(household)
        return None

    def _one_household(self, kin: str | None) -> bool:
        """The speaker, a spouse or a child, or 家人 unnamed: of the speaker's household as the documents mean it."""
        return not kin or self.words.kin_persons.get(kin) in _ONE_HOUSEHOLD

    def household_note(self) -> str:
        return _words().household_carried

    def card_note(self, work: Working) -> str:
        return _words().card_note.format(whom=self.whom(work.subject))
