"""Words of the vocabulary typed with a same-sounding character are read as the word (毕叶 → 毕业);
real words around them, and pairs jieba reads inside a longer word, are left as typed."""

from __future__ import annotations

import pytest

from bot.dialogue.core import Dialogue


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("22年商洛学院毕叶，现在没工作", "22年商洛学院毕业，现在没工作"),
        ("去年必业的", "去年毕业的"),
        ("失叶了半年多", "失业了半年多"),
        ("巴中创业补帖", "巴中创业补贴"),
        ("创业担保带款能贷多少", "创业担保贷款能贷多少"),
        ("那代款呢", "那贷款呢"),
        ("我在设保局上班", "我在社保局上班"),
        # A pinyin keyboard takes no tones: shenqing offers 申情 beside 申请 (the product's asking words).
        ("通江这个补帖到哪儿申情", "通江这个补贴到哪儿申请"),
        ("失业金怎么申情", "失业金怎么申请"),
    ],
)
def test_a_misspelt_word_of_the_vocabulary_is_read_as_the_word(dialogue: Dialogue, typed: str, read: str) -> None:
    assert dialogue.speller.correct(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "资阳创业担保贷款不贴息吗",  # 不 + 贴息: 不贴 is not 补贴 (another tone, and 贴 is inside 贴息)
        "交代款项",  # 代款 straddles 交代 and 款项
        "事业单位招聘",  # 事业 is a word of its own, not 失业
        "叶县也算吗",
        "我在待业，想问问",
        "灵活就业的社保补贴补多少",
        "我在梅河口开了家面馆",  # 了家 is le jia by its usual reading: never 了解 (liao jie)
    ],
)
def test_words_that_are_words_are_left_as_typed(dialogue: Dialogue, typed: str) -> None:
    assert dialogue.speller.correct(typed) == typed
