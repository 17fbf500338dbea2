"""Session 42 (task chat56, issue 12): follow-ups after a list point at one of its items; a place plus what one does
there is a place of work; 没人跟我说过 is no plain no; a figure or an English question about the last answer goes on
from it; an ok to an answer never confirms a card; an interview answer's extra facts are confirmed on the card.
Transcripts in transcripts_session42.yaml; the readings below, sentence by sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue.core import Dialogue
from bot.dialogue.items import pointed_item
from bot.dialogue.latin import follow_up_in_chinese
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.dialogue.types import Thread
from eligibility.questions import question_for

from .transcript import Run

TODAY = date(2027, 1, 17)
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_session42.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    today: date = case.get("today", TODAY)
    run = Run(Conversations(dialogue, store, clock=lambda: today), key="test:session42")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


LISTED = Thread(
    topic=("补贴",),
    region="吉林省",
    items=("jilin-2017-08", "jilin-2017-09", "jilin-2017-09"),
    item_names=(
        "高校毕业生自主创业、灵活就业社会保险补贴",
        "高校毕业生基层公共服务项目",
        "服务基层期满考核合格落实编制",
    ),
)

POINTED = [
    ("第二个呢", "高校毕业生基层公共服务项目"),
    ("第3项要什么条件", "服务基层期满考核合格落实编制"),
    ("最后一个去哪办", "服务基层期满考核合格落实编制"),
    ("创业那个能拿多少", "高校毕业生自主创业、灵活就业社会保险补贴"),
    ("那社保那项要啥条件", "高校毕业生自主创业、灵活就业社会保险补贴"),
    ("编制那个怎么落实", "服务基层期满考核合格落实编制"),
]


@pytest.mark.parametrize(("text", "name"), POINTED)
def test_an_item_of_the_list_is_named_by_its_place_or_a_piece_of_its_name(text: str, name: str) -> None:
    pointed = pointed_item(LISTED, text)
    assert pointed is not None and pointed.name == name, pointed


@pytest.mark.parametrize("text", ["那这个要什么条件", "这个能拿多少", "它去哪里申请"])
def test_a_bare_pointer_after_a_list_asks_which(text: str) -> None:
    pointed = pointed_item(LISTED, text)
    assert pointed is not None and pointed.name is None and len(pointed.among) == 3, pointed


@pytest.mark.parametrize("text", ["第二个呢", "那这个要什么条件"])
def test_no_item_is_pointed_at_without_a_list_of_several(text: str) -> None:
    one = Thread(topic=("补贴",), items=("jilin-2017-08",), item_names=("高校毕业生自主创业、灵活就业社会保险补贴",))
    assert pointed_item(one, text) is None
    assert pointed_item(None, text) is None


WORK_PLACES = [
    ("现在在巴州区送外卖", "巴州区", {"work_region"}, {}),
    ("我在通江跑滴滴", "通江县", {"work_region"}, {}),
    ("我在雁江摆摊卖水果", "雁江区", {"work_region"}, {}),
    ("家在资中，在雁江摆摊卖水果", "资中县", set(), {"work_region": "雁江区"}),
    ("住延吉，在平昌送快递", "延吉市", set(), {"work_region": "平昌县"}),
    # someone else's work is not the speaker's; a place near home named by no place name is none
    ("我在巴中，在家附近送外卖", "巴中市", set(), {}),
]


@pytest.mark.parametrize(("message", "region", "here", "apart"), WORK_PLACES)
def test_a_place_and_what_one_does_there_is_where_one_works(
    dialogue: Dialogue, message: str, region: str, here: set[str], apart: dict[str, str]
) -> None:
    described = dialogue.describer.describe(message, TODAY)
    assert described.facts.get("region") == region, described
    assert set(described.here) == here, described
    assert {f: v for f, v in described.facts.items() if f in {"work_region", "business_region"}} == apart, described


NEVER_TOLD = [
    # (fact asked, message, value read): 不清楚 (None), except where the question asks whether an office did it
    (("hard_to_employ",), "没人给我认定过", False),
    (("registered_unemployed",), "从来没人跟我说过要登记", False),
    (("disabled",), "没有人给我办过", False),
    (("overcapacity_worker",), "没人跟我说过这个", None),
    (("rural_labor",), "谁也没跟我讲过", None),
    (("employment_status",), "没人跟俺说过", None),
]


@pytest.mark.parametrize(("facts", "message", "value"), NEVER_TOLD)
def test_never_told_is_unknown_or_a_no_by_the_question_asked(
    dialogue: Dialogue, facts: tuple[str, ...], message: str, value: object
) -> None:
    question = question_for(facts, dialogue.interviewer.reader.facts)
    read = dialogue.interviewer.reader.read(question, message, TODAY)
    assert read is not None and read.raw == value, (question.text, read)


@pytest.mark.parametrize("message", ["没人跟我说过这个怎么办", "没有补贴", "没有", "没人", "我没去登记"])
def test_what_is_not_never_told(dialogue: Dialogue, message: str) -> None:
    assert not dialogue.words.never_told(message)


ASKED = [
    "那我想晚上去夜市摆个摊 让摆不",
    "有个厂说招登记失业半年以上的有补贴 我够半年了没",
    "老板说雇我满半年政府要奖他钱 满了没有",
    "我够条件没",
    "现在办了没有",
]
TOLD = ["我去年毕业了没找到工作", "厂里倒闭了 没有工作", "我毕业了 没有找到工作", "让我很不舒服"]


@pytest.mark.parametrize("message", ASKED)
def test_a_not_a_closing_a_phrase_asks(dialogue: Dialogue, message: str) -> None:
    assert dialogue.words.is_question(message)


@pytest.mark.parametrize("message", TOLD)
def test_a_no_inside_a_statement_does_not_ask(dialogue: Dialogue, message: str) -> None:
    assert not dialogue.words.is_question(message)


ENGLISH = [
    ("what does the 2/3 mean", "2/3是什么意思"),
    ("what does 8:2 mean", "8:2是什么意思"),
    ("how much can I get", "能拿多少"),
    ("how long can I get it", "能领多久"),
    ("where do I apply", "去哪里申请"),
    ("startup loan for poor households, how much max", None),
    ("hello", None),
    ("这个2/3是什么", None),
]


@pytest.mark.parametrize(("text", "chinese"), ENGLISH)
def test_an_english_question_about_the_last_answer_in_chinese(
    dialogue: Dialogue, text: str, chinese: str | None
) -> None:
    asks, filler = dialogue.words.latin_asks, dialogue.words.latin_asking_filler
    assert follow_up_in_chinese(text, asks, filler) == chinese


# A no then 啥的 ("or anything") closes a statement; a place after its city, said with 的, is where one is from.
READ = [
    ("叶县的 今年24 现在在家开了个网店卖腐竹 也没注册啥的 社保也没交", "叶县的", ""),
    ("我没交社保什么的，能领啥", "我没交社保什么的", "能领啥"),
    ("白山抚松的 我们村几个返乡的想合伙弄个返乡创业园 省里能给多少", "白山抚松的", "省里能给多少"),
    ("巴中通江的 有啥补贴", "巴中通江的", "有啥补贴"),
]


@pytest.mark.parametrize(("message", "stated", "asked"), READ)
def test_what_a_message_states_and_asks(dialogue: Dialogue, message: str, stated: str, asked: str) -> None:
    read = dialogue.reader.read(message)
    assert stated in read.statement, read
    assert asked in read.question and (asked or not read.question), read


@pytest.mark.parametrize("message", ["你是干啥的", "资阳那边的 有啥补贴"])
def test_what_still_asks_or_is_no_home(dialogue: Dialogue, message: str) -> None:
    read = dialogue.reader.read(message)
    assert read.question, read
    assert "资阳那边的" not in read.statement, read
