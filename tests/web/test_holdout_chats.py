"""The held-out chats of issue 12 (tests/dialogue/holdout/chats_holdout.yaml) through POST /api/chat.

Written by someone who never saw the code, in their own format; this adapter maps it onto what the
API returns, mechanically and the same way for every turn, and reports the pass figures (run with
`-s` to see them; `POLICYBOT_HOLDOUT_REPORT=path` also writes every failed turn there). Never tune
the product on this file: it measures, it does not steer.

A turn passes when
- `kind` matches: `answer` → an answer citing clauses; `no_answer` / `region_not_covered` → an
  answer citing none — and, in a set whose header says `no_answer` also covers empty or emoji-only
  input and clause numbers that do not exist with a polite "please rephrase" (set 9; set 11 says
  "what would you like to ask", set 12 "ask what they need"), a polite notice citing nothing is one
  too; `confirm_facts` → a confirmation card; `interview_question` → the last reply is a question (or the results, when
  nothing is left to ask); `error_message` → a polite notice, or a Chinese error from the API;
  `closing` (谢谢 / 好的 / 再见 / 你说的不对 after an answer) → a short polite reply: no answer at all
  (neither citing clauses nor saying the documents have none), a first reply of at most 120
  characters, and no reply repeating a reply of the turn before;
- `cites`: at least one of the listed clauses is cited (all of them is reported too);
- `facts`: the ones with a machine-checkable meaning — `region` and `graduated` (the graduation
  date's year); other keys are described in words and are not checked. `region` is judged by the
  administrative-division table (knowledge's Gazetteer), not by the name: the stored or pending place
  is the expected one or lies inside it (长春 → 长春市; 通江县 is inside 巴中; 宝丰县（平顶山） →
  宝丰县). The report also counts the turns a judge comparing names alone would fail (the figure
  before 2026-12-02, when 通江县 against 巴中 failed);
- and, whatever the file says, a turn expected to be answered from the documents leaves the stored
  facts as they were (a question never changes the profile).
`must_not` and `note` are prose for a human reader and are not checked.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from bot.dialogue.types import Reply, SessionState
from bot.settings import Settings
from bot.web.app import create_app
from bot.web.schemas import ChatResponse
from bot.web.services import WebServices, build_services
from knowledge.kb import KnowledgeBase
from knowledge.regions import Gazetteer, Place

HOLDOUT_DIR = Path(__file__).parents[1] / "dialogue" / "holdout"
# Set 1 (session 5) has since been read by the team and is a dev set now; so has set 2 (session 7), read in
# session 10 (its figure then: 22/45 chats, 153/194 turns), and set 3 (session 10, task hc3), read in
# session 11 (its figure then: 27/45 chats, 167/193 turns; failed checks included graduated 7, cites 14,
# kind:answer 9). All three are run as dev sets, for their figures. Set 4 (session 11, task hc4; first run on
# b6f9efd: 24/45 chats, 158/195 turns with `closing` judged) was read in session 12 (task chat7; its figure
# then: 26/45 chats, 163/195 turns) and is a dev set too.
# Set 5 (session 12, task hc5; first run 19/45 chats, 142/198 turns) was read in session 13 (task chat8; its
# figure then: 23/45 chats, 154/198 turns) and is a dev set too.
# Set 6 (session 13, task hc6) was read in session 14 (task chat9; its figure then: 25/45 chats, 164/189 turns)
# and is a dev set too; so is set 7 (session 14, task hc7), read in session 15 (task chat10; its figure then:
# 28/45 chats, 170/198 turns).
# Set 8 (session 15, task hc8) was read in session 16 (task chat11; its figure then: 31/45 chats, 185/204 turns)
# and is a dev set too; so is set 9 (session 16, task hc9), read in session 17 (task chat12; its figure then:
# 16/45 chats, 157/208 turns). Set 10 (session 16) was read in session 18 (task chat13; its figure then: 16/45
# chats, 161/227 turns) and is a dev set too; so is set 11 (session 18, task hc11), read in session 19 (task
# chat14; its figure then, on 79c0336: 13/45 chats, 138/201 turns). Set 12 (session 19, task hc12) was read in
# session 20 (task chat15; its figure then, on e43bdd2: 15/45 chats, 160/210 turns) and is a dev set too.
# Set 14 (session 21, task hc14) was read in session 22 (task chat17; its figure then, on 89dc410: 9/45 chats,
# 140/209 turns) and is a dev set too; so is set 15 (session 22, task hc15), read in session 23 (task chat18; its
# figure then, on 29d5b4f: 20/45 chats, 151/201 turns).
# Set 16 (session 23, task hc16) was read in session 24 (task chat20; its figure then, on e78a979: 15/45 chats,
# 142/207 turns) and is a dev set too.
# Set 20 (session 27, task hc20) was read in session 28 (task chat29; its figure then, on de4fc1e: 6/45 chats,
# 120/203 turns) and is a dev set too.
HOLDOUTS = (
    "chats_holdout.yaml",
    "chats_holdout2.yaml",
    "chats_holdout3.yaml",
    "chats_holdout4.yaml",
    "chats_holdout5.yaml",
    "chats_holdout6.yaml",
    "chats_holdout7.yaml",
    "chats_holdout8.yaml",
    "chats_holdout9.yaml",
    "chats_holdout10.yaml",
    "chats_holdout11.yaml",
    "chats_holdout12.yaml",
    "chats_holdout13.yaml",
    "chats_holdout14.yaml",
    "chats_holdout15.yaml",
    "chats_holdout16.yaml",
    "chats_holdout17.yaml",
    "chats_holdout18.yaml",
    "chats_holdout19.yaml",
    "chats_holdout20.yaml",
    "chats_holdout21.yaml",
    "chats_holdout22.yaml",
    "chats_holdout23.yaml",
    "chats_holdout24.yaml",
    "chats_holdout25.yaml",
    "chats_holdout26.yaml",
    "chats_holdout27.yaml",
    "chats_holdout28.yaml",
    "chats_holdout29.yaml",
    "chats_holdout30.yaml",
    "chats_holdout31.yaml",
    "chats_holdout32.yaml",
    "chats_holdout33.yaml",
    "chats_holdout34.yaml",
    "chats_holdout35.yaml",
    "chats_holdout36.yaml",
    "chats_holdout37.yaml",
    "chats_holdout38.yaml",
)
ANSWERED_KINDS = {"answer", "no_answer", "region_not_covered"}
_PLACE_SUFFIX = re.compile(r"[省市县区]$")


class Clock:
    def __init__(self) -> None:
        self.day = date.today()

    def __call__(self) -> date:
        return self.day


@dataclass
class Tally:
    places: Gazetteer
    conversations: Counter[str] = field(default_factory=Counter)
    passed: Counter[str] = field(default_factory=Counter)
    turns: int = 0
    turns_passed: int = 0
    all_cited: int = 0
    with_cites: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    # The same turns judged as before 2026-12-02, comparing place names (the figure to compare with).
    passed_by_name: int = 0
    turns_passed_by_name: int = 0
    server_errors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    # The set's header counts a polite "please rephrase" notice as `no_answer` (set 9 on).
    rephrase_is_no_answer: bool = False
    # The header counts thanks (sets 14, 22) or goodbyes (set 25) as `no_answer` with a polite reply: a closing.
    thanks_is_no_answer: bool = False


# The convention's line and its indented continuation lines (#    and clause numbers…).
_NO_ANSWER_CONVENTION = re.compile(r'^#.*"no_answer"\s*=(.*(?:\n#\s{3,}.*)*)', re.MULTILINE)


# What a header's `no_answer` convention may name as the reply to empty or emoji-only input: a polite
# "please rephrase" (set 9), a polite "what would you like to ask" (set 11) or "ask what they need" (set 12) —
# each a notice asking again.
_ASKS_AGAIN = re.compile(r"rephrase|what would you like to ask|ask what they need")


# A header line saying what thanks expect, in its own words (set 22: "A closing turn that is only thanks
# (谢谢/谢了) … expects no_answer: a short courtesy reply or a polite refusal"), with its continuation lines.
_THANKS_CONVENTION = re.compile(r"^#.*\bthanks\b.*\bno_answer\b(.*(?:\n#\s{3,}.*)*)", re.MULTILINE)


# A header line saying what goodbyes expect (set 25: "Goodbyes (先这样 / 886 / 谢了), lone emoji / 👍 / ？ are
# no_answer or clarify: the assistant must not cite a clause for them"), with its continuation lines.
_GOODBYE_CONVENTION = re.compile(r"^#\s*goodbyes?\b.*\bno_answer\b(.*(?:\n#\s{3,}.*)*)", re.MULTILINE | re.IGNORECASE)


def _says_thanks_is_no_answer(text: str) -> bool:
    """The header's `no_answer` convention covers thanks with a polite reply (set 14: "also off-topic
    chit-chat and thanks: a polite …"; set 22: thanks "expects no_answer: a short courtesy reply"; set 25:
    goodbyes and lone emoji are no_answer that "must not cite a clause"): the product's short polite reply
    to thanks, citing nothing, is that reply — judged as a `closing` is."""
    found = _NO_ANSWER_CONVENTION.search(text)
    if found is not None and re.search(r"\bthanks\b.*\bpolite\b", found.group(1)) is not None:
        return True
    told = _THANKS_CONVENTION.search(text)
    if told is not None and re.search(r"\b(?:courtesy|polite)\b", told.group(1)) is not None:
        return True
    bye = _GOODBYE_CONVENTION.search(text)
    return bye is not None and re.search(r"\b(?:courtesy|polite|not cite)\b", bye.group(1)) is not None


def _says_rephrase_is_no_answer(text: str) -> bool:
    """The header's `no_answer` convention names a polite reply asking again (to empty or emoji-only
    input, a clause number that does not exist): a notice asking to rephrase is that reply."""
    found = _NO_ANSWER_CONVENTION.search(text)
    return found is not None and _ASKS_AGAIN.search(found.group(1)) is not None


@pytest.fixture(scope="module")
def holdout_clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def holdout_services(
    kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory, holdout_clock: Clock
) -> Iterator[WebServices]:
    url = f"sqlite:///{tmp_path_factory.mktemp('holdout') / 'holdout.sqlite3'}"
    built = build_services(Settings(database_url=url, web_rate_limit=""), kb=kb, clock=holdout_clock)
    yield built
    built.close()


@pytest.mark.parametrize("name", HOLDOUTS)
def test_held_out_chats_report_their_pass_figure(
    kb: KnowledgeBase, holdout_services: WebServices, holdout_clock: Clock, name: str
) -> None:
    text = (HOLDOUT_DIR / name).read_text(encoding="utf-8")
    chats = yaml.safe_load(text)
    tally = Tally(
        places=kb.gazetteer,
        rephrase_is_no_answer=_says_rephrase_is_no_answer(text),
        thanks_is_no_answer=_says_thanks_is_no_answer(text),
    )
    with TestClient(create_app(holdout_services), base_url="http://testserver") as client:
        for chat in chats:
            holdout_clock.day = chat["as_of"]
            tally.conversations[chat["class"]] += 1
            passed, passed_by_name = _run_chat(client, holdout_services, chat, tally)
            tally.passed[chat["class"]] += passed
            tally.passed_by_name += passed_by_name
    report = f"{name}\n" + _report(tally)
    print(report)
    target = os.environ.get("POLICYBOT_HOLDOUT_REPORT")
    if target:
        Path(target).with_suffix(f".{Path(name).stem}.txt").write_text(
            report + "\n\n" + "\n".join(tally.lines), encoding="utf-8"
        )
    assert not tally.server_errors, tally.server_errors
    assert tally.turns == sum(len(chat["turns"]) for chat in chats)


def _run_chat(client: TestClient, services: WebServices, chat: dict[str, Any], tally: Tally) -> tuple[bool, bool]:
    """Whether the chat passes, judged by the division table and by place names alone."""
    session_id: str | None = None
    chat_passed = chat_passed_by_name = True
    previous: tuple[Reply, ...] = ()
    for number, turn in enumerate(chat["turns"], start=1):
        key = services.conversations.key_of("web", session_id) if session_id else None
        before = (services.conversations.state(key) if key else None) or SessionState()
        payload: dict[str, Any] = {"message": turn["user"]}
        if session_id:
            payload["session_id"] = session_id
        response = client.post("/api/chat", json=payload)
        replies: tuple[Reply, ...] = ()
        if response.status_code >= 500:
            tally.server_errors.append(f"{chat['id']} #{number}: {response.status_code}")
        elif response.status_code == 200:
            body = ChatResponse.model_validate(response.json())
            session_id = body.session_id
            replies = tuple(body.replies)
        key = services.conversations.key_of("web", session_id) if session_id else None
        after = (services.conversations.state(key) if key else None) or SessionState()
        problems = _judge(turn["expect"], replies, response.status_code, before, after, tally, previous, turn["user"])
        previous = replies
        tally.turns += 1
        by_name = [p for p in problems if p != "fact:region"]
        region = (turn["expect"].get("facts") or {}).get("region")
        if region is not None and not _names_region(region, after):
            by_name.append("fact:region")
        tally.turns_passed_by_name += not by_name
        chat_passed_by_name = chat_passed_by_name and not by_name
        if problems:
            chat_passed = False
            tally.failures.update(problems)
            shown = " | ".join(f"[{r.kind}] {r.text[:80]}" for r in replies).replace("\n", " ")
            tally.lines.append(f"{chat['id']} ({chat['class']}) #{number} {problems}: {shown}")
        else:
            tally.turns_passed += 1
    return chat_passed, chat_passed_by_name


def _judge(
    expect: dict[str, Any],
    replies: tuple[Reply, ...],
    status: int,
    before: SessionState,
    after: SessionState,
    tally: Tally,
    previous: tuple[Reply, ...] = (),
    user: str = "",
) -> list[str]:
    problems: list[str] = []
    kind = str(expect["kind"])
    thanked = (
        kind == "no_answer"
        and tally.thanks_is_no_answer
        and _says_closing(str(user))
        and _is_closing(replies, previous)
    )
    if not thanked and not _kind_matches(
        kind, replies, status, previous, rephrase_is_no_answer=tally.rephrase_is_no_answer
    ):
        problems.append(f"kind:{kind}")
    wanted = set(expect.get("cites") or ())
    if wanted:
        cited = {c for r in replies if r.kind == "answer" for c in r.clause_ids}
        tally.with_cites += 1
        tally.all_cited += wanted <= cited
        if not wanted & cited:
            problems.append("cites")
    for fact, value in (expect.get("facts") or {}).items():
        if not _fact_matches(str(fact), value, after, tally.places):
            problems.append(f"fact:{fact}")
    if kind in ANSWERED_KINDS and after.profile != before.profile:
        problems.append("profile_changed_by_question")
    return problems


def _kind_matches(
    kind: str,
    replies: tuple[Reply, ...],
    status: int,
    previous: tuple[Reply, ...] = (),
    rephrase_is_no_answer: bool = False,
) -> bool:
    answers = [r for r in replies if r.kind == "answer"]
    if kind == "closing":
        return _is_closing(replies, previous)
    if kind == "answer":
        return any(r.citations for r in answers)
    if kind in {"no_answer", "region_not_covered"}:
        if kind == "no_answer" and rephrase_is_no_answer and not answers:
            return bool(replies) and replies[0].kind == "notice"
        return bool(answers) and not any(r.citations for r in answers)
    if kind == "confirm_facts":
        return any(r.kind == "confirm" for r in replies)
    if kind == "interview_question":
        return bool(replies) and replies[-1].kind in {"question", "results"}
    if kind == "error_message":
        return (400 <= status < 500) or any(r.kind == "notice" for r in replies)
    if kind == "clarify":
        # (set 14's header) empty-ish, emoji-only or ambiguous input: asked to restate, nothing cited
        # and no card of facts read into it.
        return (400 <= status < 500) or (
            bool(replies) and not any(r.citations for r in answers) and not any(r.kind == "confirm" for r in replies)
        )
    return False


CLOSING_CHARS = 120
# What the person says when the header's thanks/goodbye convention applies: thanks, a goodbye, taking the answer in, a
# complaint about it, or no word at all (👍, ？). The runner's own list — never the product's vocabulary — so a
# no_answer turn that asks something (帮我写个简历, 多久到账) is judged by its kind, not passed as a courtesy.
_CLOSING_WORDS = re.compile(
    r"谢|再见|拜拜|拜了|886|88|先这样|就这样|不问了|不弄了|不查了|不用了|算了|没事了|好的|好嘞|知道了|明白了|晓得了|懂了|行了|不对|说错|"
    r"ok|OK|thank|bye",
)


# A message that asks or requests something (多久到账, 今年的目标呢, 帮我写个简历) is no closing, however short.
_ASKS = re.compile(r"[？?吗么呢啥哪怎咋几谁]|什么|多少|多久|能不能|有没有|是不是|可不可以|帮|给我|请|写|查|要")
_SHORT_SAYING = 8


def _says_closing(user: str) -> bool:
    """The person's message is thanks, a goodbye, a word on the last answer, no word at all (emoji, ？), or a short
    saying that asks nothing (嗯, 哦, 算了 不弄了)."""
    text = re.sub(r"\s+", "", user)
    return (
        bool(_CLOSING_WORDS.search(text))
        or not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", text)
        or (len(text) <= _SHORT_SAYING and not _ASKS.search(text))
    )


def _is_closing(replies: tuple[Reply, ...], previous: tuple[Reply, ...]) -> bool:
    """A short polite reply to 谢谢 / 再见 / 你说的不对: no answer (cited or not), a short first reply,
    and nothing said again from the turn before (the last answer repeated is no closing)."""
    if not replies or any(r.kind == "answer" for r in replies) or len(replies[0].text) > CLOSING_CHARS:
        return False
    said_before = {r.text for r in previous if r.kind in {"answer", "results", "clause"}}
    return not any(r.text in said_before for r in replies)


def _fact_matches(fact: str, value: Any, state: SessionState, places: Gazetteer) -> bool:
    """Only `region` and `graduated` have a meaning a machine can check; other facts pass."""
    known = {**state.profile, **state.pending}
    if fact == "region":
        return _is_within_region(value, str(known.get("region") or ""), places)
    if fact == "graduated" and isinstance(value, int):
        return str(known.get("graduation_date") or "").startswith(str(value))
    return True


def _is_within_region(value: Any, stored: str, places: Gazetteer) -> bool:
    """The stored place is an expected one (巴中 / 通江) or lies inside it in the division table:
    通江县 is inside 巴中市, 吉林市 inside 吉林省; 吉林省 is not inside 吉林市."""
    found = places.find(stored) if stored else []
    if not found:
        return False
    place = max(found, key=lambda p: p.level)
    for expected in _expected_names(value):
        areas = places.find(expected)
        if any(_contains(area, place) for area in areas):
            return True
        # A short name the table does not hold (石龙 for 石龙区: the header writes the place "as the user
        # named it", less its suffix) is compared by name, as before 2026-12-02.
        stem = _PLACE_SUFFIX.sub("", expected)
        if not areas and stem and stem in stored:
            return True
    return False


def _contains(area: Place, place: Place) -> bool:
    if area.level == 1:
        return place.province_code == area.province_code
    if area.level == 2:
        return place.level >= 2 and place.city_code == area.city_code
    return place.code == area.code


def _names_region(value: Any, state: SessionState) -> bool:
    """The name-only judge used before 2026-12-02: the expected name's stem is in the stored name."""
    place = str({**state.profile, **state.pending}.get("region") or "")
    stems = [_PLACE_SUFFIX.sub("", name) for name in _expected_names(value)]
    return bool(place) and any(stem and stem in place for stem in stems)


