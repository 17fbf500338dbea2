"""Session 39 (fix39): a question set beside the last one is told by its adverbs as adverbs (也有, 还能, 一样, 这个)
— never by a character inside another word (还款, 应该): 巴中应该有补贴吧 after 资阳's 求职创业补贴 asks anew."""

from __future__ import annotations

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Thread

ZIYANG = Thread(topic=("求职创业补贴",), region="资阳市", measure="求职创业补贴", measure_region="资阳市")


@pytest.mark.parametrize(
    ("asked", "anew"),
    [
        ("巴中应该有补贴吧", True),
        ("巴中有补贴吗，怎么还款", True),
        ("巴中也有补贴吗", False),
        ("巴中还有补贴吗", False),
        ("巴中还能领补贴吗", False),
        ("巴中的补贴一样吗", False),
        ("巴中有这个补贴吗", False),
    ],
)
def test_a_question_beside_the_last_one_is_told_by_adverbs_never_by_a_character_in_a_word(
    dialogue: Dialogue, asked: str, anew: bool
) -> None:
    assert dialogue.threads._asks_anew(ZIYANG, asked, "巴中市") is anew
