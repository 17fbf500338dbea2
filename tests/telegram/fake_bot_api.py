"""A fake Telegram Bot API server on 127.0.0.1: it feeds updates through getUpdates (long polling,
with Telegram's offset acknowledgement) and records every call the bot makes.

Only the methods the bot uses are modelled; the rest answer `true`. Request bodies are what
python-telegram-bot sends: form-encoded, complex values JSON-encoded.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER = {"id": 999, "is_bot": True, "first_name": "就业政策通", "username": "policybot_test_bot"}
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Call:
    method: str
    params: dict[str, Any]

    @property
    def text(self) -> str:
        """The message text as a person reads it (tags removed, entities unescaped)."""
        return html.unescape(_TAG.sub("", str(self.params.get("text", ""))))

    @property
    def buttons(self) -> list[dict[str, str]]:
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]

    @property
    def labels(self) -> list[str]:
        return [b["text"] for b in self.buttons]


class FakeBotApi:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.acknowledged = 0
        self.next_update = 1
        self.next_message = 100
        self.condition = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeBotApi:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- feeding the bot ----------------------------------------------------------------------

    def send_text(self, chat_id: int, text: str) -> int:
        message = {
            "message_id": self._message_id(),
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": _user(chat_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push({"message": message})

    def send_sticker(self, chat_id: int) -> int:
        message = {
            "message_id": self._message_id(),
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": _user(chat_id),
            "sticker": {
                "file_id": "s1",
                "file_unique_id": "u1",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            },
        }
        return self._push({"message": message})

    def press(self, chat_id: int, on: Call, label: str) -> int:
        """Tap the button whose label contains `label` on a message the bot sent (or edited)."""
        matches = [b for b in on.buttons if label in b["text"]]
        assert matches, f"no button {label!r} in {on.labels}"
        message_id = on.params.get("message_id") or on.params["_message_id"]
        query = {
            "id": str(self.next_update),
            "from": _user(chat_id),
            "chat_instance": "ci",
            "data": matches[0]["callback_data"],
            "message": {
                "message_id": int(message_id),
                "date": int(time.time()),
                "chat": _chat(chat_id),
                "from": BOT_USER,
                "text": on.text,
            },
        }
        return self._push({"callback_query": query})

    def _push(self, payload: dict[str, Any]) -> int:
        with self.condition:
            update_id = self.next_update
            self.next_update += 1
            self.updates.append({"update_id": update_id, **payload})
            self.condition.notify_all()
            return update_id

    def _message_id(self) -> int:
        with self.condition:
            self.next_message += 1
            return self.next_message

    # -- observing the bot --------------------------------------------------------------------

    def wait_for(self, predicate: Any, timeout: float = 20.0) -> list[Call]:
        """All calls so far, once `predicate(calls)` holds (AssertionError with the calls otherwise)."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while not predicate(self.calls):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    shown = "\n".join(f"{c.method}: {c.text[:120]!r} {c.labels}" for c in self.calls)
                    raise AssertionError(f"timed out; calls so far:\n{shown}")
                self.condition.wait(min(remaining, 0.2))
            return list(self.calls)

    def sent(self, method: str = "sendMessage") -> list[Call]:
        with self.condition:
            return [c for c in self.calls if c.method == method]

    def replies_after(self, index: int) -> list[Call]:
        with self.condition:
            return [c for c in self.calls[index:] if c.method in {"sendMessage", "editMessageText"}]

    # -- the HTTP side ------------------------------------------------------------------------

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "getUpdates":
            return self._get_updates(params)
        with self.condition:
            if method in {"sendMessage", "editMessageText"}:
                message_id = int(params.get("message_id") or 0) or None
                if message_id is None:
                    self.next_message += 1
                    message_id = self.next_message
                params = {**params, "_message_id": message_id}
                self.calls.append(Call(method, params))
                self.condition.notify_all()
                return {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "from": BOT_USER,
                    "chat": _chat(int(params["chat_id"])),
                    "text": params.get("text", ""),
                }
            self.calls.append(Call(method, params))
            self.condition.notify_all()
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 1.0)
        deadline = time.monotonic() + timeout
        with self.condition:
            self.acknowledged = max(self.acknowledged, offset - 1)
            while True:
                pending = [u for u in self.updates if u["update_id"] > self.acknowledged]
                if pending or time.monotonic() >= deadline:
                    return pending
                self.condition.wait(max(0.0, min(deadline - time.monotonic(), 0.1)))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                method = self.path.rstrip("/").rsplit("/", 1)[-1]
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                params = {k: _json_value(v) for k, v in parse_qsl(body, keep_blank_values=True)}
                payload = json.dumps({"ok": True, "result": api._answer(method, params)}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def _json_value(raw: str) -> Any:
    if raw[:1] in "{[":
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return raw
    return raw


def _chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private" if chat_id > 0 else "group", "first_name": "测试"}


def _user(user_id: int) -> dict[str, Any]:
    return {"id": abs(user_id), "is_bot": False, "first_name": "测试"}
