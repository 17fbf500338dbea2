"""The app server's HTTP/1.1: uvicorn's h11 protocol, with a chunk's declared size bounded (issue 14).

A request body sent in chunks declares each chunk's size on a line of its own, up to 20 hex digits in
h11 (about 10^24 bytes). A declared length past the cap is refused on its `Content-Length` before a
byte of the body is read (bot/web/throttle.py), but a chunk's size never reaches the app: h11 waited for
the bytes of a chunk of 20 hex digits, and the connection was held open until the client gave up. Here
a chunk declared larger than the largest body any route takes is a malformed request: 400 at once and the
connection closed, as for a `Content-Length` of more digits than h11 reads.
"""

from __future__ import annotations

from typing import Any

import h11
from h11._connection import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
from h11._readers import ChunkedReader
from h11._receivebuffer import ReceiveBuffer
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.settings import Settings
from bot.web.schemas import CHAT_BODY_BYTES
from bot.web.staff_library import MAX_RULES_UPLOAD_BYTES, MAX_UPLOAD_BYTES


def largest_body(settings: Settings) -> int:
    """The largest request body any route of the app takes (bot/web/app.py's body limits)."""
    return max(settings.web_max_body_bytes, CHAT_BODY_BYTES, MAX_UPLOAD_BYTES, MAX_RULES_UPLOAD_BYTES)


class _BoundedChunks(ChunkedReader):
    """h11's chunked body reader, refusing a chunk that declares more than `cap` bytes when its size
    line is read (what is left of it is never more than it declared)."""

    def __init__(self, cap: int) -> None:
        super().__init__()
        self.cap = cap

    def __call__(self, buf: ReceiveBuffer) -> Any:
        event = super().__call__(buf)
        if self._bytes_in_chunk > self.cap:
            raise h11.RemoteProtocolError(f"chunk larger than the largest body taken ({self.cap} bytes)")
        return event


class _BoundedConnection(h11.Connection):
    def __init__(self, role: Any, max_incomplete_event_size: int, max_chunk_bytes: int) -> None:
        self.max_chunk_bytes = max_chunk_bytes
        super().__init__(role, max_incomplete_event_size)

    def _get_io_object(self, role: Any, event: Any, io_dict: Any) -> Any:
        io = super()._get_io_object(role, event, io_dict)
        return _BoundedChunks(self.max_chunk_bytes) if type(io) is ChunkedReader else io


class BoundedH11Protocol(H11Protocol):
    """`policybot serve`'s protocol (uvicorn's `http` option): h11, request heads bounded by uvicorn's
    `h11_max_incomplete_event_size`, chunks by `max_chunk_bytes` (set from the settings at start,
    `largest_body`; the default is the app's with default settings)."""

    max_chunk_bytes = largest_body(Settings.model_construct())

    def __init__(self, config: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        limit = config.h11_max_incomplete_event_size
        self.conn = _BoundedConnection(
            h11.SERVER,
            limit if limit is not None else DEFAULT_MAX_INCOMPLETE_EVENT_SIZE,
            self.max_chunk_bytes,
        )
