"""Core replies become Telegram HTML: escaped, headings bold, split under 4096 characters between
lines, never inside a tag or an entity, keyboard ids passed through unchanged."""

from __future__ import annotations

import html
import re

import pytest

from bot.dialogue.types import Button, Reply
from bot.telegram.bot import api_urls
from bot.telegram.format import LIMIT, chunks, keyboard, to_html

ESCAPES = [
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ("【查询结果】已按吉林省的政策判断", "<b>【查询结果】已按吉林省的政策判断</b>"),
    ("【<script>】", "<b>【&lt;script&gt;】</b>"),
    ("第一行\n【标题】\n“引号”", "第一行\n<b>【标题】</b>\n“引号”"),
]


@pytest.mark.parametrize(("text", "expected"), ESCAPES, ids=[e[0] for e in ESCAPES])
def test_text_is_escaped_and_headings_are_bold(text: str, expected: str) -> None:
    assert to_html(text) == expected


LONG = [
    ("many short lines", "\n".join(f"第{i}行：创业补贴 & 社保补贴" for i in range(600))),
    ("one very long line of ampersands", "&" * 9000),
    ("a line just over the limit", "补" * (LIMIT + 1)),
    ("headings among long lines", "\n".join(("【标题】" if i % 50 == 0 else "<很长的一行>" * 30) for i in range(120))),
]


@pytest.mark.parametrize(("name", "text"), LONG, ids=[n for n, _ in LONG])
def test_long_text_is_split_under_the_limit_without_losing_or_breaking_anything(name: str, text: str) -> None:
    parts = chunks(text)
    assert len(parts) > 1
    assert all(len(part) <= LIMIT for part in parts)
    plain = [html.unescape(re.sub(r"</?b>", "", part)) for part in parts]
    assert "".join(plain).replace("\n", "") == text.replace("\n", "")
    for part in parts:
        assert part.count("<b>") == part.count("</b>")
        assert not re.search(r"&[a-z]*$", part), "an entity was cut"


def test_a_short_text_stays_one_message() -> None:
    assert chunks("您好") == ["您好"]


def test_rows_of_buttons_become_an_inline_keyboard_with_the_same_ids() -> None:
    reply = Reply(
        kind="question",
        text="？",
        buttons=((Button(label="是", action="ans:x:0"), Button(label="否", action="ans:x:1")),),
    )
    markup = keyboard(reply)
    assert markup is not None
    assert [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard] == [
        [("是", "ans:x:0"), ("否", "ans:x:1")]
    ]
    assert keyboard(Reply(kind="notice", text="好")) is None


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ("http://127.0.0.1:8081", ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")),
        ("http://127.0.0.1:8081/", ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")),
        ("https://api.example.org/bot", ("https://api.example.org/bot", "https://api.example.org/file/bot")),
    ],
)
def test_another_bot_api_server_is_addressed_by_its_root_url(configured: str, expected: tuple[str, str]) -> None:
    assert api_urls(configured) == expected


def test_a_button_id_longer_than_64_bytes_or_not_ascii_is_refused_at_construction() -> None:
    with pytest.raises(ValueError):
        Button(label="x", action="clause:" + "x" * 60)
    with pytest.raises(ValueError):
        Button(label="x", action="ans:地区:0")
