"""Button action ids: short ASCII strings (Telegram callback data ≤ 64 bytes), never Chinese.

cmd:<command>          a command (check, profile, reset, forget, sources, help); forget only asks:
                       cmd:erase (pressed, never typed) deletes, cmd:keep cancels
ans:<question>:<i>     answer the pending question with its option number i
tick:<group>:<i>       tick or untick option i of the pending 可多选 question
done:<group>           submit the ticked options
none:<group>           none of the options of the pending 可多选 question (都不是)
ok | fix | drop        confirm, correct or discard what was understood from a self-description
clause:<clause id>     show a clause's full text
ask:<measure id>       ask another region's version of a measure (吉林省的初创企业补贴标准是多少？), offered
                       under an answer whose place's measure states no figure
more                   every benefit not qualified for, with the reasons
who:<self|new|person>  whose check: back to the speaker's own, one for a relative, a relative set aside (daughter)
"""

from __future__ import annotations

from dataclasses import dataclass

CONFIRM = "ok"
FIX = "fix"
DROP = "drop"
MORE = "more"
ERASE = "cmd:erase"


def command(name: str) -> str:
    return f"cmd:{name}"


def answer(question: str, index: int) -> str:
    return f"ans:{question}:{index}"


def tick(group: str, index: int) -> str:
    return f"tick:{group}:{index}"


def done(group: str) -> str:
    return f"done:{group}"


def none_of(group: str) -> str:
    return f"none:{group}"


def clause(clause_id: str) -> str:
    return f"clause:{clause_id}"


def ask(measure_id: str) -> str:
    return f"ask:{measure_id}"


@dataclass(frozen=True)
class Action:
    kind: str
    target: str = ""
    index: int | None = None


def parse(action: str) -> Action | None:
    """The action a button id stands for, or None for anything malformed (never an exception)."""
    kind, _, rest = action.partition(":")
    if kind in {CONFIRM, FIX, DROP, MORE} and not rest:
        return Action(kind)
    if kind in {"cmd", "done", "none", "clause", "who", "ask"} and rest:
        return Action(kind, rest)
    if kind in {"ans", "tick"}:
        target, _, index = rest.rpartition(":")
        if target and index.isdigit() and len(index) <= 3:
            return Action(kind, target, int(index))
    return None
