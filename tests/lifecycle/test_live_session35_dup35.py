"""Session 35 (dup35, issue 13): a document published or retired with `policybot documents` in another process is
answered from (or no longer cited) by a running server through its questions — `/api/ask` and a chat turn — not
at the server's next check of the published documents. The server's check interval is an hour here, so only the
questions' own reading of the version can bring the change in: the first question after the change waits for the
rebuild `QUESTION_WAIT` seconds at most, so on a loaded machine the change may reach the questions a little later,
but always within WITHIN_SECONDS, far inside the hour. A real `policybot serve` on loopback, the real
CLI in a subprocess, one SQLite file."""

from __future__ import annotations

import httpx

from tests.lifecycle.test_live import DATA, cited, documents, seconds_until
from tests.scaleout.replicas import Replica

CHAT = "长春市就业见习补贴每月多少钱"


def _chat_cites(replica: Replica) -> list[str]:
    response = httpx.post(f"{replica.url}/api/chat", json={"message": CHAT}, timeout=120)
    assert response.status_code == 200, response.text
    return [c["clause_id"] for reply in response.json()["replies"] for c in reply.get("citations") or []]


def test_a_cli_publish_and_retire_reach_the_next_question_on_a_running_server(
    server_checking_hourly: tuple[Replica, dict[str, str]],
) -> None:
    replica, env = server_checking_hourly
    assert not any(c.startswith("changchun-") for c in cited(replica))

    added = documents(["add", str(DATA / "changchun_trainee_2025.txt"), "--publish"], env)
    assert added.returncode == 0, added.stderr
    seconds_until([replica], lambda citations: citations[:1] == ["changchun-2025-03"])
    assert "changchun-2025-03" in _chat_cites(replica)

    retired = documents(["retire", "changchun-2025"], env)
    assert retired.returncode == 0, retired.stderr
    seconds_until([replica], lambda citations: not any(c.startswith("changchun-") for c in citations))
    assert not any(c.startswith("changchun-") for c in _chat_cites(replica))
    assert replica.is_running, "no restart"
