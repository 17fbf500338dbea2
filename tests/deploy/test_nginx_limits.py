"""The proxy's request-head limits, as deploy/nginx.conf states them, sit inside the app server's
own (issue 14, M4): nginx refuses an oversized head first, so the app's caps are a second line.
nginx counts no headers; the app's count cap (bot/web/throttle.py) is the only one."""

from __future__ import annotations

import re
from pathlib import Path

from bot.web.throttle import MAX_HEADER_BYTES

NGINX = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text(encoding="utf-8")
UNITS = {"": 1, "k": 1024, "m": 1024 * 1024}


def size(text: str) -> int:
    found = re.fullmatch(r"(\d+)([km]?)", text.lower())
    assert found, text
    return int(found.group(1)) * UNITS[found.group(2)]


def test_nginx_states_its_head_limits_and_they_are_within_the_app_servers() -> None:
    buffer = re.search(r"^\s*client_header_buffer_size\s+(\S+);", NGINX, re.M)
    large = re.search(r"^\s*large_client_header_buffers\s+(\d+)\s+(\S+);", NGINX, re.M)
    assert buffer and large, "deploy/nginx.conf states both head limits"
    # A request line or one header must fit one large buffer; the whole head fits all of them.
    largest_head = max(size(buffer.group(1)), int(large.group(1)) * size(large.group(2)))
    assert largest_head <= MAX_HEADER_BYTES
