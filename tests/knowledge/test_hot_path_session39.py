"""The answer path's hot loops made once per load, per word or per ranking (issue 10: warm p95 ≤ 10 ms) decide
exactly as the scans they replace; the golden answers (test_same_answers) guard the whole path."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.asked_grant import AskedGrant, asked_grants
from knowledge.measure_match import _inside_in_order, _short_words, said_short
from knowledge.query import _meanings_by_word, group_meanings, load_glossary, tokenize

REPO = Path(__file__).resolve().parents[2]


def _scanned(word: str) -> tuple[str, ...]:
    """group_meanings as it was: a substring test per glossary word, in the glossary's order."""
    by_word = _meanings_by_word(load_glossary())
    return tuple(dict.fromkeys(m for said, means in by_word.items() if len(said) >= 2 and said in word for m in means))


def test_a_words_group_meanings_are_those_the_whole_glossary_scan_found() -> None:
    said = list(_meanings_by_word(load_glossary()))
    words = [*said, *(a + b for a, b in itertools.pairwise(said)), "搞养殖", "退伍兵", "我", ""]
    assert [group_meanings(w) for w in words] == [_scanned(w) for w in words]
    assert group_meanings("退伍兵") == group_meanings("退伍兵")  # the kept reading is the same


@pytest.mark.parametrize(
    ("own", "text", "name", "outright"),
    [
        (("新增", "就业", "目标"), "新增就业目标", "全年新增城镇就业目标", ()),
        (("新增", "就业", "目标"), "新增就业目标", "新增小额担保贷款目标", ()),
        (("就业", "目标"), "就业目标", "全年新增城镇就业目标", ()),
        (("大学生", "创业", "补贴"), "大学生 创业 补贴", "大学生创业社保补贴", ("大学生创业补贴",)),
        (("大学生", "创业", "补贴"), "大学生 创业 补贴", "大学生创业社保补贴", ("创业补贴",)),
    ],
)
def test_a_name_said_short_is_decided_by_the_words_made_once_per_ranking(
    own: tuple[str, ...], text: str, name: str, outright: tuple[str, ...]
) -> None:
    words = _short_words(own, text, outright)
    assert said_short(own, text, name, outright) == (words is not None and _inside_in_order(words, name))


@pytest.mark.parametrize(
    ("question", "places", "grants"),
    [
        ("养老补贴怎么领", (), (AskedGrant("养老", "补贴"),)),
        ("巴中补贴有哪些", ("巴中",), ()),  # a place names no purpose
        ("政府补贴有哪些", (), ()),  # nor a payer
        ("还有补助吗", (), ()),  # nor a function word
    ],
)
def test_a_grant_is_asked_by_its_purpose_not_by_a_payer_place_or_function_word(
    question: str, places: tuple[str, ...], grants: tuple[AskedGrant, ...]
) -> None:
    assert asked_grants(question, tokenize(question), places) == grants


def test_warming_a_knowledge_base_loads_the_number_reader() -> None:
    """A served question naming a number no longer waits for cn2an's import and patterns (0.5-1.3 s once)."""
    script = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "from knowledge.kb import KnowledgeBase\n"
        "from knowledge import numerals\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    KnowledgeBase.open(Path(tmp)).warm()\n"
        "    print(numerals._cn2an.cache_info().currsize, 'cn2an' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.stdout.split()[-2:] == ["1", "True"]
