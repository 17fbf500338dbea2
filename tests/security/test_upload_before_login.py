"""The console's upload takes files of up to 20 MB, but only from logged-in staff (issue 14): an
anonymous client is held to the ordinary body limit there too, refused before the body is read,
whether it declares a length or streams chunks. Against a real `policybot serve` on loopback."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import httpx
import pytest

from bot.web import staff_library
from tests.scaleout.replicas import Replica, replica_env, staffed_replica

STAFF = ("上传管理员", "a long enough secret")
BODY_LIMIT = 16_384
CHUNK = 8192


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    root = tmp_path_factory.mktemp("upload-limit")
    env = replica_env(root / "data", f"sqlite:///{root / 'policybot.sqlite3'}")
    env["POLICYBOT_WEB_MAX_BODY_BYTES"] = str(BODY_LIMIT)
    with staffed_replica("upload-limit", env, root, STAFF) as replica:
        yield replica


def _head(path: str, port: int, extra: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: multipart/form-data; boundary=b0undary\r\n" + extra + "\r\n"
    ).encode()


def _reply(raw: socket.socket) -> bytes:
    """The whole response: the head and its Content-Length of body (one recv may hold only the head)."""
    data = b""
    try:
        while True:
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                lengths = [line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")]
                if not lengths or len(body) >= int(lengths[0].split(b":", 1)[1]):
                    return data
            chunk = raw.recv(4096)
            if not chunk:
                return data
            data += chunk
    except (ConnectionResetError, TimeoutError):
        return data


def test_an_anonymous_upload_declaring_21_mb_is_refused_before_its_body(server: Replica) -> None:
    declared = staff_library.MAX_UPLOAD_BYTES
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as raw:
        raw.sendall(_head(staff_library.UPLOAD_PATH, server.port, f"Content-Length: {declared}\r\n"))
        reply = _reply(raw)  # not one byte of the body sent
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert "请求内容太大了（上限 16 KB）".encode() in reply


def test_an_anonymous_upload_streamed_in_chunks_is_cut_off_at_the_ordinary_limit(server: Replica) -> None:
    sent = 0
    reply = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as raw:
        raw.sendall(_head(staff_library.UPLOAD_PATH, server.port, "Transfer-Encoding: chunked\r\n"))
        raw.settimeout(0.05)
        try:
            while sent < staff_library.MAX_UPLOAD_BYTES and not reply:
                raw.sendall(f"{CHUNK:x}\r\n".encode() + b"x" * CHUNK + b"\r\n")
                sent += CHUNK
                try:
                    reply = raw.recv(4096)
                except TimeoutError:
                    continue
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw.settimeout(20)
        reply = reply or _reply(raw)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert sent < 1024 * 1024, f"the server read {sent} bytes from an anonymous client"


def test_logged_in_staff_still_upload_files_larger_than_the_ordinary_limit(server: Replica) -> None:
    with httpx.Client(base_url=server.url, timeout=60, follow_redirects=True) as client:
        form = client.get("/staff/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert token
        logged_in = client.post("/staff/login", data={"name": STAFF[0], "password": STAFF[1], "csrf": token.group(1)})
        csrf = re.search(r'name="csrf" value="([^"]+)"', logged_in.text)
        assert csrf, logged_in.text[:300]
        # 200 KB, over the ordinary limit: a recipe, so it reaches intake and is refused there, in Chinese.
        recipe = ("红烧肉的做法\n" + "1. 五花肉切块焯水，小火慢炖。\n" * 8000).encode()
        assert len(recipe) > 10 * BODY_LIMIT
        response = client.post(
            staff_library.UPLOAD_PATH, data={"csrf": csrf.group(1)}, files=[("files", ("recipe.txt", recipe))]
        )
    assert response.status_code == 422, response.text[:300]
    assert "看起来不是政策文件" in response.text


def test_the_limit_is_the_settings_one(server: Replica) -> None:
    """A guard against the test passing for another reason: an ordinary small anonymous post is let
    through to the route, which sends it to the login page."""
    response = httpx.post(
        f"{server.url}{staff_library.UPLOAD_PATH}", files=[("files", ("a.txt", b"x" * 100))], timeout=20
    )
    assert response.status_code == 303 and "/staff/login" in response.headers["location"]