def _expected_names(value: Any) -> list[str]:
    """巴中/通江 → 巴中, 通江; 宝丰县（平顶山） → 宝丰县 (the bracket only says where it is)."""
    return [re.split(r"[（(]", v)[0].strip() for v in str(value).split("/") if v.strip()]


def _report(tally: Tally) -> str:
    total = sum(tally.conversations.values())
    lines = [
        f"held-out chats: {sum(tally.passed.values())}/{total} conversations pass, "
        f"{tally.turns_passed}/{tally.turns} turns pass "
        f"(all listed clauses cited on {tally.all_cited}/{tally.with_cites} turns with cites)",
    ]
    for name in sorted(tally.conversations):
        lines.append(f"  {name}: {tally.passed[name]}/{tally.conversations[name]}")
    lines.append("  failed checks: " + ", ".join(f"{k} {v}" for k, v in tally.failures.most_common()))
    lines.append(
        f"  judged as before 2026-12-02 (place names compared, not the division table): "
        f"{tally.passed_by_name}/{total} conversations, {tally.turns_passed_by_name}/{tally.turns} turns"
    )
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("expected", "stored", "same"),
    [
        ("巴中", "通江县", True),  # a county inside the expected city
        ("通江（巴中）", "通江县", True),
        ("长春", "长春市", True),
        ("吉林", "延吉市", True),  # 吉林 alone is the province
        ("资阳/乐至", "安岳县", True),
        ("巴中", "吉林省", False),
        ("吉林市", "吉林省", False),  # the province is wider than the city asked for
        ("通江", "平昌县", False),  # two counties of one city are not the same place
        ("平顶山", "", False),
        ("石龙", "石龙区", True),  # a short name the table does not hold: by name (set 11's 石龙)
        ("石龙", "湛河区", False),
    ],
)
def test_the_judge_reads_places_by_the_division_table(
    kb: KnowledgeBase, expected: str, stored: str, same: bool
) -> None:
    assert _is_within_region(expected, stored, kb.gazetteer) is same


