"""A server makes its tables before its first turn, not in it (issue 14's load target).

Every table a turn reads that is made on first use — pypinyin and the spellers' sound indexes, the
Latin-script reader, the measures' names, the intent patterns, the rules by place — was made in the
first turns of a fresh server: one early message paid seconds of CPU while every other request
waited, and a fresh server spent its first minutes at two to three times the CPU per turn. The web
app (and the product renewed after a publish or retire) now makes them at start (`Services.warm`).
Each test drives real conversations through the `/api/chat` endpoint on a real SQLite file and
watches for anything made on first use while they run: a module imported, a cached property of an
object that existed before the turns computed, a load-once function loaded.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.library import DocumentLibrary
from bot.settings import Settings
from bot.web import api
from bot.web.services import WebServices, build_services
from knowledge.kb import KnowledgeBase
from tests.scaleout.replicas import next_choice

TODAY = date(2026, 6, 1)
# A self-description, its card confirmed, questions of every kind (a misspelt word, Latin script, a
# place by its sound), the interview answered with buttons, /profile.
MESSAGES = (
    "我是2020年毕业的大学生，在长春，现在还没找到工作",
    "巴中创业补帖有多少",
    "pingdingshan shiye buzhujin",
    "22年商洛学院毕叶 有啥补贴",
    "资阳灵活就业社保补贴怎么申请",
    "帮我写一首关于找工作的诗",
    "商洛市小额担保贷款有多少",
)
OWN_PACKAGES = frozenset({"bot", "knowledge", "eligibility"})


def _loaders() -> dict[str, functools._lru_cache_wrapper[Any]]:
    """Our load-once functions: module-level `lru_cache(maxsize=1)` functions of no argument."""
    found = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in OWN_PACKAGES:
            continue
        for attribute, value in vars(module).items():
            if not isinstance(value, functools._lru_cache_wrapper) or value.cache_parameters()["maxsize"] != 1:
                continue
            code = getattr(value.__wrapped__, "__code__", None)
            if code is not None and code.co_argcount == 0:
                found[f"{name}.{attribute}"] = value
    return found


@contextmanager
def made_on_first_use() -> Iterator[list[str]]:
    """What is made on first use inside the block: modules imported, cached properties computed on
    objects that existed before it, load-once functions loaded."""
    made: list[str] = []
    modules = set(sys.modules)
    existing = gc.get_objects()  # held, so no id is reused by an object made inside the block
    ids = {id(thing) for thing in existing}
    loaders = {name: loader.cache_info().misses for name, loader in _loaders().items()}
    original = functools.cached_property.__get__

    def computed(self: functools.cached_property[Any], instance: object, owner: type | None = None) -> Any:
        if instance is not None and id(instance) in ids:
            made.append(f"{type(instance).__qualname__}.{self.attrname}")
        return original(self, instance, owner)

    functools.cached_property.__get__ = computed  # type: ignore[method-assign]
    try:
        yield made
    finally:
        functools.cached_property.__get__ = original  # type: ignore[method-assign]
        made += sorted(f"import {m}" for m in set(sys.modules) - modules if not m.startswith("_"))
        made += sorted(f"{n}()" for n, loader in _loaders().items() if loader.cache_info().misses > loaders.get(n, 0))
        del existing


def converse(web: WebServices) -> list[dict[str, Any]]:
    """One conversation through the endpoint: each message, with the interview answered by buttons
    after the self-description's card is confirmed; every reply returned."""
    session: str | None = None
    seen: list[dict[str, Any]] = []

    def send(**turn: str) -> list[dict[str, Any]]:
        nonlocal session
        body = {**turn, **({"session_id": session} if session else {})}
        data = json.loads(bytes(api.chat(api.ChatRequest.model_validate(body), web).body))
        session = data["session_id"]
        seen.extend(data["replies"])
        return list(data["replies"])

    send(message=MESSAGES[0])
    replies = send(choice="ok")
    for message in MESSAGES[1:]:
        send(message=message)
        for _ in range(3):
            choice = next_choice(replies)
            if choice is None:
                break
            replies = send(choice=choice)
    send(message="/profile")
    return seen


def settings(tmp_path: Path, data_dir: Path) -> Settings:
    url = f"sqlite:///{tmp_path / 'policybot.sqlite3'}"
    return Settings(data_dir=data_dir, database_url=SecretStr(url), web_rate_limit="")


def test_a_fresh_web_apps_turns_make_nothing_on_first_use(kb_dir: Path, tmp_path: Path) -> None:
    fresh = KnowledgeBase.open(kb_dir)  # a new process's knowledge base on the saved index
    web = build_services(settings(tmp_path, kb_dir), kb=fresh)
    try:
        with made_on_first_use() as made:
            replies = converse(web)
        assert any(r["kind"] == "answer" and r["citations"] for r in replies), "the questions were answered"
        assert made == [], f"made in a turn instead of at start: {made}"
    finally:
        web.close()


def test_after_a_retire_the_renewed_product_is_made_ahead_and_answers_without_the_document(tmp_path: Path) -> None:
    """Made ahead is not stale: the product renewed on the published documents (bot/live.py) makes
    its own tables at its build, and its answers no longer cite the retired document."""
    web = build_services(settings(tmp_path, tmp_path / "data"), clock=lambda: TODAY)
    assert web.live is not None
    try:

        def cites_shangluo() -> bool:
            return any(
                c["clause_id"].startswith("shangluo-2012")
                for r in converse(web)
                if r["kind"] == "answer"
                for c in r["citations"]
            )

        assert cites_shangluo()
        DocumentLibrary(web.live.current().library.engine).retire("shangluo-2012", "tester")
        assert web.live.renew_now()
        web.refresh()
        with made_on_first_use() as made:
            assert not cites_shangluo(), "the retired document is no longer answered from"
        assert made == [], f"made in the renewed product's turns instead of at its build: {made}"
    finally:
        web.close()
