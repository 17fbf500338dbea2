"""A group chat as staff save it (a 微信群 or QQ群 export, a 钉钉 thread copied out): messages, each stamped with its
day and time and its sender, one after another with no blank line and no numbering of their own.

A message alone is no unit of meaning: the 劳动保障协理员 posts a measure (①【一次性创业资助】…10000元), residents ask
under it (我系湖南人 得唔得？) and her answers (@何姐 得㗎，唔限户籍…) settle who it is for. The unit is the thread: a
message of the chat's informant — the sender who speaks for the office (`_informant`) — that answers no one (no @),
with every message after it up to the informant's next such message; another sender's message that states a figure
is left out (a resident's hearsay or sum grants nothing). What comes before the first thread that states a
figure or a date (the export's header, a greeting, pictures) is the preamble.

Two export layouts are read: the stamp and sender before the words on one line (2026-11-03 09:30 梁姑娘：…), and the
sender and stamp on a line of their own over the words (梁姑娘 2026-11-03 09:30 / …, as a PC client copies them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.labels import DAY_STAMP, SENDER_STAMP, Style
from knowledge.normalize import Paragraph
from knowledge.outline import Emitted, Node

# 2026-11-03 09:30 金榜社区-梁姑娘（劳动保障协理员）：… (read on normalized text too, whose spaces are gone:
# 2026-11-0309：30)
_STAMP_FIRST = re.compile(rf"^\s*{DAY_STAMP}\s*([^\s:：@\d][^:：]{{0,40}}?)\s*[:：]\s*(.*)$")
# 梁姑娘（劳动保障协理员） 2026-11-03 09:30 — the words on the lines below
_SENDER_FIRST = SENDER_STAMP
_MONEY = re.compile(r"\d\s*(?:万元|元|%)")
_DATED = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*个(?:月|工作日)")
_ADDRESSED = re.compile(r"^\s*[@＠]")
# A message that holds nothing to read: a picture, a sticker, a file, or stickers alone ([强][强]).
_NO_WORDS = re.compile(r"^\s*(?:\[[^\[\]]{1,8}\]\s*)+$")
# A chat is read as one when it holds this many messages, opening a third of its lines or more (a message stamped on
# a line of its own has its words on the next), after an export header of a few lines at most.
_FEWEST_MESSAGES = 6
_SHARE = 1 / 3
_LONGEST_HEADER = 10
# How a thread is cited.
CHAT_LABEL = "第{}部分"


@dataclass
class _Message:
    sender: str
    words: str
    paragraphs: list[Paragraph]


def _messages(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[_Message]]:
    """The lines before the first message (the export's header) and the messages, each with its lines."""
    header: list[Paragraph] = []
    messages: list[_Message] = []
    for para in paragraphs:
        line = para.text
        if stamped := _STAMP_FIRST.match(line):
            messages.append(_Message(stamped.group(1).strip(), stamped.group(2), [para]))
        elif sender := _SENDER_FIRST.match(line):
            messages.append(_Message(sender.group(1).strip(), "", [para]))
        elif messages:
            messages[-1].paragraphs.append(para)
            messages[-1].words += para.text
        else:
            header.append(para)
    return header, messages


def is_chat(paragraphs: list[Paragraph]) -> bool:
    """Whether a text is a chat export: enough stamped messages, opening a good share of its lines."""
    header, messages = _messages(paragraphs)
    return (
        len(messages) >= _FEWEST_MESSAGES
        and len(header) <= _LONGEST_HEADER
        and len(messages) >= _SHARE * len(paragraphs)
    )


def is_chat_text(lines: list[str]) -> bool:
    """`is_chat` of a text's lines (intake reads facts from lines)."""
    return is_chat([Paragraph(text=line, original=line) for line in lines])


# A message passing on a notice: 【转发】…, 转：…, or a 文号 cited in it (顺人社发〔2026〕41号).
_FORWARDS = re.compile(
    r"^\s*(?:【转发】|\[转发\]|转发[:：]?|转[:：])|[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,4}\s*号"
)
# A sender who speaks for the office: its worker's role, or the office itself, in the name the group shows
# (大良街道-陈社工, 街道人社站-小陈, 金榜社区-梁姑娘（劳动保障协理员）, 群主).
_OFFICE = re.compile(r"协理员|社工|工作人员|专干|专员|网格员|群主|管理员|人社|社保|就业|街道|社区|村委|居委|局|站|中心")


# A message that passes a notice on (【转发】…, 转：…) and the notice's 文号, else its heading, that tells it apart.
_FORWARD_MARK = re.compile(r"^\s*(?:【转发】|\[转发\]|转发[:：]|转[:：])\s*([^（(，,。]{4,80})")
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,4}\s*号")