def _reply(kind: str, text: str) -> Reply:
    return Reply.model_validate({"kind": kind, "text": text})


_ANSWER = _reply("answer", "按巴中市2018年文件，创业担保贷款（个人）没有写明具体金额或标准。")


@pytest.mark.parametrize(
    ("replies", "closing"),
    [
        ((_reply("notice", "不客气！还有别的问题随时问我。"),), True),
        ((_reply("notice", "好的。"), _reply("question", "您在哪个地方？")), True),  # the waiting question again
        ((_ANSWER,), False),  # the last answer repeated
        ((_reply("notice", _ANSWER.text),), False),  # repeated, whatever its kind
        ((_reply("answer", "抱歉，在收录的政策文件中没有找到……"),), False),  # 再见 looked up in the documents
        ((_reply("notice", "好" * (CLOSING_CHARS + 1)),), False),  # not short
        ((), False),
    ],
)
def test_a_closing_is_a_short_polite_reply_that_repeats_nothing(replies: tuple[Reply, ...], closing: bool) -> None:
    assert _is_closing(replies, (_ANSWER,)) is closing


@pytest.mark.parametrize(
    ("header", "says"),
    [
        (
            '#  - "no_answer" = nothing addresses it (also used for emoji-only or empty input,\n'
            '#    and clause numbers that do not exist: a polite "not covered / please rephrase").',
            True,
        ),
        (
            '#  - "no_answer" = nothing addresses it (also emoji-only input: a polite "please rephrase").',
            True,
        ),
        (
            '#  - "no_answer" = nothing addresses it (also off-topic chit-chat: a polite "not covered").',
            False,
        ),
        (  # set 12: chit-chat and empty/emoji input get a polite "not covered" or one asking what they need
            '#  - "no_answer" = nothing in the documents addresses it (also used for off-topic chit-chat and '
            'empty/emoji-only input: a polite "not covered" / ask what they need).',
            True,
        ),
        (  # set 11: empty or emoji input gets a polite "what would you like to ask" — a notice asking again
            '#  - "no_answer" = nothing addresses it (also empty/emoji input: a polite "not covered"/"what would '
            'you like to ask", no policy figures).',
            True,
        ),
    ],
)
def test_the_no_answer_convention_is_read_from_the_sets_header(header: str, says: bool) -> None:
    assert _says_rephrase_is_no_answer(header) is says


