"""Every error the chat API gives is worded in Chinese, down to the per-field detail (issue 12
leftovers, session 7): probed over real HTTP against a running `policybot serve`. A message over the
API's limit names the limit; a message over the dialogue's own limit is a reply, not an error."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from typing import Any

import pytest

from .conftest import LiveServer

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z_]{3,}")
# The names a client sends (and the format's) are the only Latin words a detail may contain.
FIELD_NAMES = {"message", "choice", "session_id", "turn_id", "body", "JSON", "Content", "Type", "application", "json"}


def post(server: LiveServer, path: str, body: bytes, content_type: str = "application/json") -> tuple[int, Any]:
    # As the widget sends it: UTF-8, not \u escapes (the body limit counts bytes).
    request = urllib.request.Request(
        server.url + path, data=body, headers={"content-type": content_type}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def words_of(body: Any) -> list[str]:
    """Every text a client could show: the error and each field's problem."""
    texts = [str(body.get("error", ""))]
    detail = body.get("detail")
    if isinstance(detail, list):
        texts += [str(item.get("problem", "")) for item in detail if isinstance(item, dict)]
    return texts


def assert_chinese(body: Any, sent: Any = None) -> None:
    named = set(sent) if isinstance(sent, dict) else set()
    for text in words_of(body):
        assert CJK.search(text), f"not Chinese: {text!r}"
        english = set(LATIN_WORD.findall(text)) - FIELD_NAMES - named
        assert not english, f"English words {english} in {text!r}"


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        pytest.param({"message": "补" * 5001}, {422}, id="just-over-the-api-limit"),
        pytest.param({"message": "我想问创业补贴" * 1500}, {422}, id="ten-thousand-characters"),
        pytest.param({"message": 12345}, {422}, id="a-number-for-the-message"),
        pytest.param({"choice": "按钮"}, {422}, id="a-choice-that-is-not-an-action"),
        pytest.param({"message": "你好", "choice": "ok"}, {422}, id="both-message-and-choice"),
        pytest.param({"message": "你好", "color": "red"}, {422}, id="a-field-nobody-knows"),
        pytest.param({"message": "你好", "session_id": "!!"}, {422}, id="a-malformed-session-id"),
        pytest.param({}, {422}, id="nothing-at-all"),
    ],
)
def test_a_refused_chat_request_is_explained_in_chinese(
    live_server: LiveServer, payload: Any, status: set[int]
) -> None:
    code, body = post(live_server, "/api/chat", json.dumps(payload, ensure_ascii=False).encode())
    assert code in status, body
    assert_chinese(body, payload)


def test_a_message_over_the_limit_names_the_limit(live_server: LiveServer) -> None:
    code, body = post(live_server, "/api/chat", json.dumps({"message": "长" * 5200}, ensure_ascii=False).encode())
    assert code == 422
    assert "5000" in body["error"] and "消息太长" in body["error"], body["error"]
    assert [d["problem"] for d in body["detail"]] == ["太长了（最多 5000 个字）"]


def test_a_message_over_the_dialogue_limit_is_a_chinese_reply_in_the_conversation(live_server: LiveServer) -> None:
    code, body = post(live_server, "/api/chat", json.dumps({"message": "创业" * 1200}, ensure_ascii=False).encode())
    assert code == 200, body
    texts = [r["text"] for r in body["replies"]]
    assert any("消息太长了（2400字）" in t for t in texts), texts
    assert not any(LATIN_WORD.search(t) for t in texts)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(b'{"message": "\xe4\xbd', "application/json", id="cut-off-json"),
        pytest.param(b"message=hello", "application/x-www-form-urlencoded", id="a-form-instead-of-json"),
        pytest.param(b"[1, 2, 3]", "application/json", id="a-list-instead-of-an-object"),
        pytest.param(b'{"message": "' + b"x" * 300_000 + b'"}', "application/json", id="a-body-too-large"),
    ],
)
def test_a_body_the_api_cannot_read_is_explained_in_chinese(
    live_server: LiveServer, body: bytes, content_type: str
) -> None:
    code, answer = post(live_server, "/api/chat", body, content_type)
    assert 400 <= code < 500, answer
    assert_chinese(answer)


# -- a long message is measured in characters, however the client escaped it (session 8) -------------

TOO_LONG = "消息太长了（最多 5000 个字）"


@pytest.mark.parametrize("ascii_escapes", [True, False], ids=["escaped", "utf-8"])
def test_a_message_at_the_limit_is_answered_however_it_is_escaped(live_server: LiveServer, ascii_escapes: bool) -> None:
    """5,000 Chinese characters are 30 KB as \\u escapes (what Python's json sends by default): read
    and answered like the same message in UTF-8, not refused as too large a body."""
    body = json.dumps({"message": "请问巴中的创业补贴" * 555 + "吗？？？？"}, ensure_ascii=ascii_escapes).encode()
    assert len(json.loads(body)["message"]) == 5000
    code, answer = post(live_server, "/api/chat", body)
    assert code == 200, answer
    assert answer["replies"], answer


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(json.dumps({"message": "补" * 10_000}).encode(), id="ten-thousand-escaped"),
        pytest.param(json.dumps({"message": "补" * 10_000}, ensure_ascii=False).encode(), id="ten-thousand-utf-8"),
        pytest.param(json.dumps({"message": "创业" * 60_000}, ensure_ascii=False).encode(), id="far-past-any-cap"),
        pytest.param(json.dumps({"message": "😀" * 6_000}).encode(), id="emoji-as-surrogate-pairs"),
    ],
)
def test_a_message_too_long_gets_the_length_message_whatever_its_size(live_server: LiveServer, body: bytes) -> None:
    """However far past the limit, and whether the server measured the message or stopped reading the
    body first: the same polite Chinese 消息太长了 with the limit, never a 413."""
    code, answer = post(live_server, "/api/chat", body)
    assert code == 422, answer
    assert answer["error"].startswith(TOO_LONG), answer
    assert [d["problem"] for d in answer["detail"]] == ["太长了（最多 5000 个字）"]


def test_other_routes_keep_the_plain_body_limit(live_server: LiveServer) -> None:
    code, answer = post(live_server, "/api/ask", json.dumps({"question": "补" * 10_000}).encode())
    assert code == 413 and "KB" in answer["error"], answer
