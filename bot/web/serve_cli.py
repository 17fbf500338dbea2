"""`policybot serve`: the web app (API, widget, staff console) on embedded defaults.

No token and no external service needed: the SQLite file and the Chroma directory live under the
data dir unless POLICYBOT_DATABASE_URL / POLICYBOT_CHROMA_URL point elsewhere. With --workers N,
N processes share the port (each with its own index in memory, answer cache and rate counters).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from fastapi import FastAPI

from bot.logs import configure_logging, uvicorn_log_config
from bot.settings import Settings


def app_from_environment() -> FastAPI:
    """The app built from POLICYBOT_* (what each worker process runs)."""
    from bot.web.app import create_app
    from bot.web.http11 import BoundedH11Protocol, largest_body
    from bot.web.services import build_services

    settings = Settings()
    configure_logging(settings)
    BoundedH11Protocol.max_chunk_bytes = largest_body(settings)  # this worker's connections
    app = create_app(build_services(settings), owns_services=True)
    freeze_loaded_objects()
    return app


def freeze_loaded_objects() -> None:
    """What a server loads at start (the index, the rules, the dictionaries: millions of objects) lives
    as long as the process. Moved out of the collector's generations, a full collection walks only what
    turns made since: it was about 5 % of a chat turn's CPU under the load bench."""
    gc.collect()
    gc.freeze()


# An idle keep-alive connection is closed after this; a proxy's upstream keep-alive must be shorter
# (deploy/nginx.conf: 4 s), or it may send a request on a connection the server is closing.
KEEP_ALIVE_SECONDS = 5
# How long uvicorn's supervisor waits for a worker to answer its ping before killing it as hung (uvicorn's
# default, 5 s, is shorter than a worker's loading on a busy host: at load average 12 on 2 cores every
# worker was killed while loading and started again, and `serve --workers 2` never became ready).
WORKER_HEALTHCHECK_SECONDS = 120


def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from bot.services import Services
    from bot.web.app import create_app
    from bot.web.http11 import BoundedH11Protocol, largest_body
    from bot.web.services import build_services
    from bot.web.throttle import MAX_HEADER_BYTES

    host = args.host or settings.web_host
    port = args.port or settings.web_port
    # The address listened on is what the embed code shows when no public URL is set (bot/web/widget.py).
    settings = settings.model_copy(update={"web_host": host, "web_port": port})
    BoundedH11Protocol.max_chunk_bytes = largest_body(settings)
    options = {
        "host": host,
        "port": port,
        "log_level": settings.log_level.lower(),
        # Forwarded headers only from the proxy named in the settings: uvicorn on its own believes them from
        # 127.0.0.1, so any local process, or a client of a bare `serve`, chose the address the limits key on.
        "proxy_headers": bool(settings.forwarded_allow_ips),
        "forwarded_allow_ips": settings.forwarded_allow_ips,
        "server_header": False,
        "access_log": args.access_log,
        "log_config": uvicorn_log_config(settings),
        # h11 bounds a request's head (httptools reads any size: one 50 MB header was answered 200); the
        # app refuses a head over the cap that h11 still parsed (bot/web/throttle.py).
        # …and a chunk declared larger than any body the app takes is refused at once (bot/web/http11.py).
        "http": BoundedH11Protocol,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
    }
    print(f"正在加载政策索引和数据库（数据目录 {settings.resolved_data_dir()}）…", file=sys.stderr, flush=True)
    banner = f"就业政策通已启动：http://{host}:{port}/demo（演示） /docs（接口文档） /staff（工作台）"
    if args.workers > 1:
        # Build (or check) the index once here, so the workers only attach to it.
        _ = Services(settings).knowledge
        # The workers build their settings from the environment (app_from_environment).
        os.environ["POLICYBOT_WEB_HOST"], os.environ["POLICYBOT_WEB_PORT"] = host, str(port)
        print(banner + f"，{args.workers} 个进程", file=sys.stderr, flush=True)
        uvicorn.run(
            "bot.web.serve_cli:app_from_environment",
            factory=True,
            workers=args.workers,
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
            **options,
        )
        return 0
    app = create_app(build_services(settings), owns_services=True)
    freeze_loaded_objects()
    print(banner, file=sys.stderr, flush=True)
    uvicorn.run(app, **options)
    return 0


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot serve` (help text: the table in bot/cli.py)."""
    parser.add_argument("--host", help="监听地址（默认 127.0.0.1，或 POLICYBOT_WEB_HOST）")
    parser.add_argument("--port", type=int, help="端口（默认 8000，或 POLICYBOT_WEB_PORT）")
    parser.add_argument("--workers", type=int, default=1, help="进程数（默认 1；每个进程各自加载索引）")
    parser.add_argument("--access-log", action="store_true", help="打印每个请求的访问日志")
    parser.set_defaults(handler=run)
