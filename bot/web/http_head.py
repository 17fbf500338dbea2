"""The server's HTTP/1.1 protocol: uvicorn's httptools (a C parser) with the request head bounded.

uvicorn's h11 protocol bounds a head by itself but parses every request in Python (about 240 Python
calls a request); httptools reads a head of any size (one 50 MB header was answered 200, issue 14
M4). Here the head's bytes are counted as they arrive, before the parser sees them, and a head past
MAX_HEADER_BYTES is refused with 431 and the connection closed; the number of headers is bounded
by the app (bot/web/throttle.py, MAX_HEADERS).
"""

from __future__ import annotations

import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from bot.web.errors import error_body

# The request line and headers together; nginx's default (4 × 8 KB buffers) is below it.
MAX_HEADER_BYTES = 64 * 1024
HEAD_END = b"\r\n\r\n"
_REFUSAL = json.dumps(
    error_body(431, f"请求头太大了（上限 {MAX_HEADER_BYTES // 1024} KB）。", code="head_too_large"), ensure_ascii=False
).encode()


class BoundedHeadProtocol(HttpToolsProtocol):
    """httptools with a request head of at most MAX_HEADER_BYTES (`policybot serve --http`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes: int | None = 0  # of the request head read so far; None while its body is read

    def data_received(self, data: bytes) -> None:
        if self._head_bytes is not None:
            end = data.find(HEAD_END)
            # Counted to the head's end when it is in this piece (a few bytes more if the end
            # was split between two pieces), the whole piece otherwise.
            self._head_bytes += len(data) if end < 0 else end
            if self._head_bytes > MAX_HEADER_BYTES:
                self._refuse_head()
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._head_bytes = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._head_bytes = 0  # the next request on this connection starts with its head

    def _refuse_head(self) -> None:
        self._head_bytes = None
        self.transport.write(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/json; charset=utf-8\r\n"
            b"content-length: " + str(len(_REFUSAL)).encode() + b"\r\nconnection: close\r\n\r\n" + _REFUSAL
        )
        self.transport.close()
