"""Work a turn does more than once is done once (issue 14's load target, session 15): a statement is
read once however many checks read it, a message is squashed once, and a pair of characters is looked
up by its sound once. The answers stay the same; each reader still gets values of its own."""

from __future__ import annotations

from datetime import date

import yaml

from bot.dialogue.core import Dialogue
from bot.dialogue.thread import MAX_TOPIC_TERMS, Threads
from bot.dialogue.types import SessionState, Turn
from bot.dialogue.words import squash
from knowledge.evaluation import GOLDEN_DIR

DAY = date(2026, 12, 3)


def test_a_statement_read_twice_is_read_once_and_each_reader_gets_its_own_values(dialogue: Dialogue) -> None:
    describer = dialogue.describer
    statement = "我去年拿过创业补贴，之前也贷过一笔创业担保贷款，店开在通江"
    first = describer.describe(statement, DAY)
    hits = describer._described.cache_info().hits
    second = describer.describe(statement, DAY)
    assert describer._described.cache_info().hits == hits + 1
    assert first == second
    assert sorted(first.facts["received_before"]) == ["startup_loan", "startup_subsidy"]
    # A reader that adds to what it was given changes nothing another reader gets.
    first.facts["received_before"].append("job_search_subsidy")
    first.facts["age"] = 30
    third = describer.describe(statement, DAY)
    assert sorted(third.facts["received_before"]) == ["startup_loan", "startup_subsidy"]
    assert "age" not in third.facts


def test_the_same_statement_on_another_day_is_read_again(dialogue: Dialogue) -> None:
    describer = dialogue.describer
    statement = "我是23届的，毕业以后一直没找到工作"
    misses = describer._described.cache_info().misses
    describer.describe(statement, DAY)
    describer.describe(statement, date(2027, 12, 3))
    assert describer._described.cache_info().misses == misses + 2


def test_a_pair_of_characters_is_looked_up_by_its_sound_once(dialogue: Dialogue) -> None:
    speller = dialogue.speller
    typed = "商洛的就叶见习补帖有多少"
    assert speller.correct(typed) == "商洛的就业见习补贴有多少"
    misses = speller._sounding_like.cache_info().misses
    assert speller.correct(typed) == "商洛的就业见习补贴有多少"
    assert speller._sounding_like.cache_info().misses == misses


def test_a_message_is_squashed_once_for_every_check_that_reads_it(dialogue: Dialogue) -> None:
    words = dialogue.words
    message = "嗯，好的，谢谢！我再看看～"
    words.closing(message)
    misses = squash.cache_info().misses
    words.is_assent(message)
    words.is_opener(message)
    words.command(message)
    assert squash.cache_info().misses == misses


def test_a_policy_question_turn_reads_its_message_once(dialogue: Dialogue) -> None:
    """The turn reads what is said and asked, then reads the message again for the answer: the second
    reading is the first one, not worked out again."""
    reader = dialogue.reader
    message = "我在平顶山下岗一年多了，想问问领完失业金以后还有什么补助"
    misses = reader.read.cache_info().misses
    dialogue.respond(SessionState(), Turn(text=message), DAY)
    assert reader.read.cache_info().misses == misses + 1
    reading = reader.read(message)
    assert "下岗" in reading.statement and "补助" in reading.question


def _every_term_at_every_length(threads: Threads, text: str) -> tuple[str, ...]:
    """`topic_of` as defined, by brute force: every vocabulary term at every place it is written, the
    longest (then first in the vocabulary's order) taking its stretch first."""
    vocabulary = threads.vocabulary
    written = sorted(
        (rank, start)
        for rank, term in enumerate(vocabulary)
        for start in range(len(text))
        if text.startswith(term, start)
    )
    used = [False] * len(text)
    found = []
    for rank, start in written:
        term = vocabulary[rank]
        if not any(used[start : start + len(term)]):
            used[start : start + len(term)] = [True] * len(term)
            found.append((start, term))
    return tuple(term for _, term in sorted(found))[:MAX_TOPIC_TERMS]


def test_a_policy_question_turn_finds_its_messages_topic_terms_once(dialogue: Dialogue) -> None:
    """The reader, the search check and the thread each ask for the terms of the message: the message
    is scanned once (session 22), and the terms are those of the definition."""
    threads = dialogue.threads
    message = "巴中返乡创业能贷款多少？利息谁出"
    misses = threads._topics.cache_info().misses
    dialogue.respond(SessionState(), Turn(text=message), DAY)
    scanned = threads._topics.cache_info().misses - misses
    assert threads._topics.cache_info().hits >= 1
    assert scanned <= 4, "the message and its parts, each scanned once"
    assert threads.topic_of(message) == _every_term_at_every_length(threads, message)


def test_topic_terms_are_those_of_the_definition_on_every_golden_question(dialogue: Dialogue) -> None:
    threads = dialogue.threads
    questions = [case["question"] for case in yaml.safe_load((GOLDEN_DIR / "retrieval.yaml").read_text("utf-8"))]
    questions += ["", "创", "创业担保贷款创业担保贷款", "返乡入乡创业人员一次性创业补贴"]
    assert len(questions) > 100
    for question in questions:
        assert threads.topic_of(question) == _every_term_at_every_length(threads, question), question
