"""`policybot`: one console script; subcommands for every entry point of the product."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from typing import TextIO

from pydantic import ValidationError

from bot.logs import configure_logging
from bot.settings import Settings
from knowledge.answer import AnswerResult
from knowledge.errors import KnowledgeError, QueryError
from knowledge.kb import KnowledgeBase, ingest, make_embedder
from knowledge.registry import build_registry
from knowledge.store import ChromaClauseStore

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_kb(settings: Settings, quiet: bool = False) -> KnowledgeBase:
    progress = None if quiet else _stderr
    return KnowledgeBase.open(
        settings.resolved_data_dir(),
        embedding_model=settings.embedding_model,
        chroma_url=settings.chroma_url,
        progress=progress,
    )


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    data_dir = settings.resolved_data_dir()
    _stderr(f"数据目录：{data_dir}")
    registry = build_registry()
    embedder = make_embedder(settings.embedding_model)
    store = (
        ChromaClauseStore(url=settings.chroma_url)
        if settings.chroma_url
        else ChromaClauseStore(path=data_dir / "chroma")
    )
    report = ingest(registry, store, embedder, data_dir, _stderr)
    _stderr(f"内容指纹 {report.content_hash}，向量模型 {report.embedder}，{'已重建' if report.rebuilt else '无变化'}")
    _stderr("数据质量报告：")
    for quality in registry.quality_reports():
        _stderr(f"  {quality.document_id}: {json.dumps(quality.summary(), ensure_ascii=False)}")
        for issue in quality.issues:
            if issue.kind.value == "garbled_span":
                _stderr(f"    乱码 {issue.clause_id}: 原文“{issue.original}” → “{issue.context}”")
    _stderr(f"完成，用时 {report.seconds} 秒。质量报告：{data_dir / 'index' / 'quality.json'}")
    if args.json:
        print(
            json.dumps(
                {
                    "content_hash": report.content_hash,
                    "embedder": report.embedder,
                    "rebuilt": report.rebuilt,
                    "clause_counts": report.clause_counts,
                    "seconds": report.seconds,
                    "quality": report.quality,
                },
                ensure_ascii=False,
            )
        )
    return EXIT_OK


def _error_object(question: str, message: str) -> dict[str, object]:
    return {
        "question": question,
        "status": "error",
        "error": message,
        "answer": message,
        "region": None,
        "citations": [],
    }


def _answer_json(result: AnswerResult) -> str:
    return result.model_dump_json()


def _read_lines(stream: TextIO) -> Iterator[bytes]:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        for raw in buffer:
            yield raw.rstrip(b"\r\n")
    else:  # a text stream without a buffer (tests, embedding)
        for line in stream:
            yield line.rstrip("\r\n").encode("utf-8", "surrogateescape")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    as_of = args.as_of or date.today()
    if args.question is None and not args.json:
        _stderr('请在命令后面写上问题，例如：policybot ask "高校毕业生创业有什么补贴？"')
        return EXIT_BAD_INPUT
    kb = open_kb(settings, quiet=args.json)
    if args.question is not None:
        question = " ".join(args.question)
        try:
            result = kb.answerer.answer(question, args.region, as_of)
        except QueryError as exc:
            if args.json:
                print(json.dumps(_error_object(question, str(exc)), ensure_ascii=False))
            else:
                _stderr(str(exc))
            return EXIT_BAD_INPUT
        print(_answer_json(result) if args.json else result.answer)
        return EXIT_OK
    for raw in _read_lines(sys.stdin):
        text = raw.decode("utf-8", "replace")
        try:
            result = kb.answerer.answer(raw, args.region, as_of)
            line = _answer_json(result)
        except QueryError as exc:
            line = json.dumps(_error_object(text, str(exc)), ensure_ascii=False)
        print(line, flush=True)
    return EXIT_OK


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policybot", description="就业政策通：就业创业政策问答与补贴资格自查")
    sub = parser.add_subparsers(dest="command", required=True)

    p_ingest = sub.add_parser("ingest", help="解析政策文件并建立索引（幂等）")
    p_ingest.add_argument("--json", action="store_true", help="最后输出一行 JSON 摘要")
    p_ingest.set_defaults(handler=cmd_ingest)

    p_ask = sub.add_parser("ask", help="就政策提问，引用条款原文回答")
    p_ask.add_argument("question", nargs="*", default=None, help="问题；--json 且不给问题时从标准输入逐行读取")
    p_ask.add_argument("--json", action="store_true", help="输出 JSON（批量模式为 JSON Lines）")
    p_ask.add_argument("--region", help="地区（如 长春、巴中市）；不填则从问题中识别")
    p_ask.add_argument("--as-of", type=_parse_date, help="按此日期判断时限性措施是否到期（默认今天）")
    p_ask.set_defaults(handler=cmd_ask)

    _register_optional(sub, "bot.check_cli")
    _register_optional(sub, "bot.tune_cli")
    _register_optional(sub, "bot.telegram.cli")
    _register_optional(sub, "bot.chat_cli")
    _register_optional(sub, "bot.web.serve_cli")
    _register_optional(sub, "bot.web.staff_cli")
    return parser


def _register_optional(sub: argparse._SubParsersAction, module_name: str) -> None:  # type: ignore[type-arg]
    """Subcommands that live in their own modules register themselves."""
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only a missing subcommand module (or its package) is optional; a missing dependency inside
        # it is a real error.
        if exc.name is None or not module_name.startswith(exc.name):
            raise
        return
    module.add_parser(sub)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "ask" and args.question == []:
        args.question = None
    try:
        settings = Settings()
    except ValidationError as exc:
        _stderr(f"配置错误（环境变量 POLICYBOT_*）：{exc}")
        return EXIT_FAILURE
    configure_logging(settings)
    handler = args.handler
    try:
        return int(handler(args, settings))
    except KnowledgeError as exc:
        _stderr(f"出错了：{exc}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
