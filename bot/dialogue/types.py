"""The dialogue core's boundary: what a channel sends in (a turn) and gets back (replies).

Everything here is channel-neutral and JSON-ready, so Telegram, the terminal and the web API
translate the same objects. A reply's `text` is plain text (lines starting with 【 are headings);
buttons carry short ASCII action ids, never Chinese, so they fit Telegram's 64-byte callback data.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from eligibility.results import BenefitStatus
from knowledge.citations import Citation

MAX_ACTION_BYTES = 64

ReplyKind = Literal[
    "welcome",  # greeting, help, the list of commands
    "answer",  # a cited answer to a policy question (or the honest refusal)
    "question",  # the next eligibility question
    "acknowledge",  # the answer just recorded (channels may replace the question with it)
    "confirm",  # what was understood from a self-description, for confirmation
    "results",  # what the person qualifies for
    "clause",  # a clause's full text
    "profile",  # what the bot knows about the person
    "sources",  # the documents the bot knows
    "notice",  # anything else: not understood, deleted, region not covered, too long
]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Turn(Model):
    """One thing the person did: typed `text`, or pressed the button whose id is `action`.

    `id` is the channel's id of the message or button press (Telegram update id, a web request
    id); a turn whose id equals the last handled one is a redelivery and is not handled twice.
    """

    text: str | None = None
    action: str | None = Field(default=None, max_length=MAX_ACTION_BYTES)
    id: str | None = Field(default=None, max_length=128)


class Button(Model):
    label: str
    action: str

    @field_validator("action")
    @classmethod
    def _fits_callback_data(cls, action: str) -> str:
        if not action.isascii() or not 1 <= len(action.encode()) <= MAX_ACTION_BYTES:
            raise ValueError(f"button action must be 1-{MAX_ACTION_BYTES} ASCII bytes: {action!r}")
        return action


class BenefitCard(Model):
    """One benefit as shown in the results (enough for a channel to lay it out its own way)."""

    id: str
    name: str
    status: BenefitStatus  # one list of statuses: eligibility/results.py
    beneficiary: str
    amount: str | None
    reasons: tuple[str, ...]
    clause_ids: tuple[str, ...]


class Reply(Model):
    kind: ReplyKind
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    citations: tuple[Citation, ...] = ()
    asks: str | None = Field(default=None, description="the fact or fact group being asked")
    multi_select: bool = Field(default=False, description="buttons toggle; a 确定 button submits")
    free_text: bool = Field(default=False, description="the question is answered by typing (a number, a date, a place)")
    facts: dict[str, Any] = Field(default_factory=dict, description="facts understood or known")
    benefits: tuple[BenefitCard, ...] = ()
    replaces_previous: bool = Field(
        default=False, description="replaces the message whose button was pressed (Telegram edits it)"
    )
    answer_status: str | None = Field(
        default=None, description="an answer's status from the knowledge core (answered, no_answer, region_not_covered)"
    )
    starts_over: bool = Field(default=False, description="the conversation started over: earlier buttons are stale")
    # For the staff's answer log only, never sent to a client: what the answer understood was asked (the
    # thread's `asked_key`) and the parts of a message asking several things it left unanswered.
    asked: str | None = Field(default=None, exclude=True)
    unanswered_parts: tuple[str, ...] = Field(default=(), exclude=True)

    @property
    def actions(self) -> list[str]:
        return [button.action for row in self.buttons for button in row]

    @property
    def clause_ids(self) -> list[str]:
        return [c.clause_id for c in self.citations]


class Thread(Model):
    """The topic of the last policy question, so that 那巴中呢？ and 能拿多少钱？ can be understood.

    Only what was understood is kept, never the message: the topic's words as the documents and
    the glossary spell them (创业担保贷款, 返乡), the jurisdiction answered for, what was asked
    (knowledge's intent: amount, procedure …) and the clauses cited, in the order shown. `measure`
    is the measure the last answer was about, as its document names it (创业担保贷款（个人）), and
    `measure_region` where that document applies: what 利息谁出？ or 能领几个月？ is asked of.
    `found`: whether the last answer cited anything there (a place where nothing was found
    is not the conversation's place for the next question of another topic).
    """

    topic: tuple[str, ...] = ()
    region: str | None = None
    intent: str | None = None
    clauses: tuple[str, ...] = ()
    measure: str | None = None
    measure_region: str | None = None
    found: bool = True
    # An article asked for with no document to take it from (第十三条, nothing asked before): the place
    # said next (吉林的) names the document.
    article: str | None = None
    # Session 25: the last question was about someone else (那我闺女呢？她…): a follow-up naming no one
    # (中专算不算高校毕业生？) is still about them, until the person turns back to themselves (那我自己呢).
    of_another: bool = False
    # Session 31: the kin word of the one the last question was about (我闺女…她能领啥 → 闺女), so that 帮她查查
    # with no one named before starts the check for that person.
    another: str | None = None
    # Session 31: the schooling said of that someone else (我儿子在读中职), kept while the thread is about them:
    # a later question about them (他毕业那年有没得求职补贴) is set beside the measure's group as the first was.
    another_schooling: str | None = None
    # Session 32: the facts the last message told of that someone else (她原来在厂里上班 今年厂子黑了), as
    # understood (JSON values, with their notes): 帮家人查 pressed next offers them on that person's card.
    another_told: dict[str, Any] = Field(default_factory=dict)
    another_notes: dict[str, str] = Field(default_factory=dict)
    # Session 34: the kinds of figure the last question named other than money (knowledge's intent `units`:
    # interest, duration, age …), "+"-joined — 利息怎么算 after 能贷多少 asks another figure of the measure.
    figure: str | None = None
    # Session 37: `clauses` are the items of the check's numbered results, one clause each, in the list's order:
    # 第三条说的是什么 next is its third item — never article （三） of a document.
    listed: bool = False
    # Session 38: since this answer, a message told the person's situation and asked nothing (…考了个焊工中级证):
    # 这个能补好多 next points at what was just told, not at the answer before it — 那…呢 still goes on from the answer.
    told_since: bool = False
    # Session 38 (walk38): the clauses of the items of the last list an answer showed (与您的问题相关的有：· A · B ·
    # C), in the list's order, kept while follow-ups go on from it (多久到账, 在哪办 about one item): 第三条呢 then
    # is its third item — never article （三） of a document.
    items: tuple[str, ...] = ()
    # Session 40: the measure each of those items names, in the same order — several items may quote one clause
    # (· 社会保险补贴 · 创业补贴 of one sentence): 第二条呢 then is the second measure, never its whole clause again.
    item_names: tuple[str, ...] = ()

    @property
    def asked_key(self) -> str:
        """What was asked, for telling the same question asked again: intent (with the kind of figure
        asked, when not money) | place | topic terms."""
        kind = f"{self.intent or ''}+{self.figure}" if self.figure else self.intent or ""
        return "|".join((kind, self.region or "", "、".join(self.topic)))[:200]


# At most this many people are checked in one conversation, the speaker included (session 30, chat33).
MOST_SUBJECTS = 3


class Subject(Model):
    """A person's check set aside while the conversation checks someone else (帮我闺女也查查): their facts
    and how far their interview went, restored as they were (回到我自己的). `for_someone_else` False is the
    speaker's own; `subject` the kin word the other was named by."""

    profile: dict[str, Any] = Field(default_factory=dict)
    interviewing: bool = False
    # A card of theirs still waiting for 对 when they were set aside: it waits again when they are taken up.
    pending: dict[str, Any] = Field(default_factory=dict)
    pending_notes: dict[str, str] = Field(default_factory=dict)
    for_someone_else: bool = False
    subject: str | None = None


class SessionState(Model):
    """All the core keeps about one conversation: the facts and where the conversation is.

    No message log and no names: the facts the person gave (JSON values, as in a profile sent to
    `policybot check`), facts understood but not yet confirmed, the boxes ticked in an open
    multiple-choice question, the thread of the last policy question (its topic, not its words)
    and the id of the last handled turn.
    """

    version: Literal[1] = 1
    profile: dict[str, Any] = Field(default_factory=dict)
    interviewing: bool = False
    pending: dict[str, Any] = Field(default_factory=dict)
    pending_notes: dict[str, str] = Field(default_factory=dict)
    ticked: tuple[int, ...] = ()
    ticked_for: str | None = None
    thread: Thread | None = None
    last_turn_id: str | None = None
    # 帮我爸问问，他52了，在延吉…: the facts are of the person asked for, not of the one typing. Set when
    # the first facts told are someone else's; the person's own words then add nothing to them, and
    # 重新开始 clears it.
    for_someone_else: bool = False
    # The kin word the person asked for was first named by (儿子, 老公): a message about a different one
    # (我闺女…) is about another person, never merged into them.
    subject: str | None = None
    # How many times in a row the waiting card was offered again past messages that did not answer
    # it: from the second on it is one line, not the whole card again.
    pending_offers: int = 0
    # What the last turn's replies did with a question (one state, session 37; it replaced session 35's two flags
    # answered_last and card_behind_answer): "" — answered none; "beside_card" — answered it beside a card shown in
    # full (new or changed); "answered" — answered it with no card shown in full: none waits, or the waiting one is
    # pointed to in one line. A courtesy next (好嘛 谢谢, 行 88) takes in that answer, never a yes to a card beside
    # it; after "answered", a yes with words of the answer taken in (好的明白) too — the card waits for its own 对.
    last_answer: Literal["", "answered", "beside_card"] = ""
    # The waiting card is the speaker's own (我自己是退伍军人… in a conversation about someone else): 对
    # starts their own check, 不用了 keeps the other person's.
    pending_for_speaker: bool = False
    # The other people checked in this conversation, set aside (the speaker's own while a relative is
    # checked): /forget and retention delete them with the rest of the session; 重新开始 clears them.
    others: tuple[Subject, ...] = Field(default=(), max_length=MOST_SUBJECTS - 1)
    # Session 40 (chat54): the date fact the last turn asked the year of (今年七月份毕业的 on 2027-01-03, a thing done
    # dated ahead): the date the next message gives (是去年七月) is its value, and the card waiting is shown with it.
    unsure: str | None = None
    # Session 43 (chat57): a digest of the check's results as last shown to the person (None: never shown, or shown for
    # a record since cleared). A confirmed card whose results equal them is said in one line; a check that finished
    # without its results ever being shown (a place corrected on a card before they went out) shows them in full.
    results_seen: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_the_two_retired_flags(cls, data: Any) -> Any:
        """A session stored before session 37 carries answered_last and card_behind_answer: read as last_answer
        (a card shown beside the answer wins), so a person mid-conversation across the upgrade keeps its meaning."""
        if not isinstance(data, dict) or ("answered_last" not in data and "card_behind_answer" not in data):
            return data
        data = dict(data)
        answered, beside = bool(data.pop("answered_last", False)), bool(data.pop("card_behind_answer", False))
        data.setdefault("last_answer", "beside_card" if beside else "answered" if answered else "")
        return data


class Outcome(Model):
    """The result of one turn. `state` None means: delete everything stored for this person."""

    state: SessionState | None
    replies: tuple[Reply, ...]
    # The typed message told something of the person or of someone they ask for (我是大学生, 说错了，我在资阳):
    # for the staff's answer log — a 不对 before new facts corrects those facts, not the answer before.
    told: bool = False