def _forwarded(words: str) -> str | None:
    mark = _FORWARD_MARK.match(words)
    if mark is None:
        return None
    number = _NUMBER.search(words)
    return number.group(0) if number else mark.group(1)


def _of_first_notice(messages: list[_Message]) -> list[_Message]:
    """The messages a chat's document is made of: once a message forwards another notice than the first one
    forwarded (顺德's, then 南海's), what follows belongs to that notice, not to the document the chat is read as
    (intake names it for staff) — until the first notice is forwarded again."""
    first: str | None = None
    current: str | None = None
    kept: list[_Message] = []
    for message in messages:
        if notice := _forwarded(message.words):
            first, current = first or notice, notice
        if current == first:
            kept.append(message)
    return kept


def _informant(messages: list[_Message]) -> str:
    """The sender who speaks for the office, as a reader of the chat would take it: who forwards the notice, else
    who is named as the office's worker (社工, 协理员, 人社站-…, 群主), else who posts the most messages stating a
    figure. A resident who pastes a list of figures in one message (我在南海那边看到的是：…10000元…) speaks for no
    one — counting figures made him the informant and his paste the group's measures."""

    def rank(sender: str) -> tuple[bool, bool, int]:
        own = [m for m in messages if m.sender == sender]
        return (
            any(_FORWARDS.search(m.words) for m in own),
            bool(_OFFICE.search(sender)),
            sum(1 for m in own if _MONEY.search(m.words)),
        )

    return max(dict.fromkeys(m.sender for m in messages), key=rank)


def _opens_thread(message: _Message, informant: str) -> bool:
    return message.sender == informant and not _ADDRESSED.match(message.words) and not _NO_WORDS.match(message.words)


def chat_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """A chat export's threads as clauses (see the module's docstring); no clauses for a text that is no chat."""
    if not is_chat(paragraphs):
        return [p.text for p in paragraphs], [], []
    header, messages = _messages(paragraphs)
    messages = _of_first_notice(messages)
    informant = _informant(messages)
    threads: list[list[_Message]] = []
    for message in messages:
        if not threads or _opens_thread(message, informant):
            threads.append([])
        threads[-1].append(message)
    preamble = [p.text for p in header]
    while len(threads) > 1 and not any(_MONEY.search(m.words) or _DATED.search(m.words) for m in threads[0]):
        preamble += [p.text for m in threads.pop(0) for p in m.paragraphs]
    emitted = []
    for thread in threads:
        # a message's stamp and sender are nobody's words: the thread says, and is quoted as, its messages' words as
        # written (a stamp on a line of its own says nothing)
        part = [
            (said, _said(p.original) or said)
            for m in _read(thread, informant)
            for p in m.paragraphs
            if (said := _said(p.text))
        ]
        if not part:
            continue
        node = Node(label=None, text=part[0][0], original=part[0][1], part=0, rank=Style.CN)
        emitted.append(Emitted(node, [], [text for text, _ in part], [original for _, original in part], None, []))
    return preamble, emitted, []


def _read(thread: list[_Message], informant: str) -> list[_Message]:
    """The messages of a thread its clause holds: the informant's, and the others' questions and replies that state
    no figure — a resident's figure (hearsay of another district, a worked example 合共9000元, a question quoting a
    sum) is nobody's grant."""
    return [m for m in thread if m.sender == informant or not _MONEY.search(m.words)]


def _said(line: str) -> str:
    """What a line of a chat says: a message's words without the day stamp and the sender before them; nothing for a
    line of sender and stamp alone (a PC client's heading over the words)."""
    if stamped := _STAMP_FIRST.match(line):
        return stamped.group(2)
    return "" if _SENDER_FIRST.match(line) else line
