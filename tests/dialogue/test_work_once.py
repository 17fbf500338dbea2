"""Work a turn does more than once is done once (issue 14's load target, session 15): a statement is
read once however many checks read it, a message is squashed once, and a pair of characters is looked
up by its sound once. The answers stay the same; each reader still gets values of its own."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn
from bot.dialogue.words import squash

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
