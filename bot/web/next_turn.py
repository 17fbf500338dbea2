"""What a person's next typed message says of the answer just given — for the staff queue of answers
that were given but missed (issue 12): the message says so (不对, 我问的是…, 答非所问, 没用), or it asks
the same thing again in other words. The words are data (`data/next_turn.yaml`); what counts as the
same question is the dialogue's own reading of each (its thread's intent with the kind of figure asked,
place and topic terms, `Thread.asked_key`), never the wording.

Not a miss (session 34): a message that tells something of the person (说错了，我是资阳的; 不对 我是大学生; 我是
大学生，能贷多少) — the dialogue's own reading (`Outcome.told`): its 不对 corrects what they said, its question
asks again with new facts; only a phrase about the answer itself (我问的是…, 没回答我) still says it missed. Nor
is another aspect of the same measure (能贷多少 then 利息怎么算: another kind of figure), nor thanks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

CUES_FILE = Path(__file__).resolve().parent / "data" / "next_turn.yaml"
NextTurn = Literal["rebuffed", "reasked", "quiet"]
# A leading word says the answer missed only where it ends: 不对， 不对吧 — not 不是退役军人, 没用过.
_ENDS = r"(?=$|[\s，。！？、,.!?~～…：:；;）)]|[吧啊呀哦嘛呢哈啦的]|你)"


class _Cues(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    anywhere: tuple[str, ...]
    leading: tuple[str, ...]
    answers_too: tuple[str, ...]
    fillers: tuple[str, ...]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    cues = _Cues.model_validate(yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")))
    anywhere = re.compile("|".join(map(re.escape, sorted(cues.anywhere, key=len, reverse=True))))
    fillers = "|".join(map(re.escape, sorted(cues.fillers, key=len, reverse=True)))
    leading = "|".join(map(re.escape, sorted(cues.leading, key=len, reverse=True)))
    start = re.compile(rf"^[\s，。！？,.!?…~～]*(?:(?:{fillers})[\s，,]*)*(?P<cue>{leading}){_ENDS}")
    return anywhere, start, frozenset(cues.answers_too)


def warm() -> None:
    """Read the cue words once, before a server's first turn, not in the first turn that follows an answer."""
    _patterns()


def says_it_missed(message: str, told: bool = False) -> bool:
    """The message says the answer before it missed: 不对，我要的是补贴, 我问的是利息, 这答非所问, 没用。 A word that
    also answers a question (不是, 不对) alone says nothing of the answer: the bot may have asked one after it.
    `told`: the message tells something of the person — a leading 不对/说错了 then corrects what they said."""
    anywhere, start, answers_too = _patterns()
    text = message.strip()
    if anywhere.search(text):
        return True
    if told:
        return False
    found = start.search(text)
    if found is None:
        return False
    rest = re.sub(r"[\W_吧啊呀哦嘛呢哈啦的]+", "", text[found.end() :])
    return found.group("cue") not in answers_too or len(rest) >= 2


def asks_the_same(before: str | None, now: str | None) -> bool:
    """Two `asked` keys (intent | place | topic terms) read as one question asked twice: the same kind
    of thing asked, of the same place, about the same topic — one's terms all among the other's (那农民工呢
    after 大学生创业补贴 asks of another group: not the same). A key with no topic says nothing."""
    if not before or not now:
        return False
    intent_a, place_a, topic_a = [*before.split("|", 2), "", ""][:3]
    intent_b, place_b, topic_b = [*now.split("|", 2), "", ""][:3]
    terms_a, terms_b = set(filter(None, topic_a.split("、"))), set(filter(None, topic_b.split("、")))
    same_topic = bool(terms_a & terms_b) and (terms_a <= terms_b or terms_b <= terms_a)
    return bool(intent_a) and intent_a == intent_b and place_a == place_b and same_topic


# 那农民工呢 / 那贴息呢: the person moves on to another case of the same question (the dialogue reads it
# against its thread, so the thread's topic stays) — never the same question asked again.
_ANOTHER_CASE = re.compile(r"^\s*那(?:个|么)?[^，。？！,.?!]{1,12}呢")


def next_turn(message: str, asked_before: str | None, asked_now: str | None, told: bool = False) -> NextTurn:
    """What the next typed message says of the answer before it. `told`: the dialogue read the message as
    telling something of the person (`Outcome.told`): asked again with new facts, the question is no re-ask."""
    if says_it_missed(message, told):
        return "rebuffed"
    if not told and not _ANOTHER_CASE.match(message) and asks_the_same(asked_before, asked_now):
        return "reasked"
    return "quiet"
