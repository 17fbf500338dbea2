"""`policybot ask`: one cited answer in Chinese, or JSON (one object, or JSON Lines from stdin)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from typing import TextIO

from bot.arguments import iso_date
from bot.present.answers import AnswerResult, answer_result
from bot.services import Services
from bot.settings import Settings
from knowledge.errors import QueryError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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


def run(args: argparse.Namespace, settings: Settings) -> int:
    as_of = args.as_of or date.today()
    if args.question == []:
        args.question = None
    if args.question is None and not args.json:
        _stderr('请在命令后面写上问题，例如：policybot ask "高校毕业生创业有什么补贴？"')
        return EXIT_BAD_INPUT
    kb = Services(settings, progress=None if args.json else _stderr, verify_vectors=False).knowledge
    if args.question is not None:
        question = " ".join(args.question)
        try:
            result = answer_result(kb.answerer.answer(question, args.region, as_of))
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
            result = answer_result(kb.answerer.answer(raw, args.region, as_of))
            line = _answer_json(result)
        except QueryError as exc:
            line = json.dumps(_error_object(text, str(exc)), ensure_ascii=False)
        print(line, flush=True)
    return EXIT_OK


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot ask` (help text: the table in bot/cli.py)."""
    parser.add_argument(
        "question", nargs="*", default=None, metavar="问题", help="问题；--json 且不给问题时从标准输入逐行读取"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON（批量模式为 JSON Lines）")
    parser.add_argument("--region", metavar="地区", help="地区（如 长春、巴中市）；不填则从问题中识别")
    parser.add_argument("--as-of", type=iso_date, metavar="日期", help="按此日期判断时限性措施是否到期（默认今天）")
    parser.set_defaults(handler=run)