_REPHRASE = _reply("notice", "没看懂您的意思。可以直接问政策问题，例如“长春开店有补贴吗？”")


@pytest.mark.parametrize(
    ("header", "says"),
    [
        (  # set 14: thanks are no_answer with a polite reply
            '#  - kind "no_answer" = nothing in the documents addresses it (also off-topic chit-chat and thanks: '
            'a polite "not covered by the documents").',
            True,
        ),
        (  # set 22: a closing of thanks expects no_answer, a short courtesy reply
            "# A closing turn that is only thanks (谢谢/谢了) or an unrelated question expects no_answer: a short "
            "courtesy reply or a\n#   polite refusal, no new policy content, no profile reset.",
            True,
        ),
        ('#  - "no_answer" = nothing addresses it (also off-topic chit-chat: a polite "not covered").', False),
        ("# A thanks turn expects an answer citing nothing.", False),
        (  # set 25: goodbyes and lone emoji are no_answer or clarify, citing nothing
            "# Goodbyes (先这样 / 886 / 谢了), lone emoji / 👍 / ？ are no_answer or clarify: the assistant must not "
            "cite a clause for them.",
            True,
        ),
        ("# Goodbyes (先这样 / 886) are no_answer: an answer saying the documents do not cover it.", False),
    ],
)
def test_thanks_are_no_answer_only_where_the_header_says_so(header: str, says: bool) -> None:
    assert _says_thanks_is_no_answer(header) is says


@pytest.mark.parametrize(
    ("replies", "rephrase_is_no_answer", "matches"),
    [
        ((_REPHRASE,), True, True),
        ((_REPHRASE,), False, False),  # sets 1–8: no_answer is an answer citing nothing
        ((_ANSWER,), True, True),
    ],
)
def test_a_notice_is_no_answer_only_where_the_header_says_so(
    replies: tuple[Reply, ...], rephrase_is_no_answer: bool, matches: bool
) -> None:
    assert _kind_matches("no_answer", replies, 200, rephrase_is_no_answer=rephrase_is_no_answer) is matches


@pytest.mark.parametrize(
    ("user", "closes"),
    [
        ("谢了", True),
        ("先这样吧", True),
        ("嗯", True),
        ("👍", True),
        ("算了 问这么多 不弄了", True),
        ("帮我写个简历", False),
        ("多久到账", False),
        ("今年的目标呢", False),
        ("你到底能帮我干啥", False),
    ],
)
def test_the_thanks_convention_covers_only_a_closing_said(user: str, closes: bool) -> None:
    """The header's thanks/goodbye convention passes a short polite reply only where the person closed (review33b):
    a no_answer turn that asks something is judged by its kind."""
    assert _says_closing(user) is closes
